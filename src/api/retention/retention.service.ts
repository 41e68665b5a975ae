import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../../config/config';
import { RetentionRepository } from '../../db/repositories/retention.repository';
import type { DueComplaint, RetentionCursor } from '../../db/retention';
import type { Principal } from '../auth/principal';
import { APP_CONFIG } from '../common/config.module';
import type { RetentionPreviewDto, RetentionRunDto } from './retention.dto';

/**
 * The admin's view of the retention of personal data: what the daily run (the retensi-data-pribadi
 * schedule) would anonymise, and the log rows it would delete, now; and running it at once. Both
 * use the same rule and code as the schedule's workflow (src/db/retention.ts), so a run here and the
 * schedule's never disagree, and either may follow the other: what is done is not done again.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly retention: RetentionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger(RetentionService.name) private readonly logger: PinoLogger,
  ) {}

  private get years(): number {
    return this.config.personalDataRetentionYears;
  }

  private get logYears(): number {
    return this.config.logRetentionYears;
  }

  async preview(now = new Date()): Promise<RetentionPreviewDto> {
    const due = await this.allDue(now);
    return {
      at: now.toISOString(),
      years: this.years,
      total: due.length,
      files: due.reduce((sum, c) => sum + c.files, 0),
      complaints: due.map((c) => ({
        registerNumber: c.registerNumber,
        status: c.status,
        closedAt: c.closedAt.toISOString(),
        dueSince: c.dueSince.toISOString(),
        files: c.files,
      })),
      logs: { years: this.logYears, ...(await this.retention.countExpiredLogs(now, this.logYears)) },
    };
  }

  async run(user: Principal, now = new Date()): Promise<RetentionRunDto> {
    const due = await this.allDue(now);
    const done = await this.retention.anonymiseDue(
      due.map((c) => c.id),
      now,
      this.years,
      { actor: user.username },
      { dataDir: this.config.dataDir },
    );
    const deletedLogs = await this.retention.deleteExpiredLogs(now, this.logYears);
    this.logger.info(
      { by: user.username, anonymised: done.anonymised.length, removedFiles: done.removedFiles, deletedLogs },
      'retention run by an admin',
    );
    return {
      at: now.toISOString(),
      years: this.years,
      anonymised: done.anonymised.length,
      registerNumbers: done.anonymised,
      removedFiles: done.removedFiles,
      deletedLogs: { years: this.logYears, ...deletedLogs },
    };
  }

  private async allDue(now: Date): Promise<DueComplaint[]> {
    const due: DueComplaint[] = [];
    let after: RetentionCursor | null = null;
    do {
      const page = await this.retention.listDue(now, this.years, after);
      due.push(...page.items);
      after = page.next;
    } while (after);
    return due;
  }
}
