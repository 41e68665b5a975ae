import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import type { Principal } from '../../../src/api/auth/principal';
import {
  ComplaintIntakeService,
  type IntakeRequest,
} from '../../../src/api/complaints/complaint-intake.service';
import type { PublicComplaintDto } from '../../../src/api/complaints/create-complaint.dto';
import { ANONYMOUS_NAME } from '../../../src/domain/identity-mode';
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy-notice';
import { apiErrorOf, staff } from './fakes';
import {
  area,
  FakeWorkflowStarts,
  fakeReferenceData,
  InMemoryIntakeRepository,
  InMemoryUserRepository,
} from './fakes-intake';

const KECAMATAN = '16.74.01';
const KELURAHAN = '16.74.01.1007';
const OTHER_KECAMATAN = '16.74.02';
// 1 June 2026, 10:00 WIB.
const NOW = new Date('2026-06-01T03:00:00Z');

function setup(options: { warning?: string } = {}) {
  const repo = new InMemoryIntakeRepository();
  const workflows = new FakeWorkflowStarts();
  const referenceData = fakeReferenceData({
    warning: options.warning,
    areas: [
      area(KECAMATAN, 'KECAMATAN'),
      area(OTHER_KECAMATAN, 'KECAMATAN'),
      area(KELURAHAN, 'KELURAHAN', KECAMATAN),
    ],
  });
  const users = new InMemoryUserRepository();
  const service = new ComplaintIntakeService(repo, workflows.asGateway(), referenceData, users);
  return { repo, users, workflows, service };
}

function body(overrides: Partial<PublicComplaintDto> = {}): PublicComplaintDto {
  return {
    complainant: {
      name: '  Budi Santoso ',
      nik: '1674011203850001',
      address: 'Jl. Jend. Sudirman No. 10, Prabumulih',
      phone: '081234567890',
      email: 'budi@example.com',
    },
    description: ' Biaya penerbitan izin usaha tidak jelas. ',
    evidence: ['Kuitansi pembayaran', '  '],
    location: { kecamatan: KECAMATAN, kelurahan: KELURAHAN },
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    ...overrides,
  } as PublicComplaintDto;
}

const loket: Principal = staff('LOKET', 'loket');

function request(overrides: Partial<IntakeRequest> = {}): IntakeRequest {
  return { body: body(), channel: 'EMAIL', receivedBy: loket, ...overrides };
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
});
afterEach(() => {
  jest.useRealTimers();
});

