/**
 * Open311 GeoReport v2 at /open311/v2/, against the examples of the specification
 * (https://wiki.open311.org/GeoReport_v2): the service list, a service definition, POST Service
 * Request with the example's form fields, GET Service Requests with the example's filters, GET
 * Service Request and tokens, in JSON and XML; the API key the ADMIN manages; errors as the
 * standard's error list.
 */
import { XMLParser } from 'fast-xml-parser';
import { Complaint, Open311ApiKey } from '../../../src/db/entities';
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy-notice';
import {
  completeTaskUpdate,
  respondUpdate,
  stateQuery,
  triageUpdate,
} from '../../../workflows/complaint/definitions';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'format'].includes(name),
});

const PERSON = {
  first_name: 'Rahmawati',
  last_name: 'Kusumadewi',
  email: 'rahma.kusuma@example.com',
  phone: '081377788899',
};
const DESCRIPTION =
  'Limbah cair pabrik karet di belakang rumah mengalir ke sungai sejak izin usahanya terbit.';

/** The specification's example POST, with our service, location and evidence. */
function exampleRequest(apiKey: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    api_key: apiKey,
    service_code: 'SEDANG',
    lat: '-3.43215678',
    long: '104.23551234',
    address_string: 'Jl. Jend. Sudirman dekat jembatan',
    email: PERSON.email,
    device_id: 'tt222111',
    account_id: '123456',
    first_name: PERSON.first_name,
    last_name: PERSON.last_name,
    phone: PERSON.phone,
    description: DESCRIPTION,
    media_url: 'http://onlineimage.com/343434.jpg',
    'attribute[kecamatan]': '16.74.01',
    'attribute[kelurahan]': '16.74.01.1007',
    'attribute[persetujuan_privasi]': PRIVACY_NOTICE_VERSION,
    ...extra,
  };
}

