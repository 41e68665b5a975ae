/// <reference lib="dom" />
/**
 * The staff console's Open311 API keys in a real browser: the admin makes a key for a client
 * application (shown once), the application creates a request with it at /open311/v2/, the admin
 * revokes it and the application is refused. axe-core runs on the screen (no serious or critical
 * violation); screenshots at phone and desktop widths go to test-artifacts/.
 */
import { Complaint } from '../../src/db/entities';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy-notice';
import type { E2e } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, startConsoleHarness } from '../helpers/staff-console';

describe('staff console: Open311 API keys', () => {
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

  const request = (apiKey: string) =>
    e.http.post('/open311/v2/requests.json').type('form').send({
      api_key: apiKey,
      service_code: 'RINGAN',
      address_string: 'Loket DPM-PTSP',
      lat: '-3.4321',
      long: '104.2355',
      first_name: 'Siti',
      last_name: 'Aminah',
      description: 'Biaya izin usaha tidak dijelaskan di loket.',
      'attribute[bukti_awal]': 'Foto papan informasi',
      'attribute[persetujuan_privasi]': PRIVACY_NOTICE_VERSION,
    });

  it('the admin makes a key (shown once), the application uses it, the admin revokes it', async () => {
    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf`);
    await h.signIn(page, 'admin');
    await page.getByRole('link', { name: 'Kunci API Open311' }).click();
    await page.waitForURL(/\/staf\/admin\/open311$/);
    await page.getByRole('heading', { level: 1, name: 'Kunci API Open311' }).waitFor();
    await page.getByText('Belum ada kunci API.').waitFor();
    await h.expectAccessible(page, 'open311 keys');

    await page.getByRole('button', { name: 'Buat kunci' }).click();
    await page.locator('#kunci-nama-galat').getByText('Nama aplikasi wajib diisi.').waitFor();
    expect(await page.getAttribute('#kunci-nama', 'aria-invalid')).toBe('true');
    await page.getByLabel('Nama aplikasi klien').fill('Aplikasi Prabumulih Smart City');
    await page.getByRole('button', { name: 'Buat kunci' }).click();
    const shown = page.getByTestId('kunci-api-baru');
    await shown.waitFor();
    const key = (await shown.textContent())!.trim();
    expect(key).toMatch(/^o311_/);
    await page
      .locator('table tr', { hasText: 'Aplikasi Prabumulih Smart City' })
      .getByText('Aktif')
      .waitFor();
    await h.expectAccessible(page, 'open311 key created');
    await h.shot(page, 'open311-keys-desktop');

    // The application creates a request with the key; the complaint records the application's name.
    const created = await request(key).expect(201);
    const complaint = await e.db.orm.em
      .fork()
      .findOneOrFail(Complaint, { trackingCode: created.body[0].token });
    expect(complaint).toMatchObject({ source: 'OPEN311', sourceClient: 'Aplikasi Prabumulih Smart City' });

    // Seksi Pengaduan sees on the case page where the complaint came from and where the site is.
    const staff = await h.openPage(DESKTOP);
    await staff.goto(`${baseUrl}/staf/pengaduan/${complaint.id}`);
    await h.signIn(staff, 'pengaduan');
    await staff.getByText('Website (Open311: Aplikasi Prabumulih Smart City)').waitFor();
    await staff.getByText('Loket DPM-PTSP').waitFor();
    const map = staff.getByRole('link', { name: '-3.4321, 104.2355' });
    expect(await map.getAttribute('href')).toContain('openstreetmap.org/?mlat=-3.4321&mlon=104.2355');
    expect(await staff.locator('dd', { hasText: 'Ringan' }).first().textContent()).toContain(
      'diputuskan saat triase',
    );
    await h.expectAccessible(staff, 'case page of an Open311 complaint');
    await h.shot(staff, 'open311-case-desktop');

    // Once dismissed, the key is not shown again, not even after a reload.
    await page.getByRole('button', { name: 'Sudah saya salin' }).click();
    await page.reload();
    await page.locator('table tr', { hasText: 'Aplikasi Prabumulih Smart City' }).waitFor();
    expect(await page.content()).not.toContain(key);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Cabut kunci Aplikasi Prabumulih Smart City' }).click();
    await page.getByText('Kunci API "Aplikasi Prabumulih Smart City" dicabut.').waitFor();
    await page
      .locator('table tr', { hasText: 'Aplikasi Prabumulih Smart City' })
      .getByText(/Dicabut/)
      .waitFor();
    const refused = await request(key).expect(403);
    expect(refused.body[0].description).toMatch(/api_key tidak sah atau sudah dicabut/);

    await page.setViewportSize(PHONE);
    await h.shot(page, 'open311-keys-phone');
    await h.expectAccessible(page, 'open311 keys (phone)');
  });

  it('is not offered to staff', async () => {
    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/admin/open311`);
    await h.signIn(page, 'pengaduan');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    expect(await page.getByRole('link', { name: 'Kunci API Open311' }).count()).toBe(0);
  });
});
