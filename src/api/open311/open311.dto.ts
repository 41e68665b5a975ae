// OpenAPI shapes of the Open311 GeoReport v2 answers (JSON; the XML has the same fields under
// <services><service>, <service_requests><request>, <service_definition>, <errors><error>).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORIES } from '../../domain/categories';
import { PRIVACY_NOTICE_VERSION } from '../../domain/privacy-notice';

export class Open311ServiceDto {
  @ApiProperty({ enum: CATEGORIES, example: 'SEDANG' }) service_code!: string;
  @ApiProperty({ example: 'Dampak lingkungan kegiatan usaha berizin' }) service_name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: true, description: 'Selalu true: setiap layanan punya atribut (services/{code})' })
  metadata!: boolean;
  @ApiProperty({ example: 'realtime' }) type!: string;
  @ApiProperty({ example: 'izin usaha, lingkungan, limbah' }) keywords!: string;
  @ApiProperty({ example: 'Dampak kegiatan usaha' }) group!: string;
}

export class Open311AttributeValueDto {
  @ApiProperty({ example: '16.74.01' }) key!: string;
  @ApiProperty({ example: 'Prabumulih Barat' }) name!: string;
}

export class Open311AttributeDto {
  @ApiProperty({ example: true }) variable!: boolean;
  @ApiProperty({ example: 'kecamatan', description: 'Dikirim sebagai attribute[kode]' }) code!: string;
  @ApiProperty({ enum: ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] })
  datatype!: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  @ApiProperty({ example: false }) required!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) datatype_description!: string | null;
  @ApiProperty({ example: 3 }) order!: number;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [Open311AttributeValueDto] }) values!: Open311AttributeValueDto[];
}

export class Open311ServiceDefinitionDto {
  @ApiProperty({ example: 'SEDANG' }) service_code!: string;
  @ApiProperty({ type: [Open311AttributeDto] }) attributes!: Open311AttributeDto[];
}

export class Open311CreatedDto {
  @ApiProperty({ example: '2026-12-0007', description: 'Nomor register dengan tanda hubung' })
  service_request_id!: string;
  @ApiProperty({
    example: 'K7QX2M9TPA',
    description:
      'Kode pelacakan pengadu (rahasia): untuk halaman lacak, GET requests/{token} (dengan tanggapan) dan tokens/{token}',
  })
  token!: string;
  @ApiProperty() service_notice!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) account_id!: string | null;
}

export class Open311RequestDto {
  @ApiProperty({ example: '2026-12-0007' }) service_request_id!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({
    example: 'Sedang ditindaklanjuti unit terkait',
    description: 'Keterangan status publik; lewat token: tanggapan (selesai) atau alasan penolakan',
  })
  status_notes!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) service_name!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Kategori hasil triase; sebelum triase kategori yang diajukan klien Open311',
  })
  service_code!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Hanya lewat token (data pengadu)' })
  description!: string | null;
  @ApiProperty({ example: 'DPM-PTSP Kota Prabumulih' }) agency_responsible!: string;
  @ApiProperty() service_notice!: string;
  @ApiProperty({ example: '2026-12-01T09:15:00+07:00' }) requested_datetime!: string;
  @ApiProperty({ example: '2026-12-02T10:00:00+07:00' }) updated_datetime!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Batas waktu 10 hari kerja (dueAt)',
    example: '2026-12-15T23:59:59+07:00',
  })
  expected_datetime!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Kel./Desa Patih Galung, Kec. Prabumulih Barat, Kota Prabumulih',
  })
  address!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Dibulatkan 3 desimal (tepat lewat token)',
  })
  lat!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) long!: number | null;
}

export class Open311TokenDto {
  @ApiProperty({ example: '2026-12-0007' }) service_request_id!: string;
  @ApiProperty({ example: 'K7QX2M9TPA' }) token!: string;
}

export class Open311EndpointDto {
  @ApiProperty({ example: 'http://wiki.open311.org/GeoReport_v2' }) specification!: string;
  @ApiProperty({ example: 'https://pengaduan.example/open311/v2' }) url!: string;
  @ApiProperty() changeset!: string;
  @ApiProperty({ example: 'production' }) type!: string;
  @ApiProperty({ type: [String], example: ['text/xml', 'application/json'] }) formats!: string[];
}

export class Open311DiscoveryDto {
  @ApiProperty() changeset!: string;
  @ApiProperty() contact!: string;
  @ApiProperty() key_service!: string;
  @ApiProperty({ type: [Open311EndpointDto] }) endpoints!: Open311EndpointDto[];
}

export class Open311ErrorDto {
  @ApiProperty({ example: 403 }) code!: number;
  @ApiProperty({ example: 'api_key tidak sah atau sudah dicabut; pengajuan tidak dapat diproses.' })
  description!: string;
}

/** Form fields are text without a NUL character (the databases refuse it; the parser answers 400). */
const NO_NUL = '^[^\\x00]*$';

/** The form fields of POST requests.{format} (application/x-www-form-urlencoded), for the OpenAPI document. */
export const OPEN311_POST_SCHEMA = {
  type: 'object',
  required: ['api_key', 'service_code', 'attribute[persetujuan_privasi]'],
  properties: {
    api_key: { type: 'string', pattern: NO_NUL, description: 'Kunci API aplikasi klien (dibuat admin)' },
    jurisdiction_id: { type: 'string', pattern: NO_NUL, description: 'Diabaikan (satu yurisdiksi)' },
    service_code: { type: 'string', enum: [...CATEGORIES] },
    lat: { type: 'string', pattern: NO_NUL, example: '-3.4321', description: 'Lintang WGS84 (bersama long)' },
    long: { type: 'string', pattern: NO_NUL, example: '104.2355', description: 'Bujur WGS84 (bersama lat)' },
    address_string: {
      type: 'string',
      pattern: NO_NUL,
      description: 'Lokasi dalam kata-kata (atau lat/long, atau attribute[kecamatan])',
    },
    email: { type: 'string', pattern: NO_NUL },
    device_id: { type: 'string', pattern: NO_NUL, description: 'Diabaikan' },
    account_id: { type: 'string', pattern: NO_NUL, description: 'Diabaikan' },
    first_name: { type: 'string', pattern: NO_NUL, description: 'Wajib: nama pengadu (bersama last_name)' },
    last_name: { type: 'string', pattern: NO_NUL },
    phone: { type: 'string', pattern: NO_NUL },
    description: { type: 'string', pattern: NO_NUL, description: 'Wajib: uraian pengaduan' },
    media_url: { type: 'string', pattern: NO_NUL, description: 'Dicatat sebagai bukti awal' },
    'attribute[nik]': { type: 'string', pattern: NO_NUL },
    'attribute[bukti_awal]': { type: 'string', pattern: NO_NUL, description: 'Wajib bila media_url kosong' },
    'attribute[kecamatan]': { type: 'string', pattern: NO_NUL, example: '16.74.01' },
    'attribute[kelurahan]': { type: 'string', pattern: NO_NUL, example: '16.74.01.1007' },
    'attribute[layanan_perizinan]': { type: 'string', pattern: NO_NUL },
    'attribute[persetujuan_privasi]': {
      type: 'string',
      enum: [PRIVACY_NOTICE_VERSION],
      description:
        'Wajib: versi Pemberitahuan Pelindungan Data Pribadi (GET /api/privacy-notice) yang ditampilkan aplikasi kepada pengadu dan disetujuinya; versi lama ditolak (422)',
    },
  },
  // Fields outside the standard and our attributes are refused (400), as the parser does.
  additionalProperties: false,
} as const;
