import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { MetricsRepository } from '../../db/repositories/metrics.repository';
import { registerPersonalDataMetrics } from '../personal-data-access/personal-data-metrics';
import { registerSatisfactionGauges } from './satisfaction-metrics';

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

  constructor(counts: MetricsRepository) {
    collectDefaultMetrics({ register: this.registry, prefix: 'pengaduan_api_' });
    new Gauge({
      name: 'pengaduan_complaints',
      help: 'Complaints by status and category',
      labelNames: ['status', 'category'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const rows = await counts.countComplaintsByStatusAndCategory();
        for (const r of rows)
          this.set({ status: r.status, category: r.category ?? 'BELUM_DITRIASE' }, Number(r.n));
      },
    });
    new Gauge({
      name: 'pengaduan_complaints_overdue',
      help: 'Open complaints past their 10-working-day deadline',
      registers: [this.registry],
      async collect() {
        this.set(await counts.countOpenOverdue());
      },
    });
    this.registerWorkloadGauges(counts);
    this.registerNotificationGauges(counts);
    registerSatisfactionGauges(this.registry, counts);
    registerPersonalDataMetrics(this.registry);
  }

  /** The notification outbox: rows by status and kind, and failed delivery attempts in all. */
  private registerNotificationGauges(counts: MetricsRepository): void {
    const byStatus = () => counts.countNotificationsByStatusAndKind();
    new Gauge({
      name: 'pengaduan_notifications',
      help: 'Notifications in the outbox by status (PENDING, SENDING, SENT, FAILED, SKIPPED) and kind',
      labelNames: ['status', 'kind'] as const,
      registers: [this.registry],
      async collect() {
        const rows = await byStatus();
        this.reset();
        for (const r of rows) this.set({ status: r.status, kind: r.kind }, Number(r.n));
      },
    });
    new Gauge({
      name: 'pengaduan_notification_delivery_failures',
      help: 'Failed delivery attempts of the notifications in the outbox (retried or given up), by kind',
      labelNames: ['kind'] as const,
      registers: [this.registry],
      async collect() {
        const rows = await byStatus();
        const failures = new Map<string, number>();
        for (const r of rows) {
          // A SENT row's last attempt succeeded; every other attempt failed.
          const failed = Number(r.attempts ?? 0) - (r.status === 'SENT' ? Number(r.n) : 0);
          failures.set(r.kind, (failures.get(r.kind) ?? 0) + failed);
        }
        this.reset();
        for (const [kind, n] of failures) this.set({ kind }, n);
      },
    });
  }

  /** Open tasks per unit and the age of the oldest, and how many closed complaints met the deadline. */
  private registerWorkloadGauges(counts: MetricsRepository): void {
    const openTasksByUnit = () => counts.countOpenTasksByUnit();
    new Gauge({
      name: 'pengaduan_tasks_open',
      help: 'Open tasks by unit',
      labelNames: ['unit'] as const,
      registers: [this.registry],
      async collect() {
        const rows = await openTasksByUnit();
        this.reset();
        for (const r of rows) this.set({ unit: r.unit }, Number(r.n));
      },
    });
    new Gauge({
      name: 'pengaduan_task_oldest_open_age_seconds',
      help: 'Age of the oldest open task, by unit',
      labelNames: ['unit'] as const,
      registers: [this.registry],
      async collect() {
        const rows = await openTasksByUnit();
        this.reset();
        for (const r of rows)
          this.set({ unit: r.unit }, Math.max(0, (Date.now() - toDate(r.oldest).getTime()) / 1000));
      },
    });
    new Gauge({
      name: 'pengaduan_complaints_closed',
      help: 'Closed complaints by whether they were answered within the 10 working days',
      labelNames: ['on_time'] as const,
      registers: [this.registry],
      async collect() {
        const { late, all } = await counts.countClosed();
        this.set({ on_time: 'true' }, all - late);
        this.set({ on_time: 'false' }, late);
      },
    });
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}

/** SQLite returns datetimes as epoch milliseconds, PostgreSQL as Date. */
function toDate(value: Date | string | number): Date {
  return value instanceof Date
    ? value
    : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
}
