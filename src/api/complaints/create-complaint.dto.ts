import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, type Channel } from '../../domain/channels';

export class ComplainantDto {
  @ApiProperty({ example: 'Siti Aminah' })
  @IsString({ message: 'Nama pengadu wajib berupa teks.' })
  @IsNotEmpty({ message: 'Nama pengadu wajib diisi.' })
  @MaxLength(200, { message: 'Nama pengadu paling banyak 200 karakter.' })
  name!: string;

  @ApiPropertyOptional({ example: '1674011203850001', description: 'NIK (16 digit) sesuai KTP' })
  @IsOptional()
  @IsString({ message: 'NIK wajib berupa teks 16 digit.' })
  @MaxLength(32, { message: 'NIK terlalu panjang.' })
  nik?: string;

  @ApiPropertyOptional({
    example: 'Jl. Jend. Sudirman No. 10, RT 02 RW 03, Kel. Prabumulih, Kec. Prabumulih Barat',
  })
  @IsOptional()
  @IsString({ message: 'Alamat wajib berupa teks.' })
  @MaxLength(500, { message: 'Alamat paling banyak 500 karakter.' })
  address?: string;

  @ApiPropertyOptional({ example: '081234567890' })
  @IsOptional()
  @IsString({ message: 'Nomor telepon wajib berupa teks.' })
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'Nomor telepon tidak valid.' })
  phone?: string;

  @ApiPropertyOptional({ example: 'siti@example.com' })
  @IsOptional()
  @IsEmail({}, { message: 'Alamat email tidak valid.' })
  @MaxLength(254, { message: 'Alamat email terlalu panjang.' })
  email?: string;
}

export class LocationDto {
  @ApiPropertyOptional({ example: '16.74.01', description: 'Kode Kemendagri kecamatan' })
  @IsOptional()
  @IsString({ message: 'Kode kecamatan wajib berupa teks.' })
  @Matches(/^16\.74\.\d{2}$/, { message: 'Kode kecamatan tidak valid (contoh: 16.74.01).' })
  kecamatan?: string;

  @ApiPropertyOptional({ example: '16.74.01.1007', description: 'Kode Kemendagri kelurahan/desa' })
  @IsOptional()
  @IsString({ message: 'Kode kelurahan wajib berupa teks.' })
  @Matches(/^16\.74\.\d{2}\.\d{4}$/, { message: 'Kode kelurahan tidak valid (contoh: 16.74.01.1007).' })
  kelurahan?: string;
}

/** The public form's fields (channel WEBSITE is implied). */
export class PublicComplaintDto {
  @ApiProperty({ type: ComplainantDto })
  @ValidateNested()
  @Type(() => ComplainantDto)
  @IsNotEmpty({ message: 'Data pengadu wajib diisi.' })
  complainant!: ComplainantDto;

  @ApiPropertyOptional({
    example: 'Izin Usaha Mikro Kecil (IUMK)',
    description: 'Layanan perizinan yang diadukan',
  })
  @IsOptional()
  @IsString({ message: 'Layanan perizinan wajib berupa teks.' })
  @MaxLength(200, { message: 'Layanan perizinan paling banyak 200 karakter.' })
  licensingService?: string;

  @ApiProperty({
    example: 'Limbah cair pabrik tahu di belakang rumah mengalir ke sungai sejak izin usahanya terbit.',
  })
  @IsString({ message: 'Uraian pengaduan wajib berupa teks.' })
  @IsNotEmpty({ message: 'Uraian pengaduan wajib diisi.' })
  @MaxLength(5000, { message: 'Uraian pengaduan paling banyak 5000 karakter.' })
  description!: string;

  @ApiPropertyOptional({ type: LocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiProperty({
    type: [String],
    example: ['Foto saluran limbah', 'Salinan izin usaha'],
    description: 'Bukti awal: uraian atau nama berkas',
  })
  @IsArray({ message: 'Bukti awal wajib berupa daftar.' })
  @ArrayMaxSize(20, { message: 'Bukti awal paling banyak 20 butir.' })
  @IsString({ each: true, message: 'Setiap bukti awal wajib berupa teks.' })
  @MaxLength(500, { each: true, message: 'Setiap bukti awal paling banyak 500 karakter.' })
  evidence: string[] = [];
}

/** A complaint registered by staff, through any channel. */
export class CreateComplaintDto extends PublicComplaintDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: `Media pengaduan wajib salah satu dari: ${CHANNELS.join(', ')}.` })
  channel!: Channel;

  @ApiPropertyOptional({
    example: '2026-11-27T08:30:00+07:00',
    description: 'Saat diterima petugas (paling lama 30 hari lalu; tidak boleh di masa depan)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Waktu penerimaan (receivedAt) wajib berformat tanggal ISO 8601.' })
  receivedAt?: string;
}

export class ComplaintCreatedDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2026/11/0042' }) registerNumber!: string;
  @ApiProperty({ example: 'K7QX2M9TPA' }) trackingCode!: string;
  @ApiProperty({ example: 'RECEIVED' }) status!: 'RECEIVED';
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ description: 'Batas waktu: akhir hari kerja ke-10 setelah hari diterima (WIB)' })
  dueAt!: string;
}
