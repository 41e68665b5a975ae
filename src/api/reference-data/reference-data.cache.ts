import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import type { AppConfig } from '../../config/config';
import type { Area } from '../../db/entities';
import { ReferenceDataRepository } from '../../db/repositories/reference-data.repository';
import { computeDueAt, type LocalDate, officeDateOf, WorkingDayCalendar } from '../../domain/calendar';
import { deadlineCalendarWarning, type YearWarnings } from '../../domain/holiday-warning';
import { APP_CONFIG } from '../common/config.module';

/**
 * How long a replica keeps reference data without a change notice: the safety net for a notice
 * missed while its listening connection was down.
 */
export const REFERENCE_DATA_TTL_MS = 60_000;

/** The PostgreSQL channel on which a replica tells the others that reference data changed. */
export const REFERENCE_DATA_CHANNEL = 'pengaduan_reference_data';

export interface CachedCalendar {
  calendar: WorkingDayCalendar;
  warning?: string;
  /** The warning of each year that had no list (see loadNonWorkingDates). */
  yearWarnings?: YearWarnings;
  /** Deadlines by WIB date of receipt: every complaint received on one office day has the same. */
  deadlines: Map<LocalDate, Date>;
}

/**
 * Reference data every intake needs, kept in memory instead of read (and, for the calendar, parsed)
 * on every request. An admin's change clears every replica's copy at once: on PostgreSQL the replica
 * that made it sends a NOTIFY on REFERENCE_DATA_CHANNEL, which every replica LISTENs to; with SQLite
 * there is one process. While a replica's listening connection is down it keeps nothing; should a
 * notice still be missed, the copy expires after REFERENCE_DATA_TTL_MS, and a deadline computed from
 * a stale calendar meanwhile is corrected by the workflow, which loads the calendar itself and
 * records the due date it keeps.
 */
@Injectable()
export class ReferenceDataCache implements OnModuleInit, OnModuleDestroy {
  private readonly calendars: LRUCache<string, CachedCalendar>;
  private readonly areasByCode: LRUCache<string, Map<string, Area>>;
  private listener: Client | null = null;
  private listening = false;
  private stopped = false;
  private generation = 0;

  constructor(
    private readonly store: ReferenceDataRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger(ReferenceDataCache.name) private readonly logger: PinoLogger,
  ) {
    // Keys carry the generation (see invalidate): "<generation>|<years>".
    this.calendars = new LRUCache<string, CachedCalendar>({
      max: 16,
      ttl: REFERENCE_DATA_TTL_MS,
      fetchMethod: (key) => this.loadCalendar(key.slice(key.indexOf('|') + 1)),
    });
    this.areasByCode = new LRUCache<string, Map<string, Area>>({
      max: 2,
      ttl: REFERENCE_DATA_TTL_MS,
      fetchMethod: () => this.loadAreas(),
    });
  }

  /** The working-day calendar covering the given years (database holidays, else the fallback). */
  async calendar(years: number[]): Promise<CachedCalendar> {
    const key = [...years].sort().join(',');
    if (!this.keeping()) return this.loadCalendar(key);
    return (await this.calendars.fetch(`${this.generation}|${key}`))!;
  }

  private async loadCalendar(years: string): Promise<CachedCalendar> {
    const data = await this.store.loadNonWorkingDates(years.split(',').map(Number));
    return {
      calendar: new WorkingDayCalendar(data.nonWorkingDates),
      warning: data.warning,
      yearWarnings: data.yearWarnings,
      deadlines: new Map(),
    };
  }

  private async loadAreas(): Promise<Map<string, Area>> {
    return new Map((await this.store.findAllAreas()).map((a) => [a.code, a]));
  }

  /**
   * The deadline of a complaint received at `receivedAt` (end of the 10th working day after its WIB
   * date), with the calendar's warning when the working days it counts reach a year without an
   * official list (deadlineCalendarWarning). The years are those `calendarYearsFor` names: the year
   * of receipt, and the next one for December.
   */
  async deadline(receivedAt: Date): Promise<{ dueAt: Date; warning?: string }> {
    const date = officeDateOf(receivedAt);
    const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
    const cached = await this.calendar(month === 12 ? [year, year + 1] : [year]);
    let dueAt = cached.deadlines.get(date);
    if (!dueAt) {
      dueAt = computeDueAt(receivedAt, cached.calendar);
      cached.deadlines.set(date, dueAt);
    }
    return { dueAt, warning: deadlineCalendarWarning(receivedAt, dueAt, cached.yearWarnings) };
  }

  /** Kecamatan and kelurahan by Kemendagri code. */
  async areas(): Promise<ReadonlyMap<string, Area>> {
    if (!this.keeping()) return this.loadAreas();
    return (await this.areasByCode.fetch(String(this.generation)))!;
  }

  /**
   * Without a listening connection (PostgreSQL, while it reconnects) a change notice could be missed:
   * nothing is kept then, every read goes to the database.
   */
  private keeping(): boolean {
    return this.config.database.kind !== 'postgresql' || this.listening;
  }

  /**
   * Forgets this replica's copy. By moving to a new generation of keys rather than clearing the
   * caches: clearing would abort the loads in flight, failing the requests that wait for them.
   */
  invalidate(): void {
    this.generation++;
  }

  /** After an admin changed holidays or areas: every replica forgets its copy. */
  async changed(): Promise<void> {
    this.invalidate();
    if (this.config.database.kind !== 'postgresql') return;
    try {
      await this.store.notify(REFERENCE_DATA_CHANNEL);
    } catch (err) {
      this.logger.warn({ err }, 'could not tell the other API replicas about a reference data change');
    }
  }

  async onModuleInit(): Promise<void> {
    if (this.config.database.kind === 'postgresql') await this.listen(this.config.database.url);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => undefined);
  }

  /**
   * LISTENs on a connection of its own. When it is lost, the copy is forgotten and nothing is kept
   * (notices may be missed meanwhile) until the listener has reconnected (every second).
   */
  private async listen(url: string): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: url });
    this.listener = client;
    const retry = (err?: unknown) => {
      if (this.listener !== client || this.stopped) return;
      this.listener = null;
      this.listening = false;
      this.logger.warn({ err }, 'reference data change listener lost its connection; reconnecting in 1 s');
      client.removeAllListeners();
      client.on('error', () => undefined);
      client.end().catch(() => undefined);
      this.invalidate();
      setTimeout(() => void this.listen(url), 1_000).unref();
    };
    client.on('notification', () => this.invalidate());
    client.on('error', retry);
    client.on('end', () => retry());
    try {
      await client.connect();
      await client.query(`LISTEN ${REFERENCE_DATA_CHANNEL}`);
      if (this.listener === client) this.listening = true;
    } catch (err) {
      retry(err);
    }
  }
}
