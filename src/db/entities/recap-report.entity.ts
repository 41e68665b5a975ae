import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A recap report as produced (by the schedule or on demand) and delivered to the Sekda. */
@Entity({ tableName: 'recap_report' })
@Index({ properties: ['kind', 'periodFrom'] })
export class RecapReportRecord {
  /** BULANAN-YYYY-MM or SEMESTER-YYYY-N: one stored report per period (re-running replaces it). */
  @PrimaryKey({ type: 'string', length: 32 })
  id!: string;

  /** MONTHLY or SEMESTER */
  @Property({ type: 'string', length: 12 })
  kind!: string;

  @Property({ type: 'string', length: 64 })
  label!: string;

  @Property({ type: 'datetime' })
  periodFrom!: Date;

  @Property({ type: 'datetime' })
  periodTo!: Date;

  /** The report's figures and list (RecapReport), as JSON. */
  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  generatedAt!: Date;

  /** `JADWAL` for the scheduled run, else the user who asked for it. */
  @Property({ type: 'string', length: 64 })
  generatedBy!: string;

  /** When it was put in the outbox to the Sekda for the Wali Kota (scheduled runs only). */
  @Property({ type: 'datetime', nullable: true })
  sentToSekdaAt?: Date | null;
}
