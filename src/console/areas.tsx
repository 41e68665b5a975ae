/** The city's kecamatan and kelurahan (GET /api/areas), loaded once per tab, and their two selects. */
import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from './api/client';
import { FieldError } from './ui';

type Kecamatan = Schemas['KecamatanDto'];

let cached: Promise<Kecamatan[]> | null = null;

function loadAreas(): Promise<Kecamatan[]> {
  if (!cached) {
    cached = (async () => {
      const { data, error, response } = await api.GET('/api/areas');
      if (!data) throw new Error(errorMessage(error, response));
      return data;
    })();
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Forgets the loaded areas (after an admin renames one), so the next screen loads them again. */
export function invalidateAreas(): void {
  cached = null;
}

export function useAreas(): { areas: Kecamatan[] | null; error: string | null } {
  const [areas, setAreas] = useState<Kecamatan[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadAreas()
      .then(setAreas)
      .catch((e: Error) => setError(e.message));
  }, []);
  return { areas, error };
}

export interface AreaChoice {
  kecamatan: string;
  kelurahan: string;
}

/** Kecamatan first, then the kelurahan of that kecamatan. Ids: `${prefix}-kecamatan`, `${prefix}-kelurahan`. */
export function LocationSelects(props: {
  prefix: string;
  value: AreaChoice;
  onChange: (value: AreaChoice) => void;
  required?: boolean;
  errors?: { kecamatan?: string | null; kelurahan?: string | null };
}) {
  const { prefix, value, errors = {} } = props;
  const { areas, error } = useAreas();
  const kelurahan = areas?.find((k) => k.code === value.kecamatan)?.kelurahan ?? [];
  const optional = props.required ? '' : ' (tidak wajib)';
  const describedBy = (field: 'kecamatan' | 'kelurahan') =>
    errors[field] ? `${prefix}-${field}-galat` : undefined;
  return (
    <>
      <div class="field">
        <label for={`${prefix}-kecamatan`}>Kecamatan{optional}</label>
        <select
          id={`${prefix}-kecamatan`}
          value={value.kecamatan}
          disabled={!areas}
          aria-invalid={errors.kecamatan ? 'true' : undefined}
          aria-describedby={describedBy('kecamatan')}
          onChange={(e) => props.onChange({ kecamatan: e.currentTarget.value, kelurahan: '' })}
        >
          <option value="">{areas ? '— Pilih kecamatan —' : 'Memuat wilayah…'}</option>
          {(areas ?? []).map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-kecamatan-galat`} message={errors.kecamatan ?? error} />
      </div>
      <div class="field">
        <label for={`${prefix}-kelurahan`}>Kelurahan/desa{optional}</label>
        <select
          id={`${prefix}-kelurahan`}
          value={value.kelurahan}
          disabled={!value.kecamatan}
          aria-invalid={errors.kelurahan ? 'true' : undefined}
          aria-describedby={describedBy('kelurahan')}
          onChange={(e) => props.onChange({ kecamatan: value.kecamatan, kelurahan: e.currentTarget.value })}
        >
          <option value="">
            {value.kecamatan ? '— Pilih kelurahan/desa —' : '— Pilih kecamatan dulu —'}
          </option>
          {kelurahan.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
        <FieldError id={`${prefix}-kelurahan-galat`} message={errors.kelurahan} />
      </div>
    </>
  );
}
