import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '../config/config';
import { temporalDataConverter } from './payload-codec';

export { temporalDataConverter };

/** A client of the configured Temporal whose payloads are encrypted (src/temporal/payload-codec.ts). */
export async function connectTemporalClient(config: AppConfig): Promise<Client> {
  const connection = await Connection.connect({ address: config.temporal.address });
  return new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: temporalDataConverter(config),
  });
}
