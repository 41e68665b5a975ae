/**
 * Admin: the access log of unmasked personal-data reads (UU 27/2022 on personal data protection).
 * Who read which complainant's personal data (name, NIK, address, phone, e-mail, evidence files),
 * when, through which endpoint and from where; filtered by complaint (linked from the case page),
 * user and period. The log holds field names only, never the data itself.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { formatDateTime, ROLE_LABELS, registerSlug, UNIT_LABELS } from '../format';
import { BASE, navigate, useLocation } from '../router';
import { Alert, FieldError, Link, PageHeading } from '../ui';

type Page = Schemas['PersonalDataAccessPageDto'];
type User = Schemas['UserDto'];

const PAGE_SIZE = 20;
const PATH = `${BASE}/admin/akses-data-pribadi`;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the admin reads for the endpoints that show personal data (the route is shown beside it). */
function endpointLabel(endpoint: string): string {
  if (endpoint === 'GET /api/complaints/:id') return 'Rincian pengaduan';
  if (endpoint === 'GET /api/complaints') return 'Daftar pengaduan';
  if (endpoint.endsWith('/attachments/:attachmentId')) return 'Unduh berkas bukti';
  if (endpoint.includes(' /api/data-subject/')) return 'Permintaan subjek data (admin)';
  if (endpoint.startsWith('POST ')) return 'Tindakan pada pengaduan';
  return 'Lainnya';
}

interface Filters {
  complaintId: string;
  userId: string;
  from: string;
  to: string;
  page: number;
}

