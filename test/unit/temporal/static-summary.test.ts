import type { Complaint } from '../../../src/db/entities';
import { staticSummaryOf } from '../../../src/temporal/complaint-workflows';

const complaint = (identityMode: string | undefined, complainantName: string) =>
  ({
    registerNumber: '2026/12/0007',
    channel: 'WEBSITE',
    kecamatan: '16.74.01',
    kelurahan: '16.74.01.1007',
    complainantName,
    identityMode,
  }) as Complaint;

describe('the summary operators see in the Temporal Web UI', () => {
  it('names no BIASA complainant, not even by initials', () => {
    expect(staticSummaryOf(complaint('BIASA', 'Siti Aminah'))).toBe(
      'Pengaduan 2026/12/0007 · Website · 16.74.01.1007 · pengadu beridentitas',
    );
    expect(staticSummaryOf(complaint(undefined, 'Siti Aminah'))).not.toMatch(/S\.A\.|Siti/);
  });

  it('names no RAHASIA or ANONIM complainant, not even by initials', () => {
    expect(staticSummaryOf(complaint('RAHASIA', 'Siti Aminah'))).toBe(
      'Pengaduan 2026/12/0007 · Website · 16.74.01.1007 · pengadu dirahasiakan',
    );
    expect(staticSummaryOf(complaint('ANONIM', 'Anonim'))).toBe(
      'Pengaduan 2026/12/0007 · Website · 16.74.01.1007 · pengadu anonim',
    );
  });
});
