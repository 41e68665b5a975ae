/**
 * What operators see of a complaint in the Temporal Web UI: the "current details" line and the
 * search attributes they filter on. Updated after every transition.
 */
import { setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import { formatWibDate, formatWibDateTime } from '../../src/domain/format';
import type { ComplaintCase } from './complaint-case';
import type { WaitingFor } from './definitions';
import { SA } from './search-attributes';

/** What the case waits for, since when, in the words operators use. */
export function currentDetails(complaint: ComplaintCase): string {
  const s = complaint.state;
  const since = formatWibDateTime(new Date(s.waitingSince));
  const due = s.dueAt ? formatWibDate(new Date(s.dueAt)) : '-';
  const pending = [
    ...new Set(complaint.openTasks().map((t) => (t.area ? `${t.unit} ${t.area}` : t.unit))),
  ].join(', ');
  const waiting: Record<WaitingFor, string> = {
    TRIAGE: `Menunggu triase oleh Seksi Pengaduan sejak ${since}.`,
    TASKS: `Menunggu penyelesaian tugas oleh: ${pending} (sejak ${since}).`,
    DECISION: `Menunggu keputusan Kepala Daerah sejak ${since}.`,
    RESPONSE: `Menunggu tanggapan akhir dari Seksi Pengaduan sejak ${since}.`,
    NOTHING:
      s.status === 'REJECTED'
        ? 'Ditolak pada triase (di luar lingkup).'
        : s.forwarded
          ? `Diteruskan ke ${s.forwarded.agencyName} (bukan wewenang).`
          : 'Selesai ditanggapi.',
  };
  const overdue = s.overdue ? ' MELEWATI BATAS WAKTU.' : '';
  return `**${s.registerNumber}** · ${waiting[s.waitingFor]} Batas waktu: ${due}.${overdue}`;
}

/**
 * The stage deadlines' attributes (executions with stage deadlines only): the stages breached, and
 * the earliest deadline of the stages still pending.
 */
function stageAttributes(complaint: ComplaintCase) {
  const s = complaint.state;
  if (s.stageBreaches === undefined) return [];
  const breached = [
    ...new Set(s.stageBreaches.map((b) => (b.stage === 'TASK' ? `TASK:${b.unit}` : b.stage))),
  ];
  const pending = complaint.isClosed()
    ? []
    : [
        ...(s.category === null && s.triageDueAt ? [s.triageDueAt] : []),
        ...complaint.openTasks().flatMap((t) => (t.dueAt ? [t.dueAt] : [])),
        ...s.decisions.flatMap((d) => (d.decision === undefined && d.dueAt ? [d.dueAt] : [])),
      ].sort();
  return [
    { key: SA.StageBreached, value: breached },
    // Cleared once no stage is pending, so a filter on it finds only cases with a stage running.
    { key: SA.StageDueAt, value: pending.length > 0 ? new Date(pending[0]) : null },
  ];
}

/** Keeps the Web UI's view current; only what changed is sent to Temporal. */
export class Presentation {
  private lastDetails = '';
  private lastAttributes = '';

  constructor(private readonly complaint: ComplaintCase) {}

  refresh(): void {
    const details = currentDetails(this.complaint);
    if (details !== this.lastDetails) setCurrentDetails(details);
    this.lastDetails = details;
    const s = this.complaint.state;
    const attributes = [
      { key: SA.ComplaintStatus, value: s.status },
      { key: SA.WaitingFor, value: s.waitingFor },
      ...(s.dueAt ? [{ key: SA.DueAt, value: new Date(s.dueAt) }] : []),
      { key: SA.Overdue, value: s.overdue },
      { key: SA.PendingUnits, value: [...new Set(this.complaint.openTasks().map((t) => t.unit))] },
      ...(s.category ? [{ key: SA.ComplaintCategory, value: s.category }] : []),
      ...(s.location ? [{ key: SA.Kecamatan, value: s.location.kecamatan }] : []),
      ...stageAttributes(this.complaint),
    ];
    const key = JSON.stringify(attributes);
    if (key !== this.lastAttributes) upsertSearchAttributes(attributes);
    this.lastAttributes = key;
  }
}
