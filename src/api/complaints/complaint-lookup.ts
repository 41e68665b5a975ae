/**
 * Finding a complaint by the numbers people read out: its register number (on the receipt and every
 * letter, `2026/12/0007`; in a URL `2026-12-0007`, the form of its workflow ID) or its tracking code
 * (the complainant's, `K7QX2M9TPA`, case and surrounding spaces forgiven).
 */
import { normaliseTrackingCode } from '../tracking/tracking-code';

/** A register number as written on paper (slashes) or in a URL (dashes). */
export const REGISTER_NUMBER_PATTERN = '\\d{4}[-/]\\d{2}[-/]\\d{4,6}';
const REGISTER_NUMBER = new RegExp(`^${REGISTER_NUMBER_PATTERN}$`);
const UUID_PATTERN = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** The `q` search parameter: a register number or a tracking code, spaces around allowed. */
export const COMPLAINT_KEY_PATTERN = `^\\s*(${REGISTER_NUMBER_PATTERN}|[A-Za-z0-9]{4,16})\\s*$`;
export const COMPLAINT_KEY_MESSAGE =
  'Pencarian (q) wajib berupa nomor register (mis. 2026/12/0007 atau 2026-12-0007) atau kode pelacakan (mis. K7QX2M9TPA).';

/** The complaint path parameter: the record's id (UUID) or its register number. */
export const COMPLAINT_ID_OR_NUMBER_PATTERN = `^(${UUID_PATTERN}|${REGISTER_NUMBER_PATTERN})$`;

export type ComplaintKey = { registerNumber: string } | { trackingCode: string };

/** The register number as stored (`2026/12/0007`), or undefined when `value` is not one. */
export function registerNumberOf(value: string): string | undefined {
  const text = value.trim();
  return REGISTER_NUMBER.test(text) ? text.replace(/-/g, '/') : undefined;
}

/** What `q` asks for: a register number, else a tracking code; undefined when it is neither. */
export function complaintKeyOf(value: string): ComplaintKey | undefined {
  const registerNumber = registerNumberOf(value);
  if (registerNumber) return { registerNumber };
  const trackingCode = normaliseTrackingCode(value);
  return trackingCode ? { trackingCode } : undefined;
}
