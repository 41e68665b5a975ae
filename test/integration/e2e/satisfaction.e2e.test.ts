/**
 * The complainant's satisfaction rating through the HTTP API (real app, Temporal dev server, database
 * and worker): after the response, once, from the tracking code; refused before it, for a rejected
 * complaint, twice, or with a bad value (changing nothing); staff read it on the case; the recap report
 * and /metrics count it.
 */
import { SatisfactionRating } from '../../../src/db/entities';
import { RATING_MESSAGES } from '../../../src/domain/satisfaction';
import { seededUserFor } from '../../helpers/complaints';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, startE2e } from '../../helpers/e2e';

describe.each(databaseKinds())('satisfaction rating (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 1000 } });
  });
  afterAll(async () => {
    await e?.stop();
  });

  const ratingOf = (code: string) => e.http.get(`/api/public/complaints/${code}/rating`);
  const rate = (code: string, body: unknown) =>
    e.http.post(`/api/public/complaints/${code}/rating`).send(body as object);
  const stored = async () => e.db.orm.em.fork().count(SatisfactionRating, {});

  /** A RINGAN complaint taken through triage and its tasks to the point of the response. */
  async function answerable(): Promise<{ id: string; registerNumber: string; trackingCode: string }> {
    const created = await e.register();
    await e.http
      .post(`/api/complaints/${created.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN' })
      .expect(200);
    for (const task of (await e.detail(created.id)).tasks) {
      await e.http
        .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
        .set(await e.as(seededUserFor(task)))
        .send({ outcome: 'Sudah dijelaskan kepada pengadu.' })
        .expect(200);
    }
    return created;
  }

  async function respond(id: string): Promise<void> {
    await e.http
      .post(`/api/complaints/${id}/response`)
      .set(await e.as('pengaduan'))
      .send({ response: 'Layanan NIB tidak dipungut biaya; petugas sudah ditegur.' })
      .expect(200);
  }

  it('rates a complaint once it is answered, once, and staff see the rating on the case', async () => {
    const c = await answerable();
    const code = c.trackingCode;

    // Before the response: the form is not offered, and a rating is refused (422) and not stored.
    const before = await ratingOf(code).expect(200);
    expect(before.body).toEqual({
      canRate: false,
      reason: RATING_MESSAGES.notYetAnswered,
      rating: null,
      scale: [
        { score: 1, label: 'Tidak baik' },
        { score: 2, label: 'Kurang baik' },
        { score: 3, label: 'Baik' },
        { score: 4, label: 'Sangat baik' },
      ],
    });
    const early = await rate(code, { score: 4 });
    expect(early.status).toBe(422);
    expect(early.body.message).toBe(RATING_MESSAGES.notYetAnswered);

    await respond(c.id);
    expect((await ratingOf(code).expect(200)).body).toMatchObject({
      canRate: true,
      reason: null,
      rating: null,
    });

    // Malformed values: 400 in Bahasa, nothing stored.
    const count = await stored();
    for (const [body, message] of [
      [{ score: 5 }, /Nilai \(score\) wajib 1, 2, 3 atau 4/],
      [{ score: 0 }, /Nilai \(score\) wajib 1, 2, 3 atau 4/],
      [{ score: 2.5 }, /bilangan bulat/],
      [{ score: '4' }, /bilangan bulat/],
      [{}, /Nilai \(score\)/],
      [{ score: 3, comment: 'x'.repeat(1001) }, /paling banyak 1000 karakter/],
      [{ score: 3, comment: 42 }, /Komentar \(comment\) wajib berupa teks/],
      [{ score: 3, nik: '1674015505900002' }, /tidak dikenal/],
    ] as const) {
      const res = await rate(code, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.message).toMatch(message);
    }
    // A comment of spaces only says nothing: a rule refusal (422).
    const blank = await rate(code, { score: 3, comment: '   \n ' });
    expect(blank.status).toBe(422);
    expect(blank.body.message).toBe(RATING_MESSAGES.blankComment);
    expect(await stored()).toBe(count);

    // The rating: case and spaces of the code forgiven, the comment trimmed.
    const given = await rate(encodeURIComponent(` ${code.toLowerCase()} `), {
      score: 4,
      comment: '  Cepat dan jelas, terima kasih.  ',
    }).expect(201);
    expect(given.body).toEqual({
      score: 4,
      scoreLabel: 'Sangat baik',
      comment: 'Cepat dan jelas, terima kasih.',
      ratedAt: expect.any(String),
    });

    // Twice: refused (409), the first one kept.
    const again = await rate(code, { score: 1, comment: 'Ganti penilaian' });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(RATING_MESSAGES.alreadyRated);
    expect((await ratingOf(code).expect(200)).body).toMatchObject({
      canRate: false,
      reason: RATING_MESSAGES.alreadyRated,
      rating: given.body,
    });

    // Staff see it on the case, by id or register number; without a token it is 401.
    for (const key of [c.id, c.registerNumber.replaceAll('/', '-')]) {
      const staff = await e.http
        .get(`/api/complaints/${key}/rating`)
        .set(await e.as('kabid'))
        .expect(200);
      expect(staff.body).toEqual({ rating: given.body });
    }
    await e.http.get(`/api/complaints/${c.id}/rating`).expect(401);

    // The month's recap report counts it, and so does /metrics.
    const now = new Date(Date.now() + 7 * 3_600_000);
    const report = await e.http
      .get(`/api/reports/monthly?year=${now.getUTCFullYear()}&month=${now.getUTCMonth() + 1}`)
      .set(await e.as('kabid'))
      .expect(200);
    expect(report.body.satisfaction.overall.count).toBeGreaterThanOrEqual(1);
    expect(report.body.satisfaction.byUnit.map((u: { unit: string }) => u.unit)).toEqual(
      expect.arrayContaining(['LOKET', 'SEKSI_PENGADUAN']),
    );
    const metrics = await e.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/pengaduan_satisfaction_ratings\{score="4"\} [1-9]/);
  });

  it('refuses a rating of a rejected complaint (422) and answers 404 for an unknown code', async () => {
    const c = await e.register();
    await e.http
      .post(`/api/complaints/${c.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ reject: { reason: 'Bukan pengaduan perizinan.' } })
      .expect(200);
    expect((await ratingOf(c.trackingCode).expect(200)).body).toMatchObject({
      canRate: false,
      reason: RATING_MESSAGES.rejected,
    });
    const res = await rate(c.trackingCode, { score: 1 });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe(RATING_MESSAGES.rejected);

    for (const res404 of [await ratingOf('ZZZZZZZZZZ'), await rate('ZZZZZZZZZZ', { score: 3 })]) {
      expect(res404.status).toBe(404);
      expect(res404.body.message).toBe('Kode pelacakan tidak ditemukan.');
    }
    const unknown = await e.http.get('/api/complaints/2026-12-999999/rating').set(await e.as('kabid'));
    expect(unknown.status).toBe(404);
  });

  it('stores one rating when two arrive at once: the other is told it was rated already', async () => {
    const c = await answerable();
    await respond(c.id);
    const answers = await Promise.all([
      rate(c.trackingCode, { score: 3 }),
      rate(c.trackingCode, { score: 2 }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const kept = answers.find((r) => r.status === 201)!.body.score;
    expect((await ratingOf(c.trackingCode).expect(200)).body.rating.score).toBe(kept);
  });
});
