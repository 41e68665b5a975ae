import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional, ValidateNested } from 'class-validator';
import { STAGE_DAYS_MAX, STAGE_DAYS_MIN } from '../../domain/stage-deadlines';
import { UNITS, type Unit } from '../../domain/units';

const DAYS = `Jumlah hari kerja (${STAGE_DAYS_MIN}-${STAGE_DAYS_MAX})`;
const NUMBER_MESSAGE = (field: string) => `${field} wajib berupa angka hari kerja.`;

export class UnitStageDeadlineInputDto {
  @ApiProperty({ enum: UNITS, description: 'Kode unit' })
  @IsIn(UNITS, { message: `Unit (unit) harus salah satu dari: ${UNITS.join(', ')}.` })
  unit!: Unit;

  @ApiProperty({ type: 'integer', example: 5, description: DAYS })
  @IsNumber({}, { message: NUMBER_MESSAGE('Batas waktu tugas unit (workingDays)') })
  workingDays!: number;
}

/** Every value is checked against 1..10 by the service (a rule refusal, 422). */
export class UpdateStageDeadlinesDto {
  @ApiProperty({ type: 'integer', example: 1, description: `Triase sejak diterima: ${DAYS}` })
  @IsNumber({}, { message: NUMBER_MESSAGE('Batas waktu triase (triage)') })
  triage!: number;

  @ApiProperty({
    type: 'integer',
    example: 3,
    description: `Keputusan Kepala Daerah sejak eskalasi: ${DAYS}`,
  })
  @IsNumber({}, { message: NUMBER_MESSAGE('Batas waktu keputusan Kepala Daerah (decision)') })
  decision!: number;

  @ApiPropertyOptional({
    type: [UnitStageDeadlineInputDto],
    description: 'Batas waktu tugas per unit sejak tugas dibuka; unit yang tidak disebut tetap',
  })
  @IsOptional()
  @IsArray({ message: 'Daftar unit (units) wajib berupa daftar.' })
  @ArrayMaxSize(UNITS.length, { message: `Daftar unit (units) paling banyak ${UNITS.length} baris.` })
  @ValidateNested({ each: true })
  @Type(() => UnitStageDeadlineInputDto)
  units?: UnitStageDeadlineInputDto[];
}

export class UnitStageDeadlineDto {
  @ApiProperty({ enum: UNITS }) unit!: Unit;
  @ApiProperty({ example: 'Tim Teknis Perizinan' }) label!: string;
  @ApiProperty({ type: 'integer', example: 5 }) workingDays!: number;
}

export class StageDeadlinesDto {
  @ApiProperty({ type: 'integer', example: 1, description: 'Triase oleh Seksi Pengaduan, sejak diterima' })
  triage!: number;

  @ApiProperty({ type: 'integer', example: 3, description: 'Keputusan Kepala Daerah, sejak eskalasi' })
  decision!: number;

  @ApiProperty({ type: [UnitStageDeadlineDto], description: 'Tugas tiap unit, sejak tugas dibuka' })
  units!: UnitStageDeadlineDto[];

  @ApiProperty({ type: 'integer', example: STAGE_DAYS_MIN }) min!: number;
  @ApiProperty({ type: 'integer', example: STAGE_DAYS_MAX }) max!: number;

  @ApiProperty({
    description:
      'Pengaduan memakai batas waktu tahap yang berlaku saat dicatat; perubahan berlaku untuk pengaduan baru',
  })
  appliesTo!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Terakhir diubah (ISO)' })
  updatedAt!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Terakhir diubah oleh' })
  updatedBy!: string | null;
}
