import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import {
  type Client,
  type WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import {
  type ComplaintState,
  escalationDecisionSignal,
  recategoriseUpdate,
  respondUpdate,
  stateQuery,
  triageUpdate,
} from '../../../workflows/complaint/definitions';
import { Area, Complaint } from '../../db/entities';
import { unitsForCategory } from '../../domain/categories';
import type { Location } from '../../domain/location';
import type { Principal } from '../auth/principal';
import { ApiError, badRequest, conflict, fromTemporalError, unavailable } from '../common/api-error';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import type {
  ActionLocationDto,
  EscalationDecisionDto,
  RecategoriseDto,
  RespondDto,
  TriageDto,
} from './complaint-actions.dto';
import { actorOf, ComplaintQueryService } from './complaint-query.service';
import type { ComplaintDetailView, EscalationAcceptedView } from './complaint-views';

const CLOSED_MESSAGES: Record<string, string> = {
  REJECTED: 'Pengaduan ini sudah ditolak dan ditutup.',
  RESOLVED: 'Pengaduan ini sudah selesai ditanggapi.',
};

/** A closed complaint answers every action with 409 (its workflow has ended). */
export function refuseIfClosed(complaint: Complaint): void {
  const message = CLOSED_MESSAGES[complaint.status];
  if (message) throw conflict(message);
}

/**
 * Runs a call to Temporal and turns what it refuses into the API's errors: the workflow validators'
 * ApplicationFailures become 409/422/400/404/403, an unreachable Temporal a 503. A workflow that
 * has already ended (the record says closed) is a 409, one that has not started yet a 503.
 */
export async function callWorkflow<T>(
  em: EntityManager,
  complaint: Complaint,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const mapped = fromTemporalError(err);
    if (err instanceof WorkflowNotFoundError) {
      const current = await em.fork().findOne(Complaint, { id: complaint.id });
      if (current) refuseIfClosed(current);
      throw unavailable(
        'Proses pengaduan ini belum berjalan di mesin proses. Silakan coba lagi beberapa saat lagi.',
      );
    }
    if (mapped instanceof ApiError) throw mapped;
    if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      throw unavailable(
        'Mesin proses pengaduan (Temporal) tidak menjawab tepat waktu. Periksa pengaduan ini lalu coba lagi bila perlu.',
      );
    }
    throw mapped;
  }
}

/**
 * The actions on a complaint (triage, re-categorisation, response, the Kepala Daerah's decision).
 * The workflow decides whether an action fits the case's state; this service checks what only the
 * API can (the caller, the master data) and relays the workflow's refusals as HTTP errors.
 */
