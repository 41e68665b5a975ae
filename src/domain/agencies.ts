// Workflow-safe: constants and pure functions only.
/**
 * The agencies a complaint that is not DPM-PTSP's business ("bukan wewenang") is forwarded to: the
 * perangkat daerah (OPD) of Kota Prabumulih, the national complaint system SP4N-LAPOR!, and the
 * supervisory and law-enforcement bodies citizens' reports most often belong to. Codes are ours
 * (stable: recorded in workflow histories and timelines); names are in Bahasa Indonesia because the
 * complainant, staff and reports read them.
 *
 * The list is data: an agency added here can be chosen at once; never rename or remove a code that a
 * forwarded case may carry (its name is looked up for the tracking page and the recap report).
 */
export interface Agency {
  code: string;
  name: string;
  /** OPD: a perangkat daerah of Kota Prabumulih; NASIONAL: SP4N-LAPOR!; VERTIKAL: other government bodies. */
  kind: 'OPD' | 'NASIONAL' | 'VERTIKAL';
}

export const AGENCIES: readonly Agency[] = [
  {
    code: 'SP4N_LAPOR',
    name: 'SP4N-LAPOR! (Layanan Aspirasi dan Pengaduan Online Rakyat)',
    kind: 'NASIONAL',
  },
  { code: 'SETDA', name: 'Sekretariat Daerah Kota Prabumulih', kind: 'OPD' },
  { code: 'INSPEKTORAT', name: 'Inspektorat Daerah Kota Prabumulih', kind: 'OPD' },
  { code: 'DISDIK', name: 'Dinas Pendidikan Kota Prabumulih', kind: 'OPD' },
  { code: 'DINKES', name: 'Dinas Kesehatan Kota Prabumulih', kind: 'OPD' },
  { code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih', kind: 'OPD' },
  {
    code: 'DISPERKIM',
    name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman Kota Prabumulih',
    kind: 'OPD',
  },
  { code: 'SATPOL_PP', name: 'Satuan Polisi Pamong Praja Kota Prabumulih', kind: 'OPD' },
  { code: 'DINSOS', name: 'Dinas Sosial Kota Prabumulih', kind: 'OPD' },
  { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Prabumulih', kind: 'OPD' },
  { code: 'DISHUB', name: 'Dinas Perhubungan Kota Prabumulih', kind: 'OPD' },
  { code: 'DLH', name: 'Dinas Lingkungan Hidup Kota Prabumulih', kind: 'OPD' },
  { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika Kota Prabumulih', kind: 'OPD' },
  { code: 'DISNAKER', name: 'Dinas Tenaga Kerja Kota Prabumulih', kind: 'OPD' },
  {
    code: 'DISKOPUKM',
    name: 'Dinas Koperasi, Usaha Kecil dan Menengah Kota Prabumulih',
    kind: 'OPD',
  },
  { code: 'DISPERINDAG', name: 'Dinas Perindustrian dan Perdagangan Kota Prabumulih', kind: 'OPD' },
  { code: 'DISPERTA', name: 'Dinas Pertanian dan Ketahanan Pangan Kota Prabumulih', kind: 'OPD' },
  { code: 'BAPENDA', name: 'Badan Pendapatan Daerah Kota Prabumulih', kind: 'OPD' },
  { code: 'BPKAD', name: 'Badan Pengelolaan Keuangan dan Aset Daerah Kota Prabumulih', kind: 'OPD' },
  {
    code: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Prabumulih',
    kind: 'OPD',
  },
  { code: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah Kota Prabumulih', kind: 'OPD' },
  { code: 'KESBANGPOL', name: 'Badan Kesatuan Bangsa dan Politik Kota Prabumulih', kind: 'OPD' },
  {
    code: 'OMBUDSMAN_SUMSEL',
    name: 'Ombudsman Republik Indonesia Perwakilan Sumatera Selatan',
    kind: 'VERTIKAL',
  },
  { code: 'POLRES_PRABUMULIH', name: 'Kepolisian Resor (Polres) Prabumulih', kind: 'VERTIKAL' },
  { code: 'KEJARI_PRABUMULIH', name: 'Kejaksaan Negeri Prabumulih', kind: 'VERTIKAL' },
  { code: 'ATR_BPN_PRABUMULIH', name: 'Kantor Pertanahan (ATR/BPN) Kota Prabumulih', kind: 'VERTIKAL' },
];

export const AGENCY_CODES: readonly string[] = AGENCIES.map((a) => a.code);

export function findAgency(code: unknown): Agency | undefined {
  return typeof code === 'string' ? AGENCIES.find((a) => a.code === code) : undefined;
}

/** The agency's name, or its code if it is no longer listed. */
export function agencyName(code: string): string {
  return findAgency(code)?.name ?? code;
}

/**
 * A plausible nomor surat keluar, checked loosely: the usual Indonesian form is a classification code,
 * a sequence number, the issuing unit and the year separated by slashes ("500.16/123/DPMPTSP/2026",
 * "045.2/017/DPMPTSP/XII/2026"). We ask for at least two parts separated by "/", a digit somewhere, and
 * only letters, digits, ".", "-", "/" and single spaces; 3 to 100 characters.
 */
export const LETTER_NUMBER_PATTERN =
  '^(?=.*\\d)[A-Za-z0-9.\\-]+( ?/ ?[A-Za-z0-9.\\-]+( [A-Za-z0-9.\\-]+)*)+$';
const LETTER_NUMBER = new RegExp(LETTER_NUMBER_PATTERN);

export function isPlausibleLetterNumber(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 3 && value.length <= 100 && LETTER_NUMBER.test(value);
}

export const LETTER_NUMBER_MESSAGE =
  'Nomor surat keluar tidak valid (contoh: 500.16/123/DPMPTSP/2026): sedikitnya dua bagian dipisah "/", memuat angka, dan hanya huruf, angka, titik, tanda hubung dan garis miring.';
