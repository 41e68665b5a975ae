import { describeEvent } from '../../../src/console/format';

describe('describeEvent', () => {
  const at = '2026-12-01T02:00:00.000Z';

  it('names the official who received a face-to-face complaint, with their echelon', () => {
    const details = {
      channel: 'TATAP_MUKA',
      receivingOfficial: { username: 'pengaduan', name: 'Kasi Pengaduan', eselon: 'IV' },
    };
    expect(describeEvent({ type: 'RECEIVED', actor: 'loket', at, details })).toBe(
      'Pengaduan diterima langsung oleh Kasi Pengaduan (eselon IV)',
    );
  });

  it('says only that a complaint was received through another channel', () => {
    expect(describeEvent({ type: 'RECEIVED', actor: 'loket', at, details: { channel: 'EMAIL' } })).toBe(
      'Pengaduan diterima',
    );
  });
});
