// The recap report as a spreadsheet (exceljs): a summary sheet, the units and the list of complaints.
import ExcelJS from 'exceljs';
import type { RecapReport } from './recap-report';
import { addSatisfactionSheet } from './render-satisfaction';
import {
  agencyLabel,
  categoryLabel,
  channelLabel,
  DECISION_LABELS,
  dateLabel,
  days,
  latestFollowUpLabel,
  monthLabel,
  percent,
  statusLabel,
  unitLabel,
  yesNo,
} from './report-labels';

export async function renderXlsx(report: RecapReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'DPM-PTSP Kota Prabumulih';
  book.created = new Date(report.generatedAt);

  const summary = book.addWorksheet('Ringkasan');
  summary.columns = [{ width: 48 }, { width: 22 }];
  const rows: [string, string | number][] = [
    [`Rekapitulasi Pengaduan Layanan Perizinan — ${report.label}`, ''],
    ['Dinas Penanaman Modal dan PTSP Kota Prabumulih', ''],
    ['', ''],
    ['Jumlah pengaduan diterima', report.received],
    ['Selesai dalam 10 hari kerja', report.outcome.resolvedOnTime],
    ['Selesai melewati 10 hari kerja', report.outcome.resolvedLate],
    ['Masih dalam proses', report.outcome.open],
    ['Masih dalam proses dan melewati batas waktu', report.openCases.overdue],
    ['Ditolak (di luar lingkup)', report.outcome.rejected],
    ['Diteruskan ke instansi lain (bukan wewenang)', report.outcome.forwarded],
    ['Kepatuhan batas waktu (selesai tepat waktu)', percent(report.slaCompliance)],
    ['Rata-rata waktu penyelesaian', days(report.resolutionWorkingDays.average)],
    ['Median waktu penyelesaian', days(report.resolutionWorkingDays.median)],
    ['Pengaduan BERAT', report.berat.cases],
    ...(report.objections
      ? [['Keberatan diajukan (pengaduan dibuka kembali)', report.objections.filed] as [string, number]]
      : []),
    ['', ''],
    ['Pengaduan dalam proses menurut tahap', ''],
    ...report.openCases.byStage.map((r): [string, number] => [r.label, r.count]),
    ['', ''],
    ['Menurut media pengaduan', ''],
    ...report.byChannel.map((r): [string, number] => [channelLabel(r.key), r.count]),
    ['', ''],
    ['Menurut jenis pengaduan', ''],
    ...report.byCategory.map((r): [string, number] => [categoryLabel(r.key), r.count]),
    ['', ''],
    ['Keputusan Kepala Daerah (pengaduan BERAT)', ''],
    ...report.berat.decisions.map((r): [string, number] => [DECISION_LABELS[r.key] ?? r.key, r.count]),
    ['', ''],
    ['Diteruskan menurut instansi tujuan', ''],
    ...report.forwardedTo.map((r): [string, number] => [agencyLabel(r.key), r.count]),
    ...(report.objections
      ? [
          ['', ''] as [string, string],
          ['Keberatan per bulan', ''] as [string, string],
          ...report.objections.byMonth.map((m): [string, number] => [monthLabel(m.month), m.count]),
        ]
      : []),
    ['', ''],
    ['Tahap yang melewati batas waktunya', ''],
    ...(report.stageBreaches?.byStage ?? []).map((r): [string, number] => [r.label, r.count]),
    ...(report.stageBreaches?.byUnit ?? []).map((r): [string, number] => [
      `Tugas ${unitLabel(r.unit)}`,
      r.count,
    ]),
  ];
  for (const row of rows) summary.addRow(row);
  summary.getRow(1).font = { bold: true, size: 14 };
  for (const title of [
    'Pengaduan dalam proses menurut tahap',
    'Menurut media pengaduan',
    'Menurut jenis pengaduan',
    'Keputusan Kepala Daerah (pengaduan BERAT)',
    'Diteruskan menurut instansi tujuan',
    'Keberatan per bulan',
    'Tahap yang melewati batas waktunya',
  ])
    summary.eachRow((row) => {
      if (row.getCell(1).value === title) row.font = { bold: true };
    });

  const units = book.addWorksheet('Per unit');
  units.columns = [
    { header: 'Unit', key: 'unit', width: 48 },
    { header: 'Tugas diterima', key: 'received', width: 16 },
    { header: 'Tugas selesai', key: 'completed', width: 16 },
    { header: 'Median waktu (hari kerja)', key: 'median', width: 26 },
  ];
  for (const u of report.units)
    units.addRow({
      unit: unitLabel(u.unit),
      received: u.received,
      completed: u.completed,
      median: u.medianWorkingDays ?? '-',
    });
  units.getRow(1).font = { bold: true };

  const list = book.addWorksheet('Daftar pengaduan');
  list.columns = [
    { header: 'Nomor register', key: 'register', width: 16 },
    { header: 'Diterima', key: 'received', width: 14 },
    { header: 'Media', key: 'channel', width: 12 },
    { header: 'Jenis', key: 'category', width: 16 },
    { header: 'Status', key: 'status', width: 30 },
    { header: 'Batas waktu', key: 'due', width: 14 },
    { header: 'Melewati batas waktu', key: 'overdue', width: 12 },
    { header: 'Selesai', key: 'closed', width: 14 },
    { header: 'Kecamatan', key: 'kecamatan', width: 20 },
    { header: 'Kelurahan/desa', key: 'kelurahan', width: 20 },
    { header: 'Pokok pengaduan', key: 'summary', width: 60 },
    { header: 'Tindak lanjut terakhir', key: 'latest', width: 60 },
    { header: 'Tanggapan / alasan penolakan / penerusan', key: 'followUp', width: 60 },
  ];
  for (const c of report.complaints)
    list.addRow({
      register: c.registerNumber,
      received: dateLabel(c.receivedAt),
      channel: channelLabel(c.channel),
      category: categoryLabel(c.category),
      status: `${statusLabel(c.status)}${c.objectedAt ? ' (keberatan)' : ''}`,
      due: dateLabel(c.dueAt),
      overdue: yesNo(c.overdue),
      closed: dateLabel(c.closedAt),
      kecamatan: c.kecamatan ?? '',
      kelurahan: c.kelurahan ?? '',
      summary: c.summary ?? '',
      latest: c.latestFollowUp ? latestFollowUpLabel(c) : '',
      followUp: c.followUp ?? '',
    });
  list.getRow(1).font = { bold: true };
  list.views = [{ state: 'frozen', ySplit: 1 }];

  addSatisfactionSheet(book, report);

  return Buffer.from(await book.xlsx.writeBuffer());
}
