import {
  type CaseFacts,
  CLOSED_STATUSES,
  COMPLAINT_STATUSES,
  checkLocation,
  checkLocationConsistent,
  checkLocationRequired,
  checkNotClosed,
  checkRecategorisation,
  checkResponder,
  checkResponse,
  checkResponseAllowed,
  checkTaskCompletion,
  checkTaskExists,
  checkTaskNotDone,
  checkTaskOwnership,
  checkText,
  checkTriage,
  checkTriageAllowed,
  isClosed,
  OPEN_STATUSES,
  REFUSAL_TYPES,
  type TaskFacts,
} from '../../../src/domain/complaint-rules';
import { REJECTION, COMPLAINT_STATUSES as WORKFLOW_STATUSES } from '../../../workflows/complaint/definitions';

const KECAMATAN = '16.74.01';
const KELURAHAN = '16.74.01.1001';
const HERE = { kecamatan: KECAMATAN, kelurahan: KELURAHAN };
const ELSEWHERE_KELURAHAN = '16.74.02.1001';

const caseIn = (status: string, extra: Partial<CaseFacts> = {}): CaseFacts => ({
  status,
  category: null,
  location: null,
  ...extra,
});

describe('statuses', () => {
  it('splits every status into open or closed, once', () => {
    expect([...OPEN_STATUSES, ...CLOSED_STATUSES].sort()).toEqual([...COMPLAINT_STATUSES].sort());
    expect(CLOSED_STATUSES).toEqual(['RESOLVED', 'REJECTED', 'FORWARDED']);
  });

  it('isClosed holds for RESOLVED, REJECTED and FORWARDED only', () => {
    for (const s of OPEN_STATUSES) expect(isClosed(s)).toBe(false);
    for (const s of CLOSED_STATUSES) expect(isClosed(s)).toBe(true);
    expect(isClosed('UNKNOWN')).toBe(false);
  });

  it('the workflow re-exports the statuses', () => {
    // Existing imports from workflows/complaint/definitions keep working.
    expect(WORKFLOW_STATUSES).toBe(COMPLAINT_STATUSES);
  });
});

describe('refusal types', () => {
  it('has one REJECTION wire value per type, unchanged', () => {
    expect(Object.keys(REJECTION).sort()).toEqual([...REFUSAL_TYPES].sort());
    expect(REJECTION).toEqual({
      CONFLICT: 'CONFLICT',
      RULE: 'RULE',
      INVALID: 'INVALID',
      NOT_FOUND: 'NOT_FOUND',
      FORBIDDEN: 'FORBIDDEN',
    });
  });
});

describe('checkText', () => {
  it('refuses missing, non-string and empty text (INVALID) and text of only whitespace (RULE)', () => {
    for (const v of [undefined, null, 42, ''])
      expect(checkText(v, 'Wajib.')).toEqual({ type: 'INVALID', message: 'Wajib.' });
    for (const v of ['   ', '\u00a0', '\t\n'])
      expect(checkText(v, 'Wajib.')).toEqual({ type: 'RULE', message: 'Wajib.' });
    expect(checkText(' ada ', 'Wajib.')).toBeNull();
  });
});

describe('checkNotClosed', () => {
  it('allows open cases', () => {
    for (const s of OPEN_STATUSES) expect(checkNotClosed(s)).toBeNull();
  });

  it('refuses closed cases with their messages', () => {
    expect(checkNotClosed('REJECTED')).toEqual({
      type: 'CONFLICT',
      message: 'Pengaduan ini sudah ditolak dan ditutup.',
    });
    expect(checkNotClosed('RESOLVED')).toEqual({
      type: 'CONFLICT',
      message: 'Pengaduan ini sudah selesai ditanggapi.',
    });
  });
});

