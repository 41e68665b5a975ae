/**
 * Admin: the staff accounts. List (by role, unit, active), create, edit (PATCH: only what changed),
 * deactivate / reactivate, and set a new password. The API never returns a password: the initial or
 * new password the admin set (typed, or generated here) is shown once, to hand to the person.
 */
import { useEffect, useState } from 'preact/hooks';
import { ESELON_LEVELS } from '../../domain/channels';
import { AREA_UNITS, UNITS } from '../../domain/units';
import { api, errorMessage, type Schemas } from '../api/client';
import { useAreas } from '../areas';
import { formatDateTime, ROLE_LABELS, UNIT_LABELS } from '../format';
import { Alert, FieldError, fieldOf, PageHeading } from '../ui';

type Me = Schemas['UserDto'];
type User = Schemas['UserDto'];
type Role = Schemas['Role'];
type Unit = Schemas['Unit'];

const ROLES: Role[] = ['STAFF', 'KEPALA_DAERAH', 'ADMIN'];
const PAGE_SIZE = 20;

type Field = 'username' | 'fullName' | 'role' | 'unit' | 'area' | 'eselon' | 'email' | 'phone' | 'password';

/** Words in the API's messages that name a field; the first match wins, so the order matters. */
const FIELD_WORDS: Record<Field, string[]> = {
  password: ['kata sandi'],
  area: ['wilayah', 'area'],
  unit: ['unit'],
  role: ['peran', 'role'],
  username: ['nama pengguna'],
  fullName: ['nama lengkap'],
  eselon: ['eselon'],
  email: ['email'],
  phone: ['telepon'],
};

interface Form {
  username: string;
  fullName: string;
  role: Role;
  unit: Unit | '';
  area: string;
  eselon: string;
  email: string;
  phone: string;
  password: string;
}

const EMPTY: Form = {
  username: '',
  fullName: '',
  role: 'STAFF',
  unit: '',
  area: '',
  eselon: '',
  email: '',
  phone: '',
  password: '',
};

/** A password of 16 characters from a crypto source: strong enough for the policy, typed by hand. */
function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#%+=?';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function formOf(u: User): Form {
  return {
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    unit: u.unit ?? '',
    area: u.area ?? '',
    eselon: u.eselon ?? '',
    email: u.email ?? '',
    phone: u.phone ?? '',
    password: '',
  };
}

function assignment(u: Pick<User, 'role' | 'unit' | 'area'>): string {
  if (u.role !== 'STAFF' || !u.unit) return ROLE_LABELS[u.role];
  return `${UNIT_LABELS[u.unit]}${u.area ? ` (${u.area})` : ''}`;
}

/** One-time display of a password the admin set, to hand over. */
interface Handover {
  username: string;
  password: string;
  what: string;
}

