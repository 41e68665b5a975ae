// The tracking page: a tracking code in, the public view of the complaint out (nothing personal).
import { api, formatDateTime, formatDueDate, messageOf, setText } from './common.js';
import { showRating } from './penilaian.js';

/** Stages shown without opening "Tampilkan semua tahapan": the latest few. */
const LATEST_STAGES = 3;

/** What each status means for the citizen, in a sentence (the answer first, the details after). */
function explanation(c) {
  const due = formatDueDate(c.dueAt);
  if (c.objection && c.status === 'RECEIVED')
    return c.dueAt
      ? `Keberatan Anda sudah diterima. Pengaduan Anda diperiksa kembali oleh Seksi Pengaduan dan Informasi Layanan; tanggapan baru diberikan paling lambat ${due}.`
      : 'Keberatan Anda sudah diterima. Pengaduan Anda diperiksa kembali oleh Seksi Pengaduan dan Informasi Layanan; batas waktu yang baru sedang ditetapkan.';
  switch (c.status) {
    case 'RECEIVED':
      return `Pengaduan Anda sudah tercatat dan menunggu diperiksa Seksi Pengaduan dan Informasi Layanan. Tanggapan diberikan paling lambat ${due}.`;
    case 'IN_PROGRESS':
      return `Unit terkait sedang menindaklanjuti pengaduan Anda. Tanggapan diberikan paling lambat ${due}.`;
    case 'AWAITING_DECISION':
      return 'Hasil kajian unit terkait sudah diteruskan kepada Kepala Daerah (Wali Kota Prabumulih) untuk diputuskan.';
    case 'AWAITING_RESPONSE':
      return `Semua unit sudah menyelesaikan tindak lanjutnya; tanggapan untuk Anda sedang disiapkan (paling lambat ${due}).`;
    case 'RESOLVED':
      return 'Pengaduan Anda sudah ditanggapi. Tanggapan petugas ada di bawah ini.';
    case 'REJECTED':
      return 'Pengaduan Anda tidak dapat ditindaklanjuti. Alasannya ada di bawah ini.';
    case 'FORWARDED':
      return 'Pengaduan Anda bukan wewenang DPM-PTSP dan sudah diteruskan kepada instansi yang berwenang, yang akan menindaklanjutinya. Rinciannya ada di bawah ini.';
    default:
      return '';
  }
}

function stageItem(stage) {
  const item = document.createElement('li');
  const time = document.createElement('time');
  time.dateTime = stage.at;
  time.textContent = formatDateTime(stage.at);
  item.append(document.createTextNode(stage.label), time);
  return item;
}

/** Each unit with a task and whether it is done; "5 dari 8 unit selesai" above the list. */
function showProgress(units) {
  const box = document.getElementById('hasil-kemajuan');
  box.hidden = units.length === 0;
  const done = units.filter((u) => u.done).length;
  setText('hasil-kemajuan-ringkas', `${done} dari ${units.length} unit selesai`);
  const bar = document.getElementById('hasil-kemajuan-batang');
  bar.max = Math.max(units.length, 1);
  bar.value = done;
  document.getElementById('hasil-unit').replaceChildren(
    ...units.map((u) => {
      const item = document.createElement('li');
      item.className = u.done ? 'done' : 'open';
      const state = document.createElement('span');
      state.className = 'unit-state';
      state.textContent = u.done ? 'Selesai' : 'Belum selesai';
      item.append(document.createTextNode(`${u.label}: `), state);
      // The unit's own deadline while it still works (the stage deadline of its task).
      if (!u.done && u.dueAt)
        item.append(document.createTextNode(` (batas waktu unit: ${formatDateTime(u.dueAt)})`));
      return item;
    }),
  );
}

/**
 * Stages newest first: the latest few in view, the older ones under "Tampilkan semua tahapan" (a
 * <details>, so it opens without script too). Numbered as they happened (reversed lists).
 */
