import type { WorkflowExecutionInfo } from '@temporalio/client';
import { OpsService } from '../../../src/api/ops/ops.service';
import type { AppConfig } from '../../../src/config/config';
import { Decision, Notification } from '../../../src/db/entities';
import {
  type StageBreachRecords,
  StuckCaseRepository,
} from '../../../src/db/repositories/stuck-case.repository';
import { WorkingDayCalendar } from '../../../src/domain/calendar';
import type { ComplaintWorkflows } from '../../../src/temporal/complaint-workflows';
import {
  complaintRecord,
  InMemoryComplaintRepository,
  InMemoryReferenceDataRepository,
  InMemoryTaskRepository,
  taskRecord,
} from './fakes';

/** The stuck report's own records, in memory; remembers what it was asked. */
class InMemoryStuckCaseRepository extends StuckCaseRepository {
  notifications: Notification[] = [];
  breaches: StageBreachRecords = { untriaged: [], tasks: [], decisions: [] };
  missingYears: number[] = [];
  readonly askedAttempts: number[] = [];

  constructor() {
    super({} as never);
  }

  override async findUndeliveredNotifications(minAttempts: number): Promise<Notification[]> {
    this.askedAttempts.push(minAttempts);
    return this.notifications;
  }

  override async findYearsWithoutHolidayList(): Promise<number[]> {
    return this.missingYears;
  }

  override async findStageBreaches(): Promise<StageBreachRecords> {
    return this.breaches;
  }
}

class CalendarReferenceData extends InMemoryReferenceDataRepository {
  override async workingDayCalendar(): Promise<WorkingDayCalendar> {
    return new WorkingDayCalendar([]);
  }
}

/** Temporal's visibility: the running workflows each filter finds (none unless told). */
function workflowsRunning(byFilter: Record<string, Partial<WorkflowExecutionInfo>[]>): ComplaintWorkflows {
  return {
    async *running(filter?: string) {
      for (const wf of byFilter[filter ?? ''] ?? []) yield wf as WorkflowExecutionInfo;
    },
    describe: async (workflowId: string) => ({ workflowId, raw: { pendingActivities: [] } }),
  } as unknown as ComplaintWorkflows;
}

const config = { temporal: { uiUrl: 'http://temporal-ui:8080', namespace: 'pengaduan' } } as AppConfig;

function setup(byFilter: Record<string, Partial<WorkflowExecutionInfo>[]> = {}) {
  const complaints = new InMemoryComplaintRepository();
  const tasks = new InMemoryTaskRepository(complaints);
  const stuckCases = new InMemoryStuckCaseRepository();
  const service = new OpsService(
    complaints,
    tasks,
    new CalendarReferenceData(),
    workflowsRunning(byFilter),
    config,
    stuckCases,
  );
  return { complaints, tasks, stuckCases, service };
}

function notification(fields: Partial<Notification>): Notification {
  return Object.assign(new Notification(), {
    recipient: 'COMPLAINANT',
    recipientArea: null,
    lastError: null,
    createdAt: new Date('2026-05-05T01:00:00Z'),
    ...fields,
  });
}

// Thursday 14 May 2026, 10:00 WIB.
const asOf = new Date('2026-05-14T03:00:00Z');

