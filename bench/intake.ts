/**
 * Intake throughput: `POST /api/complaints` (validation, auth, the record with its register number and
 * deadline, then the workflow start) against the raw Temporal client's `workflow.start` of the same
 * workflow on the same dev server, side by side. Goal (issue 13): the API reaches at least 65% of the raw rate.
 *
 *   npm run bench -- intake          (BENCH_DB=postgresql for PostgreSQL; BENCH_SECONDS, BENCH_CONNECTIONS)
 *
 * No worker runs: both sides measure the start path, not the workflow's own work.
 */
import './env';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { Complaint } from '../src/db/entities';
import { gateway } from '../test/helpers/backend';
import { staffComplaint } from '../test/helpers/e2e';
import { closedLoop, machine, median, startStack } from './stack';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

async function main() {
  const stack = await startStack();
  try {
    const token = await stack.token('loket');
    const body = JSON.stringify(staffComplaint());

    // What the API sends to Temporal for one complaint, minus everything the API adds.
    const workflows = gateway(stack.client, stack.taskQueue);
    let n = 0;
    const rawStart = () => {
      n++;
      const complaint = {
        id: randomUUID(),
        registerNumber: `9999/01/${n}`,
        workflowId: `bench-raw-${process.pid}-${n}`,
        channel: 'EMAIL',
        complainantName: 'Budi Santoso',
        receivedAt: new Date(),
        kecamatan: '16.74.01',
        kelurahan: '16.74.01.1007',
      } as unknown as Complaint;
      return workflows.start(complaint);
    };
    const api = async (seconds: number) => {
      const result = await autocannon({
        url: `${stack.apiUrl}/api/complaints`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: seconds,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`API answered ${result.non2xx} non-2xx and ${result.errors} errors`);
      return { rate: result.requests.total / seconds, p50: result.latency.p50, p99: result.latency.p99 };
    };
    const raw = async (seconds: number) => {
      const r = await closedLoop(CONNECTIONS, seconds * 1000, rawStart);
      if (r.errors > 0) throw new Error(`${r.errors} raw starts failed`);
      return { rate: r.count / r.seconds };
    };

    // Warm-up (JIT, connection pools, SQLite page cache), then alternate to share any drift.
    await raw(2);
    await api(2);
    const rawRates: number[] = [];
    const apiRates: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const r = await raw(SECONDS);
      const a = await api(SECONDS);
      rawRates.push(r.rate);
      apiRates.push(a.rate);
      console.log(
        `round ${round}: raw workflow.start ${r.rate.toFixed(0)}/s, API POST /api/complaints ${a.rate.toFixed(0)}/s (p50 ${a.p50} ms, p99 ${a.p99} ms)`,
      );
    }
    const rawRate = median(rawRates);
    const apiRate = median(apiRates);
    console.log(
      `machine: ${machine()}; database: ${stack.kind}; ${CONNECTIONS} connections, ${SECONDS} s x ${ROUNDS}`,
    );
    console.log(
      `intake: raw workflow.start ${rawRate.toFixed(0)}/s | API ${apiRate.toFixed(0)}/s | ratio ${((100 * apiRate) / rawRate).toFixed(0)}% (goal >= 65%)`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
