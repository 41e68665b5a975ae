/**
 * Who may see a complainant's personal data, and how it is masked for everyone else. Pure: used by
 * the complaint reads (lists and the detail page) and by evidence downloads, so one rule decides both.
 */
import { AREA_UNITS, type Unit } from './units';

/** The caller, as much of it as the rule needs (the API's Principal fits). */
export interface Viewer {
  role: string;
  unit: string | null;
  area: string | null;
}

/** A task of the complaint: its unit and, for KECAMATAN/KELURAHAN, its area. */
export interface HandlingTask {
  unit: string;
  area?: string | null;
}

/** Units that see the complainant's personal data on every complaint (intake and triage). */
export const PERSONAL_DATA_UNITS: readonly Unit[] = ['SEKSI_PENGADUAN', 'LOKET'];

/** Whether a task is the viewer's: a STAFF of the same unit and, for KECAMATAN/KELURAHAN, the same area. */
export function isOwnTask(viewer: Viewer, task: HandlingTask): boolean {
  if (viewer.role !== 'STAFF' || !viewer.unit || viewer.unit !== task.unit) return false;
  return !(AREA_UNITS as readonly string[]).includes(task.unit) || viewer.area === task.area;
}

/** Whether the viewer sees personal data on every complaint, whatever its tasks. */
export function seesAllPersonalData(viewer: Viewer): boolean {
  if (viewer.role === 'ADMIN') return true;
  return (
    viewer.role === 'STAFF' &&
    !!viewer.unit &&
    (PERSONAL_DATA_UNITS as readonly string[]).includes(viewer.unit)
  );
}

/**
 * Personal data (name in full, NIK, address, phone, email, evidence files) is for ADMIN and the
 * handling units: SEKSI_PENGADUAN, LOKET, and any unit with a task on the complaint
 * (KECAMATAN/KELURAHAN only for their own area). Everyone else sees it masked.
 */
export function canSeePersonalData(viewer: Viewer, tasks: readonly HandlingTask[]): boolean {
  return seesAllPersonalData(viewer) || tasks.some((t) => isOwnTask(viewer, t));
}

/** Digits of a masked NIK kept at the start and at the end. */
const NIK_KEPT_START = 4;
const NIK_KEPT_END = 2;

/**
 * 1674011203850001 -> 1674**********01: enough to tell complainants apart, not to identify one.
 * At most the first 4 and last 2 characters are kept, and only when at least half is hidden.
 */
export function maskNik(nik: string | null | undefined): string | null {
  if (!nik) return null;
  const chars = Array.from(nik);
  const kept = NIK_KEPT_START + NIK_KEPT_END;
  if (chars.length < kept * 2) return '*'.repeat(chars.length);
  return `${chars.slice(0, NIK_KEPT_START).join('')}${'*'.repeat(chars.length - kept)}${chars.slice(-NIK_KEPT_END).join('')}`;
}

/** "Budi Santoso" -> "B*** S******": each word's first letter, the rest as stars. */
export function maskName(name: string | null | undefined): string {
  if (!name) return '';
  return name
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .map((word) => {
      const chars = Array.from(word);
      return chars[0] + '*'.repeat(chars.length - 1);
    })
    .join(' ');
}
