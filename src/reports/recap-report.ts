/**
 * The recap report (SOP section D) for one period, computed in the database: every figure is a
 * GROUP BY over indexed columns (received_at, created_at). Durations in working days are counted from
 * the grouped (WIB date received, WIB date closed) pairs, so no query returns one row per complaint
 * except the list of complaints the report must contain.
 */
import type { EntityManager } from '@mikro-orm/core';
import { loadWorkingDayCalendar } from '../calendar/holiday-calendar';
import { WorkingDayCalendar } from '../domain/calendar';
import type { ReportPeriod } from '../domain/reporting';

export interface CountBy {
  key: string;
  count: number;
}

export interface RecapReport {
  id: string;
  kind: ReportPeriod['kind'];
  label: string;
  year: number;
  index: number;
  from: string;
  to: string;
  generatedAt: string;
  received: number;
  byChannel: CountBy[];
  byCategory: CountBy[];
  outcome: { resolvedOnTime: number; resolvedLate: number; open: number; rejected: number };
  /** Share of resolved complaints answered within 10 working days, 0..1 (null when none resolved). */
  slaCompliance: number | null;
  resolutionWorkingDays: { average: number | null; median: number | null };
  units: { unit: string; received: number; completed: number; medianWorkingDays: number | null }[];
  berat: { cases: number; decisions: CountBy[] };
  trend: { month: string; received: number; resolvedOnTime: number; resolvedLate: number }[];
  complaints: {
    registerNumber: string;
    receivedAt: string;
    channel: string;
    category: string | null;
    status: string;
    dueAt: string | null;
    closedAt: string | null;
    overdue: boolean;
    followUp: string | null;
  }[];
}

type Dialect = 'sqlite' | 'postgresql';

function dialectOf(em: EntityManager): Dialect {
  return em.getPlatform().constructor.name.toLowerCase().includes('postgre') ? 'postgresql' : 'sqlite';
}

/** SQL for the WIB calendar date (YYYY-MM-DD) of a datetime column. */
function wibDate(dialect: Dialect, column: string): string {
  return dialect === 'postgresql'
    ? `to_char(${column} at time zone 'Asia/Jakarta', 'YYYY-MM-DD')`
    : `date(${column} / 1000, 'unixepoch', '+7 hours')`;
}

/** SQLite keeps datetimes as epoch milliseconds; PostgreSQL takes a timestamp. */
function at(dialect: Dialect, date: Date): Date | number {
  return dialect === 'postgresql' ? date : date.getTime();
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date
    ? value
    : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
}

/** Weighted average and median of working-day durations grouped as (from date, to date, count). */
function durations(
  rows: { d_from: string; d_to: string; n: number | string }[],
  calendar: WorkingDayCalendar,
): { average: number | null; median: number | null } {
  const values = rows
    .map((r) => ({
      days: calendar.workingDaysBetween(
        new Date(`${r.d_from}T12:00:00+07:00`),
        new Date(`${r.d_to}T12:00:00+07:00`),
      ),
      n: Number(r.n),
    }))
    .sort((a, b) => a.days - b.days);
  const total = values.reduce((s, v) => s + v.n, 0);
  if (total === 0) return { average: null, median: null };
  const average = values.reduce((s, v) => s + v.days * v.n, 0) / total;
  const at = (position: number) => {
    let seen = 0;
    for (const v of values) {
      seen += v.n;
      if (seen > position) return v.days;
    }
    return values[values.length - 1].days;
  };
  const median = total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
  return { average: Math.round(average * 100) / 100, median };
}

