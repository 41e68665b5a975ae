// The rating form of the tracking page: once the complaint is answered (RESOLVED), the complainant
// rates its handling on the IKM scale (1 Tidak baik .. 4 Sangat baik) with an optional comment, once.
// The response message links here as /lacak?kode=...#penilaian.
import { api, formatDateTime, messageOf, setText } from './common.js';

const section = document.getElementById('penilaian');
const form = document.getElementById('form-penilaian');
const comment = document.getElementById('komentar');
const button = document.getElementById('kirim-penilaian');
const COMMENT_MAX = 1000;

/** The code of the complaint shown, for the form's submit. */
let current = null;

function clearErrors() {
  for (const id of ['nilai-galat', 'komentar-galat', 'penilaian-galat']) setText(id, '');
  for (const radio of form.elements.nilai) radio.removeAttribute('aria-invalid');
  comment.removeAttribute('aria-invalid');
}

function showGiven(rating) {
  form.hidden = true;
  document.getElementById('penilaian-terkirim').hidden = false;
  setText('penilaian-nilai', `${rating.score} – ${rating.scoreLabel}`);
  setText('penilaian-komentar', rating.comment ?? '');
  setText('penilaian-waktu', `Dinilai ${formatDateTime(rating.ratedAt)}. Penilaian tidak dapat diubah.`);
}

/**
 * Shows the form, or the rating already given, for an answered complaint; hides the section for any
 * other. Opened through the response message's link (#penilaian), it takes the focus.
 */
export async function showRating(code, status) {
  current = code;
  section.hidden = true;
  clearErrors();
  setText('status-penilaian', '');
  if (status !== 'RESOLVED') return;
  const response = await api(`/api/public/complaints/${encodeURIComponent(code)}/rating`);
  if (!response.ok || current !== code) return;
  const { canRate, rating } = response.body;
  if (!canRate && !rating) return;
  form.reset();
  form.hidden = !canRate;
  document.getElementById('penilaian-terkirim').hidden = !rating;
  if (rating) showGiven(rating);
  section.hidden = false;
  if (location.hash === '#penilaian') {
    section.scrollIntoView();
    section.focus();
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  setText('status-penilaian', '');
  const chosen = form.elements.nilai.value;
  const text = comment.value;
  let valid = true;
  if (!chosen) {
    for (const radio of form.elements.nilai) radio.setAttribute('aria-invalid', 'true');
    setText('nilai-galat', 'Pilih salah satu nilai, 1 sampai 4.');
    valid = false;
  }
  if (text !== '' && text.trim() === '') {
    comment.setAttribute('aria-invalid', 'true');
    setText(
      'komentar-galat',
      'Komentar tidak boleh hanya berisi spasi. Kosongkan bila tidak ingin memberi komentar.',
    );
    valid = false;
  } else if (text.length > COMMENT_MAX) {
    comment.setAttribute('aria-invalid', 'true');
    setText('komentar-galat', `Komentar paling banyak ${COMMENT_MAX} karakter.`);
    valid = false;
  }
  if (!valid) {
    (chosen ? comment : form.elements.nilai[0]).focus();
    return;
  }
  button.disabled = true;
  const response = await api(`/api/public/complaints/${encodeURIComponent(current)}/rating`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      text.trim() === '' ? { score: Number(chosen) } : { score: Number(chosen), comment: text },
    ),
  });
  button.disabled = false;
  if (!response.ok) {
    const message = messageOf(response);
    if (/komentar/i.test(message)) {
      comment.setAttribute('aria-invalid', 'true');
      setText('komentar-galat', message);
      comment.focus();
    } else {
      setText('penilaian-galat', message);
    }
    return;
  }
  showGiven(response.body);
  setText('status-penilaian', 'Terima kasih. Penilaian Anda sudah kami terima.');
  section.focus();
});
