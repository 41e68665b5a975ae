import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '../../config/config';
import { ComplaintWorkflows, complaintWorkflowsFor } from '../../temporal/complaint-workflows';
import { temporalDataConverter } from '../../temporal/payload-codec';
import { APP_CONFIG } from '../common/config.module';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * The Temporal client and the gateway to complaint workflows built on it. Connects lazily so the API starts (and /health can say what is wrong) while
 * Temporal is still coming up or down.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Client({
          connection: Connection.lazy({ address: config.temporal.address, connectTimeout: '3s' }),
          namespace: config.temporal.namespace,
          // Payloads encrypted (src/temporal/payload-codec.ts); the Web UI decodes through /codec.
          dataConverter: temporalDataConverter(config),
        }),
    },
    {
      provide: ComplaintWorkflows,
      inject: [TEMPORAL_CLIENT, APP_CONFIG],
      useFactory: (client: Client, config: AppConfig) => complaintWorkflowsFor(client, config),
    },
  ],
  exports: [TEMPORAL_CLIENT, ComplaintWorkflows],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
