import { Injectable } from '@nestjs/common';
import { recategoriseUpdate, respondUpdate, triageUpdate } from '../../../workflows/complaint/definitions';
import { ReferenceDataRepository } from '../../db/repositories';
import type { Category } from '../../domain/categories';
import { unitsForCategory } from '../../domain/categories';
import { checkLocationConsistent, checkResponder } from '../../domain/complaint-rules';
import type { Location } from '../../domain/location';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, throwIfRefused, unprocessable } from '../common/api-error';
import type {
  ActionLocationDto,
  EscalationDecisionDto,
  RecategoriseDto,
  RespondDto,
  TriageDto,
} from './complaint-actions.dto';
import { actorOf, ComplaintQueryService } from './complaint-query.service';
import type { ComplaintDetailView } from './complaint-views';
import { ComplaintWorkflowService } from './complaint-workflow.service';

/**
 * The actions on a complaint (triage, re-categorisation, response, the Kepala Daerah's decision).
 * The workflow decides whether an action fits the case's state; this service checks what only the
 * API can (the caller, the master data) and relays the workflow's refusals as HTTP errors. It never
 * refuses on the record's status: the record can be ahead of the workflow (a write by a workflow
 * task that was then lost, until the workflow's next write sets it back), and the retry of the lost
 * action is what the case waits for. A workflow that has ended answers with the record's reason
 * (ComplaintWorkflowService).
 */
@Injectable()
export class ComplaintActionsService {
  constructor(
    private readonly workflow: ComplaintWorkflowService,
    private readonly query: ComplaintQueryService,
    private readonly referenceData: ReferenceDataRepository,
  ) {}

  async triage(id: string, body: TriageDto, principal: Principal): Promise<ComplaintDetailView> {
    if (body.reject && body.category)
      throw badRequest('Isi kategori pengaduan atau penolakan (reject), tidak keduanya.');
    if (body.reject && body.location) throw badRequest('Lokasi tidak diisi bila pengaduan ditolak (reject).');
    if (!body.reject && !body.category)
      throw badRequest('Kategori pengaduan (RINGAN, SEDANG atau BERAT) atau penolakan (reject) wajib diisi.');
    const complaint = await this.query.findComplaint(id);
    const location = await this.checkLocation(body.location);
    const state = await this.workflow.act(complaint, triageUpdate, {
      actor: actorOf(principal),
      ...(body.reject
        ? { reject: { reason: body.reject.reason } }
        : { category: body.category, ...(location ? { location } : {}) }),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
    });
    return this.query.detail(complaint.id, principal, state);
  }

  async recategorise(id: string, body: RecategoriseDto, principal: Principal): Promise<ComplaintDetailView> {
    const complaint = await this.query.findComplaint(id);
    const location = await this.checkLocation(body.location);
    const state = await this.workflow.act(complaint, recategoriseUpdate, {
      actor: actorOf(principal),
      category: body.category,
      reason: body.reason,
      ...(location ? { location } : {}),
    });
    return this.query.detail(complaint.id, principal, state);
  }

  async respond(id: string, body: RespondDto, principal: Principal): Promise<ComplaintDetailView> {
    const complaint = await this.query.findComplaint(id);
    // Who answers depends on the category (RINGAN: the front desk too); the workflow checks it again.
    throwIfRefused(checkResponder((complaint.category as Category | null) ?? null, principal.unit));
    const state = await this.workflow.act(complaint, respondUpdate, {
      actor: actorOf(principal),
      response: body.response,
    });
    return this.query.detail(complaint.id, principal, state);
  }

  /**
   * The Kepala Daerah's decision goes to the workflow as a signal, which cannot be refused. The signal
   * carries a request id, and the decisionOutcome Update then waits until the workflow has applied
   * (or set aside) that decision and recorded it: the answer is the state it produced, so whatever
   * the caller does next (the response) sees it. A decision that does not fit the case is a 409.
   */
  async decide(id: string, body: EscalationDecisionDto, principal: Principal): Promise<ComplaintDetailView> {
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
    const complaint = await this.query.findComplaint(id);
    const outcome = await this.workflow.decide(complaint, {
      actor: actorOf(principal),
      decision: body.decision,
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
      ...(body.units !== undefined ? { units: [...new Set(body.units)] } : {}),
    });
    if (!outcome.applied)
      throw conflict(outcome.message ?? 'Keputusan tidak sesuai dengan keadaan pengaduan.');
    return this.query.detail(complaint.id, principal, outcome.state);
  }

  /** Location codes must name a kecamatan and one of its kelurahan in the Area master data. */
  private async checkLocation(location: ActionLocationDto | undefined): Promise<Location | undefined> {
    if (!location) return undefined;
    const { kecamatan, kelurahan } = await this.referenceData.findLocationAreas(
      location.kecamatan,
      location.kelurahan,
    );
    // Well-formed codes (the DTO's pattern) that the master data does not know: 422.
    if (!kecamatan) throw unprocessable('Kecamatan tidak dikenal di Kota Prabumulih.');
    if (!kelurahan) throw unprocessable('Kelurahan/desa tidak dikenal di Kota Prabumulih.');
    const checked = { kecamatan: kecamatan.code, kelurahan: kelurahan.code };
    // The master data says which kecamatan a kelurahan belongs to.
    throwIfRefused(checkLocationConsistent(checked, () => kelurahan.parentCode === kecamatan.code));
    return checked;
  }
}
