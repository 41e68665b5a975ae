import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class KelurahanDto {
  @ApiProperty({ example: '16.74.01.1007', description: 'Kode Kemendagri kelurahan/desa' }) code!: string;
  @ApiProperty({ example: 'Patih Galung' }) name!: string;
}

export class KecamatanDto {
  @ApiProperty({ example: '16.74.01', description: 'Kode Kemendagri kecamatan' }) code!: string;
  @ApiProperty({ example: 'Prabumulih Barat' }) name!: string;
  @ApiProperty({ type: [KelurahanDto] }) kelurahan!: KelurahanDto[];
}

export class AreaDto {
  @ApiProperty({ example: '16.74.01.1007' }) code!: string;
  @ApiProperty({ enum: ['KECAMATAN', 'KELURAHAN'] }) level!: 'KECAMATAN' | 'KELURAHAN';
  @ApiProperty({ example: 'Patih Galung' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '16.74.01', description: 'Kecamatan dari kelurahan' })
  parentCode!: string | null;
}

export class RenameAreaDto {
  @ApiProperty({ example: 'Patih Galung' })
  @IsString({ message: 'Nama wilayah wajib berupa teks.' })
  @IsNotEmpty({ message: 'Nama wilayah wajib diisi.' })
  @MaxLength(120, { message: 'Nama wilayah paling banyak 120 karakter.' })
  name!: string;
}
