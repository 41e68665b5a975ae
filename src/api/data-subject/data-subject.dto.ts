import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { COMPLAINT_STATUSES } from '../../domain/complaint-rules';
import {
  CORRECTABLE_FIELDS,
  DATA_SUBJECT_ACTIONS,
  ERASURE_REFUSALS,
  PERSON_KEYS,
} from '../../domain/data-subject';
import { NIK_FORMAT_MESSAGE } from '../../domain/nik';
import { EMAIL, NIK_OR_BLANK } from '../complaints/create-complaint.dto';

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
/** An e-mail address or nothing (a correction may clear the e-mail). */
const EMAIL_OR_BLANK = new RegExp(`^(\\s*|${EMAIL.source.slice(1, -1)})$`);
const PHONE_OR_BLANK = new RegExp(`^(\\s*|${PHONE.source.slice(1, -1)})$`);
export const DATA_SUBJECT_REASON_MAX = 1000;
export const EXPORT_FORMATS = ['json', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The keys a person is found by: at least one. */
export class PersonKeysDto {
  @ApiPropertyOptional({ example: '1674011203850001', description: 'NIK (16 digit) sesuai KTP' })
  @IsOptional()
  @IsString({ message: 'NIK wajib berupa teks 16 digit.' })
  @Matches(/^\d{16}$/, { message: NIK_FORMAT_MESSAGE })
  nik?: string;

  @ApiPropertyOptional({
    example: '081234567890',
    description: 'Nomor telepon (0812..., 62812... dan +62 812... dianggap sama)',
  })
  @IsOptional()
  @IsString({ message: 'Nomor telepon wajib berupa teks.' })
  @Matches(PHONE, { message: 'Nomor telepon tidak valid.' })
  phone?: string;

  @ApiPropertyOptional({ example: 'budi@example.com', description: 'Alamat email (huruf besar/kecil sama)' })
  @IsOptional()
  @IsString({ message: 'Alamat email wajib berupa teks.' })
  @Matches(EMAIL, { message: 'Alamat email tidak valid.' })
  @MaxLength(254, { message: 'Alamat email terlalu panjang.' })
  email?: string;
}

export class ExportDto extends PersonKeysDto {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'json: berkas JSON; pdf: dokumen untuk dicetak' })
  @IsIn(EXPORT_FORMATS, { message: 'Format ekspor (format) wajib json atau pdf.' })
  format!: ExportFormat;
}

export class EraseDto extends PersonKeysDto {
  @ApiProperty({
    example: 'Permohonan penghapusan data dari pengadu, surat tanggal 1 Desember 2026',
    description: 'Dasar penghapusan (mis. surat permohonan pengadu)',
  })
  @IsString({ message: 'Alasan penghapusan wajib berupa teks.' })
  @IsNotEmpty({ message: 'Alasan penghapusan wajib diisi.' })
  @Matches(/\S/, { message: 'Alasan penghapusan wajib diisi (tidak boleh hanya spasi).' })
  @MaxLength(DATA_SUBJECT_REASON_MAX, {
    message: `Alasan penghapusan paling banyak ${DATA_SUBJECT_REASON_MAX} karakter.`,
  })
  reason!: string;
}

/** A correction: the fields given replace the stored ones ('' clears an optional one). */
export class CorrectComplainantDto {
  @ApiPropertyOptional({ example: 'Budi Santoso' })
  @IsOptional()
  @IsString({ message: 'Nama pengadu wajib berupa teks.' })
  @Matches(/\S/, { message: 'Nama pengadu wajib diisi (tidak boleh kosong).' })
  @MaxLength(200, { message: 'Nama pengadu paling banyak 200 karakter.' })
  complainantName?: string;

  @ApiPropertyOptional({ example: '1674011203850001', description: "NIK (16 digit); '' menghapusnya" })
  @IsOptional()
  @IsString({ message: 'NIK wajib berupa teks 16 digit.' })
  @MaxLength(32, { message: 'NIK terlalu panjang.' })
  @Matches(NIK_OR_BLANK, { message: NIK_FORMAT_MESSAGE })
  complainantNik?: string;

  @ApiPropertyOptional({ description: "Alamat sebagai satu baris; '' menghapusnya" })
  @IsOptional()
  @IsString({ message: 'Alamat wajib berupa teks.' })
  @MaxLength(500, { message: 'Alamat paling banyak 500 karakter.' })
  complainantAddress?: string;

