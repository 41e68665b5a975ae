import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validate } from 'class-validator';
import { DateTime } from 'luxon';
import {
  type Open311ListedComplaint,
  type Open311RequestFilter,
  Open311RequestRepository,
} from '../../db/repositories/open311-request.repository';
import { CATEGORIES } from '../../domain/categories';
import {
  OPEN311_AGENCY,
  OPEN311_SERVICES,
  type Open311Error,
  open311FieldOf,
  open311Service,
  open311ServiceCodeOf,
  open311Status,
  readOpen311Submission,
} from '../../domain/open311';
import { PRIVACY_NOTICE_VERSION } from '../../domain/privacy-notice';
import { ComplaintIntakeService } from '../complaints/complaint-intake.service';
import { PublicComplaintDto } from '../complaints/create-complaint.dto';
import { ReferenceDataCache } from '../reference-data/reference-data.cache';
import { STATUS_LABELS } from '../tracking/tracking.service';
import { normaliseTrackingCode } from '../tracking/tracking-code';
import type {
  Open311AttributeDto,
  Open311CreatedDto,
  Open311RequestDto,
  Open311ServiceDefinitionDto,
  Open311TokenDto,
} from './open311.dto';
import { Open311ApiKeysService } from './open311-api-keys.service';
import { Open311Exception, open311Error } from './open311-format';

/** Most requests one list answers (the standard's suggested default), newest first. */
export const OPEN311_LIST_LIMIT = 1000;
/** Without start_date and end_date, the list covers the last 90 days (as the standard suggests). */
export const OPEN311_DEFAULT_DAYS = 90;
const OFFICE_ZONE = 'Asia/Jakarta';
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** The public list shows coordinates to 3 decimals (about 100 m): where, not whose house. */
const PUBLIC_COORDINATE_DECIMALS = 3;

const SERVICE_NOTICE =
  'Pengaduan dijawab paling lambat 10 hari kerja setelah diterima (SOP DPM-PTSP Kota Prabumulih).';

export interface Open311ListQuery {
  service_request_id?: unknown;
  service_code?: unknown;
  start_date?: unknown;
  end_date?: unknown;
  status?: unknown;
  jurisdiction_id?: unknown;
}

/**
 * Open311 GeoReport v2 over our complaints. A request is a complaint: `service_request_id` is its
 * register number written with dashes (`2026-12-0007`, public like a case number), and the tracking
 * code, the complainant's own key, is the `token` returned once, at creation. Lists and look-ups by
 * id show nothing personal; a look-up by the token also shows the description and, once closed,
 * the response or the reason for rejection as `status_notes`, as the tracking page does.
 */
@Injectable()
export class Open311Service {
  constructor(
    private readonly requests: Open311RequestRepository,
    private readonly intake: ComplaintIntakeService,
    private readonly referenceData: ReferenceDataCache,
    private readonly keys: Open311ApiKeysService,
  ) {}

  services() {
    return OPEN311_SERVICES.map((s) => ({ ...s }));
  }

