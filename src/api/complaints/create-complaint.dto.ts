import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, type Channel } from '../../domain/channels';
import { IDENTITY_MODES, type IdentityMode } from '../../domain/identity-mode';
import { PRIVACY_NOTICE_VERSION } from '../../domain/privacy-notice';
import { NOTIFY_BY, type NotifyBy } from '../../notifications/notify-by';
import { IsIsoDateTime } from '../common/dates';

/**
 * The form of a NIK: 16 digits, province code 11 or above; or nothing (blank). Malformed is 400; a
 * NIK of this form whose province, regency, birth date or serial cannot be is refused by the intake
 * rules (422, src/domain/nik.ts).
 */
export const NIK_OR_BLANK = /^(\s*|(1[1-9]|[2-9]\d)\d{14})$/;
/** An email address: the same pattern in the OpenAPI document as on the server. */
export const EMAIL =
  /^[A-Za-z0-9_%+-]{1,64}(\.[A-Za-z0-9_%+-]{1,64})*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$/;

const PRIVACY_NOTICE_REQUIRED =
  'Persetujuan Pemberitahuan Pelindungan Data Pribadi (privacyNoticeVersion) wajib diisi dengan versi pemberitahuan yang telah dibaca pengadu (lihat GET /api/privacy-notice).';

/** The address as a KTP has it; every part is required with a phone complaint (SOP C.1.b). */
export class KtpAddressDto {
  @ApiPropertyOptional({
    example: 'Jl. Jend. Sudirman No. 10',
    description: 'Alamat: jalan dan nomor rumah, atau dusun',
  })
  @IsOptional()
  @IsString({ message: 'Jalan/nomor rumah wajib berupa teks.' })
  @MaxLength(200, { message: 'Jalan/nomor rumah paling banyak 200 karakter.' })
  street?: string;

  @ApiPropertyOptional({ example: '002', description: 'RT, 1-3 digit' })
  @IsOptional()
  @IsString({ message: 'RT wajib berupa teks angka.' })
  @Matches(/^\s*\d{0,3}\s*$/, { message: 'RT wajib berupa angka 1-3 digit (contoh: 002).' })
  rt?: string;

  @ApiPropertyOptional({ example: '003', description: 'RW, 1-3 digit' })
  @IsOptional()
  @IsString({ message: 'RW wajib berupa teks angka.' })
  @Matches(/^\s*\d{0,3}\s*$/, { message: 'RW wajib berupa angka 1-3 digit (contoh: 003).' })
  rw?: string;

  @ApiPropertyOptional({ example: 'Patih Galung', description: 'Kelurahan/desa' })
  @IsOptional()
  @IsString({ message: 'Kelurahan/desa wajib berupa teks.' })
  @MaxLength(80, { message: 'Kelurahan/desa paling banyak 80 karakter.' })
  kelurahan?: string;

  @ApiPropertyOptional({ example: 'Prabumulih Barat' })
  @IsOptional()
  @IsString({ message: 'Kecamatan wajib berupa teks.' })
  @MaxLength(80, { message: 'Kecamatan paling banyak 80 karakter.' })
  kecamatan?: string;

