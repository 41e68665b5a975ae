import { loadConfig } from '../../../src/config/config';
import { IDENTITY_MODE_EXPLANATIONS } from '../../../src/domain/identity-mode';
import {
  checkPrivacyNoticeVersion,
  DEFAULT_PRIVACY_CONTACT_ADDRESS,
  defaultPrivacyContactEmail,
  PRIVACY_NOTICE_SECTIONS,
  PRIVACY_NOTICE_VERSION,
  PRIVACY_RETENTION_YEARS,
  privacyNotice,
  privacyNoticeText,
} from '../../../src/domain/privacy-notice';

const contact = { email: 'ppid@prabumulihkota.go.id', address: 'Jl. Contoh No. 1, Kota Prabumulih' };

describe('privacy notice', () => {
  const notice = privacyNotice(contact);
  const section = (id: string) => notice.sections.find((s) => s.id === id)!.items.join(' ');

  it('is versioned by the date it took effect', () => {
    expect(PRIVACY_NOTICE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(notice.version).toBe(PRIVACY_NOTICE_VERSION);
  });

  it('has every part UU 27/2022 asks for, in order', () => {
    expect(notice.sections.map((s) => s.id)).toEqual([...PRIVACY_NOTICE_SECTIONS]);
    for (const s of notice.sections) {
      expect(s.title).not.toBe('');
      expect(s.items.length).toBeGreaterThan(0);
    }
  });

  it('says what is collected: identity, NIK, address, contact, evidence and the complaint', () => {
    const collected = section('COLLECTED');
    for (const word of ['nama', 'NIK', 'Alamat', 'telepon', 'email', 'Bukti', 'Uraian pengaduan'])
      expect(collected).toContain(word);
  });

  it('states the purpose, the legal basis, the recipients and the control of the systems', () => {
    expect(section('PURPOSE')).toMatch(/SOP/);
    expect(section('PURPOSE')).toMatch(/statistik .*tanpa identitas/);
    for (const law of ['UU 27/2022', 'UU 25/2009', 'Perpres 76/2013'])
      expect(section('LEGAL_BASIS')).toContain(law);
    expect(section('RECIPIENTS')).toContain('Seksi Pengaduan');
    // The confidential and anonymous modes are explained as the forms explain them.
    expect(section('RECIPIENTS')).toContain(IDENTITY_MODE_EXPLANATIONS.RAHASIA);
    expect(section('RECIPIENTS')).toContain(IDENTITY_MODE_EXPLANATIONS.ANONIM);
    expect(section('CONTROL')).toMatch(/Temporal/);
  });

  it('states the retention period and whom to ask, with the configured contact', () => {
    expect(section('RETENTION')).toContain(`${PRIVACY_RETENTION_YEARS} tahun setelah pengaduan selesai`);
    // The period the retention schedule applies, when the office sets another one.
    const seven = privacyNotice(contact, 7);
    expect(seven.sections.find((x) => x.id === 'RETENTION')?.items.join(' ')).toContain(
      '7 tahun setelah pengaduan selesai',
    );
    expect(seven.summary).toContain('disimpan 7 tahun');
    expect(section('RIGHTS')).toContain(contact.email);
    expect(section('RIGHTS')).toContain(contact.address);
    expect(notice.summary).toContain(contact.email);
    expect(notice.contact).toEqual(contact);
  });

  it('reads as plain text for receipts and letters', () => {
    const text = privacyNoticeText(notice);
    expect(text.startsWith(`Pemberitahuan Pelindungan Data Pribadi (versi ${PRIVACY_NOTICE_VERSION})`)).toBe(
      true,
    );
    expect(text).toContain('1. Data yang dikumpulkan');
    expect(text).toContain(`7. Tempat penyimpanan`);
  });
});

describe('checkPrivacyNoticeVersion', () => {
  it('accepts the current version only', () => {
    expect(checkPrivacyNoticeVersion(PRIVACY_NOTICE_VERSION)).toEqual([]);
  });

  it('refuses an older version, telling to reload and read the new notice', () => {
    const [v] = checkPrivacyNoticeVersion('2020-01-01');
    expect(v.field).toBe('privacyNoticeVersion');
    expect(v.rule).toBe('PRIVACY_NOTICE_STALE');
    expect(v.message).toMatch(/muat ulang halaman, baca pemberitahuan yang baru/);
    expect(checkPrivacyNoticeVersion(undefined)).toHaveLength(1);
  });
});

describe('privacy contact configuration', () => {
  it('defaults to pengaduan@ the domain of MAIL_FROM and the office', () => {
    expect(defaultPrivacyContactEmail('Pengaduan DPM-PTSP <noreply@dpmptsp.prabumulihkota.go.id>')).toBe(
      'pengaduan@dpmptsp.prabumulihkota.go.id',
    );
    expect(defaultPrivacyContactEmail('info@example.org')).toBe('pengaduan@example.org');
    const config = loadConfig({ MAIL_FROM: 'DPM-PTSP <kantor@dpmptsp.example.id>' });
    expect(config.privacyContact).toEqual({
      email: 'pengaduan@dpmptsp.example.id',
      address: DEFAULT_PRIVACY_CONTACT_ADDRESS,
    });
  });

  it('takes PRIVACY_CONTACT_EMAIL and PRIVACY_CONTACT_ADDRESS, and refuses a malformed address', () => {
    const config = loadConfig({
      PRIVACY_CONTACT_EMAIL: 'ppid@prabumulihkota.go.id',
      PRIVACY_CONTACT_ADDRESS: 'Jl. Contoh No. 1, Kota Prabumulih',
    });
    expect(config.privacyContact).toEqual({
      email: 'ppid@prabumulihkota.go.id',
      address: 'Jl. Contoh No. 1, Kota Prabumulih',
    });
    expect(() => loadConfig({ PRIVACY_CONTACT_EMAIL: 'bukan email' })).toThrow(/PRIVACY_CONTACT_EMAIL/);
  });
});
