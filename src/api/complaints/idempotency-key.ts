import { badRequest } from '../common/api-error';

/** Validates an Idempotency-Key header (a client-chosen token, e.g. a UUID). */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(header)) {
    throw badRequest('Header Idempotency-Key harus 8-100 karakter huruf, angka, atau tanda - _ . :');
  }
  return header;
}
