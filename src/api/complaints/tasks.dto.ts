import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PaginationQueryDto } from './complaint-query.dto';

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
