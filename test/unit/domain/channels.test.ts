import {
  CHANNEL_KIND,
  CHANNEL_LABELS,
  CHANNELS,
  checkIntakeRules,
  complainantAddressText,
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
    address:
      'Jl. Jenderal Sudirman No. 12 RT 03 RW 01, Kel. Gunung Ibul, Kec. Prabumulih Timur, Kota Prabumulih',
    phone: '081234567890',
    email: 'siti@example.com',
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
  // The structure itself is tested in nik.test.ts; channels re-exports the same check.
  it('accepts a NIK of a real province, regency, birth date and serial', () => {
    expect(isValidNik(VALID_NIK)).toBe(true);
    expect(isValidNik('1674011203850001')).toBe(true);
  });
  it.each([
    ['15 digits', '167401450690000'],
    ['province 99', '9974019999990001'],
    ['regency 11.00', '1100000000000001'],
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
    const v = checkIntakeRules({ ...valid('WEBSITE'), complainant: { name: '  ' } });
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

  describe('TELEPON: the address as a KTP has it', () => {
    const phone = (complainant: Partial<IntakeInput['complainant']>) => ({
      ...valid('TELEPON'),
      complainant: { name: 'Budi', ...complainant },
    });
    const ktpAddress = {
      street: 'Jl. Mawar No. 5',
      rt: '002',
      rw: '003',
      kelurahan: 'Gunung Ibul',
      kecamatan: 'Prabumulih Timur',
      city: 'Kota Prabumulih',
    };

    it('accepts every part, given part by part or in one line', () => {
      expect(rules(phone({ ktpAddress }))).toEqual([]);
      expect(
        rules(
          phone({
            address: 'Jl. Mawar No. 5, RT 02 RW 03, Kel. Gunung Ibul, Kec. Prabumulih Timur, Kota Prabumulih',
          }),
        ),
      ).toEqual([]);
    });

    it('refuses a city alone (formerly any 10 characters passed), naming every missing part', () => {
      expect(checkIntakeRules(phone({ address: 'Prabumulih' }))).toEqual([
        {
          field: 'complainant.address',
          rule: 'TELEPON_KTP_ADDRESS',
          message:
            'Pengaduan melalui telepon wajib menyertakan alamat lengkap sesuai KTP; belum ada: jalan dan nomor rumah (atau dusun), RT, RW, kelurahan/desa, kecamatan dan kabupaten/kota.',
        },
      ]);
      expect(rules(phone({}))).toEqual(['TELEPON_KTP_ADDRESS']);
    });

    it.each([
      ['street', 'jalan dan nomor rumah (atau dusun)'],
      ['rt', 'RT'],
      ['rw', 'RW'],
      ['kelurahan', 'kelurahan/desa'],
      ['kecamatan', 'kecamatan'],
      ['city', 'kabupaten/kota'],
    ])('names the missing %s of the parts', (part, label) => {
      expect(checkIntakeRules(phone({ ktpAddress: { ...ktpAddress, [part]: '' } }))).toEqual([
        {
          field: 'complainant.ktpAddress',
          rule: 'TELEPON_KTP_ADDRESS',
          message: `Pengaduan melalui telepon wajib menyertakan alamat lengkap sesuai KTP; belum ada: ${label}.`,
        },
      ]);
    });

    it('names two missing parts of a line of text', () => {
      const [v] = checkIntakeRules(
        phone({ address: 'Jl. Mawar No. 5, Kel. Gunung Ibul, Kec. Prabumulih Timur, Kota Prabumulih' }),
      );
      expect(v.message).toBe(
        'Pengaduan melalui telepon wajib menyertakan alamat lengkap sesuai KTP; belum ada: RT dan RW.',
      );
    });

    it('takes the address in one form only', () => {
      expect(rules(phone({ ktpAddress, address: 'Jl. Mawar No. 5' }))).toEqual(['ADDRESS_ONE_FORM']);
      expect(rules({ ...valid('WEBSITE'), complainant: { name: 'Budi', ktpAddress, address: 'x' } })).toEqual(
        ['ADDRESS_ONE_FORM'],
      );
    });

    it('is asked of phone complaints only', () => {
      expect(rules({ ...valid('SURAT'), complainant: { name: 'Budi', nik: VALID_NIK } })).toEqual([]);
      expect(rules({ ...valid('WEBSITE'), complainant: { name: 'Budi', address: 'Prabumulih' } })).toEqual(
        [],
      );
    });

    it('composes the parts into the one-line address that is stored', () => {
      expect(complainantAddressText({ ktpAddress })).toBe(
        'Jl. Mawar No. 5, RT 002/RW 003, Kel/Desa Gunung Ibul, Kec. Prabumulih Timur, Kota Prabumulih',
      );
      expect(complainantAddressText({ address: '  Jl. Mawar  ' })).toBe('Jl. Mawar');
      expect(complainantAddressText({ address: ' ' })).toBeUndefined();
    });
  });

  it("EMAIL: the sender's e-mail address", () => {
    const mail = (email?: string) => ({ ...valid('EMAIL'), complainant: { name: 'Budi', email } });
    expect(rules(mail('budi@example.com'))).toEqual([]);
    expect(checkIntakeRules(mail(undefined))).toEqual([
      {
        field: 'complainant.email',
        rule: 'EMAIL_SENDER_ADDRESS',
        message: 'Pengaduan melalui email wajib menyertakan alamat email pengirim.',
      },
    ]);
    expect(rules(mail(' '))).toEqual(['EMAIL_SENDER_ADDRESS']);
    // A phone number does not answer an e-mail.
    expect(rules({ ...mail(undefined), complainant: { name: 'Budi', phone: '081234567890' } })).toEqual([
      'EMAIL_SENDER_ADDRESS',
    ]);
  });

  it('FAKSIMILE: a fax or phone number to answer to', () => {
    const fax = (phone?: string) => ({ ...valid('FAKSIMILE'), complainant: { name: 'Budi', phone } });
    expect(rules(fax('0713 322100'))).toEqual([]);
    expect(checkIntakeRules(fax(undefined))).toEqual([
      {
        field: 'complainant.phone',
        rule: 'FAKSIMILE_CONTACT_NUMBER',
        message:
          'Pengaduan melalui faksimile wajib menyertakan nomor faksimile atau nomor telepon pengirim untuk menjawabnya.',
      },
    ]);
    expect(rules({ ...fax(undefined), complainant: { name: 'Budi', email: 'budi@example.com' } })).toEqual([
      'FAKSIMILE_CONTACT_NUMBER',
    ]);
    // Other channels ask for neither.
    expect(rules({ ...valid('WEBSITE'), complainant: { name: 'Budi' } })).toEqual([]);
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
    // ... but a NIK that is given must be well-formed ...
    expect(rules({ ...valid('WEBSITE'), complainant: { name: 'Budi', nik: '12345' } })).toEqual([
      'NIK_FORMAT',
    ]);
  });

  it.each(CHANNELS)('%s: a NIK that is given must be one that can exist', (channel) => {
    const input = {
      ...valid(channel),
      complainant: { ...valid(channel).complainant, nik: '9974019999990001' },
    };
    expect(checkIntakeRules(input)).toEqual([
      {
        field: 'complainant.nik',
        rule: 'NIK_VALID',
        message: 'NIK tidak sah: kode provinsi 99 (digit 1-2) tidak ada dalam kode wilayah Kemendagri.',
      },
    ]);
    const woman = { ...input, complainant: { ...input.complainant, nik: '1674014506900001' } };
    expect(checkIntakeRules(woman)).toEqual([]);
    const noBirthDate = { ...input, complainant: { ...input.complainant, nik: '1674013213850001' } };
    expect(rules(noBirthDate)).toEqual(['NIK_VALID']);
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
    expect(rules({ ...input, channel: 'EMAIL' })).toEqual([
      'NAME_REQUIRED',
      'DESCRIPTION_REQUIRED',
      'EVIDENCE_REQUIRED',
      'EMAIL_SENDER_ADDRESS',
    ]);
  });

  it('rejects an unknown channel', () => {
    expect(rules({ ...valid('EMAIL'), channel: 'WHATSAPP' as IntakeInput['channel'] })).toEqual([
      'CHANNEL_VALID',
    ]);
  });
});
