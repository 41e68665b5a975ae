import type { EntityManager } from '@mikro-orm/core';
import type { StageDeadlineSettings } from '../../domain/stage-deadlines';
import { StageDeadlineSetting } from '../entities';
import { loadStageDeadlines } from '../stage-deadlines';

/** One stage deadline as an admin sets it: TRIAGE, DECISION or TASK:<unit>, in working days. */
export interface StageDeadlineValue {
  key: string;
  workingDays: number;
}

/** The stage deadlines admins set (table stage_deadline_setting, src/domain/stage-deadlines.ts). */
export class StageDeadlineRepository {
  constructor(private readonly em: EntityManager) {}

  /** The settings in force (defaults where none is stored) and the latest stored row (who changed them, when). */
  async load(): Promise<{ settings: StageDeadlineSettings; latest: StageDeadlineSetting | null }> {
    const em = this.em.fork();
    const settings = await loadStageDeadlines(em);
    const rows = await em.find(StageDeadlineSetting, {}, { orderBy: { updatedAt: 'desc' }, limit: 1 });
    return { settings, latest: rows[0] ?? null };
  }

  /** Stores every value in one transaction (all or none), each with who set it and when. */
  async saveAll(values: StageDeadlineValue[], updatedBy: string): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      for (const { key, workingDays } of values)
        await tx.upsert(StageDeadlineSetting, {
          key,
          workingDays,
          updatedBy,
          updatedAt: new Date(),
        });
    });
  }
}
