/**
 * Where the topology of `npm run start:cluster` answers, and its secrets: shared by the topology's own
 * tests (test/cluster) and the black-box e2e files that run against it (E2E_TARGET=cluster).
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';

export const CLUSTER_DIR = process.env.CLUSTER_DIR ?? path.join(REPO_ROOT, 'data/cluster');
export const CLUSTER_API = process.env.CLUSTER_URL ?? 'http://localhost:3000';
export const CLUSTER_UI = process.env.CLUSTER_UI_URL ?? 'http://localhost:8233';
export const CLUSTER_TEMPORAL_ADDRESS = process.env.CLUSTER_TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
export const CLUSTER_PG_URL = `postgresql://pengaduan:${process.env.CLUSTER_PG_PASSWORD ?? 'pengaduan-cluster'}@127.0.0.1:${process.env.CLUSTER_PG_PORT ?? '55432'}/pengaduan`;

/** data/cluster/secrets.env as written by scripts/start-cluster.sh (JWT_SECRET, SEED_PASSWORD, UI_PASSWORD, TEMPORAL_PAYLOAD_KEYS). */
export function clusterSecrets(): Record<string, string> {
  return Object.fromEntries(
    fs
      .readFileSync(path.join(CLUSTER_DIR, 'secrets.env'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** True when the e2e files run against the topology instead of an in-process app. */
export const onCluster = (): boolean => process.env.E2E_TARGET === 'cluster';
