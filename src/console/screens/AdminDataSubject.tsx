/**
 * Admin: data-subject requests (UU 27/2022 on personal data protection). Find every complaint of a
 * person by NIK, phone or e-mail; download what is held about them (JSON or PDF); correct the
 * complainant's identity on one complaint; erase it where no duty to keep it holds (closed, objection
 * window passed). Every action is in the request log below (keys masked).
 */

import { useEffect, useState } from 'preact/hooks';
import { DATA_SUBJECT_OUTCOME_LABELS } from '../../domain/data-subject';
import { api, errorMessage, type Schemas } from '../api/client';
import { fileNameOf, saveBlob } from '../download';
import { CHANNEL_LABELS, formatDateTime, registerSlug, STATUS_LABELS } from '../format';
import { BASE } from '../router';
import { Alert, FieldError, Link, PageHeading } from '../ui';

type Keys = Schemas['PersonKeysDto'];
type Found = Schemas['PersonComplaintDto'];
type Erasure = Schemas['ErasureResultDto'];
type Log = Schemas['DataSubjectRequestPageDto'];

const KEY_LABELS: Record<string, string> = { nik: 'NIK', phone: 'Telepon', email: 'Email' };
const OFFLINE = 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.';

function keysOf(form: { nik: string; phone: string; email: string }): Keys {
  const keys: Keys = {};
  if (form.nik.trim()) keys.nik = form.nik.trim();
  if (form.phone.trim()) keys.phone = form.phone.trim();
  if (form.email.trim()) keys.email = form.email.trim();
  return keys;
}

