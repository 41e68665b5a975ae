import path from 'node:path';
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { loadOrCreateSecretFile } from '../api/auth/jwt-secret';
import {
  type EncryptionKey,
  KEY_BYTES,
  openAesGcm,
  SEALED_OVERHEAD,
  sealAesGcm,
} from '../config/encryption-keys';

/** The `encoding` metadata of an encrypted payload. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** The metadata naming the key a payload was encrypted with. */
export const KEY_ID_METADATA = 'encryption-key-id';
/** The key id of the development key kept in DATA_DIR (when TEMPORAL_PAYLOAD_KEYS is unset). */
export const DEV_KEY_ID = 'dev';

export type PayloadKey = EncryptionKey;

/** A payload the codec cannot decode (unknown key id, tampered or truncated): never passed on. */
export class PayloadDecryptionError extends Error {}

/**
 * Encrypts every Temporal payload (workflow inputs, update and signal arguments, activity inputs and
 * results, the static summary) with AES-256-GCM under the first key, so that Temporal's database and
 * anyone reading histories without the key see no free text. The whole payload (its metadata and
 * data) is encrypted; the result carries `encoding: binary/encrypted` and the key's id, which is also
 * authenticated. Payloads that are not encrypted (histories from before the codec, recorded replay
 * histories) pass through decoding unchanged.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: PayloadKey[]) {
    if (keys.length === 0) throw new Error('AesGcmPayloadCodec needs at least one key');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys[0];
    const aad = Buffer.from(id, 'utf8');
    return payloads.map((payload) => {
      const plain = Buffer.from(temporal.api.common.v1.Payload.encode(payload).finish());
      const sealed = sealAesGcm(key, aad, plain);
      return {
        metadata: {
          encoding: Buffer.from(ENCRYPTED_ENCODING, 'utf8'),
          [KEY_ID_METADATA]: aad,
        },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.encoding;
      if (!encoding || Buffer.from(encoding).toString('utf8') !== ENCRYPTED_ENCODING) return payload;
      const rawId = payload.metadata?.[KEY_ID_METADATA];
      const id = rawId ? Buffer.from(rawId).toString('utf8') : '';
      const key = this.byId.get(id);
      if (!key)
        throw new PayloadDecryptionError(
          `Temporal payload encrypted with key "${id}", which TEMPORAL_PAYLOAD_KEYS does not hold`,
        );
      const sealed = Buffer.from(payload.data ?? new Uint8Array());
      if (sealed.length < SEALED_OVERHEAD)
        throw new PayloadDecryptionError('Temporal payload too short to be encrypted');
      try {
        return temporal.api.common.v1.Payload.decode(openAesGcm(key, Buffer.from(id, 'utf8'), sealed));
      } catch {
        throw new PayloadDecryptionError(
          `Temporal payload (key "${id}") could not be decrypted: altered, or a different key of that id`,
        );
      }
    });
  }
}

/** Where the development key is kept when TEMPORAL_PAYLOAD_KEYS is unset (never in production). */
export function devPayloadKeyPath(dataDir: string): string {
  return path.join(dataDir, 'temporal-payload-key');
}

/**
 * The keys of TEMPORAL_PAYLOAD_KEYS, or (outside production, where the configuration requires them)
 * a random key made on the first start and kept in DATA_DIR, shared by the API and the worker.
 */
export function payloadKeysOf(config: { payloadKeys: PayloadKey[] | null; dataDir: string }): PayloadKey[] {
  if (config.payloadKeys) return config.payloadKeys;
  return [
    { id: DEV_KEY_ID, key: loadOrCreateSecretFile(devPayloadKeyPath(config.dataDir)).subarray(0, KEY_BYTES) },
  ];
}

/**
 * The data converter of every Temporal client and worker of the system (API, worker, scripts, the
 * e2e harness): the default payload converter, then the AES-GCM codec. The one place it is made.
 */
export function temporalDataConverter(config: {
  dataDir: string;
  temporal: { payloadKeys: PayloadKey[] | null };
}): DataConverter {
  const keys = payloadKeysOf({ payloadKeys: config.temporal.payloadKeys, dataDir: config.dataDir });
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)] };
}
