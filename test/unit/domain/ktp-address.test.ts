import {
  composeKtpAddress,
  type KtpAddress,
  listInBahasa,
  missingInKtpAddressText,
  missingKtpAddressParts,
} from '../../../src/domain/ktp-address';

const FULL: KtpAddress = {
  street: 'Jl. Mawar No. 5',
  rt: '2',
  rw: '003',
  kelurahan: 'Gunung Ibul',
  kecamatan: 'Prabumulih Timur',
  city: 'Kota Prabumulih',
};

describe('KTP address, part by part', () => {
  it('is complete with every part', () => {
    expect(missingKtpAddressParts(FULL)).toEqual([]);
    expect(missingKtpAddressParts({ ...FULL, street: 'Dusun II', rt: '000', rw: '000' })).toEqual([]);
  });

  it.each([
    ['street', { street: '  ' }],
    ['rt', { rt: '' }],
    ['rw', { rw: undefined }],
    ['kelurahan', { kelurahan: '' }],
    ['kecamatan', { kecamatan: ' ' }],
    ['city', { city: undefined }],
  ])('names %s when it is missing', (part, change) => {
    expect(missingKtpAddressParts({ ...FULL, ...change })).toEqual([part]);
  });

  it('counts an RT or RW that is not a 1-3 digit number as missing', () => {
    expect(missingKtpAddressParts({ ...FULL, rt: 'dua', rw: '1234' })).toEqual(['rt', 'rw']);
  });

  it('names every part of nothing', () => {
    expect(missingKtpAddressParts(undefined)).toEqual([
      'street',
      'rt',
      'rw',
      'kelurahan',
      'kecamatan',
      'city',
    ]);
  });

  it('composes the one-line address records and reports show, and that line reads as complete', () => {
    const line = composeKtpAddress(FULL);
    expect(line).toBe(
      'Jl. Mawar No. 5, RT 002/RW 003, Kel/Desa Gunung Ibul, Kec. Prabumulih Timur, Kota Prabumulih',
    );
    expect(missingInKtpAddressText(line)).toEqual([]);
    expect(composeKtpAddress({ street: ' Dusun III ', city: 'Kabupaten Muara Enim' })).toBe(
      'Dusun III, Kabupaten Muara Enim',
    );
  });
});

describe('KTP address as one line of text', () => {
  it.each([
    'Jl. Jend. Sudirman No. 10, RT 02 RW 03, Kel. Patih Galung, Kec. Prabumulih Barat, Kota Prabumulih',
    'JL. SUDIRMAN NO. 10 RT/RW 002/003 KEL/DESA PATIH GALUNG KECAMATAN PRABUMULIH BARAT KOTA PRABUMULIH',
    'Dusun II RT.001 RW.002 Desa Karang Bindu Kec. Rambang Kab. Muara Enim',
    'Lrg. Melati No. 3, RT 002/003, Kelurahan Muara Dua, Kecamatan Prabumulih Timur, Kota Prabumulih',
  ])('finds every part in %j', (text) => {
    expect(missingInKtpAddressText(text)).toEqual([]);
  });

  it('finds nothing in a city name alone', () => {
    expect(missingInKtpAddressText('Prabumulih')).toEqual([
      'street',
      'rt',
      'rw',
      'kelurahan',
      'kecamatan',
      'city',
    ]);
    expect(missingInKtpAddressText(undefined)).toHaveLength(6);
  });

  it.each([
    ['street', 'RT 02 RW 03, Kel. Patih Galung, Kec. Prabumulih Barat, Kota Prabumulih'],
    ['rt', 'Jl. Mawar No. 5, RW 03, Kel. Patih Galung, Kec. Prabumulih Barat, Kota Prabumulih'],
    ['rw', 'Jl. Mawar No. 5, RT 02, Kel. Patih Galung, Kec. Prabumulih Barat, Kota Prabumulih'],
    ['kelurahan', 'Jl. Mawar No. 5, RT 02 RW 03, Kec. Prabumulih Barat, Kota Prabumulih'],
    ['kecamatan', 'Jl. Mawar No. 5, RT 02 RW 03, Kel. Patih Galung, Kota Prabumulih'],
    ['city', 'Jl. Mawar No. 5, RT 02 RW 03, Kel. Patih Galung, Kec. Prabumulih Barat'],
  ])('names %s when the text leaves it out', (part, text) => {
    expect(missingInKtpAddressText(text)).toEqual([part]);
  });
});

describe('listInBahasa', () => {
  it('joins with commas and "dan"', () => {
    expect(listInBahasa([])).toBe('');
    expect(listInBahasa(['RT'])).toBe('RT');
    expect(listInBahasa(['RT', 'RW'])).toBe('RT dan RW');
    expect(listInBahasa(['RT', 'RW', 'kecamatan'])).toBe('RT, RW dan kecamatan');
  });
});