@Injectable()
export class ComplaintActionsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly query: ComplaintQueryService,
  ) {}

  async triage(id: string, body: TriageDto, principal: Principal): Promise<ComplaintDetailView> {
    if (body.reject && body.category)
      throw badRequest('Isi kategori pengaduan atau penolakan (reject), tidak keduanya.');
    if (body.reject && body.location) throw badRequest('Lokasi tidak diisi bila pengaduan ditolak (reject).');
    if (!body.reject && !body.category)
      throw badRequest('Kategori pengaduan (RINGAN, SEDANG atau BERAT) atau penolakan (reject) wajib diisi.');
    const { em, complaint, handle } = await this.open(id);
    const location = await this.checkLocation(body.location);
    const state = await callWorkflow(em, complaint, () =>
      handle.executeUpdate(triageUpdate, {
        args: [
          {
            actor: actorOf(principal),
            ...(body.reject
              ? { reject: { reason: body.reject.reason } }
              : { category: body.category, ...(location ? { location } : {}) }),
            ...(body.notes !== undefined ? { notes: body.notes } : {}),
          },
        ],
      }),
    );
    return this.query.detail(complaint.id, principal, state);
  }

  async recategorise(id: string, body: RecategoriseDto, principal: Principal): Promise<ComplaintDetailView> {
    const { em, complaint, handle } = await this.open(id);
    const location = await this.checkLocation(body.location);
    const state = await callWorkflow(em, complaint, () =>
      handle.executeUpdate(recategoriseUpdate, {
        args: [
          {
            actor: actorOf(principal),
            category: body.category,
            reason: body.reason,
            ...(location ? { location } : {}),
          },
        ],
      }),
    );
    return this.query.detail(complaint.id, principal, state);
  }

  async respond(id: string, body: RespondDto, principal: Principal): Promise<ComplaintDetailView> {
    const { em, complaint, handle } = await this.open(id);
    const state = await callWorkflow(em, complaint, () =>
      handle.executeUpdate(respondUpdate, { args: [{ actor: actorOf(principal), response: body.response }] }),
    );
    return this.query.detail(complaint.id, principal, state);
  }

  /**
   * The Kepala Daerah's decision goes to the workflow as a signal, which cannot be refused; so the
   * state is checked first and a decision that does not fit is answered here.
   */
  async decide(
    id: string,
    body: EscalationDecisionDto,
    principal: Principal,
  ): Promise<EscalationAcceptedView> {
    if (body.units !== undefined && body.decision !== 'FURTHER_STUDY')
      throw badRequest(
        'Daftar unit (units) hanya diisi untuk keputusan FURTHER_STUDY (kajian lebih lanjut).',
      );
    const studyUnits = unitsForCategory('BERAT');
    const foreign = (body.units ?? []).filter((u) => !studyUnits.includes(u));
    if (foreign.length > 0)
      throw badRequest(
        `Unit berikut bukan unit penanganan pengaduan BERAT: ${foreign.join(', ')}. Pilih dari: ${studyUnits.join(', ')}.`,
      );
    const { em, complaint, handle } = await this.open(id);
    const state: ComplaintState = await callWorkflow(em, complaint, () => handle.query(stateQuery));
    if (state.status !== 'AWAITING_DECISION')
      throw conflict(
        `Pengaduan ini tidak sedang menunggu keputusan Kepala Daerah (status saat ini: ${state.status}).`,
      );
    await callWorkflow(em, complaint, () =>
      handle.signal(escalationDecisionSignal, {
        actor: actorOf(principal),
        decision: body.decision,
        ...(body.notes !== undefined ? { notes: body.notes } : {}),
        ...(body.units !== undefined ? { units: [...new Set(body.units)] } : {}),
      }),
    );
    return {
      accepted: true,
      complaintId: complaint.id,
      registerNumber: complaint.registerNumber,
      decision: body.decision,
      round: state.round,
      message: 'Keputusan diterima dan sedang diproses.',
    };
  }

  /** The complaint (404 if unknown, 409 if closed) and its workflow. */
  private async open(
    id: string,
  ): Promise<{ em: EntityManager; complaint: Complaint; handle: WorkflowHandle }> {
    const em = this.em.fork();
    const complaint = await this.query.findComplaint(id, em);
    refuseIfClosed(complaint);
    return { em, complaint, handle: this.temporal.workflow.getHandle(complaint.workflowId) };
  }

  /** Location codes must name a kecamatan and one of its kelurahan in the Area master data. */
  private async checkLocation(location: ActionLocationDto | undefined): Promise<Location | undefined> {
    if (!location) return undefined;
    const em = this.em.fork();
    const [kecamatan, kelurahan] = await Promise.all([
      em.findOne(Area, { code: location.kecamatan, level: 'KECAMATAN' }),
      em.findOne(Area, { code: location.kelurahan, level: 'KELURAHAN' }),
    ]);
    if (!kecamatan) throw badRequest('Kecamatan tidak dikenal di Kota Prabumulih.');
    if (!kelurahan) throw badRequest('Kelurahan/desa tidak dikenal di Kota Prabumulih.');
    if (kelurahan.parentCode !== kecamatan.code)
      throw badRequest('Kelurahan yang dipilih tidak berada di kecamatan tersebut.');
    return { kecamatan: kecamatan.code, kelurahan: kelurahan.code };
  }
}
