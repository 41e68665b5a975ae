import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Open311ApiKey } from '../../db/entities';
import { SecurityEventRepository } from '../../db/repositories';
import { Open311ApiKeyRepository } from '../../db/repositories/open311-api-key.repository';
import type { Principal } from '../auth/principal';
import { conflict, notFound } from '../common/api-error';
import type { CreatedOpen311ApiKeyDto, Open311ApiKeyDto } from './open311-api-keys.dto';

const KEY_PREFIX = 'o311_';
/** How long a key's last use may be behind before it is written again (one write per minute at most). */
const LAST_USED_GRANULARITY_MS = 60_000;

export function hashOpen311Key(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The API keys of Open311 client applications: made and revoked by the ADMIN, only their SHA-256
 * hashes stored (a key is 32 random bytes, so a plain hash is as good as a slow one), each change a
 * security event.
 */
@Injectable()
export class Open311ApiKeysService {
  constructor(
    private readonly apiKeys: Open311ApiKeyRepository,
    private readonly securityEvents: SecurityEventRepository,
  ) {}

  async list(): Promise<Open311ApiKeyDto[]> {
    const keys = await this.apiKeys.list();
    return keys.map(toDto);
  }

  async create(name: string, by: Principal, ip: string | null): Promise<CreatedOpen311ApiKeyDto> {
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row: Open311ApiKey = {
      id: randomUUID(),
      name: name.trim(),
      keyHash: hashOpen311Key(key),
      keyPrefix: key.slice(0, KEY_PREFIX.length + 4),
      createdBy: by.username,
      createdAt: new Date(),
      revokedAt: null,
      revokedBy: null,
      lastUsedAt: null,
    };
    await this.apiKeys.insert(row);
    await this.securityEvents.record({
      type: 'OPEN311_KEY_CREATED',
      actor: { id: by.sub, username: by.username },
      ip,
      details: { keyId: row.id, name: row.name, keyPrefix: row.keyPrefix },
    });
    return { ...toDto(row), key };
  }

  async revoke(id: string, by: Principal, ip: string | null): Promise<Open311ApiKeyDto> {
    const row = await this.apiKeys.findById(id);
    if (!row) throw notFound('Kunci API Open311 tidak ditemukan.');
    if (row.revokedAt) throw conflict('Kunci API Open311 ini sudah dicabut.');
    row.revokedAt = new Date();
    row.revokedBy = by.username;
    await this.apiKeys.markRevoked(row.id, row.revokedAt, row.revokedBy);
    await this.securityEvents.record({
      type: 'OPEN311_KEY_REVOKED',
      actor: { id: by.sub, username: by.username },
      ip,
      details: { keyId: row.id, name: row.name, keyPrefix: row.keyPrefix },
    });
    return toDto(row);
  }

  /** The client application of a valid, unrevoked key, or null. */
  async verify(key: unknown): Promise<Open311ApiKey | null> {
    if (typeof key !== 'string' || !key.startsWith(KEY_PREFIX) || key.length > 200) return null;
    const row = await this.apiKeys.findByHash(hashOpen311Key(key));
    if (!row || row.revokedAt) return null;
    const now = new Date();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
      await this.apiKeys.touch(row.id, now);
    }
    return row;
  }
}

function toDto(row: Open311ApiKey): Open311ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
