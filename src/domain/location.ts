// Workflow-safe: code-format checks only; the area names live in master data (see areas.ts).

/** Kemendagri code of Kota Prabumulih. */
export const KOTA_PRABUMULIH_CODE = '16.74';

/** Where a SEDANG or BERAT complaint happened, as Kemendagri codes. */
export interface Location {
  kecamatan: string;
  kelurahan: string;
}

const KECAMATAN_CODE = /^16\.74\.\d{2}$/;
const KELURAHAN_CODE = /^16\.74\.\d{2}\.\d{4}$/;

/** A kecamatan code in Kota Prabumulih, '16.74.NN'. */
export function isKecamatanCode(code: unknown): code is string {
  return typeof code === 'string' && KECAMATAN_CODE.test(code);
}

/** A kelurahan/desa code in Kota Prabumulih, '16.74.NN.NNNN'. */
export function isKelurahanCode(code: unknown): code is string {
  return typeof code === 'string' && KELURAHAN_CODE.test(code);
}

/** Kemendagri codes nest: a kelurahan's code starts with its kecamatan's code. */
export function kelurahanBelongsTo(kelurahanCode: string, kecamatanCode: string): boolean {
  return (
    isKelurahanCode(kelurahanCode) &&
    isKecamatanCode(kecamatanCode) &&
    kelurahanCode.startsWith(`${kecamatanCode}.`)
  );
}
