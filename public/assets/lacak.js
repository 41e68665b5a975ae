// The tracking page: a tracking code in, the public view of the complaint out (nothing personal).
import { api, formatDateTime, messageOf, setText } from './common.js';

const form = document.getElementById('form-lacak');
const input = document.getElementById('kode');
const result = document.getElementById('hasil');

async function track(code) {
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
  const c = response.body;
  setText('hasil-register', c.registerNumber);
  setText('hasil-status', c.overdue ? `${c.statusLabel} (melewati batas waktu)` : c.statusLabel);
  setText('hasil-layanan', c.licensingService ?? '—');
  setText('hasil-diterima', formatDateTime(c.receivedAt));
  setText('hasil-batas', formatDateTime(c.dueAt));
  const stages = document.getElementById('hasil-tahapan');
  stages.replaceChildren(
    ...c.stages.map((stage) => {
      const item = document.createElement('li');
      const time = document.createElement('time');
      time.dateTime = stage.at;
      time.textContent = formatDateTime(stage.at);
      item.append(document.createTextNode(stage.label), time);
      return item;
    }),
  );
  document.getElementById('hasil-tanggapan').hidden = !c.response;
  setText('hasil-tanggapan-isi', c.response);
  document.getElementById('hasil-penolakan').hidden = !c.rejectionReason;
  setText('hasil-penolakan-isi', c.rejectionReason);
  result.hidden = false;
  result.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = input.value.trim();
  history.replaceState(null, '', `/lacak?kode=${encodeURIComponent(code)}`);
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
