/**
 * The recap report (SOP section D) for one period, computed in the database: every figure is a
 * GROUP BY over indexed columns (received_at, created_at). Durations in working days are counted from
 * the grouped (WIB date received, WIB date closed) pairs, so no query returns one row per complaint
 * except the list of complaints the report must contain and its latest follow-ups. The open cases'
 * figures (overdue, per stage) are counted from that list, so they and its flags always agree.
 */
import type { EntityManager } from '@mikro-orm/core';
import { loadWorkingDayCalendar } from '../calendar/holiday-calendar';
import { ComplaintTask } from '../db/entities';
import { officeDateOf, WorkingDayCalendar } from '../domain/calendar';
import { isClosed } from '../domain/complaint-rules';
import { shortText } from '../domain/format';
import type { ReportPeriod } from '../domain/reporting';
import { STAGE_LABELS, STAGES } from '../domain/stage-deadlines';
import { OPEN_STAGES, STATUS_LABELS } from '../domain/status-labels';
import { TIMELINE_EVENT_LABELS } from '../domain/timeline-labels';
import { UNIT_LABELS, type Unit } from '../domain/units';
import {
  buildSatisfactionRecap,
  emptySatisfactionRecap,
  type SatisfactionRecap,
} from './satisfaction-report';

/** The timeline events that are a follow-up of the case (not its registration or the clock's). */
export const FOLLOW_UP_EVENTS = [
  'TRIAGED',
  'REJECTED_AT_TRIAGE',
  'TASK_COMPLETED',
  'RECATEGORISED',
  'ESCALATED',
  'DECIDED',
  'RESPONDED',
  'FORWARDED',
] as const;

/** Longest subject (description excerpt) in the list. */
export const SUMMARY_MAX_CHARS = 140;

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
  /** forwarded: closed as FORWARDED (sent to another agency, "bukan wewenang"), counted apart. */
  outcome: {
    resolvedOnTime: number;
    resolvedLate: number;
    open: number;
    rejected: number;
    forwarded: number;
  };
  /** The forwarded cases (outcome.forwarded) by the agency they went to (its code; most first). */
  forwardedTo: CountBy[];
  /**
   * The open cases (outcome.open) as of generatedAt: how many are past their deadline, and how many
   * wait in each stage (every open status, in order, with its label; zeros included).
   */
  openCases: OpenCases;
  /**
   * Stage deadlines missed by the complaints received in the period (STAGE_BREACHED events, as of
   * generatedAt): in all, per stage (TRIAGE, TASK, DECISION; zeros included) and per unit (tasks).
   */
  stageBreaches?: StageBreaches;
  /** Share of resolved complaints answered within 10 working days, 0..1 (null when none resolved). */
  slaCompliance: number | null;
  resolutionWorkingDays: { average: number | null; median: number | null };
  units: { unit: string; received: number; completed: number; medianWorkingDays: number | null }[];
  berat: { cases: number; decisions: CountBy[] };
  trend: { month: string; received: number; resolvedOnTime: number; resolvedLate: number }[];
  /** The complainants' ratings given in the period, per month and per unit (satisfaction-report.ts). */
  satisfaction: SatisfactionRecap;
  complaints: {
    registerNumber: string;
    receivedAt: string;
    channel: string;
    category: string | null;
    status: string;
    dueAt: string | null;
    closedAt: string | null;
    /** Deadline missed: closed after it, or still open past it at generatedAt. */
    overdue: boolean;
    /** The response, the reason of a rejection, or where a forwarded case went and why. */
    followUp: string | null;
    /** The subject: the start of the description (SUMMARY_MAX_CHARS). */
    summary: string | null;
    /** Names, not codes. */
    kecamatan: string | null;
    kelurahan: string | null;
    /** The latest follow-up on the timeline (FOLLOW_UP_EVENTS), with a completed task's outcome. */
    latestFollowUp: string | null;
    latestFollowUpAt: string | null;
    /** When the complainant objected (keberatan; the case was reopened), if they did. */
    objectedAt: string | null;
  }[];
  /**
   * Objections (keberatan) filed in the period, by the WIB date they were filed; null in reports
   * stored before objections were counted.
   */
  objections: RecapObjections | null;
}

export interface RecapObjections {
  filed: number;
  /** Each month of the period, zeros included. */
  byMonth: { month: string; count: number }[];
  /** What the objection was against: the answer (RESOLVED) or the rejection (REJECTED). */
  byPreviousStatus: CountBy[];
}

export interface StageBreaches {
  total: number;
  byStage: { stage: string; label: string; count: number }[];
  byUnit: { unit: string; count: number }[];
}

