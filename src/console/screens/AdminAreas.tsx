/**
 * Admin: the kecamatan and kelurahan/desa of Kota Prabumulih (master data from idn-area-data) and
 * their names. Codes are Kemendagri's and never change; an admin corrects a name (PUT /api/areas/{code}).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { invalidateAreas } from '../areas';
import { Alert, FieldError, PageHeading } from '../ui';

type Kecamatan = Schemas['KecamatanDto'];

interface Area {
  code: string;
  name: string;
}

export function AdminAreas() {
  const [areas, setAreas] = useState<Kecamatan[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      // Revalidate: the list is cacheable for the public form, but an admin must see current names.
      const { data, error, response } = await api.GET('/api/areas', { cache: 'no-cache' });
      if (cancelled) return;
      if (data) setAreas(data);
      else setLoadError(errorMessage(error, response));
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  function renamed(area: Schemas['AreaDto'], before: string) {
    invalidateAreas();
    setAreas(
      (list) =>
        list?.map((k) =>
          k.code === area.code
            ? { ...k, name: area.name }
            : {
                ...k,
                kelurahan: k.kelurahan.map((l) => (l.code === area.code ? { ...l, name: area.name } : l)),
              },
        ) ?? null,
    );
    setEditing(null);
    setDone(`Nama wilayah ${area.code} diubah dari "${before}" menjadi "${area.name}".`);
  }

  const row = (area: Area, level: string) => (
    <AreaRow
      key={area.code}
      area={area}
      level={level}
      editing={editing === area.code}
      onEdit={() => {
        setDone(null);
        setEditing(area.code);
      }}
      onCancel={() => setEditing(null)}
      onRenamed={(a) => renamed(a, area.name)}
    />
  );

  return (
    <>
      <PageHeading title="Wilayah">Wilayah Kota Prabumulih</PageHeading>
      <p class="muted">
        Kecamatan dan kelurahan/desa dengan kode Kemendagri. Kode tidak dapat diubah; perbaiki nama bila
        ejaannya keliru. Nama baru langsung dipakai di formulir dan daftar pengaduan.
      </p>
      <Alert message={loadError} />
      <Alert kind="info" message={done} />
      {!areas && !loadError ? <p role="status">Memuat wilayah…</p> : null}
      {(areas ?? []).map((k) => (
        <section key={k.code} class="card" aria-labelledby={`wilayah-${k.code}`}>
          <h2 id={`wilayah-${k.code}`}>
            Kecamatan {k.name} <span class="badge">{k.code}</span>
          </h2>
          <table class="data stack areas">
            <caption class="visually-hidden">Kecamatan {k.name} dan kelurahan/desanya</caption>
            <thead>
              <tr>
                <th scope="col">Kode</th>
                <th scope="col">Nama</th>
                <th scope="col">Tingkat</th>
                <th scope="col">
                  <span class="visually-hidden">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {row(k, 'Kecamatan')}
              {k.kelurahan.map((l) => row(l, 'Kelurahan/desa'))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function AreaRow(props: {
  area: Area;
  level: string;
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onRenamed: (area: Schemas['AreaDto']) => void;
}) {
  const { area } = props;
  const [name, setName] = useState(area.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `wilayah-nama-${area.code}`;

  useEffect(() => {
    if (props.editing) {
      setName(area.name);
      setError(null);
      document.getElementById(inputId)?.focus();
    }
  }, [props.editing, area.name, inputId]);

  async function save(event: Event) {
    event.preventDefault();
    if (!name.trim()) return setError('Nama wilayah wajib diisi.');
    if (name.trim() === area.name) return props.onCancel();
    setBusy(true);
    setError(null);
    try {
      const {
        data,
        error: apiError,
        response,
      } = await api.PUT('/api/areas/{code}', {
        params: { path: { code: area.code } },
        body: { name: name.trim() },
      });
      if (data) props.onRenamed(data);
      else setError(errorMessage(apiError, response));
    } catch {
      setError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr>
      <td data-label="Kode">{area.code}</td>
      <td data-label="Nama">
        {props.editing ? (
          <form id={`wilayah-form-${area.code}`} onSubmit={save} noValidate>
            <label for={inputId} class="visually-hidden">
              Nama baru untuk {area.code}
            </label>
            <input
              id={inputId}
              value={name}
              maxLength={120}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${inputId}-galat` : undefined}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <FieldError id={`${inputId}-galat`} message={error} />
          </form>
        ) : (
          area.name
        )}
      </td>
      <td data-label="Tingkat">{props.level}</td>
      <td>
        {props.editing ? (
          <span class="button-row">
            <button type="submit" form={`wilayah-form-${area.code}`} disabled={busy}>
              {busy ? 'Menyimpan…' : 'Simpan'}
            </button>
            <button type="button" class="secondary" onClick={props.onCancel}>
              Batal
            </button>
          </span>
        ) : (
          <button
            type="button"
            class="secondary"
            aria-label={`Ubah nama ${area.name}`}
            onClick={props.onEdit}
          >
            Ubah nama
          </button>
        )}
      </td>
    </tr>
  );
}