function filtersOf(search: URLSearchParams): Filters {
  const page = Number(search.get('page') ?? '1');
  return {
    complaintId: search.get('complaintId') ?? '',
    userId: search.get('userId') ?? '',
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function urlOf(f: Filters): string {
  const q = new URLSearchParams();
  if (f.complaintId) q.set('complaintId', f.complaintId);
  if (f.userId) q.set('userId', f.userId);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.page > 1) q.set('page', String(f.page));
  const query = q.toString();
  return query ? `${PATH}?${query}` : PATH;
}

export function AdminPersonalDataAccess() {
  const { search } = useLocation();
  const filters = filtersOf(search);
  const key = urlOf(filters);
  const [result, setResult] = useState<Page | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [users, setUsers] = useState<User[]>([]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { data } = await api.GET('/api/users', { params: { query: { pageSize: 100 } } });
      if (!cancelled && data) setUsers(data.items);
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    setResult(null);
    setLoadError(null);
    (async () => {
      const { data, error, response } = await api.GET('/api/personal-data-access', {
        params: {
          query: {
            ...(filters.complaintId ? { complaintId: filters.complaintId } : {}),
            ...(filters.userId ? { userId: filters.userId } : {}),
            ...(filters.from ? { from: filters.from } : {}),
            ...(filters.to ? { to: filters.to } : {}),
            page: filters.page,
            pageSize: PAGE_SIZE,
          },
        },
      });
      if (cancelled) return;
      if (data) setResult(data);
      else setLoadError(errorMessage(error, response));
    })();
    return () => {
      cancelled = true;
    };
    // The URL holds every filter: reload when it changes.
  }, [key]);

  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const complaintLabel =
    result?.items.find((r) => r.complaintId === filters.complaintId)?.registerNumber ?? filters.complaintId;

  return (
    <>
      <PageHeading title="Log akses data pribadi">Log akses data pribadi</PageHeading>
      <p class="muted">
        Setiap kali nama, NIK, alamat, telepon, email atau berkas bukti pengadu ditampilkan tanpa disamarkan,
        sistem mencatat siapa yang membukanya, kapan, data apa, melalui fitur apa dan dari alamat mana (UU
        27/2022 tentang Pelindungan Data Pribadi). Log hanya memuat nama data, bukan isinya. Tampilan yang
        tersamar atau "Dirahasiakan" tidak dicatat.
      </p>
      {filters.complaintId ? (
        <p role="status">
          Hanya pengaduan <strong>{complaintLabel}</strong>.{' '}
          <Link href={urlOf({ ...filters, complaintId: '', page: 1 })}>Tampilkan semua pengaduan</Link>
        </p>
      ) : null}
      <FilterForm filters={filters} users={users} />
      <Alert message={loadError} />
      {!result && !loadError ? <p role="status">Memuat log akses…</p> : null}
      {result && result.items.length === 0 ? <p>Tidak ada akses yang tercatat untuk filter ini.</p> : null}
      {result && result.items.length > 0 ? (
        <>
          <p class="muted" role="status">
            {result.total} akses tercatat, terbaru di atas.
          </p>
          <table class="data stack">
            <caption class="visually-hidden">Log akses data pribadi pengadu</caption>
            <thead>
              <tr>
                <th scope="col">Waktu</th>
                <th scope="col">Pengguna</th>
                <th scope="col">Pengaduan</th>
                <th scope="col">Data yang ditampilkan</th>
                <th scope="col">Melalui</th>
                <th scope="col">Alamat klien</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((r) => (
                <tr key={r.id}>
                  <td data-label="Waktu">{formatDateTime(r.at)}</td>
                  <td data-label="Pengguna">
                    {r.username}
                    <span class="muted small">
                      {' '}
                      ({ROLE_LABELS[r.role as keyof typeof ROLE_LABELS] ?? r.role}
                      {r.unit ? `, ${UNIT_LABELS[r.unit as keyof typeof UNIT_LABELS] ?? r.unit}` : ''}
                      {r.area ? ` ${r.area}` : ''})
                    </span>
                  </td>
                  <td data-label="Pengaduan">
                    {r.registerNumber ? (
                      <Link href={`${BASE}/pengaduan/${registerSlug(r.registerNumber)}`}>
                        {r.registerNumber}
                      </Link>
                    ) : (
                      <code>{r.complaintId}</code>
                    )}
                  </td>
                  <td data-label="Data yang ditampilkan">{r.fieldLabels.join(', ')}</td>
                  <td data-label="Melalui">
                    {endpointLabel(r.endpoint)}
                    <br />
                    <code class="small">{r.endpoint}</code>
                  </td>
                  <td data-label="Alamat klien">{r.ip ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Halaman log akses" class="pager">
            {filters.page > 1 ? (
              <Link href={urlOf({ ...filters, page: filters.page - 1 })}>← Sebelumnya</Link>
            ) : null}{' '}
            <span>
              Halaman {filters.page} dari {pages}
            </span>{' '}
            {filters.page < pages ? (
              <Link href={urlOf({ ...filters, page: filters.page + 1 })}>Berikutnya →</Link>
            ) : null}
          </nav>
        </>
      ) : null}
    </>
  );
}

function FilterForm(props: { filters: Filters; users: User[] }) {
  const [userId, setUserId] = useState(props.filters.userId);
  const [from, setFrom] = useState(props.filters.from);
  const [to, setTo] = useState(props.filters.to);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setUserId(props.filters.userId);
    setFrom(props.filters.from);
    setTo(props.filters.to);
  }, [props.filters.userId, props.filters.from, props.filters.to]);

  function submit(event: Event) {
    event.preventDefault();
    if ((from && !DATE.test(from)) || (to && !DATE.test(to)))
      return setError('Tanggal wajib berformat tahun-bulan-tanggal, mis. 2026-12-01.');
    if (from && to && from > to) return setError('Tanggal awal tidak boleh setelah tanggal akhir.');
    setError(null);
    navigate(urlOf({ ...props.filters, userId, from, to, page: 1 }));
  }

  return (
    <form class="card filters" onSubmit={submit} noValidate aria-labelledby="akses-filter">
      <h2 id="akses-filter" class="wide">
        Saring
      </h2>
      <div class="field">
        <label for="akses-pengguna">Pengguna</label>
        <select id="akses-pengguna" value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
          <option value="">Semua pengguna</option>
          {props.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.username} – {u.fullName}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="akses-dari">Dari tanggal</label>
        <input
          id="akses-dari"
          type="date"
          value={from}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'akses-tanggal-galat' : undefined}
          onInput={(e) => setFrom(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="akses-sampai">Sampai tanggal</label>
        <input
          id="akses-sampai"
          type="date"
          value={to}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'akses-tanggal-galat' : undefined}
          onInput={(e) => setTo(e.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="submit">Tampilkan</button>
      </div>
      <div class="wide">
        <FieldError id="akses-tanggal-galat" message={error} />
      </div>
    </form>
  );
}
