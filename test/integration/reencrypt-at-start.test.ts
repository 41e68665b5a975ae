/**
 * Upgrading a database that holds complaints from before encryption: the compiled migration step
 * (`node dist/src/db/migrate.js`, run at every start) widens the columns, adds the hashes and
 * encrypts the plaintext rows; after a key rotation `npm run data:reencrypt`
 * (`node dist/src/db/reencrypt.js`) moves the rows to the new key. On SQLite and PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { Client } from 'pg';
import type { DatabaseConfig } from '../../src/config/config';
import { Complaint } from '../../src/db/entities';
import { createOrm } from '../../src/db/orm';
import { personLookupFilter } from '../../src/db/person-lookup';
import { databaseKinds, PG_ADMIN_URL } from '../helpers/databases';
import { REPO_ROOT } from '../helpers/paths';
import { TEST_PERSONAL_DATA_ENV, testPersonalData } from '../helpers/personal-data';
import { appEnv } from '../helpers/processes';

const BEFORE_ENCRYPTION = 'Migration20261202081823_personal_data_access';
const KEY_2 = `test2:${Buffer.alloc(32, 0x72).toString('base64')}`;

function runScript(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'src', 'db', script)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe.each(databaseKinds())('re-encryption at start on %s', (kind) => {
  let database: DatabaseConfig;
  let drop: () => Promise<void>;
  const orms: MikroORM[] = [];
  const open = async (keys = testPersonalData().keys) => {
    const orm = await createOrm({
      database,
      dbDebug: false,
      dataDir: os.tmpdir(),
      personalData: { keys, hashKey: testPersonalData().hashKey },
    });
    orms.push(orm);
    return orm;
  };

  beforeAll(async () => {
    const name = `pengaduan_t_reenc_${Date.now()}_${randomBytes(3).toString('hex')}`;
    if (kind === 'postgresql') {
      const admin = new Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(PG_ADMIN_URL!);
      url.pathname = `/${name}`;
      database = { kind, url: url.toString() };
      drop = async () => {
        const c = new Client({ connectionString: PG_ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-reenc-'));
      database = { kind, path: path.join(dir, `${name}.sqlite`) };
      drop = async () => fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    for (const orm of orms) await orm.close(true);
    await drop?.();
  });

  it('encrypts the plaintext rows of an older database when the migrations run, then moves them to a new key', async () => {
    // The database as it was before encryption, with a complaint in plaintext.
    const old = await open();
    await old.getMigrator().up({ to: BEFORE_ENCRYPTION });
    const knex = (old.em.getConnection() as AbstractSqlConnection).getKnex();
    const id = '0e0e0e0e-0000-4000-8000-000000000001';
    await knex('complaint').insert({
      id,
      register_number: '2026/11/0001',
      tracking_code: 'LAMAPLAIN1',
      workflow_id: `pengaduan-${id}`,
      channel: 'SURAT',
      complainant_name: 'Warga Lama',
      complainant_nik: '1674016666000001',
      complainant_address: 'Jl. Lama No. 1, Prabumulih',
      complainant_phone: '0812 6666 0001',
      complainant_email: 'Warga.Lama@Example.id',
      identity_mode: 'BIASA',
      description: 'Pengaduan dari sebelum enkripsi.',
      evidence: '[]',
      received_at: new Date('2026-11-02T02:00:00Z'),
      status: 'RECEIVED',
      overdue: false,
      created_at: new Date('2026-11-02T02:00:00Z'),
      updated_at: new Date('2026-11-02T02:00:00Z'),
    });
    await old.close(true);

    const env = {
      ...appEnv({ temporalAddress: '127.0.0.1:1', database, taskQueue: 'reencrypt' }),
      DATA_DIR: os.tmpdir(),
    };
    const migrated = await runScript('migrate.js', env);
    expect(migrated.output).not.toMatch(/Error/);
    expect(migrated.code).toBe(0);

    const orm = await open();
    const raw = async () =>
      (await (orm.em.getConnection() as AbstractSqlConnection).getKnex()('complaint').where('id', id))[0];
    const row = await raw();
    for (const column of ['complainant_nik', 'complainant_address', 'complainant_phone', 'complainant_email'])
      expect(row[column]).toMatch(/^enc:v1:test1:/);
    expect(JSON.stringify(row)).not.toMatch(/1674016666000001|Jl\. Lama|6666 0001|warga\.lama/i);
    const em = orm.em.fork();
    expect(
      await em.findOneOrFail(Complaint, personLookupFilter({ phone: '+6281266660001' }, em)),
    ).toMatchObject({
      id,
      complainantNik: '1674016666000001',
      complainantAddress: 'Jl. Lama No. 1, Prabumulih',
      complainantPhone: '0812 6666 0001',
      complainantEmail: 'Warga.Lama@Example.id',
    });

    // Rotation: a new key first, the old one kept; the command moves the rows to it.
    const rotated = await runScript('reencrypt.js', {
      ...env,
      PERSONAL_DATA_KEYS: `${KEY_2},${TEST_PERSONAL_DATA_ENV.PERSONAL_DATA_KEYS}`,
    });
    expect(rotated.code).toBe(0);
    expect((await raw()).complainant_nik).toMatch(/^enc:v1:test2:/);
    // The old key can go.
    const onlyNew = await open([{ id: 'test2', key: Buffer.alloc(32, 0x72) }]);
    const em2 = onlyNew.em.fork();
    expect((await em2.findOneOrFail(Complaint, { id })).complainantEmail).toBe('Warga.Lama@Example.id');
  });
});
