import { Gauge, type Registry } from 'prom-client';
import type { MetricsRepository } from '../../db/repositories/metrics.repository';
import { SATISFACTION_SCORES } from '../../domain/satisfaction';

/**
 * `pengaduan_satisfaction_ratings{score}`: the complainants' ratings by score (1-4, zeros included),
 * read from the database at scrape time like the complaint counts, so every API replica reports the
 * same figures; `increase()` over it gives the ratings given in a period.
 */
export function registerSatisfactionGauges(
  registry: Registry,
  counts: Pick<MetricsRepository, 'countRatingsByScore'>,
): void {
  new Gauge({
    name: 'pengaduan_satisfaction_ratings',
    help: "Complainants' satisfaction ratings by score (1 Tidak baik .. 4 Sangat baik)",
    labelNames: ['score'] as const,
    registers: [registry],
    async collect() {
      const rows = await counts.countRatingsByScore();
      const byScore = new Map(rows.map((r) => [Number(r.score), Number(r.n)]));
      this.reset();
      for (const score of SATISFACTION_SCORES) this.set({ score: String(score) }, byScore.get(score) ?? 0);
    },
  });
}
