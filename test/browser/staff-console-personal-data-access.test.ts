/// <reference lib="dom" />
/**
 * The admin's "Log akses data pribadi" screen in a real browser: from a case page to the log of that
 * complaint (who read the complainant's data, which fields, through which endpoint), filtered by user
 * and by date, with paging; the menu item is the admin's only. axe-core runs on every state (no
 * serious or critical violation); screenshots at phone and desktop widths go to test-artifacts/.
 */
import type { E2e } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, startConsoleHarness } from '../helpers/staff-console';

describe('staff console: access log of personal-data reads', () => {
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

  it('the admin follows the case page to the complaint’s access log and filters it', async () => {
    const complaint = await e.register();
    // Seksi Pengaduan and the front desk read the complainant's data; a unit without a task sees it masked.
    await e.detail(complaint.id, 'pengaduan');
    await e.detail(complaint.id, 'loket');
    await e.detail(complaint.id, 'kebijakan');

    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/pengaduan/${complaint.id}`);
    await h.signIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: `Pengaduan ${complaint.registerNumber}` }).waitFor();
    await page.getByRole('link', { name: 'Log akses data pribadi pengaduan ini' }).click();
    await page.waitForURL(/\/staf\/admin\/akses-data-pribadi\?complaintId=/);
    await page.getByRole('heading', { level: 1, name: 'Log akses data pribadi' }).waitFor();
    await page.getByText(`Hanya pengaduan ${complaint.registerNumber}`).waitFor();
    // The two staff reads and the admin's own reading of the case page (newest, on top); none for
    // the masked read.
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    const pengaduanRow = rows.filter({ hasText: 'pengaduan (Petugas' });
    expect(await pengaduanRow.count()).toBe(1);
    expect(await rows.filter({ hasText: 'loket (Petugas' }).count()).toBe(1);
    expect(await pengaduanRow.textContent()).toContain('Nama, NIK, Alamat, Nomor telepon, Email');
    expect(await pengaduanRow.textContent()).toContain('Rincian pengaduan');
    expect(await pengaduanRow.textContent()).toContain('GET /api/complaints/:id');
    expect(await rows.first().textContent()).toContain('admin');
    expect(await page.locator('table').textContent()).not.toContain('kebijakan');
    // Field names only: the complainant's data is not on this screen.
    expect(await page.locator('main').textContent()).not.toContain('Budi Santoso');
    await h.expectAccessible(page, 'personal-data access log of a complaint');
    await h.shot(page, 'personal-data-access-desktop');

    // Filtered by user: the front desk's read alone.
    const loketId = (await e.http.get('/api/users/me').set(await e.as('loket'))).body.id as string;
    await page.getByLabel('Pengguna').selectOption(loketId);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByText('1 akses tercatat, terbaru di atas.').waitFor();
    expect(await rows.first().textContent()).toContain('loket');
    expect(page.url()).toContain(`userId=${loketId}`);

    // A period with no reads, and a period given the wrong way round.
    await page.getByLabel('Dari tanggal').fill('2020-01-01');
    await page.getByLabel('Sampai tanggal').fill('2020-01-31');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByText('Tidak ada akses yang tercatat untuk filter ini.').waitFor();
    await page.getByLabel('Dari tanggal').fill('2020-02-01');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByText('Tanggal awal tidak boleh setelah tanggal akhir.').waitFor();
    expect(await page.getAttribute('#akses-dari', 'aria-invalid')).toBe('true');
    await h.expectAccessible(page, 'personal-data access log with a date error');

    // Every complaint: the menu item, and the log of every read so far.
    await page.getByRole('link', { name: 'Log akses data pribadi' }).first().click();
    await page.waitForURL(/\/staf\/admin\/akses-data-pribadi$/);
    await page.getByText(/\d+ akses tercatat, terbaru di atas\./).waitFor();
    expect(await page.getByText('Hanya pengaduan').count()).toBe(0);

    await page.setViewportSize(PHONE);
    await h.shot(page, 'personal-data-access-phone');
    await h.expectAccessible(page, 'personal-data access log (phone)');
  });

  it('is not offered to staff', async () => {
    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/admin/akses-data-pribadi`);
    await h.signIn(page, 'pengaduan');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    expect(await page.getByRole('link', { name: 'Log akses data pribadi' }).count()).toBe(0);
  });
});
