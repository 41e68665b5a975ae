import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { SatisfactionRating } from '../entities';

export interface RatingRecord {
  complaintId: string;
  score: number;
  comment: string | null;
  ratedAt: Date;
}

/** The complainants' ratings (table satisfaction_rating): one per complaint, never changed. */
export class SatisfactionRepository {
  constructor(private readonly em: EntityManager) {}

  async findByComplaint(complaintId: string): Promise<RatingRecord | null> {
    const row = await this.em.fork().findOne(SatisfactionRating, { complaintId });
    return row
      ? { complaintId: row.complaintId, score: row.score, comment: row.comment ?? null, ratedAt: row.ratedAt }
      : null;
  }

  /**
   * Stores a rating; false when the complaint already has one (also when a concurrent request stored
   * it first: the complaint's id is the table's key).
   */
  async insert(rating: RatingRecord): Promise<boolean> {
    try {
      await this.em.fork().insert(SatisfactionRating, rating);
      return true;
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) return false;
      throw err;
    }
  }
}
