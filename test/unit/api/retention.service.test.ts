import type { PinoLogger } from 'nestjs-pino';
import type { Principal } from '../../../src/api/auth/principal';
import { RetentionService } from '../../../src/api/retention/retention.service';
import type { AppConfig } from '../../../src/config/config';
import type { AnonymiseReason } from '../../../src/db/anonymise-complaint';
import { RetentionRepository } from '../../../src/db/repositories/retention.repository';
import type {
  AnonymisedBatch,
  DueComplaint,
  DuePage,
  ExpiredLogs,
  RetentionCursor,
} from '../../../src/db/retention';

const admin: Principal = {
  sub: 'admin-id',
  username: 'admin',
  role: 'ADMIN',
  unit: null,
  area: null,
  eselon: null,
};
const NOW = new Date('2026-12-01T03:00:00Z');

/** The complaints due, given out `pageSize` at a time after the cursor, as the database would. */
class InMemoryRetentionRepository extends RetentionRepository {
  due: DueComplaint[] = [];
  /** Those already anonymised meanwhile (skipped by the run). */
  readonly gone = new Set<string>();
  readonly pagesAsked: { now: Date; years: number; after: RetentionCursor | null }[] = [];
  readonly runs: {
    ids: string[];
    now: Date;
    years: number;
    reason: Omit<AnonymiseReason, 'kind' | 'at'>;
    files: { dataDir: string };
  }[] = [];

  /** The log rows past their retention; a deletion empties it. */
  expiredLogs: ExpiredLogs = {
    personalDataAccess: 0,
    dataSubjectRequests: 0,
    securityEvents: 0,
    idempotencyRecords: 0,
  };
  readonly logsAsked: { now: Date; logYears: number; deleted: boolean }[] = [];

  constructor(private readonly pageSize: number) {
    super({} as never);
  }

  override async countExpiredLogs(now: Date, logYears: number): Promise<ExpiredLogs> {
    this.logsAsked.push({ now, logYears, deleted: false });
    return { ...this.expiredLogs };
  }

  override async deleteExpiredLogs(now: Date, logYears: number): Promise<ExpiredLogs> {
    this.logsAsked.push({ now, logYears, deleted: true });
    const deleted = this.expiredLogs;
    this.expiredLogs = {
      personalDataAccess: 0,
      dataSubjectRequests: 0,
      securityEvents: 0,
      idempotencyRecords: 0,
    };
    return deleted;
  }

  override async listDue(now: Date, years: number, after: RetentionCursor | null): Promise<DuePage> {
    this.pagesAsked.push({ now, years, after });
    const start = after ? this.due.findIndex((c) => c.id === after.id) + 1 : 0;
    const items = this.due.slice(start, start + this.pageSize);
    const last = items.at(-1);
    return {
      items,
      next:
        items.length === this.pageSize && last
          ? { closedAt: last.closedAt.toISOString(), id: last.id }
          : null,
    };
  }

  override async anonymiseDue(
    ids: string[],
    now: Date,
    years: number,
    reason: Omit<AnonymiseReason, 'kind' | 'at'>,
    files: { dataDir: string },
  ): Promise<AnonymisedBatch> {
    this.runs.push({ ids, now, years, reason, files });
    const done = this.due.filter((c) => ids.includes(c.id) && !this.gone.has(c.id));
    return {
      anonymised: done.map((c) => c.registerNumber),
      skipped: ids.length - done.length,
      removedFiles: done.reduce((sum, c) => sum + c.files, 0),
    };
  }
}

function due(n: number, files: number): DueComplaint {
  const closedAt = new Date(Date.UTC(2020, 0, n));
  return {
    id: `c${n}`,
    registerNumber: `2020/01/${String(n).padStart(4, '0')}`,
    status: 'RESOLVED',
    closedAt,
    dueSince: new Date(Date.UTC(2025, 0, n)),
    files,
  };
}

