/**
 * The monthly recap report over 1,000,000 complaints in PostgreSQL (goal: under 2 s on this machine).
 * Fills a fresh database with BENCH_COMPLAINTS complaints spread over 24 months (2025-2026), two tasks
 * each and a decision for every BERAT case, then builds October 2026's report with the code the API
 * and the schedule use, next to a floor: a bare COUNT(*) of the same month.
 *
 *   npm run bench -- report-monthly      (PostgreSQL: DATABASE_URL or the local server)
 */
process.env.BENCH_DB = 'postgresql';

import './env';
import { monthlyPeriod } from '../src/domain/reporting';
import { buildRecapReport } from '../src/reports/recap-report';
import { createTestDatabase } from '../test/helpers/databases';
import { machine, median } from './stack';

const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 1_000_000);
const RUNS = 5;

async function main() {
  const db = await createTestDatabase('postgresql');
  try {
    const conn = db.orm.em.getConnection();
    let t0 = performance.now();
    await conn.execute(`
      insert into complaint (id, register_number, tracking_code, workflow_id, channel, complainant_name, description,
        evidence, received_at, category, status, due_at, overdue, closed_at, response, rejection_reason, created_at, updated_at)
      select md5(g::text), 'B' || g, 'T' || g, 'pengaduan-bench-' || g,
        (array['TATAP_MUKA','TELEPON','FAKSIMILE','EMAIL','WEBSITE','SURAT'])[1 + g % 6], 'Warga', 'Uraian', '["Foto"]',
        r, case when g % 10 = 0 then null else (array['RINGAN','SEDANG','BERAT'])[1 + g % 3] end,
        case g % 10 when 0 then 'REJECTED' when 1 then 'IN_PROGRESS' else 'RESOLVED' end,
        r + interval '14 days', false,
        case g % 10 when 0 then r + interval '1 day' when 1 then null else r + (g % 20) * interval '1 day' end,
        case when g % 10 > 1 then 'Ditindaklanjuti.' end, case when g % 10 = 0 then 'Di luar lingkup.' end, r, r
      from (select g, timestamptz '2025-01-01 00:00+07' + (g % 730) * interval '1 day' + (g % 600) * interval '1 minute' as r
            from generate_series(1, ${COMPLAINTS}) g) s`);
    await conn.execute(`
      insert into complaint_task (id, complaint_id, round, unit, status, completed_at, created_at)
      select c.id || ':1:' || u.unit, c.id, 1, u.unit,
        case when c.closed_at is not null then 'DONE' else 'OPEN' end,
        case when c.closed_at is not null then c.received_at + interval '2 days' end, c.received_at + interval '1 hour'
      from complaint c cross join (values ('LOKET'), ('SEKSI_PENGADUAN')) as u(unit)`);
    await conn.execute(`
      insert into decision (id, complaint_id, round, escalated_at, decision, decided_at)
      select c.id || ':decision:1', c.id, 1, c.received_at,
        (array['APPROVE','REJECT','FURTHER_STUDY'])[1 + (ascii(c.id) % 3)], c.received_at + interval '3 days'
      from complaint c where c.category = 'BERAT'`);
    await conn.execute('analyze');
    const loadSeconds = (performance.now() - t0) / 1000;

    const period = monthlyPeriod(2026, 10);
    const reportMs: number[] = [];
    const countMs: number[] = [];
    let received = 0;
    for (let i = 0; i < RUNS; i++) {
      t0 = performance.now();
      const report = await buildRecapReport(db.orm.em.fork(), period);
      reportMs.push(performance.now() - t0);
      received = report.received;
      t0 = performance.now();
      await conn.execute('select count(*) from complaint where received_at >= ? and received_at < ?', [
        period.from,
        period.to,
      ]);
      countMs.push(performance.now() - t0);
    }
    const r = median(reportMs);
    const c = median(countMs);
    console.log(
      `machine: ${machine()}; PostgreSQL; loaded ${COMPLAINTS} complaints (+${2 * COMPLAINTS} tasks) in ${loadSeconds.toFixed(0)} s`,
    );
    console.log(
      `monthly report ${period.label} (${received} complaints in the month, list included): median ${r.toFixed(0)} ms over ${RUNS} runs (runs: ${reportMs.map((m) => m.toFixed(0)).join(', ')}) (goal < 2000 ms)`,
    );
    console.log(
      `baseline COUNT(*) of the month: median ${c.toFixed(1)} ms | report/baseline ${(r / c).toFixed(0)}x`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
