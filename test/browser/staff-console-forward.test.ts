/// <reference lib="dom" />
/**
 * Forwarding ("bukan wewenang") in a real browser: Seksi Pengaduan opens a complaint awaiting triage,
 * chooses "Teruskan ke instansi lain", is told what is missing, picks the agency, gives the reason
 * and the outgoing letter number; the case page then shows where it went, and the citizen's tracking
 * page says "Diteruskan ke <instansi>" with the date, the letter and the reason. axe-core runs on the
 * form and the result (no serious or critical violation); screenshots go to test-artifacts/.
 */
import type { Page } from 'playwright-core';
import type { E2e } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, startConsoleHarness } from '../helpers/staff-console';

const DPUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih';
const REASON = 'Jalan rusak di depan pasar adalah urusan pekerjaan umum, bukan perizinan.';

describe('staff console: forwarding a complaint to another agency', () => {
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

  const shot = (page: Page, name: string) => h.shot(page, name);

  it('Seksi Pengaduan forwards a case awaiting triage; the case page and the tracking page say where it went', async () => {
    const created = await e.register({ channel: 'EMAIL' });
    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/pengaduan/${created.registerNumber.replaceAll('/', '-')}`);
    await h.signIn(page, 'pengaduan');
    await page.getByRole('heading', { level: 1, name: `Pengaduan ${created.registerNumber}` }).waitFor();

    await page.getByRole('button', { name: 'Teruskan ke instansi lain' }).click();
    await page.getByRole('button', { name: 'Teruskan dan tutup pengaduan' }).click();
    await page.getByText('Pilih instansi tujuan.').waitFor();
    await page.getByText('Alasan penerusan wajib diisi.').waitFor();
    await page.getByText('Nomor surat keluar wajib diisi.').waitFor();
    expect(await page.getByLabel('Nomor surat keluar').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Instansi tujuan').selectOption('DPUPR');
    await page.getByLabel('Alasan penerusan (disampaikan kepada pengadu)').fill(REASON);
    await page.getByLabel('Nomor surat keluar').fill('surat biasa');
    await page.getByRole('button', { name: 'Teruskan dan tutup pengaduan' }).click();
    await page.getByText(/Nomor surat keluar tidak valid/).waitFor();
    await h.expectAccessible(page, 'forward form');
    await shot(page, 'forward-form-desktop');

    await page.getByLabel('Nomor surat keluar').fill('500.16/123/DPMPTSP/2026');
    await page.getByRole('button', { name: 'Teruskan dan tutup pengaduan' }).click();
    await page.getByText(`Pengaduan diteruskan ke ${DPUPR} dan ditutup; pengadu diberi tahu.`).waitFor();
    await page.getByRole('heading', { name: 'Diteruskan ke instansi lain' }).waitFor();
    expect(await page.locator('.status-line .badge').first().textContent()).toBe(
      'Diteruskan ke instansi lain',
    );
    // Neither triage nor forwarding is offered any more.
    expect(await page.getByRole('heading', { name: 'Triase' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Teruskan ke instansi lain' }).count()).toBe(0);
    const caseText = (await page.textContent('main'))!;
    expect(caseText).toContain(DPUPR);
    expect(caseText).toContain('500.16/123/DPMPTSP/2026');
    expect(caseText).toContain(`Pengaduan diteruskan ke ${DPUPR} (surat 500.16/123/DPMPTSP/2026)`);
    await h.expectAccessible(page, 'forwarded case');
    expect((await e.detail(created.id)).status).toBe('FORWARDED');

    // The citizen's tracking page.
    const citizen = await h.openPage(PHONE);
    await citizen.goto(`${baseUrl}/lacak?kode=${created.trackingCode}`);
    await citizen.waitForSelector('#hasil-diteruskan:not([hidden])');
    expect(await citizen.textContent('#hasil-status')).toBe('Diteruskan ke instansi yang berwenang');
    expect(await citizen.textContent('#hasil-diteruskan-judul')).toBe(`Diteruskan ke ${DPUPR}`);
    expect(await citizen.textContent('#hasil-diteruskan-alasan')).toBe(REASON);
    expect(await citizen.textContent('#hasil-diteruskan-surat')).toBe('500.16/123/DPMPTSP/2026');
    expect(await citizen.textContent('#hasil-diteruskan-tanggal')).toMatch(/\d{4} pukul \d{2}\.\d{2} WIB/);
    expect(await citizen.textContent('#hasil-tahapan')).toContain(`Pengaduan diteruskan ke ${DPUPR}`);
    await shot(citizen, 'tracking-forwarded-phone');
  }, 180_000);
});
