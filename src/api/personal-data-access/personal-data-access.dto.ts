import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PERSONAL_DATA_FIELDS } from '../../domain/personal-data-access';
import { UNITS } from '../../domain/units';
import { ROLES } from '../auth/principal';
import { IsIsoDateOrDateTime } from '../common/dates';
import { PaginationQueryDto } from '../complaints/complaint-query.dto';

export class ListPersonalDataAccessQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Hanya akses ke data pribadi pengadu pengaduan ini' })
  @IsOptional()
  @IsUUID('all', { message: 'complaintId wajib berupa UUID.' })
  complaintId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Hanya akses oleh pengguna ini' })
  @IsOptional()
  @IsUUID('all', { message: 'userId wajib berupa UUID.' })
  userId?: string;

  @ApiPropertyOptional({
    description: 'Sejak (tanggal ISO, mis. 2026-12-01; tanggal saja = awal hari itu, WIB)',
  })
  @IsOptional()
  @IsIsoDateOrDateTime({ message: 'Tanggal awal (from) wajib berformat tanggal ISO 8601, mis. 2026-12-01.' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Sampai dengan (tanggal ISO, mis. 2026-12-31; tanggal saja = akhir hari itu, WIB)',
  })
  @IsOptional()
  @IsIsoDateOrDateTime({ message: 'Tanggal akhir (to) wajib berformat tanggal ISO 8601, mis. 2026-12-31.' })
  to?: string;
}

/** One response that showed a complainant's personal data unmasked: who, when, which fields (never the data). */
export class PersonalDataAccessDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'uuid', description: 'Pengguna yang membaca' }) userId!: string;
  @ApiProperty({ example: 'pengaduan' }) username!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit', nullable: true }) unit!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '16.74.01' }) area!: string | null;
  @ApiProperty({ format: 'uuid' }) complaintId!: string;
  @ApiProperty({ type: String, nullable: true, example: '2026/12/0007' }) registerNumber!: string | null;
  @ApiProperty({
    enum: PERSONAL_DATA_FIELDS,
    enumName: 'PersonalDataField',
    isArray: true,
    description: 'Data pribadi yang ditampilkan tanpa disamarkan (nama bidang saja, bukan isinya)',
  })
  fields!: string[];
  @ApiProperty({ type: [String], example: ['Nama', 'NIK', 'Alamat'], description: 'Label bidang' })
  fieldLabels!: string[];
  @ApiProperty({ example: 'GET /api/complaints/:id', description: 'Metode dan rute permintaan' })
  endpoint!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Alamat klien' }) ip!: string | null;
}

export class PersonalDataAccessPageDto {
  @ApiProperty({ type: [PersonalDataAccessDto] }) items!: PersonalDataAccessDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}
