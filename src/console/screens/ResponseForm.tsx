/**
 * The final response (POST /api/complaints/{id}/response), once every unit is done: by Seksi
 * Pengaduan, and for a RINGAN case by the front desk too (checkResponder, SOP B.3.a).
 */
import { useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { FieldError } from '../ui';

type Detail = Schemas['ComplaintDetailView'];

export function ResponseForm(props: { detail: Detail; onDone: (detail: Detail, message: string) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!text.trim()) return setError('Isi tanggapan wajib diisi.');
    setError(null);
    setBusy(true);
    try {
      const {
        data,
        error: apiError,
        response,
      } = await api.POST('/api/complaints/{id}/response', {
        params: { path: { id: props.detail.id } },
        body: { response: text.trim() },
      });
      // The API's refusal (e.g. a unit not done yet, or the case closed meanwhile) next to the field.
      if (!data) return setError(errorMessage(apiError, response));
      props.onDone(data, 'Tanggapan telah disampaikan; pengaduan selesai.');
    } catch {
      setError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card highlight" aria-labelledby="tanggapan-judul">
      <h2 id="tanggapan-judul">Tanggapan</h2>
      <p class="muted small">
        Semua unit telah menyelesaikan tugasnya. Tanggapan ini disampaikan kepada pengadu.
      </p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="tanggapan-isi">Isi tanggapan</label>
          <textarea
            id="tanggapan-isi"
            rows={6}
            maxLength={10000}
            value={text}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'tanggapan-isi-galat' : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <FieldError id="tanggapan-isi-galat" message={error} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Mengirim…' : 'Kirim tanggapan'}
        </button>
      </form>
    </section>
  );
}
