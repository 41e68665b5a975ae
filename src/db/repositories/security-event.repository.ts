import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { SecurityEvent } from '../entities';

export interface SecurityEventInput {
  /** LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_LOCKED, USER_CREATED, USER_UPDATED, ... */
  type: string;
  actor?: { id: string; username: string } | null;
  target?: { id: string; username: string } | null;
  ip?: string | null;
  /** What changed; never a password or its hash. */
  details?: Record<string, unknown> | null;
}

/** The accounts' audit trail (sign-ins and account changes). */
export class SecurityEventRepository {
  constructor(private readonly em: EntityManager) {}

  async record(input: SecurityEventInput, at: Date = new Date()): Promise<void> {
    await this.em.fork().insert(SecurityEvent, {
      id: randomUUID(),
      at,
      type: input.type,
      actorId: input.actor?.id ?? null,
      actorUsername: input.actor?.username ?? null,
      targetUserId: input.target?.id ?? null,
      targetUsername: input.target?.username ?? null,
      ip: input.ip ?? null,
      details: input.details ?? null,
    });
  }

  /** The newest events first, optionally of one account. */
  list(filter: { targetUserId?: string; limit: number; offset?: number }): Promise<SecurityEvent[]> {
    return this.em
      .fork()
      .find(SecurityEvent, filter.targetUserId ? { targetUserId: filter.targetUserId } : {}, {
        orderBy: { at: 'desc', id: 'asc' },
        limit: filter.limit,
        offset: filter.offset ?? 0,
      });
  }
}
