// The Temporal worker process: runs complaint workflows and their activities.
// Startable on its own against any Temporal (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE).
import type { Client } from '@temporalio/client';
import {
  bundleWorkflowCode,
  makeTelemetryFilterString,
  NativeConnection,
  Runtime,
  Worker,
} from '@temporalio/worker';
import {
  createComplaintActivities,
  createReportActivities,
  createRetentionActivities,
} from '../../activities';
import { loadConfigOrExit } from '../config/config';
import { createOrm } from '../db/orm';
import { createLogger } from '../logger';
import { createNotificationDispatcher } from '../notifications';
import { complaintWorkflowsFor } from '../temporal/complaint-workflows';
import { connectTemporalClient, temporalDataConverter } from '../temporal/connection';
import { ensureRecapSchedule, RECAP_SCHEDULE_ID } from '../temporal/recap-schedule';
import { ensureRetentionSchedule, RETENTION_SCHEDULE_ID } from '../temporal/retention-schedule';
import { retryTemporalCall } from '../temporal/retry';
import { HolidayListWatch } from './holiday-list-watch';
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
  // Temporal may be down or restarting when the worker starts (a deploy, a host reboot): the worker
  // waits for it instead of exiting, and a SIGTERM meanwhile ends the wait.
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, stop);
  const keepTrying = () => !stopping;
  // Bundled once, so that waiting for Temporal does not repeat the slowest step.
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: config.workerWorkflowsPath ?? require.resolve('../../workflows'),
    logger: Runtime.instance().logger,
  });
  let started: { connection: NativeConnection; worker: Worker; client: Client };
  try {
    started = await retryTemporalCall(
      'connecting the worker to Temporal',
      async () => {
        // The worker is created last: once created it holds the native connection, which then can
        // no longer be closed if a later step failed.
        const client = await connectTemporalClient(config);
        let connection: NativeConnection | undefined;
        try {
          connection = await NativeConnection.connect({ address: config.temporal.address });
          const worker = await Worker.create({
            connection,
            namespace: config.temporal.namespace,
            taskQueue: config.temporal.taskQueue,
            workflowBundle,
            // Payloads encrypted as the API's client encrypts them (src/temporal/payload-codec.ts).
            dataConverter: temporalDataConverter(config),
            activities: {
              ...createComplaintActivities({ orm, log }),
              ...createReportActivities({ orm, log }),
              ...createRetentionActivities({
                orm,
                log,
                dataDir: config.dataDir,
                retentionYears: config.personalDataRetentionYears,
                logRetentionYears: config.logRetentionYears,
              }),
            },
            // On SIGTERM/SIGINT (the Runtime's default shutdown signals) the worker stops polling and
            // lets running activities finish; only past this grace time are they cancelled (and
            // retried elsewhere).
            shutdownGraceTime: config.shutdownGraceMs,
            maxCachedWorkflows: config.workerMaxCachedWorkflows,
          });
          return { connection, worker, client };
        } catch (err) {
          await connection?.close().catch(() => undefined);
          await client.connection.close().catch(() => undefined);
          throw err;
        }
      },
      { log, keepTrying },
    );
  } catch (err) {
    await orm.close();
    if (stopping) {
      log.info('stopped before Temporal could be reached');
      return;
    }
    throw err;
  }
  const { connection, worker, client } = started;
  const { dispatcher: outbox, mailer } = createNotificationDispatcher(orm, config.notifications, log);
  outbox.start();
  const reconciler = new WorkflowReconciler(orm, complaintWorkflowsFor(client, config), log);
  reconciler.start();
  // From 1 November, next year's missing holiday list: one notification to the admins per year.
  const holidayLists = new HolidayListWatch(orm, log);
  holidayLists.start();
  // The monthly/semester recap reports' schedule (idempotent: every worker start keeps it current).
  // Complaint handling does not wait for it; a failure is retried a few times, then left to the
  // next start.
  // The same for the daily retention run (anonymising the personal data of long-closed complaints).
  const schedule = Promise.all([
    retryTemporalCall(
      'creating or updating the recap schedule',
      () => ensureRecapSchedule(client, config.temporal.taskQueue),
      { log, keepTrying, attempts: 8 },
    ).then(
      (result) => log.info({ schedule: RECAP_SCHEDULE_ID, result }, 'recap schedule ready'),
      (err) =>
        log.error({ err, schedule: RECAP_SCHEDULE_ID }, 'could not create or update the recap schedule'),
    ),
    retryTemporalCall(
      'creating or updating the retention schedule',
      () => ensureRetentionSchedule(client, config.temporal.taskQueue),
      { log, keepTrying, attempts: 8 },
    ).then(
      (result) => log.info({ schedule: RETENTION_SCHEDULE_ID, result }, 'retention schedule ready'),
      (err) =>
        log.error(
          { err, schedule: RETENTION_SCHEDULE_ID },
          'could not create or update the retention schedule',
        ),
    ),
  ]);
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
    stopping = true;
    await schedule;
    await outbox.stop();
    mailer.close();
    await reconciler.stop();
    await holidayLists.stop();
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
