/**
 * The recap report as a PDF to print and sign (pdfkit), addressed to the Wali Kota through the
 * Sekretaris Daerah, with charts drawn by Vega-Lite as SVG and placed as vectors (svg-to-pdfkit).
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { formatWibDate } from '../domain/format';
import { MONTH_NAMES } from '../domain/reporting';
import type { RecapReport } from './recap-report';
import {
  SATISFACTION_HEADER,
  SATISFACTION_NOTE,
  SATISFACTION_TITLE,
  satisfactionRows,
} from './render-satisfaction';
import {
  agencyLabel,
  categoryLabel,
  channelLabel,
  DECISION_LABELS,
  dateLabel,
  days,
  latestFollowUpLabel,
  locationLabel,
  monthLabel,
  percent,
  statusLabel,
  unitLabel,
} from './report-labels';

export const MARGIN = 50;
export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';

/** The office's letterhead with its rule, at the top of the page (shared by the office's PDFs). */
export function letterhead(doc: PDFKit.PDFDocument): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font(BOLD).fontSize(13).text('PEMERINTAH KOTA PRABUMULIH', { align: 'center' });
  doc.text('DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU', { align: 'center' });
  doc
    .font(FONT)
    .fontSize(9)
    .text('dpmptsp.kotaprabumulih.go.id · dpmptsp@kotaprabumulih.go.id', { align: 'center' });
  doc
    .moveTo(MARGIN, doc.y + 4)
    .lineTo(MARGIN + width, doc.y + 4)
    .lineWidth(1.5)
    .stroke();
  doc.moveDown(1);
}

async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}

const barChart = (title: string, values: { label: string; count: number }[]): TopLevelSpec => ({
  title,
  width: 200,
  height: 140,
  data: { values },
  mark: { type: 'bar', color: '#0b5e3c' },
  encoding: {
    x: { field: 'label', type: 'nominal', sort: null, axis: { title: null, labelAngle: -30 } },
    y: { field: 'count', type: 'quantitative', axis: { title: 'Jumlah', tickMinStep: 1, format: 'd' } },
  },
  config: { font: 'Helvetica', view: { stroke: null } },
});

