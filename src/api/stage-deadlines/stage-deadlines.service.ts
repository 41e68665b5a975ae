import { Injectable } from '@nestjs/common';
import {
  StageDeadlineRepository,
  type StageDeadlineValue,
} from '../../db/repositories/stage-deadline.repository';
import { CATEGORY_UNITS } from '../../domain/categories';
import { STAGE_DAYS_MAX, STAGE_DAYS_MIN, stageDaysRefusal } from '../../domain/stage-deadlines';
import { UNIT_LABELS, UNITS, type Unit } from '../../domain/units';
import type { Principal } from '../auth/principal';
import { unprocessable } from '../common/api-error';
import type { StageDeadlinesDto, UpdateStageDeadlinesDto } from './stage-deadlines.dto';

/** The units that get tasks (those whose task deadline an admin sets), in the SOP's order. */
export const TASK_UNITS: readonly Unit[] = UNITS.filter((u) =>
  Object.values(CATEGORY_UNITS).some((units) => units.includes(u)),
);

const APPLIES_TO =
  'Berlaku untuk pengaduan yang dicatat setelah disimpan; pengaduan yang sudah berjalan memakai batas waktu tahap saat dicatat.';

/** The stage deadlines admins read and set (src/domain/stage-deadlines.ts). */
@Injectable()
export class StageDeadlinesService {
  constructor(private readonly stageDeadlines: StageDeadlineRepository) {}

  async get(): Promise<StageDeadlinesDto> {
    const { settings, latest } = await this.stageDeadlines.load();
    return {
      triage: settings.triage,
      decision: settings.decision,
      units: TASK_UNITS.map((unit) => ({
        unit,
        label: UNIT_LABELS[unit],
        workingDays: settings.units[unit],
      })),
      min: STAGE_DAYS_MIN,
      max: STAGE_DAYS_MAX,
      appliesTo: APPLIES_TO,
      updatedAt: latest?.updatedAt.toISOString() ?? null,
      updatedBy: latest?.updatedBy ?? null,
    };
  }

  /** Saves every value at once, or nothing when one is refused (422, naming each field at fault). */
  async update(input: UpdateStageDeadlinesDto, admin: Principal): Promise<StageDeadlinesDto> {
    const values: StageDeadlineValue[] = [
      { key: 'TRIAGE', workingDays: input.triage },
      { key: 'DECISION', workingDays: input.decision },
      ...(input.units ?? []).map((u) => ({ key: `TASK:${u.unit}`, workingDays: u.workingDays })),
    ];
    const fields: Record<string, string> = {};
    const check = (path: string, value: number, label: string) => {
      const refusal = stageDaysRefusal(value, label);
      if (refusal) fields[path] = refusal;
    };
    check('triage', input.triage, 'Batas waktu triase');
    check('decision', input.decision, 'Batas waktu keputusan Kepala Daerah');
    const seen = new Set<string>();
    (input.units ?? []).forEach((u, i) => {
      if (!TASK_UNITS.includes(u.unit))
        fields[`units.${i}.unit`] = `Unit ${u.unit} tidak menerima tugas pengaduan.`;
      else if (seen.has(u.unit)) fields[`units.${i}.unit`] = `Unit ${u.unit} disebut dua kali.`;
      seen.add(u.unit);
      check(`units.${i}.workingDays`, u.workingDays, `Batas waktu tugas ${UNIT_LABELS[u.unit] ?? u.unit}`);
    });
    const messages = Object.values(fields);
    if (messages.length > 0) throw unprocessable(messages.join(' '), fields);
    await this.stageDeadlines.saveAll(values, admin.username);
    return this.get();
  }
}