describe('location', () => {
  it('RINGAN needs none', () => {
    expect(checkLocationRequired('RINGAN', null)).toBeNull();
    expect(checkLocation('RINGAN', null)).toBeNull();
    // Not even a consistent one: RINGAN never looks at it.
    expect(checkLocation('RINGAN', { kecamatan: KECAMATAN, kelurahan: ELSEWHERE_KELURAHAN })).toBeNull();
  });

  it('SEDANG and BERAT need kecamatan and kelurahan', () => {
    expect(checkLocationRequired('SEDANG', null)).toEqual({
      type: 'RULE',
      message: 'Pengaduan kategori SEDANG wajib menyertakan lokasi (kecamatan dan kelurahan).',
    });
    expect(checkLocationRequired('BERAT', { kecamatan: KECAMATAN })?.type).toBe('RULE');
    expect(checkLocation('BERAT', { kecamatan: KECAMATAN, kelurahan: '' })?.type).toBe('RULE');
    expect(checkLocationRequired('SEDANG', HERE)).toBeNull();
    expect(checkLocation('SEDANG', HERE)).toBeNull();
  });

  it('the kelurahan must lie in the kecamatan', () => {
    const elsewhere = { kecamatan: KECAMATAN, kelurahan: ELSEWHERE_KELURAHAN };
    const refused = {
      type: 'RULE',
      message: 'Kelurahan yang dipilih tidak berada di kecamatan tersebut.',
    };
    expect(checkLocationConsistent(elsewhere)).toEqual(refused);
    expect(checkLocation('SEDANG', elsewhere)).toEqual(refused);
    expect(checkLocationConsistent(HERE)).toBeNull();
  });

  it('asks the given master data when there is one', () => {
    expect(checkLocationConsistent(HERE, () => false)?.type).toBe('RULE');
    expect(
      checkLocationConsistent({ kecamatan: 'A', kelurahan: 'B' }, (kel, kec) => kel === 'B' && kec === 'A'),
    ).toBeNull();
  });
});

describe('triage', () => {
  it('is allowed only on a case just received; a closed case is refused with the reason it closed', () => {
    expect(checkTriageAllowed('RECEIVED')).toBeNull();
    for (const s of OPEN_STATUSES.filter((s) => s !== 'RECEIVED'))
      expect(checkTriageAllowed(s)).toEqual({ type: 'CONFLICT', message: 'Pengaduan ini sudah ditriase.' });
    for (const s of CLOSED_STATUSES) expect(checkTriageAllowed(s)).toEqual(checkNotClosed(s));
    expect(checkTriageAllowed('REJECTED')?.message).toBe('Pengaduan ini sudah ditolak dan ditutup.');
  });

  it('allows a category with its location, or a rejection with its reason', () => {
    expect(checkTriage(caseIn('RECEIVED'), { category: 'RINGAN' })).toBeNull();
    expect(checkTriage(caseIn('RECEIVED'), { category: 'SEDANG', location: HERE })).toBeNull();
    // The location given at intake will do.
    expect(checkTriage(caseIn('RECEIVED', { location: HERE }), { category: 'BERAT' })).toBeNull();
    expect(checkTriage(caseIn('RECEIVED'), { reject: { reason: 'Di luar kewenangan.' } })).toBeNull();
  });

  it('refuses what is missing, in the workflow order', () => {
    expect(checkTriage(caseIn('IN_PROGRESS'), { category: 'RINGAN' })?.message).toBe(
      'Pengaduan ini sudah ditriase.',
    );
    expect(checkTriage(caseIn('RECEIVED'), { reject: { reason: ' ' } })).toEqual({
      type: 'RULE',
      message: 'Alasan penolakan wajib diisi.',
    });
    expect(checkTriage(caseIn('RECEIVED'), {})).toEqual({
      type: 'INVALID',
      message: 'Kategori pengaduan (RINGAN, SEDANG atau BERAT) wajib diisi.',
    });
    expect(checkTriage(caseIn('RECEIVED'), { category: 'SEDANG' })?.type).toBe('RULE');
    // A rejection needs no category and no location.
    expect(checkTriage(caseIn('RECEIVED'), { category: 'BERAT', reject: { reason: 'x' } })).toBeNull();
  });
});