function showStages(stages) {
  const newestFirst = [...stages].reverse();
  const latest = newestFirst.slice(0, LATEST_STAGES);
  const older = newestFirst.slice(LATEST_STAGES);
  const latestList = document.getElementById('hasil-tahapan');
  latestList.start = stages.length;
  latestList.replaceChildren(...latest.map(stageItem));
  const olderList = document.getElementById('hasil-tahapan-sebelumnya');
  olderList.start = older.length;
  olderList.replaceChildren(...older.map(stageItem));
  const details = document.getElementById('tahapan-sebelumnya');
  details.hidden = older.length === 0;
  details.open = false;
  setText('tahapan-sebelumnya-jumlah', `(${older.length} tahapan sebelumnya)`);
}

/**
 * Objection (keberatan): once filed, when, and the answer it set aside; while it may still be filed
 * (14 days after the answer, once), the form with its deadline.
 */
function showObjection(c) {
  const box = document.getElementById('hasil-keberatan');
  box.hidden = !c.objection;
  if (c.objection) {
    const what = c.objection.previousStatus === 'REJECTED' ? 'penolakan' : 'tanggapan';
    setText(
      'hasil-keberatan-keterangan',
      `Anda mengajukan keberatan atas ${what} pengaduan ini pada ${formatDateTime(c.objection.filedAt)}.`,
    );
    setText(
      'hasil-keberatan-judul-sebelumnya',
      c.objection.previousStatus === 'REJECTED'
        ? 'Alasan penolakan sebelum keberatan'
        : 'Tanggapan sebelum keberatan',
    );
    setText(
      'hasil-keberatan-sebelumnya',
      c.objection.previousResponse ?? c.objection.previousRejectionReason ?? '—',
    );
  }
  const objectionForm = document.getElementById('form-keberatan');
  objectionForm.hidden = !c.objectionOpenUntil;
  setText('keberatan-batas', formatDueDate(c.objectionOpenUntil));
}

/** The answer first (status, response or reason), then progress, the dates and the stages. */
function show(c) {
  setText('hasil-register', c.registerNumber);
  setText('hasil-status', c.overdue ? `${c.statusLabel} (melewati batas waktu)` : c.statusLabel);
  setText(
    'hasil-keterangan',
    c.overdue && c.status !== 'RESOLVED' && c.status !== 'REJECTED' && c.status !== 'FORWARDED'
      ? `${explanation(c)} Batas waktu sudah terlewati; pimpinan DPM-PTSP sudah diberi tahu.`
      : explanation(c),
  );
  document.getElementById('hasil-tanggapan').hidden = !c.response;
  setText('hasil-tanggapan-isi', c.response);
  document.getElementById('hasil-penolakan').hidden = !c.rejectionReason;
  setText('hasil-penolakan-isi', c.rejectionReason);
  const forwarded = c.forwarded ?? null;
  document.getElementById('hasil-diteruskan').hidden = !forwarded;
  setText('hasil-diteruskan-instansi', forwarded?.agencyName ?? '');
  setText('hasil-diteruskan-tanggal', forwarded ? formatDateTime(forwarded.at) : '');
  setText('hasil-diteruskan-surat', forwarded?.letterNumber ?? '');
  setText('hasil-diteruskan-alasan', forwarded?.reason ?? '');
  showObjection(c);
  showProgress(c.units ?? []);
  setText('hasil-layanan', c.licensingService ?? '—');
  setText('hasil-diterima', formatDateTime(c.receivedAt));
  setText('hasil-batas', formatDateTime(c.dueAt));
  // Stage deadlines: the triage while it is pending, the Kepala Daerah's decision while awaited.
  const stageDue =
    c.status === 'RECEIVED' && c.triageDueAt
      ? `Pemeriksaan (triase): ${formatDateTime(c.triageDueAt)}`
      : c.status === 'AWAITING_DECISION' && c.decisionDueAt
        ? `Keputusan Kepala Daerah: ${formatDateTime(c.decisionDueAt)}`
        : '';
  document.getElementById('hasil-batas-tahap-baris').hidden = stageDue === '';
  document.getElementById('hasil-batas-tahap').hidden = stageDue === '';
  setText('hasil-batas-tahap', stageDue);
  showStages(c.stages);
}

