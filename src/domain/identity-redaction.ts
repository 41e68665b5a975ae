/**
 * Redaction of a complainant's own identity values inside free text, for anonymisation (retention
 * or an erasure request, src/db/anonymise-complaint.ts). The complaint's substance stays readable;
 * what is cut out is every written form of the values the complainant gave: the name and address
 * as written (any case, any spacing), the NIK's 16 digits (with or without separators), the phone
 * in its national or international form (0812…, +62 812…, 62-812…), and the e-mail in any case.
 *
 * Only whole values are cut, never parts: a name's first word alone, or digits inside a longer
 * number, stay. Pure, so the rule is tested without a database.
 */

import { escapeRegExp } from './regexp';

/** What a redacted value is replaced by. */
export const REDACTED = '[dianonimkan]';

export interface IdentityValues {
  name?: string | null;
  nik?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Values shorter than this are not cut out of text (they would match ordinary words). */
const MIN_TEXT_LENGTH = 3;
/** The fewest digits of a phone number after its prefix that are cut out (shorter ones are codes). */
const MIN_PHONE_DIGITS = 7;
/** Separators people write between digits: spaces, dots, dashes, brackets. */
const DIGIT_SEPARATOR = '[\\s.()\\-]*';

/** Text as written, any case, any run of spaces where it has one; not inside a longer word. */
function textPattern(value: string): string | null {
  const words = value.trim().split(/\s+/).filter(Boolean);
  if (words.join(' ').length < MIN_TEXT_LENGTH) return null;
  return `(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`;
}

/** The digits with any separators between them; not inside a longer number. */
function digitsPattern(digits: string, prefix = ''): string {
  return `(?<!\\d)${prefix}${[...digits].join(DIGIT_SEPARATOR)}(?!\\d)`;
}

function phonePattern(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  // The subscriber part after the national (0) or international (62, +62) prefix.
  const subscriber = digits.startsWith('62') ? digits.slice(2) : digits.replace(/^0/, '');
  if (subscriber.length < MIN_PHONE_DIGITS) return null;
  // An opening bracket is part of the number only when it closes inside it: "(0812) 3456…", not "(0812-3456-7890)".
  const bracket = '(?:\\((?=[+\\d\\s.\\-]*\\)[\\s.\\-]*\\d))?';
  return digitsPattern(subscriber, `${bracket}(?:\\+?62|0)${DIGIT_SEPARATOR}`);
}

/**
 * A function that replaces every written form of the identity's values in a text by REDACTED.
 * Values that are empty (or too short to be told apart from ordinary text) are left alone.
 */
export function identityRedactor(identity: IdentityValues): (text: string) => string {
  const patterns: string[] = [];
  // The longest first: an address that contains the name is cut whole.
  for (const value of [identity.address, identity.name].filter((v): v is string => !!v?.trim())) {
    const pattern = textPattern(value);
    if (pattern) patterns.push(pattern);
  }
  if (identity.email?.trim()) patterns.push(escapeRegExp(identity.email.trim()));
  const nik = identity.nik?.replace(/\D/g, '');
  if (nik && nik.length >= MIN_TEXT_LENGTH) patterns.push(digitsPattern(nik));
  const phone = identity.phone ? phonePattern(identity.phone) : null;
  if (phone) patterns.push(phone);
  if (patterns.length === 0) return (text) => text;
  const regex = new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'giu');
  return (text) => text.replace(regex, REDACTED);
}

/** The same redaction over every string inside a JSON value (timeline details, a kept outcome). */
export function redactJson<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redact)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactJson(item, redact)]),
    ) as T;
  return value;
}
