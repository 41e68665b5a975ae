/// <reference lib="dom" />
/**
 * The staff console's reports and admin screens in a real browser: the admin moves a holiday into an
 * open complaint's window, sees the preview name that complaint and the shift, saves, and the
 * complaint's due date is then the previewed one; Seksi Pelaporan views the monthly recap and
 * downloads reports as PDF and XLSX; the admin creates a user and renames an area. axe-core runs on
 * every screen (no serious or critical violation); screenshots at phone and desktop widths go to
 * test-artifacts/.
 */
import fs from 'node:fs';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { type E2e, eventually } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, startConsoleHarness } from '../helpers/staff-console';

const WIB = 'Asia/Jakarta';

interface Holiday {
  date: string;
  name: string;
  kind: string;
}

describe('staff console: reports and administration', () => {
  let h: ConsoleHarness;
  let e: E2e;
  let baseUrl: string;

  beforeAll(async () => {
    h = await startConsoleHarness();
    ({ e, baseUrl } = h);
  }, 240_000);

  afterAll(async () => {
    await h?.stop();
  }, 120_000);

  async function holidaysOf(year: number): Promise<Holiday[]> {
    const res = await e.http
      .get(`/api/calendar/holidays?year=${year}`)
      .set(await e.as('admin'))
      .expect(200);
    return res.body.holidays;
  }

  async function downloaded(
    page: Page,
    click: () => Promise<void>,
  ): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) };
  }

  it('the admin moves a holiday into an open complaint’s window: preview, save, new due date', async () => {
    const complaint = await e.register();
    await eventually(async () => (await e.detail(complaint.id)).dueAt !== null);
    const before = await e.detail(complaint.id);
    const received = DateTime.fromISO(before.receivedAt, { zone: WIB }).startOf('day');
    const oldDue = DateTime.fromISO(before.dueAt!, { zone: WIB });

    // The first working day after receipt becomes the holiday (moved there from a date far from the
    // complaint's window, so that taking it away moves nothing).
    const lists = new Map<number, Holiday[]>();
    const listOf = async (year: number) => {
      if (!lists.has(year)) lists.set(year, await holidaysOf(year));
      return lists.get(year)!;
    };
    const working = async (d: DateTime, moved: { from: string; to: string } | null) => {
      const date = d.toISODate()!;
      if (d.weekday > 5) return false;
      if (moved && date === moved.to) return false;
      const listed = (await listOf(d.year)).some((x) => x.date === date);
      return !listed || (moved !== null && date === moved.from);
    };
    let target = received.plus({ days: 1 });
    while (!(await working(target, null))) target = target.plus({ days: 1 });
    const year = target.year;
    const list = await listOf(year);
    const far = (date: string) => {
      const d = DateTime.fromISO(date, { zone: WIB });
      return d < received.minus({ days: 7 }) || d > oldDue.plus({ days: 30 });
    };
    const index = list.findIndex((x) => far(x.date));
    expect(index).toBeGreaterThanOrEqual(0);
    const moved = { from: list[index].date, to: target.toISODate()! };
    // One working day fewer in the window: the deadline is the next working day after the old one.
    let newDue = oldDue.startOf('day').plus({ days: 1 });
    while (!(await working(newDue, moved))) newDue = newDue.plus({ days: 1 });
    const expectedDueAt = newDue.endOf('day').toUTC().toISO();
    const dayLabel = (d: DateTime) =>
      new Intl.DateTimeFormat('id-ID', {
        timeZone: WIB,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }).format(d.toJSDate());

    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf`);
    await h.signIn(page, 'admin');
    await page.getByRole('link', { name: 'Hari libur' }).click();
    await page.waitForURL(/\/staf\/admin\/libur$/);
    await page.getByRole('heading', { level: 1, name: 'Hari libur nasional dan cuti bersama' }).waitFor();
    if (year !== DateTime.now().setZone(WIB).year) {
      await page.getByLabel('Tahun').fill(String(year));
      await page.getByRole('button', { name: 'Tampilkan' }).click();
    }
    await page.getByRole('heading', { name: new RegExp(`^Daftar tahun ${year}`) }).waitFor();
    const row = index + 1;
    expect(await page.getByLabel(`Nama hari libur baris ${row}`, { exact: true }).inputValue()).toBe(
      list[index].name,
    );
    await h.expectAccessible(page, 'holidays');
    await h.shot(page, 'holidays-desktop');

    await page.getByLabel(`Tanggal baris ${row}`, { exact: true }).fill(moved.to);
    await page.getByLabel(`Nama hari libur baris ${row}`, { exact: true }).fill('Cuti bersama pengganti');
    await page.getByLabel(`Jenis hari libur baris ${row}`, { exact: true }).selectOption('CUTI_BERSAMA');
    await page.getByRole('button', { name: 'Periksa dampak pada batas waktu' }).click();
    await page.getByRole('heading', { name: 'Dampak pada pengaduan terbuka' }).waitFor();
    const shift = page.locator('tr.due-shift', { hasText: complaint.registerNumber });
    await shift.waitFor();
    const shiftText = (await shift.textContent()) ?? '';
    expect(shiftText).toContain(dayLabel(oldDue));
    expect(shiftText).toContain(dayLabel(newDue));
    expect(shiftText).toContain(
      `mundur 1 hari kerja (${newDue.startOf('day').diff(oldDue.startOf('day'), 'days').days} hari kalender)`,
    );
    // Nothing saved yet.
    expect((await e.detail(complaint.id)).dueAt).toBe(before.dueAt);
    await h.expectAccessible(page, 'holiday preview');
    await h.shot(page, 'holidays-preview-desktop');
    await page.setViewportSize(PHONE);
    await h.shot(page, 'holidays-preview-phone');
    await h.expectAccessible(page, 'holiday preview (phone)');
    await page.setViewportSize(DESKTOP);

    await page.getByRole('button', { name: `Simpan daftar hari libur ${year}` }).click();
    await page
      .getByText(new RegExp(`^Daftar hari libur ${year} disimpan \\(${list.length} tanggal\\)`))
      .waitFor();
    await eventually(async () => (await e.detail(complaint.id)).dueAt === expectedDueAt);
    const saved = await holidaysOf(year);
    expect(saved.find((x) => x.date === moved.to)).toMatchObject({
      name: 'Cuti bersama pengganti',
      kind: 'CUTI_BERSAMA',
    });
    expect(saved.some((x) => x.date === moved.from)).toBe(false);

    // The SKB paste: a line it cannot read is named, the list stays as it is.
    await page.getByLabel(`Daftar SKB tahun ${year} (satu hari libur per baris)`).fill('Tahun Baru Masehi');
    await page.getByRole('button', { name: 'Baca daftar' }).click();
    await page.getByText(/^Baris 1: tanggal tidak dikenali/).waitFor();
    await page
      .getByLabel(`Daftar SKB tahun ${year} (satu hari libur per baris)`)
      .fill(`${year}-01-01 Tahun Baru Masehi\n${year}-12-25,Hari Raya Natal`);
    await page.getByRole('button', { name: 'Baca daftar' }).click();
    await page.getByText('2 hari libur terbaca dan menggantikan daftar di atas.').waitFor();
    expect(await page.getByLabel('Nama hari libur baris 2', { exact: true }).inputValue()).toBe(
      'Hari Raya Natal',
    );
    await h.expectAccessible(page, 'holidays after a paste');
  });

  it('Seksi Pelaporan views the monthly recap and downloads reports as PDF and XLSX', async () => {
    const complaint = await e.register();
    const now = DateTime.now().setZone(WIB);
    const recap = (
      await e.http
        .get(`/api/reports/monthly?year=${now.year}&month=${now.month}`)
        .set(await e.as('pelaporan'))
        .expect(200)
    ).body;

    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf`);
    await h.signIn(page, 'pelaporan');
    await page.waitForURL(/\/staf\/kotak-masuk$/);
    await page.getByRole('link', { name: 'Laporan' }).click();
    await page.waitForURL(/\/staf\/laporan$/);
    await page.getByRole('heading', { level: 1, name: 'Laporan rekap pengaduan' }).waitFor();
    await page.getByRole('heading', { name: `Rekap ${recap.label}` }).waitFor();
    const received = page.locator('.recap-facts div', { hasText: 'Pengaduan diterima' }).locator('dd');
    expect(Number(await received.textContent())).toBe(recap.received);
    expect(recap.received).toBeGreaterThanOrEqual(1);
    const openOverdue = page
      .locator('.recap-facts div', { hasText: 'Terbuka dan melewati batas waktu' })
      .locator('dd');
    expect(Number(await openOverdue.textContent())).toBe(recap.openCases.overdue);
    // The open cases per stage, and the list's subject and location columns.
    const stages = page.getByRole('table', { name: 'Pengaduan terbuka menurut tahap' });
    const awaitingTriage = recap.openCases.byStage.find((st: { status: string }) => st.status === 'RECEIVED');
    await stages.getByRole('row', { name: `Menunggu triase ${awaitingTriage.count}` }).waitFor();
    for (const column of ['Lokasi', 'Pokok pengaduan', 'Tindak lanjut terakhir'])
      await page.getByRole('columnheader', { name: column, exact: true }).waitFor();
    await page.getByRole('link', { name: complaint.registerNumber }).waitFor();
    await h.expectAccessible(page, 'reports');
    await h.shot(page, 'reports-desktop');

    const pdf = await downloaded(page, () =>
      page.getByRole('button', { name: 'Unduh PDF', exact: true }).click(),
    );
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdf.name).toMatch(/\.pdf$/);
    const xlsx = await downloaded(page, () =>
      page.getByRole('button', { name: 'Unduh XLSX', exact: true }).click(),
    );
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(xlsx.name).toMatch(/\.xlsx$/);

    // The semester recap of the same year.
    await page.getByLabel('Jenis rekap').selectOption('SEMESTER');
    await page.getByRole('button', { name: 'Tampilkan rekap' }).click();
    await page.getByRole('heading', { name: /^Rekap Semester/ }).waitFor();

    // Stored: the month's report, saved now, then downloaded from the list.
    await page.getByLabel('Jenis rekap').selectOption('MONTHLY');
    await page.getByRole('button', { name: 'Simpan sebagai laporan' }).click();
    await page.getByText(new RegExp(`^Laporan ${recap.label} disimpan`)).waitFor();
    const storedPdf = await downloaded(page, () =>
      page.getByRole('button', { name: `Unduh PDF laporan ${recap.label}` }).click(),
    );
    expect(storedPdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const storedXlsx = await downloaded(page, () =>
      page.getByRole('button', { name: `Unduh XLSX laporan ${recap.label}` }).click(),
    );
    expect(storedXlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await h.expectAccessible(page, 'reports with a stored report');

    await page.setViewportSize(PHONE);
    await h.shot(page, 'reports-phone');
    await h.expectAccessible(page, 'reports (phone)');
  });

  it('the admin creates a user and renames an area', async () => {
    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf`);
    await h.signIn(page, 'admin');
    await page.getByRole('link', { name: 'Pengguna' }).click();
    await page.waitForURL(/\/staf\/admin\/pengguna$/);
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await page.locator('table.users tr', { hasText: 'pelaporan' }).first().waitFor();
    await h.expectAccessible(page, 'users');
    await h.shot(page, 'users-desktop');

    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await page.locator('#pengguna-baru-username').fill('loket3');
    await page.locator('#pengguna-baru-fullName').fill('Petugas Loket Tiga');
    await page.locator('#pengguna-baru-role').selectOption('STAFF');
    await page.locator('#pengguna-baru-unit').selectOption('LOKET');
    await page.locator('#pengguna-baru-password').fill('pendek');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    // The API's message, next to the password.
    await page
      .locator('#pengguna-baru-password-galat')
      .getByText('Kata sandi minimal 10 karakter.')
      .waitFor();
    expect(await page.getAttribute('#pengguna-baru-password', 'aria-invalid')).toBe('true');
    await h.expectAccessible(page, 'user form with an error');
    await page.getByRole('button', { name: 'Buat kata sandi acak' }).click();
    const password = await page.locator('#pengguna-baru-password').inputValue();
    expect(password).toHaveLength(16);
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.getByText('Akun loket3 dibuat.').waitFor();
    expect(await page.locator('.handover').textContent()).toContain(password);
    // The list has several pages (every kecamatan and kelurahan has its account): filter by unit.
    await page.getByLabel('Unit', { exact: true }).selectOption('LOKET');
    await page.locator('table.users tr', { hasText: 'loket3' }).waitFor();
    await h.expectAccessible(page, 'users after creating one');
    await h.shot(page, 'users-created-desktop');
    // The account works with the password shown.
    await e.http.post('/api/auth/login').send({ username: 'loket3', password }).expect(200);

    // Edit (only what changed) and deactivate.
    await page.getByRole('button', { name: 'Ubah loket3' }).click();
    await page.locator('#pengguna-ubah-fullName').fill('Petugas Loket 3');
    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByText('Data akun loket3 disimpan.').waitFor();
    await page.getByRole('button', { name: 'Nonaktifkan loket3' }).click();
    await page.getByText('Akun loket3 dinonaktifkan; semua sesinya diakhiri.').waitFor();
    const users = (
      await e.http
        .get('/api/users?pageSize=100')
        .set(await e.as('admin'))
        .expect(200)
    ).body.items as { username: string; fullName: string; unit: string; active: boolean }[];
    expect(users.find((u) => u.username === 'loket3')).toMatchObject({
      fullName: 'Petugas Loket 3',
      unit: 'LOKET',
      active: false,
    });
    await page.setViewportSize(PHONE);
    await h.shot(page, 'users-phone');
    await h.expectAccessible(page, 'users (phone)');
    await page.setViewportSize(DESKTOP);

    // Areas: rename a kelurahan.
    const areas = (await e.http.get('/api/areas').expect(200)).body as {
      code: string;
      name: string;
      kelurahan: { code: string; name: string }[];
    }[];
    const kelurahan = areas.find((k) => k.kelurahan.length > 0)!.kelurahan[0];
    const newName = `${kelurahan.name} (ejaan baru)`;
    await page.getByRole('link', { name: 'Wilayah' }).click();
    await page.waitForURL(/\/staf\/admin\/wilayah$/);
    await page.getByRole('heading', { level: 1, name: 'Wilayah Kota Prabumulih' }).waitFor();
    await h.expectAccessible(page, 'areas');
    await h.shot(page, 'areas-desktop');
    await page.getByRole('button', { name: `Ubah nama ${kelurahan.name}`, exact: true }).click();
    await page.getByLabel(`Nama baru untuk ${kelurahan.code}`).fill(newName);
    await h.expectAccessible(page, 'areas while renaming');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page
      .getByText(`Nama wilayah ${kelurahan.code} diubah dari "${kelurahan.name}" menjadi "${newName}".`)
      .waitFor();
    const renamed = (await e.http.get('/api/areas').expect(200)).body as typeof areas;
    expect(renamed.flatMap((k) => k.kelurahan).find((l) => l.code === kelurahan.code)?.name).toBe(newName);
    await page.setViewportSize(PHONE);
    await h.shot(page, 'areas-phone');
    await h.expectAccessible(page, 'areas (phone)');

    // Stage deadlines: a value out of 1..10 is refused next to its field; a valid one is saved.
    await page.setViewportSize(DESKTOP);
    await page.getByRole('link', { name: 'Batas waktu tahap' }).click();
    await page.waitForURL(/\/staf\/admin\/batas-tahap$/);
    await page.getByRole('heading', { level: 1, name: 'Batas waktu tiap tahap' }).waitFor();
    await h.expectAccessible(page, 'stage deadlines');
    const teknis = page.getByLabel('Tim Teknis Perizinan', { exact: true });
    expect(await teknis.inputValue()).toBe('5');
    await teknis.fill('11');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page
      .locator('#tahap-unit-TIM_TEKNIS-galat')
      .getByText(/1 sampai 10 hari kerja/)
      .waitFor();
    await h.expectAccessible(page, 'stage deadlines refused');
    await teknis.fill('3');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page
      .getByText('Batas waktu tahap disimpan. Berlaku untuk pengaduan yang dicatat sesudah ini.')
      .waitFor();
    const stored = (
      await e.http
        .get('/api/settings/stage-deadlines')
        .set(await e.as('admin'))
        .expect(200)
    ).body;
    expect(stored.units.find((u: { unit: string }) => u.unit === 'TIM_TEKNIS').workingDays).toBe(3);
    await h.shot(page, 'stage-deadlines-desktop');
  });
});
