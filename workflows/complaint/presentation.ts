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
    ];
    const key = JSON.stringify(attributes);
    if (key !== this.lastAttributes) upsertSearchAttributes(attributes);
    this.lastAttributes = key;
  }
}
