// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): our complaint categories as the
// standard's services, our statuses as its open/closed, and the checks of a POST Service Request's
// form fields that belong to the standard rather than to the SOP (the SOP's intake rules stay in
// channels.ts and apply as they do to the website form). Pure, no I/O.
import { CATEGORIES, type Category } from './categories';
import { isClosed } from './complaint-rules';
import { PRIVACY_NOTICE_VERSION } from './privacy-notice';

/** The agency named in every service request (`agency_responsible`). */
export const OPEN311_AGENCY = 'DPM-PTSP Kota Prabumulih';

export interface Open311Service {
  service_code: Category;
  service_name: string;
  description: string;
  /** Every service has attributes (NIK, evidence, kecamatan, kelurahan, licensing service). */
  metadata: true;
  /** A service_request_id is returned at once (no tokens to resolve later). */
  type: 'realtime';
  keywords: string;
  group: string;
}

/**
 * Our complaint categories (SOP B.3) as services. The category the client picks is a proposal:
 * Seksi Pengaduan decides the category at triage, and the request then reports that one.
 */
export const OPEN311_SERVICES: readonly Open311Service[] = [
  {
    service_code: 'RINGAN',
    service_name: 'Ketidakjelasan waktu dan biaya layanan perizinan',
    description:
      'Pengaduan ringan: waktu penyelesaian atau biaya layanan perizinan dan non perizinan yang tidak jelas. Ditangani petugas loket dan Seksi Pengaduan.',
    metadata: true,
    type: 'realtime',
    keywords: 'perizinan, waktu, biaya, tarif, lama proses, loket',
    group: 'Layanan perizinan',
  },
  {
    service_code: 'SEDANG',
    service_name: 'Dampak lingkungan kegiatan usaha berizin',
    description:
      'Pengaduan sedang: dampak terhadap lingkungan dari kegiatan usaha yang izinnya diterbitkan DPM-PTSP (limbah, kebisingan, bau). Ditinjau tim teknis bersama aparatur kecamatan dan kelurahan.',
    metadata: true,
    type: 'realtime',
    keywords: 'izin usaha, lingkungan, limbah, kebisingan, bau, pencemaran',
    group: 'Dampak kegiatan usaha',
  },
  {
    service_code: 'BERAT',
    service_name: 'Dampak lingkungan berat kegiatan usaha berizin',
    description:
      'Pengaduan berat: dampak lingkungan kegiatan usaha berizin yang lebih besar daripada pengaduan sedang; setelah kajian diputuskan oleh Kepala Daerah.',
    metadata: true,
    type: 'realtime',
    keywords: 'izin usaha, lingkungan, pencemaran berat, kerusakan, kepala daerah',
    group: 'Dampak kegiatan usaha',
  },
];

export function open311Service(code: string | null | undefined): Open311Service | undefined {
  return OPEN311_SERVICES.find((s) => s.service_code === code);
}

/** The attributes every service takes (`attribute[code]` in a POST), in the order a form shows them. */
export const OPEN311_ATTRIBUTE_CODES = [
  'nik',
  'bukti_awal',
  'kecamatan',
  'kelurahan',
  'layanan_perizinan',
  'persetujuan_privasi',
] as const;
export type Open311AttributeCode = (typeof OPEN311_ATTRIBUTE_CODES)[number];

/** The standard's status of a request: closed once the case is closed, open before. */
export function open311Status(status: string): 'open' | 'closed' {
  return isClosed(status) ? 'closed' : 'open';
}

/** The service a complaint reports: its category once triaged, else the one its client asked for. */
export function open311ServiceCodeOf(complaint: {
  category?: string | null;
  requestedService?: string | null;
}): Category | null {
  const code = complaint.category ?? complaint.requestedService ?? null;
  return (CATEGORIES as readonly string[]).includes(code ?? '') ? (code as Category) : null;
}

/** One error of the standard's error list (`[{code, description}]`, `<errors><error>`). */
export interface Open311Error {
  code: number;
  description: string;
}

/** A POST Service Request, read from its form fields and ready for the intake. */
export interface Open311Submission {
  serviceCode: Category;
  latitude: number | null;
  longitude: number | null;
  addressString: string | null;
  name: string;
  email?: string;
  phone?: string;
  description: string;
  evidence: string[];
  nik?: string;
  kecamatan?: string;
  kelurahan?: string;
  licensingService?: string;
  /** attribute[persetujuan_privasi]: the privacy notice version the client showed and the citizen accepted. */
  privacyNoticeVersion?: string;
}

/** Form fields of a POST Service Request this server reads (others of the standard are ignored). */
const KNOWN_FIELDS = new Set([
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
]);

const ATTRIBUTE_FIELD = /^attribute\[([^\]]*)\](\[\])?$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads and checks the form fields of a POST Service Request (everything but the API key, which the
 * API checks first): the errors the standard's client must fix, each naming its field, or the
 * submission. The SOP's rules (name, evidence, a valid NIK when given) are checked again by the
 * intake, as for every channel.
 */
