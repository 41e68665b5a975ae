import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DECISIONS, type DecisionKind } from '../../../workflows/complaint/definitions';
import { CATEGORIES, type Category } from '../../domain/categories';
import { UNITS, type Unit } from '../../domain/units';
import { ApiSchemaRule } from '../common/openapi';

/** A complaint's location as set by triage or re-categorisation: both codes are required. */
export class ActionLocationDto {
  @ApiProperty({ example: '16.74.01', description: 'Kode Kemendagri kecamatan' })
  @IsString({ message: 'Kode kecamatan wajib berupa teks.' })
  @Matches(/^16\.74\.\d{2}$/, { message: 'Kode kecamatan tidak valid (contoh: 16.74.01).' })
  kecamatan!: string;

  @ApiProperty({ example: '16.74.01.1007', description: 'Kode Kemendagri kelurahan/desa' })
  @IsString({ message: 'Kode kelurahan wajib berupa teks.' })
  @Matches(/^16\.74\.\d{2}\.\d{4}$/, { message: 'Kode kelurahan tidak valid (contoh: 16.74.01.1007).' })
  kelurahan!: string;
}

export class TriageRejectDto {
  @ApiProperty({
    example: 'Bukan pengaduan perizinan: menyangkut sengketa tanah antarwarga.',
    description: 'Alasan penolakan, disampaikan kepada pengadu',
  })
  @IsString({ message: 'Alasan penolakan wajib berupa teks.' })
  @IsNotEmpty({ message: 'Alasan penolakan wajib diisi.' })
  @MaxLength(2000, { message: 'Alasan penolakan paling banyak 2000 karakter.' })
  reason!: string;
}

/** Triage: either a category (with the location SEDANG and BERAT need) or a rejection. */
@ApiSchemaRule({
  // What ComplaintActionsService.triage checks; a null field counts as absent (@IsOptional).
  oneOf: [
    { required: ['category'], properties: { category: { enum: [...CATEGORIES] }, reject: { enum: [null] } } },
    {
      required: ['reject'],
      // The rejection's own schema (not a bare object), so a generated client types its reason.
      properties: {
        reject: { $ref: '#/components/schemas/TriageRejectDto' },
        category: { enum: [null] },
        location: { enum: [null] },
      },
    },
  ],
})
export class TriageDto {
  @ApiPropertyOptional({
    enum: CATEGORIES,
    enumName: 'Category',
    description: 'Wajib kecuali pengaduan ditolak (reject)',
  })
  @IsOptional()
  @IsIn(CATEGORIES, { message: `Kategori pengaduan wajib salah satu dari: ${CATEGORIES.join(', ')}.` })
  category?: Category;

  @ApiPropertyOptional({
    type: ActionLocationDto,
    description: 'Wajib untuk SEDANG dan BERAT bila belum ada',
  })
  @IsOptional()
  @IsObject({ message: 'Lokasi wajib berupa objek {kecamatan, kelurahan}.' })
  @ValidateNested()
  @Type(() => ActionLocationDto)
  location?: ActionLocationDto;

  @ApiPropertyOptional({ example: 'Dampak lingkungan dari kegiatan usaha; perlu peninjauan lapangan.' })
  @IsOptional()
  @IsString({ message: 'Catatan triase wajib berupa teks.' })
  @MaxLength(2000, { message: 'Catatan triase paling banyak 2000 karakter.' })
  notes?: string;

  @ApiPropertyOptional({ type: TriageRejectDto, description: 'Menolak pengaduan di luar lingkup SOP' })
  @IsOptional()
  @IsObject({ message: 'Penolakan (reject) wajib berupa objek {reason}.' })
  @ValidateNested()
  @Type(() => TriageRejectDto)
  reject?: TriageRejectDto;
}

export class RecategoriseDto {
  @ApiProperty({
    enum: CATEGORIES,
    enumName: 'Category',
    description: 'Kategori baru; hanya dapat dinaikkan',
  })
  @IsIn(CATEGORIES, { message: `Kategori pengaduan wajib salah satu dari: ${CATEGORIES.join(', ')}.` })
  category!: Category;

  @ApiProperty({ example: 'Hasil peninjauan menunjukkan pencemaran meluas ke permukiman.' })
  @IsString({ message: 'Alasan perubahan kategori wajib berupa teks.' })
  @IsNotEmpty({ message: 'Alasan perubahan kategori wajib diisi.' })
  @MaxLength(2000, { message: 'Alasan perubahan kategori paling banyak 2000 karakter.' })
  reason!: string;

  @ApiPropertyOptional({
    type: ActionLocationDto,
    description: 'Wajib untuk SEDANG dan BERAT bila belum ada',
  })
  @IsOptional()
  @IsObject({ message: 'Lokasi wajib berupa objek {kecamatan, kelurahan}.' })
  @ValidateNested()
  @Type(() => ActionLocationDto)
  location?: ActionLocationDto;
}

export class RespondDto {
  @ApiProperty({
    example: 'Usaha telah memperbaiki saluran limbahnya; izin lingkungannya dievaluasi ulang.',
    description: 'Tanggapan akhir yang disampaikan kepada pengadu',
  })
  @IsString({ message: 'Isi tanggapan wajib berupa teks.' })
  @IsNotEmpty({ message: 'Isi tanggapan wajib diisi.' })
  @MaxLength(10000, { message: 'Isi tanggapan paling banyak 10000 karakter.' })
  response!: string;
}

export class EscalationDecisionDto {
  @ApiProperty({ enum: DECISIONS, enumName: 'DecisionKind' })
  @IsIn(DECISIONS, { message: `Keputusan wajib salah satu dari: ${DECISIONS.join(', ')}.` })
  decision!: DecisionKind;

  @ApiPropertyOptional({ example: 'Disetujui; izin usaha dibekukan sampai perbaikan selesai.' })
  @IsOptional()
  @IsString({ message: 'Catatan keputusan wajib berupa teks.' })
  @MaxLength(2000, { message: 'Catatan keputusan paling banyak 2000 karakter.' })
  notes?: string;

  @ApiPropertyOptional({
    enum: UNITS,
    enumName: 'Unit',
    isArray: true,
    description:
      'Hanya untuk FURTHER_STUDY: unit yang mengkaji ulang (unit penanganan BERAT); kosong berarti semuanya',
  })
  @IsOptional()
  @IsArray({ message: 'Daftar unit wajib berupa daftar.' })
  @ArrayMaxSize(UNITS.length, { message: 'Daftar unit terlalu panjang.' })
  @IsIn(UNITS, { each: true, message: `Setiap unit wajib salah satu dari: ${UNITS.join(', ')}.` })
  units?: Unit[];
}
