import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { COMPLAINT_STATUSES } from '../../../workflows/complaint/definitions';
import { CATEGORIES } from '../../domain/categories';
import { COMPLAINT_KEY_MESSAGE, COMPLAINT_KEY_PATTERN } from './complaint-lookup';
import { PaginationQueryDto } from './complaint-query.dto';

const KECAMATAN_MESSAGE = 'Kode kecamatan tidak valid (contoh: 16.74.01).';

export const TASK_STATUS_FILTER = ['OPEN', 'DONE'] as const;

export class ListTasksQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({
    enum: TASK_STATUS_FILTER,
    enumName: 'TaskStatus',
    description: 'Tanpa filter: semua tugas unit Anda',
  })
  @IsOptional()
  @IsIn(TASK_STATUS_FILTER, { message: 'Status tugas wajib OPEN atau DONE.' })
  status?: (typeof TASK_STATUS_FILTER)[number];

  @ApiPropertyOptional({
    enum: COMPLAINT_STATUSES,
    enumName: 'ComplaintStatus',
    description: 'Status pengaduan dari tugas',
  })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES, {
    message: `Status pengaduan (complaintStatus) wajib salah satu dari: ${COMPLAINT_STATUSES.join(', ')}.`,
  })
  complaintStatus?: (typeof COMPLAINT_STATUSES)[number];

  @ApiPropertyOptional({ enum: CATEGORIES, enumName: 'Category' })
  @IsOptional()
  @IsIn(CATEGORIES, { message: `Kategori wajib salah satu dari: ${CATEGORIES.join(', ')}.` })
  category?: (typeof CATEGORIES)[number];

  @ApiPropertyOptional({ description: 'Kode Kemendagri kecamatan lokasi pengaduan, mis. 16.74.01' })
  @IsOptional()
  @IsString({ message: KECAMATAN_MESSAGE })
  @Matches(/^16\.74\.\d{2}$/, { message: KECAMATAN_MESSAGE })
  kecamatan?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Hanya yang melewati / belum melewati batas waktu 10 hari kerja',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'Filter overdue wajib bernilai true atau false.' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({
    pattern: COMPLAINT_KEY_PATTERN,
    maxLength: 40,
    description:
      'Cari tugas satu pengaduan: nomor register (2026/12/0007 atau 2026-12-0007) atau kode pelacakan, sama persis',
  })
  @IsOptional()
  @IsString({ message: COMPLAINT_KEY_MESSAGE })
  @MaxLength(40, { message: COMPLAINT_KEY_MESSAGE })
  @Matches(new RegExp(COMPLAINT_KEY_PATTERN), { message: COMPLAINT_KEY_MESSAGE })
  q?: string;
}

export class CompleteTaskDto {
  @ApiProperty({
    example: 'Peninjauan lapangan dilakukan; usaha diminta memperbaiki saluran limbah dalam 7 hari.',
    description: 'Hasil penanganan oleh unit',
  })
  @IsString({ message: 'Hasil penanganan (outcome) wajib berupa teks.' })
  @IsNotEmpty({ message: 'Hasil penanganan (outcome) wajib diisi.' })
  @MaxLength(5000, { message: 'Hasil penanganan (outcome) paling banyak 5000 karakter.' })
  outcome!: string;

  @ApiPropertyOptional({ example: 'Foto peninjauan disimpan di arsip seksi.' })
  @IsOptional()
  @IsString({ message: 'Catatan wajib berupa teks.' })
  @MaxLength(5000, { message: 'Catatan paling banyak 5000 karakter.' })
  notes?: string;
}
