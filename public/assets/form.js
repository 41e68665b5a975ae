// The public complaint form: areas from the API, checks in the browser (the server checks again),
// the complaint sent as JSON with an Idempotency-Key, then each evidence file uploaded to it.
import { api, formatDateTime, formatDueDate, messageOf, setText } from './common.js';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_FILES = 20;
const FILE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const FILE_EXTENSIONS = /\.(jpe?g|png|pdf)$/i;

const form = document.getElementById('form-pengaduan');
const field = (id) => document.getElementById(id);
const value = (id) => field(id).value.trim();

let areas = [];
/** The privacy notice's version shown on this page (sent with the complaint as acknowledged). */
let privacyNoticeVersion = null;

/**
 * A random Idempotency-Key. Not crypto.randomUUID(): browsers offer it only on https and localhost,
 * and the form may be served over plain http behind the office's proxy.
 */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
// Same content sent twice (a double click, a retry after a lost answer) must not make two complaints.
let idempotency = { content: '', key: '' };

/** The privacy notice (UU 27/2022): its summary, its full text folded, and its version. */
async function loadPrivacyNotice() {
  const result = await api('/api/privacy-notice');
  if (!result.ok) {
    setText(
      'privasi-ringkasan',
      'Pemberitahuan pelindungan data pribadi tidak dapat dimuat. Muat ulang halaman untuk mencoba lagi.',
    );
    return;
  }
  const notice = result.body;
  privacyNoticeVersion = notice.version;
  setText('privasi-ringkasan', notice.summary);
  setText('privasi-versi', `(versi ${notice.version})`);
  setText('persetujuan-privasi-label', notice.acknowledgment);
  const parts = notice.sections.flatMap((section) => {
    const title = document.createElement('h3');
    title.textContent = section.title;
    const list = document.createElement('ul');
    for (const item of section.items) {
      const li = document.createElement('li');
      li.textContent = item;
      list.append(li);
    }
    return [title, list];
  });
  field('privasi-isi').replaceChildren(...parts);
}

async function loadAreas() {
  const result = await api('/api/areas');
  if (!result.ok) {
    setText('kecamatan-galat', 'Daftar wilayah tidak dapat dimuat. Muat ulang halaman untuk mencoba lagi.');
    return;
  }
  areas = result.body;
  for (const kecamatan of areas) field('kecamatan').append(new Option(kecamatan.name, kecamatan.code));
}

function fillKelurahan() {
  const select = field('kelurahan');
  const kecamatan = areas.find((k) => k.code === field('kecamatan').value);
  select.replaceChildren(
    new Option(kecamatan ? '— Pilih kelurahan/desa —' : '— Pilih kecamatan dahulu —', ''),
  );
  for (const kelurahan of kecamatan?.kelurahan ?? [])
    select.append(new Option(kelurahan.name, kelurahan.code));
  select.disabled = !kecamatan;
}

/** EMAIL, SMS, WHATSAPP or NONE as chosen; undefined when nothing is chosen (the server decides). */
function chosenNotifyBy() {
  return form.querySelector('input[name="notify-by"]:checked')?.value;
}

/** BIASA, RAHASIA or ANONIM as chosen (BIASA is checked to begin with). */
function chosenIdentityMode() {
  return form.querySelector('input[name="identity-mode"]:checked')?.value ?? 'BIASA';
}

/**
 * The form for the identity mode chosen: ANONIM asks for no identity and no notification (their
 * fieldsets are hidden, the note on what anonymity means is shown); RAHASIA makes the NIK optional.
 * Values typed before switching to ANONIM stay in the hidden fields but are not sent.
 */
function applyIdentityMode() {
  const mode = chosenIdentityMode();
  const anonymous = mode === 'ANONIM';
  field('identitas').hidden = anonymous;
  field('pemberitahuan').hidden = anonymous;
  field('catatan-anonim').hidden = !anonymous;
  field('nik').required = mode === 'BIASA';
  field('nik-wajib').hidden = mode !== 'BIASA';
  setText(
    'nik-bantuan',
    mode === 'RAHASIA'
      ? 'Boleh dikosongkan. Bila diisi, hanya Seksi Pengaduan dan Kepala Bidang Pengaduan yang dapat melihatnya.'
      : 'Hanya petugas penanganan yang dapat melihat NIK Anda.',
  );
}

