/**
 * The key lists of the two encryptions (PERSONAL_DATA_KEYS for the database columns,
 * TEMPORAL_PAYLOAD_KEYS for Temporal payloads): comma-separated `<keyId>:<base64 32-byte key>`, the
 * first one encrypts, all of them decrypt, so a key is rotated by putting a new one first. Both seal
 * with the AES-256-GCM below (node:crypto); each binds its key id into the additional data.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256: 32 random bytes (`openssl rand -base64 32`). */
export const KEY_BYTES = 32;
/** Letters, digits, "_" and "-": a key id is written into every sealed value. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** Base64 (or base64url) text as bytes; empty when it is not base64 at all. */
export function decodeBase64Key(text: string): Buffer {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : Buffer.alloc(0);
}

/** Parses a key list; throws an Error whose message says what is wrong (never the key). */
export function parseEncryptionKeys(text: string): EncryptionKey[] {
  const keys = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, index): EncryptionKey => {
      const colon = entry.indexOf(':');
      const id = colon < 0 ? '' : entry.slice(0, colon).trim();
      const encoded = colon < 0 ? '' : entry.slice(colon + 1).trim();
      if (!KEY_ID.test(id))
        throw new Error(
          `entry ${index + 1}: must be <keyId>:<base64 key>, keyId of letters, digits, "_" or "-" (at most 32)`,
        );
      const key = decodeBase64Key(encoded);
      if (key.length !== KEY_BYTES)
        throw new Error(`key "${id}": must be ${KEY_BYTES} random bytes, base64 (openssl rand -base64 32)`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error('must name at least one key');
  const ids = keys.map((k) => k.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new Error(`key id "${repeated}" appears twice`);
  return keys;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The bytes a sealed value adds to its plaintext: the IV before it, the tag after it. */
export const SEALED_OVERHEAD = IV_BYTES + TAG_BYTES;

/** AES-256-GCM under `key` with a fresh random IV: `iv | ciphertext | tag`, `aad` authenticated. */
export function sealAesGcm(key: Buffer, aad: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/**
 * The plaintext of `sealAesGcm`'s output (at least SEALED_OVERHEAD bytes: callers check and say
 * what is wrong); throws when the value, its tag or its `aad` were altered, or the key is another.
 */
export function openAesGcm(key: Buffer, aad: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]);
}
