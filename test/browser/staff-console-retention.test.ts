/// <reference lib="dom" />
/**
 * The admin's "Retensi data pribadi" screen in a real browser: the dry run lists the complaint closed
 * six years ago (register number, status, dates, file count; no personal data), not the one closed
 * last year, and counts the log rows past their retention; running it asks for a confirmation, says
 * what was done, and the list is then empty.
 * Staff are not offered the screen. axe-core runs on every state; screenshots go to test-artifacts/.
 */
import { randomUUID } from 'node:crypto';
import { Complaint, SecurityEvent } from '../../src/db/entities';
import type { E2e } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, startConsoleHarness } from '../helpers/staff-console';

describe('staff console: retention of personal data', () => {
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

  /** A complaint closed at `closedAt`, with the complainant's data, as the workflow leaves it. */
  async function closedComplaint(registerNumber: string, closedAt: string): Promise<string> {
    const em = e.db.orm.em.fork();
    const id = randomUUID();
    em.create(Complaint, {
      id,
      registerNumber,
      trackingCode: registerNumber.replaceAll('/', '').slice(-10).toUpperCase(),
      workflowId: `pengaduan-${registerNumber.replaceAll('/', '-')}`,
      channel: 'WEBSITE',
      complainantName: 'Rahmat Hidayat',
      complainantEmail: 'rahmat@contoh.id',
      complainantPhone: '081299990000',
      description: 'Izin usaha tidak kunjung terbit.',
      evidence: [],
      receivedAt: new Date(new Date(closedAt).getTime() - 7 * 86_400_000),
      category: 'RINGAN',
      status: 'RESOLVED',
      response: 'Izin telah terbit.',
      closedAt: new Date(closedAt),
      overdue: false,
      createdAt: new Date(closedAt),
      updatedAt: new Date(closedAt),
    });
    await em.flush();
    return id;
  }

  it('the admin sees what a run would anonymise, runs it after confirming, and the list empties', async () => {
    await closedComplaint('2020/10/RT01', '2020-10-20T03:00:00Z');
    await closedComplaint('2025/10/RT02', '2025-10-20T03:00:00Z');
    // A failed sign-in six years ago: past the logs' five years.
    const oldEvent = randomUUID();
    const em = e.db.orm.em.fork();
    em.create(SecurityEvent, { id: oldEvent, at: new Date('2020-06-01T03:00:00Z'), type: 'LOGIN_FAILED' });
    await em.flush();

    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/admin/retensi-data`);
    await h.signIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Retensi data pribadi' }).waitFor();
    await page.getByText('Masa retensi: 5 tahun setelah pengaduan selesai.', { exact: false }).waitFor();
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('2020/10/RT01');
    expect(await page.locator('table').textContent()).not.toContain('2025/10/RT02');
    await page.getByText('1 pengaduan akan dianonimkan (0 berkas bukti dihapus)', { exact: false }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Rahmat Hidayat');
    await page
      .getByText('1 baris log yang masa simpannya berakhir akan dihapus: 1 peristiwa keamanan akun.')
      .waitFor();
    await h.expectAccessible(page, 'retention preview');
    await h.shot(page, 'retention-desktop');

    // Cancelling changes nothing; confirming runs it.
    await page.getByRole('button', { name: 'Jalankan retensi sekarang' }).click();
    await page.getByRole('button', { name: 'Batal' }).click();
    expect(
      (await e.db.orm.em.fork().findOneOrFail(Complaint, { registerNumber: '2020/10/RT01' })).anonymisedAt,
    ).toBeNull();
    await page.getByRole('button', { name: 'Jalankan retensi sekarang' }).click();
    await h.expectAccessible(page, 'retention confirmation');
    await page.getByRole('button', { name: 'Ya, anonimkan 1 pengaduan dan hapus 1 baris log' }).click();
    await page
      .getByText(
        'Data pribadi 1 pengaduan dianonimkan dan 0 berkas bukti dihapus: 2020/10/RT01. 1 baris log dihapus (1 peristiwa keamanan akun).',
      )
      .waitFor();
    await page.getByText('Tidak ada pengaduan yang masa retensinya sudah berakhir.').waitFor();
    await page.getByText('Tidak ada log yang masa simpannya sudah berakhir.').waitFor();
    expect(await e.db.orm.em.fork().count(SecurityEvent, { id: oldEvent })).toBe(0);
    const stored = await e.db.orm.em.fork().findOneOrFail(Complaint, { registerNumber: '2020/10/RT01' });
    expect(stored).toMatchObject({
      complainantName: 'Dianonimkan',
      complainantEmail: null,
      complainantPhone: null,
    });
    expect(
      (await e.db.orm.em.fork().findOneOrFail(Complaint, { registerNumber: '2025/10/RT02' })).complainantName,
    ).toBe('Rahmat Hidayat');

    await page.setViewportSize(PHONE);
    await h.shot(page, 'retention-phone');
    await h.expectAccessible(page, 'retention after a run (phone)');
  });

  it('is not offered to staff', async () => {
    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/admin/retensi-data`);
    await h.signIn(page, 'pengaduan');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    expect(await page.getByRole('link', { name: 'Retensi data pribadi' }).count()).toBe(0);
  });
});
