import {
  CHANNEL_KIND,
  CHANNEL_LABELS,
  CHANNELS,
  checkIntakeRules,
  type IntakeInput,
  isReceivingOfficial,
  isValidNik,
  meetsEselonIV,
  parseEselon,
} from '../../../src/domain/channels';

const VALID_NIK = '1674014506900001';

/** An eselon IV head of section: may receive a face-to-face complaint. */
const KASI = {
  fullName: 'Kasi Pengaduan',
  role: 'STAFF',
  unit: 'SEKSI_PENGADUAN',
  eselon: 'IV.a',
  active: true,
};

/** A complaint that satisfies every rule of its channel. */
const valid = (channel: IntakeInput['channel']): IntakeInput => ({
  channel,
  complainant: {
    name: 'Siti Aminah',
    nik: VALID_NIK,
    address: 'Jl. Jenderal Sudirman No. 12 RT 03 RW 01, Kel. Gunung Ibul',
    phone: '081234567890',
  },
  description: 'Izin usaha belum terbit setelah 30 hari tanpa kejelasan biaya.',
  evidence: ['tanda-terima-permohonan.pdf'],
  ...(channel === 'TATAP_MUKA' ? { receivingOfficial: KASI } : {}),
});
const rules = (input: IntakeInput) => checkIntakeRules(input).map((v) => v.rule);

describe('channel constants', () => {
  it('labels and classifies every channel as the SOP does', () => {
    expect(Object.keys(CHANNEL_LABELS).sort()).toEqual([...CHANNELS].sort());
    expect(CHANNELS.filter((c) => CHANNEL_KIND[c] === 'LANGSUNG')).toEqual(['TATAP_MUKA', 'TELEPON']);
    expect(CHANNELS.filter((c) => CHANNEL_KIND[c] === 'TAK_LANGSUNG')).toEqual([
      'FAKSIMILE',
      'EMAIL',
      'WEBSITE',
      'SURAT',
    ]);
  });
});

describe('eselon', () => {
  it.each(['I', 'II', 'III', 'IV', 'iv', ' IV.a ', 'III b', 'IVb'])('%j meets eselon IV', (e) => {
    expect(meetsEselonIV(e)).toBe(true);
  });
  it.each(['V', 'V.a', '', 'VI', 'eselon IV', '4', null, undefined])('%j does not', (e) => {
    expect(meetsEselonIV(e)).toBe(false);
  });
  it('parses the level without the sub-grade', () => {
    expect(parseEselon('iii.a')).toBe('III');
    expect(parseEselon('x')).toBeUndefined();
  });
});

describe('isValidNik', () => {
  it('accepts 16 digits with a plausible province code', () => {
    expect(isValidNik(VALID_NIK)).toBe(true);
    expect(isValidNik('1100000000000001')).toBe(true);
  });
  it.each([
    ['15 digits', '167401450690000'],
    ['17 digits', '16740145069000011'],
    ['a letter', '16740145069000O1'],
    ['spaces', '1674 0145 0690 0001'],
    ['all zeros', '0000000000000000'],
    ['province 10', '1074014506900001'],
    ['province 09', '0974014506900001'],
    ['undefined', undefined],
  ])('rejects %s', (_, nik) => {
    expect(isValidNik(nik)).toBe(false);
  });
});