/** Counts the breaches (each event's details: stage, unit). */
export function stageBreachesOf(details: Record<string, unknown>[]): StageBreaches {
  const byUnit = new Map<string, number>();
  for (const d of details)
    if (d.stage === 'TASK' && typeof d.unit === 'string') byUnit.set(d.unit, (byUnit.get(d.unit) ?? 0) + 1);
  return {
    total: details.length,
    byStage: STAGES.map((stage) => ({
      stage,
      label: STAGE_LABELS[stage],
      count: details.filter((d) => d.stage === stage).length,
    })),
    byUnit: [...byUnit.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([unit, count]) => ({ unit, count })),
  };
}

export interface OpenCases {
  total: number;
  overdue: number;
  byStage: { status: string; label: string; count: number }[];
}

type ListedComplaint = RecapReport['complaints'][number];

/**
 * The open cases' figures from the list of complaints (which holds every complaint of the period):
 * so the counts and the list's overdue flags always agree.
 */
export function openCasesOf(complaints: Pick<ListedComplaint, 'status' | 'overdue'>[]): OpenCases {
  const open = complaints.filter((c) => !isClosed(c.status));
  return {
    total: open.length,
    overdue: open.filter((c) => c.overdue).length,
    byStage: OPEN_STAGES.map((status) => ({
      status,
      label: STATUS_LABELS[status],
      count: open.filter((c) => c.status === status).length,
    })),
  };
}

/**
 * A report stored before the open cases' figures and the list's subject, location and latest
 * follow-up existed, completed so that it reads (and renders) like a new one: the figures from its
 * list, the missing columns empty.
 */
export function completeRecapReport(report: RecapReport): RecapReport {
  const complaints = report.complaints.map((c) => ({
    ...c,
    summary: c.summary ?? null,
    kecamatan: c.kecamatan ?? null,
    kelurahan: c.kelurahan ?? null,
    latestFollowUp: c.latestFollowUp ?? null,
    latestFollowUpAt: c.latestFollowUpAt ?? null,
    objectedAt: c.objectedAt ?? null,
  }));
  return {
    ...report,
    complaints,
    openCases: report.openCases ?? openCasesOf(complaints),
    // Stored before forwarding existed: none was forwarded.
    outcome: { ...report.outcome, forwarded: report.outcome.forwarded ?? 0 },
    forwardedTo: report.forwardedTo ?? [],
    satisfaction: report.satisfaction ?? emptySatisfactionRecap(report.trend.map((t) => t.month)),
    objections: report.objections ?? null,
    // Reports stored before stage deadlines counted none.
    stageBreaches: report.stageBreaches ?? stageBreachesOf([]),
  };
}

