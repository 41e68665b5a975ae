// Shared by the public pages. Everything from the server or the user is shown with textContent,
// never as HTML, so no field can inject markup or script.

const DATE_TIME = new Intl.DateTimeFormat('id-ID', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Jakarta',
});
const DATE = new Intl.DateTimeFormat('id-ID', { dateStyle: 'full', timeZone: 'Asia/Jakarta' });

export function formatDateTime(iso) {
  return iso ? `${DATE_TIME.format(new Date(iso))} WIB` : '—';
}

export function formatDate(iso) {
  return iso ? DATE.format(new Date(iso)) : '—';
}

const TIME = new Intl.DateTimeFormat('id-ID', { timeStyle: 'short', timeZone: 'Asia/Jakarta' });

/** A deadline with its weekday: "Jumat, 11 Desember 2026 pukul 23.59 WIB". */
export function formatDueDate(iso) {
  if (!iso) return '—';
  const at = new Date(iso);
  return `${DATE.format(at)} pukul ${TIME.format(at)} WIB`;
}

export function setText(id, text) {
  document.getElementById(id).textContent = text ?? '';
}

/** Calls the API; returns { ok, status, body }. Network failures come back as status 0. */
export async function api(path, options = {}) {
  try {
    const res = await fetch(path, {
      ...options,
      headers: { accept: 'application/json', ...(options.headers ?? {}) },
    });
    let body = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    return { ok: res.ok, status: res.status, body };
  } catch {
    return { ok: false, status: 0, body: null };
  }
}

/** The server's message (always Bahasa Indonesia), or a generic one. */
export function messageOf(result) {
  if (result.status === 0)
    return 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.';
  if (result.status === 429)
    return 'Terlalu banyak permintaan dari perangkat Anda. Tunggu sebentar lalu coba lagi.';
  const message = result.body?.message;
  if (Array.isArray(message)) return message.join(' ');
  return typeof message === 'string' ? message : 'Terjadi kesalahan. Silakan coba lagi.';
}
