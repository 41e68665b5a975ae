import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { CLOSED_STATUSES } from '../../domain/complaint-rules';
import { Complaint } from '../entities';

/** The columns a public list reads: nothing personal (no name, NIK, contact, description). */
export const OPEN311_PUBLIC_FIELDS = [
  'registerNumber',
  'trackingCode',
  'status',
  'category',
  'requestedService',
  'receivedAt',
  'updatedAt',
  'dueAt',
  'kecamatan',
  'kelurahan',
  'latitude',
  'longitude',
] as const satisfies readonly (keyof Complaint)[];

/** A complaint as an Open311 list or look-up by id reads it. */
export type Open311ListedComplaint = Pick<Complaint, (typeof OPEN311_PUBLIC_FIELDS)[number]>;

/**
 * The filters of GET Service Requests: either register numbers (every other filter then ignored, as
 * the standard says), or any of the others, each narrowing the list.
 */
export type Open311RequestFilter =
  | { registerNumbers: string[] }
  | {
      registerNumbers?: undefined;
      /** Our category, or for a complaint not yet triaged the service the client asked for. */
      serviceCodes?: string[];
      /** Only closed (true) or only open (false) complaints; both when absent. */
      closed?: boolean;
      /** Received at or after. */
      receivedFrom?: Date;
      /** Received at or before. */
      receivedTo?: Date;
    };

/** The complaints as Open311 service requests (GeoReport v2). */
export class Open311RequestRepository {
  constructor(private readonly em: EntityManager) {}

  /** The public columns of the complaints matching `filter`, newest first, at most `limit`. */
  async list(filter: Open311RequestFilter, limit: number): Promise<Open311ListedComplaint[]> {
    let where: FilterQuery<Complaint>;
    if (filter.registerNumbers) {
      where = { registerNumber: { $in: filter.registerNumbers } };
    } else {
      const and: FilterQuery<Complaint>[] = [];
      if (filter.serviceCodes)
        and.push({
          $or: [
            { category: { $in: filter.serviceCodes } },
            { category: null, requestedService: { $in: filter.serviceCodes } },
          ],
        });
      if (filter.closed !== undefined) {
        const closed = [...CLOSED_STATUSES] as string[];
        and.push({ status: filter.closed ? { $in: closed } : { $nin: closed } });
      }
      if (filter.receivedFrom) and.push({ receivedAt: { $gte: filter.receivedFrom } });
      if (filter.receivedTo) and.push({ receivedAt: { $lte: filter.receivedTo } });
      where = and.length > 0 ? { $and: and } : {};
    }
    return (await this.em.fork().find(Complaint, where, {
      fields: [...OPEN311_PUBLIC_FIELDS],
      orderBy: { receivedAt: 'desc', registerNumber: 'desc' },
      limit,
    })) as Open311ListedComplaint[];
  }

  /** The public columns of the complaint with this register number (YYYY/MM/NNNN). */
  async findPublicByRegisterNumber(registerNumber: string): Promise<Open311ListedComplaint | null> {
    return (await this.em
      .fork()
      .findOne(
        Complaint,
        { registerNumber },
        { fields: [...OPEN311_PUBLIC_FIELDS] },
      )) as Open311ListedComplaint | null;
  }

  /** The whole complaint of a tracking code (the complainant's own view). */
  findByTrackingCode(trackingCode: string): Promise<Complaint | null> {
    return this.em.fork().findOne(Complaint, { trackingCode });
  }

  /** The register number of the complaint with this tracking code. */
  async findRegisterNumberByTrackingCode(trackingCode: string): Promise<string | null> {
    const c = await this.em.fork().findOne(Complaint, { trackingCode }, { fields: ['registerNumber'] });
    return c?.registerNumber ?? null;
  }
}
