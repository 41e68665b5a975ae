// Workflow-safe: constants only.
import type { ComplaintStatus, OpenStatus } from './complaint-rules';

/**
 * What each status means, in Bahasa Indonesia, for the recap report (its stage counts and its list
 * of complaints): the open statuses name the stage the case waits in.
 */
export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  RECEIVED: 'Menunggu triase',
  IN_PROGRESS: 'Ditindaklanjuti unit',
  AWAITING_DECISION: 'Menunggu keputusan Kepala Daerah',
  AWAITING_RESPONSE: 'Menunggu tanggapan',
  RESOLVED: 'Selesai',
  REJECTED: 'Ditolak (di luar lingkup)',
  FORWARDED: 'Diteruskan ke instansi lain (bukan wewenang)',
};

/** The open statuses in the order a case passes through them. */
export const OPEN_STAGES: readonly OpenStatus[] = [
  'RECEIVED',
  'IN_PROGRESS',
  'AWAITING_DECISION',
  'AWAITING_RESPONSE',
];
