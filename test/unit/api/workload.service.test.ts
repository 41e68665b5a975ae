import { TASK_UNITS, WorkloadService } from '../../../src/api/workload/workload.service';
import type { WorkloadRow } from '../../../src/db/repositories';
import { InMemoryComplaintRepository, InMemoryTaskRepository } from './fakes';
import { InMemoryAreaRepository } from './fakes-areas';

/** The open-task counts as the database groups them (per unit, and per area for the local officials). */
class WorkloadTasks extends InMemoryTaskRepository {
  workloadRows: WorkloadRow[] = [];
  readonly askedUnits: (string | undefined)[] = [];

  override async openWorkload(unit?: string): Promise<WorkloadRow[]> {
    this.askedUnits.push(unit);
    return this.workloadRows.filter((r) => !unit || r.unit === unit);
  }
}

const row = (
  unit: string,
  area: string | null,
  open: number,
  overdue: number,
  oldest: string,
): WorkloadRow => ({
  unit,
  area,
  open,
  overdue,
  oldestOpenedAt: new Date(oldest),
});

function setup() {
  const tasks = new WorkloadTasks(new InMemoryComplaintRepository());
  tasks.workloadRows = [
    row('KECAMATAN', '16.74.02', 2, 1, '2026-05-06T02:00:00Z'),
    row('KECAMATAN', '16.74.01', 3, 0, '2026-05-04T02:00:00Z'),
    row('KELURAHAN', '16.74.09.9999', 1, 1, '2026-05-07T02:00:00Z'),
    row('TIM_TEKNIS', null, 4, 2, '2026-05-05T02:00:00Z'),
  ];
  const areas = new InMemoryAreaRepository()
    .add('16.74.01', 'Prabumulih Barat', 'KECAMATAN')
    .add('16.74.02', 'Cambai', 'KECAMATAN');
  return { tasks, service: new WorkloadService(tasks, areas) };
}

describe('WorkloadService', () => {
  it("adds up a local officials' unit over its areas and lists every task unit, idle ones at zero", async () => {
    const { service } = setup();
    const view = await service.workload();
    expect(view.units.map((u) => u.unit)).toEqual(TASK_UNITS);
    expect(view.units.find((u) => u.unit === 'KECAMATAN')).toEqual({
      unit: 'KECAMATAN',
      open: 5,
      overdue: 1,
      oldestOpenedAt: '2026-05-04T02:00:00.000Z',
    });
    const idle = view.units.find(
      (u) => u.unit !== 'KECAMATAN' && u.unit !== 'KELURAHAN' && u.unit !== 'TIM_TEKNIS',
    );
    expect(idle).toEqual({ unit: idle!.unit, open: 0, overdue: 0, oldestOpenedAt: null });
    expect([view.totalOpen, view.totalOverdue]).toEqual([10, 4]);
  });

  it('lists the areas by unit and code with their names (none for a code the master data lacks)', async () => {
    const { service } = setup();
    const { areas } = await service.workload();
    expect(areas.map((a) => [a.unit, a.area, a.areaName, a.open])).toEqual([
      ['KECAMATAN', '16.74.01', 'Prabumulih Barat', 3],
      ['KECAMATAN', '16.74.02', 'Cambai', 2],
      ['KELURAHAN', '16.74.09.9999', null, 1],
    ]);
  });

  it("for one unit: asks for that unit's tasks only and shows just that unit", async () => {
    const { service, tasks } = setup();
    const view = await service.workload('TIM_TEKNIS');
    expect(tasks.askedUnits).toEqual(['TIM_TEKNIS']);
    expect(view.units).toEqual([
      { unit: 'TIM_TEKNIS', open: 4, overdue: 2, oldestOpenedAt: '2026-05-05T02:00:00.000Z' },
    ]);
    expect(view.areas).toEqual([]);
    expect([view.totalOpen, view.totalOverdue]).toEqual([4, 2]);
  });
});
