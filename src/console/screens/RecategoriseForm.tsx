/**
 * Kabid Pengaduan and the Kepala Dinas raise a case's category (POST /api/complaints/{id}/recategorise):
 * upward only (RINGAN → SEDANG → BERAT), with a reason, and the location SEDANG and BERAT need when the
 * case has none. Renders nothing for anyone else, or when the case cannot be raised (not triaged yet,
 * closed, or already BERAT).
 */
import { useState } from 'preact/hooks';
import { CATEGORIES, isUpgrade } from '../../domain/categories';
import { MANAGER_UNITS } from '../../domain/units';
import { api, errorMessage, type Schemas } from '../api/client';
import { type AreaChoice, LocationSelects } from '../areas';
import { CATEGORY_LABELS } from '../format';
import { Alert, FieldError, fieldOf } from '../ui';

type Detail = Schemas['ComplaintDetailView'];
type Category = Schemas['Category'];
type Field = 'category' | 'reason' | 'kecamatan' | 'kelurahan' | 'form';

const CLOSED: readonly Schemas['ComplaintStatus'][] = ['RESOLVED', 'REJECTED', 'FORWARDED'];

/** The categories a case may be raised to, or none when it cannot be recategorised. */
export function higherCategories(detail: Detail): Category[] {
  const current = detail.category;
  if (!current || CLOSED.includes(detail.status) || detail.status === 'RECEIVED') return [];
  return (CATEGORIES as readonly Category[]).filter((c) => isUpgrade(current, c));
}

export function RecategoriseForm(props: {
  detail: Detail;
  me: Schemas['UserDto'];
  onDone: (detail: Detail, message: string) => void | Promise<void>;
}) {
  const { detail, me } = props;
  const manager = me.role === 'STAFF' && !!me.unit && MANAGER_UNITS.includes(me.unit);
  const choices = higherCategories(detail);
  if (!manager || choices.length === 0) return null;
  return (
    <Form key={`${detail.id}-${detail.category}`} detail={detail} choices={choices} onDone={props.onDone} />
  );
}

function Form(props: {
  detail: Detail;
  choices: Category[];
  onDone: (detail: Detail, message: string) => void | Promise<void>;
}) {
  const { detail, choices } = props;
  const [category, setCategory] = useState<Category | ''>('');
  const [reason, setReason] = useState('');
  const [location, setLocation] = useState<AreaChoice>({ kecamatan: '', kelurahan: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  // SEDANG and BERAT route tasks to the local officials: a case without a location needs one now.
  const needsLocation = category !== '' && category !== 'RINGAN' && !detail.location.kelurahan;

  async function submit(event: Event) {
    event.preventDefault();
    if (!category) return setErrors({ category: 'Pilih kategori baru.' });
    // The reason is checked by the API (its message shows next to the field).
    if (needsLocation && !location.kecamatan)
      return setErrors({ kecamatan: 'Pilih kecamatan lokasi pengaduan.' });
    if (needsLocation && !location.kelurahan)
      return setErrors({ kelurahan: 'Pilih kelurahan/desa di kecamatan tersebut.' });
    setErrors({});
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/api/complaints/{id}/recategorise', {
        params: { path: { id: detail.id } },
        body: {
          category,
          reason: reason.trim(),
          ...(needsLocation ? { location } : {}),
        },
      });
      if (!data) {
        const message = errorMessage(error, response);
        // The reason's messages name the category too ("Alasan perubahan kategori …"): reason first.
        const field = fieldOf<Field>(message, {
          reason: ['alasan'],
          kelurahan: ['kelurahan'],
          kecamatan: ['kecamatan', 'lokasi'],
          category: ['kategori'],
          form: [],
        });
        setErrors(field ? { [field]: message } : { form: message });
        return;
      }
      await props.onDone(
        data,
        `Kategori dinaikkan menjadi ${CATEGORY_LABELS[category].toLowerCase()}; unit penanganannya menerima tugas.`,
      );
    } catch {
      setErrors({ form: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.' });
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: Field) => (errors[field] ? `kategori-baru-${field}-galat` : undefined);

  return (
    <section class="card highlight" aria-labelledby="kategori-baru-judul">
      <h2 id="kategori-baru-judul">Naikkan kategori</h2>
      <p class="muted small">
        Kategori saat ini: {detail.category ? CATEGORY_LABELS[detail.category].toLowerCase() : '–'}. Kategori
        hanya dapat dinaikkan; alasannya dicatat di riwayat pengaduan.
      </p>
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={describedBy('category')}>
          <legend>Kategori baru</legend>
          <div class="choices">
            {choices.map((c) => (
              <label key={c} class="choice">
                <input
                  type="radio"
                  name="kategori-baru"
                  value={c}
                  checked={category === c}
                  onChange={() => {
                    setCategory(c);
                    setErrors({});
                  }}
                />{' '}
                {CATEGORY_LABELS[c]}
              </label>
            ))}
          </div>
          <FieldError id="kategori-baru-category-galat" message={errors.category} />
        </fieldset>
        {needsLocation ? (
          <div class="filters">
            <LocationSelects
              prefix="kategori-baru"
              value={location}
              onChange={(v) => {
                setLocation(v);
                setErrors({});
              }}
              required
              errors={{ kecamatan: errors.kecamatan, kelurahan: errors.kelurahan }}
            />
          </div>
        ) : null}
        <div class="field">
          <label for="kategori-baru-reason">Alasan perubahan kategori</label>
          <textarea
            id="kategori-baru-reason"
            rows={3}
            maxLength={2000}
            required
            value={reason}
            aria-invalid={errors.reason ? 'true' : undefined}
            aria-describedby={describedBy('reason')}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <FieldError id="kategori-baru-reason-galat" message={errors.reason} />
        </div>
        <Alert message={errors.form} />
        <button type="submit" disabled={busy}>
          {busy ? 'Menyimpan…' : 'Naikkan kategori'}
        </button>
      </form>
    </section>
  );
}
