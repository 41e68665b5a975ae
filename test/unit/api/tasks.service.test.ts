import { ComplaintWorkflowService } from '../../../src/api/complaints/complaint-workflow.service';
import { TasksService } from '../../../src/api/complaints/tasks.service';
import type { ReferenceDataCache } from '../../../src/api/reference-data/reference-data.cache';
import { Area } from '../../../src/db/entities';
import { WorkingDayCalendar } from '../../../src/domain/calendar';
import type { TaskState } from '../../../workflows/complaint/definitions';
import {
  apiErrorOf,
  complaintRecord,
  FakeComplaintWorkflows,
  InMemoryComplaintRepository,
  InMemoryTaskRepository,
  staff,
  taskRecord,
  workflowEnded,
  workflowRefusal,
} from './fakes';

const KECAMATAN_CAMBAI = '16.74.02';
const KECAMATAN_PRABUMULIH_BARAT = '16.74.01';

function setup() {
  const complaints = new InMemoryComplaintRepository();
  const tasks = new InMemoryTaskRepository(complaints);
  const gateway = new FakeComplaintWorkflows();
  const referenceData = {
    calendar: async () => ({ calendar: new WorkingDayCalendar([]), deadlines: new Map() }),
    areas: async () => new Map([[KECAMATAN_CAMBAI, Object.assign(new Area(), { name: 'Cambai' })]]),
  } as unknown as ReferenceDataCache;
  const service = new TasksService(
    tasks,
    new ComplaintWorkflowService(gateway.asGateway(), complaints),
    referenceData,
  );
  return { complaints, tasks, gateway, service };
}

