/// <reference lib="dom" />
/**
 * The staff console's notifications in a real browser (Debian's chromium driven by playwright-core):
 * after Seksi Pengaduan triages complaints so that Seksi Kebijakan gets tasks, its staff member sees
 * the unread count in the header, opens Notifikasi, follows a notification to the case, marks it
 * read (the count drops), then marks all read. Seksi Pengaduan sees each notification's delivery
 * state on the case page (waiting, sent, failed with the reason) and sends a failed one again.
 * axe-core runs on every screen; screenshots (phone and desktop) go to test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { Notification } from '../../src/db/entities';
import { type E2e, eventually } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, startConsoleHarness } from '../helpers/staff-console';

const USER = 'kebijakan';
const FAILURE = 'Tidak ada pengguna aktif dengan alamat email untuk unit Tim Teknis Perizinan.';

describe('staff console: notifications and their delivery state', () => {
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

  const unreadCount = async (username: string): Promise<number> =>
    (
      await e.http
        .get('/api/notifications')
        .set(await e.as(username))
        .expect(200)
    ).body.unreadCount;
  const bell = (page: Page) => page.getByRole('link', { name: /^Notifikasi,/ });
  /** The header link's accessible name, e.g. "Notifikasi, 2 belum dibaca". */
  const bellSays = (page: Page, label: string) =>
    page.getByRole('link', { name: label, exact: true }).waitFor();

  /** A complaint triaged as SEDANG: Seksi Kebijakan and Tim Teknis (among others) get a task. */
  const triagedComplaint = async () => {
    const c = await e.register();
    await e.http
      .post(`/api/complaints/${c.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'SEDANG' })
      .expect(200);
    return c;
  };

  it("a unit's staff member reads the task notifications; Seksi Pengaduan sees their delivery", async () => {
    const first = await triagedComplaint();
    const second = await triagedComplaint();
    // The outbox rows are written by the workflow's activities (no dispatcher runs here).
    await eventually(async () => (await unreadCount(USER)) === 2);

    // --- Seksi Kebijakan: the count in the header, the list, the case, marking read.
    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf`);
    await h.signIn(page, USER);
    await page.waitForURL(/\/staf\/kotak-masuk$/);
    await bellSays(page, 'Notifikasi, 2 belum dibaca');
    expect(await bell(page).locator('.bell-count').textContent()).toBe('2');
    await bell(page).click();
    await page.waitForURL(/\/staf\/notifikasi$/);
    await page.getByRole('heading', { level: 1, name: 'Notifikasi' }).waitFor();
    const item = page.locator('li.notification', {
      hasText: `Tugas baru: pengaduan ${first.registerNumber}`,
    });
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('unread');
    expect(await item.textContent()).toMatch(/\d{1,2} \w+ \d{4} (pukul )?\d{2}\.\d{2} WIB/);
    expect(await page.locator('li.notification.unread').count()).toBe(2);
    await page.getByText('2 belum dibaca.').waitFor();
    // Newest first: the second complaint's notification above the first's.
    const subjects = await page.locator('li.notification .notification-subject').allTextContents();
    expect(subjects.slice(0, 2)).toEqual([
      `Tugas baru: pengaduan ${second.registerNumber}`,
      `Tugas baru: pengaduan ${first.registerNumber}`,
    ]);
    await h.expectAccessible(page, 'notifications');
    await h.shot(page, 'notifications-desktop');

    // Follow the notification to the case page, and come back.
    await item.getByRole('link', { name: `Buka pengaduan ${first.registerNumber}` }).click();
    await page.waitForURL(new RegExp(`/staf/pengaduan/${first.id}$`));
    await page.getByRole('heading', { level: 1, name: `Pengaduan ${first.registerNumber}` }).waitFor();
    await page.getByText('Selesaikan tugas: Seksi Kebijakan').waitFor();
    // Delivery state is for the intake and managers, not for Seksi Kebijakan (API: 403).
    expect(await page.getByRole('heading', { name: 'Pemberitahuan terkirim' }).count()).toBe(0);
    await page.goBack();
    await page.waitForURL(/\/staf\/notifikasi$/);
    await item.waitFor();

    // Mark one read: the item is no longer highlighted and the count drops.
    await item.getByRole('button', { name: /^Tandai dibaca/ }).click();
    await page.getByText(`"Tugas baru: pengaduan ${first.registerNumber}" ditandai sudah dibaca.`).waitFor();
    await eventually(async () => !((await item.getAttribute('class')) ?? '').includes('unread'));
    await bellSays(page, 'Notifikasi, 1 belum dibaca');
    await page.getByText('1 belum dibaca.').waitFor();
    expect(await item.getByRole('button', { name: /^Tandai dibaca/ }).count()).toBe(0);
    expect(await unreadCount(USER)).toBe(1);

    // Phone width: the list still works.
    await page.setViewportSize(PHONE);
    await h.expectAccessible(page, 'notifications (phone)');
    await h.shot(page, 'notifications-phone');

    // Mark all read.
    await page.getByRole('button', { name: 'Tandai semua dibaca' }).click();
    await page.getByText('Semua notifikasi ditandai sudah dibaca.').waitFor();
    await bellSays(page, 'Notifikasi, tidak ada yang belum dibaca');
    expect(await page.locator('li.notification.unread').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tandai semua dibaca' }).isDisabled()).toBe(true);
    expect(await unreadCount(USER)).toBe(0);
    // Read state is per person: another unit's count is its own.
    expect(await unreadCount('pengaduan')).toBeGreaterThanOrEqual(2);

    // --- Seksi Pengaduan: the delivery state of the first complaint's notifications.
    const em = e.db.orm.em.fork();
    const rowOf = (recipient: string) =>
      em.findOneOrFail(Notification, { complaintId: first.id, kind: 'TASK_ASSIGNED', recipient });
    const sent = await rowOf('SEKSI_KEBIJAKAN');
    const failed = await rowOf('TIM_TEKNIS');
    await em.nativeUpdate(
      Notification,
      { id: sent.id },
      { status: 'SENT', channel: 'EMAIL', attempts: 1, sentAt: new Date() },
    );
    await em.nativeUpdate(
      Notification,
      { id: failed.id },
      { status: 'FAILED', attempts: 10, lastError: FAILURE },
    );

    const desk = await h.openPage(DESKTOP);
    await desk.goto(`${baseUrl}/staf/pengaduan/${first.id}`);
    await h.signIn(desk, 'pengaduan');
    await desk.getByRole('heading', { level: 1, name: `Pengaduan ${first.registerNumber}` }).waitFor();
    const section = desk.locator('section', {
      has: desk.getByRole('heading', { name: 'Pemberitahuan terkirim' }),
    });
    await section.waitFor();
    const rowFor = (text: string) => section.locator('li', { hasText: text });
    const sentRow = rowFor('Tugas baru untuk Seksi Kebijakan dan Advokasi Layanan');
    await sentRow.waitFor();
    expect(await sentRow.textContent()).toContain('Terkirim');
    expect(await sentRow.textContent()).toContain('saluran Email');
    expect(await sentRow.textContent()).toContain('1 kali percobaan');
    const failedRow = rowFor('Tugas baru untuk Tim Teknis Perizinan');
    expect(await failedRow.textContent()).toContain('Gagal');
    expect(await failedRow.textContent()).toContain(`Alasan gagal: ${FAILURE}`);
    expect(await failedRow.textContent()).toContain('10 kali percobaan');
    const waiting = rowFor('Pengaduan baru untuk Pengadu');
    expect(await waiting.textContent()).toContain('Menunggu dikirim');
    // Only the failed one can be sent again; no address is shown.
    expect(await section.getByRole('button', { name: /^Kirim ulang/ }).count()).toBe(1);
    expect(await section.textContent()).not.toContain('@');
    await h.expectAccessible(desk, 'case page with deliveries');
    await h.shot(desk, 'case-deliveries-desktop');

    await failedRow.getByRole('button', { name: /^Kirim ulang/ }).click();
    await desk.getByText(/akan dikirim ulang\./).waitFor();
    await eventually(async () => ((await failedRow.textContent()) ?? '').includes('Menunggu dikirim'));
    expect((await e.db.orm.em.fork().findOneOrFail(Notification, { id: failed.id })).status).toBe('PENDING');
    expect(await section.getByRole('button', { name: /^Kirim ulang/ }).count()).toBe(0);

    await desk.setViewportSize(PHONE);
    await h.expectAccessible(desk, 'case page with deliveries (phone)');
    await h.shot(desk, 'case-deliveries-phone');
  });
});
