import { publicStageOf } from '../../../src/db/repositories';
import { publicStageLabel, TIMELINE_EVENT_LABELS } from '../../../src/domain/timeline-labels';
import { PUBLIC_UNIT_LABELS, UNIT_LABELS, UNITS } from '../../../src/domain/units';

describe('public stage labels', () => {
  it('names the unit that finished its follow-up', () => {
    expect(publicStageLabel('TASK_COMPLETED', 'KABID_PENGADUAN')).toBe(
      'Bidang Pengaduan, Kebijakan dan Pelaporan Layanan menyelesaikan tindak lanjutnya',
    );
    expect(publicStageLabel('TASK_COMPLETED', 'LOKET')).toBe('Petugas Loket menyelesaikan tindak lanjutnya');
  });

  it('keeps the general label when the event names no unit, and for every other event', () => {
    expect(publicStageLabel('TASK_COMPLETED', null)).toBe(TIMELINE_EVENT_LABELS.TASK_COMPLETED);
    expect(publicStageLabel('TRIAGED', 'LOKET')).toBe(TIMELINE_EVENT_LABELS.TRIAGED);
    expect(publicStageLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('names every unit publicly as the SOP does, the Kabid by the division he heads', () => {
    for (const unit of UNITS)
      expect(PUBLIC_UNIT_LABELS[unit]).toBe(
        unit === 'KABID_PENGADUAN' ? 'Bidang Pengaduan, Kebijakan dan Pelaporan Layanan' : UNIT_LABELS[unit],
      );
  });

  it("takes only a finished task's unit from an event's details, and only a known unit", () => {
    const at = new Date('2026-05-04T02:00:00Z');
    const details = { taskId: 'c:1:TIM_TEKNIS', unit: 'TIM_TEKNIS', round: 1, notes: 'internal' };
    expect(publicStageOf({ type: 'TASK_COMPLETED', at, details })).toEqual({
      type: 'TASK_COMPLETED',
      at,
      unit: 'TIM_TEKNIS',
    });
    expect(publicStageOf({ type: 'DECIDED', at, details: { unit: 'TIM_TEKNIS' } }).unit).toBeNull();
    expect(publicStageOf({ type: 'TASK_COMPLETED', at, details: { unit: 'ADMIN' } }).unit).toBeNull();
    expect(publicStageOf({ type: 'TASK_COMPLETED', at, details: null }).unit).toBeNull();
  });
});
