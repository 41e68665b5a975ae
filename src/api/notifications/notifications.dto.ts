import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../complaints/complaint-query.dto';

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
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'EMAIL, SMS, WHATSAPP atau LOG; DESK: pengadu tanpa kontak, disampaikan melalui loket',
  })
  channel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Alasan gagal atau dilewati' })
  lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sentAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Percobaan berikutnya' })
  nextAttemptAt!: string | null;
}

/** GET /notifications: a page of the signed-in user's notifications, optionally the unread ones only. */
export class ListMyNotificationsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: hanya yang belum Anda baca',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'Filter unread wajib bernilai true atau false.' })
  unread?: 'true' | 'false';
}

/** One notification addressed to the signed-in user (their unit, their unit and area, or their role). */
export class MyNotificationView {
  @ApiProperty({ description: 'ID pemberitahuan (dipakai untuk menandai dibaca)' }) id!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ID pengaduan yang bersangkutan' })
  complaintId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026/11/0042' })
  registerNumber!: string | null;
  @ApiProperty({ example: 'TASK_ASSIGNED' }) kind!: string;
  @ApiProperty({
    example: 'SEKSI_KEBIJAKAN',
    description:
      'Unit atau KEPALA_DAERAH yang dituju; COMPLAINANT (hanya bagi loket): pengadu tanpa kontak, sampaikan melalui loket',
  })
  recipient!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Wilayah (kecamatan/kelurahan) yang dituju',
  })
  recipientArea!: string | null;
  @ApiProperty({ example: 'Tugas baru: pengaduan 2026/11/0042' }) subject!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Sudah Anda baca' }) read!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) readAt!: string | null;
}

export class MyNotificationPageView {
  @ApiProperty({ type: [MyNotificationView] }) items!: MyNotificationView[];
  @ApiProperty({ type: 'integer', description: 'Jumlah pemberitahuan sesuai filter' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({ type: 'integer', description: 'Jumlah pemberitahuan Anda yang belum dibaca' })
  unreadCount!: number;
}

export class NotificationsReadView {
  @ApiProperty({ type: 'integer', description: 'Jumlah pemberitahuan Anda yang belum dibaca sesudahnya' })
  unreadCount!: number;
}
