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
