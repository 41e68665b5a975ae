import { type OptionsType, ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import * as zxcvbnId from '@zxcvbn-ts/language-id';
import bcrypt from 'bcryptjs';

// NOT workflow-safe (large dictionaries): used by the API and the create-admin command only, and
// left out of the domain index.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's score (0..4) a password needs: 3 means "safely unguessable" for an online attack. */
export const PASSWORD_MIN_SCORE = 3;

/** bcrypt cost of stored password hashes. */
export const PASSWORD_HASH_ROUNDS = 12;
/** bcrypt reads only the first 72 bytes (UTF-8) of a password. */
const BCRYPT_MAX_BYTES = 72;

/**
 * Words anyone would try first against this office's accounts: zxcvbn counts a password made of
 * them (with the user's own name) as guessable.
 */
const OFFICE_WORDS = ['prabumulih', 'dpmptsp', 'dpm-ptsp', 'ptsp', 'pengaduan', 'sumsel', 'admin'];

let factory: ZxcvbnFactory | undefined;

/** Built on first use: loading the dictionaries takes a moment and some memory. */
function estimator(): ZxcvbnFactory {
  if (!factory) {
    const options: OptionsType = {
      dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, ...zxcvbnId.dictionary },
      graphs: zxcvbnCommon.adjacencyGraphs,
      // Bahasa Indonesia feedback ("Ini adalah kata sandi yang umum digunakan.").
      translations: zxcvbnId.translations,
    };
    factory = new ZxcvbnFactory(options);
  }
  return factory;
}

export interface PasswordOwner {
  username: string;
  fullName?: string | null;
}

/**
 * The password rules, one message per problem in Bahasa Indonesia (empty when the password is
 * acceptable): 10 to 128 characters, not the username, not a common password, and zxcvbn score 3
 * or more with the user's name and the office's words counted as known to an attacker.
 */
export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  if (typeof password !== 'string' || password.length === 0) return ['Kata sandi wajib diisi.'];
  // Counted in characters as people see them (an emoji is one), not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [`Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`];
  if (length > PASSWORD_MAX_LENGTH) return [`Kata sandi paling banyak ${PASSWORD_MAX_LENGTH} karakter.`];
  const username = owner.username.trim().toLowerCase();
  if (password.trim().toLowerCase() === username)
    return ['Kata sandi tidak boleh sama dengan nama pengguna.'];
  // Judged on what bcrypt will actually protect: a long password is cut to its first 72 bytes.
  const protectedPart = bcryptPart(password);
  const result = estimator().check(protectedPart, userInputs(owner));
  if (isCommonPassword(protectedPart, result))
    return ['Kata sandi ini termasuk kata sandi yang umum dipakai. Pilih kata sandi lain.'];
  if (result.score < PASSWORD_MIN_SCORE) {
    const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean);
    return [`Kata sandi terlalu mudah ditebak.${hints.length ? ` ${hints.join(' ')}` : ''}`];
  }
  return [];
}

/** The first problem of a password, or null when it is acceptable. */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  return passwordProblems(password, owner)[0] ?? null;
}

/** The password's hash as stored in app_user.password_hash. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, PASSWORD_HASH_ROUNDS);
}

/** The leading characters of the password that fit in bcrypt's 72 bytes. */
function bcryptPart(password: string): string {
  let bytes = 0;
  let part = '';
  for (const char of password) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > BCRYPT_MAX_BYTES) break;
    part += char;
  }
  return part;
}

/** The password, as typed or with letters swapped for digits, is on a list of leaked passwords. */
function isCommonPassword(password: string, result: ZxcvbnResult): boolean {
  return result.sequence.some(
    (match) =>
      match.pattern === 'dictionary' &&
      String(match.dictionaryName).startsWith('passwords') &&
      match.i === 0 &&
      match.j === password.length - 1,
  );
}

function userInputs(owner: PasswordOwner): string[] {
  const names = (owner.fullName ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part.length >= 3);
  // Also run together ("sitiaminah"), as people write their names in passwords.
  const joined = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return [
    owner.username.toLowerCase(),
    joined(owner.username),
    joined(owner.fullName ?? ''),
    ...names,
    ...OFFICE_WORDS,
  ].filter(Boolean);
}