export async function buildRecapReport(
  em: EntityManager,
  period: ReportPeriod,
  now = new Date(),
): Promise<RecapReport> {
  const dialect = dialectOf(em);
  const conn = em.getConnection();
  const q = <T>(sql: string, params: unknown[] = []): Promise<T[]> => conn.execute(sql, params as never[]);
  const range = [at(dialect, period.from), at(dialect, period.to)];
  const inPeriod = 'c.received_at >= ? and c.received_at < ?';
  const onTime = 'c.closed_at is not null and c.due_at is not null and c.closed_at <= c.due_at';

  const fromYear = period.from.getUTCFullYear();
  const years = [fromYear - 1, fromYear, fromYear + 1];
  const calendar = await loadWorkingDayCalendar(em.fork(), years);

  // One query at a time: SQLite has a single connection; on PostgreSQL each is an index range scan.
  const byChannel = await q<{ key: string; n: number }>(
    `select c.channel as key, count(*) as n from complaint c where ${inPeriod} group by c.channel order by c.channel`,
    range,
  );
  const byCategory = await q<{ key: string | null; n: number }>(
    `select c.category as key, count(*) as n from complaint c where ${inPeriod} group by c.category order by c.category`,
    range,
  );
  const outcomes = await q<{ status: string; on_time: number; n: number }>(
    `select c.status as status, case when ${onTime} then 1 else 0 end as on_time, count(*) as n
         from complaint c where ${inPeriod} group by c.status, case when ${onTime} then 1 else 0 end`,
    range,
  );
  const resolution = await q<{ d_from: string; d_to: string; n: number }>(
    `select ${wibDate(dialect, 'c.received_at')} as d_from, ${wibDate(dialect, 'c.closed_at')} as d_to, count(*) as n
         from complaint c where ${inPeriod} and c.status = 'RESOLVED' and c.closed_at is not null
         group by ${wibDate(dialect, 'c.received_at')}, ${wibDate(dialect, 'c.closed_at')}`,
    range,
  );
  const unitCounts = await q<{ unit: string; received: number; completed: number }>(
    `select t.unit as unit, count(*) as received, sum(case when t.status = 'DONE' then 1 else 0 end) as completed
         from complaint_task t where t.created_at >= ? and t.created_at < ? group by t.unit order by t.unit`,
    range,
  );
  const unitDurations = await q<{ unit: string; d_from: string; d_to: string; n: number }>(
    `select t.unit as unit, ${wibDate(dialect, 't.created_at')} as d_from, ${wibDate(dialect, 't.completed_at')} as d_to, count(*) as n
         from complaint_task t where t.created_at >= ? and t.created_at < ? and t.completed_at is not null
         group by t.unit, ${wibDate(dialect, 't.created_at')}, ${wibDate(dialect, 't.completed_at')}`,
    range,
  );
  const berat = await q<{ n: number }>(
    `select count(*) as n from complaint c where ${inPeriod} and c.category = 'BERAT'`,
    range,
  );
  const decisions = await q<{ key: string | null; n: number }>(
    `select d.decision as key, count(*) as n from decision d join complaint c on c.id = d.complaint_id
         where ${inPeriod} group by d.decision order by d.decision`,
    range,
  );
  const trend = await q<{ month: string; n: number; on_time: number; late: number }>(
    `select substr(${wibDate(dialect, 'c.received_at')}, 1, 7) as month, count(*) as n,
           sum(case when c.status = 'RESOLVED' and ${onTime} then 1 else 0 end) as on_time,
           sum(case when c.status = 'RESOLVED' and not (${onTime}) then 1 else 0 end) as late
         from complaint c where ${inPeriod} group by substr(${wibDate(dialect, 'c.received_at')}, 1, 7)`,
    range,
  );
  const list = await q<Record<string, unknown>>(
    `select c.register_number, c.received_at, c.channel, c.category, c.status, c.due_at, c.closed_at, c.overdue,
           c.response, c.rejection_reason
         from complaint c where ${inPeriod} order by c.received_at, c.register_number`,
    range,
  );

  const count = (rows: { n: number | string }[]) => rows.reduce((s, r) => s + Number(r.n), 0);
  const outcome = { resolvedOnTime: 0, resolvedLate: 0, open: 0, rejected: 0 };
  for (const r of outcomes) {
    const n = Number(r.n);
    if (r.status === 'RESOLVED' && Number(r.on_time) === 1) outcome.resolvedOnTime += n;
    else if (r.status === 'RESOLVED') outcome.resolvedLate += n;
    else if (r.status === 'REJECTED') outcome.rejected += n;
    else outcome.open += n;
  }
  const resolved = outcome.resolvedOnTime + outcome.resolvedLate;
  const trendByMonth = new Map(trend.map((t) => [t.month, t]));

  return {
    id: period.id,
    kind: period.kind,
    label: period.label,
    year: period.year,
    index: period.index,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    generatedAt: now.toISOString(),
    received: count(byChannel),
    byChannel: byChannel.map((r) => ({ key: r.key, count: Number(r.n) })),
    byCategory: byCategory.map((r) => ({ key: r.key ?? 'BELUM_DITRIASE', count: Number(r.n) })),
    outcome,
    slaCompliance: resolved === 0 ? null : Math.round((outcome.resolvedOnTime / resolved) * 10_000) / 10_000,
    resolutionWorkingDays: durations(resolution, calendar),
    units: unitCounts.map((u) => ({
      unit: u.unit,
      received: Number(u.received),
      completed: Number(u.completed),
      medianWorkingDays: durations(
        unitDurations.filter((d) => d.unit === u.unit),
        calendar,
      ).median,
    })),
    berat: {
      cases: count(berat),
      decisions: decisions.map((d) => ({ key: d.key ?? 'MENUNGGU', count: Number(d.n) })),
    },
    trend: period.months.map((m) => {
      const month = `${period.year}-${String(m).padStart(2, '0')}`;
      const t = trendByMonth.get(month);
      return {
        month,
        received: Number(t?.n ?? 0),
        resolvedOnTime: Number(t?.on_time ?? 0),
        resolvedLate: Number(t?.late ?? 0),
      };
    }),
    complaints: list.map((r) => ({
      registerNumber: String(r.register_number),
      receivedAt: toDate(r.received_at)!.toISOString(),
      channel: String(r.channel),
      category: (r.category as string | null) ?? null,
      status: String(r.status),
      dueAt: toDate(r.due_at)?.toISOString() ?? null,
      closedAt: toDate(r.closed_at)?.toISOString() ?? null,
      overdue: r.overdue === true || r.overdue === 1,
      followUp: ((r.status === 'REJECTED' ? r.rejection_reason : r.response) as string | null) ?? null,
    })),
  };
}
