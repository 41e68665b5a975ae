import { useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { formatDateTime, registerSlug, STATUS_LABELS } from '../format';
import { IdentityBadge } from '../identity-mode';
import { BASE } from '../router';
import { Alert, FieldError, Link, PageHeading } from '../ui';

/** Finds a complaint by register number or tracking code (GET /api/complaints?q=). */
export function Find() {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Schemas['ComplaintSummaryView'][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    setFormError(null);
    if (!q.trim()) return setError('Isi nomor register atau kode pelacakan.');
    const {
      data,
      error: apiError,
      response,
    } = await api.GET('/api/complaints', {
      params: { query: { q: q.trim(), pageSize: 20 } },
    });
    if (data) setResults(data.items);
    else if (response.status === 400) setError(errorMessage(apiError, response));
    else setFormError(errorMessage(apiError, response));
  }

  return (
    <>
      <PageHeading title="Cari pengaduan">Cari pengaduan</PageHeading>
      <form class="card filters" onSubmit={submit} noValidate>
        <div class="field wide">
          <label for="cari">Nomor register atau kode pelacakan</label>
          <input
            id="cari"
            type="search"
            value={q}
            placeholder="2026/11/0042 atau K7QX2M9TPA"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'cari-galat' : undefined}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
          <FieldError id="cari-galat" message={error} />
        </div>
        <div class="actions">
          <button type="submit">Cari</button>
        </div>
      </form>
      <Alert message={formError} />
      {results && results.length === 0 ? <p role="status">Tidak ada pengaduan yang cocok.</p> : null}
      {results && results.length > 0 ? (
        <ul class="task-list">
          {results.map((c) => (
            <li key={c.id} class={`card${c.overdue ? ' overdue' : ''}`}>
              <h2>
                <Link href={`${BASE}/pengaduan/${registerSlug(c.registerNumber)}`}>{c.registerNumber}</Link>{' '}
                <IdentityBadge mode={c.identityMode} />
              </h2>
              <p>
                {STATUS_LABELS[c.status]} · diterima {formatDateTime(c.receivedAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
