import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { RATING_COMMENT_MAX_CHARS, SATISFACTION_SCORES } from '../../domain/satisfaction';

/** The complainant's rating, from the tracking page. */
export class RateComplaintDto {
  @ApiProperty({
    type: 'integer',
    enum: [...SATISFACTION_SCORES],
    example: 4,
    description:
      'Penilaian penanganan pengaduan (skala IKM): 1 Tidak baik, 2 Kurang baik, 3 Baik, 4 Sangat baik',
  })
  @IsInt({ message: 'Nilai (score) wajib bilangan bulat 1 sampai 4.' })
  @IsIn([...SATISFACTION_SCORES], { message: 'Nilai (score) wajib 1, 2, 3 atau 4.' })
  score!: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: RATING_COMMENT_MAX_CHARS,
    example: 'Tanggapannya jelas dan cepat.',
    description: `Komentar (boleh kosong; paling banyak ${RATING_COMMENT_MAX_CHARS} karakter, tidak boleh hanya spasi)`,
  })
  @IsOptional()
  @IsString({ message: 'Komentar (comment) wajib berupa teks.' })
  @MaxLength(RATING_COMMENT_MAX_CHARS, {
    message: `Komentar (comment) paling banyak ${RATING_COMMENT_MAX_CHARS} karakter.`,
  })
  comment?: string | null;
}

export class RatingScaleItemView {
  @ApiProperty({ type: 'integer', example: 4 }) score!: number;
  @ApiProperty({ example: 'Sangat baik' }) label!: string;
}

export class RatingView {
  @ApiProperty({ type: 'integer', enum: [...SATISFACTION_SCORES], example: 4 }) score!: number;
  @ApiProperty({ example: 'Sangat baik' }) scoreLabel!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Tanggapannya jelas dan cepat.' })
  comment!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) ratedAt!: string;
}

/** What the tracking page needs to show the rating form, or the rating already given. */
export class PublicRatingView {
  @ApiProperty({ description: 'Pengaduan ini dapat dinilai sekarang (sudah ditanggapi dan belum dinilai)' })
  canRate!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Mengapa belum atau tidak dapat dinilai (kosong bila dapat dinilai)',
  })
  reason!: string | null;
  @ApiProperty({ type: RatingView, nullable: true, description: 'Penilaian yang sudah diberikan' })
  rating!: RatingView | null;
  @ApiProperty({ type: [RatingScaleItemView], description: 'Skala penilaian 1-4' })
  scale!: RatingScaleItemView[];
}

/** The rating on the staff console's case page. */
export class ComplaintRatingView {
  @ApiProperty({ type: RatingView, nullable: true, description: 'Kosong bila pengadu belum menilai' })
  rating!: RatingView | null;
}
