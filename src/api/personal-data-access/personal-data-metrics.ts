import { Counter, type Registry } from 'prom-client';

/**
 * Unmasked personal-data reads, by the reader's role and the field (NAMA, NIK, ALAMAT, TELEPON,
 * EMAIL, LAMPIRAN): one per complaint and field of a logged response. Per process, like every
 * counter: Prometheus sums the replicas (sum by (role, field) (rate(...))).
 */
export const personalDataReads = new Counter({
  name: 'pengaduan_personal_data_reads_total',
  help: 'Unmasked personal-data reads (complaint x field) by role and field, as recorded in the access log',
  labelNames: ['role', 'field'] as const,
  registers: [],
});

/** Adds the counter to a metrics registry (the API's MetricsService). */
export function registerPersonalDataMetrics(registry: Registry): void {
  registry.registerMetric(personalDataReads);
}
