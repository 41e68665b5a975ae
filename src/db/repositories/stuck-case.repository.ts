import type { EntityManager } from '@mikro-orm/core';
import { missingHolidayLists } from '../../calendar/holiday-list-alert';
import { Complaint, ComplaintTask, Decision, Notification } from '../entities';

/** The stages pending past their own deadline at one moment (src/domain/stage-deadlines.ts). */
export interface StageBreachRecords {
  /** Complaints still waiting for triage past their triage deadline. */
  untriaged: Complaint[];
  /** Open tasks past their deadline, soonest due first. */
  tasks: ComplaintTask[];
  /** Undecided escalations past their deadline, soonest due first. */
  decisions: Decision[];
}

/** The records the operators' "stuck" report reads besides the complaints and tasks (ops/stuck). */
export class StuckCaseRepository {
  constructor(private readonly em: EntityManager) {}

  /** Notifications given up on (FAILED), or still PENDING after `minAttempts` attempts, oldest first. */
  findUndeliveredNotifications(minAttempts: number, limit = 500): Promise<Notification[]> {
    return this.em.fork().find(
      Notification,
      {
        $or: [{ status: 'FAILED' }, { status: 'PENDING', attempts: { $gte: minAttempts } }],
      },
      { orderBy: { createdAt: 'asc' }, limit },
    );
  }

  /** The years needed at `asOf` (WIB) that have no official holiday list (holidayListYearsNeeded). */
  findYearsWithoutHolidayList(asOf: Date): Promise<number[]> {
    return missingHolidayLists(this.em.fork(), asOf);
  }

  /** Triage, open tasks and undecided escalations whose stage deadline is before `asOf` (at most `limit` each). */
  async findStageBreaches(asOf: Date, limit = 1000): Promise<StageBreachRecords> {
    const em = this.em.fork();
    const [untriaged, tasks, decisions] = await Promise.all([
      em.find(Complaint, { status: 'RECEIVED', triageDueAt: { $lt: asOf } }, { limit }),
      em.find(ComplaintTask, { status: 'OPEN', dueAt: { $lt: asOf } }, { orderBy: { dueAt: 'asc' }, limit }),
      em.find(Decision, { decision: null, dueAt: { $lt: asOf } }, { orderBy: { dueAt: 'asc' }, limit }),
    ]);
    return { untriaged, tasks, decisions };
  }
}