describe('TasksService.complete', () => {
  const body = { outcome: 'Peninjauan lapangan dilakukan.', notes: 'Foto disimpan di arsip seksi.' };

  it('answers 404 for an unknown task, and for an id too long to be one, without asking the workflow', async () => {
    const { service, gateway } = setup();
    const perizinan = staff('BIDANG_PERIZINAN', 'perizinan');
    expect(await apiErrorOf(service.complete('nope:1:BIDANG_PERIZINAN', body, perizinan))).toEqual({
      status: 404,
      message: 'Tugas tidak ditemukan.',
    });
    expect(await apiErrorOf(service.complete('x'.repeat(65), body, perizinan))).toEqual({
      status: 404,
      message: 'Tugas tidak ditemukan.',
    });
    expect(gateway.calls).toEqual([]);
  });

  it("answers 403 for another unit's task", async () => {
    const { service, complaints, tasks, gateway } = setup();
    const c = complaintRecord();
    complaints.add(c);
    const task = taskRecord(c, 'BIDANG_PERIZINAN');
    tasks.add(task);
    expect(await apiErrorOf(service.complete(task.id, body, staff('TIM_TEKNIS', 'teknis')))).toEqual({
      status: 403,
      message: 'Tugas ini bukan milik unit Anda.',
    });
    expect(gateway.calls).toEqual([]);
  });

  it('answers 403 for a KECAMATAN task of another area, even when it is done (ownership first)', async () => {
    const { service, complaints, tasks, gateway } = setup();
    const c = complaintRecord();
    complaints.add(c);
    const task = taskRecord(c, 'KECAMATAN', { area: KECAMATAN_CAMBAI, status: 'DONE' });
    tasks.add(task);
    const otherArea = staff('KECAMATAN', 'camat-barat', KECAMATAN_PRABUMULIH_BARAT);
    expect(await apiErrorOf(service.complete(task.id, body, otherArea))).toEqual({
      status: 403,
      message: 'Tugas ini untuk aparatur wilayah lain.',
    });
    expect(gateway.calls).toEqual([]);
  });

  it("relays the workflow's 409 for a task already done", async () => {
    const { service, complaints, tasks, gateway } = setup();
    const c = complaintRecord();
    complaints.add(c);
    const task = taskRecord(c, 'BIDANG_PERIZINAN');
    tasks.add(task);
    gateway.reply = () => {
      throw workflowRefusal('CONFLICT', 'Tugas ini sudah diselesaikan.');
    };
    expect(await apiErrorOf(service.complete(task.id, body, staff('BIDANG_PERIZINAN', 'perizinan')))).toEqual(
      { status: 409, message: 'Tugas ini sudah diselesaikan.' },
    );
  });

  it('asks the workflow about a task the record says is done: the record can be ahead of it', async () => {
    const { service, complaints, tasks, gateway } = setup();
    const c = complaintRecord();
    complaints.add(c);
    // Written by a workflow task that was then lost: the workflow still has the task open and
    // waits for this retry; the workflow's next write sets the row back.
    const task = taskRecord(c, 'BIDANG_PERIZINAN', { status: 'DONE' });
    tasks.add(task);
    gateway.reply = () => ({ id: task.id, unit: 'BIDANG_PERIZINAN', area: null, round: 1, status: 'DONE' });
    const done = await service.complete(task.id, body, staff('BIDANG_PERIZINAN', 'perizinan'));
    expect(done.status).toBe('DONE');
    expect(gateway.calls).toEqual([expect.objectContaining({ kind: 'act', update: 'completeTask' })]);
  });

  it.each([
    ['RESOLVED', 'Pengaduan ini sudah selesai ditanggapi.'],
    ['REJECTED', 'Pengaduan ini sudah ditolak dan ditutup.'],
  ])("answers 409 with the record's reason when the workflow has ended (%s)", async (status, message) => {
    const { service, complaints, tasks, gateway } = setup();
    const c = complaintRecord({ status });
    complaints.add(c);
    const task = taskRecord(c, 'BIDANG_PERIZINAN');
    tasks.add(task);
    gateway.reply = () => {
      throw workflowEnded(c);
    };
    expect(await apiErrorOf(service.complete(task.id, body, staff('BIDANG_PERIZINAN', 'perizinan')))).toEqual(
      { status: 409, message },
    );
  });

  it("passes the caller, the task and the outcome to the workflow's completeTask update", async () => {
    const { service, complaints, tasks, gateway } = setup();
    const c = complaintRecord();
    complaints.add(c);
    const task = taskRecord(c, 'KECAMATAN', { area: KECAMATAN_CAMBAI });
    tasks.add(task);
    const done: TaskState = {
      id: task.id,
      unit: 'KECAMATAN',
      area: KECAMATAN_CAMBAI,
      round: 1,
      status: 'DONE',
      openedAt: '2026-05-04T03:00:00.000Z',
      outcome: body.outcome,
      notes: body.notes,
      completedBy: 'camat-cambai',
      completedAt: '2026-05-05T04:00:00.000Z',
      dueAt: '2026-05-04T16:59:59.999Z',
    };
    gateway.reply = () => done;
    const camat = staff('KECAMATAN', 'camat-cambai', KECAMATAN_CAMBAI);

    const view = await service.complete(task.id, body, camat);

    expect(gateway.calls).toEqual([
      {
        kind: 'act',
        workflowId: c.workflowId,
        update: 'completeTask',
        input: {
          actor: { username: 'camat-cambai', unit: 'KECAMATAN', area: KECAMATAN_CAMBAI },
          taskId: task.id,
          outcome: body.outcome,
          notes: body.notes,
        },
      },
    ]);
    expect(view).toEqual({
      id: task.id,
      complaintId: c.id,
      unit: 'KECAMATAN',
      area: KECAMATAN_CAMBAI,
      round: 1,
      status: 'DONE',
      outcome: body.outcome,
      notes: body.notes,
      completedBy: 'camat-cambai',
      completedAt: '2026-05-05T04:00:00.000Z',
      // Done the day after its stage deadline.
      dueAt: '2026-05-04T16:59:59.999Z',
      stageBreached: true,
    });
  });

  it('leaves notes out of the input when none are given', async () => {
    const { service, complaints, tasks, gateway } = setup();
    const c = complaintRecord();
    complaints.add(c);
    const task = taskRecord(c, 'BIDANG_PERIZINAN');
    tasks.add(task);
    gateway.reply = () => ({ id: task.id, unit: 'BIDANG_PERIZINAN', area: null, round: 1, status: 'DONE' });
    await service.complete(task.id, { outcome: 'Selesai.' }, staff('BIDANG_PERIZINAN', 'perizinan'));
    expect(gateway.calls).toEqual([
      expect.objectContaining({ input: expect.not.objectContaining({ notes: expect.anything() }) }),
    ]);
  });

  it('answers 409 when the workflow has ended meanwhile and the record now says closed', async () => {
    const { service, complaints, tasks, gateway } = setup();
    const c = complaintRecord();
    complaints.add(c);
    const task = taskRecord(c, 'BIDANG_PERIZINAN');
    tasks.add(task);
    gateway.reply = () => {
      // Another officer's response closed the case while this request was on its way.
      c.status = 'RESOLVED';
      throw workflowEnded(c);
    };
    expect(await apiErrorOf(service.complete(task.id, body, staff('BIDANG_PERIZINAN', 'perizinan')))).toEqual(
      { status: 409, message: 'Pengaduan ini sudah selesai ditanggapi.' },
    );
  });
});

