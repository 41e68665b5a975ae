/**
 * Objection (keberatan) on the case page: the objection and the answer it set aside, once filed;
 * while the complainant may still object, the form with which the front desk or Seksi Pengaduan
 * records it on their behalf (POST /api/complaints/{id}/objection).
 */
import { useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { formatDateTime } from '../format';
import { FieldError } from '../ui';

type Detail = Schemas['ComplaintDetailView'];
type Me = Schemas['UserDto'];

/** Units that record an objection for a complainant (at the desk, by letter or telephone). */
const RECORDING_UNITS: readonly string[] = ['LOKET', 'SEKSI_PENGADUAN'];

export function ObjectionPanel(props: {
  detail: Detail;
  me: Me;
  onDone: (detail: Detail, message: string) => void;
}) {
  const { detail, me } = props;
  const canRecord =
    me.role === 'STAFF' && !!me.unit && RECORDING_UNITS.includes(me.unit) && !!detail.objectionOpenUntil;
  return (
    <>
      {detail.objection ? <ObjectionFacts objection={detail.objection} /> : null}
      {canRecord ? <ObjectionForm detail={detail} onDone={props.onDone} /> : null}
    </>
  );
}

function ObjectionFacts(props: { objection: NonNullable<Detail['objection']> }) {
  const o = props.objection;
  const previous = o.previousOutcome;
  return (
    <section class="card" aria-labelledby="keberatan">
      <h2 id="keberatan">Keberatan pengadu</h2>
      <p>
        {`Diajukan ${formatDateTime(o.filedAt)} ${o.filedBy ? `dan dicatat oleh ${o.filedBy}` : 'oleh pengadu melalui halaman pelacakan'}. `}
        Pengaduan dibuka kembali sebagai putaran baru dengan batas waktu 10 hari kerja sejak keberatan.
      </p>
      <h3>Alasan keberatan</h3>
      <p class="prewrap">{o.reason}</p>
      {previous ? (
        <>
          <h3>{previous.status === 'REJECTED' ? 'Penolakan sebelumnya' : 'Tanggapan sebelumnya'}</h3>
          <p class="prewrap">{previous.response ?? previous.rejectionReason ?? '–'}</p>
          <p class="muted small">
            {previous.respondedBy ? `oleh ${previous.respondedBy}, ` : ''}
            {formatDateTime(previous.closedAt)}
            {previous.overdue ? ' · melewati batas waktu' : ''}
          </p>
        </>
      ) : null}
    </section>
  );
}

function ObjectionForm(props: { detail: Detail; onDone: (detail: Detail, message: string) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!text.trim()) return setError('Alasan keberatan wajib diisi.');
    setError(null);
    setBusy(true);
    try {
      const {
        data,
        error: apiError,
        response,
      } = await api.POST('/api/complaints/{id}/objection', {
        params: { path: { id: props.detail.id } },
        body: { reason: text.trim() },
      });
      if (!data) return setError(errorMessage(apiError, response));
      props.onDone(data, 'Keberatan dicatat; pengaduan dibuka kembali dan menunggu triase.');
    } catch {
      setError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="keberatan-judul">
      <h2 id="keberatan-judul">Catat keberatan pengadu</h2>
      <p class="muted small" id="keberatan-bantuan">
        Pengadu dapat mengajukan keberatan satu kali, paling lambat{' '}
        {formatDateTime(props.detail.objectionOpenUntil)}. Pengaduan akan dibuka kembali untuk Seksi Pengaduan
        dengan batas waktu 10 hari kerja yang baru.
      </p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="keberatan-alasan">Alasan keberatan</label>
          <textarea
            id="keberatan-alasan"
            rows={4}
            maxLength={2000}
            value={text}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'keberatan-bantuan keberatan-alasan-galat' : 'keberatan-bantuan'}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <FieldError id="keberatan-alasan-galat" message={error} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Mengirim…' : 'Catat keberatan'}
        </button>
      </form>
    </section>
  );
}
