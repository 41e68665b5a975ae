import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiSchemaRule } from '../common/openapi';

export const REPORT_FORMATS = ['json', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class FormatQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'Format wajib json, xlsx atau pdf.' })
  format?: ReportFormat;
}

export class YearQueryDto extends FormatQueryDto {
  @ApiProperty({ type: 'integer', example: 2026 })
  @Type(() => Number)
  @IsInt({ message: 'Tahun (year) wajib bilangan bulat.' })
  @Min(2020, { message: 'Tahun (year) paling awal 2020.' })
  @Max(2100, { message: 'Tahun (year) paling akhir 2100.' })
  year!: number;
}

export class MonthlyQueryDto extends YearQueryDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, example: 10 })
  @Type(() => Number)
  @IsInt({ message: 'Bulan (month) wajib bilangan bulat 1-12.' })
  @Min(1, { message: 'Bulan (month) wajib 1-12.' })
  @Max(12, { message: 'Bulan (month) wajib 1-12.' })
  month!: number;
}

export class SemesterQueryDto extends YearQueryDto {
  @ApiProperty({ type: 'integer', enum: [1, 2], description: '1 = Januari-Juni, 2 = Juli-Desember' })
  @Type(() => Number)
  @IsIn([1, 2], { message: 'Semester (half) wajib 1 atau 2.' })
  half!: number;
}

/** ReportsService.produce: a semester is 1 or 2. */
@ApiSchemaRule({
  oneOf: [
    { properties: { kind: { enum: ['MONTHLY'] } } },
    { properties: { kind: { enum: ['SEMESTER'] }, index: { maximum: 2 } } },
  ],
})
export class ProduceReportDto {
  @ApiProperty({ enum: ['MONTHLY', 'SEMESTER'] })
  @IsIn(['MONTHLY', 'SEMESTER'], { message: 'Jenis laporan (kind) wajib MONTHLY atau SEMESTER.' })
  kind!: 'MONTHLY' | 'SEMESTER';

  @ApiProperty({ type: 'integer', example: 2026 })
  @IsInt({ message: 'Tahun (year) wajib bilangan bulat.' })
  @Min(2020, { message: 'Tahun (year) paling awal 2020.' })
  @Max(2100, { message: 'Tahun (year) paling akhir 2100.' })
  year!: number;

  @ApiProperty({ type: 'integer', description: 'Bulan 1-12 (MONTHLY) atau semester 1-2 (SEMESTER)' })
  @IsInt({ message: 'Periode (index) wajib bilangan bulat.' })
  @Min(1, { message: 'Periode (index) paling kecil 1.' })
  @Max(12, { message: 'Periode (index) paling besar 12.' })
  index!: number;
}

export class StoredReportView {
  @ApiProperty({ example: 'BULANAN-2026-10' }) id!: string;
  @ApiProperty({ enum: ['MONTHLY', 'SEMESTER'] }) kind!: string;
  @ApiProperty({ example: 'Oktober 2026' }) label!: string;
  @ApiProperty() periodFrom!: string;
  @ApiProperty() periodTo!: string;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ example: 'JADWAL', description: 'JADWAL (terjadwal) atau nama pengguna' })
  generatedBy!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Kapan dikirim ke Sekda untuk Wali Kota' })
  sentToSekdaAt!: string | null;
}
