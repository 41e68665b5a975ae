// Bahasa Indonesia labels for what a recap report shows (spreadsheet and PDF alike).
import { CATEGORY_LABELS, type Category } from '../domain/categories';
import { CHANNEL_LABELS, type Channel } from '../domain/channels';
import { formatWibDate } from '../domain/format';
import { UNIT_LABELS, type Unit } from '../domain/units';

export const STATUS_LABELS: Record<string, string> = {
  RECEIVED: 'Diterima',
  IN_PROGRESS: 'Ditindaklanjuti',
  AWAITING_DECISION: 'Menunggu keputusan Kepala Daerah',
  AWAITING_RESPONSE: 'Menunggu tanggapan',
  RESOLVED: 'Selesai',
  REJECTED: 'Ditolak (di luar lingkup)',
};

export const DECISION_LABELS: Record<string, string> = {
  APPROVE: 'Disetujui',
  REJECT: 'Ditolak',
  FURTHER_STUDY: 'Kajian lebih lanjut',
  MENUNGGU: 'Belum diputuskan',
};

export const channelLabel = (c: string) => CHANNEL_LABELS[c as Channel] ?? c;
export const categoryLabel = (c: string | null) =>
  c === null || c === 'BELUM_DITRIASE' ? 'Belum ditriase' : (CATEGORY_LABELS[c as Category] ?? c);
export const unitLabel = (u: string) => UNIT_LABELS[u as Unit] ?? u;
export const statusLabel = (s: string) => STATUS_LABELS[s] ?? s;
export const dateLabel = (iso: string | null) => (iso ? formatWibDate(new Date(iso)) : '-');
export const percent = (share: number | null) => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);
export const days = (n: number | null) => (n === null ? '-' : `${n} hari kerja`);
