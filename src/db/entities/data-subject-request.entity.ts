import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The log of data-subject requests handled by an admin (src/domain/data-subject.ts): one row per
 * search, export, correction or erasure. Who, when, by which keys (masked, never the NIK or contact
 * itself), which complaints, and the outcome; a correction names the fields changed, not the values.
 */
@Entity({ tableName: 'data_subject_request' })
@Index({ properties: ['at'] })
export class DataSubjectRequest {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'datetime' })
  at: Date = new Date();

  /** SEARCH, EXPORT, CORRECT or ERASE. */
  @Property({ type: 'string', length: 12 })
  action!: string;

  /** The admin (the JWT's subject) as they were at the time. */
  @Property({ type: 'string', length: 36 })
  userId!: string;

  @Property({ type: 'string', length: 64 })
  username!: string;

  /** The keys searched by, masked: { nik: '1674**********01', email: 'b***@example.com' }. */
  @Property({ type: 'json' })
  keys!: Record<string, string>;

  /** The complaints the request concerned (found, exported, corrected or erased). */
  @Property({ type: 'json' })
  complaintIds!: string[];

  /** FOUND, NOT_FOUND, EXPORTED, CORRECTED, ERASED, PARTIAL (some refused) or REFUSED. */
  @Property({ type: 'string', length: 16 })
  outcome!: string;

  /**
   * What else the action needs on record: the export's format; the fields a correction changed;
   * the complaints an erasure erased and those it refused, with the reason code.
   */
  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;

  /** The admin's reason for a correction or erasure (e.g. the complainant's letter). */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
