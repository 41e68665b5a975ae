import { formatWibDateTime } from '../src/domain/format';
import { STAGE_LABELS, type Stage } from '../src/domain/stage-deadlines';
import { UNIT_LABELS, type Unit } from '../src/domain/units';
import type { NotificationKind } from './types';

type Data = Record<string, string | number | null | undefined>;

const DECISION_LABELS: Record<string, string> = {
  APPROVE: 'menyetujui tindak lanjut',
  REJECT: 'menolak tindak lanjut',
  FURTHER_STUDY: 'meminta kajian lebih lanjut',
};

function due(data: Data): string {
  return data.dueAt ? formatWibDateTime(new Date(String(data.dueAt))) : '-';
}

/** The stage's own deadline, when the notice has one ("Batas waktu tahap ini: ... "). */
function stageDue(data: Data): string {
  return data.stageDueAt
    ? `Batas waktu tahap ini: ${formatWibDateTime(new Date(String(data.stageDueAt)))}. `
    : '';
}

/** Subject and body of a notification, in Bahasa Indonesia. */
export function renderNotification(
  kind: NotificationKind,
  recipient: string,
  data: Data,
): { subject: string; body: string } {
  const reg = String(data.registerNumber ?? '');
  switch (kind) {
    case 'REGISTERED':
      return recipient === 'COMPLAINANT'
        ? {
            subject: `Pengaduan ${reg} telah diterima`,
            body: `Pengaduan Anda telah kami terima dengan nomor register ${reg}. Pengaduan akan ditanggapi paling lambat ${due(data)}.`,
          }
        : {
            subject: `Pengaduan baru ${reg} menunggu triase`,
            body: `Pengaduan ${reg} perlu ditriase. Batas waktu penyelesaian: ${due(data)}.`,
          };
    case 'TASK_ASSIGNED':
      return {
        subject: `Tugas baru: pengaduan ${reg}`,
        body: `Unit Anda mendapat tugas penanganan pengaduan ${reg} (putaran ${data.round ?? 1}). ${stageDue(data)}Batas waktu: ${due(data)}.`,
      };
    case 'ESCALATED':
      return {
        subject: `Pengaduan berat ${reg} memerlukan keputusan Kepala Daerah`,
        body: `Kajian pengaduan ${reg} telah selesai dan memerlukan keputusan Bapak/Ibu Kepala Daerah. ${stageDue(data)}Batas waktu: ${due(data)}.`,
      };
    case 'DECIDED':
      return {
        subject: `Keputusan Kepala Daerah atas pengaduan ${reg}`,
        body: `Kepala Daerah ${DECISION_LABELS[String(data.decision)] ?? String(data.decision)} untuk pengaduan ${reg}.`,
      };
    case 'REMINDER':
      return {
        subject: `Pengingat: pengaduan ${reg} jatuh tempo dalam ${data.workingDaysLeft} hari kerja`,
        body: `Pengaduan ${reg} harus selesai ditanggapi paling lambat ${due(data)}. Mohon segera selesaikan bagian unit Anda.`,
      };
    case 'OVERDUE':
      return {
        subject: `Pengaduan ${reg} melewati batas waktu`,
        body: `Pengaduan ${reg} belum ditanggapi hingga batas waktu ${due(data)} (10 hari kerja). Mohon tindak lanjut segera.`,
      };
    case 'REJECTED':
      return {
        subject: `Pengaduan ${reg} tidak dapat diproses`,
        body: `Pengaduan Anda dengan nomor register ${reg} tidak dapat diproses sebagai pengaduan perizinan. Alasan: ${data.reason ?? '-'}.`,
      };
    case 'EARLY_WARNING':
      return {
        subject: `Peringatan dini: ${data.percent}% waktu penanganan pengaduan ${reg} telah berjalan`,
        body: `${data.percent}% dari 10 hari kerja untuk pengaduan ${reg} telah berlalu. Batas waktu: ${due(data)}. Mohon segera selesaikan bagian unit Anda.`,
      };
    case 'STAGE_BREACHED': {
      const stage = STAGE_LABELS[data.stage as Stage] ?? String(data.stage);
      const unit = data.unit ? ` (${UNIT_LABELS[data.unit as Unit] ?? data.unit})` : '';
      const stageDueAt = data.stageDueAt ? formatWibDateTime(new Date(String(data.stageDueAt))) : '-';
      return {
        subject: `Tahap ${stage} pengaduan ${reg} melewati batas waktunya`,
        body: `Tahap ${stage}${unit} untuk pengaduan ${reg} belum selesai hingga batas waktu tahapnya ${stageDueAt}. Batas waktu pengaduan: ${due(data)}. Mohon tindak lanjut segera.`,
      };
    }
    case 'RESOLVED':
      return {
        subject: `Tanggapan atas pengaduan ${reg}`,
        body: `Pengaduan Anda dengan nomor register ${reg} telah selesai ditangani dan ditanggapi. Silakan lihat tanggapan melalui kode pelacakan Anda.`,
      };
    case 'FORWARDED':
      return {
        subject: `Pengaduan ${reg} diteruskan ke ${data.agencyName ?? 'instansi lain'}`,
        body: `Pengaduan Anda dengan nomor register ${reg} bukan wewenang DPM-PTSP Kota Prabumulih dan telah diteruskan kepada ${data.agencyName ?? '-'} dengan surat nomor ${data.letterNumber ?? '-'}. Alasan: ${data.reason ?? '-'}. Tindak lanjut selanjutnya dilakukan oleh instansi tersebut.`,
      };
    case 'OBJECTED':
      return recipient === 'COMPLAINANT'
        ? {
            subject: `Keberatan atas pengaduan ${reg} telah diterima`,
            body: `Keberatan Anda atas ${data.previousStatus === 'REJECTED' ? 'penolakan' : 'tanggapan'} pengaduan ${reg} telah kami terima. Pengaduan diperiksa kembali dan akan ditanggapi paling lambat ${due(data)}.`,
          }
        : {
            subject: `Keberatan atas pengaduan ${reg} menunggu triase`,
            body: `Pengadu mengajukan keberatan atas ${data.previousStatus === 'REJECTED' ? 'penolakan' : 'tanggapan'} pengaduan ${reg}; pengaduan dibuka kembali dan perlu ditriase ulang. Batas waktu penyelesaian: ${due(data)}.`,
          };
  }
}
