/// <reference lib="dom" />
/**
 * Objection (keberatan) in the staff console: the front desk records a complainant's objection on
 * the case page of an answered case; the case is open again (badge, status, the objection and the
 * answer it set aside), and Seksi Pengaduan can triage it again.
 */
import { AuditEvent } from '../../src/db/entities';
import { type E2e, eventually } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, startConsoleHarness } from '../helpers/staff-console';

describe('staff console: objection', () => {
  let h: ConsoleHarness;
  let e: E2e;

  beforeAll(async () => {
    h = await startConsoleHarness();
    ({ e } = h);
  }, 240_000);

  afterAll(async () => {
    await h?.stop();
  }, 120_000);

  it('the front desk records an objection; the case reopens for triage', async () => {
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

    const page = await h.openPage(DESKTOP);
    await page.goto(`${h.baseUrl}/staf`);
    await h.signIn(page, 'loket');
    await page.waitForURL(/\/staf\/kotak-masuk$/);
    await page.goto(`${h.baseUrl}/staf/pengaduan/${created.registerNumber.replaceAll('/', '-')}`);
    await page.getByRole('heading', { level: 2, name: 'Catat keberatan pengadu' }).waitFor();
    await h.expectAccessible(page, 'case page, objection form');

    // Blank: refused next to the field, nothing sent.
    await page.getByRole('button', { name: 'Catat keberatan' }).click();
    expect(await page.locator('#keberatan-alasan-galat').textContent()).toBe('Alasan keberatan wajib diisi.');

    await page
      .getByLabel('Alasan keberatan')
      .fill('Pengadu menjelaskan di loket: ini tentang izin usahanya.');
    await page.getByRole('button', { name: 'Catat keberatan' }).click();
    await page.getByText('Keberatan dicatat; pengaduan dibuka kembali dan menunggu triase.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Keberatan pengadu' }).waitFor();
    expect(await page.locator('.status-line').textContent()).toContain('Keberatan');
    expect(await page.getByRole('heading', { level: 2, name: 'Catat keberatan pengadu' }).count()).toBe(0);
    const facts = await page.locator('section[aria-labelledby="keberatan"]').textContent();
    expect(facts).toContain('dicatat oleh loket');
    expect(facts).toContain('Pengadu menjelaskan di loket: ini tentang izin usahanya.');
    expect(facts).toContain('Penolakan sebelumnya');
    expect(facts).toContain('Bukan pengaduan layanan perizinan.');
    // The acknowledgement to the complainant and the notice to Seksi Pengaduan, named as such.
    const deliveries = await page.locator('section[aria-labelledby="pemberitahuan"]').textContent();
    expect(deliveries).toContain('Keberatan untuk Pengadu');
    await h.expectAccessible(page, 'case page, objection filed');
    await h.shot(page, 'keberatan');

    // Seksi Pengaduan sees it waiting for triage again, with the objection in the timeline.
    await eventually(
      async () =>
        (await e.db.orm.em.fork().count(AuditEvent, { complaintId: created.id, type: 'OBJECTED' })) === 1,
    );
    const seksi = await h.openPage(DESKTOP);
    await seksi.goto(`${h.baseUrl}/staf`);
    await h.signIn(seksi, 'pengaduan');
    await seksi.waitForURL(/\/staf\/kotak-masuk$/);
    // In the triage queue again, marked as an objection.
    await seksi.goto(`${h.baseUrl}/staf/triase`);
    const queued = seksi.locator('.triage-item', { hasText: created.registerNumber });
    await queued.waitFor();
    expect(await queued.locator('.badge').allTextContents()).toContain('Keberatan');
    await seksi.goto(`${h.baseUrl}/staf/pengaduan/${created.registerNumber.replaceAll('/', '-')}`);
    await seksi.getByRole('heading', { level: 2, name: 'Keberatan pengadu' }).waitFor();
    await seksi
      .getByText('Keberatan diajukan; pengaduan diperiksa kembali dengan batas waktu baru')
      .waitFor();
    expect(await seksi.getByRole('heading', { name: /Triase/ }).count()).toBeGreaterThan(0);
  });
});
