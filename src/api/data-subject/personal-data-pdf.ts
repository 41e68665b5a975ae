/**
 * The export of a person's data as a printable PDF in Bahasa Indonesia (pdfkit, with the recap
 * report's letterhead, fonts and tables): per complaint the identity, the complaint, its timeline,
 * the notifications sent to the complainant, the rating, the objection and who read the data.
 */
import PDFDocument from 'pdfkit';
import { PERSON_KEYS, type PersonKey } from '../../domain/data-subject';
import { formatWibDateTime } from '../../domain/format';
import { IDENTITY_MODE_LABELS, type IdentityMode } from '../../domain/identity-mode';
import { BOLD, FONT, heading, letterhead, MARGIN, table } from '../../reports/render-pdf';
import { channelLabel, statusLabel } from '../../reports/report-labels';
import type { ExportComplaintDto, PersonalDataExportDto } from './data-subject-export.dto';

const KEY_LABELS: Record<PersonKey, string> = { nik: 'NIK', phone: 'Nomor telepon', email: 'Email' };
const NOTIFY_BY_LABELS: Record<string, string> = {
  EMAIL: 'Email',
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  NONE: 'Tidak perlu diberi tahu',
};

const at = (iso: string | null) => (iso ? formatWibDateTime(new Date(iso)) : '-');
const text = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '-' : String(value);

export function renderPersonalDataPdf(data: PersonalDataExportDto): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: 'Data Pribadi Pengadu yang Disimpan' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const two = [width * 0.3, width * 0.7];

  letterhead(doc);
  doc.font(BOLD).fontSize(12).text('DATA PRIBADI PENGADU YANG DISIMPAN', { align: 'center' });
  doc
    .font(FONT)
    .fontSize(9)
    .text('(UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi)', { align: 'center' });
  doc.moveDown(0.8);
  doc.font(FONT).fontSize(10);
  doc.text(`Dibuat: ${at(data.generatedAt)} oleh ${data.generatedBy}`);
  const keys = PERSON_KEYS.filter((k) => data.keys[k]).map((k) => `${KEY_LABELS[k]} ${data.keys[k]}`);
  doc.text(`Dicari berdasarkan: ${keys.join(', ')}`);
  doc.text(`Jumlah pengaduan: ${data.complaints.length}`);
  doc.text(`Nomor permintaan: ${data.requestId}`);
  doc.moveDown(0.8);
  if (data.complaints.length === 0)
    doc.text('Tidak ada pengaduan yang menyimpan data pribadi dengan kunci tersebut.');

  data.complaints.forEach((c, i) => {
    if (i > 0) doc.addPage();
    complaintSection(doc, c, width, two);
  });

  doc.end();
  return done;
}

function complaintSection(
  doc: PDFKit.PDFDocument,
  c: ExportComplaintDto,
  width: number,
  two: number[],
): void {
  heading(doc, `Pengaduan ${c.registerNumber}`);
  table(
    doc,
    ['Uraian', 'Isi'],
    [
      ['Kode pelacakan', c.trackingCode],
      ['Media', channelLabel(c.channel)],
      ['Identitas', IDENTITY_MODE_LABELS[c.identityMode as IdentityMode] ?? c.identityMode],
      ['Diterima', at(c.receivedAt)],
      ['Status', statusLabel(c.status)],
      ['Selesai', at(c.closedAt)],
      ['Cocok dengan', c.matchedBy.map((k) => KEY_LABELS[k as PersonKey] ?? k).join(', ') || '-'],
      ['Nama', c.complainant.name],
      ['NIK', text(c.complainant.nik)],
      ['Alamat', text(c.complainant.address)],
      ['Nomor telepon', text(c.complainant.phone)],
      ['Email', text(c.complainant.email)],
      [
        'Cara pemberitahuan',
        c.complainant.notifyBy ? (NOTIFY_BY_LABELS[c.complainant.notifyBy] ?? c.complainant.notifyBy) : '-',
      ],
      ['Layanan perizinan', text(c.licensingService)],
      ['Uraian pengaduan', c.description],
      ['Lokasi', text(c.locationAddress)],
      ['Bukti awal', c.evidence.join('; ') || '-'],
      ['Berkas bukti', c.attachments.map((a) => a.fileName).join('; ') || '-'],
      ['Tanggapan', text(c.response)],
      ['Alasan penolakan', text(c.rejectionReason)],
      [
        'Pemberitahuan pelindungan data pribadi',
        c.privacyNoticeVersion
          ? `Versi ${c.privacyNoticeVersion}, disetujui ${at(c.privacyAcknowledgedAt)}`
          : '-',
      ],
      [
        'Penilaian kepuasan',
        c.satisfaction
          ? `${c.satisfaction.score} dari 4 (${at(c.satisfaction.ratedAt)})${c.satisfaction.comment ? `: ${c.satisfaction.comment}` : ''}`
          : '-',
      ],
      ['Keberatan', c.objection ? `${at(c.objection.filedAt)}: ${text(c.objection.reason)}` : '-'],
    ],
    two,
  );
  doc.moveDown(0.6);
  heading(doc, 'Riwayat penanganan');
  table(
    doc,
    ['Waktu', 'Peristiwa', 'Petugas'],
    c.timeline.map((e) => [at(e.at), e.label, text(e.actor)]),
    [width * 0.25, width * 0.55, width * 0.2],
  );
  doc.moveDown(0.6);
  heading(doc, 'Pemberitahuan kepada pengadu');
  if (c.notifications.length === 0) doc.font(FONT).fontSize(9).text('Tidak ada.', MARGIN);
  else
    table(
      doc,
      ['Waktu', 'Perihal', 'Tujuan', 'Status'],
      c.notifications.map((n) => [at(n.sentAt ?? n.createdAt), n.subject, text(n.deliveredTo), n.status]),
      [width * 0.22, width * 0.43, width * 0.2, width * 0.15],
    );
  doc.moveDown(0.6);
  heading(doc, 'Pihak yang membaca data pribadi');
  if (c.accessLog.length === 0) doc.font(FONT).fontSize(9).text('Tidak ada.', MARGIN);
  else
    table(
      doc,
      ['Waktu', 'Pengguna', 'Data', 'Melalui'],
      c.accessLog.map((r) => [at(r.at), `${r.username} (${r.role})`, r.fields.join(', '), r.endpoint]),
      [width * 0.22, width * 0.22, width * 0.26, width * 0.3],
    );
}
