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
