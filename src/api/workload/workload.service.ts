import { Injectable } from '@nestjs/common';
import { TaskRepository, type WorkloadRow } from '../../db/repositories';
import { AreaRepository } from '../../db/repositories/area.repository';
import { CATEGORIES, unitsForCategory } from '../../domain/categories';
import { AREA_UNITS, UNITS, type Unit } from '../../domain/units';
import type { AreaWorkloadView, UnitWorkloadView, WorkloadView } from './workload.dto';

/** The units that get tasks (any category's), in the SOP's order. */
export const TASK_UNITS: readonly Unit[] = UNITS.filter((u) =>
  CATEGORIES.some((c) => unitsForCategory(c).includes(u)),
);

/** Who has how much open work: the open tasks per unit, from the task records. */
@Injectable()
export class WorkloadService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly areas: AreaRepository,
  ) {}

  async workload(unit?: Unit): Promise<WorkloadView> {
    const rows = await this.tasks.openWorkload(unit);
    const units = (unit ? [unit] : TASK_UNITS).map(
      (u): UnitWorkloadView =>
        summarise(
          u,
          rows.filter((r) => r.unit === u),
        ),
    );
    const areaRows = rows.filter((r) => AREA_UNITS.includes(r.unit as Unit) && r.area);
    const names = await this.areaNames(areaRows.map((r) => r.area!));
    const areas = areaRows
      .map(
        (r): AreaWorkloadView => ({
          ...summarise(r.unit as Unit, [r]),
          area: r.area!,
          areaName: names.get(r.area!) ?? null,
        }),
      )
      .sort((a, b) => a.unit.localeCompare(b.unit) || a.area.localeCompare(b.area));
    return {
      asOf: new Date().toISOString(),
      totalOpen: units.reduce((n, u) => n + u.open, 0),
      totalOverdue: units.reduce((n, u) => n + u.overdue, 0),
      units,
      areas,
    };
  }

  private async areaNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const areas = await this.areas.findByCodes(codes);
    return new Map(areas.map((a) => [a.code, a.name]));
  }
}

/** One unit's rows (one per area for the local officials) added up. */
function summarise(unit: Unit, rows: WorkloadRow[]): UnitWorkloadView {
  const oldest = rows
    .map((r) => r.oldestOpenedAt)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    unit,
    open: rows.reduce((n, r) => n + r.open, 0),
    overdue: rows.reduce((n, r) => n + r.overdue, 0),
    oldestOpenedAt: oldest?.toISOString() ?? null,
  };
}
