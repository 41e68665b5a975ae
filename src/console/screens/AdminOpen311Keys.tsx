/**
 * Admin: the API keys of Open311 client applications (city apps, aggregators). A key is needed to
 * create requests at /open311/v2/requests; it is shown once, when made, and can be revoked.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { formatDateTime } from '../format';
import { Alert, FieldError, PageHeading } from '../ui';

type Key = Schemas['Open311ApiKeyDto'];
type CreatedKey = Schemas['CreatedOpen311ApiKeyDto'];

const OFFLINE = 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.';

export function AdminOpen311Keys() {
  const [keys, setKeys] = useState<Key[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { data, error, response } = await api.GET('/api/open311/api-keys');
      if (cancelled) return;
      if (data) setKeys(data);
      else setLoadError(errorMessage(error, response));
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  async function revoke(key: Key) {
    if (!window.confirm(`Cabut kunci API "${key.name}"? Aplikasi itu tidak dapat lagi mengirim pengaduan.`))
      return;
    setDone(null);
    setActionError(null);
    try {
      const { data, error, response } = await api.POST('/api/open311/api-keys/{id}/revoke', {
        params: { path: { id: key.id } },
      });
      if (!data) return setActionError(errorMessage(error, response));
      setKeys((list) => list?.map((k) => (k.id === data.id ? data : k)) ?? null);
      setCreated((c) => (c?.id === data.id ? null : c));
      setDone(`Kunci API "${data.name}" dicabut.`);
    } catch {
      setActionError(OFFLINE);
    }
  }

  return (
    <>
      <PageHeading title="Kunci API Open311">Kunci API Open311</PageHeading>
      <p class="muted">
        Aplikasi kota dan agregator mengirim pengaduan melalui Open311 GeoReport v2 di{' '}
        <code>/open311/v2/</code> dengan kunci API dari halaman ini. Pengaduan itu masuk sebagai pengaduan
        website dengan aturan yang sama, dan mencatat nama aplikasinya. Kunci hanya ditampilkan sekali saat
        dibuat; yang disimpan hanya sidik (hash)-nya.
      </p>
      <Alert message={loadError} />
      <Alert message={actionError} />
      <Alert kind="info" message={done} />
      {created ? (
        <section class="card" aria-labelledby="kunci-baru" role="status">
          <h2 id="kunci-baru">Kunci API untuk {created.name}</h2>
          <p>
            Salin kunci ini sekarang dan berikan kepada pengelola aplikasinya: kunci tidak dapat ditampilkan
            lagi.
          </p>
          <p>
            <code class="secret" data-testid="kunci-api-baru">
              {created.key}
            </code>
          </p>
          <button type="button" class="secondary" onClick={() => setCreated(null)}>
            Sudah saya salin
          </button>
        </section>
      ) : null}
      <NewKeyForm
        onCreated={(key) => {
          setDone(null);
          setCreated(key);
          const { key: _secret, ...row } = key;
          setKeys((list) => [row, ...(list ?? [])]);
        }}
      />
      {!keys && !loadError ? <p role="status">Memuat kunci API…</p> : null}
      {keys && keys.length === 0 ? <p>Belum ada kunci API.</p> : null}
      {keys && keys.length > 0 ? (
        <table class="data stack">
          <caption class="visually-hidden">Kunci API Open311</caption>
          <thead>
            <tr>
              <th scope="col">Aplikasi</th>
              <th scope="col">Awal kunci</th>
              <th scope="col">Dibuat</th>
              <th scope="col">Terakhir dipakai</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Tindakan</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td data-label="Aplikasi">{k.name}</td>
                <td data-label="Awal kunci">
                  <code>{k.keyPrefix}…</code>
                </td>
                <td data-label="Dibuat">
                  {formatDateTime(k.createdAt)} oleh {k.createdBy}
                </td>
                <td data-label="Terakhir dipakai">
                  {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Belum pernah'}
                </td>
                <td data-label="Status">
                  {k.revokedAt
                    ? `Dicabut ${formatDateTime(k.revokedAt)} oleh ${k.revokedBy ?? '-'}`
                    : 'Aktif'}
                </td>
                <td>
                  {k.revokedAt ? null : (
                    <button
                      type="button"
                      class="secondary"
                      aria-label={`Cabut kunci ${k.name}`}
                      onClick={() => revoke(k)}
                    >
                      Cabut
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

function NewKeyForm(props: { onCreated: (key: CreatedKey) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!name.trim()) return setError('Nama aplikasi wajib diisi.');
    setBusy(true);
    setError(null);
    try {
      const {
        data,
        error: apiError,
        response,
      } = await api.POST('/api/open311/api-keys', {
        body: { name: name.trim() },
      });
      if (!data) return setError(errorMessage(apiError, response));
      setName('');
      props.onCreated(data);
    } catch {
      setError(OFFLINE);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="kunci-buat">
      <h2 id="kunci-buat">Buat kunci API</h2>
      <label for="kunci-nama">Nama aplikasi klien</label>
      <input
        id="kunci-nama"
        value={name}
        maxLength={100}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'kunci-nama-galat' : undefined}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <FieldError id="kunci-nama-galat" message={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Membuat…' : 'Buat kunci'}
      </button>
    </form>
  );
}
