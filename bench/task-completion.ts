/**
 * Task completion latency: `POST /api/tasks/:id/complete` (auth, the task and complaint checks, then
 * the workflow Update that records the completion) against two baselines on the same server, taken
 * in turn so that each sees the same load: a raw `executeUpdate` of the same Update (our workflow and
 * activities, no API), and a bare Update of a probe workflow that only changes its own state (what
 * Temporal itself costs). Goal (issue 13): API p50 <= 2.5x and p99 <= 3x the bare Update.
 *
 *   npm run bench -- task-completion      (BENCH_DB=postgresql, BENCH_TASKS per side, default 100;
 *                                          BENCH_TRIAGES, default 40)
 */
import './env';
import { workflowIdForRegister } from '../src/temporal/ids';
import { staffComplaint } from '../test/helpers/e2e';
import { completeTaskUpdate } from '../workflows/complaint/definitions';
import { finishProbeSignal, touchUpdate, updateProbe } from './probe.workflows';
import { machine, percentile, startProbeWorker, startStack, waitFor } from './stack';

// 2 x 100 + 40 complaints: all within the worker's default cache of 250 workflows, as the open cases
// of an office this size are. A case not in the cache costs a replay of its history first.
const TASKS = Number(process.env.BENCH_TASKS ?? 100);
/** Triages of a SEDANG case (8 tasks opened) measured one by one, after the completions. */
const TRIAGES = Number(process.env.BENCH_TRIAGES ?? 40);
const UNIT = 'BIDANG_PERIZINAN';
const UNIT_USER = 'perizinan';

async function main() {
  const stack = await startStack({ worker: true });
  try {
    const [loket, pengaduan, perizinan] = await Promise.all(
      ['loket', 'pengaduan', UNIT_USER].map((u) => stack.token(u)),
    );
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await fetch(`${stack.apiUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };

    // Setup: 2 x TASKS SEDANG complaints, triaged, so each has an open BIDANG_PERIZINAN task.
    const complaints: { id: string; registerNumber: string }[] = [];
    for (let batch = 0; batch < (2 * TASKS) / 20; batch++) {
      const created = await Promise.all(
        Array.from({ length: 20 }, () => call('POST', '/api/complaints', loket, staffComplaint())),
      );
      await Promise.all(
        created.map((c) => call('POST', `/api/complaints/${c.id}/triage`, pengaduan, { category: 'SEDANG' })),
      );
      complaints.push(...(created as unknown as { id: string; registerNumber: string }[]));
    }
    const taskIds = complaints.map((c) => `${c.id}:1:${UNIT}`);
    const untriaged: string[] = [];
    for (let batch = 0; batch < TRIAGES / 20; batch++) {
      const created = await Promise.all(
        Array.from({ length: 20 }, () => call('POST', '/api/complaints', loket, staffComplaint())),
      );
      untriaged.push(...created.map((c) => String(c.id)));
    }
    await waitFor(async () => {
      const list = await call('GET', `/api/tasks?status=OPEN&pageSize=1`, perizinan);
      return Number(list.total) >= taskIds.length;
    }, 300_000);
    const workflowIdOf = new Map(complaints.map((c) => [c.id, workflowIdForRegister(c.registerNumber)]));

    // The bare-Update probe: its own task queue and an in-process worker on the same server.
    const probeWorker = await startProbeWorker(stack);
    const probe = await stack.client.workflow.start(updateProbe, {
      taskQueue: probeWorker.taskQueue,
      workflowId: probeWorker.taskQueue,
    });
    for (let i = 0; i < 20; i++) await probe.executeUpdate(touchUpdate, { args: [1] });
    const bareMs: number[] = [];

    const apiMs: number[] = [];
    const rawMs: number[] = [];
    // Alternate API and raw so both see the same state of the machine.
    for (let i = 0; i < TASKS; i++) {
      const apiTask = taskIds[2 * i];
      const rawTask = taskIds[2 * i + 1];
      let t0 = performance.now();
      await call('POST', `/api/tasks/${encodeURIComponent(apiTask)}/complete`, perizinan, {
        outcome: 'Berkas izin diperiksa ulang.',
      });
      apiMs.push(performance.now() - t0);

      const complaintId = rawTask.split(':')[0];
      const handle = stack.client.workflow.getHandle(workflowIdOf.get(complaintId)!);
      t0 = performance.now();
      await handle.executeUpdate(completeTaskUpdate, {
        args: [
          {
            actor: { username: UNIT_USER, unit: UNIT },
            taskId: rawTask,
            outcome: 'Berkas izin diperiksa ulang.',
          },
        ],
      });
      rawMs.push(performance.now() - t0);

      t0 = performance.now();
      await probe.executeUpdate(touchUpdate, { args: [1] });
      bareMs.push(performance.now() - t0);
    }
    // Triage of a SEDANG case: the record, eight tasks and their notifications before the answer.
    const triageMs: number[] = [];
    const triageBareMs: number[] = [];
    for (const id of untriaged) {
      let t0 = performance.now();
      await call('POST', `/api/complaints/${id}/triage`, pengaduan, { category: 'SEDANG' });
      triageMs.push(performance.now() - t0);
      t0 = performance.now();
      await probe.executeUpdate(touchUpdate, { args: [1] });
      triageBareMs.push(performance.now() - t0);
    }
    await probe.signal(finishProbeSignal);
    await probeWorker.stop();
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const [a50, a99, r50, r99, b50, b99] = [
      percentile(apiMs, 50),
      percentile(apiMs, 99),
      percentile(rawMs, 50),
      percentile(rawMs, 99),
      percentile(bareMs, 50),
      percentile(bareMs, 99),
    ];
    console.log(`machine: ${machine()}; database: ${stack.kind}; ${TASKS} completions per side`);
    console.log(`bare Update (probe workflow): p50 ${fmt(b50)}, p99 ${fmt(b99)}`);
    console.log(`raw executeUpdate of completeTask: p50 ${fmt(r50)}, p99 ${fmt(r99)}`);
    console.log(`API POST /api/tasks/:id/complete: p50 ${fmt(a50)}, p99 ${fmt(a99)}`);
    console.log(
      `API vs bare Update: p50 ${(a50 / b50).toFixed(2)}x, p99 ${(a99 / b99).toFixed(2)}x (goal p50 <= 2.5x, p99 <= 3x)`,
    );
    const [t50, t99, tb50] = [
      percentile(triageMs, 50),
      percentile(triageMs, 99),
      percentile(triageBareMs, 50),
    ];
    console.log(
      `API POST /api/complaints/:id/triage (SEDANG, 8 tasks; ${untriaged.length} cases): p50 ${fmt(t50)}, p99 ${fmt(t99)}; bare Update beside it p50 ${fmt(tb50)}`,
    );
    console.log(`API triage vs bare Update: p50 ${(t50 / tb50).toFixed(2)}x (goal <= 4x)`);
    console.log(
      `API vs raw completeTask Update: p50 ${(a50 / r50).toFixed(2)}x, p99 ${(a99 / r99).toFixed(2)}x`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