describe('tasks', () => {
  const task = (extra: Partial<TaskFacts> = {}): TaskFacts => ({
    unit: 'SEKSI_PENGADUAN',
    area: null,
    status: 'OPEN',
    ...extra,
  });
  const kelurahanTask = task({ unit: 'KELURAHAN', area: KELURAHAN });

  it('a task must exist', () => {
    expect(checkTaskExists(undefined)).toEqual({
      type: 'NOT_FOUND',
      message: 'Tugas tidak ditemukan pada pengaduan ini.',
    });
    expect(checkTaskExists(task())).toBeNull();
  });

  it('a task is completed once', () => {
    expect(checkTaskNotDone(task({ status: 'DONE' }))).toEqual({
      type: 'CONFLICT',
      message: 'Tugas ini sudah diselesaikan.',
    });
    expect(checkTaskNotDone(task())).toBeNull();
  });

  it('a task belongs to its unit', () => {
    expect(checkTaskOwnership(task(), { unit: 'SEKSI_PENGADUAN' })).toBeNull();
    expect(checkTaskOwnership(task(), { unit: 'LOKET' })).toEqual({
      type: 'FORBIDDEN',
      message: 'Tugas ini bukan milik unit Anda.',
    });
    expect(checkTaskOwnership(task(), { unit: null })?.type).toBe('FORBIDDEN');
    // Other units' tasks ignore the area.
    expect(checkTaskOwnership(task(), { unit: 'SEKSI_PENGADUAN', area: KELURAHAN })).toBeNull();
  });

  it('a KECAMATAN/KELURAHAN task belongs to the officers of its area', () => {
    expect(checkTaskOwnership(kelurahanTask, { unit: 'KELURAHAN', area: KELURAHAN })).toBeNull();
    expect(checkTaskOwnership(kelurahanTask, { unit: 'KELURAHAN', area: ELSEWHERE_KELURAHAN })).toEqual({
      type: 'FORBIDDEN',
      message: 'Tugas ini untuk aparatur wilayah lain.',
    });
    expect(checkTaskOwnership(kelurahanTask, { unit: 'KELURAHAN' })?.type).toBe('FORBIDDEN');
    const kecamatanTask = task({ unit: 'KECAMATAN', area: KECAMATAN });
    expect(checkTaskOwnership(kecamatanTask, { unit: 'KECAMATAN', area: KECAMATAN })).toBeNull();
    expect(checkTaskOwnership(kecamatanTask, { unit: 'KECAMATAN', area: '16.74.02' })?.type).toBe(
      'FORBIDDEN',
    );
  });

  it('a completion checks existence, then done, then ownership, then the outcome', () => {
    const owner = { unit: 'KELURAHAN', area: KELURAHAN };
    expect(checkTaskCompletion(kelurahanTask, owner, 'Sudah ditinjau.')).toBeNull();
    expect(checkTaskCompletion(undefined, owner, 'x')?.type).toBe('NOT_FOUND');
    // A done task is a 409 even for someone else's task (the workflow's order).
    expect(checkTaskCompletion({ ...kelurahanTask, status: 'DONE' }, { unit: 'LOKET' }, 'x')?.type).toBe(
      'CONFLICT',
    );
    expect(checkTaskCompletion(kelurahanTask, { unit: 'LOKET' }, '')?.type).toBe('FORBIDDEN');
    expect(checkTaskCompletion(kelurahanTask, owner, '  ')).toEqual({
      type: 'RULE',
      message: 'Hasil penanganan (outcome) wajib diisi.',
    });
  });
});

