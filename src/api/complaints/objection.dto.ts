import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CLOSED_STATUSES } from '../../domain/complaint-rules';
import { OBJECTION_REASON_MAX, OBJECTION_WINDOW_DAYS } from '../../domain/objection';

/** POST /public/complaints/{trackingCode}/objection and POST /complaints/{id}/objection. */
export class ObjectionDto {
  @ApiProperty({
    example: 'Tanggapan tidak menjawab pengaduan saya: biaya yang ditarik petugas belum dikembalikan.',
    description: `Alasan keberatan atas tanggapan atau penolakan (paling lambat ${OBJECTION_WINDOW_DAYS} hari setelahnya, satu kali)`,
    maxLength: OBJECTION_REASON_MAX,
  })
  @IsString({ message: 'Alasan keberatan wajib berupa teks.' })
  @IsNotEmpty({ message: 'Alasan keberatan wajib diisi.' })
  @MaxLength(OBJECTION_REASON_MAX, {
    message: `Alasan keberatan paling banyak ${OBJECTION_REASON_MAX} karakter.`,
  })
  reason!: string;
}

export const OBJECTION_EXAMPLES = {
  keberatan: {
    summary: 'Keberatan atas tanggapan',
    value: {
      reason: 'Tanggapan tidak menjawab pengaduan saya: biaya yang ditarik petugas belum dikembalikan.',
    },
  },
};

/** The answer an objection set aside, as staff see it. */
export class PreviousOutcomeView {
  @ApiProperty({ enum: CLOSED_STATUSES, description: 'Hasil penanganan pertama' }) status!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Tanggapan yang diberikan' })
  response!: string | null;
  @ApiProperty({ nullable: true, type: String }) respondedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Alasan penolakan' })
  rejectionReason!: string | null;
  @ApiProperty({ format: 'date-time', description: 'Kapan tanggapan/penolakan diberikan' }) closedAt!: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Batas waktu penanganan pertama',
  })
  dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Kategori pada penanganan pertama' })
  category!: string | null;
  @ApiProperty({ description: 'Penanganan pertama melewati batas waktu' }) overdue!: boolean;
}

/** The objection of a complaint, as staff see it (the case detail). */
export class ObjectionView {
  @ApiProperty({ format: 'date-time', description: 'Kapan keberatan diajukan' }) filedAt!: string;
  @ApiProperty({ description: 'Alasan keberatan' }) reason!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Petugas yang mencatat keberatan atas nama pengadu; kosong bila diajukan pengadu sendiri',
  })
  filedBy!: string | null;
  @ApiProperty({ type: 'integer', example: 1, description: 'Keberatan ke berapa (hanya satu yang diterima)' })
  round!: number;
  @ApiProperty({ nullable: true, type: String, description: 'ID proses (workflow) penanganan pertama' })
  previousWorkflowId!: string | null;
  @ApiProperty({ type: PreviousOutcomeView, nullable: true }) previousOutcome!: PreviousOutcomeView | null;
}

/** The objection on the public tracking page: nothing personal (not the reason, no officer). */
export class TrackingObjectionDto {
  @ApiProperty({ format: 'date-time', description: 'Kapan keberatan diajukan' }) filedAt!: string;
  @ApiProperty({ enum: CLOSED_STATUSES, description: 'Hasil penanganan sebelum keberatan' })
  previousStatus!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Tanggapan sebelum keberatan' })
  previousResponse!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Alasan penolakan sebelum keberatan' })
  previousRejectionReason!: string | null;
  @ApiProperty({ format: 'date-time', description: 'Kapan tanggapan/penolakan itu diberikan' })
  previousClosedAt!: string;
}
