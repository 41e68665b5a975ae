import type { ComplaintIntakeService } from '../../../src/api/complaints/complaint-intake.service';
import { OPEN311_DEFAULT_DAYS, Open311Service } from '../../../src/api/open311/open311.service';
import { hashOpen311Key, Open311ApiKeysService } from '../../../src/api/open311/open311-api-keys.service';
import { Open311Exception } from '../../../src/api/open311/open311-format';
import type { ReferenceDataCache } from '../../../src/api/reference-data/reference-data.cache';
import { Area } from '../../../src/db/entities';
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy-notice';
import { complaintRecord } from './fakes';
import {
  InMemoryOpen311ApiKeyRepository,
  InMemoryOpen311RequestRepository,
  RecordingSecurityEvents,
} from './fakes-open311';

const KECAMATAN_CAMBAI = '16.74.02';
const KELURAHAN_SUKARAJA = '16.74.02.1001';

function setup() {
  const requests = new InMemoryOpen311RequestRepository();
  const apiKeys = new InMemoryOpen311ApiKeyRepository();
  const registered: unknown[] = [];
  const intake = {
    register: async (req: unknown) => {
      registered.push(req);
      return { registerNumber: '2026/12/0007', trackingCode: 'K7QX2M9TPA' };
    },
  } as unknown as ComplaintIntakeService;
  const area = (code: string, name: string, level: 'KECAMATAN' | 'KELURAHAN', parentCode: string | null) =>
    Object.assign(new Area(), { code, name, level, parentCode });
  const referenceData = {
    areas: async () =>
      new Map([
        [KECAMATAN_CAMBAI, area(KECAMATAN_CAMBAI, 'Cambai', 'KECAMATAN', null)],
        [KELURAHAN_SUKARAJA, area(KELURAHAN_SUKARAJA, 'Sukaraja', 'KELURAHAN', KECAMATAN_CAMBAI)],
      ]),
  } as unknown as ReferenceDataCache;
  const keys = new Open311ApiKeysService(apiKeys, new RecordingSecurityEvents());
  const service = new Open311Service(requests, intake, referenceData, keys);
  return { requests, apiKeys, registered, service };
}

/** The status and the standard's error descriptions a call fails with. */
async function open311ErrorOf(call: Promise<unknown>): Promise<{ status: number; errors: string[] }> {
  try {
    await call;
  } catch (err) {
    if (err instanceof Open311Exception)
      return { status: err.getStatus(), errors: err.errors.map((e) => e.description) };
    throw err;
  }
  throw new Error('expected the call to fail with an Open311Exception, but it succeeded');
}

describe('Open311Service.list', () => {
  it('with service_request_id ignores the other parameters, but still refuses a malformed one', async () => {
    const { service, requests } = setup();
    const c = complaintRecord({ registerNumber: '2026/12/0007', status: 'RESOLVED' });
    requests.add(c, complaintRecord({ registerNumber: '2026/12/0008' }));

    const list = await service.list({ service_request_id: '2026-12-0007', status: 'open' });

    expect(requests.filters).toEqual([{ registerNumbers: ['2026/12/0007'] }]);
    expect(list.map((r) => [r.service_request_id, r.status])).toEqual([['2026-12-0007', 'closed']]);
    expect(
      await open311ErrorOf(service.list({ service_request_id: '2026-12-0007', status: 'pending' })),
    ).toEqual({ status: 400, errors: ['status: "pending" tidak dikenal; gunakan open atau closed.'] });
    expect(requests.filters).toHaveLength(1);
  });

  it('narrows by one status only, and covers the last 90 days without dates', async () => {
    const { service, requests } = setup();
    const before = Date.now();

    await service.list({ status: 'closed', service_code: 'SEDANG,BERAT' });
    await service.list({ status: 'open' });
    await service.list({ status: 'closed,open' });

    expect(requests.filters.map((f) => 'closed' in f && f.closed)).toEqual([true, false, undefined]);
    expect(requests.filters[0]).toMatchObject({ serviceCodes: ['SEDANG', 'BERAT'], receivedTo: undefined });
    for (const f of requests.filters) {
      const from = 'receivedFrom' in f ? (f.receivedFrom?.getTime() ?? 0) : 0;
      expect(Math.abs(from - (before - OPEN311_DEFAULT_DAYS * 86_400_000))).toBeLessThan(5_000);
    }
  });

  it('takes the dates given, and without start_date but with end_date has no lower bound', async () => {
    const { service, requests } = setup();
    await service.list({ start_date: '2026-12-01T00:00:00+07:00', end_date: '2026-12-02T00:00:00Z' });
    await service.list({ end_date: '2026-12-02T00:00:00Z' });
    expect(requests.filters).toEqual([
      {
        serviceCodes: undefined,
        closed: undefined,
        receivedFrom: new Date('2026-11-30T17:00:00Z'),
        receivedTo: new Date('2026-12-02T00:00:00Z'),
      },
      {
        serviceCodes: undefined,
        closed: undefined,
        receivedFrom: undefined,
        receivedTo: new Date('2026-12-02T00:00:00Z'),
      },
    ]);
  });

  it.each([
    [
      { service_code: 'SEDANG,PARKIR' },
      400,
      'service_code: jenis layanan "PARKIR" tidak dikenal; pilih salah satu dari RINGAN, SEDANG, BERAT.',
    ],
    [
      { status: ['open', 'closed'] },
      400,
      'status: hanya boleh dikirim satu kali (pisahkan nilai dengan koma).',
    ],
    [
      { service_code: 'SEDANG,' },
      400,
      'service_code: nilai tidak boleh kosong; pisahkan beberapa nilai dengan koma.',
    ],
    [
      { start_date: '2026-12-01' },
      400,
      'start_date: wajib berformat tanggal-waktu ISO 8601 dengan zona waktu, mis. 2026-12-01T00:00:00+07:00.',
    ],
    [
      { start_date: '2026-12-02T00:00:00Z', end_date: '2026-12-01T00:00:00Z' },
      422,
      'start_date tidak boleh sesudah end_date.',
    ],
  ])('refuses %j before any query', async (query, status, message) => {
    const { service, requests } = setup();
    expect(await open311ErrorOf(service.list(query))).toEqual({ status, errors: [message] });
    expect(requests.filters).toEqual([]);
  });
});

