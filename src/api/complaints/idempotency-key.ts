import type { ApiHeaderOptions } from '@nestjs/swagger';
import { badRequest } from '../common/api-error';

const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

/** The one (optional) Idempotency-Key header parameter of the create operations. */
export const IDEMPOTENCY_KEY_HEADER: ApiHeaderOptions = {
  name: 'Idempotency-Key',
  required: false,
  description:
    'Retrying with the same key returns the first result (8-100 letters, digits, - _ . :; empty = none)',
  // An empty header counts as none.
  schema: { type: 'string', pattern: `^(${KEY.source.slice(1, -1)})?$` },
};

/** Validates an Idempotency-Key header (a client-chosen token, e.g. a UUID). */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (!KEY.test(header)) {
    throw badRequest('Header Idempotency-Key harus 8-100 karakter huruf, angka, atau tanda - _ . :');
  }
  return header;
}
