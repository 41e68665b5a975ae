/**
 * The recap report's satisfaction figures: the complainants' ratings given in the period (by the WIB
 * date of rating), per month and per unit that had a task on the rated case (a case handled by three
 * units counts once for each of them), each as count, average, distribution 1-4 and the IKM-style
 * index (average x 25) with its grade (src/domain/satisfaction.ts). GROUP BY in the database: no
 * query returns one row per rating.
 */
import { type SatisfactionSummary, summariseSatisfaction } from '../domain/satisfaction';

export interface SatisfactionRecap {
  /** Every rating given in the period. */
  overall: SatisfactionSummary;
  /** Each month of the period (YYYY-MM, zeros included). */
  byMonth: ({ month: string } & SatisfactionSummary)[];
  /** Each unit with a task on a rated case, in the order of the units' codes. */
  byUnit: ({ unit: string } & SatisfactionSummary)[];
}

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/**
 * @param q runs SQL with parameters
 * @param range the period's [from, to) as the dialect stores datetimes
 * @param wibDate SQL for the WIB date (YYYY-MM-DD) of a datetime column
 * @param months the period's months, YYYY-MM
 */
export async function buildSatisfactionRecap(
  q: Query,
  range: unknown[],
  wibDate: (column: string) => string,
  months: string[],
): Promise<SatisfactionRecap> {
  const month = `substr(${wibDate('r.rated_at')}, 1, 7)`;
  const perMonth = await q<{ month: string; score: number; n: number }>(
    `select ${month} as month, r.score as score, count(*) as n from satisfaction_rating r
         where r.rated_at >= ? and r.rated_at < ? group by ${month}, r.score`,
    range,
  );
  const perUnit = await q<{ unit: string; score: number; n: number }>(
    `select t.unit as unit, r.score as score, count(*) as n from satisfaction_rating r
         join (select distinct complaint_id, unit from complaint_task) t on t.complaint_id = r.complaint_id
         where r.rated_at >= ? and r.rated_at < ? group by t.unit, r.score`,
    range,
  );
  const counts = (rows: { score: number; n: number }[]) =>
    rows.map((r) => ({ score: Number(r.score), count: Number(r.n) }));
  const units = [...new Set(perUnit.map((r) => r.unit))].sort();
  return {
    overall: summariseSatisfaction(counts(perMonth)),
    byMonth: months.map((m) => ({
      month: m,
      ...summariseSatisfaction(counts(perMonth.filter((r) => r.month === m))),
    })),
    byUnit: units.map((unit) => ({
      unit,
      ...summariseSatisfaction(counts(perUnit.filter((r) => r.unit === unit))),
    })),
  };
}

/** A report stored before ratings existed: none were given then, so zeros for its months. */
export function emptySatisfactionRecap(months: string[]): SatisfactionRecap {
  const none = () => summariseSatisfaction([]);
  return { overall: none(), byMonth: months.map((month) => ({ month, ...none() })), byUnit: [] };
}
