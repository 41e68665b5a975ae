import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { AuditEvent, Complaint } from '../db/entities';
import type { ComplaintWorkflows } from '../temporal/complaint-workflows';

/**
 * The API stores a complaint before it starts the complaint's workflow, so that nothing submitted is
 * lost while Temporal is unreachable. This loop finds stored complaints whose workflow never
 * registered them and starts it (idempotent: the workflow ID is the complaint's).
 */
export class WorkflowReconciler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly orm: MikroORM,
    private readonly workflows: ComplaintWorkflows,
    private readonly log: Logger,
    private readonly options = { intervalMs: 30_000, graceMs: 30_000 },
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.reconcileOnce()
        .catch((err) => this.log.warn({ err }, 'workflow reconciliation failed; will retry'))
        .finally(() => {
          this.running = undefined;
        });
    }, this.options.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Starts the missing workflows of complaints older than the grace period; returns how many. */
  async reconcileOnce(limit = 200): Promise<number> {
    const em = this.orm.em.fork();
    const before = new Date(Date.now() - this.options.graceMs);
    const candidates = (
      await em.find(
        Complaint,
        { status: 'RECEIVED', createdAt: { $lt: before } },
        { orderBy: { createdAt: 'asc' }, limit },
      )
    ).filter((c) => !c.objectedAt);
    const missing = [
      ...(await this.notRegistered(em, candidates, 'REGISTERED')),
      // Objections (keberatan) whose new round never registered: the record was stored with the new
      // round's workflow ID before that workflow was started, and the start failed or was cut short.
      ...(await this.notRegistered(
        em,
        await em.find(
          Complaint,
          { status: 'RECEIVED', objectedAt: { $ne: null, $lt: before } },
          { orderBy: { objectedAt: 'asc' }, limit },
        ),
        'OBJECTED',
      )),
    ];
    for (const complaint of missing) {
      await this.workflows.start(complaint);
      this.log.info(
        { registerNumber: complaint.registerNumber, workflowId: complaint.workflowId },
        'started a missing complaint workflow',
      );
    }
    return missing.length;
  }

  /** The complaints among `candidates` without the timeline event their workflow starts with. */
  private async notRegistered(
    em: EntityManager,
    candidates: Complaint[],
    type: string,
  ): Promise<Complaint[]> {
    if (candidates.length === 0) return [];
    const registered = await em.find(
      AuditEvent,
      { type, complaintId: { $in: candidates.map((c) => c.id) } },
      { fields: ['complaintId'] },
    );
    const done = new Set(registered.map((e) => e.complaintId));
    return candidates.filter((c) => !done.has(c.id));
  }
}