describe('OpsService.stuck', () => {
  it('groups undelivered notifications per complaint, with the register number and the Web UI link', async () => {
    const { service, complaints, stuckCases } = setup();
    const c = complaintRecord();
    complaints.add(c);
    stuckCases.notifications = [
      notification({
        id: 'n1',
        complaintId: c.id,
        kind: 'RECEIVED',
        status: 'FAILED',
        attempts: 5,
        lastError: 'SMTP 550',
      }),
      notification({
        id: 'n2',
        complaintId: c.id,
        kind: 'TASK_ASSIGNED',
        recipient: 'KECAMATAN',
        recipientArea: '16.74.02',
        status: 'PENDING',
        attempts: 3,
        createdAt: new Date('2026-05-06T01:00:00Z'),
      }),
      notification({
        id: 'n3',
        complaintId: null,
        kind: 'HOLIDAY_LIST_MISSING',
        recipient: 'ADMIN',
        status: 'FAILED',
        attempts: 1,
      }),
    ];
    const report = await service.stuck(asOf);
    expect(stuckCases.askedAttempts).toEqual([3]);
    const rows = report.items.filter((i) => i.kind === 'NOTIFICATION_FAILED');
    expect(rows).toEqual([
      {
        kind: 'NOTIFICATION_FAILED',
        workflowId: c.workflowId,
        complaintId: c.id,
        registerNumber: c.registerNumber,
        status: 'IN_PROGRESS',
        since: '2026-05-05T01:00:00.000Z',
        dueAt: c.dueAt!.toISOString(),
        detail:
          'Pemberitahuan RECEIVED untuk COMPLAINANT gagal: SMTP 550; ' +
          'Pemberitahuan TASK_ASSIGNED untuk KECAMATAN 16.74.02 belum terkirim setelah 3 percobaan: tanpa keterangan',
        webUiUrl: `http://temporal-ui:8080/namespaces/pengaduan/workflows/${c.workflowId}`,
      },
      // Without a complaint: its own row, after those with a due date.
      expect.objectContaining({
        complaintId: null,
        registerNumber: null,
        detail: 'Pemberitahuan HOLIDAY_LIST_MISSING untuk ADMIN gagal: tanpa keterangan',
      }),
    ]);
  });

  it('reports each breached stage of a complaint in one row, since its earliest stage deadline', async () => {
    const { service, complaints, stuckCases } = setup();
    const c = complaintRecord();
    complaints.add(c);
    stuckCases.breaches = {
      untriaged: [],
      tasks: [taskRecord(c, 'KECAMATAN', { area: '16.74.02', dueAt: new Date('2026-05-11T16:59:59Z') })],
      decisions: [
        Object.assign(new Decision(), {
          complaintId: c.id,
          round: 2,
          decision: null,
          dueAt: new Date('2026-05-08T16:59:59Z'),
        }),
      ],
    };
    const [row] = (await service.stuck(asOf)).items.filter((i) => i.kind === 'STAGE_BREACHED');
    expect(row.since).toBe('2026-05-08T16:59:59.000Z');
    expect(row.detail).toBe(
      'Melewati batas waktu tahap: tugas KECAMATAN 16.74.02 (batas 11 Mei 2026 23.59 WIB); ' +
        'keputusan Kepala Daerah (putaran 2) (batas 8 Mei 2026 23.59 WIB).',
    );
    expect(row.registerNumber).toBe(c.registerNumber);
  });

  it('counts a triage wait from the receipt, or from the objection for a new round', async () => {
    const triage = 'WaitingFor = "TRIAGE"';
    const receivedLongAgo = complaintRecord({
      receivedAt: new Date('2026-05-04T02:00:00Z'),
      status: 'RECEIVED',
    });
    // Received just as long ago, but objected to yesterday: its new round is not late yet.
    const objectedYesterday = complaintRecord({
      receivedAt: new Date('2026-05-04T02:00:00Z'),
      objectedAt: new Date('2026-05-13T08:00:00Z'),
    });
    // Entered today (the workflow is new) for a letter received two weeks ago: late.
    const enteredLate = complaintRecord({ receivedAt: new Date('2026-04-30T02:00:00Z'), status: 'RECEIVED' });
    const started = (c: { workflowId: string }) => ({
      workflowId: c.workflowId,
      startTime: new Date('2026-05-14T02:00:00Z'),
    });
    const { service, complaints } = setup({
      [triage]: [started(receivedLongAgo), started(objectedYesterday), started(enteredLate)],
    });
    complaints.add(receivedLongAgo, objectedYesterday, enteredLate);
    const rows = (await service.stuck(asOf)).items.filter((i) => i.kind === 'TRIAGE_LATE');
    expect(rows.map((r) => [r.registerNumber, r.since, r.detail])).toEqual([
      [
        enteredLate.registerNumber,
        '2026-04-30T02:00:00.000Z',
        'Belum ditriase; diterima 30 Apr 2026 09.00 WIB.',
      ],
      [
        receivedLongAgo.registerNumber,
        '2026-05-04T02:00:00.000Z',
        'Belum ditriase; diterima 4 Mei 2026 09.00 WIB.',
      ],
    ]);
  });

  it('names the years without an official holiday list, and what the admin should do', async () => {
    const { service, stuckCases } = setup();
    stuckCases.missingYears = [2027];
    const [row] = (await service.stuck(asOf)).items.filter((i) => i.kind === 'HOLIDAY_LIST_MISSING');
    expect(row.detail).toContain('Daftar resmi hari libur untuk tahun 2027 belum ada.');
    expect(row.detail).toContain('PUT /api/calendar/holidays?year=2027');
    expect(row.complaintId).toBeNull();
  });
});
