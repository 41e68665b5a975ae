import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { DataConverter } from '@temporalio/common';
import type { DatabaseConfig } from '../../src/config/config';
import { parseEncryptionKeys } from '../../src/config/encryption-keys';
import { temporalDataConverter } from '../../src/temporal/payload-codec';
import { REPO_ROOT } from './paths';
import { TEST_PERSONAL_DATA_ENV } from './personal-data';

/**
 * The Temporal payload key of the tests' API and worker processes and of their test clients (a fixed
 * test-only key, so every process of a test encrypts and decrypts alike).
 */
export const TEST_PAYLOAD_KEYS = 'test:1UwoLjKTUAjnJuzbnStrT9UAqwc461Ww8l0zCfg2Mdw=';

/** The data converter of the real system with the tests' key: for test clients and workers. */
export function testDataConverter(): DataConverter {
  return temporalDataConverter({
    dataDir: REPO_ROOT,
    temporal: { payloadKeys: parseEncryptionKeys(TEST_PAYLOAD_KEYS) },
  });
}

/** Environment for the compiled worker/API processes (built by `npm test` before jest runs). */
export function appEnv(opts: {
  temporalAddress: string;
  database: DatabaseConfig;
  taskQueue: string;
  port?: number;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...TEST_PERSONAL_DATA_ENV,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_APP_LOG_LEVEL ?? 'warn',
    TEMPORAL_ADDRESS: opts.temporalAddress,
    TEMPORAL_TASK_QUEUE: opts.taskQueue,
    TEMPORAL_PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
    ...(opts.database.kind === 'postgresql'
      ? { DATABASE_URL: opts.database.url }
      : { DATABASE_URL: '', SQLITE_PATH: opts.database.path }),
    ...(opts.port ? { PORT: String(opts.port), HOST: '127.0.0.1' } : {}),
  };
}

export function startWorkerProcess(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'src', 'worker', 'main.js')], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
