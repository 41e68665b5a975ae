/**
 * The complainant's satisfaction with the handling of a complaint (as FixMyStreet asks afterwards),
 * on the four-point scale of the government's community satisfaction surveys (Indeks Kepuasan
 * Masyarakat, PermenPANRB 14/2017): 1 Tidak baik, 2 Kurang baik, 3 Baik, 4 Sangat baik. The index is
 * the average times 25 (the regulation's conversion to 25-100), and its quality grade A-D follows the
 * regulation's intervals. Pure: shared by the API (the rule for who may rate) and the recap report
 * (the aggregation).
 */
import type { Refusal } from './complaint-rules';

export const SATISFACTION_SCORES = [1, 2, 3, 4] as const;
export type SatisfactionScore = (typeof SATISFACTION_SCORES)[number];

/** The scale's words (PermenPANRB 14/2017: nilai persepsi 1-4 and the unit's performance). */
export const SATISFACTION_LABELS: Record<SatisfactionScore, string> = {
  1: 'Tidak baik',
  2: 'Kurang baik',
  3: 'Baik',
  4: 'Sangat baik',
};

/** Longest comment, in characters. */
export const RATING_COMMENT_MAX_CHARS = 1000;

export function isSatisfactionScore(value: unknown): value is SatisfactionScore {
  return typeof value === 'number' && (SATISFACTION_SCORES as readonly number[]).includes(value);
}

// ---- Who may rate ---------------------------------------------------------------------------------

export const RATING_MESSAGES = {
  notYetAnswered:
    'Pengaduan ini belum ditanggapi. Penilaian dapat diberikan setelah tanggapan disampaikan kepada Anda.',
  rejected:
    'Pengaduan yang ditolak karena tidak dapat diproses sebagai pengaduan perizinan tidak dinilai: penilaian adalah tentang penanganan pengaduan yang telah ditanggapi.',
  alreadyRated:
    'Pengaduan ini sudah dinilai. Penilaian hanya dapat diberikan satu kali dan tidak dapat diubah.',
  blankComment: 'Komentar tidak boleh hanya berisi spasi. Kosongkan bila tidak ingin memberi komentar.',
} as const;

/**
 * A complaint can be rated once its response has been given (status RESOLVED), once, for good.
 * A rejected complaint is not rated (its handling ended at triage; the reason is on the tracking page),
 * and no other status has a response to rate yet.
 */
export function checkCanRate(status: string, alreadyRated: boolean): Refusal | null {
  if (status === 'REJECTED') return { type: 'RULE', message: RATING_MESSAGES.rejected };
  if (status !== 'RESOLVED') return { type: 'RULE', message: RATING_MESSAGES.notYetAnswered };
  if (alreadyRated) return { type: 'CONFLICT', message: RATING_MESSAGES.alreadyRated };
  return null;
}

/**
 * The comment as stored: trimmed, or null when none was given. A comment of spaces only says nothing
 * (RULE: it is well-formed, like checkText's whitespace).
 */
export function normaliseRatingComment(comment: string | null | undefined): string | null | Refusal {
  if (comment === null || comment === undefined || comment === '') return null;
  const trimmed = comment.trim();
  return trimmed === '' ? { type: 'RULE', message: RATING_MESSAGES.blankComment } : trimmed;
}

// ---- Aggregation ----------------------------------------------------------------------------------

/** The quality grade (mutu pelayanan) of an index 25-100, PermenPANRB 14/2017. */
export type SatisfactionGrade = 'A' | 'B' | 'C' | 'D';

export const SATISFACTION_GRADE_LABELS: Record<SatisfactionGrade, string> = {
  A: 'Sangat baik',
  B: 'Baik',
  C: 'Kurang baik',
  D: 'Tidak baik',
};

/** The converted interval's lower bounds: A from 88.31, B from 76.61, C from 65.00, D below. */
export function gradeOf(index: number): SatisfactionGrade {
  if (index >= 88.31) return 'A';
  if (index >= 76.61) return 'B';
  if (index >= 65) return 'C';
  return 'D';
}

export interface SatisfactionSummary {
  /** Ratings counted. */
  count: number;
  /** Average score 1-4, two decimals (null without ratings). */
  average: number | null;
  /** How many ratings gave each score, 1 to 4 (zeros included). */
  distribution: { score: SatisfactionScore; label: string; count: number }[];
  /** IKM-style index: the average times 25, two decimals (null without ratings). */
  index: number | null;
  /** The index's quality grade (null without ratings). */
  grade: SatisfactionGrade | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The summary of ratings counted per score (scores outside 1-4 are ignored). */
export function summariseSatisfaction(
  counts: { score: number; count: number }[] | Partial<Record<number, number>>,
): SatisfactionSummary {
  const byScore = new Map<number, number>();
  const rows = Array.isArray(counts)
    ? counts
    : Object.entries(counts).map(([score, count]) => ({ score: Number(score), count: count ?? 0 }));
  for (const r of rows)
    if (isSatisfactionScore(r.score)) byScore.set(r.score, (byScore.get(r.score) ?? 0) + Number(r.count));
  const distribution = SATISFACTION_SCORES.map((score) => ({
    score,
    label: SATISFACTION_LABELS[score],
    count: byScore.get(score) ?? 0,
  }));
  const count = distribution.reduce((s, d) => s + d.count, 0);
  if (count === 0) return { count, average: null, distribution, index: null, grade: null };
  const mean = distribution.reduce((s, d) => s + d.score * d.count, 0) / count;
  const index = round2(mean * 25);
  return { count, average: round2(mean), distribution, index, grade: gradeOf(index) };
}