describe('Open311Service.get and token', () => {
  const located = {
    kecamatan: KECAMATAN_CAMBAI,
    kelurahan: KELURAHAN_SUKARAJA,
    latitude: -3.4321987,
    longitude: 104.2345678,
    locationAddress: 'Jl. Padat Karya, depan bengkel',
    category: 'SEDANG',
    description: 'Limbah bengkel dibuang ke selokan.',
  };

  it('by service_request_id shows the public view: no description, coordinates to about 100 m', async () => {
    const { service, requests } = setup();
    requests.add(complaintRecord({ registerNumber: '2026/12/0007', ...located }));

    const [view] = await service.get('2026-12-0007');

    expect(view).toMatchObject({
      service_request_id: '2026-12-0007',
      service_code: 'SEDANG',
      description: null,
      address: 'Kel./Desa Sukaraja, Kec. Cambai, Kota Prabumulih',
      lat: -3.432,
      long: 104.235,
    });
    expect(JSON.stringify(view)).not.toContain('Padat Karya');
  });

  it("by the token shows the complainant's view: description, exact place and the response once resolved", async () => {
    const { service, requests } = setup();
    const c = complaintRecord({
      trackingCode: 'K7QX2M9TPA',
      status: 'RESOLVED',
      response: 'Bengkel telah ditegur.',
      ...located,
    });
    requests.add(c);

    const [view] = await service.get(' k7qx2m9tpa ');

    expect(view).toMatchObject({
      service_request_id: requestId(c.registerNumber),
      status: 'closed',
      status_notes: 'Bengkel telah ditegur.',
      description: 'Limbah bengkel dibuang ke selokan.',
      address: 'Jl. Padat Karya, depan bengkel; Kel./Desa Sukaraja, Kec. Cambai, Kota Prabumulih',
      lat: -3.4321987,
      long: 104.2345678,
    });
  });

  it('gives the reason of a rejection as status_notes', async () => {
    const { service, requests } = setup();
    requests.add(
      complaintRecord({
        trackingCode: 'REJECTED01',
        status: 'REJECTED',
        rejectionReason: 'Bukan perizinan.',
      }),
    );
    const [view] = await service.get('REJECTED01');
    expect(view.status_notes).toBe('Ditolak: Bukan perizinan.');
  });

  it('answers 404 for an unknown id or token, and a malformed token is not looked up', async () => {
    const { service, requests } = setup();
    expect(await open311ErrorOf(service.get('2026-12-0099'))).toEqual({
      status: 404,
      errors: ['Permintaan layanan "2026-12-0099" tidak ditemukan.'],
    });
    expect(await open311ErrorOf(service.token('ZZZZZZZZZZ'))).toEqual({
      status: 404,
      errors: ['Token "ZZZZZZZZZZ" tidak ditemukan.'],
    });
    const lookups = requests.lookups;
    expect(await open311ErrorOf(service.token('<script>'))).toEqual({
      status: 404,
      errors: ['Token "<script>" tidak ditemukan.'],
    });
    expect(requests.lookups).toBe(lookups);
  });

  it("answers a token with its request's id", async () => {
    const { service, requests } = setup();
    requests.add(complaintRecord({ trackingCode: 'K7QX2M9TPA', registerNumber: '2026/12/0007' }));
    expect(await service.token('k7qx2m9tpa')).toEqual([
      { service_request_id: '2026-12-0007', token: 'K7QX2M9TPA' },
    ]);
  });
});

