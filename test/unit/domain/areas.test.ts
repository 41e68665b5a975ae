import { KOTA_PRABUMULIH_CODE, loadPrabumulihAreas, parseCsvLine } from '../../../src/domain/areas';
import { isKecamatanCode, isKelurahanCode, kelurahanBelongsTo } from '../../../src/domain/location';

describe('location code helpers', () => {
  it('recognise Prabumulih kecamatan and kelurahan codes', () => {
    expect(isKecamatanCode('16.74.01')).toBe(true);
    expect(isKecamatanCode('16.74.1')).toBe(false);
    expect(isKecamatanCode('16.71.01')).toBe(false); // another regency (Palembang)
    expect(isKecamatanCode('16.74.01.1001')).toBe(false);
    expect(isKelurahanCode('16.74.01.1001')).toBe(true);
    expect(isKelurahanCode('16.74.01.101')).toBe(false);
    expect(isKelurahanCode(167401)).toBe(false);
  });

  it('checks that a kelurahan lies in a kecamatan by code prefix', () => {
    expect(kelurahanBelongsTo('16.74.03.1001', '16.74.03')).toBe(true);
    expect(kelurahanBelongsTo('16.74.03.1001', '16.74.01')).toBe(false);
    expect(kelurahanBelongsTo('16.74.03.1001', '16.74.0')).toBe(false);
    expect(kelurahanBelongsTo('16.74.03', '16.74.03')).toBe(false);
  });
});

describe('parseCsvLine', () => {
  it('splits plain and quoted fields', () => {
    expect(parseCsvLine('16.74.01,16.74,Prabumulih Barat')).toEqual([
      '16.74.01',
      '16.74',
      'Prabumulih Barat',
    ]);
    expect(parseCsvLine('1,2,"Desa A, B ""Baru"""')).toEqual(['1', '2', 'Desa A, B "Baru"']);
    expect(parseCsvLine('a,,')).toEqual(['a', '', '']);
  });
});

describe('loadPrabumulihAreas (idn-area-data)', () => {
  const areas = loadPrabumulihAreas();

  it('has the six kecamatan listed in DOMAIN.md', () => {
    expect(KOTA_PRABUMULIH_CODE).toBe('16.74');
    expect(areas.map((k) => [k.code, k.name])).toEqual([
      ['16.74.01', 'Prabumulih Barat'],
      ['16.74.02', 'Prabumulih Timur'],
      ['16.74.03', 'Cambai'],
      ['16.74.04', 'Rambang Kapak Tengah'],
      ['16.74.05', 'Prabumulih Utara'],
      ['16.74.06', 'Prabumulih Selatan'],
    ]);
  });

  it('has 45 kelurahan/desa, each under its kecamatan, with unique codes and names present', () => {
    const all = areas.flatMap((k) => k.kelurahan.map((v) => ({ ...v, kecamatan: k.code })));
    expect(all).toHaveLength(45);
    expect(new Set(all.map((v) => v.code)).size).toBe(45);
    for (const v of all) {
      expect(isKelurahanCode(v.code)).toBe(true);
      expect(kelurahanBelongsTo(v.code, v.kecamatan)).toBe(true);
      expect(v.name.trim()).not.toBe('');
    }
    for (const k of areas) expect(k.kelurahan.length).toBeGreaterThan(0);
  });

  it('sorts kelurahan by code', () => {
    for (const k of areas) {
      const codes = k.kelurahan.map((v) => v.code);
      expect(codes).toEqual([...codes].sort());
    }
  });
});
