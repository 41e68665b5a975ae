import { identityRedactor, REDACTED, redactJson } from '../../../src/domain/identity-redaction';

const identity = {
  name: 'Siti Aminah',
  nik: '1674010101900001',
  address: 'Jl. Jenderal Sudirman No. 17, Muara Dua',
  phone: '0812-3456-7890',
  email: 'Siti.Aminah@Example.com',
};
const redact = identityRedactor(identity);

describe('identity redaction', () => {
  it('cuts the name in any case and spacing, and keeps the rest of the sentence', () => {
    expect(redact('Yth. Bapak/Ibu Siti Aminah, pengaduan Anda diterima.')).toBe(
      `Yth. Bapak/Ibu ${REDACTED}, pengaduan Anda diterima.`,
    );
    expect(redact('saya SITI   aminah\nmelapor')).toBe(`saya ${REDACTED}\nmelapor`);
  });

  it('cuts the NIK with or without separators, but not digits inside a longer number', () => {
    expect(redact('NIK 1674010101900001.')).toBe(`NIK ${REDACTED}.`);
    expect(redact('NIK 1674 0101 0190 0001')).toBe(`NIK ${REDACTED}`);
    expect(redact('NIK 16.74.01.010190.0001')).toBe(`NIK ${REDACTED}`);
    expect(redact('nomor 916740101019000012')).toBe('nomor 916740101019000012');
  });

  it('cuts the phone in its national and international forms', () => {
    for (const written of [
      '081234567890',
      '0812 3456 7890',
      '+62 812-3456-7890',
      '62812.3456.7890',
      '(0812) 34567890',
    ])
      expect(redact(`hubungi ${written} ya`)).toBe(`hubungi ${REDACTED} ya`);
    expect(redact('kode 812345678901')).toBe('kode 812345678901');
    expect(redact('pemohon (0812-3456-7890) hadir')).toBe(`pemohon (${REDACTED}) hadir`);
  });

  it('cuts the e-mail in any case and the address as written', () => {
    expect(redact('surel siti.aminah@example.COM')).toBe(`surel ${REDACTED}`);
    expect(redact('rumah di jl. jenderal sudirman no. 17, muara dua.')).toBe(`rumah di ${REDACTED}.`);
  });

  it('cuts whole values only: a first name alone or a longer word stays', () => {
    expect(redact('Ibu Siti datang')).toBe('Ibu Siti datang');
    expect(redact('Siti Aminahwati')).toBe('Siti Aminahwati');
  });

  it('leaves text alone when there is nothing (or too little) to cut', () => {
    expect(identityRedactor({})('Siti Aminah 081234567890')).toBe('Siti Aminah 081234567890');
    expect(identityRedactor({ name: 'A', phone: '112' })('A menelepon 112')).toBe('A menelepon 112');
  });

  it('treats the pattern characters in a value as text', () => {
    const odd = identityRedactor({ name: 'Budi (Jr.)', email: 'a+b@x.id' });
    expect(odd('dari Budi (Jr.) dan a+b@x.id; Budi Jr tetap')).toBe(
      `dari ${REDACTED} dan ${REDACTED}; Budi Jr tetap`,
    );
  });

  it('redacts every string inside a JSON value, keeping its shape', () => {
    expect(
      redactJson(
        { notes: 'telp 081234567890', list: ['Siti Aminah', 3], nested: { ok: true, email: null } },
        redact,
      ),
    ).toEqual({ notes: `telp ${REDACTED}`, list: [REDACTED, 3], nested: { ok: true, email: null } });
  });
});
