/**
 * The stage deadlines as an admin set them (src/domain/stage-deadlines.ts), read by the workflow's
 * loadStageDeadlines activity and by the admin API.
 */
import type { EntityManager } from '@mikro-orm/core';
import { type StageDeadlineSettings, stageDeadlinesFrom } from '../domain/stage-deadlines';
import { StageDeadlineSetting } from './entities';

export async function loadStageDeadlines(em: EntityManager): Promise<StageDeadlineSettings> {
  const rows = await em.find(StageDeadlineSetting, {});
  return stageDeadlinesFrom(rows);
}