export function AdminDataSubject() {
  const [form, setForm] = useState({ nik: '', phone: '', email: '' });
  const [keys, setKeys] = useState<Keys | null>(null);
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<Found | null>(null);
  const [logVersion, setLogVersion] = useState(0);

  async function search(using: Keys) {
    setError(null);
    try {
      const { data, error: problem, response } = await api.POST('/api/data-subject/search', { body: using });
      if (!data) return setError(errorMessage(problem, response));
      setKeys(using);
      setFound(data.items);
    } catch {
      setError(OFFLINE);
    } finally {
      setLogVersion((v) => v + 1);
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    setNotice(null);
    setCorrecting(null);
    const using = keysOf(form);
    if (Object.keys(using).length === 0) return setError('Isi minimal satu: NIK, nomor telepon atau email.');
    void search(using);
  }

  async function download(format: 'json' | 'pdf') {
    if (!keys) return;
    setError(null);
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.POST('/api/data-subject/export', {
        body: { ...keys, format },
        parseAs: 'blob',
      });
      if (!data) return setError(errorMessage(problem, response));
      saveBlob(data as Blob, fileNameOf(response, `data-pribadi.${format}`));
      setNotice(`Berkas ${format.toUpperCase()} diunduh.`);
    } catch {
      setError(OFFLINE);
    } finally {
      setLogVersion((v) => v + 1);
    }
  }

  return (
    <>
      <PageHeading title="Permintaan subjek data">Permintaan subjek data</PageHeading>
      <p class="muted">
        Atas permintaan pengadu (UU 27/2022 tentang Pelindungan Data Pribadi): cari semua pengaduannya, unduh
        data yang disimpan, perbaiki identitasnya, atau hapus data pribadinya bila pengaduan sudah selesai dan
        masa keberatan sudah lewat. Setiap tindakan dicatat di log di bawah; kunci pencarian disamarkan.
      </p>
      <form class="card filters" onSubmit={submit} noValidate aria-labelledby="subjek-cari">
        <h2 id="subjek-cari" class="wide">
          Cari pengadu
        </h2>
        <div class="field">
          <label for="subjek-nik">NIK</label>
          <input
            id="subjek-nik"
            inputMode="numeric"
            autoComplete="off"
            value={form.nik}
            onInput={(e) => setForm({ ...form, nik: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="subjek-telepon">Nomor telepon</label>
          <input
            id="subjek-telepon"
            type="tel"
            autoComplete="off"
            value={form.phone}
            onInput={(e) => setForm({ ...form, phone: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="subjek-email">Email</label>
          <input
            id="subjek-email"
            type="email"
            autoComplete="off"
            value={form.email}
            onInput={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
        </div>
        <div class="actions">
          <button type="submit">Cari</button>
        </div>
      </form>
      <Alert message={error} />
      <Alert message={notice} kind="info" />
      {found && found.length === 0 ? <p role="status">Tidak ada pengaduan dengan data tersebut.</p> : null}
      {found && found.length > 0 ? (
        <section aria-labelledby="subjek-hasil">
          <h2 id="subjek-hasil">{found.length} pengaduan ditemukan</h2>
          <table class="data stack">
            <thead>
              <tr>
                <th scope="col">Nomor registrasi</th>
                <th scope="col">Diterima</th>
                <th scope="col">Status</th>
                <th scope="col">Media</th>
                <th scope="col">Cocok dengan</th>
                <th scope="col">Tindakan</th>
              </tr>
            </thead>
            <tbody>
              {found.map((c) => (
                <tr key={c.id}>
                  <td data-label="Nomor registrasi">
                    <Link href={`${BASE}/pengaduan/${registerSlug(c.registerNumber)}`}>
                      {c.registerNumber}
                    </Link>
                  </td>
                  <td data-label="Diterima">{formatDateTime(c.receivedAt)}</td>
                  <td data-label="Status">{STATUS_LABELS[c.status] ?? c.status}</td>
                  <td data-label="Media">{CHANNEL_LABELS[c.channel] ?? c.channel}</td>
                  <td data-label="Cocok dengan">{c.matchedBy.map((k) => KEY_LABELS[k] ?? k).join(', ')}</td>
                  <td data-label="Tindakan">
                    <button type="button" class="secondary" onClick={() => setCorrecting(c)}>
                      Perbaiki data {c.registerNumber}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="actions">
            <button type="button" onClick={() => void download('json')}>
              Unduh data (JSON)
            </button>{' '}
            <button type="button" onClick={() => void download('pdf')}>
              Unduh data (PDF)
            </button>
          </p>
          {correcting ? (
            <CorrectForm
              complaint={correcting}
              onDone={(message) => {
                setCorrecting(null);
                setNotice(message);
                setLogVersion((v) => v + 1);
              }}
              onCancel={() => setCorrecting(null)}
            />
          ) : null}
          <EraseForm
            keys={keys!}
            onDone={(message) => {
              setNotice(message);
              void search(keys!);
            }}
          />
        </section>
      ) : null}
      <RequestLog version={logVersion} />
    </>
  );
}

const CORRECT_FIELDS = [
  ['complainantName', 'Nama', 'text'],
  ['complainantNik', 'NIK', 'text'],
  ['complainantAddress', 'Alamat', 'text'],
  ['complainantPhone', 'Nomor telepon', 'tel'],
  ['complainantEmail', 'Email', 'email'],
] as const;
type CorrectField = (typeof CORRECT_FIELDS)[number][0];

function CorrectForm(props: { complaint: Found; onDone: (message: string) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Record<CorrectField | 'reason', string>>({
    complainantName: '',
    complainantNik: '',
    complainantAddress: '',
    complainantPhone: '',
    complainantEmail: '',
    reason: '',
  });
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const body: Schemas['CorrectComplainantDto'] = { reason: values.reason };
    for (const [field] of CORRECT_FIELDS) if (values[field].trim()) body[field] = values[field].trim();
    if (Object.keys(body).length === 1) return setError('Isi minimal satu data yang diperbaiki.');
    if (!values.reason.trim()) return setError('Alasan perbaikan wajib diisi.');
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.PATCH('/api/data-subject/complaints/{id}', {
        params: { path: { id: props.complaint.id } },
        body,
      });
      if (!data) return setError(errorMessage(problem, response));
      props.onDone(
        data.changedFieldLabels.length > 0
          ? `Data pengaduan ${data.registerNumber} diperbaiki: ${data.changedFieldLabels.join(', ')}.`
          : `Data pengaduan ${data.registerNumber} sama dengan yang tersimpan; tidak ada yang berubah.`,
      );
    } catch {
      setError(OFFLINE);
    }
  }

  const id = `perbaiki-${props.complaint.id}`;
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby={id}>
      <h3 id={id}>Perbaiki data pengaduan {props.complaint.registerNumber}</h3>
      <p class="muted">Isi hanya data yang diperbaiki; yang dikosongkan tidak berubah.</p>
      {CORRECT_FIELDS.map(([field, label, type]) => (
        <div class="field" key={field}>
          <label for={`${id}-${field}`}>{label} baru</label>
          <input
            id={`${id}-${field}`}
            type={type as 'text'}
            autoComplete="off"
            value={values[field]}
            onInput={(e) => setValues({ ...values, [field]: e.currentTarget.value })}
          />
        </div>
      ))}
      <div class="field">
        <label for={`${id}-alasan`}>Alasan perbaikan</label>
        <input
          id={`${id}-alasan`}
          value={values.reason}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-galat` : undefined}
          onInput={(e) => setValues({ ...values, reason: e.currentTarget.value })}
        />
      </div>
      <FieldError id={`${id}-galat`} message={error} />
      <div class="actions">
        <button type="submit">Simpan perbaikan</button>{' '}
        <button type="button" class="secondary" onClick={props.onCancel}>
          Batal
        </button>
      </div>
    </form>
  );
}

function EraseForm(props: { keys: Keys; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Erasure | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!reason.trim()) return setError('Alasan penghapusan wajib diisi.');
    setError(null);
    try {
      const {
        data,
        error: problem,
        response,
      } = await api.POST('/api/data-subject/erase', {
        body: { ...props.keys, reason },
      });
      if (!data) return setError(errorMessage(problem, response));
      setResult(data);
      props.onDone(
        `${data.erased.length} pengaduan dihapus data pribadinya, ${data.refused.length} ditolak.`,
      );
    } catch {
      setError(OFFLINE);
    }
  }

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="subjek-hapus">
      <h3 id="subjek-hapus">Hapus data pribadi</h3>
      <p class="muted">
        Nama diganti, NIK, alamat, telepon dan email dihapus pada pengaduan yang sudah selesai dan masa
        keberatannya lewat. Pengaduan yang masih ditangani atau masih dapat diajukan keberatan tidak dihapus.
      </p>
      <div class="field">
        <label for="subjek-hapus-alasan">Alasan penghapusan</label>
        <input
          id="subjek-hapus-alasan"
          value={reason}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'subjek-hapus-galat' : undefined}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </div>
      <FieldError id="subjek-hapus-galat" message={error} />
      <div class="actions">
        <button type="submit">Hapus data pribadi</button>
      </div>
      {result ? (
        <ul aria-label="Hasil penghapusan">
          {result.erased.map((e) => (
            <li key={e.id}>{e.registerNumber}: dihapus.</li>
          ))}
          {result.refused.map((r) => (
            <li key={r.id}>
              {r.registerNumber}: tidak dihapus. {r.message}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}

function RequestLog(props: { version: number }) {
  const [log, setLog] = useState<Log | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const {
          data,
          error: problem,
          response,
        } = await api.GET('/api/data-subject/requests', {
          params: { query: { pageSize: 20 } },
        });
        if (cancelled) return;
        if (data) setLog(data);
        else setError(errorMessage(problem, response));
      } catch {
        if (!cancelled) setError(OFFLINE);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [props.version]);

  return (
    <section aria-labelledby="subjek-log">
      <h2 id="subjek-log">Log permintaan</h2>
      <Alert message={error} />
      {log && log.items.length === 0 ? <p>Belum ada permintaan.</p> : null}
      {log && log.items.length > 0 ? (
        <table class="data stack">
          <caption class="visually-hidden">Log permintaan subjek data, terbaru di atas</caption>
          <thead>
            <tr>
              <th scope="col">Waktu</th>
              <th scope="col">Tindakan</th>
              <th scope="col">Oleh</th>
              <th scope="col">Kunci (disamarkan)</th>
              <th scope="col">Pengaduan</th>
              <th scope="col">Hasil</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((r) => (
              <tr key={r.id}>
                <td data-label="Waktu">{formatDateTime(r.at)}</td>
                <td data-label="Tindakan">{r.actionLabel}</td>
                <td data-label="Oleh">{r.username}</td>
                <td data-label="Kunci (disamarkan)">
                  {Object.entries(r.keys)
                    .map(([k, v]) => `${KEY_LABELS[k] ?? k} ${v}`)
                    .join(', ') || '–'}
                </td>
                <td data-label="Pengaduan">{r.complaintIds.length}</td>
                <td data-label="Hasil">{DATA_SUBJECT_OUTCOME_LABELS[r.outcome] ?? r.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