function setup(pageSize = 2) {
  const repository = new InMemoryRetentionRepository(pageSize);
  const logged: unknown[] = [];
  const logger = { info: (...args: unknown[]) => logged.push(args) } as unknown as PinoLogger;
  const service = new RetentionService(
    repository,
    { personalDataRetentionYears: 5, logRetentionYears: 3, dataDir: '/var/lib/pengaduan' } as AppConfig,
    logger,
  );
  return { repository, service, logged };
}

describe('RetentionService.preview', () => {
  it('lists every complaint due, over all pages, with the files to remove, changing nothing', async () => {
    const { repository, service } = setup(2);
    repository.due = [due(1, 2), due(2, 0), due(3, 1), due(4, 0), due(5, 3)];
    repository.expiredLogs = {
      personalDataAccess: 40,
      dataSubjectRequests: 2,
      securityEvents: 90,
      idempotencyRecords: 5,
    };

    const preview = await service.preview(NOW);

    expect(preview).toMatchObject({ at: '2026-12-01T03:00:00.000Z', years: 5, total: 5, files: 6 });
    expect(preview.complaints.map((c) => c.registerNumber)).toEqual([
      '2020/01/0001',
      '2020/01/0002',
      '2020/01/0003',
      '2020/01/0004',
      '2020/01/0005',
    ]);
    expect(preview.complaints[0]).toEqual({
      registerNumber: '2020/01/0001',
      status: 'RESOLVED',
      closedAt: '2020-01-01T00:00:00.000Z',
      dueSince: '2025-01-01T00:00:00.000Z',
      files: 2,
    });
    // Each page after the previous one's last complaint, all at the same moment and period.
    expect(repository.pagesAsked.map((p) => p.after?.id ?? null)).toEqual([null, 'c2', 'c4']);
    expect(repository.pagesAsked.every((p) => p.now === NOW && p.years === 5)).toBe(true);
    expect(repository.runs).toEqual([]);
    // The log rows past their own period (LOG_RETENTION_YEARS), counted, not deleted.
    expect(preview.logs).toEqual({
      years: 3,
      personalDataAccess: 40,
      dataSubjectRequests: 2,
      securityEvents: 90,
      idempotencyRecords: 5,
    });
    expect(repository.logsAsked).toEqual([{ now: NOW, logYears: 3, deleted: false }]);
  });
});

describe('RetentionService.run', () => {
  it('anonymises every complaint due, in one batch, as the admin, and reports what this run did', async () => {
    const { repository, service, logged } = setup(2);
    repository.due = [due(1, 2), due(2, 0), due(3, 1)];
    // Anonymised meanwhile by the schedule: not counted again.
    repository.gone.add('c2');
    repository.expiredLogs = {
      personalDataAccess: 40,
      dataSubjectRequests: 2,
      securityEvents: 90,
      idempotencyRecords: 5,
    };

    const result = await service.run(admin, NOW);

    expect(repository.runs).toEqual([
      {
        ids: ['c1', 'c2', 'c3'],
        now: NOW,
        years: 5,
        reason: { actor: 'admin' },
        files: { dataDir: '/var/lib/pengaduan' },
      },
    ]);
    expect(result).toEqual({
      at: '2026-12-01T03:00:00.000Z',
      years: 5,
      anonymised: 2,
      registerNumbers: ['2020/01/0001', '2020/01/0003'],
      removedFiles: 3,
      deletedLogs: {
        years: 3,
        personalDataAccess: 40,
        dataSubjectRequests: 2,
        securityEvents: 90,
        idempotencyRecords: 5,
      },
    });
    expect(repository.logsAsked).toEqual([{ now: NOW, logYears: 3, deleted: true }]);
    expect(logged).toEqual([
      [
        {
          by: 'admin',
          anonymised: 2,
          removedFiles: 3,
          deletedLogs: {
            personalDataAccess: 40,
            dataSubjectRequests: 2,
            securityEvents: 90,
            idempotencyRecords: 5,
          },
        },
        'retention run by an admin',
      ],
    ]);
  });
});
