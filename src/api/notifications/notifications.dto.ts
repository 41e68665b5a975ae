import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** An e-mail address or an Indonesian phone number, as given on the complaint. */
const CONTACT =
  /^\s*([A-Za-z0-9_%+-]{1,64}(\.[A-Za-z0-9_%+-]{1,64})*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}|\+?[0-9 ()-]{6,20})\s*$/;

export class TrackingCodeRequestDto {
  @ApiProperty({
    example: 'siti@example.com',
    description: 'Email atau nomor telepon yang diisi saat mengajukan pengaduan',
  })
  @IsString({ message: 'Email atau nomor telepon wajib berupa teks.' })
  @MaxLength(254, { message: 'Email atau nomor telepon terlalu panjang.' })
  @Matches(CONTACT, { message: 'Isi email atau nomor telepon yang Anda berikan saat mengajukan pengaduan.' })
  contact!: string;
}

export class TrackingCodeRequestedDto {
  @ApiProperty({
    example:
      'Jika email atau nomor telepon tersebut tercatat pada pengaduan, kode pelacakan telah dikirim ke sana.',
  })
  message!: string;
}

export class NotificationView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'REGISTERED' }) kind!: string;
  @ApiProperty({
    example: 'COMPLAINANT',
    description: 'Unit, KEPALA_DAERAH, SEKRETARIS_DAERAH atau COMPLAINANT',
  })
  recipient!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) recipientArea!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: ['PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'EMAIL, SMS, WHATSAPP atau LOG' })
  channel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Alasan gagal atau dilewati' })
  lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sentAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Percobaan berikutnya' })
  nextAttemptAt!: string | null;
}
