import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import {
  CATEGORY_LABELS,
  describeWorkingDaysLeft,
  formatDate,
  formatDateTime,
  registerSlug,
  STATUS_LABELS,
  taskUnitLabel,
} from '../format';
import { IdentityBadge } from '../identity-mode';
import { BASE, navigate, useLocation } from '../router';
import { Alert, FieldError, fieldOf, Link, PageHeading } from '../ui';

/** How often the inbox asks for new tasks. */
const POLL_MS = 15_000;

type Query = NonNullable<paths['/api/tasks']['get']['parameters']['query']>;

interface Filters {
  complaintStatus: string;
  category: string;
  kecamatan: string;
  overdue: boolean;
  q: string;
}

function filtersFrom(search: URLSearchParams): Filters {
  return {
    complaintStatus: search.get('status') ?? '',
    category: search.get('kategori') ?? '',
    kecamatan: search.get('kecamatan') ?? '',
    overdue: search.get('terlambat') === '1',
    q: search.get('cari') ?? '',
  };
}

function urlFor(f: Filters): string {
  const p = new URLSearchParams();
  if (f.complaintStatus) p.set('status', f.complaintStatus);
  if (f.category) p.set('kategori', f.category);
  if (f.kecamatan) p.set('kecamatan', f.kecamatan);
  if (f.overdue) p.set('terlambat', '1');
  if (f.q.trim()) p.set('cari', f.q.trim());
  const qs = p.toString();
  return `${BASE}/kotak-masuk${qs ? `?${qs}` : ''}`;
}

