import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { alertMissingHolidayLists } from '../calendar/holiday-list-alert';

/**
 * Checks every hour (and shortly after the worker starts) whether a holiday list the office needs is
 * missing, and notifies the admins once per missing year (alertMissingHolidayLists). Every worker
 * runs it: the notification's id is the year's, so two workers, restarts and repeated checks add
 * one row per year, and a check that failed (database down) is simply made again an hour later.
 * The state lives in the outbox, not in the process, so nothing is lost across restarts.
 */
export class HolidayListWatch {
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
    private readonly options = { intervalMs: 3_600_000, firstDelayMs: 10_000 },
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    const tick = () => {
      this.running ??= this.checkOnce()
        .catch((err) => this.log.warn({ err }, 'holiday list check failed; will retry'))
        .finally(() => {
          this.running = undefined;
        });
    };
    this.first = setTimeout(tick, this.options.firstDelayMs);
    this.timer = setInterval(tick, this.options.intervalMs);
  }

  async stop(): Promise<void> {
    clearTimeout(this.first);
    clearInterval(this.timer);
    await this.running;
  }

  /** One check; returns the years without an official list. */
  async checkOnce(): Promise<number[]> {
    const missing = await alertMissingHolidayLists(this.orm.em.fork(), this.now());
    if (missing.length > 0)
      this.log.warn({ years: missing }, 'official holiday list missing; the admins are notified');
    return missing;
  }
}