  @ApiPropertyOptional({ example: 'Kota Prabumulih', description: 'Kabupaten/kota' })
  @IsOptional()
  @IsString({ message: 'Kabupaten/kota wajib berupa teks.' })
  @MaxLength(80, { message: 'Kabupaten/kota paling banyak 80 karakter.' })
  city?: string;
}

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
  @Matches(NIK_OR_BLANK, { message: 'NIK harus terdiri dari 16 digit angka sesuai KTP.' })
  nik?: string;

  @ApiPropertyOptional({
    example:
      'Jl. Jend. Sudirman No. 10, RT 002/RW 003, Kel. Patih Galung, Kec. Prabumulih Barat, Kota Prabumulih',
    description:
      'Alamat sebagai satu baris. Untuk pengaduan telepon wajib memuat jalan/nomor rumah atau dusun, RT, RW, kelurahan/desa, kecamatan dan kabupaten/kota (atau isi ktpAddress sebagai gantinya; tidak keduanya).',
  })
  @IsOptional()
  @IsString({ message: 'Alamat wajib berupa teks.' })
  @MaxLength(500, { message: 'Alamat paling banyak 500 karakter.' })
  address?: string;

  @ApiPropertyOptional({
    type: KtpAddressDto,
    description:
      'Alamat per bagian sesuai KTP; disimpan sebagai satu baris alamat. Untuk pengaduan telepon semua bagian wajib diisi.',
  })
  @IsOptional()
  @IsObject({ message: 'Alamat per bagian (ktpAddress) wajib berupa objek.' })
  @ValidateNested()
  @Type(() => KtpAddressDto)
  ktpAddress?: KtpAddressDto;

  @ApiPropertyOptional({
    example: '081234567890',
    description: 'Nomor telepon; untuk pengaduan faksimile wajib (nomor faksimile atau telepon pengirim).',
  })
  @IsOptional()
  @IsString({ message: 'Nomor telepon wajib berupa teks.' })
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'Nomor telepon tidak valid.' })
  phone?: string;

  @ApiPropertyOptional({
    example: 'siti@example.com',
    description: 'Alamat email; untuk pengaduan email wajib (alamat pengirim).',
  })
  @IsOptional()
  @Matches(EMAIL, { message: 'Alamat email tidak valid.' })
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
  @ApiPropertyOptional({
    type: ComplainantDto,
    description:
      'Identitas pengadu: wajib, kecuali pengaduan anonim (identityMode ANONIM), yang tidak boleh menyertakannya.',
  })
  // Checked when given. Missing, it is a rule's matter, not malformed input: an anonymous complaint
  // has none (one sent anyway is refused), any other needs a name (the intake rules, 422).
  @ValidateIf((o: PublicComplaintDto) => o.complainant !== undefined)
  @ValidateNested()
  @Type(() => ComplainantDto)
  @IsNotEmpty({ message: 'Data pengadu wajib diisi.' })
  complainant?: ComplainantDto;

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
  @ArrayMinSize(1, { message: 'Pengaduan wajib disertai minimal satu bukti awal.' })
  @ArrayMaxSize(20, { message: 'Bukti awal paling banyak 20 butir.' })
  @IsString({ each: true, message: 'Setiap bukti awal wajib berupa teks.' })
  @Matches(/\S/, { each: true, message: 'Setiap bukti awal wajib diisi (tidak boleh kosong).' })
  @MaxLength(500, { each: true, message: 'Setiap bukti awal paling banyak 500 karakter.' })
  evidence: string[] = [];

  @ApiPropertyOptional({
    enum: NOTIFY_BY,
    description:
      'Cara pengadu ingin diberi tahu perkembangan pengaduannya: EMAIL, SMS, WHATSAPP (ke nomor telepon yang diisi) atau NONE (tidak perlu). Kosong: email bila diisi, selain itu telepon; tanpa kontak diberi tahu di loket.',
  })
  @IsOptional()
  @IsIn(NOTIFY_BY, { message: `Pilihan pemberitahuan wajib salah satu dari: ${NOTIFY_BY.join(', ')}.` })
  notifyBy?: NotifyBy;

  @ApiPropertyOptional({
    enum: IDENTITY_MODES,
    enumName: 'IdentityMode',
    default: 'BIASA',
    description:
      'Identitas pengadu: BIASA (bawaan: dicatat dan dilihat petugas yang menangani), RAHASIA (dicatat, ' +
      'hanya dilihat Seksi Pengaduan, Kabid Pengaduan dan admin; NIK boleh kosong) atau ANONIM (tanpa ' +
      'identitas dan tanpa pemberitahuan: nama, NIK, alamat dan kontak tidak boleh diisi; hanya kode ' +
      'pelacakan yang menjadi kunci). RAHASIA dan ANONIM hanya untuk media WEBSITE dan EMAIL (422 untuk media lain).',
  })
  @IsOptional()
  @IsIn(IDENTITY_MODES, {
    message: `Pilihan identitas (identityMode) wajib salah satu dari: ${IDENTITY_MODES.join(', ')}.`,
  })
  identityMode?: IdentityMode;

  @ApiProperty({
    enum: [PRIVACY_NOTICE_VERSION],
    example: PRIVACY_NOTICE_VERSION,
    description:
      'Versi Pemberitahuan Pelindungan Data Pribadi (GET /api/privacy-notice) yang telah dibaca dan disetujui ' +
      'pengadu; wajib untuk setiap pengaduan, termasuk anonim. Kosong: 400; versi lama: 422 (muat ulang dan baca ' +
      'pemberitahuan yang baru). Untuk pengaduan yang dicatat petugas: petugas menyatakan pengadu telah diberi ' +
      'dan membaca pemberitahuan (surat dan faksimile: pemberitahuan dikirim bersama tanda terima).',
  })
  @IsString({ message: PRIVACY_NOTICE_REQUIRED })
  @IsNotEmpty({ message: PRIVACY_NOTICE_REQUIRED })
  @MaxLength(20, { message: PRIVACY_NOTICE_REQUIRED })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, {
    message:
      'Versi pemberitahuan pelindungan data pribadi (privacyNoticeVersion) wajib berformat YYYY-MM-DD.',
  })
  privacyNoticeVersion!: string;
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
  @IsIsoDateTime({
    message:
      'Waktu penerimaan (receivedAt) wajib berformat tanggal-waktu ISO 8601, mis. 2026-11-27T08:30:00+07:00.',
  })
  receivedAt?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Wajib untuk TATAP_MUKA, tidak diisi untuk media lain: id pejabat minimal eselon IV yang menerima pengadu (SOP C.1.a), siapa pun yang mencatatnya. Pilihan: GET /api/users/receiving-officials.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Pejabat penerima (receivingOfficialId) wajib berupa id pengguna (UUID).' })
  receivingOfficialId?: string;
}

export class ComplaintCreatedDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '2026/11/0042' }) registerNumber!: string;
  @ApiProperty({ example: 'K7QX2M9TPA' }) trackingCode!: string;
  @ApiProperty({ example: 'RECEIVED' }) status!: 'RECEIVED';
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ description: 'Batas waktu: akhir hari kerja ke-10 setelah hari diterima (WIB)' })
  dueAt!: string;
  @ApiPropertyOptional({
    description:
      'Peringatan bila hari kerja yang dihitung sampai batas waktu mencapai tahun yang belum punya daftar resmi hari libur (batas waktu bisa bergeser setelah admin melengkapi daftar)',
  })
  calendarWarning?: string;
}
