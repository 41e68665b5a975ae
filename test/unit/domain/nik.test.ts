import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isValidNik, nikProblem } from '../../../src/domain/nik';
import regions from '../../../src/domain/nik-regions.json';

describe('NIK structure', () => {
  it.each([
    ['a man of Kota Prabumulih born 12-03-85', '1674011203850001'],
    ['a woman of Kota Prabumulih born 05-06-90 (day + 40)', '1674014506900001'],
    ['a woman born on the 31st (day 71)', '1674017112800002'],
    ['born on 29 February (a date of some year)', '3171012902000001'],
    ['Kota Jakarta Selatan', '3174014101990003'],
    ['Papua Selatan (Kabupaten Merauke, since 2022)', '9301011505800001'],
    ['Papua Barat Daya (Kota Sorong, since 2022)', '9671011505800001'],
    ['Merauke before 2022 (91.01, now 93.01): old cards keep it', '9101011505800001'],
    ['Kota Sorong before 2022 (92.71)', '9271011505800001'],
    ['Kota Tarakan before Kalimantan Utara (64.73)', '6473011505800001'],
    ['Kota Tarakan now (65.71)', '6571011505800001'],
  ])('accepts %s', (_, nik) => {
    expect(nikProblem(nik)).toBeUndefined();
    expect(isValidNik(nik)).toBe(true);
  });

  it('refuses 9974019999990001 (no province 99, no 99th month), naming the province', () => {
    expect(nikProblem('9974019999990001')).toEqual({
      code: 'PROVINCE',
      message: 'NIK tidak sah: kode provinsi 99 (digit 1-2) tidak ada dalam kode wilayah Kemendagri.',
    });
    expect(isValidNik('9974019999990001')).toBe(false);
  });

  it.each([
    ['all zeros', '0000000000000000', 'PROVINCE', 'kode provinsi 00'],
    ['province 10', '1074014506900001', 'PROVINCE', 'kode provinsi 10'],
    ['province 20', '2074014506900001', 'PROVINCE', 'kode provinsi 20'],
    ['province 97', '9701014506900001', 'PROVINCE', 'kode provinsi 97'],
    ['regency 16.99 (Sumatera Selatan has none)', '1699014506900001', 'REGENCY', 'kabupaten/kota 16.99'],
    ['regency 16.00', '1600014506900001', 'REGENCY', 'kabupaten/kota 16.00'],
    ['day 00', '1674010003850001', 'BIRTH_DATE', '(000385)'],
    ['day 32', '1674013203850001', 'BIRTH_DATE', '(320385)'],
    ['day 40 (a woman born on the 0th)', '1674014003850001', 'BIRTH_DATE', '(400385)'],
    ['day 72', '1674017203850001', 'BIRTH_DATE', '(720385)'],
    ['month 00', '1674011200850001', 'BIRTH_DATE', '(120085)'],
    ['month 13', '1674011213850001', 'BIRTH_DATE', '(121385)'],
    ['31 April', '1674013104850001', 'BIRTH_DATE', '(310485)'],
    ['30 February of a woman (day 70)', '1674017002850001', 'BIRTH_DATE', '(700285)'],
    ['serial 0000', '1674011203850000', 'SERIAL', 'nomor urut (digit 13-16)'],
  ])('refuses %s', (_, nik, code, named) => {
    const problem = nikProblem(nik);
    expect(problem?.code).toBe(code);
    expect(problem?.message).toContain(named);
    expect(problem?.message).toMatch(/^NIK tidak sah: /);
  });

  it.each([
    ['15 digits', '167401450690000'],
    ['17 digits', '16740145069000011'],
    ['a letter', '16740145069000O1'],
    ['spaces', '1674 0145 0690 0001'],
    ['nothing', undefined],
  ])('calls %s malformed', (_, nik) => {
    expect(nikProblem(nik)).toEqual({
      code: 'FORMAT',
      message: 'NIK harus terdiri dari 16 digit angka sesuai KTP.',
    });
  });
});

describe('nik-regions.json', () => {
  // The same list as the generator makes now from the installed idn-area-data: after upgrading that
  // package, run `node scripts/generate-nik-regions.mjs`.
  it('is what scripts/generate-nik-regions.mjs makes from the installed idn-area-data', () => {
    const script = pathToFileURL(join(__dirname, '../../../scripts/generate-nik-regions.mjs')).href;
    const made = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { nikRegions } from '${script}'; console.log(JSON.stringify(nikRegions()));`,
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(made)).toEqual(regions);
  });

  it('has the 38 provinces, Papua 93-96 among them, and every regency under a known province', () => {
    expect(Object.keys(regions.provinces)).toHaveLength(38);
    expect(Object.keys(regions.provinces)).toEqual(expect.arrayContaining(['93', '94', '95', '96']));
    for (const code of regions.regencies) expect(regions.provinces).toHaveProperty(code.slice(0, 2));
    expect(regions.regencies).toContain('1674'); // Kota Prabumulih
  });
});