describe('TasksService.inbox', () => {
  it("filters an area unit's inbox by the caller's area and maps each task with its complaint", async () => {
    const { service, complaints, tasks } = setup();
    const c = complaintRecord({ category: 'SEDANG', kecamatan: KECAMATAN_CAMBAI });
    complaints.add(c);
    const own = taskRecord(c, 'KECAMATAN', { area: KECAMATAN_CAMBAI });
    tasks.add(own, taskRecord(c, 'KECAMATAN', { area: KECAMATAN_PRABUMULIH_BARAT }));
    // Monday 11 May 2026: the due day (Monday 18 May) is 5 working days ahead on a calendar without holidays.
    service.now = () => new Date('2026-05-11T03:00:00Z');

    const list = await service.inbox({}, staff('KECAMATAN', 'camat-cambai', KECAMATAN_CAMBAI));

    expect(tasks.inboxFilters).toEqual([{ unit: 'KECAMATAN', area: KECAMATAN_CAMBAI }]);
    expect(list.total).toBe(1);
    expect(list.items).toEqual([
      expect.objectContaining({
        id: own.id,
        status: 'OPEN',
        complaint: {
          id: c.id,
          registerNumber: c.registerNumber,
          trackingCode: c.trackingCode,
          category: 'SEDANG',
          status: 'IN_PROGRESS',
          licensingService: null,
          location: {
            kecamatan: KECAMATAN_CAMBAI,
            kecamatanName: 'Cambai',
            kelurahan: null,
            kelurahanName: null,
          },
          shortDescription: 'Izin usaha belum terbit setelah 30 hari.',
          receivedAt: c.receivedAt.toISOString(),
          dueAt: c.dueAt!.toISOString(),
          workingDaysLeft: 5,
          overdue: false,
          identityMode: 'BIASA',
        },
      }),
    ]);
  });

  it('passes the inbox filters on, a register number in URL form as stored and a tracking code in capitals', async () => {
    const { service, tasks } = setup();
    const perizinan = staff('BIDANG_PERIZINAN', 'perizinan');
    await service.inbox(
      {
        complaintStatus: 'IN_PROGRESS',
        category: 'SEDANG',
        kecamatan: '16.74.01',
        overdue: 'true',
        q: '2026-12-0007',
      },
      perizinan,
    );
    await service.inbox({ overdue: 'false', q: ' k7qx2m9tpa ' }, perizinan);
    expect(tasks.inboxFilters).toEqual([
      {
        unit: 'BIDANG_PERIZINAN',
        complaintStatus: 'IN_PROGRESS',
        category: 'SEDANG',
        kecamatan: '16.74.01',
        overdue: true,
        registerNumber: '2026/12/0007',
      },
      { unit: 'BIDANG_PERIZINAN', overdue: false, trackingCode: 'K7QX2M9TPA' },
    ]);
    expect(await apiErrorOf(service.inbox({ q: '<b>' }, perizinan))).toMatchObject({ status: 400 });
  });

  it('does not filter other units by area, and gives a caller without a unit an empty inbox', async () => {
    const { service, tasks } = setup();
    await service.inbox({ status: 'OPEN', page: 2, pageSize: 5 }, staff('BIDANG_PERIZINAN', 'perizinan'));
    expect(tasks.inboxFilters).toEqual([{ unit: 'BIDANG_PERIZINAN', status: 'OPEN' }]);
    const admin = {
      sub: 'admin',
      username: 'admin',
      role: 'ADMIN' as const,
      unit: null,
      area: null,
      eselon: null,
    };
    expect(await service.inbox({}, admin)).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    expect(tasks.inboxFilters).toHaveLength(1);
  });
});
