// The Temporal worker process: runs complaint workflows and their activities.
// Startable on its own against any Temporal (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE).
import { makeTelemetryFilterString, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createComplaintActivities, createReportActivities } from '../../activities';
import { loadConfigOrExit } from '../config/config';
import { createOrm } from '../db/orm';
import { createLogger } from '../logger';
import { LogNotificationAdapter, OutboxDispatcher } from '../notifications/outbox-dispatcher';
import { connectTemporalClient } from '../temporal/connection';
import { ensureRecapSchedule, RECAP_SCHEDULE_ID } from '../temporal/recap-schedule';
import { WorkflowReconciler } from './workflow-reconciler';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger('worker', config.logLevel);
  Runtime.install({
    logger: {
      log: (level, message, meta) =>
        log[level === 'TRACE' ? 'trace' : (level.toLowerCase() as 'info')]({ ...meta }, message),
      trace: (m, meta) => log.trace(meta, m),
      debug: (m, meta) => log.debug(meta, m),
      info: (m, meta) => log.info(meta, m),
      warn: (m, meta) => log.warn(meta, m),
      error: (m, meta) => log.error(meta, m),
    },
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) },
      // The SDK's worker metrics (task slots, latencies, failures) for Prometheus, at /metrics.
      ...(config.workerMetricsAddress
        ? { metrics: { prometheus: { bindAddress: config.workerMetricsAddress } } }
        : {}),
    },
  });

  const orm = await createOrm(config);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowsPath: require.resolve('../../workflows'),
    activities: { ...createComplaintActivities({ orm, log }), ...createReportActivities({ orm, log }) },
    // On SIGTERM/SIGINT (the Runtime's default shutdown signals) the worker stops polling and lets
    // running activities finish; only past this grace time are they cancelled (and retried elsewhere).
    shutdownGraceTime: config.shutdownGraceMs,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
  });
  const outbox = new OutboxDispatcher(orm, new LogNotificationAdapter(log), log);
  outbox.start();
  const client = await connectTemporalClient(config);
  const reconciler = new WorkflowReconciler(orm, client, config.temporal.taskQueue, log);
  reconciler.start();
  // The monthly/semester recap reports' schedule (idempotent: every worker start keeps it current).
  // A failure here must not stop complaint handling: it is logged and retried at the next start.
  try {
    const result = await ensureRecapSchedule(client, config.temporal.taskQueue);
    log.info({ schedule: RECAP_SCHEDULE_ID, result }, 'recap schedule ready');
  } catch (err) {
    log.error({ err, schedule: RECAP_SCHEDULE_ID }, 'could not create or update the recap schedule');
  }
  log.info(
    {
      address: config.temporal.address,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
    },
    'worker started',
  );
  try {
    await worker.run();
    log.info('worker drained');
  } finally {
    await outbox.stop();
    await reconciler.stop();
    await client.connection.close();
    await connection.close();
    await orm.close();
    log.info('worker stopped');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
