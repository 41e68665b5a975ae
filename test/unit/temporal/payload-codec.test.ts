import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { parseEncryptionKeys } from '../../../src/config/encryption-keys';
import {
  AesGcmPayloadCodec,
  devPayloadKeyPath,
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  PayloadDecryptionError,
  type PayloadKey,
  temporalDataConverter,
} from '../../../src/temporal/payload-codec';

const key = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
const text = (bytes: Uint8Array | null | undefined) =>
  Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
const SECRET = 'Pak Budi Santoso mengeluhkan biaya izin usaha yang tidak jelas';

describe('Temporal payload codec (AES-256-GCM)', () => {
  const input: Payload = defaultPayloadConverter.toPayload({ notes: SECRET, complaintId: 'c-1' });

  it('round-trips a payload, and the encrypted one shows no free text', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [encrypted] = await codec.encode([input]);
    expect(text(encrypted.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted.metadata?.[KEY_ID_METADATA])).toBe('k1');
    expect(Buffer.from(encrypted.data!).includes(Buffer.from('Budi'))).toBe(false);
    expect(Buffer.from(encrypted.data!).includes(Buffer.from('json/plain'))).toBe(false);
    const [decoded] = await codec.decode([encrypted]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ notes: SECRET, complaintId: 'c-1' });
    expect(text(decoded.metadata?.encoding)).toBe('json/plain');
  });

  it('uses a new IV every time: the same payload never encrypts alike', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [a, b] = await codec.encode([input, input]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('rotation: with a new key put first, old payloads still decode and new ones use the new key', async () => {
    const old = key('2026a');
    const fresh = key('2026b');
    const [before] = await new AesGcmPayloadCodec([old]).encode([input]);
    const rotated = new AesGcmPayloadCodec([fresh, old]);
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([before]))[0])).toEqual({
      notes: SECRET,
      complaintId: 'c-1',
    });
    const [after] = await rotated.encode([input]);
    expect(text(after.metadata?.[KEY_ID_METADATA])).toBe('2026b');
    // Only the new key can read it.
    await expect(new AesGcmPayloadCodec([old]).decode([after])).rejects.toThrow(PayloadDecryptionError);
    expect((await new AesGcmPayloadCodec([fresh]).decode([after]))[0]).toBeDefined();
  });

  it('fails loudly on a payload whose key id it does not hold', async () => {
    const [encrypted] = await new AesGcmPayloadCodec([key('gone')]).encode([input]);
    await expect(new AesGcmPayloadCodec([key('k1')]).decode([encrypted])).rejects.toThrow(
      /key "gone", which TEMPORAL_PAYLOAD_KEYS does not hold/,
    );
  });

  it('passes a payload that is not encrypted (old and recorded histories) through unchanged', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [decoded] = await codec.decode([input]);
    expect(decoded).toBe(input);
    const empty: Payload = { metadata: {}, data: new Uint8Array() };
    expect((await codec.decode([empty]))[0]).toBe(empty);
  });

  it('refuses tampered ciphertext, a changed key id and a truncated payload', async () => {
    const k1 = key('k1');
    const k2 = { id: 'k2', key: k1.key };
    const codec = new AesGcmPayloadCodec([k1, k2]);
    const [encrypted] = await codec.encode([input]);
    const data = Buffer.from(encrypted.data!);
    data[20] ^= 0x01;
    await expect(codec.decode([{ ...encrypted, data }])).rejects.toThrow(PayloadDecryptionError);
    // Same key bytes under another id: the id is authenticated too.
    const relabelled = {
      ...encrypted,
      metadata: { ...encrypted.metadata, [KEY_ID_METADATA]: Buffer.from('k2') },
    };
    await expect(codec.decode([relabelled])).rejects.toThrow(PayloadDecryptionError);
    await expect(codec.decode([{ ...encrypted, data: data.subarray(0, 20) }])).rejects.toThrow(
      PayloadDecryptionError,
    );
  });

  it('parses TEMPORAL_PAYLOAD_KEYS and says what is wrong', () => {
    const a = randomBytes(32).toString('base64');
    const b = randomBytes(32).toString('base64url');
    expect(parseEncryptionKeys(`new:${a}, old:${b}`).map((k) => k.id)).toEqual(['new', 'old']);
    expect(parseEncryptionKeys(`new:${a}`)[0].key.equals(Buffer.from(a, 'base64'))).toBe(true);
    expect(() => parseEncryptionKeys('')).toThrow(/at least one key/);
    expect(() => parseEncryptionKeys(a)).toThrow(/entry 1: must be <keyId>:<base64 key>/);
    expect(() => parseEncryptionKeys(`k:${randomBytes(16).toString('base64')}`)).toThrow(
      /key "k": must be 32/,
    );
    expect(() => parseEncryptionKeys(`k:not base64!`)).toThrow(/key "k": must be 32/);
    expect(() => parseEncryptionKeys(`k:${a},k:${b}`)).toThrow(/"k" appears twice/);
  });

  it('outside production without keys: one random key kept in DATA_DIR, the same for every process', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'payload-key-'));
    try {
      const config = { dataDir, temporal: { payloadKeys: null } };
      const [encrypted] = await temporalDataConverter(config).payloadCodecs![0].encode([input]);
      expect(text(encrypted.metadata?.[KEY_ID_METADATA])).toBe('dev');
      expect(fs.statSync(devPayloadKeyPath(dataDir)).mode & 0o777).toBe(0o600);
      // Another process on the same DATA_DIR (made again from the file) reads it.
      const [decoded] = await temporalDataConverter(config).payloadCodecs![0].decode([encrypted]);
      expect(defaultPayloadConverter.fromPayload(decoded)).toEqual({ notes: SECRET, complaintId: 'c-1' });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