export function readOpen311Submission(
  fields: Record<string, unknown>,
):
  | { submission: Open311Submission; errors?: undefined }
  | { errors: Open311Error[]; submission?: undefined } {
  const errors: string[] = [];
  const text = (name: string): string | undefined => {
    const value = fields[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      errors.push(`${name}: hanya boleh dikirim satu kali.`);
      return undefined;
    }
    return value.trim() || undefined;
  };
  const attributes: Partial<Record<Open311AttributeCode, string>> = {};
  for (const [name, value] of Object.entries(fields)) {
    const attribute = ATTRIBUTE_FIELD.exec(name);
    if (attribute) {
      const code = attribute[1] as Open311AttributeCode;
      if (!(OPEN311_ATTRIBUTE_CODES as readonly string[]).includes(code)) {
        errors.push(
          `${name}: atribut tidak dikenal. Atribut yang diterima: ${OPEN311_ATTRIBUTE_CODES.join(', ')}.`,
        );
      } else if (typeof value !== 'string') {
        errors.push(`${name}: hanya boleh berisi satu nilai.`);
      } else if (value.trim()) {
        attributes[code] = value.trim();
      }
    } else if (!KNOWN_FIELDS.has(name)) {
      errors.push(`${name}: kolom tidak dikenal dalam GeoReport v2.`);
    }
  }

  const serviceCode = text('service_code');
  if (!serviceCode) errors.push('service_code: jenis layanan wajib diisi (lihat services.json).');
  else if (!open311Service(serviceCode))
    errors.push(
      `service_code: jenis layanan "${serviceCode}" tidak dikenal; pilih salah satu dari ${OPEN311_SERVICES.map((s) => s.service_code).join(', ')}.`,
    );

  const coordinate = (name: 'lat' | 'long', limit: number): number | null => {
    const raw = text(name);
    if (raw === undefined) return null;
    const value = DECIMAL.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(value) || Math.abs(value) > limit) {
      errors.push(`${name}: harus berupa angka desimal WGS84 antara -${limit} dan ${limit}.`);
      return null;
    }
    return value;
  };
  const latitude = coordinate('lat', 90);
  const longitude = coordinate('long', 180);
  if ((fields.lat === undefined) !== (fields.long === undefined))
    errors.push('lat, long: koordinat wajib diisi berdua (lintang dan bujur).');
  const addressString = text('address_string');
  if (addressString && addressString.length > 500) errors.push('address_string: paling banyak 500 karakter.');
  const hasCoordinates = fields.lat !== undefined && fields.long !== undefined;
  if (!hasCoordinates && !addressString && !attributes.kecamatan && !attributes.kelurahan) {
    errors.push(
      text('address_id')
        ? 'address_id: tidak didukung; kirim lokasi sebagai lat dan long, address_string, atau attribute[kecamatan]/attribute[kelurahan].'
        : 'Lokasi wajib diisi: lat dan long, address_string, atau attribute[kecamatan]/attribute[kelurahan].',
    );
  }

  const name = [text('first_name'), text('last_name')].filter(Boolean).join(' ');
  if (!name) errors.push('first_name: nama pengadu wajib diisi (first_name, dan last_name bila ada).');
  const description = text('description');
  if (!description) errors.push('description: uraian pengaduan wajib diisi.');
  const evidence = [attributes.bukti_awal, text('media_url')].filter((e): e is string => Boolean(e));
  if (evidence.length === 0)
    errors.push(
      'attribute[bukti_awal]: pengaduan wajib disertai minimal satu bukti awal (attribute[bukti_awal] atau media_url).',
    );

  if (!attributes.persetujuan_privasi)
    errors.push(
      `attribute[persetujuan_privasi]: persetujuan Pemberitahuan Pelindungan Data Pribadi wajib: tampilkan pemberitahuan (GET /api/privacy-notice) kepada pengadu dan kirim versinya (${PRIVACY_NOTICE_VERSION}).`,
    );

  if (errors.length > 0) return { errors: errors.map((description) => ({ code: 400, description })) };
  return {
    submission: {
      serviceCode: serviceCode as Category,
      latitude,
      longitude,
      addressString: addressString ?? null,
      name,
      email: text('email'),
      phone: text('phone'),
      description: description as string,
      evidence,
      nik: attributes.nik,
      kecamatan: attributes.kecamatan,
      kelurahan: attributes.kelurahan,
      licensingService: attributes.layanan_perizinan,
      privacyNoticeVersion: attributes.persetujuan_privasi,
    },
  };
}

/** The form field of a POST Service Request that holds the intake's field (`complainant.nik`...). */
export const OPEN311_FIELD_OF: Record<string, string> = {
  'complainant.name': 'first_name',
  'complainant.nik': 'attribute[nik]',
  'complainant.email': 'email',
  'complainant.phone': 'phone',
  description: 'description',
  evidence: 'attribute[bukti_awal]',
  licensingService: 'attribute[layanan_perizinan]',
  'location.kecamatan': 'attribute[kecamatan]',
  'location.kelurahan': 'attribute[kelurahan]',
  notifyBy: 'email',
  privacyNoticeVersion: 'attribute[persetujuan_privasi]',
};

/** The intake's field name as the Open311 client knows it (unknown ones unchanged). */
export function open311FieldOf(field: string): string {
  if (OPEN311_FIELD_OF[field]) return OPEN311_FIELD_OF[field];
  const evidenceItem = /^evidence\.\d+$/.test(field);
  return evidenceItem ? 'attribute[bukti_awal]' : field;
}