describe('recategorisation', () => {
  const triaged = caseIn('IN_PROGRESS', { category: 'RINGAN' });

  it('goes upward, with a reason and the location the new category needs', () => {
    expect(
      checkRecategorisation(triaged, { category: 'SEDANG', reason: 'Dampak lingkungan.', location: HERE }),
    ).toBeNull();
    expect(
      checkRecategorisation(
        { ...triaged, category: 'SEDANG', location: HERE },
        { category: 'BERAT', reason: 'x' },
      ),
    ).toBeNull();
  });

  it('refuses closed, untriaged, sideways or downward, and unexplained changes', () => {
    expect(
      checkRecategorisation({ ...triaged, status: 'RESOLVED' }, { category: 'SEDANG', reason: 'x' }),
    ).toEqual({
      type: 'CONFLICT',
      message: 'Pengaduan ini sudah selesai ditanggapi.',
    });
    expect(checkRecategorisation(caseIn('RECEIVED'), { category: 'SEDANG', reason: 'x' })).toEqual({
      type: 'CONFLICT',
      message: 'Pengaduan belum ditriase; tentukan kategori melalui triase.',
    });
    expect(
      checkRecategorisation({ ...triaged, category: 'SEDANG' }, { category: 'RINGAN', reason: 'x' }),
    ).toEqual({ type: 'RULE', message: 'Kategori hanya dapat dinaikkan (saat ini SEDANG).' });
    expect(checkRecategorisation(triaged, { category: 'RINGAN', reason: 'x' })?.type).toBe('RULE');
    expect(checkRecategorisation(triaged, { category: 'SEDANG', reason: '', location: HERE })).toEqual({
      type: 'INVALID',
      message: 'Alasan perubahan kategori wajib diisi.',
    });
    expect(checkRecategorisation(triaged, { category: 'SEDANG', reason: 'x' })).toEqual({
      type: 'RULE',
      message: 'Pengaduan kategori SEDANG wajib menyertakan lokasi (kecamatan dan kelurahan).',
    });
  });
});

describe('response', () => {
  it('is allowed once the case awaits it', () => {
    expect(checkResponseAllowed('AWAITING_RESPONSE')).toBeNull();
    expect(checkResponse('AWAITING_RESPONSE', { response: 'Izin telah terbit.' })).toBeNull();
  });

  it('refuses closed and unfinished cases, and an empty response', () => {
    expect(checkResponseAllowed('REJECTED')?.message).toBe('Pengaduan ini sudah ditolak dan ditutup.');
    for (const s of ['RECEIVED', 'IN_PROGRESS', 'AWAITING_DECISION'])
      expect(checkResponseAllowed(s)).toEqual({
        type: 'CONFLICT',
        message: 'Tanggapan belum dapat diberikan: penanganan pengaduan belum selesai.',
      });
    expect(checkResponse('AWAITING_RESPONSE', { response: '' })).toEqual({
      type: 'INVALID',
      message: 'Isi tanggapan wajib diisi.',
    });
  });
});

describe('who gives the response (SOP B.3)', () => {
  it('the front desk or Seksi Pengaduan for a RINGAN case', () => {
    expect(checkResponder('RINGAN', 'LOKET')).toBeNull();
    expect(checkResponder('RINGAN', 'SEKSI_PENGADUAN')).toBeNull();
    expect(checkResponder('RINGAN', 'KABID_PENGADUAN')).toEqual({
      type: 'FORBIDDEN',
      message:
        'Tanggapan pengaduan kategori RINGAN hanya diberikan oleh Seksi Pengaduan dan Informasi Layanan atau Petugas Loket.',
    });
  });

  it('only Seksi Pengaduan for SEDANG and BERAT: the front desk does not settle them', () => {
    for (const category of ['SEDANG', 'BERAT'] as const) {
      expect(checkResponder(category, 'SEKSI_PENGADUAN')).toBeNull();
      expect(checkResponder(category, 'LOKET')).toEqual({
        type: 'FORBIDDEN',
        message: `Tanggapan pengaduan kategori ${category} hanya diberikan oleh Seksi Pengaduan dan Informasi Layanan.`,
      });
      expect(checkResponder(category, null)?.type).toBe('FORBIDDEN');
    }
  });

  it('leaves a case not triaged yet to the status check', () => {
    expect(checkResponder(null, 'LOKET')).toBeNull();
  });
});