const form = document.getElementById('form-lacak');
const input = document.getElementById('kode');
const result = document.getElementById('hasil');

/** The code of the complaint on show (the objection form files against it). */
let shownCode = null;

async function track(code) {
  setText('status-keberatan', '');
  setText('kode-galat', '');
  input.removeAttribute('aria-invalid');
  if (!/^[A-Za-z0-9]{6,32}$/.test(code)) {
    input.setAttribute('aria-invalid', 'true');
    setText('kode-galat', 'Kode pelacakan terdiri dari 10 huruf/angka, misalnya K7QX2M9TPA.');
    result.hidden = true;
    return;
  }
  const response = await api(`/api/public/complaints/${encodeURIComponent(code.toUpperCase())}`);
  if (!response.ok) {
    input.setAttribute('aria-invalid', 'true');
    setText('kode-galat', messageOf(response));
    result.hidden = true;
    return;
  }
  shownCode = response.body.trackingCode;
  show(response.body);
  result.hidden = false;
  result.focus();
  await showRating(response.body.trackingCode, response.body.status);
}

// The objection form: the reason goes to the API; the answer is the tracking view, open again.
const objectionForm = document.getElementById('form-keberatan');
const reason = document.getElementById('alasan-keberatan');
objectionForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  setText('alasan-keberatan-galat', '');
  setText('status-keberatan', '');
  reason.removeAttribute('aria-invalid');
  if (reason.value.trim() === '') {
    reason.setAttribute('aria-invalid', 'true');
    setText('alasan-keberatan-galat', 'Tuliskan alasan keberatan Anda.');
    reason.focus();
    return;
  }
  const button = document.getElementById('kirim-keberatan');
  button.disabled = true;
  const response = await api(`/api/public/complaints/${encodeURIComponent(shownCode)}/objection`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason: reason.value }),
  });
  button.disabled = false;
  if (!response.ok) {
    reason.setAttribute('aria-invalid', 'true');
    setText('alasan-keberatan-galat', messageOf(response));
    reason.focus();
    return;
  }
  reason.value = '';
  show(response.body);
  setText(
    'status-keberatan',
    'Keberatan Anda telah diterima. Pengaduan akan diperiksa kembali; perkembangannya dapat Anda lacak di halaman ini.',
  );
  document.getElementById('hasil-keberatan').scrollIntoView?.({ block: 'nearest' });
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = input.value.trim();
  // The address keeps the code, so it can be bookmarked or shared (/lacak or /lacak.html alike).
  history.replaceState(null, '', `${location.pathname}?kode=${encodeURIComponent(code)}`);
  track(code);
});

const fromUrl = new URLSearchParams(location.search).get('kode');
if (fromUrl) {
  input.value = fromUrl;
  track(fromUrl.trim());
}

// "Lost your tracking code?": the code is sent to the e-mail or phone given on the complaint. The
// answer is the same whether or not it matched, so this page never tells who has complained.
const lostForm = document.getElementById('form-lupa-kode');
const contact = document.getElementById('kontak');
lostForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  setText('kontak-galat', '');
  setText('status-lupa-kode', '');
  contact.removeAttribute('aria-invalid');
  const value = contact.value.trim();
  if (!/^\S+@\S+\.\S+$/.test(value) && !/^\+?[0-9 ()-]{6,20}$/.test(value)) {
    contact.setAttribute('aria-invalid', 'true');
    setText('kontak-galat', 'Isi email atau nomor telepon yang Anda berikan saat mengajukan pengaduan.');
    return;
  }
  const button = document.getElementById('kirim-kode');
  button.disabled = true;
  const response = await api('/api/public/tracking-code-requests', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contact: value }),
  });
  button.disabled = false;
  if (!response.ok) {
    contact.setAttribute('aria-invalid', 'true');
    setText('kontak-galat', messageOf(response));
    return;
  }
  setText('status-lupa-kode', response.body.message);
});
