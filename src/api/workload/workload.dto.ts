import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { UNITS, type Unit } from '../../domain/units';

export class WorkloadQueryDto {
  @ApiPropertyOptional({
    enum: UNITS,
    enumName: 'Unit',
    description: 'Hanya beban kerja unit ini (bawaan: semua unit penanganan)',
  })
  @IsOptional()
  @IsIn(UNITS, { message: `Unit wajib salah satu dari: ${UNITS.join(', ')}.` })
  unit?: Unit;
}

export class UnitWorkloadView {
  @ApiProperty({ enum: UNITS, enumName: 'Unit' }) unit!: Unit;
  @ApiProperty({ type: 'integer', example: 4, description: 'Tugas terbuka unit ini' }) open!: number;
  @ApiProperty({
    type: 'integer',
    example: 1,
    description: 'Tugas terbuka yang pengaduannya melewati batas waktu',
  })
  overdue!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Sejak kapan tugas terbuka tertuanya menunggu',
  })
  oldestOpenedAt!: string | null;
}

/** An area unit's (KECAMATAN, KELURAHAN) open tasks in one kecamatan or kelurahan. */
export class AreaWorkloadView extends UnitWorkloadView {
  @ApiProperty({ example: '16.74.01', description: 'Kode Kemendagri wilayah' }) area!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Prabumulih Barat' }) areaName!: string | null;
}

export class WorkloadView {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: 'integer' }) totalOpen!: number;
  @ApiProperty({ type: 'integer' }) totalOverdue!: number;
  @ApiProperty({
    type: [UnitWorkloadView],
    description: 'Setiap unit penanganan (juga yang tanpa tugas terbuka), dalam urutan SOP',
  })
  units!: UnitWorkloadView[];
  @ApiProperty({
    type: [AreaWorkloadView],
    description: 'Aparatur kecamatan dan kelurahan per wilayah (hanya yang memiliki tugas terbuka)',
  })
  areas!: AreaWorkloadView[];
}
