import { EntityManager, raw } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { Complaint } from '../../db/entities';

/**
 * Prometheus metrics of the API process: Node's own, HTTP request durations, and complaint counts
 * read from the database at scrape time (so every API replica reports the same figures).
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'pengaduan_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(orm: EntityManager) {
    collectDefaultMetrics({ register: this.registry, prefix: 'pengaduan_api_' });
    // Both drivers are SQL drivers: the query builder does the GROUP BY in the database.
    const em = orm as unknown as SqlEntityManager;
    new Gauge({
      name: 'pengaduan_complaints',
      help: 'Complaints by status and category',
      labelNames: ['status', 'category'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows: { status: string; category: string | null; n: number | string }[] = await em
          .fork()
          .createQueryBuilder(Complaint, 'c')
          .select(['c.status', 'c.category', raw('count(*) as n')])
          .groupBy(['c.status', 'c.category'])
          .execute();
        for (const r of rows)
          this.set({ status: r.status, category: r.category ?? 'BELUM_DITRIASE' }, Number(r.n));
      },
    });
    new Gauge({
      name: 'pengaduan_complaints_overdue',
      help: 'Open complaints past their 10-working-day deadline',
      registers: [this.registry],
      async collect() {
        this.set(
          await em.fork().count(Complaint, { overdue: true, status: { $nin: ['RESOLVED', 'REJECTED'] } }),
        );
      },
    });
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}
