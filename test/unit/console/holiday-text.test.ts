/** The console's reader of pasted SKB holiday lists (src/console/holiday-text.ts). */
import { parseHolidayText } from '../../../src/console/holiday-text';

describe('parseHolidayText', () => {
  it('reads ISO, day-month-year and Indonesian dates, with or without the year', () => {
    const text = [
      '2027-01-01 Tahun Baru Masehi',
      '06/02/2027 - Tahun Baru Imlek 2578 Kongzili',
      'Jumat, 26 Maret 2027 Wafat Yesus Kristus',
      '1. 17 Agustus Hari Kemerdekaan Republik Indonesia',
      '25 Des 2027: Hari Raya Natal',
    ].join('\n');
    expect(parseHolidayText(text, 2027)).toEqual({
      holidays: [
        { date: '2027-01-01', name: 'Tahun Baru Masehi', kind: 'LIBUR_NASIONAL' },
        { date: '2027-02-06', name: 'Tahun Baru Imlek 2578 Kongzili', kind: 'LIBUR_NASIONAL' },
        { date: '2027-03-26', name: 'Wafat Yesus Kristus', kind: 'LIBUR_NASIONAL' },
        { date: '2027-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'LIBUR_NASIONAL' },
        { date: '2027-12-25', name: 'Hari Raya Natal', kind: 'LIBUR_NASIONAL' },
      ],
      problems: [],
    });
  });

  it('reads CSV with a header and a kind column, and cuti bersama from the name', () => {
    const text = [
      '\uFEFFtanggal;nama;jenis',
      '2027-03-10;"Cuti Bersama Hari Suci Nyepi";CUTI_BERSAMA',
      '2027-03-09\tHari Suci Nyepi\tlibur nasional',
      '2027-12-24,Cuti Bersama Hari Raya Natal',
      '2027-05-06,Kenaikan Yesus Kristus,cuti bersama',
    ].join('\r\n');
    expect(parseHolidayText(text, 2027).holidays).toEqual([
      { date: '2027-03-09', name: 'Hari Suci Nyepi', kind: 'LIBUR_NASIONAL' },
      { date: '2027-03-10', name: 'Cuti Bersama Hari Suci Nyepi', kind: 'CUTI_BERSAMA' },
      { date: '2027-05-06', name: 'Kenaikan Yesus Kristus', kind: 'CUTI_BERSAMA' },
      { date: '2027-12-24', name: 'Cuti Bersama Hari Raya Natal', kind: 'CUTI_BERSAMA' },
    ]);
  });

  it('expands day ranges and lists of one month', () => {
    const { holidays } = parseHolidayText(
      '10-11 Maret 2027 Hari Raya Idul Fitri\n12, 15 dan 16 Maret 2027 Cuti Bersama Idul Fitri',
      2027,
    );
    expect(holidays.map((h) => `${h.date} ${h.kind}`)).toEqual([
      '2027-03-10 LIBUR_NASIONAL',
      '2027-03-11 LIBUR_NASIONAL',
      '2027-03-12 CUTI_BERSAMA',
      '2027-03-15 CUTI_BERSAMA',
      '2027-03-16 CUTI_BERSAMA',
    ]);
  });

  it('names each line it cannot read, and skips blanks and comments', () => {
    const text = [
      '# SKB 2027',
      '',
      'Tahun Baru Masehi',
      '2027-02-30 Tidak ada',
      '2026-12-25 Natal tahun lalu',
      '2027-01-01',
      '2027-01-01 Tahun Baru Masehi',
      '01-01-2027 Tahun Baru lagi',
    ].join('\n');
    const parsed = parseHolidayText(text, 2027);
    expect(parsed.holidays).toEqual([
      { date: '2027-01-01', name: 'Tahun Baru Masehi', kind: 'LIBUR_NASIONAL' },
    ]);
    expect(parsed.problems).toEqual([
      expect.stringMatching(/^Baris 3: tanggal tidak dikenali/),
      'Baris 4: tanggal tidak ada di kalender.',
      'Baris 5: tanggal 2026-12-25 tidak berada di tahun 2027.',
      'Baris 6: nama hari libur tidak ada.',
      'Baris 8: tanggal 2027-01-01 sudah tercantum di baris 7.',
    ]);
  });
});
