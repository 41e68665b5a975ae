/// <reference lib="dom" />
/**
 * The satisfaction rating in a real browser (Debian's chromium driven by playwright-core): the
 * complainant opens the tracking page through the response message's link (#penilaian), sees the
 * form only once the complaint is answered, gets each mistake next to its field, rates once and sees
 * the rating kept; staff see it on the case page and in the recap report's satisfaction figures.
 * axe-core on every screen; screenshots go to test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { SatisfactionRating } from '../../src/db/entities';
import { seededUserFor } from '../helpers/complaints';
import type { E2e } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, startConsoleHarness } from '../helpers/staff-console';

describe('satisfaction rating: tracking page form, case page and recap report', () => {
  let h: ConsoleHarness;
  let e: E2e;
  let baseUrl: string;
  let complaint: { id: string; registerNumber: string; trackingCode: string };

  beforeAll(async () => {
    h = await startConsoleHarness();
    ({ e, baseUrl } = h);
  }, 240_000);

  afterAll(async () => {
    await h?.stop();
  }, 120_000);

  const ratings = () => e.db.orm.em.fork().count(SatisfactionRating, {});
  const track = async (page: Page, hash = '') => {
    await page.goto(`${baseUrl}/lacak?kode=${complaint.trackingCode}${hash}`);
    await page.waitForSelector('#hasil:not([hidden])');
  };

  it('the complainant rates the handling once the complaint is answered, once', async () => {
    complaint = await e.register({ licensingService: 'Nomor Induk Berusaha (NIB)' });
    await e.http
      .post(`/api/complaints/${complaint.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN' })
      .expect(200);
    for (const task of (await e.detail(complaint.id)).tasks)
      await e.http
        .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
        .set(await e.as(seededUserFor(task)))
        .send({ outcome: 'Sudah dijelaskan kepada pengadu.' })
        .expect(200);

    // Not answered yet: no rating form.
    const page = await h.openPage(PHONE);
    await track(page);
    await page.waitForFunction(() => document.getElementById('hasil-status')?.textContent !== '');
    expect(await page.isHidden('#penilaian')).toBe(true);

    await e.http
      .post(`/api/complaints/${complaint.id}/response`)
      .set(await e.as('pengaduan'))
      .send({ response: 'Layanan NIB tidak dipungut biaya; petugas sudah ditegur.' })
      .expect(200);

    // The response message's link opens the page at the form, which takes the focus.
    const fromMessage = await h.openPage(PHONE);
    await track(fromMessage, '#penilaian');
    await fromMessage.waitForSelector('#penilaian:not([hidden])');
    await fromMessage.waitForFunction(() => document.activeElement?.id === 'penilaian');
    expect(await fromMessage.textContent('#penilaian legend')).toBe('Bagaimana penanganan pengaduan Anda?');
    expect(await fromMessage.locator('#penilaian input[type="radio"]').count()).toBe(4);
    await h.expectAccessible(fromMessage, 'tracking page, rating form');

    // No score chosen: said next to the choices, nothing sent.
    await fromMessage.getByRole('button', { name: 'Kirim penilaian' }).click();
    expect(await fromMessage.textContent('#nilai-galat')).toBe('Pilih salah satu nilai, 1 sampai 4.');
    expect(await fromMessage.getAttribute('#nilai-1', 'aria-invalid')).toBe('true');
    // A comment of spaces only: said next to the comment.
    await fromMessage.getByLabel('3 – Baik').check();
    await fromMessage.getByLabel('Komentar (tidak wajib)').fill('    ');
    await fromMessage.getByRole('button', { name: 'Kirim penilaian' }).click();
    expect(await fromMessage.textContent('#komentar-galat')).toMatch(/tidak boleh hanya berisi spasi/);
    expect(await fromMessage.textContent('#nilai-galat')).toBe('');
    await h.expectAccessible(fromMessage, 'tracking page, rating form with errors');
    expect(await ratings()).toBe(0);

    await fromMessage
      .getByLabel('Komentar (tidak wajib)')
      .fill('Petugas ramah, jawabannya jelas. <script>window.__pwned=1</script>');
    await fromMessage.getByRole('button', { name: 'Kirim penilaian' }).click();
    await fromMessage.waitForSelector('#penilaian-terkirim:not([hidden])');
    expect(await fromMessage.textContent('#status-penilaian')).toBe(
      'Terima kasih. Penilaian Anda sudah kami terima.',
    );
    expect(await fromMessage.textContent('#penilaian-nilai')).toBe('3 – Baik');
    expect(await fromMessage.textContent('#penilaian-komentar')).toBe(
      'Petugas ramah, jawabannya jelas. <script>window.__pwned=1</script>',
    );
    expect(await fromMessage.isHidden('#form-penilaian')).toBe(true);
    expect(
      await fromMessage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    await h.expectAccessible(fromMessage, 'tracking page, rating given');
    await h.shot(fromMessage, 'tracking-rating-given-phone');
    expect(await ratings()).toBe(1);

    // Coming back: the rating given is shown, the form is not offered again.
    await track(page);
    await page.waitForSelector('#penilaian:not([hidden])');
    expect(await page.isHidden('#form-penilaian')).toBe(true);
    expect(await page.textContent('#penilaian-nilai')).toBe('3 – Baik');
    expect(await page.textContent('#penilaian-waktu')).toMatch(/tidak dapat diubah/);
  }, 180_000);

  it('staff see the rating on the case page and the figures in the recap report', async () => {
    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf`);
    await h.signIn(page, 'pelaporan');
    await page.getByRole('link', { name: 'Laporan' }).waitFor();
    await page.goto(`${baseUrl}/staf/pengaduan/${complaint.registerNumber.replaceAll('/', '-')}`);
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Penilaian pengadu' }) });
    await card.getByText('3 dari 4 · Baik').waitFor();
    expect(await card.textContent()).toContain('Petugas ramah, jawabannya jelas.');
    await h.expectAccessible(page, 'case page with rating');

    await page.getByRole('link', { name: 'Laporan' }).click();
    await page.waitForURL(/\/staf\/laporan$/);
    await page.getByRole('heading', { name: 'Kepuasan pengadu (skala IKM 1–4)' }).waitFor();
    const perUnit = page.locator('table', { has: page.locator('caption', { hasText: 'Kepuasan per unit' }) });
    const rows = await perUnit.locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.startsWith('Petugas Loket') && r.includes('75,00'))).toBe(true);
    await h.expectAccessible(page, 'recap report with satisfaction');
    await h.shot(page, 'recap-satisfaction-desktop');
  }, 120_000);
});
