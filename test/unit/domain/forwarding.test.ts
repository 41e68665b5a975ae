import {
  AGENCIES,
  AGENCY_CODES,
  agencyName,
  findAgency,
  isPlausibleLetterNumber,
  LETTER_NUMBER_MESSAGE,
} from '../../../src/domain/agencies';
import {
  CLOSED_STATUSES,
  COMPLAINT_STATUSES,
  checkForward,
  checkForwardAllowed,
  checkNotClosed,
  isClosed,
  OPEN_STATUSES,
} from '../../../src/domain/complaint-rules';
import { STATUS_LABELS } from '../../../src/domain/status-labels';
import { publicStageLabel } from '../../../src/domain/timeline-labels';

const OK = { agency: 'DPUPR', reason: 'Urusan jalan kota.', letterNumber: '500.16/123/DPMPTSP/2026' };

describe('agencies a complaint is forwarded to', () => {
  it('lists the national system, the supervisors and the city OPD, each code once, with a Bahasa name', () => {
    expect(AGENCY_CODES).toEqual(
      expect.arrayContaining(['SP4N_LAPOR', 'INSPEKTORAT', 'OMBUDSMAN_SUMSEL', 'POLRES_PRABUMULIH']),
    );
    expect(new Set(AGENCY_CODES).size).toBe(AGENCIES.length);
    expect(AGENCIES.filter((a) => a.kind === 'OPD').length).toBeGreaterThanOrEqual(15);
    for (const a of AGENCIES) {
      expect(a.code).toMatch(/^[A-Z0-9_]+$/);
      expect(a.name.length).toBeGreaterThan(5);
    }
    expect(findAgency('SP4N_LAPOR')?.kind).toBe('NASIONAL');
    expect(findAgency('dpupr')).toBeUndefined();
    expect(findAgency(42)).toBeUndefined();
    expect(agencyName('INSPEKTORAT')).toBe('Inspektorat Daerah Kota Prabumulih');
    expect(agencyName('DIHAPUS')).toBe('DIHAPUS');
  });

  it.each([
    '500.16/123/DPMPTSP/2026',
    '045.2/017/DPMPTSP/XII/2026',
    'B-12/Dinas Kominfo/2026',
    '800 / 45 / DPMPTSP / 2026',
  ])('accepts the usual letter number %s', (n) => {
    expect(isPlausibleLetterNumber(n)).toBe(true);
  });

  it.each([
    ['no slash', '500.16-123'],
    ['no digit', 'ABC/DEF'],
    ['a stray character', '500/12/DPMPTSP;2026'],
    ['a leading slash', '/123/2026'],
    ['a trailing slash', '123/2026/'],
    ['too short', '1/'],
    ['too long', `1/${'A'.repeat(120)}`],
    ['not text', 5001],
  ])('refuses a letter number with %s', (_, n) => {
    expect(isPlausibleLetterNumber(n)).toBe(false);
  });
});

describe('FORWARDED status', () => {
  it('is a closed status, appended to the lists, with its labels', () => {
    expect(COMPLAINT_STATUSES.at(-1)).toBe('FORWARDED');
    expect(CLOSED_STATUSES).toContain('FORWARDED');
    expect(OPEN_STATUSES as readonly string[]).not.toContain('FORWARDED');
    expect(isClosed('FORWARDED')).toBe(true);
    expect(checkNotClosed('FORWARDED')).toEqual({
      type: 'CONFLICT',
      message: 'Pengaduan ini sudah diteruskan ke instansi lain dan ditutup.',
    });
    expect(STATUS_LABELS.FORWARDED).toBe('Diteruskan ke instansi lain (bukan wewenang)');
    expect(publicStageLabel('FORWARDED')).toBe('Pengaduan diteruskan ke instansi yang berwenang');
  });
});

describe('checkForward', () => {
  it('allows a case awaiting triage, to a listed agency, with a reason and a plausible letter number', () => {
    expect(checkForward('RECEIVED', OK)).toBeNull();
    expect(checkForwardAllowed('RECEIVED')).toBeNull();
  });

  it.each(['IN_PROGRESS', 'AWAITING_DECISION', 'AWAITING_RESPONSE'])(
    'refuses a case already triaged (%s) with a conflict',
    (status) => {
      expect(checkForward(status, OK)).toEqual({
        type: 'CONFLICT',
        message:
          'Pengaduan hanya dapat diteruskan ke instansi lain sebelum ditriase; pengaduan ini sudah ditriase.',
      });
    },
  );

  it.each(['RESOLVED', 'REJECTED', 'FORWARDED'])(
    'refuses a closed case (%s) with its own message',
    (status) => {
      expect(checkForward(status, OK)).toEqual(checkNotClosed(status));
    },
  );

  it('refuses an unknown agency, a missing or blank reason and a bad letter number', () => {
    expect(checkForward('RECEIVED', { ...OK, agency: 'DINAS_X' })).toEqual({
      type: 'INVALID',
      message: 'Instansi tujuan tidak dikenal; pilih dari daftar instansi.',
    });
    expect(checkForward('RECEIVED', { ...OK, reason: '' })?.type).toBe('INVALID');
    expect(checkForward('RECEIVED', { ...OK, reason: '  ' })).toEqual({
      type: 'RULE',
      message: 'Alasan penerusan wajib diisi.',
    });
    expect(checkForward('RECEIVED', { ...OK, letterNumber: ' ' })).toEqual({
      type: 'RULE',
      message: 'Nomor surat keluar wajib diisi.',
    });
    expect(checkForward('RECEIVED', { ...OK, letterNumber: 'surat biasa' })).toEqual({
      type: 'INVALID',
      message: LETTER_NUMBER_MESSAGE,
    });
    // Surrounding spaces are trimmed before the format is checked.
    expect(checkForward('RECEIVED', { ...OK, letterNumber: ' 500/1/DPMPTSP/2026 ' })).toBeNull();
  });
});