export async function renderPdf(report: RecapReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Rekapitulasi Pengaduan ${report.label}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  // Letterhead and addressee.
  letterhead(doc);
  doc.font(BOLD).fontSize(12).text(`REKAPITULASI PENGADUAN LAYANAN PERIZINAN`, { align: 'center' });
  doc.text(report.kind === 'MONTHLY' ? `BULAN ${report.label.toUpperCase()}` : report.label.toUpperCase(), {
    align: 'center',
  });
  doc.moveDown(0.8);
  doc.font(FONT).fontSize(10);
  doc.text('Kepada Yth. Wali Kota Prabumulih');
  doc.text('melalui Sekretaris Daerah Kota Prabumulih');
  doc.text(
    `Periode: ${dateLabel(report.from)} s.d. ${formatWibDate(new Date(new Date(report.to).getTime() - 1))}`,
  );
  doc.moveDown(0.8);

  // Key figures.
  const figures: [string, string][] = [
    ['Pengaduan diterima', String(report.received)],
    ['Selesai dalam 10 hari kerja', String(report.outcome.resolvedOnTime)],
    ['Selesai melewati 10 hari kerja', String(report.outcome.resolvedLate)],
    ['Masih dalam proses', String(report.outcome.open)],
    ['   di antaranya melewati batas waktu', String(report.openCases.overdue)],
    ...report.openCases.byStage.map((r): [string, string] => [`   ${r.label}`, String(r.count)]),
    ['Ditolak (di luar lingkup)', String(report.outcome.rejected)],
    ['Diteruskan ke instansi lain (bukan wewenang)', String(report.outcome.forwarded)],
    ...report.forwardedTo.map((r): [string, string] => [`   ${agencyLabel(r.key)}`, String(r.count)]),
    ['Kepatuhan batas waktu', percent(report.slaCompliance)],
    [
      'Rata-rata / median waktu penyelesaian',
      `${days(report.resolutionWorkingDays.average)} / ${days(report.resolutionWorkingDays.median)}`,
    ],
    ['Pengaduan BERAT', String(report.berat.cases)],
    ...objectionFigures(report),
  ];
  table(doc, ['Uraian', 'Jumlah'], figures, [width * 0.65, width * 0.35]);
  doc.moveDown(0.5);

  // Charts: per channel and per category side by side, then SLA and the trend over the months.
  const top = doc.y;
  const [channels, categories] = await Promise.all([
    chartSvg(
      barChart(
        'Menurut media',
        report.byChannel.map((r) => ({ label: channelLabel(r.key), count: r.count })),
      ),
    ),
    chartSvg(
      barChart(
        'Menurut jenis',
        report.byCategory.map((r) => ({ label: categoryLabel(r.key), count: r.count })),
      ),
    ),
  ]);
  SVGtoPDF(doc, channels, MARGIN, top, { width: width / 2 - 5, height: 190 });
  SVGtoPDF(doc, categories, MARGIN + width / 2 + 5, top, { width: width / 2 - 5, height: 190 });
  doc.y = top + 200;
  const [sla, trend] = await Promise.all([
    chartSvg({
      title: 'Ketepatan waktu',
      width: 200,
      height: 140,
      data: {
        values: [
          { label: 'Tepat waktu', count: report.outcome.resolvedOnTime },
          { label: 'Terlambat', count: report.outcome.resolvedLate },
          { label: 'Dalam proses', count: report.outcome.open },
          { label: 'Ditolak', count: report.outcome.rejected },
        ],
      },
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'label', type: 'nominal', sort: null, axis: { title: null, labelAngle: -30 } },
        y: { field: 'count', type: 'quantitative', axis: { title: 'Jumlah', tickMinStep: 1, format: 'd' } },
        color: {
          field: 'label',
          type: 'nominal',
          legend: null,
          scale: {
            domain: ['Tepat waktu', 'Terlambat', 'Dalam proses', 'Ditolak'],
            range: ['#0b5e3c', '#b3261e', '#f2b705', '#6b7280'],
          },
        },
      },
      config: { font: 'Helvetica', view: { stroke: null } },
    }),
    chartSvg({
      title: 'Tren per bulan',
      width: 200,
      height: 140,
      data: {
        values: report.trend.flatMap((t) => {
          const month = MONTH_NAMES[Number(t.month.slice(5)) - 1].slice(0, 3);
          return [
            { month, series: 'Diterima', count: t.received },
            { month, series: 'Selesai tepat waktu', count: t.resolvedOnTime },
          ];
        }),
      },
      mark: { type: report.trend.length > 1 ? 'line' : 'bar', point: true },
      encoding: {
        x: { field: 'month', type: 'ordinal', sort: null, axis: { title: null } },
        y: { field: 'count', type: 'quantitative', axis: { title: 'Jumlah', tickMinStep: 1, format: 'd' } },
        color: { field: 'series', type: 'nominal', legend: { orient: 'bottom', title: null } },
        ...(report.trend.length > 1 ? {} : { xOffset: { field: 'series' } }),
      },
      config: { font: 'Helvetica', view: { stroke: null } },
    }),
  ]);
  const second = doc.y;
  SVGtoPDF(doc, sla, MARGIN, second, { width: width / 2 - 5, height: 190 });
  SVGtoPDF(doc, trend, MARGIN + width / 2 + 5, second, { width: width / 2 - 5, height: 190 });
  doc.y = second + 200;

  // Units and the Kepala Daerah's decisions.
  doc.addPage();
  heading(doc, 'Tindak lanjut per unit');
  table(
    doc,
    ['Unit', 'Tugas diterima', 'Tugas selesai', 'Median waktu'],
    report.units.map((u) => [
      unitLabel(u.unit),
      String(u.received),
      String(u.completed),
      days(u.medianWorkingDays),
    ]),
    [width * 0.46, width * 0.16, width * 0.16, width * 0.22],
  );
  doc.moveDown(0.8);
  heading(doc, 'Pengaduan BERAT dan keputusan Kepala Daerah');
  table(
    doc,
    ['Keputusan', 'Jumlah'],
    report.berat.decisions.length > 0
      ? report.berat.decisions.map((d) => [DECISION_LABELS[d.key] ?? d.key, String(d.count)])
      : [['Tidak ada pengaduan BERAT', '0']],
    [width * 0.65, width * 0.35],
  );
  doc.moveDown(0.8);
  heading(doc, 'Tahap yang melewati batas waktunya');
  table(
    doc,
    ['Tahap', 'Jumlah'],
    [
      ...(report.stageBreaches?.byStage ?? []).map((r) => [r.label, String(r.count)]),
      ...(report.stageBreaches?.byUnit ?? []).map((r) => [`Tugas ${unitLabel(r.unit)}`, String(r.count)]),
    ],
    [width * 0.65, width * 0.35],
  );
  doc.moveDown(0.8);

  // The complainants' satisfaction (ratings given in the period): overall, per month, per unit.
  if (doc.y > doc.page.height - 220) doc.addPage();
  heading(doc, SATISFACTION_TITLE);
  doc.font(FONT).fontSize(8).text(SATISFACTION_NOTE, MARGIN, doc.y, { width });
  doc.moveDown(0.4);
  for (const part of satisfactionRows(report)) {
    doc.font(BOLD).fontSize(9).text(part.section, MARGIN);
    doc.moveDown(0.2);
    table(
      doc,
      SATISFACTION_HEADER,
      part.rows,
      [0.24, 0.09, 0.09, 0.08, 0.08, 0.08, 0.08, 0.09, 0.17].map((share) => width * share),
    );
    doc.moveDown(0.4);
  }

  // The list of complaints with their follow-up (landscape: it has many columns).
  doc.addPage({ size: 'A4', layout: 'landscape', margin: MARGIN });
  const wide = doc.page.width - 2 * MARGIN;
  heading(doc, 'Daftar pengaduan dan tindak lanjut');
  table(
    doc,
    [
      'No. register',
      'Diterima',
      'Media / jenis',
      'Status',
      'Batas waktu',
      'Lokasi',
      'Pokok pengaduan',
      'Tindak lanjut terakhir',
      'Tanggapan / alasan',
    ],
    report.complaints.map((c) => [
      c.registerNumber,
      dateLabel(c.receivedAt),
      `${channelLabel(c.channel)} / ${categoryLabel(c.category)}`,
      `${statusLabel(c.status)}${c.objectedAt ? ' (keberatan)' : ''}`,
      `${dateLabel(c.dueAt)}${c.overdue ? ' (TERLAMBAT)' : ''}`,
      locationLabel(c),
      c.summary ?? '-',
      latestFollowUpLabel(c),
      c.followUp ?? '-',
    ]),
    [0.08, 0.07, 0.09, 0.1, 0.09, 0.11, 0.17, 0.16, 0.13].map((share) => wide * share),
  );

  // Signature block.
  if (doc.y > doc.page.height - 200) doc.addPage({ size: 'A4', layout: 'landscape', margin: MARGIN });
  doc.moveDown(2);
  const x = MARGIN + wide * 0.6;
  doc.font(FONT).fontSize(10);
  const signatureWidth = wide * 0.4;
  doc.text(`Prabumulih, ${formatWibDate(new Date(report.generatedAt))}`, x, doc.y, { width: signatureWidth });
  doc.text('Kepala Dinas Penanaman Modal dan', x, doc.y, { width: signatureWidth });
  doc.text('Pelayanan Terpadu Satu Pintu', x, doc.y, { width: signatureWidth });
  doc.moveDown(4);
  doc.text('(.......................................)', x, doc.y, { width: signatureWidth });
  doc.text('NIP.', x, doc.y, { width: signatureWidth });

  doc.end();
  return done;
}