  async definition(code: string): Promise<Open311ServiceDefinitionDto> {
    if (!open311Service(code)) throw this.unknownService(code);
    const areas = [...(await this.referenceData.areas()).values()].sort((a, b) =>
      a.code.localeCompare(b.code),
    );
    const kecamatanName = new Map(areas.filter((a) => a.level === 'KECAMATAN').map((a) => [a.code, a.name]));
    const attribute = (
      order: number,
      code: string,
      datatype: Open311AttributeDto['datatype'],
      description: string,
      datatypeDescription: string | null,
      values: { key: string; name: string }[] = [],
    ): Open311AttributeDto => ({
      variable: true,
      code,
      datatype,
      required: false,
      datatype_description: datatypeDescription,
      order,
      description,
      values,
    });
    return {
      service_code: code,
      attributes: [
        attribute(
          1,
          'nik',
          'string',
          'NIK pengadu sesuai KTP (tidak wajib; bila diisi harus NIK yang sah)',
          '16 digit angka',
        ),
        attribute(
          2,
          'bukti_awal',
          'text',
          'Bukti awal pengaduan: uraian bukti atau nama berkas (wajib bila media_url tidak diisi)',
          'Teks, paling banyak 500 karakter',
        ),
        attribute(
          3,
          'kecamatan',
          'singlevaluelist',
          'Kecamatan lokasi yang diadukan (kode Kemendagri)',
          null,
          areas.filter((a) => a.level === 'KECAMATAN').map((a) => ({ key: a.code, name: a.name })),
        ),
        attribute(
          4,
          'kelurahan',
          'singlevaluelist',
          'Kelurahan/desa lokasi yang diadukan (kode Kemendagri; harus di kecamatan yang dipilih)',
          null,
          areas
            .filter((a) => a.level === 'KELURAHAN')
            .map((a) => ({
              key: a.code,
              name: `${a.name} (Kec. ${kecamatanName.get(a.parentCode ?? '') ?? a.parentCode})`,
            })),
        ),
        attribute(
          5,
          'layanan_perizinan',
          'string',
          'Layanan perizinan yang diadukan (mis. Izin Usaha Mikro Kecil)',
          'Teks, paling banyak 200 karakter',
        ),
        {
          ...attribute(
            6,
            'persetujuan_privasi',
            'string',
            'Versi Pemberitahuan Pelindungan Data Pribadi (GET /api/privacy-notice) yang ditampilkan aplikasi dan disetujui pengadu (wajib; versi lama ditolak)',
            `Versi yang berlaku: ${PRIVACY_NOTICE_VERSION}`,
          ),
          required: true,
        },
      ],
    };
  }

  /**
   * POST Service Request: checks the key, reads the fields, registers through the website's intake.
   * With an Idempotency-Key (scoped to the API key's client), a retried POST gets the first request's
   * answer instead of filing the complaint twice, as on the website.
   */
  async create(fields: Record<string, unknown>, idempotencyKey?: string): Promise<Open311CreatedDto[]> {
    const client = await this.keys.verify(fields.api_key);
    if (!client)
      throw open311Error(
        403,
        'api_key tidak sah atau sudah dicabut; pengajuan tidak dapat diproses. Minta kunci API kepada admin DPM-PTSP Kota Prabumulih.',
      );
    const read = readOpen311Submission(fields);
    if (read.errors) throw new Open311Exception(400, read.errors);
    const s = read.submission;
    const body = plainToInstance(PublicComplaintDto, {
      complainant: { name: s.name, nik: s.nik, email: s.email, phone: s.phone },
      licensingService: s.licensingService,
      description: s.description,
      location: s.kecamatan || s.kelurahan ? { kecamatan: s.kecamatan, kelurahan: s.kelurahan } : undefined,
      evidence: s.evidence,
      privacyNoticeVersion: s.privacyNoticeVersion,
    });
    const problems = await validate(body, { whitelist: true, forbidNonWhitelisted: true });
    if (problems.length > 0) throw new Open311Exception(400, open311ValidationErrors(problems));
    const created = await this.intake.register({
      body,
      channel: 'WEBSITE',
      receivedBy: null,
      idempotencyKey: idempotencyKey ? `open311:${client.id}:${idempotencyKey}` : undefined,
      origin: {
        source: 'OPEN311',
        client: client.name,
        requestedService: s.serviceCode,
        latitude: s.latitude,
        longitude: s.longitude,
        locationAddress: s.addressString,
      },
    });
    return [
      {
        service_request_id: requestIdOf(created.registerNumber),
        token: created.trackingCode,
        service_notice: `Pengaduan diterima dengan nomor register ${created.registerNumber}. Kode pelacakan: ${created.trackingCode} (berikan kepada pengadu; dengannya pengaduan dapat dilacak di situs DPM-PTSP Kota Prabumulih). ${SERVICE_NOTICE}`,
        account_id: null,
      },
    ];
  }

