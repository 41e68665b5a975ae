import { Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { ObjectionService } from '../../../src/api/complaints/objection.service';
import { apiErrorOf, complaintRecord } from './fakes';
import { FakeWorkflowStarts } from './fakes-intake';
import { InMemoryObjectionRepository } from './fakes-objection';

// 10 June 2026, 10:00 WIB.
const NOW = new Date('2026-06-10T03:00:00Z');
// Answered 1 June 2026 (WIB): objections accepted until the end of 15 June (WIB).
const CLOSED_AT = new Date('2026-06-01T03:00:00Z');

function setup() {
  const repo = new InMemoryObjectionRepository();
  const workflows = new FakeWorkflowStarts();
  return { repo, workflows, service: new ObjectionService(repo, workflows.asGateway()) };
}

function resolved(fields = {}) {
  return complaintRecord({
    status: 'RESOLVED',
    category: 'SEDANG',
    response: 'Izin telah terbit.',
    respondedBy: 'kabid',
    closedAt: CLOSED_AT,
    overdue: true,
    triageDueAt: new Date('2026-05-05T16:59:59Z'),
    ...fields,
  });
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
});
afterEach(() => {
  jest.useRealTimers();
});

describe('ObjectionService.file', () => {
  it('reopens the case as a new round, keeping the answer it sets aside and the highest round reached, and starts the new workflow', async () => {
    const { service, repo, workflows } = setup();
    const c = resolved();
    repo.add(c);
    repo.rounds.set(c.id, [1, 2, 1, 3, 2]);

    const reopened = await service.file(c, '  Tanggapan tidak menjawab pengaduan saya. ', 'loket');

    const expected = {
      status: 'RECEIVED',
      objectedAt: NOW,
      objectionReason: 'Tanggapan tidak menjawab pengaduan saya.',
      objectedBy: 'loket',
      previousWorkflowId: c.workflowId,
      workflowId: `pengaduan-${c.registerNumber.replaceAll('/', '-')}-keberatan-1`,
      category: null,
      dueAt: null,
      triageDueAt: null,
      overdue: false,
      response: null,
      respondedBy: null,
      rejectionReason: null,
      closedAt: null,
      previousOutcome: {
        status: 'RESOLVED',
        response: 'Izin telah terbit.',
        respondedBy: 'kabid',
        rejectionReason: null,
        closedAt: CLOSED_AT.toISOString(),
        dueAt: c.dueAt!.toISOString(),
        category: 'SEDANG',
        overdue: true,
        lastRound: 3,
      },
    };
    expect(reopened).toMatchObject(expected);
    expect(repo.record(c.id)).toMatchObject(expected);
    expect(workflows.started.map((s) => s.workflowId)).toEqual([expected.workflowId]);
  });

  it('records round 0 when the first handling never reached a study (rejected at triage)', async () => {
    const { service, repo } = setup();
    const c = resolved({
      status: 'REJECTED',
      response: null,
      respondedBy: null,
      rejectionReason: 'Di luar lingkup.',
    });
    repo.add(c);

    const reopened = await service.file(c, 'Saya keberatan.', null);

    expect(reopened.previousOutcome).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Di luar lingkup.',
      lastRound: 0,
    });
    expect(reopened.objectedBy).toBeNull();
  });

  it.each([
    ['an empty reason (400)', resolved(), '', 400, 'Alasan keberatan wajib diisi.'],
    [
      'a case still being handled (409)',
      resolved({ status: 'IN_PROGRESS', closedAt: null }),
      'Saya keberatan.',
      409,
      'Keberatan hanya dapat diajukan setelah pengaduan ditanggapi atau ditolak. Pengaduan ini masih ditangani.',
    ],
    [
      'an answer older than 14 days (422)',
      resolved({ closedAt: new Date('2026-05-26T03:00:00Z') }),
      'Saya keberatan.',
      422,
      'Batas waktu keberatan sudah lewat: keberatan dapat diajukan paling lambat 14 hari setelah tanggapan, yaitu sampai 9 Jun 2026.',
    ],
  ])(
    'refuses %s without writing anything or starting a workflow',
    async (_what, c, reason, status, message) => {
      const { service, repo, workflows } = setup();
      repo.add(c);
      const before = { ...repo.record(c.id) };

      expect(await apiErrorOf(service.file(c, reason, 'loket'))).toEqual({ status, message });
      expect({ ...repo.record(c.id) }).toEqual(before);
      expect(workflows.started).toEqual([]);
    },
  );

  it('answers 409 when another objection reached the record first (the case as read was still open to one)', async () => {
    const { service, repo, workflows } = setup();
    const c = resolved();
    repo.add(c);
    await service.file(c, 'Keberatan pertama.', null);

    // `c` is the record as this request read it, before the first objection.
    expect(await apiErrorOf(service.file(c, 'Keberatan kedua.', 'loket'))).toEqual({
      status: 409,
      message:
        'Keberatan atas pengaduan ini sudah pernah diajukan. Keberatan hanya dapat diajukan satu kali.',
    });
    expect(repo.record(c.id)!.objectionReason).toBe('Keberatan pertama.');
    expect(workflows.started).toHaveLength(1);
  });

  it('keeps the objection when Temporal is down (the reconciler starts the new round later)', async () => {
    const { service, repo, workflows } = setup();
    workflows.fail = true;
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => {});
    const c = resolved();
    repo.add(c);

    const reopened = await service.file(c, 'Saya keberatan.', null);

    expect(reopened.status).toBe('RECEIVED');
    expect(repo.record(c.id)!.objectedAt).toEqual(NOW);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(`could not ask whether ${c.workflowId} has ended`),
    );
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('its new round will be started by the reconciler'),
    );
    warn.mockRestore();
  });

  it("waits for the first handling's workflow to end (it ends moments after the closing action)", async () => {
    const { service, repo, workflows } = setup();
    const c = resolved();
    repo.add(c);
    let asked = 0;
    workflows.describeAnswer = () => ({ status: { name: ++asked < 3 ? 'RUNNING' : 'COMPLETED' } });

    const filing = service.file(c, 'Saya keberatan.', null);
    await jest.advanceTimersByTimeAsync(1_000);
    const reopened = await filing;

    expect(asked).toBe(3);
    expect(reopened.status).toBe('RECEIVED');
    expect(workflows.started).toHaveLength(1);
  });

  it("answers 503 and changes nothing while the first handling's workflow still runs (the record can be ahead of it)", async () => {
    const { service, repo, workflows } = setup();
    service.firstHandlingEndWaitMs = 0;
    const c = resolved();
    repo.add(c);
    const asked: string[] = [];
    workflows.describeAnswer = (workflowId) => {
      asked.push(workflowId);
      return { status: { name: 'RUNNING' } };
    };
    const before = { ...repo.record(c.id) };

    expect(await apiErrorOf(service.file(c, 'Saya keberatan.', null))).toEqual({
      status: 503,
      message:
        'Penanganan pengaduan ini belum selesai dicatat di mesin proses. Keberatan Anda belum diterima; silakan coba lagi beberapa saat lagi.',
    });
    expect(asked).toEqual([c.workflowId]);
    expect({ ...repo.record(c.id) }).toEqual(before);
    expect(workflows.started).toEqual([]);
  });

  it("takes the objection when the first handling's workflow is gone (retention)", async () => {
    const { service, repo, workflows } = setup();
    const c = resolved();
    repo.add(c);
    workflows.describeAnswer = (workflowId) => {
      throw new WorkflowNotFoundError('workflow not found', workflowId, undefined);
    };

    const reopened = await service.file(c, 'Saya keberatan.', null);

    expect(reopened.status).toBe('RECEIVED');
    expect(workflows.started.map((s) => s.workflowId)).toEqual([reopened.workflowId]);
  });
});
