// Bahasa Indonesia labels for what a recap report shows (spreadsheet and PDF alike).

import { agencyName } from '../domain/agencies';
import { CATEGORY_LABELS, type Category } from '../domain/categories';
import { CHANNEL_LABELS, type Channel } from '../domain/channels';
import { formatWibDate } from '../domain/format';
import { STATUS_LABELS as DOMAIN_STATUS_LABELS } from '../domain/status-labels';
import { UNIT_LABELS, type Unit } from '../domain/units';

/** "2026-10" as "Oktober 2026" (the renderers import it from here with the other labels). */
export { monthLabel } from '../domain/months';

/** The domain's status labels (src/domain/status-labels.ts), so stage counts and the list agree. */
export const STATUS_LABELS: Record<string, string> = DOMAIN_STATUS_LABELS;

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
/** An agency a case was forwarded to, by its code (TIDAK_DIKETAHUI: no record of where). */
export const agencyLabel = (code: string) =>
  code === 'TIDAK_DIKETAHUI' ? 'Tidak diketahui' : agencyName(code);
export const dateLabel = (iso: string | null) => (iso ? formatWibDate(new Date(iso)) : '-');
export const percent = (share: number | null) => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);
export const days = (n: number | null) => (n === null ? '-' : `${n} hari kerja`);
export const yesNo = (value: boolean) => (value ? 'Ya' : 'Tidak');
/** "Kel. Gunung Ibul, Kec. Prabumulih Timur", or '-' without a location. */
export const locationLabel = (c: { kecamatan: string | null; kelurahan: string | null }) =>
  [c.kelurahan ? `Kel. ${c.kelurahan}` : null, c.kecamatan ? `Kec. ${c.kecamatan}` : null]
    .filter(Boolean)
    .join(', ') || '-';
/** "3 Des 2026: Satu unit menyelesaikan ...", or '-' before any follow-up. */
export const latestFollowUpLabel = (c: { latestFollowUp: string | null; latestFollowUpAt: string | null }) =>
  c.latestFollowUp ? `${dateLabel(c.latestFollowUpAt)}: ${c.latestFollowUp}` : '-';