  /** GET Service Requests: by ids, or filtered (last 90 days by default), newest first, at most 1000. */
  async list(query: Open311ListQuery): Promise<Open311RequestDto[]> {
    // Every parameter must be well-formed, even those that service_request_id makes us ignore.
    const ids = listParam(query.service_request_id, 'service_request_id');
    const codes = listParam(query.service_code, 'service_code');
    const unknown = codes?.filter((c) => !open311Service(c)) ?? [];
    if (unknown.length > 0) throw this.unknownService(unknown[0], 400);
    const statuses = listParam(query.status, 'status');
    const wrong = statuses?.filter((s) => s !== 'open' && s !== 'closed') ?? [];
    if (wrong.length > 0)
      throw open311Error(400, `status: "${wrong[0]}" tidak dikenal; gunakan open atau closed.`);
    const start = dateParam(query.start_date, 'start_date');
    const end = dateParam(query.end_date, 'end_date');
    // Each date well-formed, together contradictory: a rule's refusal.
    if (start && end && start > end) throw open311Error(422, 'start_date tidak boleh sesudah end_date.');

    let filter: Open311RequestFilter;
    if (ids) {
      // The standard: with service_request_id, every other parameter is ignored.
      filter = { registerNumbers: ids.map(registerNumberOf) };
    } else {
      // Only one of open and closed asked for narrows the list (nothing else passes listParam).
      const closed =
        statuses && statuses.includes('open') !== statuses.includes('closed')
          ? statuses.includes('closed')
          : undefined;
      const from = start ?? (end ? undefined : new Date(Date.now() - OPEN311_DEFAULT_DAYS * 86_400_000));
      filter = { serviceCodes: codes, closed, receivedFrom: from, receivedTo: end };
    }
    const rows = await this.requests.list(filter, OPEN311_LIST_LIMIT);
    const areaNames = await this.areaNames();
    return rows.map((c) => this.publicRequest(c, areaNames));
  }

  /**
   * GET Service Request: by its service_request_id (public view) or by the token the client got at
   * creation, the tracking code (the complainant's view: description, response or reason too).
   */
  async get(id: string): Promise<Open311RequestDto[]> {
    const byId = /^\d{4}-\d{2}-\d{4,}$/.test(id);
    const code = byId ? undefined : normaliseTrackingCode(id);
    if (byId) {
      const c = await this.requests.findPublicByRegisterNumber(registerNumberOf(id));
      if (c) return [this.publicRequest(c, await this.areaNames())];
    } else if (code) {
      const c = await this.requests.findByTrackingCode(code);
      if (c) {
        const view = this.publicRequest(c, await this.areaNames(), true);
        view.description = c.description;
        if (c.status === 'RESOLVED' && c.response) view.status_notes = c.response;
        if (c.status === 'REJECTED' && c.rejectionReason)
          view.status_notes = `${STATUS_LABELS.REJECTED}: ${c.rejectionReason}`;
        if (c.locationAddress) view.address = [c.locationAddress, view.address].filter(Boolean).join('; ');
        return [view];
      }
    }
    throw open311Error(404, `Permintaan layanan "${id}" tidak ditemukan.`);
  }

  /** GET service_request_id from a token (our tracking code). */
  async token(token: string): Promise<Open311TokenDto[]> {
    const code = normaliseTrackingCode(token);
    const registerNumber = code ? await this.requests.findRegisterNumberByTrackingCode(code) : null;
    if (!registerNumber) throw open311Error(404, `Token "${token}" tidak ditemukan.`);
    return [{ service_request_id: requestIdOf(registerNumber), token: code as string }];
  }

  private unknownService(code: string, status = 404): Open311Exception {
    return open311Error(
      status,
      `service_code: jenis layanan "${code}" tidak dikenal; pilih salah satu dari ${CATEGORIES.join(', ')}.`,
    );
  }

  private async areaNames(): Promise<ReadonlyMap<string, string>> {
    const areas = await this.referenceData.areas();
    return new Map([...areas.values()].map((a) => [a.code, a.name]));
  }

