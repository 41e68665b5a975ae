import type { Principal } from '../../../src/api/auth/principal';
import { ApiError } from '../../../src/api/common/api-error';
import { StageDeadlinesService, TASK_UNITS } from '../../../src/api/stage-deadlines/stage-deadlines.service';
import { StageDeadlineSetting } from '../../../src/db/entities';
import {
  StageDeadlineRepository,
  type StageDeadlineValue,
} from '../../../src/db/repositories/stage-deadline.repository';
import { STAGE_DEADLINE_DEFAULTS, stageDeadlinesFrom } from '../../../src/domain/stage-deadlines';
import { apiErrorOf } from './fakes';

/** The settings table in memory (upserts by key); remembers each save. */
class InMemoryStageDeadlineRepository extends StageDeadlineRepository {
  readonly rows = new Map<string, StageDeadlineSetting>();
  readonly saves: StageDeadlineValue[][] = [];

  constructor() {
    super({} as never);
  }

  override async load() {
    const rows = [...this.rows.values()];
    const latest = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0] ?? null;
    return { settings: stageDeadlinesFrom(rows), latest };
  }

  override async saveAll(values: StageDeadlineValue[], updatedBy: string) {
    this.saves.push(values);
    for (const { key, workingDays } of values)
      this.rows.set(
        key,
        Object.assign(new StageDeadlineSetting(), { key, workingDays, updatedBy, updatedAt: new Date() }),
      );
  }
}

const admin = { username: 'admin', role: 'ADMIN' } as Principal;

describe('StageDeadlinesService', () => {
  it('answers the defaults, every task unit included, while nothing was set', async () => {
    const view = await new StageDeadlinesService(new InMemoryStageDeadlineRepository()).get();
    expect([view.triage, view.decision]).toEqual([
      STAGE_DEADLINE_DEFAULTS.TRIAGE,
      STAGE_DEADLINE_DEFAULTS.DECISION,
    ]);
    expect(view.units.map((u) => u.unit)).toEqual(TASK_UNITS);
    expect(view.units.every((u) => u.workingDays === STAGE_DEADLINE_DEFAULTS.TASK)).toBe(true);
    expect([view.updatedAt, view.updatedBy]).toEqual([null, null]);
  });

  it('saves every value at once and answers the new settings with who set them', async () => {
    const repository = new InMemoryStageDeadlineRepository();
    const service = new StageDeadlinesService(repository);
    const view = await service.update(
      { triage: 2, decision: 4, units: [{ unit: 'TIM_TEKNIS', workingDays: 6 }] },
      admin,
    );
    expect(repository.saves).toEqual([
      [
        { key: 'TRIAGE', workingDays: 2 },
        { key: 'DECISION', workingDays: 4 },
        { key: 'TASK:TIM_TEKNIS', workingDays: 6 },
      ],
    ]);
    expect([view.triage, view.decision, view.updatedBy]).toEqual([2, 4, 'admin']);
    expect(view.units.find((u) => u.unit === 'TIM_TEKNIS')?.workingDays).toBe(6);
  });

  it('refuses the whole change (422) naming each field at fault, and saves nothing', async () => {
    const repository = new InMemoryStageDeadlineRepository();
    const service = new StageDeadlinesService(repository);
    const refusal = service.update(
      {
        triage: 0,
        decision: 3,
        units: [
          { unit: 'TIM_TEKNIS', workingDays: 2 },
          { unit: 'TIM_TEKNIS', workingDays: 3 },
          { unit: 'SEKSI_PELAPORAN', workingDays: 1 },
        ],
      },
      admin,
    );
    const error = await refusal.then(
      () => null,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ApiError);
    const { fields } = error as ApiError;
    expect((error as ApiError).getStatus()).toBe(422);
    expect(fields).toEqual({
      triage: 'Batas waktu triase harus bilangan bulat 1 sampai 10 hari kerja.',
      'units.1.unit': 'Unit TIM_TEKNIS disebut dua kali.',
      'units.2.unit': 'Unit SEKSI_PELAPORAN tidak menerima tugas pengaduan.',
    });
    expect(((error as ApiError).getResponse() as { message: string }).message).toBe(
      Object.values(fields!).join(' '),
    );
    expect(repository.saves).toEqual([]);
    expect((await apiErrorOf(service.update({ triage: 1, decision: 11 }, admin))).message).toBe(
      'Batas waktu keputusan Kepala Daerah harus bilangan bulat 1 sampai 10 hari kerja.',
    );
  });
});