/** Field id -> message, for every rule the form can check before sending. */
function check() {
  const errors = {};
  const mode = chosenIdentityMode();
  // An anonymous complaint has no identity and no contact to check.
  if (mode !== 'ANONIM') checkIdentity(errors, mode);
  if (!value('layanan')) errors.layanan = 'Pilih layanan perizinan yang diadukan.';
  if (!value('uraian')) errors.uraian = 'Uraian pengaduan wajib diisi.';
  if (value('kecamatan') && !value('kelurahan')) errors.kelurahan = 'Pilih kelurahan/desa lokasi.';
  const files = [...field('berkas').files];
  if (files.length > MAX_FILES) errors.berkas = `Paling banyak ${MAX_FILES} berkas.`;
  const wrongType = files.find((f) => !FILE_TYPES.includes(f.type) && !FILE_EXTENSIONS.test(f.name));
  if (wrongType) errors.berkas = `Berkas ${wrongType.name} bukan JPG, PNG atau PDF.`;
  const tooBig = files.find((f) => f.size > MAX_FILE_BYTES);
  if (tooBig) errors.berkas = `Berkas ${tooBig.name} lebih besar dari 10 MB.`;
  if (files.length === 0 && !value('keterangan-bukti'))
    errors['keterangan-bukti'] = 'Lampirkan berkas bukti atau tuliskan keterangan bukti.';
  if (!privacyNoticeVersion)
    errors['persetujuan-privasi'] =
      'Pemberitahuan pelindungan data pribadi belum termuat. Muat ulang halaman, lalu baca dan setujui pemberitahuan.';
  else if (!field('persetujuan-privasi').checked)
    errors['persetujuan-privasi'] =
      'Baca Pemberitahuan Pelindungan Data Pribadi dan centang persetujuan untuk mengirim pengaduan.';
  return errors;
}

/** The identity and contact fields' rules (BIASA and RAHASIA); a RAHASIA NIK may be left out. */
function checkIdentity(errors, mode) {
  if (!value('nama')) errors.nama = 'Nama lengkap wajib diisi.';
  const nik = value('nik');
  if ((mode === 'BIASA' || nik) && !/^\d{16}$/.test(nik)) errors.nik = 'NIK wajib 16 digit angka sesuai KTP.';
  const phone = value('telepon');
  const email = value('email');
  if (!phone && !email) errors.telepon = 'Isi nomor telepon atau email agar kami dapat menghubungi Anda.';
  if (phone && !/^\+?[0-9 ()-]{6,20}$/.test(phone)) errors.telepon = 'Nomor telepon tidak valid.';
  if (email && !field('email').checkValidity()) errors.email = 'Alamat email tidak valid.';
  const notifyBy = chosenNotifyBy();
  if (notifyBy === 'EMAIL' && !email) errors.email = 'Isi email untuk menerima pemberitahuan melalui email.';
  if ((notifyBy === 'SMS' || notifyBy === 'WHATSAPP') && !phone)
    errors.telepon = 'Isi nomor telepon untuk menerima pemberitahuan melalui SMS/WhatsApp.';
}

/**
 * The errors on view: field id -> message, and the server's message if it refused the complaint.
 * Set by a submit; a field's error goes as soon as the field is corrected (recheckShownErrors).
 */
let shownErrors = {};
let shownServerMessage;
/** The server's refusal per field: field id -> its message and the value it refused. */
let serverFieldErrors = {};

/** Where the API's field paths (its 4xx answer's `fields`) are on this form. */
const FIELD_IDS = {
  'complainant.name': 'nama',
  'complainant.nik': 'nik',
  'complainant.address': 'alamat',
  'complainant.phone': 'telepon',
  'complainant.email': 'email',
  licensingService: 'layanan',
  description: 'uraian',
  'location.kecamatan': 'kecamatan',
  'location.kelurahan': 'kelurahan',
  evidence: 'keterangan-bukti',
  privacyNoticeVersion: 'persetujuan-privasi',
};

