import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateOpen311ApiKeyDto {
  @ApiProperty({
    example: 'Aplikasi Prabumulih Smart City',
    description: 'Nama aplikasi klien yang memakai kunci ini; dicatat pada setiap pengaduan yang dibuatnya.',
  })
  @IsString({ message: 'Nama aplikasi wajib berupa teks.' })
  @IsNotEmpty({ message: 'Nama aplikasi wajib diisi.' })
  @Matches(/\S/, { message: 'Nama aplikasi wajib diisi.' })
  @MaxLength(100, { message: 'Nama aplikasi paling banyak 100 karakter.' })
  name!: string;
}

export class Open311ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Aplikasi Prabumulih Smart City' }) name!: string;
  @ApiProperty({
    example: 'o311_Xk3f',
    description: 'Awal kunci, untuk mengenalinya (kunci utuh tidak disimpan)',
  })
  keyPrefix!: string;
  @ApiProperty({ example: 'admin' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Saat kunci dicabut; kunci yang dicabut ditolak (403)',
  })
  revokedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) revokedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Terakhir dipakai membuat pengaduan' })
  lastUsedAt!: string | null;
}

export class CreatedOpen311ApiKeyDto extends Open311ApiKeyDto {
  @ApiProperty({
    example: 'o311_Xk3fQ0b7m2yA9JcV1sWq8rT5uLzN4hPe6dGiKoBvCxE',
    description: 'Kunci API utuh: hanya ditampilkan sekali ini. Berikan kepada pengelola aplikasi klien.',
  })
  key!: string;
}
