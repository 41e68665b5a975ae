/// <reference lib="dom" />
/**
 * The staff console's front desk and triage in a real browser (Debian's chromium driven by
 * playwright-core): the front desk (LOKET) registers a telephone complaint through the form, sees the
 * SOP's channel rule next to the KTP address parts before submitting, naming the missing ones (and
 * sees it go once the address is complete), uploads evidence and gets the printable receipt; Seksi Pengaduan finds the complaint in
 * the triage queue and triages it as SEDANG with a location; a rejection at triage; the response
 * ("Tanggapan") once every unit is done; a face-to-face complaint naming its receiving official, and
 * the front desk answering a RINGAN case. axe-core runs on every new screen (no serious or critical
 * violation); screenshots go to test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy-notice';
import { type E2e, eventually } from '../helpers/e2e';
import { type ConsoleHarness, DESKTOP, PHONE, PNG, startConsoleHarness } from '../helpers/staff-console';

const TELEPON_RULE = (missing: string) =>
  `Pengaduan melalui telepon wajib menyertakan alamat lengkap sesuai KTP; belum ada: ${missing}.`;

interface Kecamatan {
  code: string;
  name: string;
  kelurahan: { code: string; name: string }[];
}

describe('staff console: front desk registers, Seksi Pengaduan triages', () => {
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

  const openPage = (viewport: { width: number; height: number }) => h.openPage(viewport);
  const shot = (page: Page, name: string) => h.shot(page, name);
  const expectAccessible = (page: Page, screen: string) => h.expectAccessible(page, screen);
  const signIn = (page: Page, username: string) => h.signIn(page, username);

  it('LOKET registers a telephone complaint; Seksi Pengaduan triages it as SEDANG with a location', async () => {
    const areas = (
      await e.http
        .get('/api/areas')
        .set(await e.as('loket'))
        .expect(200)
    ).body as Kecamatan[];
    const [first, second] = areas.filter((k) => k.kelurahan.length > 0);
    expect(second).toBeDefined();

    // --- Front desk: the registration form.
    const page = await openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf`);
    await signIn(page, 'loket');
    await page.waitForURL(/\/staf\/kotak-masuk$/);
    await page.getByRole('link', { name: 'Daftarkan pengaduan' }).click();
    await page.waitForURL(/\/staf\/daftar$/);
    await page.getByRole('heading', { level: 1, name: 'Daftarkan pengaduan' }).waitFor();
    await expectAccessible(page, 'register form');

    // An e-mail is answered by e-mail: the sender's address is asked next to the e-mail field.
    await page.getByLabel('Media pengaduan').selectOption('EMAIL');
    const emailError = page.locator('#daftar-email-galat');
    await emailError.waitFor();
    expect(await emailError.textContent()).toBe(
      'Pengaduan melalui email wajib menyertakan alamat email pengirim.',
    );

    await page.getByLabel('Media pengaduan').selectOption('TELEPON');
    await emailError.waitFor({ state: 'detached' });
    // A phone complaint asks the address as a KTP has it, part by part, instead of one line; the
    // SOP's channel rule, from the domain's own checkIntakeRules, names the missing parts before
    // anything is submitted.
    expect(await page.locator('#daftar-address').count()).toBe(0);
    const addressError = page.locator('#daftar-ktpAddress-galat');
    await addressError.waitFor();
    expect(await addressError.textContent()).toBe(
      TELEPON_RULE(
        'jalan dan nomor rumah (atau dusun), RT, RW, kelurahan/desa, kecamatan dan kabupaten/kota',
      ),
    );
    const part = (label: string) => page.getByLabel(label, { exact: true });
    expect(await part('RT').getAttribute('aria-describedby')).toBe('daftar-ktpAddress-galat');
    expect(await part('RT').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Nama pengadu').fill('Rahmat Hidayat');
    await page.getByLabel('Nomor telepon').fill('081234567890');
    await part('Jalan dan nomor rumah, atau dusun').fill('Jl. Ahmad Yani No. 5');
    await part('RT').fill('1');
    await part('Kel/Desa').fill('Gunung Ibul');
    await part('Kabupaten/kota').fill('Kota Prabumulih');
    // Still without RW and kecamatan.
    expect(await addressError.textContent()).toBe(TELEPON_RULE('RW dan kecamatan'));
    expect(await part('RT').getAttribute('aria-invalid')).toBeNull();
    expect(await part('RW').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'register form with a channel rule');
    await shot(page, 'register-rule-desktop');
    await part('RW').fill('2');
    await part('Kecamatan sesuai KTP').fill('Prabumulih Timur');
    await addressError.waitFor({ state: 'detached' });
    expect(await part('RW').getAttribute('aria-invalid')).toBeNull();

    await page
      .getByLabel('Layanan perizinan yang diadukan (tidak wajib)')
      .fill('Izin Usaha Mikro Kecil (IUMK)');
    await page
      .getByLabel('Uraian pengaduan')
      .fill('Pengurusan IUMK sudah tiga minggu tanpa kabar; petugas tidak dapat dihubungi.');
    await page
      .getByLabel('Bukti awal (satu per baris: uraian atau nama berkas)')
      .fill('Tanda terima berkas IUMK');
    await page.getByLabel('Kecamatan (tidak wajib)').selectOption(first.code);
    await page.getByLabel('Kelurahan/desa (tidak wajib)').selectOption(first.kelurahan[0].code);
    // The privacy notice (UU 27/2022): nothing is registered until the officer confirms the
    // complainant was given and read it (on the telephone: read out to them).
    await page.getByText('Pemberitahuan Pelindungan Data Pribadi (versi').click();
    expect(await page.locator('details.privacy-notice').textContent()).toContain('Lama penyimpanan');
    await page.getByRole('button', { name: 'Daftarkan pengaduan' }).click();
    await page
      .locator('#daftar-privacy-galat')
      .getByText('Berikan Pemberitahuan Pelindungan Data Pribadi kepada pengadu')
      .waitFor();
    expect(await page.locator('#daftar-privacy').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'register form, privacy notice not confirmed');
    await page.getByLabel(/Pengadu telah diberi dan membaca Pemberitahuan Pelindungan Data Pribadi/).check();
    await page.getByRole('button', { name: 'Daftarkan pengaduan' }).click();

    // --- The receipt, evidence upload and printing.
    await page.getByRole('heading', { level: 1, name: 'Pengaduan tercatat' }).waitFor();
    const receipt = page.locator('.receipt');
    const receiptText = (await receipt.textContent()) ?? '';
    const registerNumber = /Nomor register(\d{4}\/\d{2}\/\d{4})/.exec(receiptText)?.[1];
    const trackingCode = /Kode pelacakan([A-Z0-9]{10})/.exec(receiptText)?.[1];
    expect(registerNumber).toBeDefined();
    expect(trackingCode).toBeDefined();
    expect(receiptText).toContain(`${baseUrl}/lacak?kode=${trackingCode}`);
    expect(receiptText).toMatch(/Batas waktu penyelesaian\d{1,2} \w+ \d{4}.* WIB/);
    // The receipt carries the notice in full: a complainant who wrote gets it with the receipt.
    expect(receiptText).toContain(`Pemberitahuan Pelindungan Data Pribadi (versi ${PRIVACY_NOTICE_VERSION})`);
    expect(receiptText).toContain('Hak Anda dan kepada siapa bertanya');

    await page.getByLabel('Berkas bukti (JPEG, PNG atau PDF)').setInputFiles({
      name: 'catatan-telepon.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByRole('button', { name: 'Unggah berkas' }).click();
    await page.getByText('catatan-telepon.png (terunggah)').waitFor();
    await expectAccessible(page, 'receipt');
    await shot(page, 'receipt-desktop');

    // The print button calls window.print; the print stylesheet shows the receipt alone.
    await page.evaluate(() => {
      (window as unknown as { printed: boolean }).printed = false;
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });
    await page.getByRole('button', { name: 'Cetak tanda terima' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Unggah berkas' }).isVisible()).toBe(false);
    expect(await receipt.isVisible()).toBe(true);
    await shot(page, 'receipt-print');
    await page.emulateMedia({ media: 'screen' });

    const slug = registerNumber!.replaceAll('/', '-');
    const registered = await e.detail(slug);
    expect(registered.privacyNotice).toEqual({
      version: PRIVACY_NOTICE_VERSION,
      acknowledgedAt: expect.any(String),
    });
    expect(registered).toMatchObject({
      channel: 'TELEPON',
      status: 'RECEIVED',
      trackingCode,
      receivedBy: 'loket',
      location: { kecamatan: first.code, kelurahan: first.kelurahan[0].code },
    });
    // The parts are kept as the one-line address every record shows.
    const full = await e.detail(slug, 'admin');
    expect(full.complainant.address).toBe(
      'Jl. Ahmad Yani No. 5, RT 001/RW 002, Kel/Desa Gunung Ibul, Kec. Prabumulih Timur, Kota Prabumulih',
    );
    const files = await e.http
      .get(`/api/complaints/${registered.id}/attachments`)
      .set(await e.as('pengaduan'));
    expect(files.body.map((f: { fileName: string }) => f.fileName)).toEqual(['catatan-telepon.png']);

    // --- Seksi Pengaduan: the triage queue, then triage on the case page.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await signIn(page, 'pengaduan');
    await page.waitForURL(/\/staf\/kotak-masuk$/);
    await page.getByRole('link', { name: 'Antrean triase' }).click();
    await page.waitForURL(/\/staf\/triase$/);
    const item = page.locator('li.triage-item', { hasText: registerNumber! });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/Menunggu (kurang dari 1 menit|\d+ menit)/);
    await expectAccessible(page, 'triage queue');
    await shot(page, 'triage-queue-desktop');

    await item.getByRole('link', { name: registerNumber! }).click();
    await page.getByRole('heading', { level: 1, name: `Pengaduan ${registerNumber}` }).waitFor();
    await page.getByRole('heading', { name: 'Triase', exact: true }).waitFor();
    await expectAccessible(page, 'case page with triage');

    // Nothing chosen: the message next to the choice.
    await page.getByRole('button', { name: 'Simpan triase' }).click();
    await page.getByText('Pilih kategori atau tolak pengaduan.').waitFor();

    await page.getByRole('radio', { name: 'Sedang' }).check();
    // Another location than the front desk's: kecamatan first, then its kelurahan.
    await page.getByLabel(/^Kecamatan/).selectOption(second.code);
    await page.getByLabel(/^Kelurahan\/desa/).selectOption(second.kelurahan[0].code);
    await page.getByLabel('Catatan triase (tidak wajib)').fill('Perlu klarifikasi Bidang Perizinan.');
    await page.getByRole('button', { name: 'Simpan triase' }).click();
    await page.getByText('Triase selesai: pengaduan sedang diteruskan kepada unit.').waitFor();
    await page.getByRole('heading', { name: 'Triase', exact: true }).waitFor({ state: 'detached' });
    await shot(page, 'case-triaged-desktop');
    await expectAccessible(page, 'case page after triage');

    const triaged = await e.detail(slug);
    expect(triaged).toMatchObject({
      category: 'SEDANG',
      status: 'IN_PROGRESS',
      location: { kecamatan: second.code, kelurahan: second.kelurahan[0].code },
    });
    expect(triaged.tasks.length).toBeGreaterThan(0);

    // The queue no longer lists it; phone width still works.
    await page.getByRole('link', { name: 'Antrean triase' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /menunggu triase/ })
      .waitFor();
    expect(await page.locator('li.triage-item', { hasText: registerNumber! }).count()).toBe(0);
    await page.setViewportSize(PHONE);
    await shot(page, 'triage-queue-phone');
    await expectAccessible(page, 'triage queue (phone)');
    await page.getByRole('link', { name: 'Daftarkan pengaduan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftarkan pengaduan' }).waitFor();
    await shot(page, 'register-phone');
    await expectAccessible(page, 'register form (phone)');

    // --- Every unit of a SEDANG case completes its own task from its own inbox: the offices of the
    // dinas and the camat and lurah of the location chosen at triage (not the front desk's).
    await page.setViewportSize(DESKTOP);
    const unitUsers: [string, string][] = [
      ['SEKSI_PENGADUAN', 'pengaduan'],
      ['SEKSI_KEBIJAKAN', 'kebijakan'],
      ['KABID_PENGADUAN', 'kabid'],
      ['KEPALA_DINAS', 'kadis'],
      ['BIDANG_PERIZINAN', 'perizinan'],
      ['TIM_TEKNIS', 'teknis'],
      ['KECAMATAN', `kec-${second.code}`],
      ['KELURAHAN', `kel-${second.kelurahan[0].code}`],
    ];
    expect(triaged.tasks.map((t: { unit: string }) => t.unit).sort()).toEqual(
      unitUsers.map(([u]) => u).sort(),
    );
    for (const [unit, username] of unitUsers) {
      await page.getByRole('button', { name: 'Keluar' }).click();
      await signIn(page, username);
      await page.waitForURL(/\/staf\/kotak-masuk$/);
      const card = page.locator('li.task', { hasText: registerNumber! });
      await card.waitFor();
      await card.getByRole('link', { name: registerNumber! }).click();
      await page.getByRole('heading', { level: 1, name: `Pengaduan ${registerNumber}` }).waitFor();
      await page.getByLabel('Hasil penanganan').fill(`Kajian ${unit}: berkas IUMK sudah diperiksa.`);
      await page.getByRole('button', { name: 'Selesaikan tugas' }).click();
      await page.getByText(/^Tugas .+ telah diselesaikan\.$/).waitFor();
      if (unit === 'KELURAHAN') {
        await expectAccessible(page, 'case page of a lurah after completion');
        await shot(page, 'case-lurah-completed-desktop');
      }
    }
    const studied = await e.detail(slug);
    expect(studied.tasks.map((t: { status: string }) => t.status)).toEqual(unitUsers.map(() => 'DONE'));
    for (const [unit] of unitUsers) {
      expect(studied.tasks.find((t: { unit: string }) => t.unit === unit)).toMatchObject({
        outcome: `Kajian ${unit}: berkas IUMK sudah diperiksa.`,
      });
    }

    // --- Seksi Pengaduan answers the complainant once every unit is done.
    await eventually(async () => (await e.detail(slug)).status === 'AWAITING_RESPONSE');
    await page.getByRole('button', { name: 'Keluar' }).click();
    await signIn(page, 'pengaduan');
    await page.waitForURL(/\/staf\/kotak-masuk$/);
    await page.goto(`${baseUrl}/staf/pengaduan/${slug}`);
    await page.getByRole('heading', { name: 'Tanggapan', exact: true }).waitFor();
    await page
      .getByLabel('Isi tanggapan')
      .fill('Berkas IUMK Anda telah diperiksa seluruh unit dan izin diterbitkan pekan ini.');
    await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await page.getByText('Tanggapan telah disampaikan; pengaduan selesai.').waitFor();
    expect((await e.detail(slug)).status).toBe('RESOLVED');
  });
  it('Seksi Pengaduan rejects out of scope at triage, and responds once every unit is done', async () => {
    const outOfScope = await e.register({ channel: 'EMAIL' });
    const ringan = await e.register({ channel: 'EMAIL' });
    await e.http
      .post(`/api/complaints/${ringan.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN' })
      .expect(200);

    const page = await openPage(DESKTOP);
    const caseUrl = (registerNumber: string) =>
      `${baseUrl}/staf/pengaduan/${registerNumber.replaceAll('/', '-')}`;
    await page.goto(caseUrl(outOfScope.registerNumber));
    await signIn(page, 'pengaduan');
    await page.getByRole('heading', { level: 1, name: `Pengaduan ${outOfScope.registerNumber}` }).waitFor();

    // Rejection: the reason is required, then the case is closed as rejected.
    await page.getByRole('radio', { name: 'Tolak (di luar lingkup SOP)' }).check();
    await page.getByRole('button', { name: 'Tolak pengaduan' }).click();
    await page.getByText('Alasan penolakan wajib diisi.').waitFor();
    await page
      .getByLabel('Alasan penolakan (disampaikan kepada pengadu)')
      .fill('Bukan pengaduan perizinan: menyangkut sengketa tanah antarwarga.');
    await expectAccessible(page, 'triage rejection');
    await page.getByRole('button', { name: 'Tolak pengaduan' }).click();
    await page.getByText('Pengaduan ditolak pada triase.').waitFor();
    expect((await e.detail(outOfScope.id)).status).toBe('REJECTED');

    // RINGAN: no response form while a unit's task is open.
    await page.goto(caseUrl(ringan.registerNumber));
    await page.getByRole('heading', { level: 1, name: `Pengaduan ${ringan.registerNumber}` }).waitFor();
    await page.getByRole('heading', { name: 'Tugas unit' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Tanggapan', exact: true }).count()).toBe(0);

    for (const [unit, username] of [
      ['LOKET', 'loket'],
      ['SEKSI_PENGADUAN', 'pengaduan'],
    ] as const) {
      const tasks = (await e.detail(ringan.id)).tasks as { id: string; unit: string; status: string }[];
      const task = tasks.find((t) => t.unit === unit && t.status === 'OPEN');
      if (!task) throw new Error(`no open ${unit} task`);
      await e.http
        .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
        .set(await e.as(username))
        .send({ outcome: 'Sudah dijelaskan kepada pengadu.' })
        .expect(200);
    }
    await eventually(async () => (await e.detail(ringan.id)).status === 'AWAITING_RESPONSE');

    await page.reload();
    await page.getByRole('heading', { name: 'Tanggapan', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await page.locator('#tanggapan-isi-galat').getByText('Isi tanggapan wajib diisi.').waitFor();
    await expectAccessible(page, 'case page with the response form');
    await shot(page, 'response-desktop');
    await page
      .getByLabel('Isi tanggapan')
      .fill(
        'Waktu dan biaya layanan IUMK telah dijelaskan; berkas Anda diproses paling lambat 3 hari kerja.',
      );
    await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await page.getByText('Tanggapan telah disampaikan; pengaduan selesai.').waitFor();
    const resolved = await e.detail(ringan.id);
    expect(resolved.status).toBe('RESOLVED');
    expect(resolved.response).toContain('Waktu dan biaya layanan IUMK');
  });

  it('LOKET registers a face-to-face complaint naming the official who received it, and answers a RINGAN case', async () => {
    const officials = (
      await e.http
        .get('/api/users/receiving-officials')
        .set(await e.as('loket'))
        .expect(200)
    ).body as { id: string; fullName: string }[];
    const kasi = officials.find((o) => o.fullName === 'Kasi Pengaduan dan Informasi Layanan')!;

    const page = await openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/daftar`);
    await signIn(page, 'loket');
    await page.getByRole('heading', { level: 1, name: 'Daftarkan pengaduan' }).waitFor();
    await page.getByLabel('Media pengaduan').selectOption('TATAP_MUKA');
    // SOP C.1.a: the picker is required, and says so before anything is submitted.
    const picker = page.getByLabel('Diterima langsung oleh (pejabat minimal eselon IV)');
    await page
      .locator('#daftar-receivingOfficial-galat')
      .getByText('Pengaduan tatap muka wajib mencantumkan pejabat yang menerimanya (minimal eselon IV).')
      .waitFor();
    await picker.selectOption(kasi.id);
    await page.locator('#daftar-receivingOfficial-galat').waitFor({ state: 'detached' });
    await expectAccessible(page, 'register form with the receiving official');
    await page.getByLabel('Nama pengadu').fill('Sri Wahyuni');
    await page.getByLabel('Uraian pengaduan').fill('Biaya izin reklame tidak diumumkan di loket.');
    await page.getByLabel('Bukti awal (satu per baris: uraian atau nama berkas)').fill('Kuitansi');
    await page.locator('#daftar-privacy').check();
    await page.getByRole('button', { name: 'Daftarkan pengaduan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengaduan tercatat' }).waitFor();
    await page.getByRole('link', { name: 'Buka halaman pengaduan' }).click();
    await page.getByText('Diterima langsung oleh', { exact: true }).waitFor();
    await page.locator('dd', { hasText: 'Kasi Pengaduan dan Informasi Layanan (eselon IV)' }).waitFor();
    // The case page shows the privacy notice the complainant acknowledged.
    expect(await page.locator('#kasus-privasi').textContent()).toMatch(
      new RegExp(`^Versi ${PRIVACY_NOTICE_VERSION}, disetujui \\d`),
    );
    await page
      .getByText('Pengaduan diterima langsung oleh Kasi Pengaduan dan Informasi Layanan (eselon IV)')
      .waitFor();

    // SOP B.3.a: the front desk answers a RINGAN case once every unit is done.
    const ringan = await e.register({ channel: 'EMAIL' });
    await e.http
      .post(`/api/complaints/${ringan.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN' })
      .expect(200);
    for (const [unit, username] of [
      ['LOKET', 'loket'],
      ['SEKSI_PENGADUAN', 'pengaduan'],
    ] as const) {
      const task = (await e.detail(ringan.id)).tasks.find((t) => t.unit === unit && t.status === 'OPEN')!;
      await e.http
        .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
        .set(await e.as(username))
        .send({ outcome: 'Biaya dijelaskan.' })
        .expect(200);
    }
    await eventually(async () => (await e.detail(ringan.id)).status === 'AWAITING_RESPONSE');
    await page.goto(`${baseUrl}/staf/pengaduan/${ringan.registerNumber.replaceAll('/', '-')}`);
    await page.getByRole('heading', { name: 'Tanggapan', exact: true }).waitFor();
    await page.getByLabel('Isi tanggapan').fill('Biaya izin reklame sesuai Perda; rinciannya kami kirimkan.');
    await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
    await page.getByText('Tanggapan telah disampaikan; pengaduan selesai.').waitFor();
    expect(await e.detail(ringan.id)).toMatchObject({ status: 'RESOLVED', respondedBy: 'loket' });
  });

  it('the triage queue shows the oldest 50 and then the next ones on request', async () => {
    const waiting = async () =>
      (
        await e.http
          .get('/api/complaints?status=RECEIVED&pageSize=1')
          .set(await e.as('pengaduan'))
          .expect(200)
      ).body.total as number;
    while ((await waiting()) < 53) await e.register({ channel: 'EMAIL' });
    const total = await waiting();
    const page = await openPage(DESKTOP);
    await page.goto(`${baseUrl}/staf/triase`);
    await signIn(page, 'pengaduan');
    await page.getByText(`${total} pengaduan menunggu triase`).waitFor();
    expect(await page.locator('li.triage-item').count()).toBe(50);
    await page.getByText(`Ditampilkan 50 dari ${total}.`).waitFor();
    await page.getByRole('button', { name: `Tampilkan ${Math.min(50, total - 50)} berikutnya` }).click();
    await eventually(async () => (await page.locator('li.triage-item').count()) === total);
    expect(await page.getByText(/Ditampilkan \d+ dari/).count()).toBe(0);
    await expectAccessible(page, 'triage queue with a second page');
  });
});
