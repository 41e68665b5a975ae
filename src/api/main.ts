// The HTTP API process. Startable on its own against an existing Temporal and database.
import 'reflect-metadata';
import type { Server } from 'node:http';
import { loadConfigOrExit } from '../config/config';
import { createLogger } from '../logger';
import { createApp } from './app.factory';
import { InFlightRequests } from './common/in-flight-requests';

async function main() {
  const config = loadConfigOrExit();
  const log = createLogger('api', config.logLevel);
  const app = await createApp(config);
  await app.listen(config.port, config.host);

  // Graceful shutdown: on SIGTERM (docker stop, a rolling update) the server stops accepting
  // connections, lets every request already received finish (an intake, a task completion waiting for
  // its workflow Update) and closes idle keep-alive connections; then the database and Temporal
  // connections close. Past the grace period the process stops anyway, with exit code 1.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceMs: config.shutdownGraceMs }, 'draining in-flight requests');
    setTimeout(() => {
      log.error('requests still in flight after the grace period; stopping anyway');
      process.exit(1);
    }, config.shutdownGraceMs).unref();
    // Stop accepting and wait for open connections; then for handlers whose client already left.
    const server: Server = app.getHttpServer();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const inFlight = app.get(InFlightRequests);
    if (inFlight.count > 0) log.info({ handlers: inFlight.count }, 'waiting for request handlers to finish');
    await inFlight.idle();
    await app.close();
    log.info('api stopped');
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
