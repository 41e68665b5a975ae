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
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy-notice';
import { expectAccessible } from '../helpers/axe';
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

  /**
   * A page in a context of its own. `axe`: the context bypasses the Content-Security-Policy so the
   * test can inject axe-core (the other tests run under the real policy).
   */
  async function openPage(
    viewport: { width: number; height: number },
    options: { axe?: boolean; permissions?: string[] } = {},
  ): Promise<Page> {
    const context = await chromium.browser.newContext({
      viewport,
      locale: 'id-ID',
      bypassCSP: options.axe ?? false,
      permissions: options.permissions ?? [],
    });
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
    await page.check('#persetujuan-privasi');
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
    expect(await page.textContent('#hasil-kemajuan-ringkas')).toBe('2 dari 2 unit selesai');
    expect(await page.textContent('#hasil')).toContain('Petugas Loket menyelesaikan tindak lanjutnya');
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
      'Baca Pemberitahuan Pelindungan Data Pribadi dan centang persetujuan untuk mengirim pengaduan.',
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

    // A NIK of 16 digits that cannot exist (no province 99, born on the 99th of the 99th month) is
    // refused by the server, and its message stands next to the NIK field until the NIK is changed.
    await fillForm(page);
    await page.fill('#nik', '9974019999990001');
    await page.click('#kirim');
    await page.waitForSelector('#nik[aria-invalid="true"]');
    const nikMessage = await page.textContent('#nik-galat');
    expect(nikMessage).toMatch(/^NIK tidak sah/);
    expect(await page.locator('#daftar-galat li').allTextContents()).toEqual([nikMessage]);
    await page.fill('#uraian', 'Biaya izin reklame tidak jelas, mohon penjelasan resmi.');
    expect(await page.textContent('#nik-galat')).toBe(nikMessage);
    await page.fill('#nik', '1674014501900002');
    expect(await page.getAttribute('#nik', 'aria-invalid')).toBeNull();
    expect(await page.textContent('#nik-galat')).toBe('');
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
  /** Seed users of each unit (the complaint's area for KECAMATAN and KELURAHAN). */
  const UNIT_USERS: Record<string, string> = {
    KEPALA_DINAS: 'kadis',
    KABID_PENGADUAN: 'kabid',
    SEKSI_PENGADUAN: 'pengaduan',
    SEKSI_KEBIJAKAN: 'kebijakan',
    BIDANG_PERIZINAN: 'perizinan',
    TIM_TEKNIS: 'teknis',
    KECAMATAN: 'kec-16.74.01',
    KELURAHAN: 'kel-16.74.01.1007',
  };

  /** The unit finishes its task on the complaint through the API, as its officer would. */
  async function finishTask(trackingCode: string, unit: string) {
    const user = UNIT_USERS[unit];
    const inbox = await staff('get', `/api/tasks?status=OPEN&q=${trackingCode}`, user);
    const task = inbox.items.find((t: { unit: string }) => t.unit === unit);
    await staff('post', `/api/tasks/${encodeURIComponent(task.id)}/complete`, user, {
      outcome: 'Sudah diperiksa di lokasi bersama pengadu.',
      notes: 'Catatan internal unit.',
    });
  }

  const top = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!.y;

  it('the tracking page answers first: status and response above the stages, "x dari y unit selesai" with the units named, older stages collapsed', async () => {
    const page = await openPage(PHONE, { axe: true });
    await page.goto(`${baseUrl}/`);
    await fillForm(page, {
      description: 'Limbah cair pabrik tahu di belakang rumah warga mengalir ke sungai sejak izinnya terbit.',
    });
    const trackingCode = await submitAndReadReceipt(page);
    await page.waitForSelector('#status-unggah:has-text("1 berkas bukti terunggah.")');
    const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { trackingCode });
    await staff('post', `/api/complaints/${complaint.id}/triage`, 'pengaduan', {
      category: 'SEDANG',
      notes: 'Pengadu Siti minta dihubungi sore hari.',
    });
    for (const unit of ['KABID_PENGADUAN', 'SEKSI_KEBIJAKAN', 'BIDANG_PERIZINAN', 'KECAMATAN', 'KELURAHAN'])
      await finishTask(trackingCode, unit);

    // Halfway: how many units are done, and which.
    await page.goto(`${baseUrl}/lacak.html?kode=${trackingCode}`);
    await page.waitForSelector('#hasil:not([hidden])');
    expect(await page.textContent('#hasil-status')).toBe('Sedang ditindaklanjuti unit terkait');
    expect(await page.textContent('#hasil-kemajuan-ringkas')).toBe('5 dari 8 unit selesai');
    expect(await page.locator('#hasil-unit li').allTextContents()).toEqual([
      expect.stringMatching(/^Kepala DPM-PTSP: Belum selesai \(batas waktu unit: .+ WIB\)$/),
      'Bidang Pengaduan, Kebijakan dan Pelaporan Layanan: Selesai',
      expect.stringMatching(
        /^Seksi Pengaduan dan Informasi Layanan: Belum selesai \(batas waktu unit: .+ WIB\)$/,
      ),
      'Seksi Kebijakan dan Advokasi Layanan: Selesai',
      'Bidang Pelayanan Perizinan dan Non Perizinan: Selesai',
      expect.stringMatching(/^Tim Teknis Perizinan: Belum selesai \(batas waktu unit: .+ WIB\)$/),
      'Aparatur Kecamatan: Selesai',
      'Aparatur Kelurahan/Desa: Selesai',
    ]);
    // The latest stages name the unit that finished, newest first.
    expect(await page.locator('#hasil-tahapan li').allTextContents()).toEqual([
      expect.stringContaining('Aparatur Kelurahan/Desa menyelesaikan tindak lanjutnya'),
      expect.stringContaining('Aparatur Kecamatan menyelesaikan tindak lanjutnya'),
      expect.stringContaining('Bidang Pelayanan Perizinan dan Non Perizinan menyelesaikan tindak lanjutnya'),
    ]);
    expect(await page.textContent('#hasil-tahapan-sebelumnya')).toContain(
      'Bidang Pengaduan, Kebijakan dan Pelaporan Layanan menyelesaikan tindak lanjutnya',
    );
    await shot(page, 'website-tracking-progress-phone');

    // All units finish and the response is given.
    for (const unit of ['KEPALA_DINAS', 'SEKSI_PENGADUAN', 'TIM_TEKNIS'])
      await finishTask(trackingCode, unit);
    await eventually(async () => (await e.detail(complaint.id)).status === 'AWAITING_RESPONSE');
    const response =
      'Tim teknis telah memeriksa lokasi; pemilik usaha wajib membangun instalasi pengolahan limbah dalam 30 hari.';
    await staff('post', `/api/complaints/${complaint.id}/response`, 'pengaduan', { response });
    await page.reload();
    await page.waitForSelector('#hasil-tanggapan:not([hidden])');

    // The answer first: the status in plain words and the response, then progress, then the stages.
    expect(await page.textContent('#hasil-status')).toBe('Selesai ditanggapi');
    expect(await page.textContent('#hasil-keterangan')).toContain('sudah ditanggapi');
    expect(await page.textContent('#hasil-tanggapan-isi')).toBe(response);
    expect(await page.textContent('#hasil-kemajuan-ringkas')).toBe('8 dari 8 unit selesai');
    const [status, answer, progress, stages] = await Promise.all(
      ['#hasil-status', '#hasil-tanggapan-isi', '#hasil-kemajuan', '#hasil-tahapan'].map((s) => top(page, s)),
    );
    expect(status).toBeLessThan(answer);
    expect(answer).toBeLessThan(progress);
    expect(progress).toBeLessThan(stages);
    // The response is within the first phone screen of the result, not screens down.
    expect(answer - (await top(page, '#hasil'))).toBeLessThan(PHONE.height / 2);

    // Thirteen stages: the latest three in view, the ten before them collapsed.
    expect(await page.locator('#hasil-tahapan li').count()).toBe(3);
    expect(await page.locator('#hasil-tahapan li').first().textContent()).toContain('Tanggapan diberikan');
    const older = page.locator('#hasil-tahapan-sebelumnya li');
    expect(await older.count()).toBe(10);
    expect(await page.getAttribute('#tahapan-sebelumnya', 'open')).toBeNull();
    expect(await older.first().isVisible()).toBe(false);
    expect(await page.textContent('#tahapan-sebelumnya summary')).toBe(
      'Tampilkan semua tahapan (10 tahapan sebelumnya)',
    );
    await expectAccessible(page, 'tracking page, resolved');
    await page.click('#tahapan-sebelumnya summary');
    expect(await older.first().isVisible()).toBe(true);
    expect(await older.last().textContent()).toContain('Pengaduan diterima');
    await expectAccessible(page, 'tracking page, all stages');

    // Nothing personal and nothing internal on the page.
    const text = (await page.textContent('main'))!;
    for (const hidden of [
      'Siti Aminah',
      '1674014501900002',
      'siti@example.com',
      'Limbah cair pabrik tahu',
      'Sudah diperiksa di lokasi',
      'Catatan internal',
      'minta dihubungi',
      'kabid',
      'kec-16.74.01',
    ])
      expect(text).not.toContain(hidden);
    await shot(page, 'website-tracking-resolved-all-stages-phone');
  }, 240_000);

  it('the receipt: copy the code, print the receipt only, a share link that opens the tracking page, and what happens next with the due date', async () => {
    const page = await openPage(PHONE, { axe: true, permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${baseUrl}/`);
    await fillForm(page);
    await page.check('#notify-whatsapp');
    const trackingCode = await submitAndReadReceipt(page);
    const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { trackingCode });

    // Copy: the code is on the clipboard and a polite live region says so.
    await page.click('#salin-kode');
    await page.waitForSelector(`#status-salin:has-text("Kode pelacakan ${trackingCode} disalin.")`);
    expect(await page.getAttribute('#status-salin', 'aria-live')).toBe('polite');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(trackingCode);

    // What happens next: triage, the units, the response by the due date (weekday, date, WIB).
    const due = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeZone: 'Asia/Jakarta' }).format(
      complaint.dueAt!,
    );
    expect(due).toMatch(/^(Senin|Selasa|Rabu|Kamis|Jumat), \d{1,2} \w+ \d{4}$/);
    const next = (await page.textContent('#langkah-selanjutnya'))!.replace(/\s+/g, ' ');
    expect(next).toContain('Pemeriksaan.');
    expect(next).toContain('Tindak lanjut oleh unit terkait.');
    expect(next).toContain(`Anda menerima tanggapan paling lambat ${due} pukul 23.59 WIB`);
    expect(next).toContain('lewat WhatsApp');
    expect(await page.isHidden('#peringatan-kalender')).toBe(true);
    await expectAccessible(page, 'receipt');

    // Print: the button opens the browser's print, and the print stylesheet prints the receipt only.
    await page.evaluate(() => {
      const w = window as unknown as { printed: number };
      w.printed = 0;
      window.print = () => {
        w.printed += 1;
      };
    });
    await page.click('#cetak');
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    for (const shown of ['#tanda-terima', '#kode-pelacakan', '#tautan-lacak', '#langkah-selanjutnya'])
      expect(await page.isVisible(shown)).toBe(true);
    for (const gone of ['header.site', 'footer.site', 'main > h1', 'main > .lead', '#salin-kode', '#cetak'])
      expect(await page.isVisible(gone)).toBe(false);
    expect(await page.isVisible('text=Tanda terima pengaduan · DPM-PTSP Kota Prabumulih')).toBe(true);
    await shot(page, 'website-receipt-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await page.isVisible('header.site')).toBe(true);

    // Share: the link is the tracking page with the code, and opens it straight away elsewhere.
    const shareUrl = (await page.textContent('#tautan-lacak'))!;
    expect(shareUrl).toBe(`${baseUrl}/lacak?kode=${trackingCode}`);
    const elsewhere = await openPage(DESKTOP);
    await elsewhere.goto(shareUrl);
    await elsewhere.waitForSelector('#hasil:not([hidden])');
    expect(await elsewhere.inputValue('#kode')).toBe(trackingCode);
    expect(await elsewhere.textContent('#hasil-register')).toBe(complaint.registerNumber);
    // The .html address, as typed from a printed receipt in lower case, opens it too.
    await elsewhere.goto(`${baseUrl}/lacak.html?kode=${trackingCode.toLowerCase()}`);
    await elsewhere.waitForSelector('#hasil:not([hidden])');
    expect(await elsewhere.textContent('#hasil-register')).toBe(complaint.registerNumber);
  }, 120_000);

  it('the receipt copies the code without the Clipboard API, and shows the calendar warning of the intake', async () => {
    const page = await openPage(DESKTOP);
    // A browser without navigator.clipboard (plain http behind the office proxy): the older copy
    // command is used; what it copied is recorded.
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      const w = window as unknown as { copied: string[] };
      w.copied = [];
      const original = document.execCommand.bind(document);
      document.execCommand = (command: string, ...rest: [boolean?, string?]) => {
        const active = document.activeElement as HTMLTextAreaElement | null;
        if (command === 'copy' && active?.tagName === 'TEXTAREA')
          w.copied.push(active.value.slice(active.selectionStart, active.selectionEnd));
        return original(command, ...rest);
      };
    });
    // The intake's answer with a calendar warning (as when the deadline rests on an unchecked list).
    const warning =
      'Belum ada daftar resmi hari libur untuk tahun ini; batas waktu dapat berubah bila daftar diperbaiki.';
    await page.route('**/api/public/complaints', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      await route.fulfill({ response, json: { ...body, calendarWarning: warning } });
    });
    await page.goto(`${baseUrl}/`);
    await fillForm(page);
    const trackingCode = await submitAndReadReceipt(page);
    expect(await page.isVisible('#peringatan-kalender')).toBe(true);
    expect(await page.textContent('#peringatan-kalender-isi')).toBe(warning);

    await page.click('#salin-kode');
    await page.waitForSelector('#status-salin:not(:empty)');
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
      trackingCode,
    ]);
    expect(await page.textContent('#status-salin')).toBe(`Kode pelacakan ${trackingCode} disalin.`);
    // The focus is back on the button, and the helper field is gone.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('salin-kode');
    expect(await page.locator('textarea.offscreen').count()).toBe(0);
    await shot(page, 'website-receipt-warning-desktop');
  }, 120_000);

  it('a field error disappears as soon as the field is corrected, and the summary follows', async () => {
    const page = await openPage(DESKTOP, { axe: true });
    await page.goto(`${baseUrl}/`);
    await page.click('#kirim');
    await page.waitForSelector('#ringkasan-galat:not([hidden])');
    await expectAccessible(page, 'form with errors');
    const summary = () => page.locator('#daftar-galat li').allTextContents();

    await page.fill('#nama', 'Siti Aminah');
    expect(await page.getAttribute('#nama', 'aria-invalid')).toBeNull();
    expect(await page.textContent('#nama-galat')).toBe('');
    expect(await summary()).toEqual([
      'NIK wajib 16 digit angka sesuai KTP.',
      'Isi nomor telepon atau email agar kami dapat menghubungi Anda.',
      'Pilih layanan perizinan yang diadukan.',
      'Uraian pengaduan wajib diisi.',
      'Lampirkan berkas bukti atau tuliskan keterangan bukti.',
      'Baca Pemberitahuan Pelindungan Data Pribadi dan centang persetujuan untuk mengirim pengaduan.',
    ]);
    // While typing, the focus stays in the field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nama');

    // A NIK half typed is still wrong; the full 16 digits clear it.
    await page.fill('#nik', '16740145');
    expect(await page.getAttribute('#nik', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#nik-galat')).toBe('NIK wajib 16 digit angka sesuai KTP.');
    await page.fill('#nik', '1674014501900002');
    expect(await page.getAttribute('#nik', 'aria-invalid')).toBeNull();
    expect(await page.textContent('#nik-galat')).toBe('');

    // The e-mail answers the telephone field's "phone or e-mail" error.
    await page.fill('#email', 'siti@example.com');
    expect(await page.getAttribute('#telepon', 'aria-invalid')).toBeNull();
    expect(await page.textContent('#telepon-galat')).toBe('');
    // A field without an error on view gets none while typing (it is checked on the next submit).
    await page.fill('#telepon', 'abc');
    expect(await page.textContent('#telepon-galat')).toBe('');
    await page.fill('#telepon', '');

    // A select (change), a textarea and the evidence note.
    await page.selectOption('#layanan', 'Izin Reklame');
    expect(await page.getAttribute('#layanan', 'aria-invalid')).toBeNull();
    await page.fill('#uraian', 'Izin reklame saya belum terbit.');
    expect(await summary()).toEqual([
      'Lampirkan berkas bukti atau tuliskan keterangan bukti.',
      'Baca Pemberitahuan Pelindungan Data Pribadi dan centang persetujuan untuk mengirim pengaduan.',
    ]);
    await page.fill('#keterangan-bukti', 'Foto tanda terima berkas');
    expect(await summary()).toEqual([
      'Baca Pemberitahuan Pelindungan Data Pribadi dan centang persetujuan untuk mengirim pengaduan.',
    ]);
    await page.check('#persetujuan-privasi');
    expect(await page.isHidden('#ringkasan-galat')).toBe(true);
    expect(await page.locator('#form-pengaduan [aria-invalid]').count()).toBe(0);
    await expectAccessible(page, 'form corrected');

    // The next submit checks everything again.
    await page.fill('#telepon', 'abc');
    await page.click('#kirim');
    expect(await summary()).toEqual(['Nomor telepon tidak valid.']);
    expect(await page.getAttribute('#telepon', 'aria-invalid')).toBe('true');
  }, 120_000);

  it('shows the privacy notice and sends no complaint until the complainant acknowledges it', async () => {
    const page = await openPage(PHONE, { axe: true });
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('#privasi-isi h3', { state: 'attached' });
    expect(await page.textContent('#privasi-ringkasan')).toContain(e.config.privacyContact.email);
    expect(await page.textContent('#privasi-versi')).toBe(`(versi ${PRIVACY_NOTICE_VERSION})`);
    // The full text is folded until asked for, then names what is kept, why, for how long and whom to ask.
    expect(await page.isVisible('#privasi-isi')).toBe(false);
    await page.click('#privasi-lengkap summary');
    const full = (await page.textContent('#privasi-isi'))!;
    for (const part of [
      'Data yang dikumpulkan',
      'Tujuan pemrosesan',
      'UU 27/2022',
      'Lama penyimpanan',
      '5 tahun',
    ])
      expect(full).toContain(part);
    expect(full).toContain(e.config.privacyContact.address);
    await expectAccessible(page, 'complaint form, privacy notice open');

    const before = await complaintCount();
    await fillForm(page);
    await page.uncheck('#persetujuan-privasi');
    await page.click('#kirim');
    await page.waitForSelector('#persetujuan-privasi[aria-invalid="true"]');
    const message =
      'Baca Pemberitahuan Pelindungan Data Pribadi dan centang persetujuan untuk mengirim pengaduan.';
    expect(await page.textContent('#persetujuan-privasi-galat')).toBe(message);
    expect(await page.locator('#daftar-galat li').allTextContents()).toEqual([message]);
    await expectAccessible(page, 'complaint form, notice not acknowledged');
    expect(await complaintCount()).toBe(before);
    await shot(page, 'website-form-privacy-phone');

    await page.check('#persetujuan-privasi');
    expect(await page.isHidden('#ringkasan-galat')).toBe(true);
    const trackingCode = await submitAndReadReceipt(page);
    const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { trackingCode });
    expect(complaint.privacyNoticeVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(complaint.privacyAcknowledgedAt).toBeInstanceOf(Date);
  }, 120_000);
});
