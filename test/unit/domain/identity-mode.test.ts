import { CHANNELS, checkIntakeRules, type IntakeInput } from '../../../src/domain/channels';
import {
  ANONYMOUS_NAME,
  CONFIDENTIAL_TEXT,
  checkIdentityMode,
  IDENTITY_MODE_CHANNELS,
  identityAccess,
  identityAsSeen,
  identityModeOf,
  seesConfidentialIdentity,
  summaryComplainant,
} from '../../../src/domain/identity-mode';
import type { Viewer } from '../../../src/domain/personal-data';

const staff = (unit: string, area: string | null = null): Viewer => ({ role: 'STAFF', unit, area });
const rules = (input: IntakeInput) => checkIntakeRules(input).map((v) => v.rule);

const base = {
  description: 'Petugas meminta uang Rp500.000 di luar tarif resmi agar izin cepat terbit (pungli).',
  evidence: ['Rekaman percakapan'],
};
const anonymous = (channel: IntakeInput['channel'], extra: Partial<IntakeInput> = {}): IntakeInput => ({
  channel,
  complainant: undefined as unknown as IntakeInput['complainant'],
  identityMode: 'ANONIM',
  ...base,
  ...extra,
});

describe('intake with an identity mode', () => {
  it('offers RAHASIA and ANONIM on the website and e-mail only', () => {
    expect(IDENTITY_MODE_CHANNELS).toEqual(['WEBSITE', 'EMAIL']);
    for (const channel of CHANNELS) {
      const confidential = rules({
        channel,
        identityMode: 'RAHASIA',
        complainant: {
          name: 'Siti Aminah',
          email: 'siti@example.com',
          phone: '081234567890',
          address:
            'Jl. Jenderal Sudirman No. 12 RT 03 RW 01, Kel. Gunung Ibul, Kec. Prabumulih Timur, Kota Prabumulih',
          nik: channel === 'SURAT' ? '1674014108900001' : undefined,
        },
        ...base,
      });
      const allowed = channel === 'WEBSITE' || channel === 'EMAIL';
      expect(confidential.includes('IDENTITY_MODE_CHANNEL')).toBe(!allowed);
      expect(rules(anonymous(channel)).includes('IDENTITY_MODE_CHANNEL')).toBe(!allowed);
    }
  });

  it('lets a confidential complaint of extortion (pungli) leave out the NIK', () => {
    expect(
      rules({ channel: 'WEBSITE', identityMode: 'RAHASIA', complainant: { name: 'Siti Aminah' }, ...base }),
    ).toEqual([]);
    // RAHASIA still needs a name: it is the identity kept in confidence.
    expect(
      rules({ channel: 'WEBSITE', identityMode: 'RAHASIA', complainant: { name: ' ' }, ...base }),
    ).toEqual(['NAME_REQUIRED']);
  });

  it('takes an anonymous complaint with no identity at all, by the website or by e-mail', () => {
    expect(rules(anonymous('WEBSITE'))).toEqual([]);
    // The e-mail's sender address is not recorded when the complainant asks for anonymity.
    expect(rules(anonymous('EMAIL'))).toEqual([]);
    expect(rules(anonymous('WEBSITE', { notifyBy: 'NONE' }))).toEqual([]);
  });

  it('refuses any identity or notification sent with an anonymous complaint', () => {
    for (const complainant of [
      { name: 'Siti' },
      { nik: '1674014108900001' },
      { address: 'Jl. Sudirman' },
      { ktpAddress: { street: 'Jl. Sudirman' } },
      { phone: '081234567890' },
      { email: 'siti@example.com' },
    ]) {
      const input = anonymous('WEBSITE', { complainant: complainant as IntakeInput['complainant'] });
      expect(rules(input)).toContain('ANONIM_NO_IDENTITY');
    }
    const violations = checkIdentityMode({
      channel: 'WEBSITE',
      identityMode: 'ANONIM',
      complainant: { name: 'Siti', email: 'siti@example.com' },
      notifyBy: 'EMAIL',
    });
    expect(violations.map((v) => v.rule)).toEqual(['ANONIM_NO_IDENTITY', 'ANONIM_NO_NOTIFICATION']);
    expect(violations[0].message).toBe(
      'Pengaduan anonim tidak mencatat identitas pengadu; kosongkan nama, email, atau pilih pengaduan rahasia.',
    );
    expect(violations[0].field).toBe('complainant.name');
    // Blank fields are no identity.
    expect(rules(anonymous('WEBSITE', { complainant: { name: ' ', email: '' } }))).toEqual([]);
  });

  it('leaves BIASA to the SOP rules: a name is required and a letter needs a NIK', () => {
    expect(rules({ channel: 'WEBSITE', complainant: { name: '' }, ...base })).toEqual(['NAME_REQUIRED']);
    expect(
      rules({ channel: 'SURAT', identityMode: 'BIASA', complainant: { name: 'Siti' }, ...base }),
    ).toEqual(['SURAT_VALID_NIK']);
    expect(checkIdentityMode({ channel: 'SURAT', identityMode: 'BIASA' })).toEqual([]);
  });
});

