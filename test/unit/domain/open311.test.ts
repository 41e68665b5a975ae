import {
  OPEN311_SERVICES,
  open311FieldOf,
  open311ServiceCodeOf,
  open311Status,
  readOpen311Submission,
} from '../../../src/domain/open311';
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy-notice';

/** The specification's example POST Service Request, with our service and evidence. */
const EXAMPLE = {
  api_key: 'xyz',
  service_code: 'SEDANG',
  lat: '37.76524078',
  long: '-122.4212043',
  address_string: '1234 5th street',
  email: 'smit333@sfgov.edu',
  device_id: 'tt222111',
  account_id: '123456',
  first_name: 'john',
  last_name: 'smith',
  phone: '111111111',
  description: 'A large sinkhole is destroying the street',
  media_url: 'http://onlineimage.com/343434.jpg',
  'attribute[persetujuan_privasi]': PRIVACY_NOTICE_VERSION,
};

const errorsOf = (fields: Record<string, unknown>) =>
  (readOpen311Submission(fields).errors ?? []).map((e) => e.description);

describe('Open311 services', () => {
  it('are our three complaint categories, realtime, with attributes', () => {
    expect(OPEN311_SERVICES.map((s) => s.service_code)).toEqual(['RINGAN', 'SEDANG', 'BERAT']);
    for (const s of OPEN311_SERVICES) expect(s).toMatchObject({ metadata: true, type: 'realtime' });
  });

  it('report the triaged category, else the one the client asked for', () => {
    expect(open311ServiceCodeOf({ category: 'BERAT', requestedService: 'RINGAN' })).toBe('BERAT');
    expect(open311ServiceCodeOf({ category: null, requestedService: 'SEDANG' })).toBe('SEDANG');
    expect(open311ServiceCodeOf({ category: null, requestedService: null })).toBeNull();
  });

  it('map our statuses to open and closed', () => {
    for (const status of ['RECEIVED', 'IN_PROGRESS', 'AWAITING_DECISION', 'AWAITING_RESPONSE'])
      expect(open311Status(status)).toBe('open');
    for (const status of ['RESOLVED', 'REJECTED']) expect(open311Status(status)).toBe('closed');
  });
});

describe('readOpen311Submission', () => {
  it('reads the specification example', () => {
    expect(readOpen311Submission(EXAMPLE)).toEqual({
      submission: {
        serviceCode: 'SEDANG',
        latitude: 37.76524078,
        longitude: -122.4212043,
        addressString: '1234 5th street',
        name: 'john smith',
        email: 'smit333@sfgov.edu',
        phone: '111111111',
        description: 'A large sinkhole is destroying the street',
        evidence: ['http://onlineimage.com/343434.jpg'],
        nik: undefined,
        kecamatan: undefined,
        kelurahan: undefined,
        licensingService: undefined,
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      },
    });
  });

  it('reads our attributes', () => {
    const { submission } = readOpen311Submission({
      ...EXAMPLE,
      'attribute[nik]': ' 1674011203850001 ',
      'attribute[bukti_awal]': 'Foto saluran',
      'attribute[kecamatan]': '16.74.01',
      'attribute[kelurahan]': '16.74.01.1007',
      'attribute[layanan_perizinan]': 'IUMK',
    });
    expect(submission).toMatchObject({
      nik: '1674011203850001',
      evidence: ['Foto saluran', 'http://onlineimage.com/343434.jpg'],
      kecamatan: '16.74.01',
      kelurahan: '16.74.01.1007',
      licensingService: 'IUMK',
    });
  });

  it('takes a location as coordinates, words or an area code, and refuses none', () => {
    const { lat: _lat, long: _long, address_string: _a, ...without } = EXAMPLE;
    expect(errorsOf(without)).toEqual([expect.stringMatching(/^Lokasi wajib diisi/)]);
    expect(errorsOf({ ...without, address_id: '545483' })).toEqual([
      expect.stringMatching(/^address_id: tidak didukung/),
    ]);
    expect(errorsOf({ ...without, address_string: 'Pasar Prabumulih' })).toEqual([]);
    expect(errorsOf({ ...without, 'attribute[kelurahan]': '16.74.01.1007' })).toEqual([]);
    expect(errorsOf({ ...without, lat: '-3.43' })).toEqual([
      expect.stringMatching(/^lat, long: koordinat wajib diisi berdua/),
      expect.stringMatching(/^Lokasi wajib diisi/),
    ]);
  });

  it('refuses coordinates that are not decimal degrees in range', () => {
    for (const lat of ['91', '-90.5', 'abc', '1e2', '0x10', 'NaN'])
      expect(errorsOf({ ...EXAMPLE, lat })).toEqual([
        expect.stringMatching(/^lat: harus berupa angka desimal/),
      ]);
    expect(errorsOf({ ...EXAMPLE, long: '180.1' })).toEqual([expect.stringMatching(/^long: /)]);
    expect(errorsOf({ ...EXAMPLE, lat: '-90', long: '180' })).toEqual([]);
  });

  it('needs a known service, a name, a description and evidence, naming each field', () => {
    expect(errorsOf({ api_key: 'x', address_string: 'Pasar' })).toEqual([
      'service_code: jenis layanan wajib diisi (lihat services.json).',
      'first_name: nama pengadu wajib diisi (first_name, dan last_name bila ada).',
      'description: uraian pengaduan wajib diisi.',
      'attribute[bukti_awal]: pengaduan wajib disertai minimal satu bukti awal (attribute[bukti_awal] atau media_url).',
      `attribute[persetujuan_privasi]: persetujuan Pemberitahuan Pelindungan Data Pribadi wajib: tampilkan pemberitahuan (GET /api/privacy-notice) kepada pengadu dan kirim versinya (${PRIVACY_NOTICE_VERSION}).`,
    ]);
    expect(errorsOf({ ...EXAMPLE, service_code: '001' })).toEqual([
      expect.stringMatching(
        /^service_code: jenis layanan "001" tidak dikenal; pilih salah satu dari RINGAN, SEDANG, BERAT/,
      ),
    ]);
    expect(errorsOf({ ...EXAMPLE, first_name: ' ', last_name: 'smith' })).toEqual([]);
  });

  it('refuses unknown fields and attributes, and fields sent twice', () => {
    expect(errorsOf({ ...EXAMPLE, warna: 'x', 'attribute[warna]': 'y', description: ['a', 'b'] })).toEqual([
      'warna: kolom tidak dikenal dalam GeoReport v2.',
      expect.stringMatching(/^attribute\[warna\]: atribut tidak dikenal/),
      'description: hanya boleh dikirim satu kali.',
      'description: uraian pengaduan wajib diisi.',
    ]);
    expect(errorsOf({ ...EXAMPLE, 'attribute[nik]': ['1', '2'] })).toEqual([
      'attribute[nik]: hanya boleh berisi satu nilai.',
    ]);
  });

  it('names the intake fields as the Open311 client knows them', () => {
    expect(open311FieldOf('complainant.nik')).toBe('attribute[nik]');
    expect(open311FieldOf('complainant.name')).toBe('first_name');
    expect(open311FieldOf('evidence.0')).toBe('attribute[bukti_awal]');
    expect(open311FieldOf('privacyNoticeVersion')).toBe('attribute[persetujuan_privasi]');
    expect(open311FieldOf('location.kelurahan')).toBe('attribute[kelurahan]');
    expect(open311FieldOf('somethingElse')).toBe('somethingElse');
  });
});