  private publicRequest(
    c: Open311ListedComplaint,
    areaNames: ReadonlyMap<string, string>,
    exact = false,
  ): Open311RequestDto {
    const serviceCode = open311ServiceCodeOf(c);
    const address = [
      c.kelurahan ? `Kel./Desa ${areaNames.get(c.kelurahan) ?? c.kelurahan}` : null,
      c.kecamatan ? `Kec. ${areaNames.get(c.kecamatan) ?? c.kecamatan}` : null,
      c.kecamatan || c.kelurahan ? 'Kota Prabumulih' : null,
    ]
      .filter(Boolean)
      .join(', ');
    const coordinate = (value: number | null | undefined) =>
      value === null || value === undefined
        ? null
        : exact
          ? value
          : Number(value.toFixed(PUBLIC_COORDINATE_DECIMALS));
    return {
      service_request_id: requestIdOf(c.registerNumber),
      status: open311Status(c.status),
      status_notes: STATUS_LABELS[c.status] ?? c.status,
      service_name: serviceCode ? (open311Service(serviceCode)?.service_name ?? null) : null,
      service_code: serviceCode,
      description: null,
      agency_responsible: OPEN311_AGENCY,
      service_notice: SERVICE_NOTICE,
      requested_datetime: officeTime(c.receivedAt),
      updated_datetime: officeTime(c.updatedAt),
      expected_datetime: c.dueAt ? officeTime(c.dueAt) : null,
      address: address || null,
      lat: coordinate(c.latitude),
      long: coordinate(c.longitude),
    };
  }
}

/** When this endpoint's behaviour last changed (the discovery's `changeset`). */
export const OPEN311_CHANGESET = '2026-12-02T00:00:00+07:00';

/** The standard's service discovery document for the endpoint at `url`. */
export function open311Discovery(url: string) {
  return {
    changeset: OPEN311_CHANGESET,
    contact: `${OPEN311_AGENCY}, dpmptsp@kotaprabumulih.go.id, telepon 0713-3310251`,
    key_service: `Kunci API untuk membuat permintaan diberikan oleh admin ${OPEN311_AGENCY} (dpmptsp@kotaprabumulih.go.id).`,
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** `2026/12/0007` as an id in a URL path: `2026-12-0007`. */
export function requestIdOf(registerNumber: string): string {
  return registerNumber.replaceAll('/', '-');
}

function registerNumberOf(requestId: string): string {
  return requestId.trim().replaceAll('-', '/');
}

function officeTime(at: Date): string {
  // The standard's w3 subset of ISO 8601: seconds, and the offset (WIB, +07:00).
  return DateTime.fromJSDate(at).setZone(OFFICE_ZONE).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** A comma-separated list parameter (the standard's form), or undefined when absent. */
function listParam(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw open311Error(400, `${name}: hanya boleh dikirim satu kali (pisahkan nilai dengan koma).`);
  // The databases refuse a NUL inside text: refused before any query.
  if (value.includes('\u0000')) throw open311Error(400, `${name}: memuat karakter NUL (\\u0000).`);
  // Exactly as written: values separated by commas, none empty (as the document says).
  const items = value.split(',');
  if (items.some((v) => v === ''))
    throw open311Error(400, `${name}: nilai tidak boleh kosong; pisahkan beberapa nilai dengan koma.`);
  if (items.length > 100) throw open311Error(400, `${name}: paling banyak 100 nilai.`);
  return items;
}

function dateParam(value: unknown, name: string): Date | undefined {
  // Absent is no bound; present, it must be a date-time (an empty one too is refused).
  if (value === undefined) return undefined;
  const at = typeof value === 'string' && ISO_WITH_ZONE.test(value) ? new Date(value) : undefined;
  if (!at || Number.isNaN(at.getTime()))
    throw open311Error(
      400,
      `${name}: wajib berformat tanggal-waktu ISO 8601 dengan zona waktu, mis. 2026-12-01T00:00:00+07:00.`,
    );
  return at;
}

/** class-validator's messages (already in Bahasa) as the standard's errors, naming the form field. */
function open311ValidationErrors(errors: ValidationError[], prefix = ''): Open311Error[] {
  return errors.flatMap((e) => {
    const path = prefix + e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      code: 400,
      description: `${open311FieldOf(path)}: ${message}`,
    }));
    return [...own, ...open311ValidationErrors(e.children ?? [], `${path}.`)];
  });
}
