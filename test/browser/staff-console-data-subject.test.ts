/// <reference lib="dom" />
/**
 * The admin's "Permintaan subjek data" screen in a real browser: find a person's complaints by NIK,
 * download what is held about them as JSON and PDF, correct an e-mail, ask for an erasure that is
 * refused while the complaints are still handled, and read the request log with masked keys only.
 * axe-core runs on each state; screenshots at desktop and phone widths go to test-artifacts/.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { Complaint } from '../../src/db/entities';
import type { E2e } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, startConsoleHarness } from '../helpers/staff-console';

const NIK = '1674014506900002';

describe('staff console: data-subject requests', () => {
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

  async function downloaded(
    page: Page,
    click: () => Promise<void>,
  ): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) };
  }

  it('the admin finds a person’s complaints, downloads their data, corrects it and asks for erasure', async () => {
    const person = { name: 'Siti Aminah', nik: NIK, phone: '081298765432', email: 'siti@example.com' };
    const first = await e.register({ complainant: person });
    const second = await e.register({ complainant: person });
    const other = await e.register();

    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/admin/subjek-data`);
    await h.signIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Permintaan subjek data' }).waitFor();
    await page.getByLabel('NIK').fill(NIK);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('heading', { name: '2 pengaduan ditemukan' }).waitFor();
    const results = page.locator('section[aria-labelledby="subjek-hasil"] table tbody tr');
    expect(await results.count()).toBe(2);
    const text = await results.allTextContents();
    expect(text.join()).toContain(first.registerNumber);
    expect(text.join()).toContain(second.registerNumber);
    expect(text.join()).not.toContain(other.registerNumber);
    await h.expectAccessible(page, 'data-subject search results');

    const json = await downloaded(page, () =>
      page.getByRole('button', { name: 'Unduh data (JSON)' }).click(),
    );
    expect(json.name).toMatch(/^data-pribadi-\d{8}\.json$/);
    const data = JSON.parse(json.bytes.toString('utf8'));
    expect(data.complaints.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
    expect(data.complaints[0].complainant).toMatchObject({ name: 'Siti Aminah', nik: NIK });
    const pdf = await downloaded(page, () => page.getByRole('button', { name: 'Unduh data (PDF)' }).click());
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('button', { name: `Perbaiki data ${first.registerNumber}` }).click();
    await page.getByLabel('Email baru').fill('siti.baru@example.com');
    await page.getByLabel('Alasan perbaikan').fill('Surat pengadu');
    await page.getByRole('button', { name: 'Simpan perbaikan' }).click();
    await page.getByText(`Data pengaduan ${first.registerNumber} diperbaiki: Email.`).waitFor();
    expect((await e.db.orm.em.fork().findOneOrFail(Complaint, { id: first.id })).complainantEmail).toBe(
      'siti.baru@example.com',
    );

    // Both are still being handled: nothing is erased, and the screen says why.
    await page.getByRole('button', { name: 'Hapus data pribadi' }).click();
    await page.getByText('Alasan penghapusan wajib diisi.').waitFor();
    await page.getByLabel('Alasan penghapusan').fill('Permohonan pengadu');
    await page.getByRole('button', { name: 'Hapus data pribadi' }).click();
    await page.getByText('0 pengaduan dihapus data pribadinya, 2 ditolak.').waitFor();
    const outcome = await page.getByRole('list', { name: 'Hasil penghapusan' }).textContent();
    expect(outcome).toContain(`${first.registerNumber}: tidak dihapus. Pengaduan masih ditangani`);
    expect((await e.db.orm.em.fork().findOneOrFail(Complaint, { id: second.id })).complainantNik).toBe(NIK);
    await h.expectAccessible(page, 'data-subject erasure refused');

    // The log: every action, keys masked, never the NIK itself.
    const log = page.locator('section[aria-labelledby="subjek-log"] table tbody');
    await log.getByText('Penghapusan data').first().waitFor();
    const logText = (await log.textContent()) ?? '';
    for (const action of ['Pencarian', 'Ekspor data', 'Perbaikan data', 'Penghapusan data'])
      expect(logText).toContain(action);
    expect(logText).toContain('NIK 1674**********02');
    expect(logText).not.toContain(NIK);
    expect(logText).toContain('Ditolak');
    await h.shot(page, 'data-subject-desktop');
    await page.setViewportSize(PHONE);
    await h.shot(page, 'data-subject-phone');
    await h.expectAccessible(page, 'data-subject (phone)');
  });

  it('is not offered to staff', async () => {
    const page = await h.openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/admin/subjek-data`);
    await h.signIn(page, 'pengaduan');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    expect(await page.getByRole('link', { name: 'Permintaan subjek data' }).count()).toBe(0);
  });
});
