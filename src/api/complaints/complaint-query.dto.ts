import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { COMPLAINT_STATUSES } from '../../../workflows/complaint/definitions';
import { COMPLAINT_LIST_SORTS, type ComplaintListSort } from '../../db/repositories';
import { CATEGORIES } from '../../domain/categories';
import { UNITS } from '../../domain/units';
import { IsIsoDateOrDateTime } from '../common/dates';
import { COMPLAINT_KEY_MESSAGE, COMPLAINT_KEY_PATTERN } from './complaint-lookup';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Keeps the offset a number every database accepts. */
export const MAX_PAGE = 1_000_000;

/** `page` and `pageSize` of every list. */
export class PaginationQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Nomor halaman (page) wajib berupa bilangan bulat.' })
  @Min(1, { message: 'Nomor halaman (page) paling kecil 1.' })
  @Max(MAX_PAGE, { message: `Nomor halaman (page) paling besar ${MAX_PAGE}.` })
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Ukuran halaman (pageSize) wajib berupa bilangan bulat.' })
  @Min(1, { message: 'Ukuran halaman (pageSize) paling kecil 1.' })
  @Max(MAX_PAGE_SIZE, { message: `Ukuran halaman (pageSize) paling besar ${MAX_PAGE_SIZE}.` })
  pageSize?: number;
}

export class ListComplaintsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES, enumName: 'ComplaintStatus' })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES, { message: `Status wajib salah satu dari: ${COMPLAINT_STATUSES.join(', ')}.` })
  status?: (typeof COMPLAINT_STATUSES)[number];

  @ApiPropertyOptional({ enum: CATEGORIES, enumName: 'Category' })
  @IsOptional()
  @IsIn(CATEGORIES, { message: `Kategori wajib salah satu dari: ${CATEGORIES.join(', ')}.` })
  category?: (typeof CATEGORIES)[number];

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Hanya yang melewati / belum melewati batas waktu',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'Filter overdue wajib bernilai true atau false.' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: UNITS,
    enumName: 'Unit',
    description: 'Pengaduan yang memiliki tugas untuk unit ini',
  })
  @IsOptional()
  @IsIn(UNITS, { message: `Unit wajib salah satu dari: ${UNITS.join(', ')}.` })
  unit?: (typeof UNITS)[number];

  // No `example` on the dates: Swagger UI would pre-fill it, and a fixed date hides every newer complaint.
  @ApiPropertyOptional({
    description: 'Diterima sejak (tanggal ISO, mis. 2026-11-01; tanggal saja = awal hari itu, WIB)',
  })
  @IsOptional()
  @IsIsoDateOrDateTime({ message: 'Tanggal awal (from) wajib berformat tanggal ISO 8601, mis. 2026-11-01.' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Diterima sampai dengan (tanggal ISO, mis. 2026-11-30; tanggal saja = akhir hari itu, WIB)',
  })
  @IsOptional()
  @IsIsoDateOrDateTime({ message: 'Tanggal akhir (to) wajib berformat tanggal ISO 8601, mis. 2026-11-30.' })
  to?: string;

  @ApiPropertyOptional({
    pattern: COMPLAINT_KEY_PATTERN,
    maxLength: 40,
    description:
      'Cari satu pengaduan: nomor register (2026/12/0007 atau 2026-12-0007) atau kode pelacakan, sama persis',
  })
  @IsOptional()
  @IsString({ message: COMPLAINT_KEY_MESSAGE })
  @MaxLength(40, { message: COMPLAINT_KEY_MESSAGE })
  @Matches(new RegExp(COMPLAINT_KEY_PATTERN), { message: COMPLAINT_KEY_MESSAGE })
  q?: string;

  @ApiPropertyOptional({
    enum: COMPLAINT_LIST_SORTS,
    default: '-receivedAt',
    description:
      'Urutan: -receivedAt terbaru lebih dulu (bawaan); receivedAt terlama lebih dulu (antrean triase: ' +
      'status=RECEIVED&sort=receivedAt); dueAt batas waktu terdekat lebih dulu',
  })
  @IsOptional()
  @IsIn(COMPLAINT_LIST_SORTS, {
    message: `Urutan (sort) wajib salah satu dari: ${COMPLAINT_LIST_SORTS.join(', ')}.`,
  })
  sort?: ComplaintListSort;
}
