/**
 * Who does what, as the SOP says: a face-to-face complaint names the official of eselon IV or higher
 * who received it, whoever types it in (C.1.a); the front desk answers a RINGAN case, not a SEDANG
 * one (B.3).
 */
import { Complaint, User } from '../../../src/db/entities';
import { seededUserFor } from '../../helpers/complaints';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

const LOCATION = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };

describe.each(databaseKinds())('SOP roles (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
  });
  afterAll(async () => {
    await e?.stop();
  });

  const userId = async (username: string) => (await e.db.orm.em.fork().findOneOrFail(User, { username })).id;
  const count = () => e.db.orm.em.fork().count(Complaint, {});

  describe('face-to-face complaints (SOP C.1.a)', () => {
    it('lists the eligible officials to whoever registers, with no personal data', async () => {
      const res = await e.http
        .get('/api/users/receiving-officials')
        .set(await e.as('loket'))
        .expect(200);
      const names = res.body.map((o: { fullName: string }) => o.fullName);
      expect(names).toContain('Kasi Pengaduan dan Informasi Layanan');
      expect(names).toContain('Kepala DPM-PTSP');
      // No echelon (the front desk, Tim Teknis), or the kelurahan apparatus: not listed.
      expect(names).not.toContain('Petugas Loket');
      expect(names).not.toContain('Tim Teknis Perizinan');
      expect(res.body.every((o: { unit: string }) => !['KECAMATAN', 'KELURAHAN'].includes(o.unit))).toBe(
        true,
      );
      const kasi = res.body.find(
        (o: { fullName: string }) => o.fullName === 'Kasi Pengaduan dan Informasi Layanan',
      );
      expect(kasi).toEqual({
        id: await userId('pengaduan'),
        fullName: 'Kasi Pengaduan dan Informasi Layanan',
        eselon: 'IV',
        unit: 'SEKSI_PENGADUAN',
      });
      // The Kepala Daerah does not register complaints.
      await e.http
        .get('/api/users/receiving-officials')
        .set(await e.as('walikota'))
        .expect(403);
    });

    it('lets the front desk register one naming an eselon IV official, recorded in the detail and timeline', async () => {
      const res = await e.http
        .post('/api/complaints')
        .set(await e.as('loket'))
        .send(staffComplaint({ channel: 'TATAP_MUKA', receivingOfficialId: await userId('pengaduan') }))
        .expect(201);
      const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { id: res.body.id });
      expect(complaint).toMatchObject({
        receivedBy: 'loket',
        receivingOfficial: 'pengaduan',
        receivingOfficialName: 'Kasi Pengaduan dan Informasi Layanan',
        receivingOfficialEselon: 'IV',
      });
      const detail = await e.detail(res.body.id, 'loket');
      expect(detail).toMatchObject({
        channel: 'TATAP_MUKA',
        receivedBy: 'loket',
        receivingOfficial: {
          username: 'pengaduan',
          name: 'Kasi Pengaduan dan Informasi Layanan',
          eselon: 'IV',
        },
      });
      expect(detail.timeline.find((t) => t.type === 'RECEIVED')).toMatchObject({
        actor: 'loket',
        details: {
          channel: 'TATAP_MUKA',
          receivingOfficial: {
            username: 'pengaduan',
            name: 'Kasi Pengaduan dan Informasi Layanan',
            eselon: 'IV',
          },
        },
      });
      // Other channels name no receiving official.
      const email = await e.register({}, 'loket');
      expect((await e.detail(email.id)).receivingOfficial).toBeNull();
    });

    it('refuses a missing, unknown, echelon-less or inactive official with 422 and registers nothing', async () => {
      const loket = await e.as('loket');
      // An inactive head of section of eselon IV.
      const em = e.db.orm.em.fork();
      em.create(User, {
        id: '0b6f7a52-4a8e-4c1b-9b7e-2f1d3c4b5a69',
        username: 'kasi-pensiun',
        fullName: 'Kasi Purnabakti',
        passwordHash: 'x',
        role: 'STAFF',
        unit: 'SEKSI_KEBIJAKAN',
        eselon: 'IV',
        active: false,
        createdAt: new Date(),
      });
      await em.flush();
      const before = await count();
      const cases: [Record<string, unknown>, string][] = [
        [{}, 'Pengaduan tatap muka wajib mencantumkan pejabat yang menerimanya (minimal eselon IV).'],
        [
          { receivingOfficialId: '7d4e1f0a-2b3c-4d5e-8f90-123456789abc' },
          'Pejabat penerima tidak ditemukan.',
        ],
        [
          { receivingOfficialId: await userId('loket') },
          'Pengaduan tatap muka wajib diterima pejabat minimal eselon IV (eselon I, II, III, atau IV); Petugas Loket tidak memenuhi.',
        ],
        [
          { receivingOfficialId: await userId('teknis') },
          'Pengaduan tatap muka wajib diterima pejabat minimal eselon IV (eselon I, II, III, atau IV); Tim Teknis Perizinan tidak memenuhi.',
        ],
        [
          { receivingOfficialId: '0b6f7a52-4a8e-4c1b-9b7e-2f1d3c4b5a69' },
          'Pejabat penerima Kasi Purnabakti sudah nonaktif.',
        ],
      ];
      for (const [extra, message] of cases) {
        const res = await e.http
          .post('/api/complaints')
          .set(loket)
          .send(staffComplaint({ channel: 'TATAP_MUKA', ...extra }))
          .expect(422);
        expect(res.body.message).toBe(message);
      }
      // Naming an official for another channel is refused too; a malformed id is a 400.
      const email = await e.http
        .post('/api/complaints')
        .set(loket)
        .send(staffComplaint({ receivingOfficialId: await userId('pengaduan') }))
        .expect(422);
      expect(email.body.message).toBe('Pejabat penerima hanya dicatat untuk pengaduan tatap muka.');
      await e.http
        .post('/api/complaints')
        .set(loket)
        .send(staffComplaint({ channel: 'TATAP_MUKA', receivingOfficialId: 'kadis' }))
        .expect(400);
      expect(await count()).toBe(before);
    });
  });

  describe('the response (SOP B.3)', () => {
    async function awaitingResponse(category: 'RINGAN' | 'SEDANG'): Promise<string> {
      const { id } = await e.register({}, 'loket');
      await eventually(async () => (await e.detail(id)).live?.status === 'RECEIVED');
      const triaged = await e.http
        .post(`/api/complaints/${id}/triage`)
        .set(await e.as('pengaduan'))
        .send(category === 'SEDANG' ? { category, location: LOCATION } : { category })
        .expect(200);
      for (const task of triaged.body.tasks as { id: string; unit: string; area: string | null }[]) {
        const username = seededUserFor(task);
        await e.http
          .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
          .set(await e.as(username))
          .send({ outcome: 'Ditangani' })
          .expect(200);
      }
      await eventually(async () => (await e.detail(id)).live?.status === 'AWAITING_RESPONSE');
      return id;
    }
    const respond = async (id: string, username: string) =>
      e.http
        .post(`/api/complaints/${id}/response`)
        .set(await e.as(username))
        .send({ response: 'Biaya penerbitan izin nol rupiah; izin terbit dalam 5 hari kerja.' });

    it('lets the front desk answer a RINGAN case; another unit gets 403', async () => {
      const id = await awaitingResponse('RINGAN');
      const kabid = await respond(id, 'kabid');
      expect(kabid.status).toBe(403);
      const ok = await respond(id, 'loket');
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'RESOLVED', respondedBy: 'loket' });
    });

    it('refuses the front desk on a SEDANG case with 403 and changes nothing; Seksi Pengaduan answers it', async () => {
      const id = await awaitingResponse('SEDANG');
      const loket = await respond(id, 'loket');
      expect(loket.status).toBe(403);
      expect(loket.body.message).toBe(
        'Tanggapan pengaduan kategori SEDANG hanya diberikan oleh Seksi Pengaduan dan Informasi Layanan.',
      );
      expect(await e.detail(id)).toMatchObject({ status: 'AWAITING_RESPONSE', response: null });
      const ok = await respond(id, 'pengaduan');
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ status: 'RESOLVED', respondedBy: 'pengaduan' });
    });
  });
});
