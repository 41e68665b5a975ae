import { Injectable } from '@nestjs/common';
import { forwardUpdate } from '../../../workflows/complaint/definitions';
import type { Principal } from '../auth/principal';
import { actorOf, ComplaintQueryService } from './complaint-query.service';
import type { ComplaintDetailView } from './complaint-views';
import { ComplaintWorkflowService } from './complaint-workflow.service';
import type { ForwardDto } from './forwarding.dto';

/**
 * Forwarding ("bukan wewenang"): a complaint that is not DPM-PTSP's business goes to the agency
 * whose business it is, and closes as FORWARDED. The workflow checks the rule (checkForward) and
 * tells the complainant. The record's status is not checked first: it can be ahead of the workflow
 * (ComplaintActionsService), so a case closed or triaged already gets its 409 from the workflow.
 */
@Injectable()
export class ForwardingService {
  constructor(
    private readonly workflow: ComplaintWorkflowService,
    private readonly query: ComplaintQueryService,
  ) {}

  async forward(id: string, body: ForwardDto, principal: Principal): Promise<ComplaintDetailView> {
    const complaint = await this.query.findComplaint(id);
    const state = await this.workflow.act(complaint, forwardUpdate, {
      actor: actorOf(principal),
      agency: body.agency,
      reason: body.reason,
      letterNumber: body.letterNumber,
    });
    return this.query.detail(complaint.id, principal, state);
  }
}
