/**
 * The production compose file's promises that `docker-compose config -q` (run by CI) cannot check:
 * replicas, health checks, separate databases, and stop periods long enough for the graceful drain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../helpers/paths';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  entrypoint?: string[];
  environment?: Record<string, string | number>;
  deploy?: { replicas?: number };
  ports?: string[];
  healthcheck?: { test: unknown };
  restart?: string;
  stop_grace_period?: string;
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as {
  services: Record<string, Service>;
};
const services = compose.services;
const oneShot = (s: Service) => s.restart === 'no';
const seconds = (period: string) => {
  const m = /^(\d+)s$/.exec(period);
  if (!m) throw new Error(`unexpected period ${period}`);
  return Number(m[1]);
};

describe('docker-compose.yml (production)', () => {
  it('runs 2 API replicas behind one published port, and 2 workers', () => {
    expect(services.api.deploy?.replicas).toBe(2);
    expect(services.worker.deploy?.replicas).toBe(2);
    // Replicas cannot share a host port: only the proxy publishes the API.
    expect(services.api.ports).toBeUndefined();
    expect(services.proxy.ports).toEqual([
      expect.stringMatching(/^\$\{API_PORT:-3000\}:8080$/),
      expect.stringMatching(/^\$\{TEMPORAL_UI_PORT:-8233\}:8233$/),
    ]);
    const caddyfile = fs.readFileSync(path.join(REPO_ROOT, 'deploy', 'Caddyfile'), 'utf8');
    expect(caddyfile).toContain('import {$API_UPSTREAMS_FILE:upstreams-dns.caddy}');
    const upstreams = fs.readFileSync(path.join(REPO_ROOT, 'deploy', 'upstreams-dns.caddy'), 'utf8');
    expect(upstreams).toMatch(/dynamic a \{\s*name api\s*port 3000/);
    expect(services.api.environment?.TRUST_PROXY).toBe('true');
  });

  it('health-checks every long-running service', () => {
    const running = Object.entries(services).filter(([, s]) => !oneShot(s));
    expect(running.map(([name]) => name).sort()).toEqual(
      [
        'api',
        'postgres',
        'proxy',
        'temporal',
        'temporal-history',
        'temporal-matching',
        'temporal-worker',
        'temporal-ui',
        'worker',
      ].sort(),
    );
    // The Web UI is for people, nothing depends on it being up.
    const withoutCheck = running.filter(([name, s]) => !s.healthcheck && name !== 'temporal-ui');
    expect(withoutCheck.map(([name]) => name)).toEqual([]);
  });

  it('keeps the app data and Temporal persistence in separate databases', () => {
    const appDb = new URL(String(services.api.environment?.DATABASE_URL).replace(/\$\{[^}]+\}/g, 'x'))
      .pathname;
    const env = services.temporal.environment ?? {};
    expect(appDb).toBe('/pengaduan');
    expect(new Set([appDb.slice(1), env.TEMPORAL_DB_NAME, env.TEMPORAL_VISIBILITY_DB_NAME]).size).toBe(3);
  });

  it('runs the Temporal server as four services with our configuration, and the Web UI read-only behind a password', () => {
    for (const [name, service] of [
      ['temporal', 'frontend'],
      ['temporal-history', 'history'],
      ['temporal-matching', 'matching'],
      ['temporal-worker', 'worker'],
    ]) {
      expect(services[name].image).toBe('temporalio/server:1.29.1');
      expect(services[name].command).toEqual([service]);
      expect(String(services[name].entrypoint)).toContain('--config temporal --env cluster');
    }
    const ui = services['temporal-ui'];
    expect(ui.ports).toBeUndefined(); // reached only through the proxy, which asks for the password
    expect(ui.entrypoint).toEqual(expect.arrayContaining(['temporal-ui', 'cluster']));
    const uiConfig = fs.readFileSync(path.join(REPO_ROOT, 'deploy', 'temporal-ui', 'cluster.yaml'), 'utf8');
    for (const setting of ['disableWriteActions', 'workflowTerminateDisabled', 'workflowResetDisabled'])
      expect(uiConfig).toMatch(new RegExp(`^${setting}: true$`, 'm'));
    const caddyfile = fs.readFileSync(path.join(REPO_ROOT, 'deploy', 'Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(/basicauth \{\s*\{\$UI_USER:operator\} \{\$UI_PASSWORD_HASH\}/);
  });

  it("sets up Temporal's schema with the official admin tools, then our namespace and search attributes", () => {
    const schema = services['temporal-schema'];
    expect(schema.image).toMatch(/^temporalio\/admin-tools:/);
    const script = (schema.command as string[]).join('\n');
    expect(script).toContain(
      '--db temporal update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned',
    );
    expect(script).toContain(
      '--db temporal_visibility update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned',
    );
    expect(services.temporal.depends_on?.['temporal-schema']?.condition).toBe(
      'service_completed_successfully',
    );
    expect(services['temporal-setup'].command).toEqual(['node', 'dist/src/temporal/setup-cluster.main.js']);
    for (const app of ['api', 'worker'])
      expect(services[app].depends_on?.['temporal-setup']?.condition).toBe('service_completed_successfully');
  });

  it('gives the API and the worker time to drain before they are killed', () => {
    for (const app of ['api', 'worker']) {
      const grace = Number(services[app].environment?.SHUTDOWN_GRACE_SECONDS);
      expect(grace).toBeGreaterThan(0);
      expect(seconds(services[app].stop_grace_period ?? '10s')).toBeGreaterThan(grace);
    }
  });
});
