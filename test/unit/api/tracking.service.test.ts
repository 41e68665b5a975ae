import { TrackingService } from '../../../src/api/tracking/tracking.service';
import { apiErrorOf, auditEvent, complaintRecord, InMemoryComplaintRepository, taskRecord } from './fakes';

function setup() {
  const complaints = new InMemoryComplaintRepository();
  return { complaints, service: new TrackingService(complaints) };
}

describe('TrackingService.track', () => {
  it.each(['ZZZZZZZZZZ', 'no!', ''])('answers 404 for an unknown or malformed code (%j)', async (code) => {
    const { service, complaints } = setup();
    complaints.add(complaintRecord());
    expect(await apiErrorOf(service.track(code))).toEqual({
      status: 404,
      message: 'Kode pelacakan tidak ditemukan.',
    });
  });

  it('finds a code typed in lower case with spaces, and lists the stages oldest first with their labels', async () => {
    const { service, complaints } = setup();
    const c = complaintRecord({ trackingCode: 'K7QX2M9TPA', status: 'IN_PROGRESS', category: 'SEDANG' });
    complaints.add(c);
    complaints.events.push(
      auditEvent(c, 2, 'TRIAGED', '2026-05-04T05:00:00Z', 'petugas-pengaduan-01'),
      auditEvent(c, 1, 'RECEIVED', '2026-05-04T02:00:00Z', 'petugas-loket-01'),
    );

    const answer = await service.track('  k7qx2m9tpa ');

    expect(answer).toEqual({
      trackingCode: 'K7QX2M9TPA',
      registerNumber: c.registerNumber,
      status: 'IN_PROGRESS',
      statusLabel: 'Sedang ditindaklanjuti unit terkait',
      category: 'SEDANG',
      channel: 'TATAP_MUKA',
      receivedAt: '2026-05-04T02:00:00.000Z',
      dueAt: '2026-05-18T16:59:59.000Z',
      overdue: false,
      triageDueAt: null,
      decisionDueAt: null,
      licensingService: null,
      stages: [
        { type: 'RECEIVED', label: 'Pengaduan diterima', at: '2026-05-04T02:00:00.000Z', unit: null },
        {
          type: 'TRIAGED',
          label: 'Pengaduan diperiksa dan diteruskan kepada unit yang menangani',
          at: '2026-05-04T05:00:00.000Z',
          unit: null,
        },
      ],
      units: [],
      response: null,
      rejectionReason: null,
      forwarded: null,
      objection: null,
      objectionOpenUntil: null,
    });
    // Nothing personal, no officer's username.
    const text = JSON.stringify(answer);
    for (const secret of ['Budi', '1674011203850001', 'Sudirman', '0812', 'budi@', 'petugas-'])
      expect(text).not.toContain(secret);
  });

  it('names the unit of each finished follow-up and tells which units are done, without notes, areas or officers', async () => {
    const { service, complaints } = setup();
    const c = complaintRecord({ status: 'IN_PROGRESS', category: 'SEDANG' });
    complaints.add(c);
    complaints.events.push(
      auditEvent(c, 1, 'TRIAGED', '2026-05-04T05:00:00Z', 'petugas-pengaduan-01', {
        category: 'SEDANG',
        notes: 'Pengadu Budi minta ditelepon',
      }),
      auditEvent(c, 2, 'TASK_COMPLETED', '2026-05-05T05:00:00Z', 'petugas-kabid-01', {
        taskId: `${c.id}:1:KABID_PENGADUAN`,
        unit: 'KABID_PENGADUAN',
        round: 1,
      }),
      auditEvent(c, 3, 'TASK_COMPLETED', '2026-05-06T05:00:00Z', 'kec-16.74.01', {
        taskId: `${c.id}:1:KECAMATAN`,
        unit: 'KECAMATAN',
        round: 1,
      }),
    );
    complaints.tasks.push(
      taskRecord(c, 'SEKSI_PENGADUAN', { notes: 'Catatan internal' }),
      taskRecord(c, 'KECAMATAN', {
        area: '16.74.01',
        status: 'DONE',
        outcome: 'Dicek ke lokasi',
        completedBy: 'kec-16.74.01',
      }),
      taskRecord(c, 'KABID_PENGADUAN', { status: 'DONE', completedBy: 'petugas-kabid-01' }),
      // Asked again in a further study: not done until that task is finished too.
      taskRecord(c, 'TIM_TEKNIS', { status: 'DONE' }),
      taskRecord(c, 'TIM_TEKNIS', {
        id: `${c.id}:2:TIM_TEKNIS`,
        round: 2,
        dueAt: new Date('2026-05-13T16:59:59.999Z'),
      }),
    );

    const answer = await service.track(c.trackingCode);

    expect(answer.stages.map((s) => [s.label, s.unit])).toEqual([
      ['Pengaduan diperiksa dan diteruskan kepada unit yang menangani', null],
      ['Bidang Pengaduan, Kebijakan dan Pelaporan Layanan menyelesaikan tindak lanjutnya', 'KABID_PENGADUAN'],
      ['Aparatur Kecamatan menyelesaikan tindak lanjutnya', 'KECAMATAN'],
    ]);
    // In the SOP's order of units.
    // Each unit's own deadline is its latest task's (none for tasks opened before stage deadlines).
    expect(answer.units).toEqual([
      {
        unit: 'KABID_PENGADUAN',
        label: 'Bidang Pengaduan, Kebijakan dan Pelaporan Layanan',
        done: true,
        dueAt: null,
      },
      { unit: 'SEKSI_PENGADUAN', label: 'Seksi Pengaduan dan Informasi Layanan', done: false, dueAt: null },
      { unit: 'TIM_TEKNIS', label: 'Tim Teknis Perizinan', done: false, dueAt: '2026-05-13T16:59:59.999Z' },
      { unit: 'KECAMATAN', label: 'Aparatur Kecamatan', done: true, dueAt: null },
    ]);
    const text = JSON.stringify(answer);
    for (const secret of ['Budi', 'Catatan', 'Dicek', '16.74.01', 'petugas-', 'kec-', 'taskId', c.id])
      expect(text).not.toContain(secret);
  });

  it('gives the response only once the complaint is RESOLVED', async () => {
    const { service, complaints } = setup();
    // A response drafted on the record while the case is still open is not shown.
    const open = complaintRecord({ status: 'AWAITING_RESPONSE', response: 'Izin telah terbit.' });
    const resolved = complaintRecord({ status: 'RESOLVED', response: 'Izin telah terbit.' });
    complaints.add(open, resolved);

    expect((await service.track(open.trackingCode)).response).toBeNull();
    const answer = await service.track(resolved.trackingCode);
    expect(answer.response).toBe('Izin telah terbit.');
    expect(answer.statusLabel).toBe('Selesai ditanggapi');
    expect(answer.rejectionReason).toBeNull();
  });

  it('gives the rejection reason only for a REJECTED complaint', async () => {
    const { service, complaints } = setup();
    const rejected = complaintRecord({ status: 'REJECTED', rejectionReason: 'Bukan pengaduan perizinan.' });
    const open = complaintRecord({ status: 'RECEIVED', rejectionReason: 'Bukan pengaduan perizinan.' });
    complaints.add(rejected, open);

    const answer = await service.track(rejected.trackingCode);
    expect(answer).toMatchObject({ status: 'REJECTED', statusLabel: 'Ditolak', response: null });
    expect(answer.rejectionReason).toBe('Bukan pengaduan perizinan.');
    expect((await service.track(open.trackingCode)).rejectionReason).toBeNull();
  });

  it('tells where a FORWARDED complaint went, when and why, without the officer', async () => {
    const { service, complaints } = setup();
    const c = complaintRecord({ status: 'FORWARDED' });
    complaints.add(c);
    complaints.events.push(
      auditEvent(c, 1, 'REGISTERED', '2026-05-04T02:00:00Z'),
      auditEvent(c, 2, 'FORWARDED', '2026-05-04T05:00:00Z', 'petugas-pengaduan-01', {
        agency: 'DPUPR',
        agencyName: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih',
        reason: 'Jalan rusak adalah urusan pekerjaan umum.',
        letterNumber: '500.16/123/DPMPTSP/2026',
      }),
    );

    const answer = await service.track(c.trackingCode);
    expect(answer).toMatchObject({
      status: 'FORWARDED',
      statusLabel: 'Diteruskan ke instansi yang berwenang',
      response: null,
      rejectionReason: null,
      forwarded: {
        agencyName: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih',
        reason: 'Jalan rusak adalah urusan pekerjaan umum.',
        letterNumber: '500.16/123/DPMPTSP/2026',
        at: '2026-05-04T05:00:00.000Z',
      },
    });
    expect(answer.stages.at(-1)).toEqual({
      type: 'FORWARDED',
      label: 'Pengaduan diteruskan ke Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih',
      at: '2026-05-04T05:00:00.000Z',
      unit: null,
    });
    expect(JSON.stringify(answer)).not.toContain('petugas-');
  });
});
