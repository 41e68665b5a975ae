import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { HolidayValidationError } from '../../calendar/holiday-admin.service';
import { HolidayRepository } from '../../db/repositories/holiday.repository';
import { holidaysForYear } from '../../domain/holiday-fallback';
import type { HolidayKind } from '../../domain/holidays';
import { ComplaintWorkflows } from '../../temporal/complaint-workflows';
import type { Principal } from '../auth/principal';
import { unprocessable } from '../common/api-error';
import { ReferenceDataCache } from '../reference-data/reference-data.cache';
import type {
  HolidayDto,
  HolidayInputDto,
  HolidayPreviewDto,
  HolidaySource,
  HolidaysReplacedDto,
  HolidayYearDto,
} from './calendar.dto';

/** The holiday list admins read and correct (the deadline of every complaint rests on it). */
@Injectable()
export class CalendarService {
  constructor(
    private readonly holidayList: HolidayRepository,
    @Inject(ComplaintWorkflows) private readonly workflows: ComplaintWorkflows,
    @InjectPinoLogger(CalendarService.name) private readonly logger: PinoLogger,
    private readonly referenceData: ReferenceDataCache,
  ) {}

  /**
   * The year's list as deadlines use it: the stored rows, or for a year without any the shipped
   * SKB list or else the date-holidays fallback, with its warning.
   */
  async holidaysOfYear(year: number): Promise<HolidayYearDto> {
    const rows = await this.holidayList.findByYear(year);
    if (rows.length > 0) {
      const holidays: HolidayDto[] = rows.map((r) => ({
        date: r.date,
        name: r.name,
        kind: r.kind as HolidayKind,
        source: r.source as HolidaySource,
      }));
      return {
        year,
        source: holidays.some((h) => h.source === 'ADMIN') ? 'ADMIN' : 'OFFICIAL',
        stored: true,
        warning: null,
        holidays,
      };
    }
    const computed = holidaysForYear(year);
    return {
      year,
      source: computed.source,
      stored: false,
      warning: computed.warning ?? null,
      holidays: computed.holidays.map((h) => ({ ...h, source: computed.source })),
    };
  }

  /** What saving the list would do to open complaints' deadlines; saves nothing. */
  async previewYear(year: number, holidays: HolidayInputDto[]): Promise<HolidayPreviewDto> {
    let result: Awaited<ReturnType<HolidayRepository['previewYear']>>;
    try {
      result = await this.holidayList.previewYear(
        year,
        holidays.map(({ date, name, kind }) => ({ date, name, kind })),
      );
    } catch (err) {
      throw asApiError(err);
    }
    return {
      year,
      checkedComplaints: result.checked,
      changes: result.shifts.map((s) => ({
        id: s.complaintId,
        registerNumber: s.registerNumber,
        status: s.status,
        receivedAt: s.receivedAt.toISOString(),
        oldDueAt: s.oldDueAt.toISOString(),
        newDueAt: s.newDueAt.toISOString(),
        shiftWorkingDays: s.workingDays,
        shiftCalendarDays: s.calendarDays,
      })),
    };
  }

  /** Replaces the year's list and tells the open complaints to recompute their deadline. */
  async replaceYear(
    year: number,
    holidays: HolidayInputDto[],
    admin: Principal,
  ): Promise<HolidaysReplacedDto> {
    let result: Awaited<ReturnType<HolidayRepository['replaceYear']>>;
    try {
      result = await this.holidayList.replaceYear(
        year,
        holidays.map(({ date, name, kind }) => ({ date, name, kind })),
        { workflows: this.workflows, log: this.logger.logger },
      );
    } catch (err) {
      throw asApiError(err);
    } finally {
      // New complaints get deadlines from the corrected list at once, on every replica.
      await this.referenceData.changed();
    }
    this.logger.info(
      {
        year,
        saved: result.saved,
        signalled: result.signalled,
        failed: result.failed.length,
        by: admin.username,
      },
      'holiday list of a year replaced',
    );
    return {
      ...(await this.holidaysOfYear(year)),
      saved: result.saved,
      notifiedComplaints: result.signalled,
      failedComplaints: result.failed.length,
    };
  }
}

/** Well-formed rows that break a rule of the list as a whole (a date outside the year, a date twice): 422. */
function asApiError(err: unknown): unknown {
  return err instanceof HolidayValidationError ? unprocessable(err.problems.join(' ')) : err;
}
