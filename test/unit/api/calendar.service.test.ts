import type { PinoLogger } from 'nestjs-pino';
import type { Principal } from '../../../src/api/auth/principal';
import { CalendarService } from '../../../src/api/calendar/calendar.service';
import type { ReferenceDataCache } from '../../../src/api/reference-data/reference-data.cache';
import { HolidayValidationError } from '../../../src/calendar/holiday-admin.service';
import { HolidayRecord } from '../../../src/db/entities';
import { HolidayRepository } from '../../../src/db/repositories/holiday.repository';
import type { Holiday } from '../../../src/domain/holidays';
import type { ComplaintWorkflows } from '../../../src/temporal/complaint-workflows';
import { apiErrorOf } from './fakes';

type Replaced = Awaited<ReturnType<HolidayRepository['replaceYear']>>;
type Previewed = Awaited<ReturnType<HolidayRepository['previewYear']>>;

/** The holiday table in memory; replacing answers `replaced` (or throws `refusal`) after storing the rows. */
class InMemoryHolidayRepository extends HolidayRepository {
  rows: HolidayRecord[] = [];
  refusal: Error | null = null;
  replaced: Omit<Replaced, 'saved'> = { signalled: 0, failed: [] };
  preview: Previewed = { checked: 0, shifts: [] };

  constructor() {
    super({} as never);
  }

  add(date: string, name: string, source: 'OFFICIAL' | 'ADMIN'): this {
    this.rows.push(
      Object.assign(new HolidayRecord(), {
        date,
        name,
        kind: 'LIBUR_NASIONAL',
        source,
        year: Number(date.slice(0, 4)),
      }),
    );
    return this;
  }

  override async findByYear(year: number): Promise<HolidayRecord[]> {
    return this.rows.filter((r) => r.year === year).sort((a, b) => a.date.localeCompare(b.date));
  }

  override async previewYear(): Promise<Previewed> {
    if (this.refusal) throw this.refusal;
    return this.preview;
  }

  override async replaceYear(year: number, holidays: Holiday[]): Promise<Replaced> {
    if (this.refusal) throw this.refusal;
    this.rows = this.rows.filter((r) => r.year !== year);
    for (const h of holidays) this.add(h.date, h.name, 'ADMIN');
    return { saved: holidays.length, ...this.replaced };
  }
}

const admin = { username: 'admin', role: 'ADMIN' } as Principal;

function setup() {
  const holidays = new InMemoryHolidayRepository();
  const changes: number[] = [];
  const referenceData = { changed: async () => void changes.push(1) } as unknown as ReferenceDataCache;
  const logger = { info: () => undefined, logger: {} } as unknown as PinoLogger;
  const service = new CalendarService(holidays, {} as ComplaintWorkflows, logger, referenceData);
  return { holidays, changes, service };
}

describe('CalendarService', () => {
  it('answers a stored list as it is, ADMIN once an admin corrected a row, else OFFICIAL', async () => {
    const { service, holidays } = setup();
    holidays.add('2026-12-25', 'Hari Raya Natal', 'OFFICIAL').add('2026-01-01', 'Tahun Baru', 'OFFICIAL');
    const official = await service.holidaysOfYear(2026);
    expect([official.source, official.stored, official.holidays.map((h) => h.date)]).toEqual([
      'OFFICIAL',
      true,
      ['2026-01-01', '2026-12-25'],
    ]);
    holidays.add('2026-12-24', 'Cuti bersama Natal', 'ADMIN');
    expect((await service.holidaysOfYear(2026)).source).toBe('ADMIN');
  });

  it('without a stored list, answers the shipped SKB list, or else the fallback with its warning', async () => {
    const { service } = setup();
    const shipped = await service.holidaysOfYear(2026);
    expect([shipped.source, shipped.stored, shipped.warning]).toEqual(['OFFICIAL', false, null]);
    expect(shipped.holidays.length).toBeGreaterThan(0);
    const fallback = await service.holidaysOfYear(2031);
    expect([fallback.source, fallback.stored]).toEqual(['FALLBACK', false]);
    expect(fallback.warning).toMatch(/^Belum ada daftar resmi SKB 3 Menteri untuk tahun 2031\./);
    expect(fallback.holidays.every((h) => h.source === 'FALLBACK')).toBe(true);
  });

  it('refuses a list that breaks a rule (422, every problem named); the replicas still forget their copy', async () => {
    const { service, holidays, changes } = setup();
    holidays.refusal = new HolidayValidationError([
      'Baris 1: tanggal 2025-12-31 tidak berada di tahun 2026.',
      'Ada tanggal yang tercantum lebih dari sekali.',
    ]);
    const list = [{ date: '2025-12-31', name: 'Malam tahun baru', kind: 'LIBUR_NASIONAL' as const }];
    expect(await apiErrorOf(service.replaceYear(2026, list, admin))).toEqual({
      status: 422,
      message:
        'Baris 1: tanggal 2025-12-31 tidak berada di tahun 2026. Ada tanggal yang tercantum lebih dari sekali.',
    });
    expect(changes).toHaveLength(1);
    expect((await apiErrorOf(service.previewYear(2026, list))).status).toBe(422);
  });

  it('answers the saved list with how many open complaints were told and how many could not be', async () => {
    const { service, holidays, changes } = setup();
    holidays.replaced = { signalled: 7, failed: ['complaint-2026-05-0001'] };
    const saved = await service.replaceYear(
      2027,
      [{ date: '2027-01-01', name: 'Tahun Baru 2027', kind: 'LIBUR_NASIONAL' }],
      admin,
    );
    expect(saved).toMatchObject({
      year: 2027,
      source: 'ADMIN',
      stored: true,
      saved: 1,
      notifiedComplaints: 7,
      failedComplaints: 1,
    });
    expect(saved.holidays.map((h) => h.date)).toEqual(['2027-01-01']);
    expect(changes).toHaveLength(1);
  });

  it('previews each moved deadline with the shift in working and calendar days', async () => {
    const { service, holidays } = setup();
    holidays.preview = {
      checked: 3,
      shifts: [
        {
          complaintId: 'c1',
          registerNumber: '2026/12/0001',
          status: 'IN_PROGRESS',
          receivedAt: new Date('2026-12-21T02:00:00Z'),
          oldDueAt: new Date('2027-01-05T16:59:59.999Z'),
          newDueAt: new Date('2027-01-06T16:59:59.999Z'),
          workingDays: 1,
          calendarDays: 1,
        },
      ],
    };
    expect(await service.previewYear(2027, [])).toEqual({
      year: 2027,
      checkedComplaints: 3,
      changes: [
        {
          id: 'c1',
          registerNumber: '2026/12/0001',
          status: 'IN_PROGRESS',
          receivedAt: '2026-12-21T02:00:00.000Z',
          oldDueAt: '2027-01-05T16:59:59.999Z',
          newDueAt: '2027-01-06T16:59:59.999Z',
          shiftWorkingDays: 1,
          shiftCalendarDays: 1,
        },
      ],
    });
  });
});