describe('checkIntakeRules', () => {
  it.each(CHANNELS)('accepts a complete %s complaint', (channel) => {
    expect(checkIntakeRules(valid(channel))).toEqual([]);
  });

  it('requires the complainant name', () => {
    const v = checkIntakeRules({ ...valid('EMAIL'), complainant: { name: '  ' } });
    expect(v).toEqual([
      { field: 'complainant.name', rule: 'NAME_REQUIRED', message: 'Nama pengadu wajib diisi.' },
    ]);
  });

  it('requires a description', () => {
    expect(rules({ ...valid('WEBSITE'), description: '\n ' })).toEqual(['DESCRIPTION_REQUIRED']);
  });

  it('requires at least one non-blank piece of initial evidence (bukti awal)', () => {
    expect(rules({ ...valid('FAKSIMILE'), evidence: [] })).toEqual(['EVIDENCE_REQUIRED']);
    expect(rules({ ...valid('FAKSIMILE'), evidence: ['', '  '] })).toEqual(['EVIDENCE_REQUIRED']);
    expect(rules({ ...valid('FAKSIMILE'), evidence: ['', 'foto.jpg'] })).toEqual([]);
    const [v] = checkIntakeRules({ ...valid('FAKSIMILE'), evidence: [] });
    expect(v.message).toBe('Pengaduan wajib disertai minimal satu bukti awal.');
  });

  it('TATAP_MUKA: names the official who received it, of eselon IV or higher, whoever types it in', () => {
    const tatapMuka = (receivingOfficial: IntakeInput['receivingOfficial']) =>
      rules({ ...valid('TATAP_MUKA'), receivingOfficial });
    expect(tatapMuka({ ...KASI, eselon: 'III' })).toEqual([]);
    expect(tatapMuka({ ...KASI, unit: 'KEPALA_DINAS', eselon: 'II' })).toEqual([]);
    expect(tatapMuka({ ...KASI, eselon: 'V' })).toEqual(['TATAP_MUKA_ESELON_IV']);
    expect(tatapMuka({ ...KASI, eselon: null })).toEqual(['TATAP_MUKA_ESELON_IV']);
    expect(tatapMuka({ ...KASI, active: false })).toEqual(['TATAP_MUKA_ESELON_IV']);
    expect(tatapMuka(undefined)).toEqual(['TATAP_MUKA_OFFICIAL_REQUIRED']);
    expect(tatapMuka(null)).toEqual(['TATAP_MUKA_OFFICIAL_REQUIRED']);
    const [v] = checkIntakeRules({ ...valid('TATAP_MUKA'), receivingOfficial: { ...KASI, eselon: 'V' } });
    expect(v).toMatchObject({
      field: 'receivingOfficial',
      message:
        'Pengaduan tatap muka wajib diterima pejabat minimal eselon IV (eselon I, II, III, atau IV); Kasi Pengaduan tidak memenuhi.',
    });
    // Other channels name no receiving official.
    expect(rules(valid('EMAIL'))).toEqual([]);
    expect(rules({ ...valid('EMAIL'), receivingOfficial: KASI })).toEqual([
      'RECEIVING_OFFICIAL_TATAP_MUKA_ONLY',
    ]);
  });

  it('the receiving official: an active DPM-PTSP officer of eselon I to IV', () => {
    expect(isReceivingOfficial(KASI)).toBe(true);
    expect(isReceivingOfficial({ ...KASI, eselon: 'I' })).toBe(true);
    // The front desk has no echelon; V ranks below IV.
    expect(isReceivingOfficial({ ...KASI, unit: 'LOKET', eselon: null })).toBe(false);
    expect(isReceivingOfficial({ ...KASI, eselon: 'V' })).toBe(false);
    expect(isReceivingOfficial({ ...KASI, active: false })).toBe(false);
    // Not an officer of the office: the kelurahan apparatus, the Kepala Daerah, an admin.
    expect(isReceivingOfficial({ ...KASI, unit: 'KELURAHAN' })).toBe(false);
    expect(isReceivingOfficial({ ...KASI, role: 'KEPALA_DAERAH', unit: null })).toBe(false);
    expect(isReceivingOfficial({ ...KASI, role: 'ADMIN', unit: null })).toBe(false);
  });

  it('TELEPON: full KTP address of at least 10 characters', () => {
    const phone = (address?: string) => ({ ...valid('TELEPON'), complainant: { name: 'Budi', address } });
    expect(rules(phone('Jl. Mawar No. 5, Prabumulih'))).toEqual([]);
    expect(rules(phone('Jl. Mawar'))).toEqual(['TELEPON_KTP_ADDRESS']); // 9 characters
    expect(rules(phone('  Prabumulih  '))).toEqual([]); // exactly 10 once trimmed
    expect(rules(phone(undefined))).toEqual(['TELEPON_KTP_ADDRESS']);
    expect(checkIntakeRules(phone(''))[0].message).toBe(
      'Pengaduan melalui telepon wajib menyertakan alamat lengkap sesuai KTP.',
    );
    // A letter does not need the address.
    expect(rules({ ...valid('SURAT'), complainant: { name: 'Budi', nik: VALID_NIK } })).toEqual([]);
  });

  it('SURAT: a valid NIK', () => {
    const letter = (nik?: string) => ({ ...valid('SURAT'), complainant: { name: 'Budi', nik } });
    expect(rules(letter(VALID_NIK))).toEqual([]);
    expect(rules(letter(undefined))).toEqual(['SURAT_VALID_NIK']);
    expect(rules(letter('12345'))).toEqual(['SURAT_VALID_NIK']);
    expect(checkIntakeRules(letter(''))[0]).toMatchObject({
      field: 'complainant.nik',
      message: expect.stringContaining('NIK'),
    });
    // Other channels may omit the NIK ...
    expect(rules({ ...valid('WEBSITE'), complainant: { name: 'Budi' } })).toEqual([]);
    // ... but a NIK that is given must be well-formed.
    expect(rules({ ...valid('WEBSITE'), complainant: { name: 'Budi', nik: '12345' } })).toEqual([
      'NIK_FORMAT',
    ]);
  });

  it('reports every problem at once', () => {
    const input = {
      channel: 'TELEPON',
      complainant: { name: '' },
      description: '',
      evidence: [],
    } as IntakeInput;
    expect(rules(input)).toEqual([
      'NAME_REQUIRED',
      'DESCRIPTION_REQUIRED',
      'EVIDENCE_REQUIRED',
      'TELEPON_KTP_ADDRESS',
    ]);
  });

  it('rejects an unknown channel', () => {
    expect(rules({ ...valid('EMAIL'), channel: 'WHATSAPP' as IntakeInput['channel'] })).toEqual([
      'CHANNEL_VALID',
    ]);
  });
});
