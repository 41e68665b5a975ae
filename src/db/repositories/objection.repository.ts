import type { EntityData, EntityManager } from '@mikro-orm/core';
import { OBJECTABLE_STATUSES } from '../../domain/objection';
import { Complaint, ComplaintTask, Decision } from '../entities';

/** What an objection (keberatan) reads and writes on a complaint's record. */
export class ObjectionRepository {
  constructor(private readonly em: EntityManager) {}

  /** The complaint's record as it is now. */
  findComplaint(id: string): Promise<Complaint | null> {
    return this.em.fork().findOne(Complaint, { id });
  }

  /** The rounds of study of a complaint's tasks and decisions (one entry per row, any order). */
  async findRoundsOfStudy(complaintId: string): Promise<number[]> {
    const em = this.em.fork();
    const [tasks, decisions] = await Promise.all([
      em.find(ComplaintTask, { complaintId }, { fields: ['round'] }),
      em.find(Decision, { complaintId }, { fields: ['round'] }),
    ]);
    return [...tasks.map((t) => t.round), ...decisions.map((d) => d.round)];
  }

  /**
   * Writes the objection's `changes` to the complaint's record in one conditional UPDATE that only a
   * closed case without an objection matches, so of two objections at once exactly one wins; answers
   * the record as it is then, or null when it did not match (another objection or action came first).
   */
  async reopenForObjection(complaintId: string, changes: EntityData<Complaint>): Promise<Complaint | null> {
    const em = this.em.fork();
    const updated = await em.nativeUpdate(
      Complaint,
      { id: complaintId, objectedAt: null, status: { $in: [...OBJECTABLE_STATUSES] } },
      changes,
    );
    if (updated === 0) return null;
    return em.findOneOrFail(Complaint, { id: complaintId }, { refresh: true });
  }
}