describe.each(databaseKinds())('Open311 GeoReport v2 (%s)', (kind) => {
  let e: E2e;
  let apiKey: string;
  beforeAll(async () => {
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 1000 } });
    const res = await e.http
      .post('/api/open311/api-keys')
      .set(await e.as('admin'))
      .send({ name: 'Aplikasi Prabumulih Smart City' })
      .expect(201);
    apiKey = res.body.key;
  });
  afterAll(async () => {
    await e?.stop();
  });

  const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
    e.http.post(`/open311/v2/requests.${format}`).type('form').send(fields);
  const complaintCount = () => e.db.orm.em.fork().count(Complaint, {});

  describe('API keys (ADMIN)', () => {
    it('shows a new key once, stores only its hash, and refuses anyone but the ADMIN', async () => {
      const created = await e.http
        .post('/api/open311/api-keys')
        .set(await e.as('admin'))
        .send({ name: 'Agregator LAPOR' })
        .expect(201);
      expect(created.body).toMatchObject({ name: 'Agregator LAPOR', createdBy: 'admin', revokedAt: null });
      expect(created.body.key).toMatch(/^o311_[A-Za-z0-9_-]{43}$/);
      expect(created.body.key.startsWith(created.body.keyPrefix)).toBe(true);
      const row = await e.db.orm.em.fork().findOneOrFail(Open311ApiKey, { id: created.body.id });
      expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(created.body.key);
      // Making a key is a security event, without the key.
      const events = await e.http
        .get('/api/users/security-events?pageSize=100')
        .set(await e.as('admin'))
        .expect(200);
      const made = events.body.items.find(
        (ev: { type: string; details: { keyId?: string } | null }) =>
          ev.type === 'OPEN311_KEY_CREATED' && ev.details?.keyId === created.body.id,
      );
      expect(made).toMatchObject({
        actorUsername: 'admin',
        details: { name: 'Agregator LAPOR', keyPrefix: created.body.keyPrefix },
      });
      expect(JSON.stringify(events.body)).not.toContain(created.body.key);

      const list = await e.http
        .get('/api/open311/api-keys')
        .set(await e.as('admin'))
        .expect(200);
      expect(list.body.map((k: { name: string }) => k.name)).toEqual(
        expect.arrayContaining(['Agregator LAPOR', 'Aplikasi Prabumulih Smart City']),
      );
      expect(JSON.stringify(list.body)).not.toContain(created.body.key);
      expect(list.body[0]).not.toHaveProperty('key');

      await e.http
        .get('/api/open311/api-keys')
        .set(await e.as('pengaduan'))
        .expect(403);
      await e.http
        .post('/api/open311/api-keys')
        .set(await e.as('kabid'))
        .send({ name: 'X' })
        .expect(403);
      await e.http.get('/api/open311/api-keys').expect(401);
      const blank = await e.http
        .post('/api/open311/api-keys')
        .set(await e.as('admin'))
        .send({ name: '   ' })
        .expect(400);
      expect(blank.body.message).toMatch(/Nama aplikasi wajib diisi/);
    });

    it('refuses a revoked key (403, the standard error list) and creates nothing', async () => {
      const created = await e.http
        .post('/api/open311/api-keys')
        .set(await e.as('admin'))
        .send({ name: 'Aplikasi lama' })
        .expect(201);
      const revoked = await e.http
        .post(`/api/open311/api-keys/${created.body.id}/revoke`)
        .set(await e.as('admin'))
        .expect(200);
      expect(revoked.body).toMatchObject({ revokedBy: 'admin', revokedAt: expect.any(String) });
      await e.http
        .post(`/api/open311/api-keys/${created.body.id}/revoke`)
        .set(await e.as('admin'))
        .expect(409);
      const before = await complaintCount();
      const res = await post('json', exampleRequest(created.body.key)).expect(403);
      expect(res.body).toEqual([{ code: 403, description: expect.stringMatching(/api_key tidak sah/) }]);
      expect(await complaintCount()).toBe(before);
    });
  });

  it('publishes the service discovery document (JSON and XML)', async () => {
    const res = await e.http.get('/open311/v2/discovery.json').expect(200);
    expect(res.body).toMatchObject({
      contact: expect.stringMatching(/DPM-PTSP Kota Prabumulih/),
      key_service: expect.stringMatching(/admin/),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: expect.stringMatching(/^http:\/\/[^/]+\/open311\/v2$/),
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    const inXml = xml.parse((await e.http.get('/open311/v2/discovery.xml').expect(200)).text);
    expect(inXml.discovery.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
  });

  describe('GET Service List and Service Definition', () => {
    it('lists our complaint categories as services (JSON, the example fields)', async () => {
      const res = await e.http.get('/open311/v2/services.json').expect(200);
      expect(res.headers['content-type']).toMatch(/application\/json; charset=utf-8/);
      expect(res.body.map((s: { service_code: string }) => s.service_code)).toEqual([
        'RINGAN',
        'SEDANG',
        'BERAT',
      ]);
      for (const service of res.body) {
        expect(Object.keys(service).sort()).toEqual(
          ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'].sort(),
        );
        expect(service).toMatchObject({ metadata: true, type: 'realtime' });
      }
    });

    it('lists them in XML too (<services><service>, with the XML declaration)', async () => {
      const res = await e.http.get('/open311/v2/services.xml').expect(200);
      expect(res.headers['content-type']).toMatch(/text\/xml; charset=utf-8/);
      expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      const services = xml.parse(res.text).services.service;
      expect(services.map((s: { service_code: string }) => s.service_code)).toEqual([
        'RINGAN',
        'SEDANG',
        'BERAT',
      ]);
      expect(services[1]).toMatchObject({
        metadata: 'true',
        type: 'realtime',
        group: 'Dampak kegiatan usaha',
      });
    });

    it('defines the attributes of a service, with the kecamatan and kelurahan as value lists', async () => {
      const res = await e.http.get('/open311/v2/services/SEDANG.json').expect(200);
      expect(res.body.service_code).toBe('SEDANG');
      expect(res.body.attributes.map((a: { code: string }) => a.code)).toEqual([
        'nik',
        'bukti_awal',
        'kecamatan',
        'kelurahan',
        'layanan_perizinan',
        'persetujuan_privasi',
      ]);
      // The privacy notice's acceptance is the one attribute a client must send.
      expect(
        res.body.attributes
          .filter((a: { required: boolean }) => a.required)
          .map((a: { code: string }) => a.code),
      ).toEqual(['persetujuan_privasi']);
      const kecamatan = res.body.attributes.find((a: { code: string }) => a.code === 'kecamatan');
      expect(kecamatan).toMatchObject({
        variable: true,
        datatype: 'singlevaluelist',
        required: false,
        order: 3,
      });
      expect(kecamatan.values).toHaveLength(6);
      expect(kecamatan.values).toContainEqual({ key: '16.74.01', name: 'Prabumulih Barat' });
      const kelurahan = res.body.attributes.find((a: { code: string }) => a.code === 'kelurahan');
      expect(kelurahan.values).toHaveLength(45);

      const inXml = xml.parse((await e.http.get('/open311/v2/services/SEDANG.xml').expect(200)).text);
      const attributes = inXml.service_definition.attributes.attribute;
      expect(attributes[2].values.value).toContainEqual({ key: '16.74.01', name: 'Prabumulih Barat' });
    });

    it('answers an unknown service code or format with 404 in the standard error form', async () => {
      const json = await e.http.get('/open311/v2/services/SAMPAH.json').expect(404);
      expect(json.body).toEqual([{ code: 404, description: expect.stringMatching(/SAMPAH.*tidak dikenal/) }]);
      const inXml = await e.http.get('/open311/v2/services/SAMPAH.xml').expect(404);
      expect(xml.parse(inXml.text).errors.error).toEqual([
        { code: '404', description: expect.stringMatching(/tidak dikenal/) },
      ]);
      await e.http.get('/open311/v2/services.csv').expect(404);
    });

    it('answers an unknown path with 404 and a wrong method with 405, in the standard error form', async () => {
      const unknown = await e.http.get('/open311/v2/laporan.json').expect(404);
      expect(unknown.body).toEqual([{ code: 404, description: expect.stringMatching(/tidak dikenal/) }]);
      const inXml = await e.http.get('/open311/v2/laporan').expect(404);
      expect(xml.parse(inXml.text).errors.error).toEqual([
        { code: '404', description: expect.stringMatching(/discovery/) },
      ]);
      const wrongMethod = await e.http.delete('/open311/v2/services.json').expect(405);
      expect(wrongMethod.headers.allow).toBe('GET');
      expect(wrongMethod.body).toEqual([{ code: 405, description: expect.stringMatching(/DELETE/) }]);
      const onRequests = await e.http.put('/open311/v2/requests.xml').expect(405);
      expect(onRequests.headers.allow).toBe('GET, POST');
      expect(xml.parse(onRequests.text).errors.error[0].code).toBe('405');
    });
  });

  describe('POST Service Request', () => {
    it('creates a complaint from the example request (JSON): channel WEBSITE, source OPEN311', async () => {
      const res = await post('json', exampleRequest(apiKey)).expect(201);
      expect(res.body).toEqual([
        {
          service_request_id: expect.stringMatching(/^\d{4}-\d{2}-\d{4}$/),
          token: expect.stringMatching(/^[A-Z2-9]{10}$/),
          service_notice: expect.stringMatching(/10 hari kerja/),
          account_id: null,
        },
      ]);
      const [created] = res.body;
      expect(created.service_notice).toContain(created.token);
      const complaint = await e.db.orm.em
        .fork()
        .findOneOrFail(Complaint, { registerNumber: created.service_request_id.replaceAll('-', '/') });
      expect(complaint).toMatchObject({
        trackingCode: created.token,
        channel: 'WEBSITE',
        source: 'OPEN311',
        sourceClient: 'Aplikasi Prabumulih Smart City',
        requestedService: 'SEDANG',
        complainantName: 'Rahmawati Kusumadewi',
        complainantEmail: PERSON.email,
        complainantPhone: PERSON.phone,
        description: DESCRIPTION,
        evidence: ['http://onlineimage.com/343434.jpg'],
        kecamatan: '16.74.01',
        kelurahan: '16.74.01.1007',
        locationAddress: 'Jl. Jend. Sudirman dekat jembatan',
        status: 'RECEIVED',
      });
      // Staff see where it came from: the client, the proposed category, the coordinates.
      const detail = await e.detail(complaint.id, 'pengaduan');
      expect(detail.channel).toBe('WEBSITE');
      expect(detail.open311).toEqual({
        client: 'Aplikasi Prabumulih Smart City',
        requestedCategory: 'SEDANG',
        latitude: -3.43215678,
        longitude: 104.23551234,
        address: 'Jl. Jend. Sudirman dekat jembatan',
      });
      const website = await e.http
        .post('/api/public/complaints')
        .send({
          complainant: { name: 'Budi' },
          description: 'Biaya tidak jelas.',
          evidence: ['Foto'],
          privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        })
        .expect(201);
      expect((await e.detail(website.body.id, 'pengaduan')).open311).toBeNull();
      expect(complaint.latitude).toBeCloseTo(-3.43215678, 8);
      expect(complaint.longitude).toBeCloseTo(104.23551234, 8);
      // Its workflow runs like any other complaint's.
      await eventually(
        async () =>
          (await e.temporal.workflow.getHandle(complaint.workflowId).describe()).status.name === 'RUNNING',
      );
    });

    it('files a retried POST with the same Idempotency-Key once, and refuses the key for another body', async () => {
      const before = await complaintCount();
      const key = `open311-${Date.now()}`;
      const first = await post('json', exampleRequest(apiKey)).set('Idempotency-Key', key).expect(201);
      const again = await post('json', exampleRequest(apiKey)).set('Idempotency-Key', key).expect(201);
      expect(again.body).toEqual(first.body);
      expect(await complaintCount()).toBe(before + 1);
      const other = await post('json', exampleRequest(apiKey, { description: `${DESCRIPTION} Lagi.` }))
        .set('Idempotency-Key', key)
        .expect(409);
      expect(other.body).toEqual([{ code: 409, description: expect.stringMatching(/Idempotency-Key/) }]);
      const bad = await post('xml', exampleRequest(apiKey)).set('Idempotency-Key', 'x').expect(400);
      expect(xml.parse(bad.text).errors.error[0].description).toMatch(/Idempotency-Key/);
      expect(await complaintCount()).toBe(before + 1);
    });

    it('answers in XML (<service_requests><request>) with the example fields', async () => {
      const res = await post(
        'xml',
        exampleRequest(apiKey, { 'attribute[bukti_awal]': 'Foto saluran limbah' }),
      ).expect(201);
      expect(res.headers['content-type']).toMatch(/text\/xml/);
      const [request] = xml.parse(res.text).service_requests.request;
      expect(request).toEqual({
        service_request_id: expect.stringMatching(/^\d{4}-\d{2}-\d{4}$/),
        token: expect.stringMatching(/^[A-Z2-9]{10}$/),
        service_notice: expect.stringMatching(/Kode pelacakan/),
        account_id: '',
      });
      const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { trackingCode: request.token });
      expect(complaint.evidence).toEqual(['Foto saluran limbah', 'http://onlineimage.com/343434.jpg']);
    });

    it('refuses a request without an api_key (403, JSON and XML) and creates nothing', async () => {
      const before = await complaintCount();
      const { api_key: _, ...withoutKey } = exampleRequest(apiKey);
      const json = await post('json', withoutKey).expect(403);
      expect(json.body).toEqual([{ code: 403, description: expect.stringMatching(/api_key/) }]);
      const inXml = await post('xml', { ...withoutKey, api_key: 'o311_bukan-kunci' }).expect(403);
      expect(inXml.text).toContain('<errors>');
      expect(xml.parse(inXml.text).errors.error[0]).toMatchObject({ code: '403' });
      expect(await complaintCount()).toBe(before);
    });

    it('lists every missing or malformed field as an error naming it, in Bahasa (400)', async () => {
      const before = await complaintCount();
      const res = await post('json', {
        api_key: apiKey,
        service_code: 'SAMPAH',
        lat: '-3.43',
        'attribute[warna]': 'merah',
      }).expect(400);
      const descriptions = res.body.map((err: { code: number; description: string }) => {
        expect(err.code).toBe(400);
        return err.description;
      });
      expect(descriptions).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^attribute\[warna\]: atribut tidak dikenal/),
          expect.stringMatching(/^service_code: jenis layanan "SAMPAH" tidak dikenal/),
          expect.stringMatching(/^lat, long: koordinat wajib diisi berdua/),
          expect.stringMatching(/^first_name: nama pengadu wajib diisi/),
          expect.stringMatching(/^description: uraian pengaduan wajib diisi/),
          expect.stringMatching(/^attribute\[bukti_awal\]: pengaduan wajib disertai minimal satu bukti awal/),
          expect.stringMatching(
            /^attribute\[persetujuan_privasi\]: persetujuan Pemberitahuan Pelindungan Data Pribadi wajib/,
          ),
        ]),
      );
      // The same checks as the website form, reported with the standard's field names.
      const badNik = await post('json', exampleRequest(apiKey, { 'attribute[nik]': '12345' })).expect(400);
      expect(badNik.body).toEqual([
        { code: 400, description: 'attribute[nik]: NIK harus terdiri dari 16 digit angka sesuai KTP.' },
      ]);
      const badEmail = await post('xml', exampleRequest(apiKey, { email: 'bukan-email' })).expect(400);
      expect(xml.parse(badEmail.text).errors.error).toEqual([
        { code: '400', description: 'email: Alamat email tidak valid.' },
      ]);
      expect(await complaintCount()).toBe(before);
    });

    it('applies the SOP rules of the website channel: an impossible NIK or area is refused (422)', async () => {
      const before = await complaintCount();
      // 16 digits, but province 99 does not exist.
      const nik = await post('json', exampleRequest(apiKey, { 'attribute[nik]': '9901011203850001' })).expect(
        422,
      );
      expect(nik.body).toEqual([
        { code: 422, description: expect.stringMatching(/^attribute\[nik\]: .*NIK/) },
      ]);
      const area = await post(
        'json',
        exampleRequest(apiKey, { 'attribute[kelurahan]': '16.74.02.1001' }),
      ).expect(422);
      expect(area.body[0].description).toMatch(/Kelurahan/);
      // A client that showed an older privacy notice: the citizen must read the new one first.
      const stale = await post(
        'json',
        exampleRequest(apiKey, { 'attribute[persetujuan_privasi]': '2020-01-01' }),
      ).expect(422);
      expect(stale.body).toEqual([
        {
          code: 422,
          description: expect.stringMatching(
            /^attribute\[persetujuan_privasi\]: Pemberitahuan Pelindungan Data Pribadi telah diperbarui/,
          ),
        },
      ]);
      expect(await complaintCount()).toBe(before);
    });

    it('refuses a body the form parser refuses in the standard error form too (413)', async () => {
      const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, 'x']));
      const res = await post('xml', { ...exampleRequest(apiKey), ...many }).expect(413);
      expect(xml.parse(res.text).errors.error).toEqual([
        { code: '413', description: 'Ukuran data yang dikirim terlalu besar.' },
      ]);
    });

    it('refuses a NUL in any form field (400, in the standard error form) and creates nothing', async () => {
      const before = await complaintCount();
      const res = await post('xml', {
        ...exampleRequest(apiKey),
        address_string: 'Jl. Sudirman\u0000',
      }).expect(400);
      expect(xml.parse(res.text).errors.error).toEqual([
        { code: '400', description: 'Isi permintaan memuat karakter NUL (\\u0000), yang tidak diterima.' },
      ]);
      expect(await complaintCount()).toBe(before);
    });

    it('takes form fields only (415 for JSON, in the standard error form)', async () => {
      const res = await e.http.post('/open311/v2/requests.json').send(exampleRequest(apiKey)).expect(415);
      expect(res.body).toEqual([{ code: 415, description: expect.stringMatching(/x-www-form-urlencoded/) }]);
    });
  });

  describe('GET Service Requests and Service Request', () => {
    let open: { service_request_id: string; token: string };
    beforeAll(async () => {
      open = (await post('json', exampleRequest(apiKey, { service_code: 'RINGAN' })).expect(201)).body[0];
    });

    it('lists requests with the example fields and nothing personal', async () => {
      const res = await e.http.get('/open311/v2/requests.json').expect(200);
      const mine = res.body.find(
        (r: { service_request_id: string }) => r.service_request_id === open.service_request_id,
      );
      expect(Object.keys(mine).sort()).toEqual(
        [
          'address',
          'agency_responsible',
          'description',
          'expected_datetime',
          'lat',
          'long',
          'requested_datetime',
          'service_code',
          'service_name',
          'service_notice',
          'service_request_id',
          'status',
          'status_notes',
          'updated_datetime',
        ].sort(),
      );
      expect(mine).toMatchObject({
        status: 'open',
        status_notes: expect.stringMatching(/Diterima/),
        service_code: 'RINGAN',
        service_name: 'Ketidakjelasan waktu dan biaya layanan perizinan',
        description: null,
        agency_responsible: 'DPM-PTSP Kota Prabumulih',
        address: 'Kel./Desa Patih Galung, Kec. Prabumulih Barat, Kota Prabumulih',
        lat: -3.432,
        long: 104.236,
        requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/),
        expected_datetime: expect.stringMatching(/\+07:00$/),
      });
      const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { trackingCode: open.token });
      // expected_datetime is our deadline (dueAt), to the second.
      expect(new Date(mine.expected_datetime).getTime()).toBe(
        Math.floor((complaint.dueAt as Date).getTime() / 1000) * 1000,
      );
      const text = JSON.stringify(res.body);
      for (const secret of [...Object.values(PERSON), DESCRIPTION, open.token, 'Sudirman'])
        expect(text).not.toContain(secret);
    });

    it('filters as the example does (start_date, end_date, status) and by service_code and id', async () => {
      const now = Date.now();
      const window = {
        start_date: new Date(now - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        end_date: new Date(now + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      };
      const ids = (body: { service_request_id: string }[]) => body.map((r) => r.service_request_id);
      const openNow = await e.http
        .get('/open311/v2/requests.json')
        .query({ ...window, status: 'open' })
        .expect(200);
      expect(ids(openNow.body)).toContain(open.service_request_id);
      const closed = await e.http
        .get('/open311/v2/requests.json')
        .query({ ...window, status: 'closed' })
        .expect(200);
      expect(ids(closed.body)).not.toContain(open.service_request_id);
      const past = await e.http
        .get('/open311/v2/requests.json')
        .query({ start_date: '2010-05-24T00:00:00Z', end_date: '2010-06-24T00:00:00Z', status: 'open' })
        .expect(200);
      expect(past.body).toEqual([]);
      const sedang = await e.http
        .get('/open311/v2/requests.json')
        .query({ service_code: 'SEDANG,BERAT' })
        .expect(200);
      expect(ids(sedang.body)).not.toContain(open.service_request_id);
      const ringan = await e.http
        .get('/open311/v2/requests.json')
        .query({ service_code: 'RINGAN' })
        .expect(200);
      expect(ids(ringan.body)).toContain(open.service_request_id);
      const byId = await e.http
        .get('/open311/v2/requests.xml')
        .query({ service_request_id: `${open.service_request_id},1999-01-0001`, status: 'closed' })
        .expect(200);
      expect(
        xml
          .parse(byId.text)
          .service_requests.request.map((r: { service_request_id: string }) => r.service_request_id),
      ).toEqual([open.service_request_id]);
    });

    it('refuses malformed filters with the standard error list (400)', async () => {
      const status = await e.http.get('/open311/v2/requests.json').query({ status: 'pending' }).expect(400);
      expect(status.body).toEqual([
        { code: 400, description: expect.stringMatching(/^status: "pending" tidak dikenal/) },
      ]);
      const date = await e.http
        .get('/open311/v2/requests.xml')
        .query({ start_date: '24-05-2010' })
        .expect(400);
      expect(xml.parse(date.text).errors.error[0].description).toMatch(/^start_date: wajib berformat/);
      const empty = await e.http.get('/open311/v2/requests.json').query({ end_date: '' }).expect(400);
      expect(empty.body[0].description).toMatch(/^end_date: wajib berformat/);
      // A NUL never reaches the database (which would fail on it).
      const nul = await e.http
        .get('/open311/v2/requests.json')
        .query({ service_request_id: 'a\u0000b' })
        .expect(400);
      expect(nul.body[0].description).toMatch(/^service_request_id: memuat karakter NUL/);
    });

    it('refuses a period that ends before it starts as a rule (422)', async () => {
      const res = await e.http
        .get('/open311/v2/requests.json')
        .query({ start_date: '2026-12-02T00:00:00+07:00', end_date: '2026-12-01T00:00:00+07:00' })
        .expect(422);
      expect(res.body).toEqual([{ code: 422, description: 'start_date tidak boleh sesudah end_date.' }]);
    });

    it('follows one request to closed: public by id, the response by token, and tokens/{token}', async () => {
      const byId = await e.http.get(`/open311/v2/requests/${open.service_request_id}.json`).expect(200);
      expect(byId.body).toHaveLength(1);
      expect(byId.body[0]).toMatchObject({
        service_request_id: open.service_request_id,
        status: 'open',
        description: null,
      });
      const token = await e.http.get(`/open311/v2/tokens/${open.token}.json`).expect(200);
      expect(token.body).toEqual([{ service_request_id: open.service_request_id, token: open.token }]);
      await e.http.get('/open311/v2/tokens/ZZZZZZZZZZ.xml').expect(404);
      const unknown = await e.http.get('/open311/v2/requests/1999-01-0001.json').expect(404);
      expect(unknown.body[0]).toMatchObject({ code: 404 });

      const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { trackingCode: open.token });
      const handle = e.temporal.workflow.getHandle(complaint.workflowId);
      await handle.executeUpdate(triageUpdate, {
        args: [{ actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' }, category: 'RINGAN' }],
      });
      const actors: Record<string, string> = { LOKET: 'loket', SEKSI_PENGADUAN: 'pengaduan' };
      for (const task of (await handle.query(stateQuery)).tasks) {
        await handle.executeUpdate(completeTaskUpdate, {
          args: [
            {
              actor: { username: actors[task.unit], unit: task.unit },
              taskId: task.id,
              outcome: 'Sudah dijelaskan',
            },
          ],
        });
      }
      const response = 'Biaya penerbitan izin usaha adalah nol rupiah; izin terbit paling lama 5 hari kerja.';
      await handle.executeUpdate(respondUpdate, {
        args: [{ actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' }, response }],
      });
      const get = (id: string, format = 'json') =>
        e.http.get(`/open311/v2/requests/${id}.${format}`).expect(200);
      await eventually(async () => (await get(open.service_request_id)).body[0].status === 'closed');

      const publicView = (await get(open.service_request_id)).body[0];
      expect(publicView).toMatchObject({
        status: 'closed',
        status_notes: 'Selesai ditanggapi',
        description: null,
      });
      const holder = xml.parse((await get(open.token.toLowerCase(), 'xml')).text).service_requests.request[0];
      expect(holder).toMatchObject({
        service_request_id: open.service_request_id,
        status: 'closed',
        status_notes: response,
        description: DESCRIPTION,
        service_code: 'RINGAN',
        lat: '-3.43215678',
      });
      expect(holder.address).toContain('Sudirman');
    });
  });
});
