import type { Response } from 'express';
import { HealthController } from '../../../src/api/health/health.controller';
import type { AppConfig } from '../../../src/config/config';
import { HealthRepository } from '../../../src/db/repositories/health.repository';
import type { ComplaintWorkflows } from '../../../src/temporal/complaint-workflows';

class FakeDatabase extends HealthRepository {
  failure: Error | null = null;
  constructor() {
    super({} as never);
  }
  override async ping(): Promise<void> {
    if (this.failure) throw this.failure;
  }
}

const config = {
  database: { kind: 'postgresql' },
  temporal: { address: 'temporal:7233', namespace: 'pengaduan' },
} as AppConfig;

function setup() {
  const database = new FakeDatabase();
  const temporal = { failure: null as Error | null };
  const workflows = {
    ping: async () => {
      if (temporal.failure) throw temporal.failure;
    },
  } as unknown as ComplaintWorkflows;
  const statuses: number[] = [];
  const res = { status: (code: number) => statuses.push(code) } as unknown as Response;
  return { database, temporal, statuses, res, controller: new HealthController(database, workflows, config) };
}

describe('HealthController', () => {
  it('answers 200 when the database and Temporal both answer', async () => {
    const { controller, res, statuses } = setup();
    const body = await controller.health(res);
    expect(statuses).toEqual([200]);
    expect(body.status).toBe('ok');
    expect(body.checks.database).toMatchObject({ status: 'up', detail: 'postgresql' });
    expect(body.checks.temporal).toMatchObject({ status: 'up', detail: 'temporal:7233/pengaduan' });
  });

  it('answers 503 naming the database error when the database does not answer', async () => {
    const { controller, database, res, statuses } = setup();
    database.failure = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const body = await controller.health(res);
    expect(statuses).toEqual([503]);
    expect(body.status).toBe('error');
    expect(body.checks.database).toMatchObject({
      status: 'down',
      detail: 'connect ECONNREFUSED 127.0.0.1:5432',
    });
    expect(body.checks.temporal.status).toBe('up');
  });
});
