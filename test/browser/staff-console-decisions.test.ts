/// <reference lib="dom" />
/**
 * The staff console's decisions and oversight in a real browser (Debian's chromium driven by
 * playwright-core): the Wali Kota sees a BERAT case in "Menunggu keputusan Anda" with every unit's
 * study, sends it for further study by two units, sees it come back with their new study and approves
 * it (and sees the API's refusal of a decision on a case decided meanwhile); Kabid Pengaduan sees the
 * overdue and stuck cases (nearest deadline first) and the units' workload, follows a case to its page
 * and raises its category with a reason. The cases are created, triaged and studied through the API.
 * axe-core runs on every screen (no serious or critical violation); screenshots go to test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { seededUserFor } from '../helpers/complaints';
import { type E2e, eventually } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, startConsoleHarness } from '../helpers/staff-console';

const DAY = 86_400_000;

interface Task {
  id: string;
  unit: string;
  area: string | null;
  round: number;
  status: string;
  outcome: string | null;
}

describe('staff console: the Wali Kota decides BERAT cases; Kabid oversees and recategorises', () => {
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

  const tasksOf = async (id: string) => (await e.detail(id)).tasks as Task[];

  /** Every open task completed by its unit's seed user, through the API. */
  const completeOpenTasks = async (id: string, outcome: (task: Task) => string) => {
    for (const task of (await tasksOf(id)).filter((t) => t.status === 'OPEN')) {
      await e.http
        .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
        .set(await e.as(seededUserFor(task)))
        .send({ outcome: outcome(task) })
        .expect(200);
    }
  };

  /** A BERAT case studied by every unit: waiting for the Kepala Daerah. */
  const beratAwaitingDecision = async (service: string) => {
    const created = await e.register({ licensingService: service });
    await e.http
      .post(`/api/complaints/${created.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'BERAT' })
      .expect(200);
    await completeOpenTasks(created.id, (t) => `Kajian ${t.unit}: limbah ${service} sudah diperiksa.`);
    await eventually(async () => (await e.detail(created.id)).status === 'AWAITING_DECISION');
    return created;
  };

  const signIn = async (page: Page, username: string) => {
    await page.goto(`${baseUrl}/staf`);
    await h.signIn(page, username);
  };

  it('the Wali Kota sends a BERAT case for further study, then approves it once studied again', async () => {
    const berat = await beratAwaitingDecision('Izin Usaha Pabrik Tahu');
    const other = await beratAwaitingDecision('Izin Usaha Bengkel');
    const firstStudy = await tasksOf(berat.id);
    expect(firstStudy.length).toBe(8);

    const page = await h.openPage(DESKTOP);
    await signIn(page, 'walikota');
    await page.waitForURL(/\/staf\/keputusan$/);
    await page.getByRole('heading', { level: 1, name: 'Menunggu keputusan Anda' }).waitFor();
    const card = page.locator('li.decision-item', { hasText: berat.registerNumber });
    await card.waitFor();
    await page.getByRole('status').filter({ hasText: '2 pengaduan berat menunggu keputusan Anda' }).waitFor();
    // Every unit's study, by unit, with its outcome.
    const cardText = (await card.textContent()) ?? '';
    for (const task of firstStudy) {
      expect(cardText).toContain(`Hasil: ${task.outcome}`);
    }
    expect(cardText).toContain('Izin Usaha Pabrik Tahu');
    expect(await card.locator('ul.study > li').count()).toBe(8);
    expect(await card.getByRole('link', { name: berat.registerNumber }).getAttribute('href')).toBe(
      `/staf/pengaduan/${berat.registerNumber.replaceAll('/', '-')}`,
    );
    await h.expectAccessible(page, 'decisions');
    await h.shot(page, 'decisions-desktop');

    // Further study without a unit chosen: the message next to the choice, nothing sent.
    await card.getByRole('radio', { name: 'Kajian lebih lanjut' }).check();
    await card.getByRole('button', { name: 'Kirim keputusan' }).click();
    await card.getByText('Pilih paling sedikit satu unit yang mengkaji ulang.').waitFor();
    expect((await e.detail(berat.id)).decisions[0].decision).toBeNull();
    await card.getByRole('checkbox', { name: 'Tim Teknis Perizinan' }).check();
    await card.getByRole('checkbox', { name: 'Aparatur Kecamatan' }).check();
    await card.getByLabel('Catatan keputusan (tidak wajib)').fill('Tinjau ulang lokasi pembuangan limbah.');
    await h.expectAccessible(page, 'decision form (further study)');
    await h.shot(page, 'decision-further-study-desktop');
    await card.getByRole('button', { name: 'Kirim keputusan' }).click();
    await page
      .getByText(
        `Pengaduan ${berat.registerNumber} dikaji lebih lanjut oleh: Aparatur Kecamatan, Tim Teknis Perizinan.`,
      )
      .waitFor();
    // The list refreshes: the case is with the units again.
    await card.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: '1 pengaduan berat menunggu keputusan Anda' }).waitFor();

    const studied = await e.detail(berat.id);
    expect(studied.status).toBe('IN_PROGRESS');
    expect(studied.decisions).toEqual([
      expect.objectContaining({
        round: 1,
        decision: 'FURTHER_STUDY',
        units: ['KECAMATAN', 'TIM_TEKNIS'],
        notes: 'Tinjau ulang lokasi pembuangan limbah.',
        decidedBy: 'walikota',
      }),
    ]);
    const secondRound = (studied.tasks as Task[]).filter((t) => t.round === 2);
    expect(secondRound.map((t) => `${t.unit} ${t.status}`).sort()).toEqual([
      'KECAMATAN OPEN',
      'TIM_TEKNIS OPEN',
    ]);

    // A decision on a case decided meanwhile (another tab): the API's refusal, on the form.
    const otherCard = page.locator('li.decision-item', { hasText: other.registerNumber });
    await otherCard.waitFor();
    await e.http
      .post(`/api/complaints/${other.id}/escalation-decision`)
      .set(await e.as('walikota'))
      .send({ decision: 'APPROVE' })
      .expect(200);
    await otherCard.getByRole('radio', { name: 'Tolak' }).check();
    await otherCard.getByRole('button', { name: 'Kirim keputusan' }).click();
    await otherCard
      .getByRole('alert')
      .filter({ hasText: 'Pengaduan ini tidak sedang menunggu keputusan Kepala Daerah' })
      .waitFor();
    expect((await e.detail(other.id)).decisions[0].decision).toBe('APPROVE');

    // The two units study again; the case comes back to the Wali Kota with their new study.
    await completeOpenTasks(berat.id, (t) => `Tinjauan ulang ${t.unit}: saluran limbah sudah ditutup.`);
    await eventually(async () => (await e.detail(berat.id)).status === 'AWAITING_DECISION');
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Menunggu keputusan Anda' }).waitFor();
    await card.waitFor();
    await card.getByRole('heading', { name: 'Hasil kajian unit (putaran 2)' }).waitFor();
    const secondStudy = await card.locator('ul.study').first().locator('> li').allTextContents();
    expect(secondStudy.length).toBe(2);
    for (const unit of ['KECAMATAN', 'TIM_TEKNIS']) {
      expect(
        secondStudy.some((t) => t.includes(`Hasil: Tinjauan ulang ${unit}: saluran limbah sudah ditutup.`)),
      ).toBe(true);
    }
    // The first study and the further-study decision, one click away.
    await card.getByText('Kajian dan keputusan sebelumnya').click();
    await card.getByText('Putaran 1: Kajian lebih lanjut').waitFor();
    await h.expectAccessible(page, 'decisions (phone)');
    await h.shot(page, 'decisions-phone');

    await card.getByRole('radio', { name: 'Setujui' }).check();
    await card.getByLabel('Catatan keputusan (tidak wajib)').fill('Disetujui; izin usaha dievaluasi ulang.');
    await card.getByRole('button', { name: 'Kirim keputusan' }).click();
    await page.getByText(`Keputusan atas pengaduan ${berat.registerNumber} tercatat: disetujui.`).waitFor();
    await card.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: 'Tidak ada pengaduan yang menunggu keputusan Anda.' })
      .waitFor();
    await h.expectAccessible(page, 'decisions, none waiting (phone)');
    await h.shot(page, 'decisions-done-phone');

    const decided = await e.detail(berat.id);
    expect(decided.status).toBe('AWAITING_RESPONSE');
    expect(decided.decisions.map((d) => [d.round, d.decision, d.decidedBy])).toEqual([
      [1, 'FURTHER_STUDY', 'walikota'],
      [2, 'APPROVE', 'walikota'],
    ]);
    // The Wali Kota has no oversight screen.
    expect(await page.getByRole('link', { name: 'Pengawasan' }).count()).toBe(0);
  });

  it('Kabid sees overdue and stuck cases and the workload, and raises a case category with a reason', async () => {
    // Two letters logged late: both past their deadline, the older one's first.
    const older = await e.register({
      channel: 'SURAT',
      receivedAt: new Date(Date.now() - 29 * DAY).toISOString(),
    });
    const late = await e.register({
      channel: 'SURAT',
      receivedAt: new Date(Date.now() - 24 * DAY).toISOString(),
    });
    await e.http
      .post(`/api/complaints/${late.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN' })
      .expect(200);
    await eventually(async () => {
      const report = await e.http
        .get('/api/ops/stuck')
        .set(await e.as('kabid'))
        .expect(200);
      const overdue = new Set(
        (report.body.items as { kind: string; registerNumber: string }[])
          .filter((i) => i.kind === 'OVERDUE')
          .map((i) => i.registerNumber),
      );
      return overdue.has(older.registerNumber) && overdue.has(late.registerNumber);
    }, 90_000);
    await eventually(async () => (await e.detail(late.id)).overdue === true);

    const page = await h.openPage(DESKTOP);
    await signIn(page, 'kabid');
    await page.waitForURL(/\/staf\/kotak-masuk$/);
    await page.getByRole('link', { name: 'Pengawasan' }).click();
    await page.waitForURL(/\/staf\/pengawasan$/);
    await page.getByRole('heading', { level: 1, name: 'Pengawasan' }).waitFor();
    const lateRow = page.locator('li.stuck-item', { hasText: late.registerNumber });
    await lateRow.waitFor();
    const rows = await page.locator('li.stuck-item').allTextContents();
    const olderIndex = rows.findIndex((t) => t.includes(older.registerNumber));
    const lateIndex = rows.findIndex((t) => t.includes(late.registerNumber));
    expect(olderIndex).toBeGreaterThanOrEqual(0);
    expect(olderIndex).toBeLessThan(lateIndex);
    // One row per case, with every reason, its status and deadline. The untriaged letter is late for
    // triage too: triage age counts from its receipt 29 days ago, not from its entry today.
    const olderRow = page.locator('li.stuck-item', { hasText: older.registerNumber });
    expect(await olderRow.count()).toBe(1);
    // Late for triage, so also past the triage stage's own deadline (stage deadlines).
    expect(await olderRow.locator('.badge').allTextContents()).toEqual([
      'Triase terlambat',
      'Melewati batas waktu tahap',
      'Melewati batas waktu',
    ]);
    expect(await lateRow.locator('.badge').allTextContents()).toEqual(['Melewati batas waktu']);
    expect(await olderRow.textContent()).toMatch(/Menunggu triase · batas waktu \d{1,2} \w+ \d{4}/);
    expect(await lateRow.textContent()).toContain('Melewati batas waktu 10 hari kerja dan belum ditanggapi.');

    // The workload table says what the API says, unit by unit.
    const workload = (
      await e.http
        .get('/api/workload')
        .set(await e.as('kabid'))
        .expect(200)
    ).body as { units: { unit: string; open: number; overdue: number }[] };
    expect(workload.units.find((u) => u.unit === 'LOKET')).toMatchObject({ open: 1, overdue: 1 });
    for (const u of workload.units) {
      const cells = await page.locator(`tr[data-unit="${u.unit}"] td.num`).allTextContents();
      expect({ unit: u.unit, cells }).toEqual({ unit: u.unit, cells: [String(u.open), String(u.overdue)] });
    }
    await h.expectAccessible(page, 'oversight');
    await h.shot(page, 'oversight-desktop');
    await page.setViewportSize(PHONE);
    await h.expectAccessible(page, 'oversight (phone)');
    await h.shot(page, 'oversight-phone');
    // Nothing runs off the side of a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize(DESKTOP);

    // From the overview to the case, and its category raised with a reason.
    await lateRow.getByRole('link', { name: late.registerNumber }).click();
    await page.getByRole('heading', { level: 1, name: `Pengaduan ${late.registerNumber}` }).waitFor();
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Naikkan kategori' }) });
    await form.waitFor();
    expect(
      await form.getByRole('radio').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)),
    ).toEqual(['SEDANG', 'BERAT']);
    await form.getByRole('radio', { name: 'Sedang' }).check();
    // No reason: the API's message, next to the reason.
    await form.getByRole('button', { name: 'Naikkan kategori' }).click();
    await page
      .locator('#kategori-baru-reason-galat')
      .getByText('Alasan perubahan kategori wajib diisi.')
      .waitFor();
    expect(await page.getAttribute('#kategori-baru-reason', 'aria-describedby')).toBe(
      'kategori-baru-reason-galat',
    );
    await h.expectAccessible(page, 'case page with the recategorise form');
    await h.shot(page, 'recategorise-desktop');
    await form
      .getByLabel('Alasan perubahan kategori')
      .fill('Limbah usaha ternyata mencemari sumur warga: dampak lingkungan, bukan sekadar biaya.');
    await form.getByRole('button', { name: 'Naikkan kategori' }).click();
    await page.getByText('Kategori dinaikkan menjadi sedang; unit penanganannya menerima tugas.').waitFor();
    // Still raisable, to BERAT only.
    await form.getByRole('radio', { name: 'Berat' }).waitFor();
    expect(await form.getByRole('radio', { name: 'Sedang' }).count()).toBe(0);
    await page.setViewportSize(PHONE);
    await h.expectAccessible(page, 'case page after recategorising (phone)');
    await h.shot(page, 'recategorise-phone');

    const raised = await e.detail(late.id);
    expect(raised.category).toBe('SEDANG');
    expect(raised.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'RECATEGORISED',
          actor: 'kabid',
          details: expect.objectContaining({
            from: 'RINGAN',
            to: 'SEDANG',
            reason: 'Limbah usaha ternyata mencemari sumur warga: dampak lingkungan, bukan sekadar biaya.',
          }),
        }),
      ]),
    );
    expect((raised.tasks as Task[]).some((t) => t.unit === 'TIM_TEKNIS' && t.status === 'OPEN')).toBe(true);

    // A unit that is not a manager sees no such form.
    const teknis = await h.openPage(DESKTOP);
    await signIn(teknis, 'teknis');
    await teknis.waitForURL(/\/staf\/kotak-masuk$/);
    await teknis.goto(`${baseUrl}/staf/pengaduan/${late.registerNumber.replaceAll('/', '-')}`);
    await teknis.getByRole('heading', { name: 'Tugas unit' }).waitFor();
    expect(await teknis.getByRole('heading', { name: 'Naikkan kategori' }).count()).toBe(0);
  });
});
