/// <reference lib="dom" />
/**
 * Anonymous and confidential complaints in the staff console (issue 19, part 1): the front desk
 * registers an anonymous e-mail complaint (the identity mode is offered for e-mail and website only,
 * and ANONIM asks for no complainant); a confidential complaint's page shows the Rahasia badge, the
 * identity to Seksi Pengaduan and "Dirahasiakan" to another unit.
 */
import type { Page } from 'playwright-core';
import type { E2e } from '../helpers/e2e';
import { staffComplaint } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, startConsoleHarness } from '../helpers/staff-console';

describe('staff console: anonymous and confidential complaints', () => {
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

  const signIn = (page: Page, username: string) => h.signIn(page, username);

  it('the front desk registers an anonymous e-mail complaint without any identity', async () => {
    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf`);
    await signIn(page, 'loket');
    await page.getByRole('link', { name: 'Daftarkan pengaduan' }).click();
    await page.waitForURL(/\/staf\/daftar$/);
    // A letter keeps the SOP's identity rules: no choice is offered.
    await page.getByLabel('Media pengaduan').selectOption('SURAT');
    expect(await page.getByRole('radio', { name: 'Anonim' }).count()).toBe(0);
    await page.getByLabel('Media pengaduan').selectOption('EMAIL');
    await page.getByRole('radio', { name: 'Anonim' }).check();
    expect(await page.getByLabel('Nama pengadu').count()).toBe(0);
    expect(await page.locator('#daftar-identityMode-ANONIM').textContent()).toContain(
      'tidak dapat mengirim pemberitahuan atau tanggapan',
    );
    await h.expectAccessible(page, 'register form, anonymous');
    await h.shot(page, 'register-anonymous-desktop');
    await page
      .getByLabel('Uraian pengaduan')
      .fill('Ada pungutan liar di loket perizinan reklame, Rp300.000.');
    await page
      .getByLabel('Bukti awal (satu per baris: uraian atau nama berkas)')
      .fill('Foto kuitansi tanpa kop');
    await page.locator('#daftar-privacy').check();
    await page.getByRole('button', { name: 'Daftarkan pengaduan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengaduan tercatat' }).waitFor();
    const receipt = (await page.locator('.receipt').textContent())!;
    expect(receipt).toContain('Anonim');
    expect(receipt).toContain('Pengaduan anonim: pengadu tidak diberi tahu');

    await page.getByRole('link', { name: 'Buka halaman pengaduan' }).click();
    await page.locator('.status-line .badge', { hasText: 'Anonim' }).waitFor();
  }, 180_000);

  it('a confidential complaint: the identity for Seksi Pengaduan, "Dirahasiakan" for another unit', async () => {
    const created = (
      await e.http
        .post('/api/complaints')
        .set(await e.as('loket'))
        .send(
          staffComplaint({
            identityMode: 'RAHASIA',
            complainant: { name: 'Pelapor Rahasia', email: 'pelapor@example.com' },
          }),
        )
        .expect(201)
    ).body;
    const slug = created.registerNumber.replace(/\//g, '-');

    const seksi = await h.openPage(DESKTOP);
    await seksi.goto(`${baseUrl}/staf`);
    await signIn(seksi, 'pengaduan');
    await seksi.goto(`${baseUrl}/staf/pengaduan/${slug}`);
    await seksi.locator('.status-line .badge', { hasText: 'Rahasia' }).waitFor();
    expect(await seksi.locator('section[aria-labelledby="pengadu"]').textContent()).toContain(
      'Pelapor Rahasia',
    );

    const other = await h.openPage(DESKTOP);
    await other.goto(`${baseUrl}/staf`);
    await signIn(other, 'kebijakan');
    await other.goto(`${baseUrl}/staf/pengaduan/${slug}`);
    await other.locator('.status-line .badge', { hasText: 'Rahasia' }).waitFor();
    const section = (await other.locator('section[aria-labelledby="pengadu"]').textContent())!;
    expect(section).toContain('Dirahasiakan');
    expect(section).not.toContain('Pelapor Rahasia');
    expect(section).not.toContain('pelapor@example.com');
    await h.expectAccessible(other, 'case page, confidential');
    await h.shot(other, 'case-confidential-desktop');
  }, 180_000);
});
