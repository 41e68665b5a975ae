// The recap report's satisfaction figures as rows for the spreadsheet and the PDF (the same rows).
import type ExcelJS from 'exceljs';
import { monthLabel } from '../domain/months';
import {
  SATISFACTION_GRADE_LABELS,
  SATISFACTION_LABELS,
  type SatisfactionSummary,
  summariseSatisfaction,
} from '../domain/satisfaction';
import type { RecapReport } from './recap-report';
import { unitLabel } from './report-labels';

export const SATISFACTION_TITLE = 'Kepuasan pengadu atas penanganan pengaduan (skala IKM 1-4)';
export const SATISFACTION_NOTE =
  'Penilaian yang diberikan pengadu dalam periode ini setelah pengaduannya ditanggapi: 1 Tidak baik, ' +
  '2 Kurang baik, 3 Baik, 4 Sangat baik. Indeks = rata-rata x 25 (PermenPANRB 14/2017); mutu A 88,31-100, ' +
  'B 76,61-88,30, C 65,00-76,60, D 25,00-64,99. Per unit: setiap unit yang mendapat tugas pada pengaduan yang dinilai.';

export const SATISFACTION_HEADER = [
  'Kelompok',
  'Jumlah penilaian',
  'Rata-rata (1-4)',
  ...([1, 2, 3, 4] as const).map((s) => `${s} ${SATISFACTION_LABELS[s]}`),
  'Indeks (x25)',
  'Mutu',
];

const decimal = (value: number | null) => (value === null ? '-' : value.toFixed(2).replace('.', ','));
const grade = (s: SatisfactionSummary) =>
  s.grade ? `${s.grade} (${SATISFACTION_GRADE_LABELS[s.grade]})` : '-';

function row(label: string, s: SatisfactionSummary): string[] {
  return [
    label,
    String(s.count),
    decimal(s.average),
    ...s.distribution.map((d) => String(d.count)),
    decimal(s.index),
    grade(s),
  ];
}

/** The rows of the satisfaction table: the whole period, each month, each unit. */
export function satisfactionRows(report: RecapReport): { section: string; rows: string[][] }[] {
  const s = report.satisfaction;
  return [
    { section: 'Seluruh periode', rows: [row(report.label, s.overall)] },
    { section: 'Per bulan', rows: s.byMonth.map((m) => row(monthLabel(m.month), m)) },
    {
      section: 'Per unit',
      rows:
        s.byUnit.length > 0
          ? s.byUnit.map((u) => row(unitLabel(u.unit), u))
          : [row('Belum ada penilaian', summariseSatisfaction([]))],
    },
  ];
}

/** The spreadsheet's "Kepuasan pengadu" sheet; numbers as numbers so they can be summed. */
export function addSatisfactionSheet(book: ExcelJS.Workbook, report: RecapReport): void {
  const sheet = book.addWorksheet('Kepuasan pengadu');
  sheet.columns = [
    { width: 48 },
    { width: 16 },
    { width: 16 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 14 },
    { width: 20 },
  ];
  sheet.addRow([`${SATISFACTION_TITLE} — ${report.label}`]).font = { bold: true, size: 13 };
  sheet.addRow([SATISFACTION_NOTE]);
  const s = report.satisfaction;
  const add = (label: string, summary: SatisfactionSummary) =>
    sheet.addRow([
      label,
      summary.count,
      summary.average ?? '-',
      ...summary.distribution.map((d) => d.count),
      summary.index ?? '-',
      grade(summary),
    ]);
  const section = (title: string) => {
    sheet.addRow([]);
    sheet.addRow([title]).font = { bold: true };
    sheet.addRow(SATISFACTION_HEADER).font = { bold: true };
  };
  section('Seluruh periode');
  add(report.label, s.overall);
  section('Per bulan');
  for (const m of s.byMonth) add(monthLabel(m.month), m);
  section('Per unit');
  for (const u of s.byUnit) add(unitLabel(u.unit), u);
}