describe('Open311Service.create', () => {
  const fields = {
    service_code: 'RINGAN',
    description: 'Izin usaha belum terbit setelah 30 hari kerja.',
    first_name: 'Budi',
    last_name: 'Santoso',
    email: 'budi@example.com',
  };

  it.each([
    ['no key', undefined],
    ['an unknown key', 'o311_unknown'],
    ['a revoked key', 'o311_revoked'],
  ])('refuses a request with %s (403) before reading it, and files nothing', async (_, apiKey) => {
    const { service, apiKeys, registered } = setup();
    apiKeys.rows.push({
      id: 'key-1',
      name: 'Aplikasi Lapor',
      keyHash: hashOpen311Key('o311_revoked'),
      keyPrefix: 'o311_revo',
      createdBy: 'admin',
      createdAt: new Date('2026-11-01T00:00:00Z'),
      revokedAt: new Date('2026-11-02T00:00:00Z'),
      revokedBy: 'admin',
      lastUsedAt: null,
    });
    expect(await open311ErrorOf(service.create({ ...fields, api_key: apiKey }))).toEqual({
      status: 403,
      errors: [
        'api_key tidak sah atau sudah dicabut; pengajuan tidak dapat diproses. Minta kunci API kepada admin DPM-PTSP Kota Prabumulih.',
      ],
    });
    expect(registered).toEqual([]);
  });
});

describe('Open311Service.create with a valid key', () => {
  it("files the request through the website's intake as the client, the retry key scoped to the client", async () => {
    const { service, apiKeys, registered } = setup();
    apiKeys.rows.push({
      id: 'key-1',
      name: 'Aplikasi Lapor',
      keyHash: hashOpen311Key('o311_valid'),
      keyPrefix: 'o311_vali',
      createdBy: 'admin',
      createdAt: new Date('2026-11-01T00:00:00Z'),
      revokedAt: null,
      revokedBy: null,
      lastUsedAt: null,
    });

    const answer = await service.create(
      {
        api_key: 'o311_valid',
        service_code: 'SEDANG',
        lat: '-3.43215678',
        long: '104.23551234',
        address_string: 'Jl. Jend. Sudirman dekat jembatan',
        email: 'budi@example.com',
        first_name: 'Budi',
        last_name: 'Santoso',
        phone: '081234567890',
        description: 'Limbah bengkel dibuang ke selokan di depan rumah warga setiap malam.',
        media_url: 'http://onlineimage.com/343434.jpg',
        'attribute[persetujuan_privasi]': PRIVACY_NOTICE_VERSION,
      },
      'retry-1',
    );

    expect(registered).toEqual([
      expect.objectContaining({
        channel: 'WEBSITE',
        receivedBy: null,
        idempotencyKey: 'open311:key-1:retry-1',
        origin: {
          source: 'OPEN311',
          client: 'Aplikasi Lapor',
          requestedService: 'SEDANG',
          latitude: -3.43215678,
          longitude: 104.23551234,
          locationAddress: 'Jl. Jend. Sudirman dekat jembatan',
        },
      }),
    ]);
    expect(answer).toEqual([
      expect.objectContaining({ service_request_id: '2026-12-0007', token: 'K7QX2M9TPA', account_id: null }),
    ]);
    // The key's use is recorded.
    expect(apiKeys.rows[0].lastUsedAt).toBeInstanceOf(Date);
  });

  it('answers every problem of the form at once (400) and files nothing', async () => {
    const { service, apiKeys, registered } = setup();
    apiKeys.rows.push({
      id: 'key-1',
      name: 'Aplikasi Lapor',
      keyHash: hashOpen311Key('o311_valid'),
      keyPrefix: 'o311_vali',
      createdBy: 'admin',
      createdAt: new Date('2026-11-01T00:00:00Z'),
      revokedAt: null,
      revokedBy: null,
      lastUsedAt: null,
    });
    const refused = await open311ErrorOf(
      service.create({ api_key: 'o311_valid', service_code: 'SEDANG', 'attribute[nik]': '12345' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.errors.length).toBeGreaterThan(1);
    expect(registered).toEqual([]);
  });
});

function requestId(registerNumber: string): string {
  return registerNumber.replaceAll('/', '-');
}
