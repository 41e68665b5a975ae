import type { Principal } from '../../../src/api/auth/principal';
import { hashOpen311Key, Open311ApiKeysService } from '../../../src/api/open311/open311-api-keys.service';
import type { Open311ApiKey } from '../../../src/db/entities';
import { apiErrorOf } from './fakes';
import { InMemoryOpen311ApiKeyRepository, RecordingSecurityEvents } from './fakes-open311';

const admin: Principal = {
  sub: 'user-admin',
  username: 'admin',
  role: 'ADMIN',
  unit: null,
  area: null,
  eselon: null,
};

function setup() {
  const keys = new InMemoryOpen311ApiKeyRepository();
  const events = new RecordingSecurityEvents();
  return { keys, events, service: new Open311ApiKeysService(keys, events) };
}

function storedKey(key: string, fields: Partial<Open311ApiKey> = {}): Open311ApiKey {
  return {
    id: 'key-1',
    name: 'Aplikasi Lapor Prabumulih',
    keyHash: hashOpen311Key(key),
    keyPrefix: key.slice(0, 9),
    createdBy: 'admin',
    createdAt: new Date('2026-11-01T00:00:00Z'),
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
    ...fields,
  };
}

describe('Open311ApiKeysService.create', () => {
  it('shows the key once, stores only its hash and prefix, and records the event without the key', async () => {
    const { service, keys, events } = setup();

    const created = await service.create('  Aplikasi Lapor Prabumulih ', admin, '10.0.0.7');

    expect(created.key).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'Aplikasi Lapor Prabumulih',
      keyPrefix: created.key.slice(0, 9),
      createdBy: 'admin',
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(keys.rows).toHaveLength(1);
    expect(keys.rows[0].keyHash).toBe(hashOpen311Key(created.key));
    expect(JSON.stringify(keys.rows)).not.toContain(created.key);
    expect(events.events).toEqual([
      {
        type: 'OPEN311_KEY_CREATED',
        actor: { id: 'user-admin', username: 'admin' },
        ip: '10.0.0.7',
        details: { keyId: created.id, name: 'Aplikasi Lapor Prabumulih', keyPrefix: created.keyPrefix },
      },
    ]);
    expect(JSON.stringify(events.events)).not.toContain(created.key);
    // The key made works, and the listing never shows it again.
    expect(await service.verify(created.key)).toMatchObject({ id: created.id });
    expect(JSON.stringify(await service.list())).not.toContain(created.key);
  });
});

describe('Open311ApiKeysService.revoke', () => {
  it('answers 404 for an unknown key and 409 for one already revoked, recording nothing', async () => {
    const { service, keys, events } = setup();
    keys.rows.push(
      storedKey('o311_revoked', { revokedAt: new Date('2026-11-02T00:00:00Z'), revokedBy: 'admin' }),
    );

    expect(await apiErrorOf(service.revoke('nope', admin, null))).toEqual({
      status: 404,
      message: 'Kunci API Open311 tidak ditemukan.',
    });
    expect(await apiErrorOf(service.revoke('key-1', admin, null))).toEqual({
      status: 409,
      message: 'Kunci API Open311 ini sudah dicabut.',
    });
    expect(events.events).toEqual([]);
    expect(keys.rows[0].revokedAt).toEqual(new Date('2026-11-02T00:00:00Z'));
  });

  it('stores who revoked the key and when, records the event, and refuses the key from then on', async () => {
    const { service, keys, events } = setup();
    keys.rows.push(storedKey('o311_abcdefghijklmnop'));
    expect(await service.verify('o311_abcdefghijklmnop')).not.toBeNull();

    const view = await service.revoke('key-1', admin, '10.0.0.7');

    expect(view.revokedBy).toBe('admin');
    expect(keys.rows[0].revokedBy).toBe('admin');
    expect(keys.rows[0].revokedAt?.toISOString()).toBe(view.revokedAt);
    expect(events.events).toEqual([
      expect.objectContaining({
        type: 'OPEN311_KEY_REVOKED',
        details: expect.objectContaining({ keyId: 'key-1' }),
      }),
    ]);
    expect(await service.verify('o311_abcdefghijklmnop')).toBeNull();
  });
});

describe('Open311ApiKeysService.verify', () => {
  it.each([
    ['not a string', 12345],
    ['without the prefix', 'abcdefghijklmnop'],
    ['too long', `o311_${'a'.repeat(200)}`],
  ])('refuses a key %s without looking it up', async (_, key) => {
    const { service, keys } = setup();
    expect(await service.verify(key)).toBeNull();
    expect(keys.hashLookups).toBe(0);
  });

  it('refuses an unknown key', async () => {
    const { service, keys } = setup();
    keys.rows.push(storedKey('o311_abcdefghijklmnop'));
    expect(await service.verify('o311_abcdefghijklmnoq')).toBeNull();
  });

  it('records the last use at most once a minute', async () => {
    const { service, keys } = setup();
    const recently = new Date(Date.now() - 30_000);
    keys.rows.push(storedKey('o311_recent', { lastUsedAt: recently }));
    keys.rows.push(storedKey('o311_stale', { id: 'key-2', lastUsedAt: new Date(Date.now() - 120_000) }));

    expect(await service.verify('o311_recent')).toMatchObject({ id: 'key-1' });
    expect(await service.verify('o311_stale')).toMatchObject({ id: 'key-2' });

    expect(keys.rows[0].lastUsedAt).toBe(recently);
    expect(Date.now() - (keys.rows[1].lastUsedAt?.getTime() ?? 0)).toBeLessThan(5_000);
  });
});