export function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font(BOLD).fontSize(11).text(text, MARGIN);
  doc.moveDown(0.3);
}

/** A simple ruled table that breaks across pages, repeating its header. */
export function table(doc: PDFKit.PDFDocument, header: string[], rows: string[][], widths: number[]): void {
  const pad = 3;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? BOLD : FONT).fontSize(8.5);
    const height =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }))) + 2 * pad;
    if (doc.y + height > doc.page.height - MARGIN) {
      // The next page as this one (the list of complaints is landscape).
      doc.addPage({ size: 'A4', layout: doc.page.layout as 'portrait' | 'landscape', margin: MARGIN });
      if (!bold) drawRow(header, true);
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      if (bold) doc.rect(x, y, widths[i], height).fillAndStroke('#e8efe9', '#9aa5ae').fillColor('black');
      else doc.rect(x, y, widths[i], height).lineWidth(0.5).stroke('#9aa5ae');
      doc.text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
}

/** Objections (keberatan) filed in the period: the total, then per month when the period has several. */
function objectionFigures(report: RecapReport): [string, string][] {
  const o = report.objections;
  if (!o) return [];
  return [
    ['Keberatan diajukan (pengaduan dibuka kembali)', String(o.filed)],
    ...(o.byMonth.length > 1
      ? o.byMonth.map((m): [string, string] => [`   ${monthLabel(m.month)}`, String(m.count)])
      : []),
  ];
}
