/** Tracking codes are 10 characters of A-Z and 2-9; typed by people, so case and spaces are forgiven. */
export function normaliseTrackingCode(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  return /^[A-Z0-9]{4,16}$/.test(code) ? code : undefined;
}

export const TRACKING_CODE_NOT_FOUND = 'Kode pelacakan tidak ditemukan.';
