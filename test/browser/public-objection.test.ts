/// <reference lib="dom" />
/**
 * Objection (keberatan) on the public tracking page, in a real browser: after the answer the page
 * offers the form with its deadline; a blank reason is refused on the page; a reason reopens the
 * case (the page says so, shows the answer it set aside, and offers the form no more). Past the
 * 14 days there is no form. Screenshots go to test-artifacts/.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { AuditEvent, Complaint } from '../../src/db/entities';
import { expectAccessible } from '../helpers/axe';
import { assertChromiumInstalled, type LaunchedChromium, launchChromium } from '../helpers/chromium';
import { type E2e, eventually, startE2e } from '../helpers/e2e';
import { REPO_ROOT } from '../helpers/paths';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const PHONE = { width: 390, height: 844 };

describe('public website: objection on the tracking page', () => {
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

  async function openPage(options: { axe?: boolean } = {}): Promise<Page> {
    const context = await chromium.browser.newContext({
      viewport: PHONE,
      locale: 'id-ID',
      bypassCSP: options.axe ?? false,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  /** A complaint registered by the front desk and rejected at triage (a rejection is an answer). */
  async function rejected(): Promise<{ id: string; trackingCode: string }> {
    const created = await e.register({ channel: 'WEBSITE' });
    await eventually(
      async () =>
        (await e.db.orm.em.fork().count(AuditEvent, { complaintId: created.id, type: 'REGISTERED' })) === 1,
    );
    await e.http
      .post(`/api/complaints/${created.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ reject: { reason: 'Bukan pengaduan layanan perizinan.' } })
      .expect(200);
    return created;
  }

  it('a citizen objects to the answer from the tracking page; the case reopens and the form is gone', async () => {
    const { id, trackingCode } = await rejected();
    const page = await openPage({ axe: true });
    await page.goto(`${baseUrl}/lacak?kode=${trackingCode}`);
    await page.waitForSelector('#hasil:not([hidden])');
    expect(await page.textContent('#hasil-status')).toBe('Ditolak');
    await page.waitForSelector('#form-keberatan:not([hidden])');
    expect(await page.textContent('#keberatan-bantuan')).toMatch(
      /satu kali, paling lambat \w+, \d+ \w+ \d{4}/,
    );
    await expectAccessible(page, 'tracking page, objection form');

    // A reason of spaces only is refused on the page, and nothing is filed.
    await page.fill('#alasan-keberatan', '   ');
    await page.click('#kirim-keberatan');
    expect(await page.textContent('#alasan-keberatan-galat')).toBe('Tuliskan alasan keberatan Anda.');
    expect(await page.getAttribute('#alasan-keberatan', 'aria-invalid')).toBe('true');
    expect((await e.db.orm.em.fork().findOneOrFail(Complaint, { id })).objectedAt).toBeNull();

    await page.fill(
      '#alasan-keberatan',
      'Ini tentang izin usaha saya yang tertahan, jadi wewenang DPM-PTSP.',
    );
    await page.click('#kirim-keberatan');
    await page.waitForSelector('#status-keberatan:has-text("Keberatan Anda telah diterima")');
    expect(await page.textContent('#hasil-status')).toBe(
      'Keberatan diterima, pengaduan sedang diperiksa kembali',
    );
    expect(await page.isHidden('#form-keberatan')).toBe(true);
    expect(await page.isHidden('#hasil-penolakan')).toBe(true);
    expect(await page.textContent('#hasil-keberatan-keterangan')).toMatch(
      /keberatan atas penolakan pengaduan ini/,
    );
    expect(await page.textContent('#hasil-keberatan-sebelumnya')).toBe('Bukan pengaduan layanan perizinan.');
    expect(await page.getAttribute('#alasan-keberatan', 'aria-invalid')).toBeNull();
    await expectAccessible(page, 'tracking page, objection filed');

    // Once the new round is registered the page shows the new deadline and the stage.
    await eventually(
      async () => (await e.db.orm.em.fork().count(AuditEvent, { complaintId: id, type: 'OBJECTED' })) === 1,
    );
    await page.reload();
    await page.waitForSelector('#hasil:not([hidden])');
    expect(await page.textContent('#hasil-keterangan')).toMatch(/tanggapan baru diberikan paling lambat/);
    expect(await page.textContent('#hasil-tahapan')).toContain('Keberatan diajukan');
    expect(await page.isHidden('#form-keberatan')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'lacak-keberatan.png'), fullPage: true });
  });

  it('the server refusal is shown next to the field (the window closed meanwhile); past 14 days there is no form', async () => {
    const { id, trackingCode } = await rejected();
    const page = await openPage();
    await page.goto(`${baseUrl}/lacak?kode=${trackingCode}`);
    await page.waitForSelector('#form-keberatan:not([hidden])');
    // The answer was given 16 days ago as far as the server is concerned now.
    await e.db.orm.em
      .fork()
      .nativeUpdate(Complaint, { id }, { closedAt: new Date(Date.now() - 16 * 86_400_000) });
    await page.fill('#alasan-keberatan', 'Saya tidak setuju.');
    await page.click('#kirim-keberatan');
    await page.waitForSelector('#alasan-keberatan-galat:has-text("Batas waktu keberatan sudah lewat")');
    expect(await page.getAttribute('#alasan-keberatan', 'aria-invalid')).toBe('true');

    await page.reload();
    await page.waitForSelector('#hasil:not([hidden])');
    expect(await page.isHidden('#form-keberatan')).toBe(true);
  });
});
