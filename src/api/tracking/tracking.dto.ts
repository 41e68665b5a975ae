import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_STATUSES } from '../../../workflows/complaint/definitions';
import { CATEGORIES } from '../../domain/categories';
import { CHANNELS } from '../../domain/channels';
import { UNITS, type Unit } from '../../domain/units';
import { TrackingObjectionDto } from '../complaints/objection.dto';

export class TrackingStageDto {
  @ApiProperty({ example: 'TASK_COMPLETED', description: 'Jenis peristiwa pada riwayat pengaduan' })
  type!: string;
  @ApiProperty({ example: 'Seksi Pengaduan dan Informasi Layanan menyelesaikan tindak lanjutnya' })
  label!: string;
  @ApiProperty() at!: string;
  @ApiProperty({
    enum: UNITS,
    enumName: 'Unit',
    nullable: true,
    type: String,
    description: 'Unit yang menyelesaikan tindak lanjutnya (hanya untuk TASK_COMPLETED)',
  })
  unit!: Unit | null;
}

/** One unit's part in the complaint: its name and whether it finished its follow-up. */
export class TrackingUnitDto {
  @ApiProperty({ enum: UNITS, enumName: 'Unit', example: 'SEKSI_PENGADUAN' }) unit!: Unit;
  @ApiProperty({ example: 'Seksi Pengaduan dan Informasi Layanan' }) label!: string;
  @ApiProperty({ description: 'Unit ini sudah menyelesaikan tindak lanjutnya' }) done!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Batas waktu tugas unit ini (tugas terakhirnya); kosong untuk pengaduan sebelum batas waktu tahap',
  })
  dueAt!: string | null;
}

/** Where a complaint that is not DPM-PTSP's business went ("bukan wewenang"). */
export class TrackingForwardedDto {
  @ApiProperty({ example: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih' }) agencyName!: string;
  @ApiProperty({ example: 'Jalan rusak di depan pasar adalah urusan pekerjaan umum, bukan perizinan.' })
  reason!: string;
  @ApiProperty({ example: '500.16/123/DPMPTSP/2026', description: 'Nomor surat keluar' })
  letterNumber!: string;
  @ApiProperty({ description: 'Kapan diteruskan' }) at!: string;
}

/** What anyone holding the tracking code may see: the progress, never who complained or who handled it. */
export class TrackingDto {
  @ApiProperty({ example: 'K7QX2M9TPA' }) trackingCode!: string;
  @ApiProperty({ example: '2026/11/0042' }) registerNumber!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: string;
  @ApiProperty({ example: 'Sedang ditindaklanjuti' }) statusLabel!: string;
  @ApiProperty({ enum: CATEGORIES, nullable: true, description: 'Null sampai pengaduan diperiksa (triase)' })
  category!: string | null;
  @ApiProperty({ enum: CHANNELS }) channel!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Batas waktu: akhir hari kerja ke-10 (WIB)' })
  dueAt!: string | null;
  @ApiProperty({ description: 'Sudah melewati batas waktu tanpa tanggapan' }) overdue!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Batas waktu pemeriksaan (triase) oleh Seksi Pengaduan',
  })
  triageDueAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Batas waktu keputusan Kepala Daerah (pengaduan berat yang sudah dieskalasi)',
  })
  decisionDueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Layanan perizinan yang diadukan' })
  licensingService!: string | null;
  @ApiProperty({ type: [TrackingStageDto] }) stages!: TrackingStageDto[];
  @ApiProperty({
    type: [TrackingUnitDto],
    description:
      'Unit yang diberi tugas tindak lanjut dan apakah sudah selesai (kosong sampai pengaduan diperiksa)',
  })
  units!: TrackingUnitDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Tanggapan; hanya bila status RESOLVED' })
  response!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Alasan penolakan; hanya bila status REJECTED' })
  rejectionReason!: string | null;
  @ApiProperty({
    type: TrackingForwardedDto,
    nullable: true,
    description: 'Instansi tujuan, alasan dan tanggal penerusan; hanya bila status FORWARDED',
  })
  forwarded!: TrackingForwardedDto | null;
  @ApiProperty({
    type: TrackingObjectionDto,
    nullable: true,
    description: 'Keberatan yang diajukan (pengaduan diperiksa kembali dengan batas waktu baru), bila ada',
  })
  objection!: TrackingObjectionDto | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'Sampai kapan keberatan atas tanggapan/penolakan masih dapat diajukan; kosong bila tidak dapat (belum selesai, sudah lewat, atau sudah diajukan)',
  })
  objectionOpenUntil!: string | null;
}
