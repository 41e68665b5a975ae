/** Labels in Bahasa Indonesia and dates in WIB for the console. */
import { CATEGORY_LABELS } from '../domain/categories';
import { CHANNEL_LABELS as DOMAIN_CHANNEL_LABELS } from '../domain/channels';
import { TIMELINE_EVENT_LABELS } from '../domain/timeline-labels';
import { UNIT_LABELS } from '../domain/units';
import type { Schemas } from './api/client';

export { CATEGORY_LABELS, UNIT_LABELS };

const WIB = 'Asia/Jakarta';
const dateTime = new Intl.DateTimeFormat('id-ID', {
  timeZone: WIB,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('id-ID', {
  timeZone: WIB,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "11 Desember 2026 23.59 WIB". */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? `${dateTime.format(new Date(iso))} WIB` : '–';
}

/** "11 Desember 2026" (the WIB calendar date). */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : '–';
}

export const STATUS_LABELS: Record<Schemas['ComplaintStatus'], string> = {
  RECEIVED: 'Menunggu triase',
  IN_PROGRESS: 'Sedang ditindaklanjuti',
  AWAITING_DECISION: 'Menunggu keputusan Kepala Daerah',
  AWAITING_RESPONSE: 'Menunggu tanggapan',
  RESOLVED: 'Selesai ditanggapi',
  REJECTED: 'Ditolak',
  FORWARDED: 'Diteruskan ke instansi lain',
};

export const DECISION_LABELS: Record<Schemas['DecisionKind'], string> = {
  APPROVE: 'Disetujui',
  REJECT: 'Ditolak',
  FURTHER_STUDY: 'Kajian lebih lanjut',
};

/** The channels' labels are the domain's (src/domain/channels.ts), so every channel has one. */
export const CHANNEL_LABELS: Record<string, string> = DOMAIN_CHANNEL_LABELS;

export const ROLE_LABELS: Record<Schemas['Role'], string> = {
  ADMIN: 'Administrator',
  STAFF: 'Petugas',
  KEPALA_DAERAH: 'Kepala Daerah',
};

// The domain's labels; staff are told where a complaint was refused.
const EVENT_LABELS: Record<string, string> = {
  ...TIMELINE_EVENT_LABELS,
  REJECTED_AT_TRIAGE: 'Pengaduan ditolak pada triase',
};

/** One timeline event in plain Bahasa, with the unit or category it concerns when known. */
export function describeEvent(event: Schemas['TimelineEventView']): string {
  const base = EVENT_LABELS[event.type] ?? event.type;
  const d = (event.details ?? {}) as Record<string, unknown>;
  const unit = typeof d.unit === 'string' ? UNIT_LABELS[d.unit as keyof typeof UNIT_LABELS] : undefined;
  if (event.type === 'TASK_COMPLETED' && unit) return `${unit} menyelesaikan tindak lanjutnya`;
  const category = typeof d.category === 'string' ? d.category : undefined;
  if (event.type === 'TRIAGED' && category) return `${base} (jenis ${category.toLowerCase()})`;
  const official = d.receivingOfficial as { name?: unknown; eselon?: unknown } | undefined;
  if (event.type === 'RECEIVED' && typeof official?.name === 'string') {
    const eselon = typeof official.eselon === 'string' ? ` (eselon ${official.eselon})` : '';
    return `Pengaduan diterima langsung oleh ${official.name}${eselon}`;
  }
  if (event.type === 'FORWARDED' && typeof d.agencyName === 'string')
    return `Pengaduan diteruskan ke ${d.agencyName}${typeof d.letterNumber === 'string' ? ` (surat ${d.letterNumber})` : ''}`;
  if (event.type === 'DECIDED' && typeof d.decision === 'string') {
    return `${base}: ${DECISION_LABELS[d.decision as Schemas['DecisionKind']] ?? d.decision}`;
  }
  return base;
}

/** "Sisa 3 hari kerja", "Hari ini batas waktunya", "Terlambat 2 hari kerja". */
export function describeWorkingDaysLeft(days: number | null | undefined): string {
  if (days === null || days === undefined) return 'Belum ditetapkan';
  if (days > 0) return `Sisa ${days} hari kerja`;
  if (days === 0) return 'Batas waktu hari ini';
  return `Terlambat ${-days} hari kerja`;
}

/** Register number for a URL: 2026/11/0042 → 2026-11-0042 (the API accepts both). */
export function registerSlug(registerNumber: string): string {
  return registerNumber.replaceAll('/', '-');
}

/** The unit (and area) of a task, e.g. "Aparatur Kecamatan (16.74.01)". */
export function taskUnitLabel(task: { unit: Schemas['Unit']; area: string | null }): string {
  return `${UNIT_LABELS[task.unit]}${task.area ? ` (${task.area})` : ''}`;
}
