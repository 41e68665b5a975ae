import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/config';
import { parseEncryptionKeys } from '../../../src/config/encryption-keys';
import { lookupHash } from '../../../src/db/lookup-hash';
import { PersonalDataCipher, resolvePersonalDataKeys } from '../../../src/db/personal-data-cipher';

const keyA = { id: 'a', key: Buffer.alloc(32, 0xa1) };
const keyB = { id: 'b', key: Buffer.alloc(32, 0xb2) };
const hashKey = Buffer.alloc(32, 0x33);

describe('personal data cipher', () => {
  it('seals a value as enc:v1:<keyId>:... with no trace of the plaintext, and opens it again', () => {
    const cipher = new PersonalDataCipher({ keys: [keyA], hashKey });
    const sealed = cipher.encrypt('budi@example.com');
    expect(sealed).toMatch(/^enc:v1:a:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('budi');
    // A new IV each time: the same value does not give the same text (no equality leak).
    expect(cipher.encrypt('budi@example.com')).not.toBe(sealed);
    expect(cipher.decrypt(sealed)).toBe('budi@example.com');
    expect(cipher.decrypt(cipher.encrypt('Jl. Jend. Sudirman No. 1, RT 02/RW 03 — Prabumulih'))).toBe(
      'Jl. Jend. Sudirman No. 1, RT 02/RW 03 — Prabumulih',
    );
  });

  it('reads legacy plaintext as it is', () => {
    const cipher = new PersonalDataCipher({ keys: [keyA], hashKey });
    expect(cipher.decrypt('081234567890')).toBe('081234567890');
    expect(cipher.keyIdOf('081234567890')).toBeNull();
  });

  it('refuses a tampered value, a value whose key id was changed, and a value under an unknown key', () => {
    const a = new PersonalDataCipher({ keys: [keyA], hashKey });
    const sealed = a.encrypt('1674010101900001');
    const body = sealed.slice('enc:v1:a:'.length);
    const flipped = body[5] === 'A' ? 'B' : 'A';
    expect(() => a.decrypt(`enc:v1:a:${body.slice(0, 5)}${flipped}${body.slice(6)}`)).toThrow();
    const both = new PersonalDataCipher({ keys: [keyA, { id: 'c', key: keyA.key }], hashKey });
    expect(() => both.decrypt(`enc:v1:c:${body}`)).toThrow(); // the key id is authenticated
    const b = new PersonalDataCipher({ keys: [keyB], hashKey });
    expect(() => b.decrypt(sealed)).toThrow(/key "a"/);
  });

  it('rotates: the first key seals, every listed key opens', () => {
    const a = new PersonalDataCipher({ keys: [keyA], hashKey });
    const old = a.encrypt('081234567890');
    const ba = new PersonalDataCipher({ keys: [keyB, keyA], hashKey });
    expect(ba.decrypt(old)).toBe('081234567890');
    const fresh = ba.encrypt('081234567890');
    expect(ba.keyIdOf(fresh)).toBe('b');
    expect(a.isSealed(fresh)).toBe(false);
    expect(ba.isSealed(fresh)).toBe(true);
  });

  it('hashes NIK, phone and e-mail normalised, under the hash key', () => {
    const cipher = new PersonalDataCipher({ keys: [keyA], hashKey });
    const phone = lookupHash('phone', '081234567890', cipher);
    expect(phone).toMatch(/^[0-9a-f]{64}$/);
    for (const form of ['+62 812-3456-7890', '6281234567890', '0812 3456 7890', '(0812) 34567890'])
      expect(lookupHash('phone', form, cipher)).toBe(phone);
    expect(lookupHash('email', '  Budi@Example.COM ', cipher)).toBe(
      lookupHash('email', 'budi@example.com', cipher),
    );
    expect(lookupHash('nik', '1674 0101 0190 0001', cipher)).toBe(
      lookupHash('nik', '1674010101900001', cipher),
    );
    // Another kind or another hash key: another hash.
    expect(lookupHash('nik', '081234567890', cipher)).not.toBe(phone);
    const other = new PersonalDataCipher({ keys: [keyA], hashKey: Buffer.alloc(32, 0x44) });
    expect(lookupHash('phone', '081234567890', other)).not.toBe(phone);
    expect(lookupHash('phone', null, cipher)).toBeNull();
    expect(lookupHash('phone', ' - ', cipher)).toBeNull();
  });

  it('reads PERSONAL_DATA_KEYS and PERSONAL_DATA_HASH_KEY, refusing malformed ones', () => {
    const k = (byte: number, n = 32) => Buffer.alloc(n, byte).toString('base64');
    expect(parseEncryptionKeys(`new:${k(1)}, old:${k(2)}`).map((x) => x.id)).toEqual(['new', 'old']);
    expect(() => loadConfig({ PERSONAL_DATA_KEYS: `k1:${k(1, 16)}` })).toThrow(
      /PERSONAL_DATA_KEYS: key "k1": must be 32 random bytes/,
    );
    expect(() => loadConfig({ PERSONAL_DATA_KEYS: k(1) })).toThrow(
      /PERSONAL_DATA_KEYS: entry 1: must be <keyId>:<base64 key>/,
    );
    expect(() => loadConfig({ PERSONAL_DATA_KEYS: `a:${k(1)},a:${k(2)}` })).toThrow(/"a" appears twice/);
    expect(() => loadConfig({ PERSONAL_DATA_HASH_KEY: k(1, 8) })).toThrow(/PERSONAL_DATA_HASH_KEY/);
    const config = loadConfig({ PERSONAL_DATA_KEYS: `k1:${k(1)}`, PERSONAL_DATA_HASH_KEY: k(2) });
    expect(config.personalData.keys?.[0].key).toEqual(Buffer.alloc(32, 1));
    expect(config.personalData.hashKey).toEqual(Buffer.alloc(32, 2));
  });

  it('outside production without keys: generates them once under DATA_DIR and keeps them', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-keys-'));
    try {
      const config = { ...loadConfig({ DATA_DIR: dataDir }), dataDir };
      const first = resolvePersonalDataKeys(config);
      expect(first.keys.map((k) => k.id)).toEqual(['local']);
      expect(first.keys[0].key).toHaveLength(32);
      expect(fs.statSync(path.join(dataDir, 'personal-data-key')).mode & 0o777).toBe(0o600);
      const again = resolvePersonalDataKeys(config);
      expect(again.keys[0].key).toEqual(first.keys[0].key);
      expect(again.hashKey).toEqual(first.hashKey);
      expect(first.hashKey).not.toEqual(first.keys[0].key);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
