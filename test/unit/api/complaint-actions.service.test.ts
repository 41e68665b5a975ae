import { ServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type {
  EscalationDecisionDto,
  RespondDto,
  TriageDto,
} from '../../../src/api/complaints/complaint-actions.dto';
import { ComplaintActionsService } from '../../../src/api/complaints/complaint-actions.service';
import { ComplaintQueryService } from '../../../src/api/complaints/complaint-query.service';
import { ComplaintWorkflowService } from '../../../src/api/complaints/complaint-workflow.service';
import type { PersonalDataAccessService } from '../../../src/api/personal-data-access/personal-data-access.service';
import type { ReferenceDataCache } from '../../../src/api/reference-data/reference-data.cache';
import type { Complaint } from '../../../src/db/entities';
import { WorkingDayCalendar } from '../../../src/domain/calendar';
import type { ComplaintState, DecisionOutcome } from '../../../workflows/complaint/definitions';
import {
  apiErrorOf,
  complaintRecord,
  FakeComplaintWorkflows,
  InMemoryComplaintRepository,
  InMemoryReferenceDataRepository,
  InMemoryTaskRepository,
  liveState,
  staff,
  workflowEnded,
  workflowRefusal,
} from './fakes';

const KECAMATAN = '16.74.01';
const KELURAHAN = '16.74.01.1007';
const OTHER_KECAMATAN = '16.74.02';
const KELURAHAN_OF_OTHER = '16.74.02.1001';

function setup(...records: Complaint[]) {
  const complaints = new InMemoryComplaintRepository().add(...records);
  const tasks = new InMemoryTaskRepository(complaints);
  const referenceData = new InMemoryReferenceDataRepository()
    .addArea(KECAMATAN, 'KECAMATAN')
    .addArea(OTHER_KECAMATAN, 'KECAMATAN')
    .addArea(KELURAHAN, 'KELURAHAN', KECAMATAN)
    .addArea(KELURAHAN_OF_OTHER, 'KELURAHAN', OTHER_KECAMATAN);
  const gateway = new FakeComplaintWorkflows();
  const calendar = { calendar: async () => ({ calendar: new WorkingDayCalendar([]), deadlines: new Map() }) };
  const query = new ComplaintQueryService(
    complaints,
    tasks,
    gateway.asGateway(),
    calendar as unknown as ReferenceDataCache,
    { record: async () => undefined } as unknown as PersonalDataAccessService,
  );
  const service = new ComplaintActionsService(
    new ComplaintWorkflowService(gateway.asGateway(), complaints),
    query,
    referenceData,
  );
  return { complaints, gateway, service };
}

const pengaduan = staff('SEKSI_PENGADUAN', 'pengaduan');
const triage = (body: Record<string, unknown>) => body as unknown as TriageDto;

describe('ComplaintActionsService.triage', () => {
  it.each([
    [
      'a category and a rejection',
      { category: 'RINGAN', reject: { reason: 'Bukan perizinan.' } },
      'Isi kategori pengaduan atau penolakan (reject), tidak keduanya.',
    ],
    [
      'a rejection with a location',
      { reject: { reason: 'Bukan perizinan.' }, location: { kecamatan: KECAMATAN, kelurahan: KELURAHAN } },
      'Lokasi tidak diisi bila pengaduan ditolak (reject).',
    ],
    [
      'neither a category nor a rejection',
      { notes: 'Belum jelas.' },
      'Kategori pengaduan (RINGAN, SEDANG atau BERAT) atau penolakan (reject) wajib diisi.',
    ],
  ])('answers 400 for %s, before reading the complaint or asking the workflow', async (_, body, message) => {
    const { service, gateway } = setup();
    // The id is unknown: the 400 comes before the lookup (which would be a 404).
    expect(
      await apiErrorOf(service.triage('00000000-0000-4000-8000-ffffffffffff', triage(body), pengaduan)),
    ).toEqual({ status: 400, message });
    expect(gateway.calls).toEqual([]);
  });

  it('answers 404 for an unknown or malformed complaint id', async () => {
    const { service } = setup();
    for (const id of ['00000000-0000-4000-8000-ffffffffffff', 'not-a-uuid']) {
      expect(await apiErrorOf(service.triage(id, triage({ category: 'RINGAN' }), pengaduan))).toEqual({
        status: 404,
        message: 'Pengaduan tidak ditemukan.',
      });
    }
  });

  it.each([
    [
      'an unknown kecamatan',
      { kecamatan: '16.74.09', kelurahan: KELURAHAN },
      'Kecamatan tidak dikenal di Kota Prabumulih.',
      422,
    ],
    [
      'an unknown kelurahan',
      { kecamatan: KECAMATAN, kelurahan: '16.74.01.9999' },
      'Kelurahan/desa tidak dikenal di Kota Prabumulih.',
      422,
    ],
    [
      'a kelurahan of another kecamatan',
      { kecamatan: KECAMATAN, kelurahan: KELURAHAN_OF_OTHER },
      'Kelurahan yang dipilih tidak berada di kecamatan tersebut.',
      422,
    ],
  ])('checks the location against the master data: %s', async (_, location, message, status) => {
    const c = complaintRecord({ status: 'RECEIVED' });
    const { service, gateway } = setup(c);
    expect(
      await apiErrorOf(service.triage(c.id, triage({ category: 'SEDANG', location }), pengaduan)),
    ).toEqual({
      status,
      message,
    });
    expect(gateway.calls).toEqual([]);
  });

  it('sends the category and the checked location to the workflow and answers the detail with its state', async () => {
    const c = complaintRecord({ status: 'RECEIVED' });
    const { service, gateway } = setup(c);
    const state: ComplaintState = liveState(c, { status: 'IN_PROGRESS', category: 'SEDANG' });
    // The workflow answers once it has written the transition's records (here: the status).
    gateway.reply = () => {
      Object.assign(c, { status: 'IN_PROGRESS', category: 'SEDANG' });
      return state;
    };

    const detail = await service.triage(
      c.id,
      triage({
        category: 'SEDANG',
        location: { kecamatan: KECAMATAN, kelurahan: KELURAHAN },
        notes: 'Cek lokasi.',
      }),
      pengaduan,
    );

    expect(gateway.calls).toEqual([
      {
        kind: 'act',
        workflowId: c.workflowId,
        update: 'triage',
        input: {
          actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN', area: null },
          category: 'SEDANG',
          location: { kecamatan: KECAMATAN, kelurahan: KELURAHAN },
          notes: 'Cek lokasi.',
        },
      },
    ]);
    // The state the update answered is used as is: no second call for the live state.
    expect(detail.live).toBe(state);
    expect(detail.status).toBe('IN_PROGRESS');
    expect(detail.personalDataVisible).toBe(true);
  });

  it('answers 503 saying the action was not applied when Temporal rejects it unprocessed', async () => {
    const c = complaintRecord({ status: 'RECEIVED' });
    const { service, gateway } = setup(c);
    gateway.reply = () => {
      throw new WorkflowUpdateFailedError(
        'Workflow Update failed',
        ApplicationFailure.create({ type: 'UnprocessedUpdate', message: "it wasn't processed by worker" }),
      );
    };
    expect(await apiErrorOf(service.triage(c.id, triage({ category: 'RINGAN' }), pengaduan))).toEqual({
      status: 503,
      message: 'Mesin proses pengaduan belum menerapkan tindakan Anda. Silakan coba lagi beberapa saat lagi.',
    });
  });

  it('answers 503 saying the action was not applied when Temporal refuses an 11th Update in flight', async () => {
    const c = complaintRecord({ status: 'RECEIVED' });
    const { service, gateway } = setup(c);
    gateway.reply = () => {
      throw new ServiceError('Failed to update workflow', {
        cause: Object.assign(new Error('limit'), {
          code: 8,
          details: 'limit on number of concurrent in-flight updates has been reached (10)',
        }),
      });
    };
    expect(await apiErrorOf(service.triage(c.id, triage({ category: 'RINGAN' }), pengaduan))).toEqual({
      status: 503,
      message:
        'Terlalu banyak tindakan sedang diproses untuk pengaduan ini. Tindakan Anda belum diterapkan; silakan coba lagi beberapa saat lagi.',
    });
  });

  it('sends a rejection with its reason only', async () => {
    const c = complaintRecord({ status: 'RECEIVED' });
    const { service, gateway } = setup(c);
    gateway.reply = () => liveState(c, { status: 'REJECTED' });
    await service.triage(c.id, triage({ reject: { reason: 'Sengketa tanah.' } }), pengaduan);
    expect(gateway.calls).toEqual([
      expect.objectContaining({
        input: { actor: expect.any(Object), reject: { reason: 'Sengketa tanah.' } },
      }),
    ]);
  });

  it.each([
    ['RESOLVED', 'Pengaduan ini sudah selesai ditanggapi.'],
    ['REJECTED', 'Pengaduan ini sudah ditolak dan ditutup.'],
  ])("answers 409 with the record's reason when the workflow has ended (%s)", async (status, message) => {
    const c = complaintRecord({ status });
    const { service, gateway } = setup(c);
    gateway.reply = () => {
      throw workflowEnded(c);
    };
    expect(await apiErrorOf(service.triage(c.id, triage({ category: 'RINGAN' }), pengaduan))).toEqual({
      status: 409,
      message,
    });
    const respond = { response: 'Izin telah terbit.' } as RespondDto;
    expect(await apiErrorOf(service.respond(c.id, respond, pengaduan))).toEqual({ status: 409, message });
  });

  it('asks the workflow about a case the record says is closed: the record can be ahead of it', async () => {
    // A rejection written by a workflow task that was then lost: the workflow still waits for triage.
    const c = complaintRecord({ status: 'REJECTED' });
    const { service, gateway } = setup(c);
    gateway.reply = () => liveState(c, { status: 'IN_PROGRESS', category: 'RINGAN' });
    const detail = await service.triage(c.id, triage({ category: 'RINGAN' }), pengaduan);
    expect(detail.live?.status).toBe('IN_PROGRESS');
    expect(gateway.calls).toEqual([expect.objectContaining({ kind: 'act', update: 'triage' })]);
  });

  it("relays the workflow's 409 for a case it has closed", async () => {
    const c = complaintRecord({ status: 'AWAITING_RESPONSE', category: 'SEDANG' });
    const { service, gateway } = setup(c);
    gateway.reply = () => {
      throw workflowRefusal('CONFLICT', 'Pengaduan ini sudah selesai ditanggapi.');
    };
    const respond = { response: 'Izin telah terbit.' } as RespondDto;
    expect(await apiErrorOf(service.respond(c.id, respond, pengaduan))).toEqual({
      status: 409,
      message: 'Pengaduan ini sudah selesai ditanggapi.',
    });
  });
});

describe('ComplaintActionsService.respond', () => {
  const loket = staff('LOKET', 'loket');
  const respond = { response: 'Biaya izin nol rupiah.' } as RespondDto;

  it('lets the front desk answer a RINGAN case', async () => {
    const c = complaintRecord({ status: 'AWAITING_RESPONSE', category: 'RINGAN' });
    const { service, gateway } = setup(c);
    gateway.reply = () => liveState(c, { status: 'RESOLVED' });
    await service.respond(c.id, respond, loket);
    expect(gateway.calls).toEqual([
      expect.objectContaining({
        input: expect.objectContaining({ actor: expect.objectContaining({ unit: 'LOKET' }) }),
      }),
    ]);
  });

  it('refuses the front desk on a SEDANG case with 403, without asking the workflow', async () => {
    const c = complaintRecord({ status: 'AWAITING_RESPONSE', category: 'SEDANG' });
    const { service, gateway } = setup(c);
    expect(await apiErrorOf(service.respond(c.id, respond, loket))).toEqual({
      status: 403,
      message:
        'Tanggapan pengaduan kategori SEDANG hanya diberikan oleh Seksi Pengaduan dan Informasi Layanan.',
    });
    expect(gateway.calls).toEqual([]);
  });
});

describe('ComplaintActionsService.decide', () => {
  const kepala = {
    sub: 'kepala',
    username: 'kepala',
    role: 'KEPALA_DAERAH' as const,
    unit: null,
    area: null,
    eselon: null,
  };
  const decision = (body: Record<string, unknown>) => body as unknown as EscalationDecisionDto;

  it('answers 400 for units with a decision other than FURTHER_STUDY', async () => {
    const c = complaintRecord({ status: 'AWAITING_DECISION', category: 'BERAT' });
    const { service, gateway } = setup(c);
    expect(
      await apiErrorOf(
        service.decide(c.id, decision({ decision: 'APPROVE', units: ['TIM_TEKNIS'] }), kepala),
      ),
    ).toEqual({
      status: 400,
      message: 'Daftar unit (units) hanya diisi untuk keputusan FURTHER_STUDY (kajian lebih lanjut).',
    });
    expect(gateway.calls).toEqual([]);
  });

  it('answers 400 naming the units that do not handle BERAT complaints', async () => {
    const c = complaintRecord({ status: 'AWAITING_DECISION', category: 'BERAT' });
    const { service, gateway } = setup(c);
    const error = await apiErrorOf(
      service.decide(c.id, decision({ decision: 'FURTHER_STUDY', units: ['TIM_TEKNIS', 'LOKET'] }), kepala),
    );
    expect(error.status).toBe(400);
    expect(error.message).toMatch(
      /^Unit berikut bukan unit penanganan pengaduan BERAT: LOKET\. Pilih dari: /,
    );
    expect(gateway.calls).toEqual([]);
  });

  it('sends FURTHER_STUDY with its units once each, and answers 409 with the message of a decision set aside', async () => {
    const c = complaintRecord({ status: 'AWAITING_DECISION', category: 'BERAT' });
    const { service, gateway } = setup(c);
    const outcome: DecisionOutcome = {
      applied: false,
      message: 'Keputusan putaran ini sudah diberikan.',
      state: liveState(c, { status: 'IN_PROGRESS' }),
    };
    gateway.reply = () => outcome;
    expect(
      await apiErrorOf(
        service.decide(
          c.id,
          decision({ decision: 'FURTHER_STUDY', units: ['TIM_TEKNIS', 'TIM_TEKNIS'], notes: 'Kaji ulang.' }),
          kepala,
        ),
      ),
    ).toEqual({ status: 409, message: 'Keputusan putaran ini sudah diberikan.' });
    expect(gateway.calls).toEqual([
      {
        kind: 'decide',
        workflowId: c.workflowId,
        decision: {
          actor: { username: 'kepala', unit: null, area: null },
          decision: 'FURTHER_STUDY',
          notes: 'Kaji ulang.',
          units: ['TIM_TEKNIS'],
        },
      },
    ]);
  });

  it("answers 409 with the record's reason when the workflow has ended", async () => {
    const c = complaintRecord({ status: 'RESOLVED', category: 'BERAT' });
    const { service, gateway } = setup(c);
    gateway.reply = () => {
      throw workflowEnded(c);
    };
    expect(await apiErrorOf(service.decide(c.id, decision({ decision: 'APPROVE' }), kepala))).toEqual({
      status: 409,
      message: 'Pengaduan ini sudah selesai ditanggapi.',
    });
  });
});