export function AdminUsers(props: { me: Me }) {
  const [filters, setFilters] = useState<{ role: Role | ''; unit: Unit | ''; active: '' | 'true' | 'false' }>(
    {
      role: '',
      unit: '',
      active: '',
    },
  );
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Schemas['UserPageDto'] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [panel, setPanel] = useState<{ kind: 'create' } | { kind: 'edit' | 'password'; user: User } | null>(
    null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [handover, setHandover] = useState<Handover | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const {
        data: page_,
        error,
        response,
      } = await api.GET('/api/users', {
        params: {
          query: {
            page,
            pageSize: PAGE_SIZE,
            role: filters.role || undefined,
            unit: filters.unit || undefined,
            active: filters.active || undefined,
          },
        },
      });
      if (cancelled) return;
      if (page_) {
        setData(page_);
        setLoadError(null);
      } else setLoadError(errorMessage(error, response));
    })();
    return () => {
      cancelled = true;
    };
  }, [filters, page, reload]);

  const done = (message: string, pass?: Handover) => {
    setPanel(null);
    setNotice(message);
    setActionError(null);
    setHandover(pass ?? null);
    setReload((n) => n + 1);
  };

  async function toggleActive(u: User) {
    setBusyId(u.id);
    setNotice(null);
    setHandover(null);
    setActionError(null);
    try {
      const path = u.active ? '/api/users/{id}/deactivate' : '/api/users/{id}/reactivate';
      const { data: updated, error, response } = await api.POST(path, { params: { path: { id: u.id } } });
      if (updated)
        done(
          updated.active
            ? `Akun ${updated.username} aktif kembali.`
            : `Akun ${updated.username} dinonaktifkan; semua sesinya diakhiri.`,
        );
      else setActionError(errorMessage(error, response));
    } catch {
      setActionError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.');
    } finally {
      setBusyId(null);
    }
  }

  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <PageHeading title="Pengguna">Pengguna</PageHeading>
      <p class="muted">
        Akun petugas, Kepala Daerah dan admin. Mengubah peran, unit atau wilayah, menonaktifkan akun, atau
        mengganti kata sandi mengakhiri semua sesi pengguna itu.
      </p>

      <Alert kind="info" message={notice} />
      <Alert message={actionError} />
      {handover ? (
        <section class="card highlight handover" aria-labelledby="serah-sandi">
          <h2 id="serah-sandi">{handover.what}</h2>
          <p>
            Sampaikan kata sandi ini secara langsung kepada pemilik akun <strong>{handover.username}</strong>.
            Kata sandi tidak disimpan di konsol dan tidak akan ditampilkan lagi.
          </p>
          <p>
            Kata sandi: <span class="code">{handover.password}</span>
          </p>
          <button type="button" class="secondary" onClick={() => setHandover(null)}>
            Sudah disampaikan, sembunyikan
          </button>
        </section>
      ) : null}

      {panel?.kind === 'create' ? (
        <UserForm
          mode="create"
          onCancel={() => setPanel(null)}
          onDone={(u, password) =>
            done(`Akun ${u.username} dibuat.`, {
              username: u.username,
              password,
              what: `Kata sandi awal ${u.username}`,
            })
          }
        />
      ) : (
        <p class="actions">
          <button
            type="button"
            onClick={() => {
              setNotice(null);
              setHandover(null);
              setPanel({ kind: 'create' });
            }}
          >
            Tambah pengguna
          </button>
        </p>
      )}
      {panel?.kind === 'edit' ? (
        <UserForm
          key={panel.user.id}
          mode="edit"
          user={panel.user}
          self={panel.user.id === props.me.id}
          onCancel={() => setPanel(null)}
          onDone={(u) => done(`Data akun ${u.username} disimpan.`)}
        />
      ) : null}
      {panel?.kind === 'password' ? (
        <PasswordForm
          key={panel.user.id}
          user={panel.user}
          onCancel={() => setPanel(null)}
          onDone={(password) =>
            done(`Kata sandi ${panel.user.username} diganti; semua sesinya diakhiri.`, {
              username: panel.user.username,
              password,
              what: `Kata sandi baru ${panel.user.username}`,
            })
          }
        />
      ) : null}

      <section class="card" aria-labelledby="pengguna-daftar-judul">
        <h2 id="pengguna-daftar-judul">Daftar pengguna</h2>
        <div class="filters">
          <div class="field">
            <label for="pengguna-filter-role">Peran</label>
            <select
              id="pengguna-filter-role"
              value={filters.role}
              onChange={(e) => {
                setPage(1);
                setFilters({ ...filters, role: e.currentTarget.value as Role | '' });
              }}
            >
              <option value="">Semua peran</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="pengguna-filter-unit">Unit</label>
            <select
              id="pengguna-filter-unit"
              value={filters.unit}
              onChange={(e) => {
                setPage(1);
                setFilters({ ...filters, unit: e.currentTarget.value as Unit | '' });
              }}
            >
              <option value="">Semua unit</option>
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {UNIT_LABELS[u]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="pengguna-filter-active">Status akun</label>
            <select
              id="pengguna-filter-active"
              value={filters.active}
              onChange={(e) => {
                setPage(1);
                setFilters({ ...filters, active: e.currentTarget.value as '' | 'true' | 'false' });
              }}
            >
              <option value="">Semua</option>
              <option value="true">Aktif</option>
              <option value="false">Nonaktif</option>
            </select>
          </div>
        </div>
        <Alert message={loadError} />
        {!data && !loadError ? <p role="status">Memuat pengguna…</p> : null}
        {data ? (
          <>
            <p class="muted small" role="status">
              {data.total} pengguna{totalPages > 1 ? `, halaman ${data.page} dari ${totalPages}` : ''}.
            </p>
            <table class="data stack users">
              <caption class="visually-hidden">Daftar pengguna</caption>
              <thead>
                <tr>
                  <th scope="col">Nama pengguna</th>
                  <th scope="col">Nama lengkap</th>
                  <th scope="col">Peran / unit</th>
                  <th scope="col">Status</th>
                  <th scope="col">Tindakan</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((u) => (
                  <tr key={u.id} class={u.active ? undefined : 'inactive'}>
                    <td data-label="Nama pengguna">{u.username}</td>
                    <td data-label="Nama lengkap">
                      {u.fullName}
                      {u.eselon ? <span class="muted small"> · eselon {u.eselon}</span> : null}
                    </td>
                    <td data-label="Peran / unit">{assignment(u)}</td>
                    <td data-label="Status">
                      {u.active ? <span class="badge ok">Aktif</span> : <span class="badge">Nonaktif</span>}
                      {u.passwordChangedAt ? (
                        <span class="muted small block">
                          Sandi diganti {formatDateTime(u.passwordChangedAt)}
                        </span>
                      ) : null}
                    </td>
                    <td data-label="Tindakan">
                      <span class="button-row">
                        <button
                          type="button"
                          class="secondary"
                          aria-label={`Ubah ${u.username}`}
                          onClick={() => {
                            setNotice(null);
                            setHandover(null);
                            setPanel({ kind: 'edit', user: u });
                          }}
                        >
                          Ubah
                        </button>
                        <button
                          type="button"
                          class="secondary"
                          aria-label={`Atur ulang kata sandi ${u.username}`}
                          onClick={() => {
                            setNotice(null);
                            setHandover(null);
                            setPanel({ kind: 'password', user: u });
                          }}
                        >
                          Atur ulang kata sandi
                        </button>
                        {u.id !== props.me.id ? (
                          <button
                            type="button"
                            class="secondary"
                            aria-label={`${u.active ? 'Nonaktifkan' : 'Aktifkan kembali'} ${u.username}`}
                            disabled={busyId === u.id}
                            onClick={() => toggleActive(u)}
                          >
                            {u.active ? 'Nonaktifkan' : 'Aktifkan kembali'}
                          </button>
                        ) : null}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {totalPages > 1 ? (
              <nav class="actions pager" aria-label="Halaman daftar pengguna">
                <button
                  type="button"
                  class="secondary"
                  disabled={page <= 1}
                  onClick={() => setPage((p) => Math.max(1, p - 1))}
                >
                  Sebelumnya
                </button>
                <button
                  type="button"
                  class="secondary"
                  disabled={page >= totalPages}
                  onClick={() => setPage((p) => p + 1)}
                >
                  Berikutnya
                </button>
              </nav>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}

/** Create (every field) or edit (everything but the username and password; PATCH only what changed). */
function UserForm(props: {
  mode: 'create' | 'edit';
  user?: User;
  self?: boolean;
  onCancel: () => void;
  onDone: (user: User, password: string) => void;
}) {
  const initial = props.user ? formOf(props.user) : EMPTY;
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const { areas } = useAreas();
  const prefix = props.mode === 'create' ? 'pengguna-baru' : 'pengguna-ubah';
  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors({});
  };

  const areaLevel = form.unit === 'KECAMATAN' ? 'kecamatan' : form.unit === 'KELURAHAN' ? 'kelurahan' : null;
  const areaOptions =
    areaLevel === 'kecamatan'
      ? (areas ?? []).map((k) => ({ code: k.code, name: k.name }))
      : areaLevel === 'kelurahan'
        ? (areas ?? []).flatMap((k) =>
            k.kelurahan.map((l) => ({ code: l.code, name: `${l.name} (${k.name})` })),
          )
        : [];

  async function submit(event: Event) {
    event.preventDefault();
    setErrors({});
    const staff = form.role === 'STAFF';
    const unit = staff && form.unit ? form.unit : null;
    const area = unit && (AREA_UNITS as string[]).includes(unit) && form.area ? form.area : null;
    const eselon = (form.eselon || null) as User['eselon'];
    setBusy(true);
    try {
      if (props.mode === 'create') {
        if (!form.password) {
          setErrors({ password: 'Kata sandi awal wajib diisi (atau buat kata sandi acak).' });
          return;
        }
        const { data, error, response } = await api.POST('/api/users', {
          body: {
            username: form.username,
            fullName: form.fullName,
            role: form.role,
            unit,
            area,
            eselon,
            email: form.email.trim() || null,
            phone: form.phone.trim() || null,
            password: form.password,
          },
        });
        if (data) return props.onDone(data, form.password);
        report(errorMessage(error, response));
        return;
      }
      const user = props.user!;
      const body: Schemas['UpdateUserDto'] = {};
      if (form.fullName.trim() !== user.fullName) body.fullName = form.fullName;
      if (form.role !== user.role) body.role = form.role;
      if (unit !== (user.unit ?? null)) body.unit = unit;
      if (area !== (user.area ?? null)) body.area = area;
      if (eselon !== (user.eselon ?? null)) body.eselon = eselon;
      if ((form.email.trim() || null) !== (user.email ?? null)) body.email = form.email.trim() || null;
      if ((form.phone.trim() || null) !== (user.phone ?? null)) body.phone = form.phone.trim() || null;
      if (Object.keys(body).length === 0) {
        setErrors({ form: 'Tidak ada yang diubah.' });
        return;
      }
      const { data, error, response } = await api.PATCH('/api/users/{id}', {
        params: { path: { id: user.id } },
        body,
      });
      if (data) return props.onDone(data, '');
      report(errorMessage(error, response));
    } catch {
      setErrors({ form: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.' });
    } finally {
      setBusy(false);
    }
  }

  function report(message: string) {
    const field = fieldOf<Field>(message, FIELD_WORDS);
    setErrors(field ? { [field]: message } : { form: message });
    if (field) document.getElementById(`${prefix}-${field}`)?.focus();
  }

  const aria = (field: Field) => ({
    id: `${prefix}-${field}`,
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby': errors[field] ? `${prefix}-${field}-galat` : undefined,
  });
  const error = (field: Field) => <FieldError id={`${prefix}-${field}-galat`} message={errors[field]} />;
  const title = props.mode === 'create' ? 'Tambah pengguna' : `Ubah akun ${props.user!.username}`;

  return (
    <form class="card highlight" aria-labelledby={`${prefix}-judul`} onSubmit={submit} noValidate>
      <h2 id={`${prefix}-judul`}>{title}</h2>
      {props.mode === 'edit' ? (
        <p class="muted small">
          Perubahan peran, unit atau wilayah mengakhiri semua sesi pengguna ini.
          {props.self ? ' Anda tidak dapat mencabut peran admin dari akun Anda sendiri.' : ''}
        </p>
      ) : null}
      <div class="filters">
        {props.mode === 'create' ? (
          <div class="field">
            <label for={`${prefix}-username`}>Nama pengguna</label>
            <input
              {...aria('username')}
              autoComplete="off"
              maxLength={64}
              value={form.username}
              onInput={(e) => set('username', e.currentTarget.value)}
            />
            {error('username')}
          </div>
        ) : null}
        <div class="field">
          <label for={`${prefix}-fullName`}>Nama lengkap</label>
          <input
            {...aria('fullName')}
            autoComplete="off"
            maxLength={200}
            value={form.fullName}
            onInput={(e) => set('fullName', e.currentTarget.value)}
          />
          {error('fullName')}
        </div>
        <div class="field">
          <label for={`${prefix}-role`}>Peran</label>
          <select
            {...aria('role')}
            value={form.role}
            onChange={(e) => set('role', e.currentTarget.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          {error('role')}
        </div>
        {form.role === 'STAFF' ? (
          <div class="field">
            <label for={`${prefix}-unit`}>Unit</label>
            <select
              {...aria('unit')}
              value={form.unit}
              onChange={(e) => {
                setForm((f) => ({ ...f, unit: e.currentTarget.value as Unit | '', area: '' }));
                setErrors({});
              }}
            >
              <option value="">— Pilih unit —</option>
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {UNIT_LABELS[u]}
                </option>
              ))}
            </select>
            {error('unit')}
          </div>
        ) : null}
        {form.role === 'STAFF' && areaLevel ? (
          <div class="field">
            <label for={`${prefix}-area`}>{areaLevel === 'kecamatan' ? 'Kecamatan' : 'Kelurahan/desa'}</label>
            <select
              {...aria('area')}
              value={form.area}
              disabled={!areas}
              onChange={(e) => set('area', e.currentTarget.value)}
            >
              <option value="">{areas ? '— Pilih wilayah —' : 'Memuat wilayah…'}</option>
              {areaOptions.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name} · {a.code}
                </option>
              ))}
            </select>
            {error('area')}
          </div>
        ) : null}
        <div class="field">
          <label for={`${prefix}-eselon`}>Eselon (tidak wajib)</label>
          <select
            {...aria('eselon')}
            value={form.eselon}
            onChange={(e) => set('eselon', e.currentTarget.value)}
          >
            <option value="">Tidak ada</option>
            {ESELON_LEVELS.map((e) => (
              <option key={e} value={e}>
                Eselon {e}
              </option>
            ))}
          </select>
          {error('eselon')}
        </div>
        <div class="field">
          <label for={`${prefix}-email`}>Email (tidak wajib)</label>
          <input
            {...aria('email')}
            type="email"
            autoComplete="off"
            value={form.email}
            onInput={(e) => set('email', e.currentTarget.value)}
          />
          {error('email')}
        </div>
        <div class="field">
          <label for={`${prefix}-phone`}>Nomor telepon (tidak wajib)</label>
          <input
            {...aria('phone')}
            type="tel"
            autoComplete="off"
            value={form.phone}
            onInput={(e) => set('phone', e.currentTarget.value)}
          />
          {error('phone')}
        </div>
        {props.mode === 'create' ? (
          <PasswordField
            id={`${prefix}-password`}
            label="Kata sandi awal"
            value={form.password}
            error={errors.password}
            onChange={(v) => set('password', v)}
          />
        ) : null}
      </div>
      <Alert message={errors.form} />
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Menyimpan…' : props.mode === 'create' ? 'Buat akun' : 'Simpan perubahan'}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Batal
        </button>
      </p>
    </form>
  );
}

function PasswordField(props: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        autoComplete="new-password"
        spellcheck={false}
        maxLength={128}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={[`${props.id}-aturan`, props.error ? `${props.id}-galat` : null]
          .filter(Boolean)
          .join(' ')}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
      <p id={`${props.id}-aturan`} class="muted small">
        Paling sedikit 10 karakter, tidak mudah ditebak, tidak sama dengan nama pengguna.
      </p>
      <FieldError id={`${props.id}-galat`} message={props.error} />
      <button type="button" class="secondary" onClick={() => props.onChange(generatePassword())}>
        Buat kata sandi acak
      </button>
    </div>
  );
}

function PasswordForm(props: { user: User; onCancel: () => void; onDone: (password: string) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!password) return setError('Kata sandi baru wajib diisi (atau buat kata sandi acak).');
    setBusy(true);
    setError(undefined);
    try {
      const { error: apiError, response } = await api.POST('/api/users/{id}/password-reset', {
        params: { path: { id: props.user.id } },
        body: { newPassword: password },
      });
      if (response.ok) return props.onDone(password);
      setError(errorMessage(apiError, response));
    } catch {
      setError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card highlight" aria-labelledby="sandi-judul" onSubmit={submit} noValidate>
      <h2 id="sandi-judul">Atur ulang kata sandi {props.user.username}</h2>
      <p class="muted small">Semua sesi {props.user.username} diakhiri; ia masuk dengan kata sandi baru.</p>
      <PasswordField
        id="sandi-baru"
        label="Kata sandi baru"
        value={password}
        error={error}
        onChange={(v) => {
          setPassword(v);
          setError(undefined);
        }}
      />
      <p class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Menyimpan…' : 'Ganti kata sandi'}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Batal
        </button>
      </p>
    </form>
  );
}
