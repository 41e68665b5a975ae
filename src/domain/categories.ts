import type { Unit } from './units';

/** Jenis pengaduan (SOP B.3), in increasing severity. */
export const CATEGORIES = ['RINGAN', 'SEDANG', 'BERAT'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  RINGAN: 'Ringan',
  SEDANG: 'Sedang',
  BERAT: 'Berat',
};

const SEDANG_UNITS: readonly Unit[] = [
  'SEKSI_PENGADUAN',
  'SEKSI_KEBIJAKAN',
  'KABID_PENGADUAN',
  'KEPALA_DINAS',
  'BIDANG_PERIZINAN',
  'KECAMATAN',
  'KELURAHAN',
  'TIM_TEKNIS',
];

/** Which units get a task for a category (DOMAIN.md, "Categories ... and who handles them"). */
export const CATEGORY_UNITS: Record<Category, readonly Unit[]> = {
  RINGAN: ['LOKET', 'SEKSI_PENGADUAN'],
  SEDANG: SEDANG_UNITS,
  // BERAT: the SEDANG units study the case, then the Kepala Daerah decides.
  BERAT: SEDANG_UNITS,
};

export function unitsForCategory(category: Category): readonly Unit[] {
  return CATEGORY_UNITS[category];
}

/** SEDANG and BERAT route tasks to the local officials, so they need kecamatan and kelurahan. */
export function categoryNeedsLocation(category: Category): boolean {
  return category !== 'RINGAN';
}

export function categoryNeedsDecision(category: Category): boolean {
  return category === 'BERAT';
}

export function categoryRank(category: Category): number {
  return CATEGORIES.indexOf(category);
}

/** Re-categorisation only goes upward (RINGAN -> SEDANG -> BERAT). */
export function isUpgrade(from: Category, to: Category): boolean {
  return categoryRank(to) > categoryRank(from);
}

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/**
 * Which units must study a case again when it is re-categorised upward from `from` to `to`.
 *
 * RINGAN is about unclear time and cost (SOP B.3.a), settled by the front desk and Seksi Pengaduan;
 * SEDANG and BERAT are about a business's impact on the environment (B.3.b, B.3.c) and differ only in
 * degree. So a study made under RINGAN does not answer a SEDANG or BERAT complaint: every unit of the
 * heavier category handles it anew, including a unit (SEKSI_PENGADUAN) whose RINGAN task is done.
 * A SEDANG study by the same units does answer BERAT; what BERAT adds is the Kepala Daerah's
 * authority, and he may order further study (FURTHER_STUDY) when it falls short.
 */
export function unitsToStudyAfterUpgrade(from: Category, to: Category): readonly Unit[] {
  if (!isUpgrade(from, to) || from !== 'RINGAN') return [];
  return unitsForCategory(to);
}