function renderErrors() {
  const list = field('daftar-galat');
  list.replaceChildren();
  for (const input of form.querySelectorAll('input, select, textarea')) {
    input.removeAttribute('aria-invalid');
    const slot = document.getElementById(`${input.id}-galat`);
    if (slot) slot.textContent = '';
  }
  for (const [id, message] of Object.entries(shownErrors)) {
    field(id).setAttribute('aria-invalid', 'true');
    setText(`${id}-galat`, message);
    const link = document.createElement('a');
    link.href = `#${id}`;
    link.className = 'summary-link';
    link.textContent = message;
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  if (shownServerMessage) {
    const item = document.createElement('li');
    item.textContent = shownServerMessage;
    list.append(item);
  }
  const summary = field('ringkasan-galat');
  summary.hidden = list.children.length === 0;
}

/** After a submit: every error next to its field and in the summary, which takes the focus. */
function showErrors(errors, serverMessage) {
  shownErrors = errors;
  shownServerMessage = serverMessage;
  renderErrors();
  const summary = field('ringkasan-galat');
  if (!summary.hidden) summary.focus();
}

/**
 * While the citizen corrects the form: the fields with an error on view are checked again, and an
 * error goes (message, aria-invalid and its line in the summary) as soon as its field is right, or
 * changes if a related field changed it (telepon/email/notify-by). No new error appears while
 * typing, and the focus stays where it is.
 */
function recheckShownErrors() {
  if (Object.keys(shownErrors).length === 0) return;
  const now = check();
  const still = {};
  for (const id of Object.keys(shownErrors)) {
    if (now[id]) still[id] = now[id];
    // The server's refusal of a field stands until that field is changed.
    else if (serverFieldErrors[id] && value(id) === serverFieldErrors[id].value)
      still[id] = serverFieldErrors[id].message;
  }
  const changed =
    Object.keys(still).length !== Object.keys(shownErrors).length ||
    Object.entries(still).some(([id, message]) => shownErrors[id] !== message);
  if (!changed) return;
  shownErrors = still;
  renderErrors();
}

function complaintBody() {
  const files = [...field('berkas').files];
  const location = value('kecamatan')
    ? { kecamatan: value('kecamatan'), kelurahan: value('kelurahan') }
    : undefined;
  const mode = chosenIdentityMode();
  // ANONIM: no identity and no notification are sent, whatever the hidden fields still hold.
  const identity =
    mode === 'ANONIM'
      ? { identityMode: mode }
      : {
          complainant: {
            name: value('nama'),
            ...(mode === 'BIASA' || value('nik') ? { nik: value('nik') } : {}),
            ...(value('alamat') ? { address: value('alamat') } : {}),
            ...(value('telepon') ? { phone: value('telepon') } : {}),
            ...(value('email') ? { email: value('email') } : {}),
          },
          ...(mode === 'RAHASIA' ? { identityMode: mode } : {}),
        };
  return {
    ...identity,
    licensingService: value('layanan'),
    description: value('uraian'),
    ...(location ? { location } : {}),
    evidence: [
      ...files.map((f) => `Berkas: ${f.name}`),
      ...(value('keterangan-bukti') ? [value('keterangan-bukti')] : []),
    ],
    ...(chosenNotifyBy() && mode !== 'ANONIM' ? { notifyBy: chosenNotifyBy() } : {}),
    privacyNoticeVersion,
  };
}

async function uploadEvidence(trackingCode, files) {
  const failed = [];
  for (const [i, file] of files.entries()) {
    setText('status-unggah', `Mengunggah berkas ${i + 1} dari ${files.length}: ${file.name}…`);
    const data = new FormData();
    data.append('file', file, file.name);
    const result = await api(`/api/public/complaints/${encodeURIComponent(trackingCode)}/attachments`, {
      method: 'POST',
      body: data,
    });
    if (!result.ok) failed.push(`${file.name}: ${messageOf(result)}`);
  }
  setText(
    'status-unggah',
    failed.length === 0
      ? `${files.length} berkas bukti terunggah.`
      : `Sebagian berkas tidak terunggah (${failed.join(' ')}). Pengaduan Anda tetap tercatat; bawa berkas tersebut ke loket atau kirim lewat email dengan menyebut kode pelacakan.`,
  );
}

/** How the complainant will be told of the response, as they chose on the form. */
function howTold(notifyBy, identityMode) {
  if (identityMode === 'ANONIM')
    return 'Pengaduan Anda anonim: kami tidak dapat memberi tahu Anda. Lihat tanggapan di halaman pelacakan dengan kode pelacakan di atas; kode yang hilang tidak dapat dikirim ulang.';
  switch (notifyBy) {
    case 'EMAIL':
      return 'Tanggapan juga dikirim ke email Anda.';
    case 'WHATSAPP':
      return 'Tanggapan juga dikirim lewat WhatsApp ke nomor telepon Anda.';
    case 'SMS':
      return 'Tanggapan juga dikirim lewat SMS ke nomor telepon Anda.';
    case 'NONE':
      return 'Anda memilih tidak diberi tahu: lihat tanggapan di halaman pelacakan.';
    default:
      return 'Kami juga memberi tahu Anda lewat email atau nomor telepon yang Anda isi.';
  }
}

function showReceipt(created, body) {
  form.hidden = true;
  document.body.classList.add('receipt-shown');
  setText('kode-pelacakan', created.trackingCode);
  setText('nomor-register', created.registerNumber);
  setText('diterima', formatDateTime(created.receivedAt));
  setText('batas-waktu', formatDateTime(created.dueAt));
  setText('batas-waktu-selanjutnya', formatDueDate(created.dueAt));
  setText('cara-diberi-tahu', howTold(body.notifyBy, body.identityMode));
  setText('layanan-terima', body.licensingService);
  setText('uraian-terima', body.description);
  // The tracking page opens this code directly: the link to keep, print or send to someone.
  const link = field('tautan-lacak');
  link.href = `/lacak?kode=${encodeURIComponent(created.trackingCode)}`;
  link.textContent = link.href;
  // The deadline may rest on an unchecked holiday list: the intake says so, the citizen is told.
  const warning = typeof created.calendarWarning === 'string' ? created.calendarWarning : '';
  field('peringatan-kalender').hidden = !warning;
  setText('peringatan-kalender-isi', warning);
  const receipt = field('tanda-terima');
  receipt.hidden = false;
  receipt.focus();
}

/**
 * Copies text: the Clipboard API where the browser offers it (https or localhost only), else the
 * older copy command on a hidden text field. True if either worked.
 */
async function copyText(text) {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, plain http): try the older way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

field('salin-kode').addEventListener('click', async () => {
  const button = field('salin-kode');
  const code = field('kode-pelacakan').textContent;
  setText('status-salin', '');
  const copied = await copyText(code);
  button.focus();
  if (copied) {
    setText('status-salin', `Kode pelacakan ${code} disalin.`);
    return;
  }
  // Nothing could copy: the code is selected so the citizen can copy it by hand.
  const range = document.createRange();
  range.selectNodeContents(field('kode-pelacakan'));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  setText(
    'status-salin',
    'Kode tidak dapat disalin otomatis. Kode sudah ditandai: salin dengan Ctrl+C, atau tekan lama lalu pilih Salin.',
  );
});

// The print stylesheet prints the receipt only.
field('cetak').addEventListener('click', () => window.print());

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const errors = check();
  serverFieldErrors = {};
  showErrors(errors);
  if (Object.keys(errors).length > 0) return;

  const body = complaintBody();
  const content = JSON.stringify(body);
  if (idempotency.content !== content) idempotency = { content, key: newKey() };
  const button = field('kirim');
  button.disabled = true;
  setText('status-kirim', 'Mengirim pengaduan…');
  const result = await api('/api/public/complaints', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotency.key },
    body: content,
  });
  button.disabled = false;
  setText('status-kirim', '');
  if (!result.ok) {
    // A refusal naming fields is shown next to them; anything else in the summary.
    const byField = {};
    for (const [path, message] of Object.entries(result.body?.fields ?? {}))
      if (FIELD_IDS[path]) byField[FIELD_IDS[path]] = message;
    serverFieldErrors = Object.fromEntries(
      Object.entries(byField).map(([id, message]) => [id, { message, value: value(id) }]),
    );
    const named = Object.keys(byField).length === Object.keys(result.body?.fields ?? {}).length;
    showErrors(byField, named && Object.keys(byField).length > 0 ? undefined : messageOf(result));
    return;
  }
  showReceipt(result.body, body);
  const files = [...field('berkas').files];
  if (files.length > 0) await uploadEvidence(result.body.trackingCode, files);
});

field('kecamatan').addEventListener('change', fillKelurahan);
for (const radio of form.querySelectorAll('input[name="identity-mode"]'))
  radio.addEventListener('change', applyIdentityMode);
applyIdentityMode();
form.addEventListener('input', recheckShownErrors);
form.addEventListener('change', recheckShownErrors);
loadAreas();
loadPrivacyNotice();
