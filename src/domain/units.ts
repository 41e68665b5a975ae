/**
 * The units that handle complaints, as named in the SOP (section B.2). Codes are ours; labels are
 * the SOP's, in Bahasa Indonesia because staff and reports see them.
 */
export const UNITS = [
  'LOKET',
  'KEPALA_DINAS',
  'KABID_PENGADUAN',
  'SEKSI_PENGADUAN',
  'SEKSI_KEBIJAKAN',
  'SEKSI_PELAPORAN',
  'BIDANG_PERIZINAN',
  'TIM_TEKNIS',
  'KECAMATAN',
  'KELURAHAN',
] as const;
export type Unit = (typeof UNITS)[number];

export const UNIT_LABELS: Record<Unit, string> = {
  LOKET: 'Petugas Loket',
  KEPALA_DINAS: 'Kepala DPM-PTSP',
  KABID_PENGADUAN: 'Kabid Pengaduan, Kebijakan dan Pelaporan Layanan',
  SEKSI_PENGADUAN: 'Seksi Pengaduan dan Informasi Layanan',
  SEKSI_KEBIJAKAN: 'Seksi Kebijakan dan Advokasi Layanan',
  SEKSI_PELAPORAN: 'Seksi Pelaporan dan Peningkatan Layanan',
  BIDANG_PERIZINAN: 'Bidang Pelayanan Perizinan dan Non Perizinan',
  TIM_TEKNIS: 'Tim Teknis Perizinan',
  KECAMATAN: 'Aparatur Kecamatan',
  KELURAHAN: 'Aparatur Kelurahan/Desa',
};

/** Units whose staff belong to one area: their tasks are routed by the complaint's location. */
export const AREA_UNITS: readonly Unit[] = ['KECAMATAN', 'KELURAHAN'];

export function isUnit(value: unknown): value is Unit {
  return typeof value === 'string' && (UNITS as readonly string[]).includes(value);
}

/** Managers who may re-categorise an open case upward and who are told of overdue cases. */
export const MANAGER_UNITS: readonly Unit[] = ['KEPALA_DINAS', 'KABID_PENGADUAN'];

/**
 * Units as the public tracking page names them: the SOP's names, except that the Kabid's unit is
 * named as the division it heads (a citizen reads "Bidang ...", not an abbreviated position).
 */
export const PUBLIC_UNIT_LABELS: Record<Unit, string> = {
  ...UNIT_LABELS,
  KABID_PENGADUAN: 'Bidang Pengaduan, Kebijakan dan Pelaporan Layanan',
};