function detailsOf(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return value as Record<string, unknown>;
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
    `select c.id, c.register_number, c.received_at, c.channel, c.category, c.status, c.due_at, c.closed_at,
           c.response, c.rejection_reason, c.description, c.objected_at, kc.name as kecamatan_name, kl.name as kelurahan_name
         from complaint c
         left join area kc on kc.code = c.kecamatan
         left join area kl on kl.code = c.kelurahan
         where ${inPeriod} order by c.received_at, c.register_number`,
    range,
  );
  // The latest follow-up event of each complaint of the period (one row per complaint).
  const followUps = await q<{ complaint_id: string; type: string; at: unknown; details: unknown }>(
    `select x.complaint_id, x.type, x.at, x.details from (
         select e.complaint_id, e.type, e.at, e.details,
                row_number() over (partition by e.complaint_id order by e.at desc, e.id desc) as rn
           from audit_event e join complaint c on c.id = e.complaint_id
           where ${inPeriod} and e.type in (${FOLLOW_UP_EVENTS.map(() => '?').join(', ')})
       ) x where x.rn = 1`,
    [...range, ...FOLLOW_UP_EVENTS],
  );
  // Objections filed in the period (few: one per complaint at most), counted per WIB month here.
  const objected = await q<{ objected_at: unknown; previous_outcome: unknown }>(
    'select c.objected_at, c.previous_outcome from complaint c where c.objected_at >= ? and c.objected_at < ?',
    range,
  );
  const breaches = await q<{ details: unknown }>(
    `select e.details from audit_event e join complaint c on c.id = e.complaint_id
         where ${inPeriod} and e.type = 'STAGE_BREACHED'`,
    range,
  );
  const completedTaskIds = followUps.flatMap((f) => {
    const taskId = f.type === 'TASK_COMPLETED' ? detailsOf(f.details).taskId : undefined;
    return typeof taskId === 'string' ? [taskId] : [];
  });
  const tasks = completedTaskIds.length
    ? await em
        .fork()
        .find(ComplaintTask, { id: { $in: completedTaskIds } }, { fields: ['id', 'unit', 'outcome'] })
    : [];
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const latestFollowUp = new Map(
    followUps.map((f) => {
      const details = detailsOf(f.details);
      let text = TIMELINE_EVENT_LABELS[f.type] ?? f.type;
      const task = typeof details.taskId === 'string' ? taskById.get(details.taskId) : undefined;
      if (f.type === 'FORWARDED') text = forwardedText(details);
      if (f.type === 'TASK_COMPLETED' && task) {
        const unit = UNIT_LABELS[task.unit as Unit] ?? task.unit;
        text = `${text} (${unit})${task.outcome ? `: ${shortText(task.outcome, SUMMARY_MAX_CHARS)}` : ''}`;
      }
      const agency = f.type === 'FORWARDED' && typeof details.agency === 'string' ? details.agency : null;
      return [String(f.complaint_id), { text, at: toDate(f.at)!.toISOString(), agency }] as const;
    }),
  );

  const satisfaction = await buildSatisfactionRecap(
    q,
    range,
    (column) => wibDate(dialect, column),
    period.months.map((m) => `${period.year}-${String(m).padStart(2, '0')}`),
  );

  const count = (rows: { n: number | string }[]) => rows.reduce((s, r) => s + Number(r.n), 0);
  const outcome = { resolvedOnTime: 0, resolvedLate: 0, open: 0, rejected: 0, forwarded: 0 };
  for (const r of outcomes) {
    const n = Number(r.n);
    if (r.status === 'RESOLVED' && Number(r.on_time) === 1) outcome.resolvedOnTime += n;
    else if (r.status === 'RESOLVED') outcome.resolvedLate += n;
    else if (r.status === 'REJECTED') outcome.rejected += n;
    else if (r.status === 'FORWARDED') outcome.forwarded += n;
    else outcome.open += n;
  }
  const resolved = outcome.resolvedOnTime + outcome.resolvedLate;
  const trendByMonth = new Map(trend.map((t) => [t.month, t]));
  const complaints: ListedComplaint[] = list.map((r) => {
    const status = String(r.status);
    const dueAt = toDate(r.due_at);
    const closedAt = toDate(r.closed_at);
    const followUp = latestFollowUp.get(String(r.id));
    return {
      registerNumber: String(r.register_number),
      receivedAt: toDate(r.received_at)!.toISOString(),
      channel: String(r.channel),
      category: (r.category as string | null) ?? null,
      status,
      dueAt: dueAt?.toISOString() ?? null,
      closedAt: closedAt?.toISOString() ?? null,
      overdue: dueAt !== null && (isClosed(status) ? (closedAt ?? now) : now).getTime() > dueAt.getTime(),
      followUp:
        status === 'FORWARDED'
          ? (followUp?.text ?? null)
          : (((status === 'REJECTED' ? r.rejection_reason : r.response) as string | null) ?? null),
      summary: r.description ? shortText(String(r.description), SUMMARY_MAX_CHARS) : null,
      kecamatan: (r.kecamatan_name as string | null) ?? null,
      kelurahan: (r.kelurahan_name as string | null) ?? null,
      latestFollowUp: followUp?.text ?? null,
      latestFollowUpAt: followUp?.at ?? null,
      objectedAt: toDate(r.objected_at)?.toISOString() ?? null,
    };
  });

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
    forwardedTo: forwardedToOf(list, latestFollowUp),
    complaints,
    openCases: openCasesOf(complaints),
    satisfaction,
    objections: objectionsOf(objected, period),
    stageBreaches: stageBreachesOf(breaches.map((b) => detailsOf(b.details))),
  };
}

/** The objections filed in the period: how many, per month, and against what. */
function objectionsOf(
  rows: { objected_at: unknown; previous_outcome: unknown }[],
  period: ReportPeriod,
): RecapObjections {
  const months = rows.map((r) => officeDateOf(toDate(r.objected_at)!).slice(0, 7));
  const previous = rows.map((r) => String(detailsOf(r.previous_outcome).status ?? 'RESOLVED'));
  return {
    filed: rows.length,
    byMonth: period.months.map((m) => {
      const month = `${period.year}-${String(m).padStart(2, '0')}`;
      return { month, count: months.filter((x) => x === month).length };
    }),
    byPreviousStatus: [...new Set(previous)].sort().map((key) => ({
      key,
      count: previous.filter((p) => p === key).length,
    })),
  };
}

/** "Diteruskan ke <instansi> (surat <nomor>): <alasan>", from a FORWARDED event's details. */
export function forwardedText(details: Record<string, unknown>): string {
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const agency = text(details.agencyName) ?? text(details.agency) ?? 'instansi lain';
  const letter = text(details.letterNumber);
  const reason = text(details.reason);
  return `Diteruskan ke ${agency}${letter ? ` (surat ${letter})` : ''}${reason ? `: ${shortText(reason, SUMMARY_MAX_CHARS)}` : ''}`;
}

/** The forwarded complaints of the list by the agency they went to, most first, then by code. */
function forwardedToOf(
  list: Record<string, unknown>[],
  followUps: Map<string, { agency: string | null }>,
): CountBy[] {
  const counts = new Map<string, number>();
  for (const r of list) {
    if (r.status !== 'FORWARDED') continue;
    const key = followUps.get(String(r.id))?.agency ?? 'TIDAK_DIKETAHUI';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
