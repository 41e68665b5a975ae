import { Injectable } from '@nestjs/common';
import { ComplaintRepository } from '../../db/repositories';
import type { RatingRecord } from '../../db/repositories/satisfaction.repository';
import { SatisfactionRepository } from '../../db/repositories/satisfaction.repository';
import {
  checkCanRate,
  normaliseRatingComment,
  RATING_MESSAGES,
  SATISFACTION_LABELS,
  SATISFACTION_SCORES,
  type SatisfactionScore,
} from '../../domain/satisfaction';
import { conflict, fromRefusal, notFound, throwIfRefused } from '../common/api-error';
import { registerNumberOf } from '../complaints/complaint-lookup';
import { normaliseTrackingCode, TRACKING_CODE_NOT_FOUND } from '../tracking/tracking-code';
import type { ComplaintRatingView, PublicRatingView, RateComplaintDto, RatingView } from './satisfaction.dto';

const COMPLAINT_NOT_FOUND = 'Pengaduan tidak ditemukan.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const RATING_SCALE = SATISFACTION_SCORES.map((score) => ({
  score,
  label: SATISFACTION_LABELS[score],
}));

function viewOf(rating: RatingRecord): RatingView {
  return {
    score: rating.score,
    scoreLabel: SATISFACTION_LABELS[rating.score as SatisfactionScore] ?? String(rating.score),
    comment: rating.comment,
    ratedAt: rating.ratedAt.toISOString(),
  };
}

/**
 * The complainant rates the handling of their complaint once it is answered (RESOLVED): from the
 * tracking page, by tracking code (the only key the complainant holds), once, for good. Staff read it
 * on the case page. Nothing here touches the workflow: it has ended by then.
 */
@Injectable()
export class SatisfactionService {
  constructor(
    private readonly complaints: ComplaintRepository,
    private readonly ratings: SatisfactionRepository,
  ) {}

  private async complaintByCode(trackingCode: string) {
    const code = normaliseTrackingCode(trackingCode);
    const complaint = code ? await this.complaints.findPublicByTrackingCode(code) : null;
    if (!complaint) throw notFound(TRACKING_CODE_NOT_FOUND);
    return complaint;
  }

  async publicView(trackingCode: string): Promise<PublicRatingView> {
    const complaint = await this.complaintByCode(trackingCode);
    const rating = await this.ratings.findByComplaint(complaint.id);
    const refusal = checkCanRate(complaint.status, rating !== null);
    return {
      canRate: refusal === null,
      reason: refusal?.message ?? null,
      rating: rating ? viewOf(rating) : null,
      scale: RATING_SCALE,
    };
  }

  async rate(trackingCode: string, body: RateComplaintDto, now = new Date()): Promise<RatingView> {
    const complaint = await this.complaintByCode(trackingCode);
    const comment = normaliseRatingComment(body.comment);
    if (comment !== null && typeof comment === 'object') throw fromRefusal(comment);
    const existing = await this.ratings.findByComplaint(complaint.id);
    throwIfRefused(checkCanRate(complaint.status, existing !== null));
    const rating: RatingRecord = { complaintId: complaint.id, score: body.score, comment, ratedAt: now };
    // Two requests at once: the table's key lets one in; the other is told as if it came second.
    if (!(await this.ratings.insert(rating))) throw conflict(RATING_MESSAGES.alreadyRated);
    return viewOf(rating);
  }

  /** For the case page: the complaint by its id or register number (404 when unknown). */
  async forStaff(idOrNumber: string): Promise<ComplaintRatingView> {
    const registerNumber = registerNumberOf(idOrNumber);
    const complaint = registerNumber
      ? await this.complaints.findByRegisterNumber(registerNumber)
      : UUID.test(idOrNumber)
        ? await this.complaints.findById(idOrNumber)
        : null;
    if (!complaint) throw notFound(COMPLAINT_NOT_FOUND);
    const rating = await this.ratings.findByComplaint(complaint.id);
    return { rating: rating ? viewOf(rating) : null };
  }
}
