import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AppConfig } from '../../config/config';
import { HealthRepository } from '../../db/repositories/health.repository';
import { ComplaintWorkflows } from '../../temporal/complaint-workflows';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG } from '../common/config.module';

interface Check {
  status: 'up' | 'down';
  detail?: string;
  latencyMs?: number;
}

async function timed(probe: () => Promise<string | undefined>, timeoutMs = 3000): Promise<Check> {
  const start = Date.now();
  try {
    const detail = await Promise.race([
      probe(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { status: 'up', detail, latencyMs: Date.now() - start };
  } catch (err) {
    return {
      status: 'down',
      detail: err instanceof Error ? err.message : String(err),
      latencyMs: Date.now() - start,
    };
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: HealthRepository,
    @Inject(ComplaintWorkflows) private readonly workflows: ComplaintWorkflows,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The database and Temporal both answer.' })
  @ApiServiceUnavailableResponse({ description: 'The database or Temporal does not answer.' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, temporal] = await Promise.all([
      timed(async () => {
        await this.database.ping();
        return this.config.database.kind;
      }),
      timed(async () => {
        await this.workflows.ping(this.config.temporal.namespace);
        return `${this.config.temporal.address}/${this.config.temporal.namespace}`;
      }),
    ]);
    const ok = database.status === 'up' && temporal.status === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', checks: { database, temporal } };
  }
}
