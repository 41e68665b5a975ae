/**
 * Encryption at rest of a complainant's personal data (NIK, address, phone, e-mail) and the keyed
 * hashes that find a person's complaints without decrypting every row (UU 27/2022, issue 20).
 *
 * - Values are sealed with AES-256-GCM (node:crypto) under the first key of PERSONAL_DATA_KEYS and
 *   stored as `enc:v1:<keyId>:<base64url(iv | ciphertext | tag)>`; the prefix and key id are the
 *   authenticated additional data. Every listed key decrypts, so after a rotation (a new key put
 *   first) old rows stay readable until `npm run data:reencrypt` (also run after the migrations at
 *   start) re-seals them under the new key.
 * - A value without the prefix is legacy plaintext (from before encryption) and is read as it is.
 * - Lookup hashes are HMAC-SHA256 under PERSONAL_DATA_HASH_KEY over the normalised value.
 *
 * Outside production, unset keys are generated once and kept under DATA_DIR (mode 0600), like the
 * JWT secret. Which keys an ORM uses is bound to its platform when the ORM is created (ormOptions),
 * so two ORMs in one process (tests) may use different keys.
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';
import type { EntityManager, Platform } from '@mikro-orm/core';
import { loadOrCreateSecretFile } from '../api/auth/jwt-secret';
import {
  decodeBase64Key,
  type EncryptionKey,
  KEY_BYTES,
  openAesGcm,
  SEALED_OVERHEAD,
  sealAesGcm,
} from '../config/encryption-keys';

export const ENCRYPTED_PREFIX = 'enc:v1:';
/** enc:v1:<keyId>:<base64url> */
const SEALED = /^enc:v1:([A-Za-z0-9_-]{1,32}):([A-Za-z0-9_-]+)$/;

export type PersonalDataKey = EncryptionKey;

export interface PersonalDataKeys {
  /** The first one encrypts; all of them decrypt. */
  keys: PersonalDataKey[];
  /** HMAC-SHA256 key of the lookup hashes. */
  hashKey: Buffer;
}

/** Parses PERSONAL_DATA_HASH_KEY (base64, at least 32 bytes). */
export function parseHashKey(text: string): Buffer {
  const key = decodeBase64Key(text.trim());
  if (key.length < KEY_BYTES) throw new Error(`must be at least ${KEY_BYTES} bytes (base64)`);
  return key;
}

/** The key id of the key generated under DATA_DIR when PERSONAL_DATA_KEYS is unset. */
export const LOCAL_KEY_ID = 'local';

export function personalDataKeyPath(dataDir: string): string {
  return path.join(dataDir, 'personal-data-key');
}

export function personalDataHashKeyPath(dataDir: string): string {
  return path.join(dataDir, 'personal-data-hash-key');
}

/**
 * The keys of a configuration: PERSONAL_DATA_KEYS and PERSONAL_DATA_HASH_KEY when set (always in
 * production), else keys made on the first start and kept in DATA_DIR.
 */
export function resolvePersonalDataKeys(config: {
  personalData: { keys: PersonalDataKey[] | null; hashKey: Buffer | null };
  dataDir: string;
}): PersonalDataKeys {
  return {
    keys: config.personalData.keys ?? [
      { id: LOCAL_KEY_ID, key: loadOrCreateSecretFile(personalDataKeyPath(config.dataDir)) },
    ],
    hashKey: config.personalData.hashKey ?? loadOrCreateSecretFile(personalDataHashKeyPath(config.dataDir)),
  };
}

export class PersonalDataCipher {
  private readonly byId: Map<string, Buffer>;
  private readonly current: PersonalDataKey;

  constructor(private readonly keys: PersonalDataKeys) {
    if (keys.keys.length === 0) throw new Error('PersonalDataCipher: no key');
    for (const k of keys.keys)
      if (k.key.length !== KEY_BYTES)
        throw new Error(`PersonalDataCipher: key ${k.id} is not ${KEY_BYTES} bytes`);
    this.byId = new Map(keys.keys.map((k) => [k.id, k.key]));
    this.current = keys.keys[0];
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  get hashKey(): Buffer {
    return this.keys.hashKey;
  }

  encrypt(plain: string): string {
    const header = `${ENCRYPTED_PREFIX}${this.current.id}:`;
    const sealed = sealAesGcm(this.current.key, Buffer.from(header, 'utf8'), Buffer.from(plain, 'utf8'));
    return header + sealed.toString('base64url');
  }

  /** The plaintext of a stored value; a value without the prefix is legacy plaintext, returned as is. */
  decrypt(stored: string): string {
    if (!stored.startsWith(ENCRYPTED_PREFIX)) return stored;
    const match = SEALED.exec(stored);
    if (!match) throw new Error('personal data: malformed encrypted value');
    const key = this.byId.get(match[1]);
    if (!key)
      throw new Error(
        `personal data: encrypted under key "${match[1]}", which PERSONAL_DATA_KEYS does not list`,
      );
    const raw = Buffer.from(match[2], 'base64url');
    if (raw.length < SEALED_OVERHEAD) throw new Error('personal data: malformed encrypted value');
    return openAesGcm(key, Buffer.from(`${ENCRYPTED_PREFIX}${match[1]}:`, 'utf8'), raw).toString('utf8');
  }

  /** The key id a stored value is sealed under; null for legacy plaintext. */
  keyIdOf(stored: string): string | null {
    return SEALED.exec(stored)?.[1] ?? null;
  }

  /** Whether a value is already sealed under one of this cipher's keys (not to be sealed again). */
  isSealed(value: string): boolean {
    const id = this.keyIdOf(value);
    return id !== null && this.byId.has(id);
  }

  /** HMAC-SHA256 (hex) of an already normalised value. */
  hmac(normalised: string): string {
    return createHmac('sha256', this.keys.hashKey).update(normalised, 'utf8').digest('hex');
  }
}

/** The cipher of each ORM, by its platform (bound in ormOptions when the ORM discovers its entities). */
const ciphers = new WeakMap<Platform, PersonalDataCipher>();
/** The cipher bound last: for callers without an EntityManager (one set of keys per process in practice). */
let processCipher: PersonalDataCipher | undefined;

export function bindPersonalDataCipher(platform: Platform, cipher: PersonalDataCipher): void {
  ciphers.set(platform, cipher);
  processCipher = cipher;
}

/** The cipher of the ORM behind `via` (an EntityManager or its platform), or of the process. */
export function personalDataCipher(via?: EntityManager | Platform | PersonalDataCipher): PersonalDataCipher {
  if (via instanceof PersonalDataCipher) return via;
  const platform = via && 'getPlatform' in via ? via.getPlatform() : (via as Platform | undefined);
  const cipher = (platform && ciphers.get(platform)) ?? processCipher;
  if (!cipher) throw new Error('personal data: no keys bound (the ORM was not created through ormOptions)');
  return cipher;
}
