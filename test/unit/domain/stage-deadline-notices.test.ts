import { renderNotification } from '../../../activities/notification-templates';
import { stageBreachesOf } from '../../../src/reports/recap-report';

describe('stage deadline notices and recap counts', () => {
  it('tells the units how much of the 10 working days has passed, in Bahasa Indonesia', () => {
    const notice = renderNotification('EARLY_WARNING', 'TIM_TEKNIS', {
      registerNumber: '2026/12/0001',
      dueAt: '2026-12-15T16:59:59.999Z',
      percent: 75,
    });
    expect(notice.subject).toBe(
      'Peringatan dini: 75% waktu penanganan pengaduan 2026/12/0001 telah berjalan',
    );
    expect(notice.body).toContain('Batas waktu: 15 Des 2026 23.59 WIB');
  });

  it('names the stage, its unit and its own deadline when a stage breaches', () => {
    const notice = renderNotification('STAGE_BREACHED', 'KABID_PENGADUAN', {
      registerNumber: '2026/12/0001',
      dueAt: '2026-12-15T16:59:59.999Z',
      stage: 'TASK',
      stageDueAt: '2026-12-08T16:59:59.999Z',
      unit: 'TIM_TEKNIS',
    });
    expect(notice.subject).toBe('Tahap Tugas unit pengaduan 2026/12/0001 melewati batas waktunya');
    expect(notice.body).toContain('Tugas unit (Tim Teknis Perizinan)');
    expect(notice.body).toContain('batas waktu tahapnya 8 Des 2026 23.59 WIB');
  });

  it('counts the breaches per stage (zeros included) and the task breaches per unit', () => {
    const counts = stageBreachesOf([
      { stage: 'TRIAGE' },
      { stage: 'TASK', unit: 'TIM_TEKNIS' },
      { stage: 'TASK', unit: 'KELURAHAN' },
      { stage: 'TASK', unit: 'TIM_TEKNIS' },
    ]);
    expect(counts.total).toBe(4);
    expect(counts.byStage.map((s) => [s.stage, s.count])).toEqual([
      ['TRIAGE', 1],
      ['TASK', 3],
      ['DECISION', 0],
    ]);
    expect(counts.byUnit).toEqual([
      { unit: 'KELURAHAN', count: 1 },
      { unit: 'TIM_TEKNIS', count: 2 },
    ]);
  });
});
