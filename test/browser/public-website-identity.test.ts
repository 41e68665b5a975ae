/// <reference lib="dom" />
/**
 * The public form's identity modes in a real browser (issue 19, part 1): a citizen chooses ANONIM,
 * reads what it means for follow-up, sends no identity and follows the complaint by its code alone;
 * RAHASIA makes the NIK optional, e.g. for a report of extortion (pungli).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { Complaint } from '../../src/db/entities';
import { expectAccessible } from '../helpers/axe';
import { assertChromiumInstalled, type LaunchedChromium, launchChromium } from '../helpers/chromium';
import { type E2e, startE2e } from '../helpers/e2e';
import { REPO_ROOT } from '../helpers/paths';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const PUNGLI = 'Petugas meminta uang Rp500.000 di luar tarif resmi agar izin reklame saya cepat terbit.';

describe('public website: anonymous and confidential complaints', () => {
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

  async function openPage(axe = false): Promise<Page> {
    const context = await chromium.browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'id-ID',
      bypassCSP: axe,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${baseUrl}/`);
    return page;
  }

  async function fillComplaint(page: Page, description: string) {
    await page.selectOption('#layanan', 'Izin Reklame');
    await page.fill('#uraian', description);
    await page.fill('#keterangan-bukti', 'Rekaman percakapan dengan petugas');
    // Anonymous or not, the privacy notice is acknowledged (text and evidence may hold personal data).
    await page.check('#persetujuan-privasi');
  }

  it('ANONIM: the form explains the consequences, asks for no identity, and the code is the only key', async () => {
    const page = await openPage(true);
    // An identity typed before choosing anonymity is not sent.
    await page.fill('#nama', 'Siti Aminah');
    await page.fill('#email', 'siti@example.com');
    expect(await page.isVisible('#catatan-anonim')).toBe(false);
    await page.check('#identity-anonim');
    expect(await page.isVisible('#catatan-anonim')).toBe(true);
    const note = (await page.textContent('#catatan-anonim'))!;
    expect(note).toContain('tidak dapat mengirim pemberitahuan atau tanggapan');
    expect(note).toContain('tidak dapat menghubungi Anda untuk meminta keterangan');
    expect(note).toContain('Simpan kode pelacakan');
    expect(await page.isVisible('#nama')).toBe(false);
    expect(await page.isVisible('#pemberitahuan')).toBe(false);
    await expectAccessible(page, 'complaint form, anonymous');
    await page.screenshot({ path: path.join(ARTIFACTS, 'website-form-anonymous-phone.png'), fullPage: true });

    await fillComplaint(page, PUNGLI);
    await page.click('#kirim');
    await page.waitForSelector('#tanda-terima:not([hidden])');
    const trackingCode = (await page.textContent('#kode-pelacakan'))!.trim();
    expect(await page.textContent('#cara-diberi-tahu')).toContain('Pengaduan Anda anonim');

    const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { trackingCode });
    expect(complaint).toMatchObject({
      channel: 'WEBSITE',
      identityMode: 'ANONIM',
      complainantName: 'Anonim',
      complainantNik: null,
      complainantEmail: null,
      complainantPhone: null,
      notifyBy: 'NONE',
      description: PUNGLI,
    });

    // The tracking page follows it by the code.
    await page.click('#tautan-lacak');
    await page.waitForSelector('#hasil:not([hidden])');
    expect(await page.textContent('#hasil-status')).toBeTruthy();
  }, 180_000);

  it('RAHASIA: the NIK may be left empty, and the identity is stored for Seksi Pengaduan', async () => {
    const page = await openPage();
    await page.check('#identity-rahasia');
    expect(await page.isVisible('#nik-wajib')).toBe(false);
    expect(await page.textContent('#nik-bantuan')).toContain('Boleh dikosongkan');
    await page.fill('#nama', 'Rahmat Hidayat');
    await page.fill('#telepon', '081377788899');
    await fillComplaint(page, `${PUNGLI} (rahasia)`);
    await page.click('#kirim');
    await page.waitForSelector('#tanda-terima:not([hidden])');
    const trackingCode = (await page.textContent('#kode-pelacakan'))!.trim();
    const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { trackingCode });
    expect(complaint).toMatchObject({
      identityMode: 'RAHASIA',
      complainantName: 'Rahmat Hidayat',
      complainantNik: null,
      complainantPhone: '081377788899',
    });
  }, 180_000);

  it('BIASA stays the default and still asks for the NIK', async () => {
    const page = await openPage();
    expect(await page.isChecked('#identity-biasa')).toBe(true);
    await page.click('#kirim');
    await page.waitForSelector('#ringkasan-galat:not([hidden])');
    expect(await page.textContent('#nik-galat')).toBe('NIK wajib 16 digit angka sesuai KTP.');
  }, 180_000);
});
