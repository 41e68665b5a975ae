import { describeEvent, STATUS_LABELS } from '../../../src/console/format';

describe('the staff console and forwarded complaints', () => {
  const at = '2026-12-01T02:00:00.000Z';

  it('names the agency and the letter of a FORWARDED event, and labels the status', () => {
    const details = {
      agency: 'DPUPR',
      agencyName: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih',
      reason: 'Urusan jalan.',
      letterNumber: '500.16/123/DPMPTSP/2026',
    };
    expect(describeEvent({ type: 'FORWARDED', actor: 'pengaduan', at, details })).toBe(
      'Pengaduan diteruskan ke Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih (surat 500.16/123/DPMPTSP/2026)',
    );
    expect(describeEvent({ type: 'FORWARDED', actor: 'pengaduan', at, details: null })).toBe(
      'Pengaduan diteruskan ke instansi yang berwenang',
    );
    expect(STATUS_LABELS.FORWARDED).toBe('Diteruskan ke instansi lain');
  });
});
