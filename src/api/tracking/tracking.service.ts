import { Injectable } from '@nestjs/common';
import { ComplaintRepository } from '../../db/repositories';
import type { PublicStage } from '../../db/repositories/complaint.repository';
import { publicStageLabel } from '../../domain/timeline-labels';
import { PUBLIC_UNIT_LABELS } from '../../domain/units';
import { notFound } from '../common/api-error';
import { objectionOpenUntil, toTrackingObjection } from '../complaints/objection.service';
import type { TrackingDto, TrackingForwardedDto } from './tracking.dto';
import { normaliseTrackingCode, TRACKING_CODE_NOT_FOUND } from './tracking-code';

export const STATUS_LABELS: Record<string, string> = {
  RECEIVED: 'Diterima, menunggu pemeriksaan petugas',
  IN_PROGRESS: 'Sedang ditindaklanjuti unit terkait',
  AWAITING_DECISION: 'Menunggu keputusan Kepala Daerah',
  AWAITING_RESPONSE: 'Tindak lanjut selesai, tanggapan sedang disiapkan',
  RESOLVED: 'Selesai ditanggapi',
  REJECTED: 'Ditolak',
  FORWARDED: 'Diteruskan ke instansi yang berwenang',
};
/** An open case reopened by an objection reads as being examined again. */
const REOPENED_LABEL = 'Keberatan diterima, pengaduan sedang diperiksa kembali';

/**
 * Public tracking by the code the complainant received. Reads only the non-personal columns (the
 * complaint repository's PUBLIC_COMPLAINT_FIELDS), so nothing personal (name, NIK, address, phone,
 * e-mail, description) or any officer's username can leak into the answer, not even by a later
 * change of the DTO. Of the tasks only each unit and whether it is done; of the timeline only each
 * event's type, time and, for a finished task, its unit (never notes, outcomes or areas).
 */
@Injectable()
export class TrackingService {
  constructor(private readonly complaints: ComplaintRepository) {}

  async track(trackingCode: string): Promise<TrackingDto> {
    const code = normaliseTrackingCode(trackingCode);
    if (!code) throw notFound(TRACKING_CODE_NOT_FOUND);
    const complaint = await this.complaints.findPublicByTrackingCode(code);
    if (!complaint) throw notFound(TRACKING_CODE_NOT_FOUND);
    // The record's status is the workflow's: each transition writes it with its records, in one
    // transaction.
    const status = complaint.status;
    const [events, units, stageDeadlines] = await Promise.all([
      this.complaints.findPublicStages(complaint.id),
      this.complaints.findPublicUnitProgress(complaint.id),
      this.complaints.findPublicStageDeadlines(complaint.id),
    ]);
    return {
      trackingCode: complaint.trackingCode,
      registerNumber: complaint.registerNumber,
      status,
      statusLabel:
        complaint.objectedAt && status === 'RECEIVED' ? REOPENED_LABEL : (STATUS_LABELS[status] ?? status),
      category: complaint.category ?? null,
      channel: complaint.channel,
      receivedAt: complaint.receivedAt.toISOString(),
      dueAt: complaint.dueAt?.toISOString() ?? null,
      overdue: complaint.overdue,
      triageDueAt: complaint.triageDueAt?.toISOString() ?? null,
      decisionDueAt: stageDeadlines.decisionDueAt?.toISOString() ?? null,
      licensingService: complaint.licensingService ?? null,
      stages: events.map((e) => ({
        type: e.type,
        label: e.forwarding?.agencyName
          ? `Pengaduan diteruskan ke ${e.forwarding.agencyName}`
          : publicStageLabel(e.type, e.unit),
        at: e.at.toISOString(),
        unit: e.unit,
      })),
      units: units.map((u) => ({
        unit: u.unit,
        label: PUBLIC_UNIT_LABELS[u.unit],
        done: u.done,
        dueAt: stageDeadlines.units.get(u.unit)?.toISOString() ?? null,
      })),
      response: status === 'RESOLVED' ? (complaint.response ?? null) : null,
      rejectionReason: status === 'REJECTED' ? (complaint.rejectionReason ?? null) : null,
      forwarded: status === 'FORWARDED' ? forwardedOf(events) : null,
      objection: toTrackingObjection(complaint),
      objectionOpenUntil: objectionOpenUntil(complaint),
    };
  }
}

/** Where a forwarded case went, when and why, from its FORWARDED stage. */
function forwardedOf(stages: PublicStage[]): TrackingForwardedDto | null {
  const stage = stages.find((s) => s.type === 'FORWARDED' && s.forwarding);
  if (!stage?.forwarding) return null;
  return { ...stage.forwarding, at: stage.at.toISOString() };
}
