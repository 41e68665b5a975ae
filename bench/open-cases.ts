/**
 * Open cases at scale: BENCH_COMPLAINTS (default 10,000) SEDANG complaints registered and triaged
 * through the API, left open: 8 open tasks each and a pending deadline timer each. Then:
 * - the worker's memory (RSS now and at its peak), goal under 1 GiB;
 * - the inbox query `GET /api/tasks?status=OPEN` of one unit (every complaint has a task there),
 *   p50/p95 over 200 calls, goal p95 under 50 ms; a kelurahan official's inbox (area filter) too.
 * Before the setup, its floor on the same server: what Temporal alone does at the same concurrency
 * when each "complaint" is a bare workflow start and one bare Update (the probe workflow, no
 * activities, no timers, no API), BENCH_FLOOR of them (default min(BENCH_COMPLAINTS, 2,000)).
 *
 *   npm run bench -- open-cases     (BENCH_DB=postgresql for PostgreSQL)
 */
import './env';
import fs from 'node:fs';
import { staffComplaint } from '../test/helpers/e2e';
import { touchUpdate, updateProbe } from './probe.workflows';
import { machine, percentile, type Stack, startProbeWorker, startStack, waitFor } from './stack';

const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 10_000);
const CONCURRENCY = 16;
const INBOX_CALLS = 200;
const FLOOR = Number(process.env.BENCH_FLOOR ?? Math.min(COMPLAINTS, 2_000));

/** CPU seconds (user + system) a process has used so far; NaN when it is not there. */
function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds the whole machine has been busy (everything but idle and iowait). */
function machineBusySeconds(): number {
  const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = ticks.map(Number);
  return (n.reduce((a, b) => a + b, 0) - n[3] - n[4]) / 100;
}

/** Runs `one` COUNT times over CONCURRENCY loops; the rate per second. */
async function rateOf(count: number, one: () => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next++;
        await one();
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/**
 * The setup's floor: bare starts, each followed by one bare Update, on the same server and at the
 * same concurrency (the probe's worker in this process). The probe workflows stay open, as the
 * complaints do.
 */
async function floorRate(stack: Stack): Promise<number> {
  const { taskQueue, stop } = await startProbeWorker(stack);
  let n = 0;
  const one = async () => {
    const probe = await stack.client.workflow.start(updateProbe, {
      taskQueue,
      workflowId: `${taskQueue}-${n++}`,
    });
    await probe.executeUpdate(touchUpdate, { args: [1] });
  };
  await rateOf(Math.min(50, FLOOR), one); // warm-up: the worker's bundle, connections
  const rate = await rateOf(FLOOR, one);
  await stop();
  return rate;
}

function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

async function main() {
  const stack = await startStack({ worker: true });
  const worker = stack.worker!;
  try {
    const tokens = Object.fromEntries(
      await Promise.all(
        ['loket', 'pengaduan', 'perizinan', 'kel-16.74.01.1007'].map(
          async (u) => [u, await stack.token(u)] as const,
        ),
      ),
    );
    const call = async (method: string, path: string, user: string, body?: unknown) => {
      const res = await fetch(`${stack.apiUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[user]}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };

    const floor = FLOOR > 0 ? await floorRate(stack) : Number.NaN;

    const processes = {
      worker: worker.pid,
      api: stack.api.pid,
      'Temporal server': stack.server.process?.pid,
    };
    const cpuBefore = Object.fromEntries(Object.entries(processes).map(([k, pid]) => [k, cpuSecondsOf(pid)]));
    const busyBefore = machineBusySeconds();
    const started = performance.now();
    let done = 0;
    await rateOf(COMPLAINTS, async () => {
      const created = await call('POST', '/api/complaints', 'loket', staffComplaint());
      await call('POST', `/api/complaints/${created.id}/triage`, 'pengaduan', { category: 'SEDANG' });
      if (++done % 1000 === 0)
        console.log(`${done} complaints open (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    });
    // Every triage has been answered; wait for the last task rows, then let the worker settle.
    await waitFor(
      async () =>
        Number((await call('GET', '/api/tasks?status=OPEN&pageSize=1', 'perizinan')).total) >= COMPLAINTS,
      600_000,
      1000,
    );
    const setupSeconds = (performance.now() - started) / 1000;
    const cpuPerComplaint = Object.entries(processes).map(
      ([k, pid]) => `${k} ${(((cpuSecondsOf(pid) - cpuBefore[k]) / COMPLAINTS) * 1000).toFixed(1)} ms`,
    );
    const busyPerComplaint = ((machineBusySeconds() - busyBefore) / COMPLAINTS) * 1000;
    await new Promise((r) => setTimeout(r, 10_000));
    const memory = memoryOf(worker.pid!);

    const inbox = async (user: string) => {
      const ms: number[] = [];
      for (let i = 0; i < INBOX_CALLS; i++) {
        const t0 = performance.now();
        await call('GET', '/api/tasks?status=OPEN', user);
        ms.push(performance.now() - t0);
      }
      return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
    };
    const unitInbox = await inbox('perizinan');
    const areaInbox = await inbox('kel-16.74.01.1007');
    const openTasks = Number((await call('GET', '/api/tasks?status=OPEN&pageSize=1', 'perizinan')).total);

    console.log(`machine: ${machine()}; database: ${stack.kind}`);
    console.log(
      `setup: ${COMPLAINTS} SEDANG complaints registered and triaged through the API in ${setupSeconds.toFixed(0)} s (${(COMPLAINTS / setupSeconds).toFixed(0)}/s); ${COMPLAINTS * 8} open tasks, ${openTasks} in BIDANG_PERIZINAN`,
    );
    console.log(
      `CPU per complaint during the setup: ${cpuPerComplaint.join(', ')}; the whole machine ${busyPerComplaint.toFixed(1)} ms (the rest: the database, the load generator)`,
    );
    console.log(
      `floor: ${FLOOR} bare workflow starts, each with one bare Update, at the same concurrency: ${floor.toFixed(0)}/s; the setup ran at ${((COMPLAINTS / setupSeconds / floor) * 100).toFixed(0)}% of it`,
    );
    console.log(
      `worker memory: RSS ${memory.rssMiB.toFixed(0)} MiB, peak ${memory.peakMiB.toFixed(0)} MiB (goal < 1024 MiB)`,
    );
    console.log(
      `inbox GET /api/tasks?status=OPEN (BIDANG_PERIZINAN, ${openTasks} open): p50 ${unitInbox.p50.toFixed(1)} ms, p95 ${unitInbox.p95.toFixed(1)} ms (goal p95 < 50 ms)`,
    );
    console.log(
      `inbox of a kelurahan official (area filter): p50 ${areaInbox.p50.toFixed(1)} ms, p95 ${areaInbox.p95.toFixed(1)} ms`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
