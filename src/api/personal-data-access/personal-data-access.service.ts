import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  type PersonalDataAccessFilter,
  PersonalDataAccessRepository,
  type PersonalDataRead,
} from '../../db/repositories';
import { OFFICE_ZONE } from '../../domain/calendar';
import { personalDataFieldLabels } from '../../domain/personal-data-access';
import type { Principal } from '../auth/principal';
import { badRequest, unprocessable } from '../common/api-error';
import { DEFAULT_PAGE_SIZE } from '../complaints/complaint-query.dto';
import type { ListPersonalDataAccessQueryDto, PersonalDataAccessPageDto } from './personal-data-access.dto';
import { personalDataReads } from './personal-data-metrics';
import { currentRequest } from './request-context';

/** A date-only bound is a whole WIB day; a date-time is taken as given (WIB when it has no offset). */
function parseBound(value: string, edge: 'start' | 'end', field: string): Date {
  const parsed = DateTime.fromISO(value, { zone: OFFICE_ZONE });
  if (!parsed.isValid) throw badRequest(`Tanggal ${field} tidak valid.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return parsed.toJSDate();
  return (edge === 'start' ? parsed.startOf('day') : parsed.endOf('day')).toJSDate();
}

/**
 * The access log of unmasked personal-data reads: the complaint reads and evidence downloads call
 * `record` after the data is read and before the response leaves, and the admin queries it.
 */
@Injectable()
export class PersonalDataAccessService {
  constructor(private readonly log: PersonalDataAccessRepository) {}

  /**
   * Records one row per complaint that showed unmasked fields (one multi-row insert) and counts
   * them in `pengaduan_personal_data_reads_total`. A failure fails the request: no unlogged read
   * leaves the API.
   */
  async record(principal: Principal, reads: readonly PersonalDataRead[]): Promise<void> {
    const shown = reads.filter((r) => r.fields.length > 0);
    if (shown.length === 0) return;
    const req = currentRequest();
    await this.log.record(
      {
        userId: principal.sub,
        username: principal.username,
        role: principal.role,
        unit: principal.unit,
        area: principal.area,
        endpoint: req ? `${req.method} ${req.route?.path ?? req.path}` : 'unknown',
        ip: req ? (req.ip ?? req.socket?.remoteAddress ?? null) : null,
      },
      shown,
    );
    for (const read of shown)
      for (const field of read.fields) personalDataReads.inc({ role: principal.role, field });
  }

  async list(query: ListPersonalDataAccessQueryDto): Promise<PersonalDataAccessPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const filter: PersonalDataAccessFilter = {};
    if (query.complaintId) filter.complaintId = query.complaintId;
    if (query.userId) filter.userId = query.userId;
    if (query.from) filter.from = parseBound(query.from, 'start', 'awal (from)');
    if (query.to) filter.to = parseBound(query.to, 'end', 'akhir (to)');
    if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime())
      throw unprocessable('Tanggal awal (from) tidak boleh setelah tanggal akhir (to).');
    const { rows, total } = await this.log.list(filter, {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        userId: r.userId,
        username: r.username,
        role: r.role,
        unit: r.unit ?? null,
        area: r.area ?? null,
        complaintId: r.complaintId,
        registerNumber: r.registerNumber ?? null,
        fields: r.fields,
        fieldLabels: personalDataFieldLabels(r.fields),
        endpoint: r.endpoint,
        ip: r.ip ?? null,
      })),
      total,
      page,
      pageSize,
    };
  }
}
