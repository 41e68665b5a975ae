/**
 * POST /api/calendar/holidays/preview end to end: an admin proposes a year's list and is told which
 * open complaints' due dates would move, old and new, saving nothing; once the same list is saved
 * (PUT) the workflows recompute and land on exactly the previewed date. The expected dates here are
 * counted independently (luxon, day by day in WIB), not with the domain's arithmetic.
 */
import { DateTime } from 'luxon';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';

interface Holiday {
  date: string;
  name: string;
  kind: 'LIBUR_NASIONAL' | 'CUTI_BERSAMA';
}
interface Shift {
  id: string;
  registerNumber: string;
  status: string;
  receivedAt: string;
  oldDueAt: string;
  newDueAt: string;
  shiftWorkingDays: number;
  shiftCalendarDays: number;
}

const WIB = 'Asia/Jakarta';

describe.each(databaseKinds())('holiday list preview (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
  });
  afterAll(async () => {
    await e?.stop();
  });

  const lists = new Map<number, Holiday[]>();
  async function listOf(year: number): Promise<Holiday[]> {
    if (!lists.has(year)) {
      const res = await e.http
        .get(`/api/calendar/holidays?year=${year}`)
        .set(await e.as('admin'))
        .expect(200);
      lists.set(
        year,
        res.body.holidays.map(({ date, name, kind: k }: Holiday) => ({ date, name, kind: k })),
      );
    }
    return lists.get(year)!;
  }
  async function isWorkingDay(d: DateTime, extra: string[] = []): Promise<boolean> {
    const date = d.toISODate()!;
    if (d.weekday > 5 || extra.includes(date)) return false;
    return !(await listOf(d.year)).some((h) => h.date === date);
  }

  it('names the open complaints whose due date would move, saves nothing, and matches the saved result', async () => {
    const admin = await e.as('admin');
    const open = await e.register();
    const rejected = await e.register();
    await e.http
      .post(`/api/complaints/${rejected.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ reject: { reason: 'Di luar lingkup perizinan: sengketa tanah antarwarga.' } })
      .expect(200);
    await eventually(async () => (await e.detail(rejected.id)).status === 'REJECTED');
    await eventually(async () => (await e.detail(open.id)).dueAt !== null);
    const before = await e.detail(open.id);
    const oldDue = DateTime.fromISO(before.dueAt!, { zone: WIB });

    // The first working day after the complaint's receipt becomes cuti bersama (in both complaints'
    // window, the rejected one being closed).
    let day = DateTime.fromISO(before.receivedAt, { zone: WIB }).startOf('day').plus({ days: 1 });
    while (!(await isWorkingDay(day))) day = day.plus({ days: 1 });
    const added = day.toISODate()!;
    const year = day.year;
    const current = await listOf(year);
    const proposed: Holiday[] = [
      ...current,
      { date: added, name: 'Cuti bersama tambahan', kind: 'CUTI_BERSAMA' },
    ];
    // One working day fewer: the deadline is the next working day after the old one.
    let newDue = oldDue.startOf('day').plus({ days: 1 });
    while (!(await isWorkingDay(newDue, [added]))) newDue = newDue.plus({ days: 1 });
    const expectedNewDueAt = newDue.endOf('day').toUTC().toISO();

    // Who may ask: the admin only.
    const url = `/api/calendar/holidays/preview?year=${year}`;
    await e.http.post(url).send({ holidays: proposed }).expect(401);
    for (const user of ['pengaduan', 'pelaporan', 'walikota']) {
      const res = await e.http
        .post(url)
        .set(await e.as(user))
        .send({ holidays: proposed });
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
    }

    const res = await e.http.post(url).set(admin).send({ holidays: proposed }).expect(200);
    expect(res.body.year).toBe(year);
    expect(res.body.checkedComplaints).toBeGreaterThanOrEqual(1);
    const changes = res.body.changes as Shift[];
    expect(changes.map((c) => c.id)).not.toContain(rejected.id);
    const shift = changes.find((c) => c.id === open.id);
    expect(shift).toEqual({
      id: open.id,
      registerNumber: open.registerNumber,
      status: before.status,
      receivedAt: before.receivedAt,
      oldDueAt: before.dueAt,
      newDueAt: expectedNewDueAt,
      shiftWorkingDays: 1,
      shiftCalendarDays: newDue.startOf('day').diff(oldDue.startOf('day'), 'days').days,
    });

    // Nothing was saved: the list and the due date are as they were.
    const after = await e.http.get(`/api/calendar/holidays?year=${year}`).set(admin).expect(200);
    expect(after.body.holidays.map((h: Holiday) => h.date)).not.toContain(added);
    expect((await e.detail(open.id)).dueAt).toBe(before.dueAt);

    // The current list itself moves nothing.
    const same = await e.http.post(url).set(admin).send({ holidays: current }).expect(200);
    expect((same.body.changes as Shift[]).map((c) => c.id)).not.toContain(open.id);

    // Saving the previewed list: the workflow recomputes to exactly the previewed date.
    await e.http
      .put(`/api/calendar/holidays?year=${year}`)
      .set(admin)
      .send({ holidays: proposed })
      .expect(200);
    await eventually(async () => (await e.detail(open.id)).dueAt === expectedNewDueAt);

    // Taking the day back out moves it back, one working day earlier.
    const back = await e.http.post(url).set(admin).send({ holidays: current }).expect(200);
    expect((back.body.changes as Shift[]).find((c) => c.id === open.id)).toMatchObject({
      oldDueAt: expectedNewDueAt,
      newDueAt: before.dueAt,
      shiftWorkingDays: -1,
    });
  });

  it('refuses what PUT refuses, in Bahasa Indonesia, naming the rows', async () => {
    const admin = await e.as('admin');
    const post = (query: string, body: unknown) =>
      e.http
        .post(`/api/calendar/holidays/preview${query}`)
        .set(admin)
        .send(body as object);

    let res = await post('?year=2027', {
      holidays: [
        { date: '2027-01-01', name: 'Tahun Baru Masehi', kind: 'LIBUR_NASIONAL' },
        { date: '2026-12-25', name: 'Natal', kind: 'LIBUR_NASIONAL' },
      ],
    }).expect(422);
    expect(res.body.message).toBe('Baris 2: tanggal 2026-12-25 tidak berada di tahun 2027.');

    res = await post('?year=2027', {
      holidays: [
        { date: '2027-01-01', name: 'Tahun Baru Masehi', kind: 'LIBUR_NASIONAL' },
        { date: '2027-01-01', name: 'Tahun Baru', kind: 'LIBUR_NASIONAL' },
      ],
    }).expect(422);
    expect(res.body.message).toBe('Ada tanggal yang tercantum lebih dari sekali.');

    res = await post('?year=2027', { holidays: [] }).expect(400);
    expect(res.body.message).toMatch(/^Daftar hari libur tidak boleh kosong/);

    res = await post('?year=2027', {
      holidays: [{ date: '2027-02-30', name: 'Tidak ada', kind: 'LIBUR' }],
    }).expect(400);
    expect(res.body.message).toMatch(/Tanggal 2027-02-30 tidak ada di kalender\./);
    expect(res.body.message).toMatch(/Jenis hari libur harus LIBUR_NASIONAL/);

    res = await post('', {
      holidays: [{ date: '2027-01-01', name: 'Tahun Baru', kind: 'LIBUR_NASIONAL' }],
    }).expect(400);
    expect(res.body.message).toMatch(/^Tahun \(year\) wajib diisi/);
  });

  it('is documented: ADMIN only, the PUT body, the list of shifts', async () => {
    const doc = (await e.http.get('/docs-json').expect(200)).body;
    const op = doc.paths['/api/calendar/holidays/preview']?.post;
    expect(op).toBeDefined();
    expect(op.security).toEqual(expect.arrayContaining([expect.objectContaining({ bearer: [] })]));
    expect(op.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ReplaceHolidaysDto',
    });
    expect(op.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/HolidayPreviewDto',
    });
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '422']));
    const shift = doc.components.schemas.DueDateShiftDto;
    expect(Object.keys(shift.properties)).toEqual(
      expect.arrayContaining([
        'registerNumber',
        'oldDueAt',
        'newDueAt',
        'shiftWorkingDays',
        'shiftCalendarDays',
      ]),
    );
  });
});
