// jest setup for suites that run Temporal workers: only warnings and errors from the SDK.
import { DefaultLogger, Runtime } from '@temporalio/worker';

try {
  Runtime.install({ logger: new DefaultLogger((process.env.TEMPORAL_TEST_LOG_LEVEL as 'WARN') ?? 'WARN') });
} catch {
  // Already installed by an earlier test file in this jest worker process.
}
