import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { AGENCY_CODES, LETTER_NUMBER_MESSAGE, LETTER_NUMBER_PATTERN } from '../../domain/agencies';

/** Forwards a complaint awaiting triage to the agency whose business it is ("bukan wewenang"). */
export class ForwardDto {
  @ApiProperty({
    enum: AGENCY_CODES,
    enumName: 'AgencyCode',
    example: 'DPUPR',
    description: 'Kode instansi tujuan (GET /api/agencies)',
  })
  @IsString({ message: 'Instansi tujuan (agency) wajib berupa teks.' })
  @IsIn(AGENCY_CODES, {
    message: 'Instansi tujuan tidak dikenal; pilih dari daftar instansi (GET /api/agencies).',
  })
  agency!: string;

  @ApiProperty({
    example: 'Jalan rusak di depan pasar adalah urusan pekerjaan umum, bukan perizinan.',
    description: 'Alasan penerusan, disampaikan kepada pengadu',
  })
  @IsString({ message: 'Alasan penerusan wajib berupa teks.' })
  @IsNotEmpty({ message: 'Alasan penerusan wajib diisi.' })
  @MaxLength(2000, { message: 'Alasan penerusan paling banyak 2000 karakter.' })
  reason!: string;

  @ApiProperty({
    example: '500.16/123/DPMPTSP/2026',
    description: 'Nomor surat keluar yang meneruskan pengaduan',
    pattern: LETTER_NUMBER_PATTERN,
    minLength: 3,
    maxLength: 100,
  })
  @IsString({ message: 'Nomor surat keluar wajib berupa teks.' })
  @MinLength(3, { message: LETTER_NUMBER_MESSAGE })
  @MaxLength(100, { message: 'Nomor surat keluar paling banyak 100 karakter.' })
  @Matches(new RegExp(LETTER_NUMBER_PATTERN), { message: LETTER_NUMBER_MESSAGE })
  letterNumber!: string;
}
