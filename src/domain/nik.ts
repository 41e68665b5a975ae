// Workflow-safe: the structure of a NIK (Nomor Induk Kependudukan, the number on a KTP).
import regions from './nik-regions.json';

/**
 * A NIK is 16 digits: PP RR CC DDMMYY SSSS, i.e. the province (PP) and regency (kabupaten/kota, RR)
 * codes of Kemendagri, the kecamatan code (CC), the date of birth (DDMMYY, with 40 added to the day
 * for women) and a serial number (SSSS, from 0001).
 *
 * The province and regency codes are checked against `nik-regions.json`, made from the Kemendagri
 * codes by scripts/generate-nik-regions.mjs: the current ones (with the Papua provinces 93-96 of
 * 2022) and the codes of regencies that moved to a newer province, which cards issued before keep.
 * The kecamatan code is not checked (kecamatan are split and renumbered too often for a list to be
 * fair to old cards), nor the year of birth (any two digits are a year).
 */
const PROVINCES: Readonly<Record<string, string>> = regions.provinces;
const REGENCIES: ReadonlySet<string> = new Set(regions.regencies);

/** Days of each month in the longest year (29 February exists in some year). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type NikProblemCode = 'FORMAT' | 'PROVINCE' | 'REGENCY' | 'BIRTH_DATE' | 'SERIAL';

export interface NikProblem {
  code: NikProblemCode;
  /** In Bahasa Indonesia, naming the digits that are wrong. */
  message: string;
}

export const NIK_FORMAT_MESSAGE = 'NIK harus terdiri dari 16 digit angka sesuai KTP.';

/** What is wrong with a NIK, or undefined when it may be a real one. */
export function nikProblem(nik: string | null | undefined): NikProblem | undefined {
  if (typeof nik !== 'string' || !/^\d{16}$/.test(nik))
    return { code: 'FORMAT', message: NIK_FORMAT_MESSAGE };
  const province = nik.slice(0, 2);
  if (PROVINCES[province] === undefined) {
    return {
      code: 'PROVINCE',
      message: `NIK tidak sah: kode provinsi ${province} (digit 1-2) tidak ada dalam kode wilayah Kemendagri.`,
    };
  }
  const regency = nik.slice(0, 4);
  if (!REGENCIES.has(regency)) {
    return {
      code: 'REGENCY',
      message: `NIK tidak sah: kode kabupaten/kota ${province}.${nik.slice(2, 4)} (digit 1-4) tidak ada dalam kode wilayah Kemendagri.`,
    };
  }
  const rawDay = Number(nik.slice(6, 8));
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const month = Number(nik.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) {
    return {
      code: 'BIRTH_DATE',
      message: `NIK tidak sah: digit 7-12 (${nik.slice(6, 12)}) bukan tanggal lahir DDMMYY (untuk perempuan tanggal ditambah 40).`,
    };
  }
  if (nik.slice(12) === '0000') {
    return { code: 'SERIAL', message: 'NIK tidak sah: nomor urut (digit 13-16) tidak boleh 0000.' };
  }
  return undefined;
}

/** Whether a NIK may be a real one: 16 digits of a known province and regency, a birth date and a serial. */
export function isValidNik(nik: string | null | undefined): boolean {
  return nikProblem(nik) === undefined;
}
