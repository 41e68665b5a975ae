import {
  canSeePersonalData,
  isOwnTask,
  maskName,
  maskNik,
  seesAllPersonalData,
  type Viewer,
} from '../../../src/domain/personal-data';

const staff = (unit: string, area: string | null = null): Viewer => ({ role: 'STAFF', unit, area });

describe('maskNik', () => {
  it('keeps at most the first 4 and the last 2 digits of a 16-digit NIK', () => {
    expect(maskNik('1674011203850001')).toBe('1674**********01');
    const masked = maskNik('1674011203850001')!;
    expect(masked.replace(/\*/g, '')).toHaveLength(6);
    expect(masked).toHaveLength(16);
  });

  it('hides a short value entirely, and passes null and empty through as null', () => {
    expect(maskNik('12345678901')).toBe('***********');
    expect(maskNik('123456789012')).toBe('1234******12');
    expect(maskNik('1234')).toBe('****');
    expect(maskNik(null)).toBeNull();
    expect(maskNik(undefined)).toBeNull();
    expect(maskNik('')).toBeNull();
  });
});

describe('maskName', () => {
  it('keeps each word’s first letter', () => {
    expect(maskName('Budi Santoso')).toBe('B*** S******');
    expect(maskName('  Siti   Nur Aminah ')).toBe('S*** N** A*****');
    expect(maskName('A')).toBe('A');
  });

  it('counts letters, not UTF-16 units, and survives empty input', () => {
    expect(maskName('Ṡiti 𝕻rabu')).toBe('Ṡ*** 𝕻****');
    expect(maskName('')).toBe('');
    expect(maskName(null)).toBe('');
  });
});

describe('who sees personal data', () => {
  const tasks = [
    { unit: 'SEKSI_KEBIJAKAN', area: null },
    { unit: 'KELURAHAN', area: '16.74.01.1007' },
  ];

  it('ADMIN, SEKSI_PENGADUAN and LOKET see it on every complaint', () => {
    for (const viewer of [
      { role: 'ADMIN', unit: null, area: null },
      staff('SEKSI_PENGADUAN'),
      staff('LOKET'),
    ]) {
      expect(seesAllPersonalData(viewer)).toBe(true);
      expect(canSeePersonalData(viewer, [])).toBe(true);
    }
  });

  it('another unit only with a task of its own (and of its own area)', () => {
    expect(canSeePersonalData(staff('SEKSI_KEBIJAKAN'), tasks)).toBe(true);
    expect(canSeePersonalData(staff('SEKSI_KEBIJAKAN'), [])).toBe(false);
    expect(canSeePersonalData(staff('KELURAHAN', '16.74.01.1007'), tasks)).toBe(true);
    expect(canSeePersonalData(staff('KELURAHAN', '16.74.01.1001'), tasks)).toBe(false);
    expect(canSeePersonalData(staff('TIM_TEKNIS'), tasks)).toBe(false);
    expect(isOwnTask(staff('KELURAHAN', '16.74.01.1007'), tasks[1])).toBe(true);
  });

  it('never the Kepala Daerah, nor a STAFF without a unit', () => {
    expect(canSeePersonalData({ role: 'KEPALA_DAERAH', unit: null, area: null }, tasks)).toBe(false);
    expect(canSeePersonalData({ role: 'KEPALA_DAERAH', unit: 'SEKSI_KEBIJAKAN', area: null }, tasks)).toBe(
      false,
    );
    expect(canSeePersonalData({ role: 'STAFF', unit: null, area: null }, tasks)).toBe(false);
  });
});
