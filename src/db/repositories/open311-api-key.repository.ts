import type { EntityManager } from '@mikro-orm/core';
import { Open311ApiKey } from '../entities';

/** The API keys of Open311 client applications (table open311_api_key): only their hashes. */
export class Open311ApiKeyRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every key, revoked ones too, newest first. */
  list(): Promise<Open311ApiKey[]> {
    return this.em.fork().find(Open311ApiKey, {}, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  /** Stores a new key (its hash and prefix, never the key). */
  async insert(row: Open311ApiKey): Promise<void> {
    await this.em.fork().insert(Open311ApiKey, row);
  }

  findById(id: string): Promise<Open311ApiKey | null> {
    return this.em.fork().findOne(Open311ApiKey, { id });
  }

  /** The key with this SHA-256 hash, revoked or not. */
  findByHash(keyHash: string): Promise<Open311ApiKey | null> {
    return this.em.fork().findOne(Open311ApiKey, { keyHash });
  }

  /** Records who revoked the key and when (the UPDATE em.flush wrote for the changed row). */
  async markRevoked(id: string, revokedAt: Date, revokedBy: string): Promise<void> {
    await this.em.fork().nativeUpdate(Open311ApiKey, { id }, { revokedAt, revokedBy });
  }

  /** Records the key's last use. */
  async touch(id: string, lastUsedAt: Date): Promise<void> {
    await this.em.fork().nativeUpdate(Open311ApiKey, { id }, { lastUsedAt });
  }
}