describe('ComplaintIntakeService.register', () => {
  it('numbers complaints per month of receipt in WIB, stores the record and its RECEIVED event, and starts the workflow', async () => {
    const { service, repo, workflows } = setup();

    // 31 May 23:00 WIB, 1 June 01:30 WIB (still 31 May in UTC), then now.
    const may = await service.register(request({ receivedAt: '2026-05-31T16:00:00Z' }));
    const june = await service.register(request({ receivedAt: '2026-05-31T18:30:00Z' }));
    const today = await service.register(request());

    expect([may.registerNumber, june.registerNumber, today.registerNumber]).toEqual([
      '2026/05/0001',
      '2026/06/0001',
      '2026/06/0002',
    ]);
    expect(june).toEqual({
      id: repo.stored[1].complaint.id,
      registerNumber: '2026/06/0001',
      trackingCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{10}$/),
      status: 'RECEIVED',
      receivedAt: '2026-05-31T18:30:00.000Z',
      dueAt: '2026-06-14T18:30:00.000Z',
    });
    expect(today.receivedAt).toBe(NOW.toISOString());

    const stored = repo.stored[1];
    expect(stored.complaint).toMatchObject({
      registerNumber: '2026/06/0001',
      channel: 'EMAIL',
      complainantName: 'Budi Santoso',
      description: 'Biaya penerbitan izin usaha tidak jelas.',
      evidence: ['Kuitansi pembayaran'],
      kecamatan: KECAMATAN,
      kelurahan: KELURAHAN,
      receivedBy: 'loket',
      status: 'RECEIVED',
      identityMode: 'BIASA',
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    });
    expect(stored.received).toMatchObject({
      id: `${stored.complaint.id}:received`,
      complaintId: stored.complaint.id,
      type: 'RECEIVED',
      actor: 'loket',
      details: { channel: 'EMAIL' },
    });
    // The workflow is started with the number the record got.
    expect(workflows.started.map((c) => [c.registerNumber, c.workflowId])).toEqual([
      ['2026/05/0001', 'pengaduan-2026-05-0001'],
      ['2026/06/0001', 'pengaduan-2026-06-0001'],
      ['2026/06/0002', 'pengaduan-2026-06-0002'],
    ]);
  });

  it('stores no identity and no notification for an anonymous complaint', async () => {
    const { service, repo } = setup();
    const { complainant: _none, ...anonymous } = body();

    await service.register(
      request({ body: { ...anonymous, identityMode: 'ANONIM' } as PublicComplaintDto, receivedBy: null }),
    );

    expect(repo.stored[0].complaint).toMatchObject({
      complainantName: ANONYMOUS_NAME,
      complainantNik: null,
      complainantAddress: null,
      complainantPhone: null,
      complainantEmail: null,
      notifyBy: 'NONE',
      identityMode: 'ANONIM',
      receivedBy: null,
    });
    expect(repo.stored[0].received.details).toMatchObject({ identityMode: 'ANONIM' });
  });

  it('still answers with the receipt when Temporal is down (the reconciler starts the workflow later)', async () => {
    const { service, repo, workflows } = setup();
    workflows.fail = true;
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => {});

    const receipt = await service.register(request());

    expect(receipt.registerNumber).toBe('2026/06/0001');
    expect(repo.stored).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('2026/06/0001 saved'));
    warn.mockRestore();
  });

  it.each([
    [
      'in the future (beyond a minute of grace)',
      '2026-06-01T03:01:30Z',
      'Waktu penerimaan (receivedAt) tidak boleh di masa depan.',
    ],
    [
      'more than 30 days ago',
      '2026-05-02T02:59:00Z',
      'Waktu penerimaan (receivedAt) paling lama 30 hari yang lalu.',
    ],
  ])('refuses a receipt time %s (422) and stores nothing', async (_what, receivedAt, message) => {
    const { service, repo, workflows } = setup();
    expect(await apiErrorOf(service.register(request({ receivedAt })))).toEqual({ status: 422, message });
    expect(repo.stored).toEqual([]);
    expect(workflows.started).toEqual([]);
  });

  it('accepts a clock a few seconds ahead, and a letter logged 30 days late', async () => {
    const { service, repo } = setup();
    await service.register(request({ receivedAt: '2026-06-01T03:00:45Z' }));
    await service.register(request({ receivedAt: '2026-05-02T03:00:01Z' }));
    expect(repo.stored.map((s) => s.period)).toEqual(['2026/06', '2026/05']);
  });

  it('records the receiving official of a face-to-face complaint, and refuses one who does not exist (422)', async () => {
    const { service, repo, users } = setup();
    const kasi = users.addUser({
      id: '00000000-0000-4000-8000-00000000aaaa',
      username: 'kasi-pengaduan',
      fullName: 'Siti Aminah',
      role: 'STAFF',
      unit: 'SEKSI_PENGADUAN',
      eselon: 'IV.a',
      active: true,
    });

    expect(
      await apiErrorOf(
        service.register(
          request({ channel: 'TATAP_MUKA', receivingOfficialId: '00000000-0000-4000-8000-00000000bbbb' }),
        ),
      ),
    ).toEqual({ status: 422, message: 'Pejabat penerima tidak ditemukan.' });
    expect(repo.stored).toEqual([]);

    await service.register(request({ channel: 'TATAP_MUKA', receivingOfficialId: kasi.id }));
    expect(repo.stored[0].complaint).toMatchObject({
      receivingOfficial: 'kasi-pengaduan',
      receivingOfficialName: 'Siti Aminah',
      receivingOfficialEselon: 'IV.a',
    });
    expect(repo.stored[0].received.details).toMatchObject({
      receivingOfficial: { username: 'kasi-pengaduan', name: 'Siti Aminah', eselon: 'IV.a' },
    });
  });

  it('checks the location against the areas: the kecamatan of a kelurahan given alone, and a kelurahan of another kecamatan refused (422)', async () => {
    const { service, repo } = setup();

    await service.register(request({ body: body({ location: { kelurahan: KELURAHAN } }) }));
    expect(repo.stored[0].complaint).toMatchObject({ kecamatan: KECAMATAN, kelurahan: KELURAHAN });

    expect(
      await apiErrorOf(
        service.register(
          request({ body: body({ location: { kecamatan: OTHER_KECAMATAN, kelurahan: KELURAHAN } }) }),
        ),
      ),
    ).toEqual({ status: 422, message: 'Kelurahan yang dipilih tidak berada di kecamatan tersebut.' });
    expect(
      await apiErrorOf(service.register(request({ body: body({ location: { kecamatan: '16.74.99' } }) }))),
    ).toEqual({ status: 422, message: 'Kecamatan tidak dikenal di Kota Prabumulih.' });
    expect(repo.stored).toHaveLength(1);
  });

  it('answers 400 (not 422) for a malformed NIK, and stores nothing', async () => {
    const { service, repo } = setup();
    const malformed = body();
    malformed.complainant = { ...malformed.complainant!, nik: '12345' };
    const error = await apiErrorOf(service.register(request({ body: malformed })));
    expect(error.status).toBe(400);
    expect(error.message).toContain('NIK');
    expect(repo.stored).toEqual([]);
  });
});