describe('who sees the identity', () => {
  const stored = {
    name: 'Siti Aminah',
    nik: '1674014108900001',
    address: 'Jl. Sudirman',
    phone: '081234567890',
    email: 'siti@example.com',
  };

  it('shows a confidential identity to Seksi Pengaduan, the Kabid and admins only', () => {
    expect(seesConfidentialIdentity({ role: 'ADMIN', unit: null, area: null })).toBe(true);
    expect(seesConfidentialIdentity(staff('SEKSI_PENGADUAN'))).toBe(true);
    expect(seesConfidentialIdentity(staff('KABID_PENGADUAN'))).toBe(true);
    for (const unit of ['LOKET', 'KEPALA_DINAS', 'SEKSI_KEBIJAKAN', 'TIM_TEKNIS', 'BIDANG_PERIZINAN'])
      expect(seesConfidentialIdentity(staff(unit))).toBe(false);
    expect(seesConfidentialIdentity(staff('KELURAHAN', '16.74.01.1007'))).toBe(false);
    expect(seesConfidentialIdentity({ role: 'KEPALA_DAERAH', unit: null, area: null })).toBe(false);
  });

  it('hides a RAHASIA identity even from a unit with a task, which would see a BIASA one', () => {
    expect(identityAccess('RAHASIA', staff('TIM_TEKNIS'), true)).toBe('CONFIDENTIAL');
    expect(identityAccess('BIASA', staff('TIM_TEKNIS'), true)).toBe('FULL');
    expect(identityAccess('RAHASIA', staff('SEKSI_PENGADUAN'), true)).toBe('FULL');
    expect(identityAccess('RAHASIA', staff('KABID_PENGADUAN'), false)).toBe('FULL');
    expect(identityAccess('BIASA', staff('SEKSI_KEBIJAKAN'), false)).toBe('MASKED');
    expect(identityAccess(null, staff('SEKSI_KEBIJAKAN'), false)).toBe('MASKED');
    expect(identityAccess('ANONIM', { role: 'ADMIN', unit: null, area: null }, true)).toBe('ANONYMOUS');
  });

  it('puts "Dirahasiakan" in every field of a confidential identity, "Anonim" as an anonymous name', () => {
    expect(identityAsSeen('CONFIDENTIAL', stored, true)).toEqual({
      name: CONFIDENTIAL_TEXT,
      nik: CONFIDENTIAL_TEXT,
      address: CONFIDENTIAL_TEXT,
      phone: CONFIDENTIAL_TEXT,
      email: CONFIDENTIAL_TEXT,
    });
    expect(CONFIDENTIAL_TEXT).toBe('Dirahasiakan');
    expect(identityAsSeen('ANONYMOUS', { name: ANONYMOUS_NAME }, true)).toEqual({
      name: 'Anonim',
      nik: null,
      address: null,
      phone: null,
      email: null,
    });
    expect(identityAsSeen('FULL', stored, true)).toEqual(stored);
    expect(identityAsSeen('FULL', stored, false).nik).toBe('1674**********01');
    expect(identityAsSeen('MASKED', stored, true)).toEqual({
      name: 'S*** A*****',
      nik: '1674**********01',
      address: null,
      phone: null,
      email: null,
    });
  });

  it('names no complainant in the Temporal summary, only the identity mode', () => {
    expect(summaryComplainant('BIASA')).toBe('pengadu beridentitas');
    expect(summaryComplainant('RAHASIA')).toBe('pengadu dirahasiakan');
    expect(summaryComplainant('ANONIM')).toBe('pengadu anonim');
    expect(identityModeOf(undefined)).toBe('BIASA');
    expect(identityModeOf('RAHASIA')).toBe('RAHASIA');
  });
});