/** The open tasks of the person's unit (and area), nearest due date first; refreshed every 15 s. */
export function Inbox(_props: { me: Schemas['UserDto'] }) {
  const { search } = useLocation();
  const applied = filtersFrom(search);
  const appliedKey = urlFor(applied);
  const [draft, setDraft] = useState<Filters>(applied);
  const [tasks, setTasks] = useState<Schemas['TaskListView'] | null>(null);
  const [error, setError] = useState<{ field: keyof Filters | null; message: string } | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [areas, setAreas] = useState<Schemas['KecamatanDto'][]>([]);

  useEffect(() => setDraft(filtersFrom(new URL(appliedKey, location.origin).searchParams)), [appliedKey]);

  useEffect(() => {
    void api.GET('/api/areas').then(({ data }) => data && setAreas(data));
  }, []);

  const load = useCallback(async () => {
    const f = filtersFrom(new URL(appliedKey, location.origin).searchParams);
    const query: Query = { status: 'OPEN', pageSize: 100 };
    if (f.complaintStatus) query.complaintStatus = f.complaintStatus as Schemas['ComplaintStatus'];
    if (f.category) query.category = f.category as Schemas['Category'];
    if (f.kecamatan) query.kecamatan = f.kecamatan;
    if (f.overdue) query.overdue = 'true';
    if (f.q) query.q = f.q;
    const { data, error: apiError, response } = await api.GET('/api/tasks', { params: { query } });
    if (data) {
      setTasks(data);
      setError(null);
      setCheckedAt(new Date());
    } else {
      const message = errorMessage(apiError, response);
      setError({
        message,
        field: fieldOf<keyof Filters>(message, {
          q: ['q', 'nomor register', 'kode pelacakan'],
          kecamatan: ['kecamatan'],
          category: ['category', 'kategori'],
          complaintStatus: ['complaintStatus', 'status'],
          overdue: ['overdue'],
        }),
      });
    }
  }, [appliedKey]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  const submit = (event: Event) => {
    event.preventDefault();
    navigate(urlFor(draft));
  };
  const reset = () => navigate(`${BASE}/kotak-masuk`);
  const errorFor = (field: keyof Filters) => (error?.field === field ? error.message : null);
  const describedBy = (field: keyof Filters) => (errorFor(field) ? `${field}-galat` : undefined);

  return (
    <>
      <PageHeading title="Kotak masuk">Kotak masuk</PageHeading>
      <p class="muted">
        Tugas terbuka unit Anda, batas waktu terdekat lebih dulu. Diperbarui otomatis setiap 15 detik.
      </p>

      <form class="filters card" onSubmit={submit} aria-label="Saring dan cari tugas">
        <div class="field wide">
          <label for="q">Cari nomor register atau kode pelacakan</label>
          <input
            id="q"
            type="search"
            value={draft.q}
            placeholder="2026/11/0042 atau K7QX2M9TPA"
            aria-invalid={errorFor('q') ? 'true' : undefined}
            aria-describedby={describedBy('q')}
            onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
          />
          <FieldError id="q-galat" message={errorFor('q')} />
        </div>
        <div class="field">
          <label for="status">Status pengaduan</label>
          <select
            id="status"
            value={draft.complaintStatus}
            aria-describedby={describedBy('complaintStatus')}
            onChange={(e) => setDraft({ ...draft, complaintStatus: e.currentTarget.value })}
          >
            <option value="">Semua</option>
            {Object.entries(STATUS_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
          <FieldError id="complaintStatus-galat" message={errorFor('complaintStatus')} />
        </div>
        <div class="field">
          <label for="kategori">Jenis</label>
          <select
            id="kategori"
            value={draft.category}
            aria-describedby={describedBy('category')}
            onChange={(e) => setDraft({ ...draft, category: e.currentTarget.value })}
          >
            <option value="">Semua</option>
            {Object.entries(CATEGORY_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
          <FieldError id="category-galat" message={errorFor('category')} />
        </div>
        <div class="field">
          <label for="kecamatan">Kecamatan</label>
          <select
            id="kecamatan"
            value={draft.kecamatan}
            aria-describedby={describedBy('kecamatan')}
            onChange={(e) => setDraft({ ...draft, kecamatan: e.currentTarget.value })}
          >
            <option value="">Semua</option>
            {areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
          <FieldError id="kecamatan-galat" message={errorFor('kecamatan')} />
        </div>
        <div class="field checkbox">
          <input
            id="terlambat"
            type="checkbox"
            checked={draft.overdue}
            onChange={(e) => setDraft({ ...draft, overdue: e.currentTarget.checked })}
          />
          <label for="terlambat">Hanya yang terlambat</label>
        </div>
        <div class="actions">
          <button type="submit">Terapkan</button>
          <button type="button" class="secondary" onClick={reset}>
            Hapus saringan
          </button>
        </div>
      </form>

      {error && !error.field ? <Alert message={error.message} /> : null}

      <p class="muted small" aria-live="polite">
        {tasks ? `${tasks.total} tugas terbuka` : 'Memuat…'}
        {checkedAt ? ` · diperiksa ${formatDateTime(checkedAt.toISOString())}` : ''}
      </p>

      {tasks && tasks.items.length === 0 ? <p>Tidak ada tugas terbuka yang sesuai.</p> : null}
      <ul class="task-list">
        {tasks?.items.map((t) => (
          <li key={t.id} class={`task card${t.complaint.overdue ? ' overdue' : ''}`}>
            <h2>
              <Link href={`${BASE}/pengaduan/${registerSlug(t.complaint.registerNumber)}`}>
                {t.complaint.registerNumber}
              </Link>
              {t.complaint.overdue ? <span class="badge danger">Terlambat</span> : null}
              <IdentityBadge mode={t.complaint.identityMode} />
            </h2>
            <p class="service">{t.complaint.licensingService ?? 'Layanan tidak disebutkan'}</p>
            <p>{t.complaint.shortDescription}</p>
            <dl class="facts">
              <div>
                <dt>Lokasi</dt>
                <dd>
                  {[t.complaint.location.kelurahanName, t.complaint.location.kecamatanName]
                    .filter(Boolean)
                    .join(', ') || '–'}
                </dd>
              </div>
              {t.dueAt ? (
                <div>
                  <dt>Batas waktu tugas</dt>
                  <dd class={t.stageBreached ? 'danger-text' : undefined}>
                    {formatDateTime(t.dueAt)}
                    {t.stageBreached ? ' (terlewati)' : ''}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>Batas waktu</dt>
                <dd>{formatDate(t.complaint.dueAt)}</dd>
              </div>
              <div>
                <dt>Sisa waktu</dt>
                <dd class={t.complaint.overdue ? 'danger-text' : undefined}>
                  {describeWorkingDaysLeft(t.complaint.workingDaysLeft)}
                </dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>
                  {STATUS_LABELS[t.complaint.status]}
                  {t.complaint.category ? ` · ${CATEGORY_LABELS[t.complaint.category]}` : ''}
                </dd>
              </div>
              <div>
                <dt>Tugas</dt>
                <dd>
                  {taskUnitLabel(t)} · putaran {t.round}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