  @ApiPropertyOptional({ example: '081234567890', description: "Nomor telepon; '' menghapusnya" })
  @IsOptional()
  @IsString({ message: 'Nomor telepon wajib berupa teks.' })
  @Matches(PHONE_OR_BLANK, { message: 'Nomor telepon tidak valid.' })
  complainantPhone?: string;

  @ApiPropertyOptional({ example: 'budi@example.com', description: "Alamat email; '' menghapusnya" })
  @IsOptional()
  @IsString({ message: 'Alamat email wajib berupa teks.' })
  @Matches(EMAIL_OR_BLANK, { message: 'Alamat email tidak valid.' })
  @MaxLength(254, { message: 'Alamat email terlalu panjang.' })
  complainantEmail?: string;

  @ApiProperty({ example: 'Pengadu meminta perbaikan alamat email melalui surat tanggal 1 Desember 2026' })
  @IsString({ message: 'Alasan perbaikan wajib berupa teks.' })
  @IsNotEmpty({ message: 'Alasan perbaikan wajib diisi.' })
  @Matches(/\S/, { message: 'Alasan perbaikan wajib diisi (tidak boleh hanya spasi).' })
  @MaxLength(DATA_SUBJECT_REASON_MAX, {
    message: `Alasan perbaikan paling banyak ${DATA_SUBJECT_REASON_MAX} karakter.`,
  })
  reason!: string;
}

/** One complaint of the person, as the search lists it (no identity). */
export class PersonComplaintDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026/12/0007' }) registerNumber!: string;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES, enumName: 'ComplaintStatus' }) status!: string;
  @ApiProperty({ example: 'EMAIL' }) channel!: string;
  @ApiProperty({ enum: PERSON_KEYS, isArray: true, description: 'Kunci yang cocok dengan pengaduan ini' })
  matchedBy!: string[];
}

export class PersonComplaintsDto {
  @ApiProperty({ type: [PersonComplaintDto] }) items!: PersonComplaintDto[];
  @ApiProperty({ format: 'uuid', description: 'Nomor catatan permintaan ini di log permintaan' })
  requestId!: string;
}

export class CorrectedIdentityDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) nik!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
}

export class CorrectionResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026/12/0007' }) registerNumber!: string;
  @ApiProperty({
    enum: CORRECTABLE_FIELDS,
    isArray: true,
    description: 'Bidang yang berubah (kosong: data yang dikirim sama dengan yang tersimpan)',
  })
  changedFields!: string[];
  @ApiProperty({ type: [String], example: ['Email'] }) changedFieldLabels!: string[];
  @ApiProperty({ type: CorrectedIdentityDto }) complainant!: CorrectedIdentityDto;
  @ApiProperty({ format: 'uuid' }) requestId!: string;
}

export class ErasureRefusalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026/12/0007' }) registerNumber!: string;
  @ApiProperty({ enum: ERASURE_REFUSALS, enumName: 'ErasureRefusal' }) code!: string;
  @ApiProperty({ description: 'Alasan tidak dihapus' }) message!: string;
}

export class ErasedComplaintDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '2026/12/0007' }) registerNumber!: string;
  @ApiProperty({ type: 'integer', description: 'Berkas bukti yang dihapus dari penyimpanan' })
  removedFiles!: number;
}

export class ErasureResultDto {
  @ApiProperty({ type: [ErasedComplaintDto] }) erased!: ErasedComplaintDto[];
  @ApiProperty({ type: [ErasureRefusalDto] }) refused!: ErasureRefusalDto[];
  @ApiProperty({ format: 'uuid' }) requestId!: string;
}

/** One row of the request log. */
export class DataSubjectRequestDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ enum: DATA_SUBJECT_ACTIONS, enumName: 'DataSubjectAction' }) action!: string;
  @ApiProperty({ example: 'Ekspor data' }) actionLabel!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: 'admin' }) username!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { nik: '1674**********01', email: 'b***@example.com' },
    description: 'Kunci pencarian, disamarkan',
  })
  keys!: Record<string, string>;
  @ApiProperty({ type: [String], description: 'Pengaduan yang bersangkutan' }) complaintIds!: string[];
  @ApiProperty({ example: 'ERASED' }) outcome!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Format ekspor, bidang yang diperbaiki (tanpa isinya), pengaduan yang dihapus/ditolak',
  })
  details!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class DataSubjectRequestPageDto {
  @ApiProperty({ type: [DataSubjectRequestDto] }) items!: DataSubjectRequestDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}
