import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HOLIDAY_KINDS, type HolidayKind } from '../../domain/holidays';
import { DATE_PATTERN, IsIsoDate } from '../common/dates';

export const MIN_HOLIDAY_YEAR = 2000;
export const MAX_HOLIDAY_YEAR = 2100;
const YEAR_MESSAGE = `Tahun (year) wajib diisi dengan angka ${MIN_HOLIDAY_YEAR}-${MAX_HOLIDAY_YEAR}, misalnya ?year=2026.`;

export class HolidayYearQueryDto {
  @ApiProperty({ type: 'integer', example: 2026, minimum: MIN_HOLIDAY_YEAR, maximum: MAX_HOLIDAY_YEAR })
  @Type(() => Number)
  @IsInt({ message: YEAR_MESSAGE })
  @Min(MIN_HOLIDAY_YEAR, { message: YEAR_MESSAGE })
  @Max(MAX_HOLIDAY_YEAR, { message: YEAR_MESSAGE })
  year!: number;
}

export class HolidayInputDto {
  @ApiProperty({ example: '2026-03-20', description: 'Tanggal (WIB), format TTTT-BB-HH' })
  @IsString({ message: 'Tanggal hari libur wajib berupa teks TTTT-BB-HH.' })
  @IsIsoDate({
    // A well-formed date that the calendar does not have (2026-02-30) is told as such.
    message: ({ value }) =>
      typeof value === 'string' && new RegExp(DATE_PATTERN).test(value)
        ? `Tanggal ${value} tidak ada di kalender.`
        : 'Tanggal hari libur wajib berformat TTTT-BB-HH, misalnya 2026-03-20.',
  })
  date!: string;

  @ApiProperty({ example: 'Cuti Bersama Hari Suci Nyepi' })
  @IsString({ message: 'Nama hari libur wajib berupa teks.' })
  @IsNotEmpty({ message: 'Nama hari libur wajib diisi.' })
  @MaxLength(200, { message: 'Nama hari libur paling banyak 200 karakter.' })
  name!: string;

  @ApiProperty({ enum: HOLIDAY_KINDS, description: 'Libur nasional atau cuti bersama' })
  @IsIn(HOLIDAY_KINDS, {
    message: 'Jenis hari libur harus LIBUR_NASIONAL (libur nasional) atau CUTI_BERSAMA (cuti bersama).',
  })
  kind!: HolidayKind;
}

export class ReplaceHolidaysDto {
  @ApiProperty({
    type: [HolidayInputDto],
    description: 'Daftar lengkap hari libur nasional dan cuti bersama tahun itu (menggantikan daftar lama)',
  })
  @IsArray({ message: 'Daftar hari libur (holidays) wajib berupa daftar.' })
  @ArrayMinSize(1, {
    message:
      'Daftar hari libur tidak boleh kosong. Masukkan seluruh hari libur nasional dan cuti bersama tahun itu.',
  })
  @ArrayMaxSize(100, { message: 'Daftar hari libur paling banyak 100 tanggal.' })
  @ValidateNested({ each: true })
  @Type(() => HolidayInputDto)
  holidays!: HolidayInputDto[];
}

export const HOLIDAY_SOURCES = ['OFFICIAL', 'ADMIN', 'FALLBACK'] as const;
export type HolidaySource = (typeof HOLIDAY_SOURCES)[number];

export class HolidayDto {
  @ApiProperty({ example: '2026-03-20' }) date!: string;
  @ApiProperty({ example: 'Cuti Bersama Hari Suci Nyepi' }) name!: string;
  @ApiProperty({ enum: HOLIDAY_KINDS }) kind!: HolidayKind;
  @ApiProperty({
    enum: HOLIDAY_SOURCES,
    description: 'OFFICIAL: daftar SKB bawaan; ADMIN: dimasukkan/dikoreksi admin; FALLBACK: daftar otomatis',
  })
  source!: HolidaySource;
}

export class HolidayYearDto {
  @ApiProperty({ example: 2026 }) year!: number;

  @ApiProperty({
    enum: HOLIDAY_SOURCES,
    description:
      'ADMIN bila ada tanggal yang dimasukkan admin, OFFICIAL bila daftar SKB bawaan, FALLBACK bila belum ada daftar',
  })
  source!: HolidaySource;

  @ApiProperty({
    description:
      'Apakah daftar tahun ini tersimpan di basis data (false: daftar bawaan/otomatis yang dipakai)',
  })
  stored!: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Peringatan bila daftar otomatis (FALLBACK) yang dipakai',
  })
  warning!: string | null;

  @ApiProperty({ type: [HolidayDto] }) holidays!: HolidayDto[];
}

export class HolidaysReplacedDto extends HolidayYearDto {
  @ApiProperty({ description: 'Jumlah tanggal yang disimpan' }) saved!: number;

  @ApiProperty({
    description: 'Jumlah pengaduan terbuka yang diberi tahu untuk menghitung ulang batas waktu',
  })
  notifiedComplaints!: number;

  @ApiProperty({
    description:
      'Jumlah pengaduan terbuka yang gagal diberi tahu (simpan ulang daftar yang sama untuk mencoba lagi)',
  })
  failedComplaints!: number;
}

export class DueDateShiftDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026/11/0042' }) registerNumber!: string;
  @ApiProperty({ example: 'IN_PROGRESS', description: 'Status pengaduan (terbuka)' }) status!: string;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Batas waktu sekarang' }) oldDueAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'Batas waktu bila daftar ini disimpan (akhir hari kerja ke-10, WIB)',
  })
  newDueAt!: string;

  @ApiProperty({
    type: 'integer',
    example: 1,
    description:
      'Pergeseran dalam hari kerja menurut daftar baru: positif = mundur (lebih lambat), negatif = maju',
  })
  shiftWorkingDays!: number;

  @ApiProperty({
    type: 'integer',
    example: 3,
    description: 'Pergeseran tanggal kalender (WIB): positif = mundur, negatif = maju',
  })
  shiftCalendarDays!: number;
}

export class HolidayPreviewDto {
  @ApiProperty({ example: 2026 }) year!: number;

  @ApiProperty({
    description: 'Jumlah pengaduan terbuka yang batas waktunya bergantung pada daftar tahun ini',
  })
  checkedComplaints!: number;

  @ApiProperty({
    type: [DueDateShiftDto],
    description:
      'Pengaduan terbuka yang batas waktunya berubah bila daftar ini disimpan (urut waktu diterima)',
  })
  changes!: DueDateShiftDto[];
}
