/// <reference lib="dom" />
/**
 * The staff console (/staf) in a real browser (Debian's chromium driven by playwright-core): a unit's
 * staff member signs in through the form, finds the task in the inbox, opens the case page (evidence
 * shown inline), completes the task with outcome and notes, and the task leaves the open inbox; a
 * reload keeps the session; sign-out ends it and a deep link then asks to sign in and returns there.
 * axe-core runs on every screen: no serious or critical violation. Screenshots go to test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { type E2e, eventually } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, PNG, startConsoleHarness } from '../helpers/staff-console';

/** The unit whose staff member does the work here (SEDANG opens a task for Seksi Kebijakan). */
const USER = 'kebijakan';

describe('staff console: sign in, inbox, case page, complete a task', () => {
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

  const openPage = (viewport: { width: number; height: number }) => h.openPage(viewport);
  const shot = (page: Page, name: string) => h.shot(page, name);
  const expectAccessible = (page: Page, screen: string) => h.expectAccessible(page, screen);
  const signIn = (page: Page) => h.signIn(page, USER);

  it('serves /staf and its deep links under the strict Content-Security-Policy', async () => {
    for (const url of ['/staf', '/staf/', '/staf/pengaduan/2026-11-0042']) {
      const res = await e.http.get(url).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      expect(res.text).not.toMatch(/<script>(?!<\/script>)|style=/);
    }
    await e.http.get('/staf/app-missing.js').expect(404);
  });

  it('a unit staff member completes a task from the inbox', async () => {
    // Setup through the API: the front desk registers a complaint with evidence, Seksi Pengaduan
    // triages it as SEDANG, which opens a task for Seksi Kebijakan (among others).
    const complaint = await e.register({ licensingService: 'Persetujuan Bangunan Gedung (PBG)' });
    await e.http
      .post(`/api/complaints/${complaint.id}/attachments`)
      .set(await e.as('loket'))
      .attach('file', PNG, { filename: 'foto-lokasi.png', contentType: 'image/png' })
      .expect(201);
    await e.http
      .post(`/api/complaints/${complaint.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'SEDANG' })
      .expect(200);
    await eventually(async () => {
      const res = await e.http.get('/api/tasks?status=OPEN').set(await e.as(USER));
      return res.body.items?.some((t: { complaintId: string }) => t.complaintId === complaint.id);
    });

    const page = await openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf`);
    await page.getByLabel('Nama pengguna').waitFor();
    await expectAccessible(page, 'sign-in');
    await shot(page, 'sign-in-desktop');

    // A wrong password: the API's message next to the field.
    await page.getByLabel('Nama pengguna').fill(USER);
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('#password-galat').waitFor();
    expect(await page.getAttribute('#password', 'aria-describedby')).toBe('password-galat');

    await signIn(page);
    await page.waitForURL(/\/staf\/kotak-masuk$/);
    const card = page.locator('li.task', { hasText: complaint.registerNumber });
    await card.waitFor();
    expect(await card.textContent()).toContain('Persetujuan Bangunan Gedung (PBG)');
    expect(await card.textContent()).toMatch(/Sisa \d+ hari kerja|Batas waktu hari ini/);
    await expectAccessible(page, 'inbox');
    await shot(page, 'inbox-desktop');

    // Search by tracking code (the API's `q`).
    await page.getByLabel('Cari nomor register atau kode pelacakan').fill(complaint.trackingCode);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/cari=/);
    await card.waitFor();
    expect(await page.locator('li.task').count()).toBe(1);

    // Reload keeps the session (tokens in sessionStorage) and the filters (in the URL).
    await page.reload();
    await card.waitFor();
    expect(await page.getByLabel('Cari nomor register atau kode pelacakan').inputValue()).toBe(
      complaint.trackingCode,
    );

    // Keyboard only: Tab to the register number link and open it with Enter.
    const link = card.getByRole('link', { name: complaint.registerNumber });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/staf\/pengaduan\//);
    await page.getByRole('heading', { level: 1, name: `Pengaduan ${complaint.registerNumber}` }).waitFor();
    // Evidence shown inline from a blob: URL (the image actually loaded under the page's CSP).
    const img = page.locator('.evidence img');
    await img.waitFor();
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>('.evidence img');
      return !!el && el.complete && el.naturalWidth > 0;
    });
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await page.getByText('Selesaikan tugas: Seksi Kebijakan').waitFor();
    await expectAccessible(page, 'case page');
    await shot(page, 'case-desktop');

    // An empty outcome: the message next to the field.
    await page.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await page.getByText('Hasil penanganan wajib diisi.').waitFor();

    await page
      .getByLabel('Hasil penanganan')
      .fill('Kebijakan perizinan PBG sudah sesuai; loket diminta memberi penjelasan.');
    await page.getByLabel('Catatan (tidak wajib)').fill('Dikoordinasikan dengan Bidang Perizinan.');
    await page.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await page.getByText('Tugas Seksi Kebijakan dan Advokasi Layanan telah diselesaikan.').waitFor();
    await page.getByText('Hasil: Kebijakan perizinan PBG sudah sesuai').waitFor();
    await expectAccessible(page, 'case page after completion');

    // The task left the open inbox.
    await page.getByRole('link', { name: '← Kotak masuk' }).click();
    await page.waitForURL(/\/staf\/kotak-masuk$/);
    await page.getByText(/\d+ tugas terbuka/).waitFor();
    await eventually(
      async () => (await page.locator('li.task', { hasText: complaint.registerNumber }).count()) === 0,
    );
    const open = await e.http.get('/api/tasks?status=OPEN').set(await e.as(USER));
    expect(open.body.items.some((t: { complaintId: string }) => t.complaintId === complaint.id)).toBe(false);

    // Phone width: the same screens still work.
    await page.setViewportSize(PHONE);
    await shot(page, 'inbox-phone');
    await expectAccessible(page, 'inbox (phone)');

    // Sign out: back to the form; a deep link then asks to sign in and returns there.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByLabel('Nama pengguna').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    const slug = complaint.registerNumber.replaceAll('/', '-');
    await page.goto(`${baseUrl}/staf/pengaduan/${slug}`);
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: `Pengaduan ${complaint.registerNumber}` }).waitFor();
    await shot(page, 'case-phone');
    await expectAccessible(page, 'case page (phone)');
  });

  it('an expired session returns to sign-in and then to the same page', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/cari`);
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: 'Cari pengaduan' }).waitFor();
    await expectAccessible(page, 'find');
    // The refresh token is revoked elsewhere and the access token is no longer accepted.
    await page.evaluate(() => {
      const key = 'pengaduan-staf.session';
      const t = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...t, accessToken: 'x', refreshToken: 'y' }));
    });
    await page.reload();
    await page.getByText('Sesi Anda telah berakhir').waitFor();
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: 'Cari pengaduan' }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/staf/cari`);
  });
});