describe('ComplaintIntakeService.register with an Idempotency-Key', () => {
  it('answers a repeated request with the first receipt (calendar warning included), storing and starting nothing again', async () => {
    const warning = 'Kalender hari libur 2027 belum ditetapkan.';
    const { service, repo, workflows } = setup({ warning });

    const first = await service.register(request({ idempotencyKey: 'abc-1' }));
    const again = await service.register(request({ idempotencyKey: 'abc-1' }));

    expect(first.calendarWarning).toBe(warning);
    expect(again).toEqual(first);
    expect(repo.stored).toHaveLength(1);
    expect(workflows.started).toHaveLength(1);
    // The key is the caller's: kept with the username, with the receipt as the stored answer.
    expect(repo.idempotency.get('loket:abc-1')).toMatchObject({
      complaintId: first.id,
      response: first,
    });
  });

  it('refuses the same key with a different complaint (409), but lets another user use the same key', async () => {
    const { service, repo } = setup();
    await service.register(request({ idempotencyKey: 'abc-1' }));

    const changed = request({ idempotencyKey: 'abc-1', body: body({ description: 'Pengaduan lain.' }) });
    expect(await apiErrorOf(service.register(changed))).toEqual({
      status: 409,
      message:
        'Idempotency-Key ini sudah dipakai untuk pengaduan dengan isi berbeda. Gunakan kunci baru untuk pengaduan baru.',
    });

    const other = await service.register(
      request({ idempotencyKey: 'abc-1', receivedBy: staff('LOKET', 'loket-2') }),
    );
    expect(other.registerNumber).toBe('2026/06/0002');
    expect(repo.stored).toHaveLength(2);
  });

  it('answers with the earlier receipt when a concurrent request with the same key stored its complaint first', async () => {
    const { service, repo, workflows } = setup();
    // The other request: the same complaint and key, stored between this one's check and its store.
    const other = setup();
    const earlier = await other.service.register(request({ idempotencyKey: 'abc-1' }));
    repo.beforeStore = () => {
      repo.idempotency.set('loket:abc-1', other.repo.idempotency.get('loket:abc-1')!);
    };

    const answer = await service.register(request({ idempotencyKey: 'abc-1' }));

    expect(answer).toEqual(earlier);
    expect(repo.stored).toEqual([]);
    expect(workflows.started).toEqual([]);
  });

  it('does not swallow the duplicate-key error of a request without a key', async () => {
    const { service, repo } = setup();
    repo.storeNumbered = async () => {
      throw new UniqueConstraintViolationException(new Error('duplicate'));
    };
    await expect(service.register(request())).rejects.toThrow('duplicate');
  });
});
