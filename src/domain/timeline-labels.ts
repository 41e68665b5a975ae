import { PUBLIC_UNIT_LABELS, type Unit } from './units';

/**
 * What each timeline event of a complaint means, in plain Bahasa Indonesia: the stages of the public
 * tracking page and the timeline of the staff console's case page.
 */
export const TIMELINE_EVENT_LABELS: Record<string, string> = {
  RECEIVED: 'Pengaduan diterima',
  REGISTERED: 'Pengaduan dicatat dan batas waktu ditetapkan',
  ATTACHMENT_ADDED: 'Berkas bukti ditambahkan',
  TRIAGED: 'Pengaduan diperiksa dan diteruskan kepada unit yang menangani',
  REJECTED_AT_TRIAGE: 'Pengaduan ditolak',
  TASK_COMPLETED: 'Satu unit menyelesaikan tindak lanjutnya',
  RECATEGORISED: 'Jenis pengaduan diubah',
  ESCALATED: 'Diteruskan kepada Kepala Daerah untuk diputuskan',
  DECIDED: 'Kepala Daerah memberikan keputusan',
  DUE_DATE_CHANGED: 'Batas waktu disesuaikan dengan perubahan hari libur',
  OVERDUE: 'Batas waktu terlampaui; pimpinan telah diberi tahu',
  RESPONDED: 'Tanggapan diberikan',
  FORWARDED: 'Pengaduan diteruskan ke instansi yang berwenang',
  OBJECTED: 'Keberatan diajukan; pengaduan diperiksa kembali dengan batas waktu baru',
  STAGE_BREACHED: 'Batas waktu satu tahap terlampaui; unit dan pimpinan telah diberi tahu',
  STAGE_DEADLINES_CHANGED: 'Batas waktu tahap yang masih berjalan disesuaikan dengan perubahan hari libur',
  PERSONAL_DATA_CORRECTED: 'Data pribadi pengadu diperbaiki atas permintaan pengadu',
  PERSONAL_DATA_ANONYMISED: 'Data pribadi pengadu dianonimkan: identitas, kontak dan berkas bukti dihapus',
};

/**
 * A stage of the public tracking page: the event's label, with the unit named when a unit finished
 * its follow-up ("Seksi Pengaduan dan Informasi Layanan menyelesaikan tindak lanjutnya").
 */
export function publicStageLabel(type: string, unit?: Unit | null): string {
  if (type === 'TASK_COMPLETED' && unit) return `${PUBLIC_UNIT_LABELS[unit]} menyelesaikan tindak lanjutnya`;
  return TIMELINE_EVENT_LABELS[type] ?? type;
}
