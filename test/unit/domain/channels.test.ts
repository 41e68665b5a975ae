import {
  CHANNEL_KIND,
  CHANNEL_LABELS,
  CHANNELS,
  checkIntakeRules,
  type IntakeInput,
  isValidNik,
  meetsEselonIV,
  parseEselon,
} from '../../../src/domain/channels';

const VALID_NIK = '1674014506900001';

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
  receivedBy: { eselon: 'IV' },
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

  it('TATAP_MUKA: received by an official of eselon IV or higher', () => {
    expect(rules({ ...valid('TATAP_MUKA'), receivedBy: { eselon: 'III' } })).toEqual([]);
    expect(rules({ ...valid('TATAP_MUKA'), receivedBy: { eselon: 'V' } })).toEqual(['TATAP_MUKA_ESELON_IV']);
    expect(rules({ ...valid('TATAP_MUKA'), receivedBy: { eselon: null } })).toEqual(['TATAP_MUKA_ESELON_IV']);
    expect(rules({ ...valid('TATAP_MUKA'), receivedBy: undefined })).toEqual(['TATAP_MUKA_ESELON_IV']);
    // Other channels do not care who received it.
    expect(rules({ ...valid('EMAIL'), receivedBy: undefined })).toEqual([]);
    const [v] = checkIntakeRules({ ...valid('TATAP_MUKA'), receivedBy: {} });
    expect(v).toMatchObject({
      field: 'receivedBy.eselon',
      message: expect.stringContaining('minimal eselon IV'),
    });
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
