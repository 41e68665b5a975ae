import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The complainant's rating of how their complaint was handled (src/domain/satisfaction.ts): one per
 * complaint, given after the response from the tracking page, never changed. The recap report counts
 * the ratings given in its period (rated_at) per month and per unit that had a task on the case.
 */
@Entity({ tableName: 'satisfaction_rating' })
// Reports count the ratings given in a period.
@Index({ properties: ['ratedAt'] })
export class SatisfactionRating {
  /** The complaint's id: its key, so a second rating of one complaint cannot be stored. */
  @PrimaryKey({ type: 'string', length: 36 })
  complaintId!: string;

  /** 1 Tidak baik, 2 Kurang baik, 3 Baik, 4 Sangat baik. */
  @Property({ type: 'smallint' })
  score!: number;

  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Property({ type: 'datetime' })
  ratedAt!: Date;
}
