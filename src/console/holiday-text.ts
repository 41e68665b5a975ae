/**
 * Reads a holiday list pasted from the SKB 3 Menteri (or a text/CSV file): one holiday per line.
 * Tolerant of the ways such lists are written:
 *
 *   2027-01-01 Tahun Baru Masehi              ISO date, then the name
 *   01/01/2027; Tahun Baru Masehi; LIBUR_NASIONAL   day-month-year, CSV (, ; tab or |), optional kind
 *   Jumat, 1 Januari 2027 Tahun Baru Masehi   Indonesian month names (or abbreviations), weekday ignored
 *   9-10 Februari 2027 Cuti Bersama Imlek     a range of days, or a list ("9, 10 dan 11 Maret")
 *   1. 17 Agustus Hari Kemerdekaan RI         numbering ignored; a missing year is the chosen year
 *
 * Empty lines, lines starting with # and a header line (tanggal, nama, jenis) are skipped. The kind is
 * CUTI_BERSAMA when the line says so ("cuti bersama" in the name or the kind column), else
 * LIBUR_NASIONAL. Pure: no DOM, so it is unit-tested on its own.
 */
import type { HolidayKind } from '../domain/holidays';

export interface ParsedHoliday {
  date: string;
  name: string;
  kind: HolidayKind;
}

export interface ParsedHolidayList {
  holidays: ParsedHoliday[];
  /** What could not be read, in Bahasa Indonesia, each naming its line ("Baris 3: ..."). */
  problems: string[];
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  peb: 2,
  mar: 3,
  apr: 4,
  mei: 5,
  may: 5,
  jun: 6,
  jul: 7,
  agu: 8,
  agt: 8,
  ags: 8,
  aug: 8,
  sep: 9,
  okt: 10,
  oct: 10,
  nov: 11,
  nop: 11,
  des: 12,
  dec: 12,
};

const WEEKDAY = /^(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*/i;
const NUMBERING = /^\d{1,3}\s*[.)]\s+/;
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/;
// Days (one, a range or a list), an Indonesian or English month name, an optional year.
const NAMED =
  /^(\d{1,2}(?:\s*(?:-|–|—|s\.?\s?d\.?|sampai|,|dan|&)\s*\d{1,2})*)\s+([a-z]{3,9})\.?(?:\s+(\d{4}))?(?![\p{L}\d])/iu;
const SEPARATORS = /^[\s,;:|\t\-–—]+/;
const HEADER = /^["']?(tanggal|date|tgl)\b/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYY-MM-DD' when the date exists, else null (so 2027-02-30 is null). */
function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function kindFrom(text: string): HolidayKind | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
  if (t === 'cuti bersama' || t === 'cuti') return 'CUTI_BERSAMA';
  if (t === 'libur nasional' || t === 'libur' || t === 'hari libur nasional') return 'LIBUR_NASIONAL';
  return null;
}

function unquote(text: string): string {
  return text
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim();
}

/** The dates a line starts with, and the rest of the line; null when it starts with none. */
function readDates(line: string, year: number): { dates: (string | null)[]; rest: string } | null {
  let m = ISO.exec(line);
  if (m) return { dates: [isoDate(+m[1], +m[2], +m[3])], rest: line.slice(m[0].length) };
  m = DMY.exec(line);
  if (m) return { dates: [isoDate(+m[3], +m[2], +m[1])], rest: line.slice(m[0].length) };
  m = NAMED.exec(line);
  if (!m) return null;
  const month = MONTHS[m[2].slice(0, 3).toLowerCase()];
  if (!month) return null;
  const y = m[3] ? +m[3] : year;
  const days: number[] = [];
  // "9-10" is a range, "9, 10 dan 11" a list.
  for (const part of m[1].split(/\s*(?:,|dan|&)\s*/i)) {
    const range = /^(\d{1,2})\s*(?:-|–|—|s\.?\s?d\.?|sampai)\s*(\d{1,2})$/i.exec(part.trim());
    if (range) {
      for (let d = +range[1]; d <= +range[2] && d - +range[1] < 31; d++) days.push(d);
    } else if (/^\d{1,2}$/.test(part.trim())) {
      days.push(+part.trim());
    }
  }
  return { dates: days.map((d) => isoDate(y, month, d)), rest: line.slice(m[0].length) };
}

/** Name and kind from what follows the date: "Nama", "Nama;CUTI_BERSAMA", "Nama<TAB>cuti bersama". */
function readNameAndKind(rest: string): { name: string; kind: HolidayKind } {
  const text = rest.replace(SEPARATORS, '');
  const delimiter = ['\t', ';', '|', ','].find((d) => text.includes(d));
  let name = text;
  let kind: HolidayKind | null = null;
  if (delimiter) {
    const fields = text.split(delimiter);
    const last = kindFrom(unquote(fields[fields.length - 1]));
    if (last && fields.length > 1) {
      kind = last;
      name = fields.slice(0, -1).join(delimiter);
    }
    // A CSV name column: drop the delimiters' leftovers and quotes.
    if (delimiter !== ',') name = name.split(delimiter).map(unquote).filter(Boolean).join(' ');
  }
  name = unquote(name).replace(/\s+/g, ' ');
  return { name, kind: kind ?? (/cuti\s+bersama/i.test(name) ? 'CUTI_BERSAMA' : 'LIBUR_NASIONAL') };
}

export function parseHolidayText(text: string, year: number): ParsedHolidayList {
  const holidays: ParsedHoliday[] = [];
  const problems: string[] = [];
  const lineOf = new Map<string, number>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const n = index + 1;
      let line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith('//')) return;
      line = unquote(line.replace(NUMBERING, '').replace(WEEKDAY, ''));
      const read = readDates(line, year);
      if (!read) {
        if (HEADER.test(line)) return;
        problems.push(
          `Baris ${n}: tanggal tidak dikenali ("${raw.trim().slice(0, 60)}"). Contoh: 2027-01-01 Tahun Baru Masehi.`,
        );
        return;
      }
      const { name, kind } = readNameAndKind(read.rest);
      if (!name) {
        problems.push(`Baris ${n}: nama hari libur tidak ada.`);
        return;
      }
      for (const date of read.dates) {
        if (!date) {
          problems.push(`Baris ${n}: tanggal tidak ada di kalender.`);
          continue;
        }
        if (!date.startsWith(`${year}-`)) {
          problems.push(`Baris ${n}: tanggal ${date} tidak berada di tahun ${year}.`);
          continue;
        }
        const earlier = lineOf.get(date);
        if (earlier !== undefined) {
          problems.push(`Baris ${n}: tanggal ${date} sudah tercantum di baris ${earlier}.`);
          continue;
        }
        lineOf.set(date, n);
        holidays.push({ date, name, kind });
      }
    });
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, problems };
}
