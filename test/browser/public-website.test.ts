/// <reference lib="dom" />
/**
 * The public website channel in a real browser (Debian's chromium driven by playwright-core): a
 * citizen fills in the form, uploads evidence, gets a tracking code and follows the case on the
 * tracking page while staff handle it through the API. Invalid or hostile input shows the right
 * messages, runs no script and creates nothing. Screenshots (phone and desktop) go to test-artifacts/.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Attachment, Complaint } from '../../src/db/entities';
import { assertChromiumInstalled, type LaunchedChromium, launchChromium } from '../helpers/chromium';
import { type E2e, eventually, startE2e } from '../helpers/e2e';
import { REPO_ROOT } from '../helpers/paths';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** A 1x1 PNG: real image bytes, as the server checks content, not the name. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('public website: complaint form and tracking page', () => {
  let e: E2e;
  let chromium: LaunchedChromium;
  let baseUrl: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertChromiumInstalled();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    [e, chromium] = await Promise.all([
      startE2e('sqlite', { configOverrides: { publicRateLimit: 1000 } }),
      launchChromium(),
    ]);
    await e.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(e.app.getHttpServer().address() as AddressInfo).port}`;
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await chromium?.close();
    await e?.stop();
  }, 120_000);

  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await chromium.browser.newContext({ viewport, locale: 'id-ID' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
  const complaintCount = () => e.db.orm.em.fork().count(Complaint, {});

  /** Fills every field as a citizen would, kecamatan first so the kelurahan list fills. */
  async function fillForm(page: Page, overrides: { name?: string; description?: string } = {}) {
    await page.fill('#nama', overrides.name ?? 'Siti Aminah');
    await page.fill('#nik', '1674014501900002');
    await page.fill('#alamat', 'Jl. Jend. Sudirman No. 12, Prabumulih');
    await page.fill('#telepon', '0812 3456 7890');
    await page.fill('#email', 'siti@example.com');
    await page.selectOption('#layanan', 'Persetujuan Bangunan Gedung (PBG)');
    await page.fill(
      '#uraian',
      overrides.description ??
        'Permohonan PBG saya belum diproses sejak 3 minggu tanpa penjelasan dari petugas.',
    );
    await page.waitForSelector('#kecamatan option[value="16.74.01"]', { state: 'attached' });
    await page.selectOption('#kecamatan', '16.74.01');
    await page.selectOption('#kelurahan', '16.74.01.1007');
    await page.setInputFiles('#berkas', { name: 'tanda-terima.png', mimeType: 'image/png', buffer: PNG });
    await page.fill('#keterangan-bukti', 'Tanda terima berkas PBG');
  }

  async function submitAndReadReceipt(page: Page): Promise<string> {
    await page.click('#kirim');
    await page.waitForSelector('#tanda-terima:not([hidden])');
    return (await page.textContent('#kode-pelacakan'))!.trim();
  }

  async function staff(method: 'post' | 'get', url: string, user: string, body?: object) {
    const req = e.http[method](url).set(await e.as(user));
    const res = await (body ? req.send(body) : req);
    expect(res.status).toBeLessThan(300);
    return res.body;
  }

  it('a citizen submits with evidence, gets a tracking code, and follows the case to its response', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${baseUrl}/`);
    expect(await page.title()).toContain('Pengaduan');
    await fillForm(page);
    await shot(page, 'website-form-phone');

    const trackingCode = await submitAndReadReceipt(page);
    expect(trackingCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(await page.textContent('#batas-waktu')).toMatch(/\d{4}.* WIB$/);
    expect(await page.textContent('#nomor-register')).toMatch(/^\d{4}\/\d{2}\/\d{4}$/);
    await page.waitForSelector('#status-unggah:has-text("1 berkas bukti terunggah.")');
    await shot(page, 'website-receipt-phone');

    // The record, as staff see it: the website channel, the service, the location and the file.
    const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { trackingCode });
    expect(complaint).toMatchObject({
      channel: 'WEBSITE',
      complainantName: 'Siti Aminah',
      complainantNik: '1674014501900002',
      licensingService: 'Persetujuan Bangunan Gedung (PBG)',
      kecamatan: '16.74.01',
      kelurahan: '16.74.01.1007',
    });
    const files = await e.db.orm.em.fork().find(Attachment, { complaintId: complaint.id });
    expect(files.map((f) => [f.fileName, f.mimeType, f.size])).toEqual([
      ['tanda-terima.png', 'image/png', PNG.length],
    ]);

    // Staff triage it through the API; the tracking page shows the new stage.
    await staff('post', `/api/complaints/${complaint.id}/triage`, 'pengaduan', { category: 'RINGAN' });
    await page.click('#tautan-lacak');
    await page.waitForSelector('#hasil:not([hidden])');
    expect(await page.textContent('#hasil-status')).toBe('Sedang ditindaklanjuti unit terkait');
    expect(await page.textContent('#hasil-tahapan')).toContain(
      'Pengaduan diperiksa dan diteruskan kepada unit yang menangani',
    );
    // Nothing personal on the tracking page.
    const trackingText = (await page.textContent('main'))!;
    for (const personal of ['Siti Aminah', '1674014501900002', 'siti@example.com', '0812 3456 7890'])
      expect(trackingText).not.toContain(personal);
    await shot(page, 'website-tracking-phone');

    // Both units finish and the response is given: the citizen reads it.
    for (const user of ['loket', 'pengaduan']) {
      const inbox = await staff('get', '/api/tasks?status=OPEN', user);
      const task = inbox.items.find((t: { complaintId: string }) => t.complaintId === complaint.id);
      await staff('post', `/api/tasks/${encodeURIComponent(task.id)}/complete`, user, {
        outcome: 'Diperiksa.',
      });
    }
    await eventually(async () => (await e.detail(complaint.id)).status === 'AWAITING_RESPONSE');
    await staff('post', `/api/complaints/${complaint.id}/response`, 'pengaduan', {
      response: 'Permohonan PBG Anda sudah diverifikasi; izin terbit dalam 5 hari kerja.',
    });
    await page.reload();
    await page.waitForSelector('#hasil-tanggapan:not([hidden])');
    expect(await page.textContent('#hasil-status')).toBe('Selesai ditanggapi');
    expect(await page.textContent('#hasil-tanggapan-isi')).toBe(
      'Permohonan PBG Anda sudah diverifikasi; izin terbit dalam 5 hari kerja.',
    );
    await shot(page, 'website-tracking-resolved-phone');
  }, 180_000);

  it('invalid input shows the right messages in Bahasa Indonesia and creates nothing', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${baseUrl}/`);
    const before = await complaintCount();

    // Checked in the browser: every missing field is named, next to it and in the summary.
    await page.click('#kirim');
    await page.waitForSelector('#ringkasan-galat:not([hidden])');
    const summary = await page.locator('#daftar-galat li').allTextContents();
    expect(summary).toEqual([
      'Nama lengkap wajib diisi.',
      'NIK wajib 16 digit angka sesuai KTP.',
      'Isi nomor telepon atau email agar kami dapat menghubungi Anda.',
      'Pilih layanan perizinan yang diadukan.',
      'Uraian pengaduan wajib diisi.',
      'Lampirkan berkas bukti atau tuliskan keterangan bukti.',
    ]);
    expect(await page.getAttribute('#nik', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#nik-galat')).toBe('NIK wajib 16 digit angka sesuai KTP.');
    await shot(page, 'website-form-errors-desktop');

    await fillForm(page);
    await page.fill('#nik', '16740145');
    await page.fill('#email', 'bukan-email');
    await page.setInputFiles('#berkas', {
      name: 'skrip.exe',
      mimeType: 'application/octet-stream',
      buffer: PNG,
    });
    await page.click('#kirim');
    expect(await page.locator('#daftar-galat li').allTextContents()).toEqual([
      'NIK wajib 16 digit angka sesuai KTP.',
      'Alamat email tidak valid.',
      'Berkas skrip.exe bukan JPG, PNG atau PDF.',
    ]);

    // Checked by the server: a kelurahan the city does not have (a tampered page) is refused with
    // the server's message, shown in the summary.
    await fillForm(page);
    await page.evaluate(() => {
      const select = document.getElementById('kelurahan') as HTMLSelectElement;
      select.append(new Option('Palsu', '16.74.01.9999'));
      select.value = '16.74.01.9999';
    });
    await page.click('#kirim');
    await page.waitForSelector(
      '#daftar-galat li:has-text("Kelurahan/desa tidak dikenal di Kota Prabumulih.")',
    );
    expect(await page.isHidden('#tanda-terima')).toBe(true);

    expect(await complaintCount()).toBe(before);
  }, 120_000);

  it('script in any field is shown as text and never runs', async () => {
    const page = await openPage(DESKTOP);
    await page.goto(`${baseUrl}/`);
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await fillForm(page, { name: `Budi ${hostile}`, description: `Uraian ${hostile}` });
    await page.evaluate((h) => {
      // A tampered service list too: its value is stored and shown back.
      const select = document.getElementById('layanan') as HTMLSelectElement;
      select.append(new Option(h, h));
      select.value = h;
    }, hostile);
    await shot(page, 'website-form-desktop');
    const trackingCode = await submitAndReadReceipt(page);
    expect(await page.textContent('#uraian-terima')).toBe(`Uraian ${hostile}`);
    expect(await page.textContent('#layanan-terima')).toBe(hostile);
    expect(await page.locator('#tanda-terima img, #tanda-terima script').count()).toBe(0);
    await shot(page, 'website-receipt-desktop');

    await page.goto(`${baseUrl}/lacak?kode=${trackingCode}`);
    await page.waitForSelector('#hasil:not([hidden])');
    expect(await page.textContent('#hasil-layanan')).toBe(hostile);
    expect(await page.locator('#hasil img, #hasil script').count()).toBe(0);
    await shot(page, 'website-tracking-desktop');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The pages forbid inline script outright, whatever a field contains.
    const res = await fetch(`${baseUrl}/lacak`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  }, 120_000);

  it('an unknown tracking code gets a clear message', async () => {
    const page = await openPage(PHONE);
    await page.goto(`${baseUrl}/lacak?kode=ZZZZZZZZZZ`);
    await page.waitForSelector('#kode-galat:not(:empty)');
    expect(await page.textContent('#kode-galat')).toMatch(/tidak ditemukan/i);
    expect(await page.isHidden('#hasil')).toBe(true);
  }, 60_000);
});
