/**
 * Seksi Pengaduan's triage on the case page (POST /api/complaints/{id}/triage): a category, with the
 * location (kecamatan then kelurahan) that SEDANG and BERAT need, or a rejection as out of scope.
 */
import { useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { type AreaChoice, LocationSelects } from '../areas';
import { CATEGORY_LABELS } from '../format';
import { Alert, FieldError, fieldOf } from '../ui';

type Detail = Schemas['ComplaintDetailView'];
type Decision = Schemas['Category'] | 'TOLAK';
type Field = 'decision' | 'kecamatan' | 'kelurahan' | 'notes' | 'reason' | 'form';

const CATEGORIES: Schemas['Category'][] = ['RINGAN', 'SEDANG', 'BERAT'];

export function TriageForm(props: { detail: Detail; onDone: (detail: Detail, message: string) => void }) {
  const { detail } = props;
  const [decision, setDecision] = useState<Decision | ''>('');
  const [location, setLocation] = useState<AreaChoice>({
    kecamatan: detail.location.kecamatan ?? '',
    kelurahan: detail.location.kelurahan ?? '',
  });
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const needsLocation = decision === 'SEDANG' || decision === 'BERAT';

  async function submit(event: Event) {
    event.preventDefault();
    if (!decision) return setErrors({ decision: 'Pilih kategori atau tolak pengaduan.' });
    if (decision === 'TOLAK' && !reason.trim()) return setErrors({ reason: 'Alasan penolakan wajib diisi.' });
    if (needsLocation && location.kecamatan && !location.kelurahan) {
      return setErrors({ kelurahan: 'Pilih kelurahan/desa di kecamatan tersebut.' });
    }
    setErrors({});
    setBusy(true);
    try {
      const path = { path: { id: detail.id } };
      const { data, error, response } =
        decision === 'TOLAK'
          ? await api.POST('/api/complaints/{id}/triage', {
              params: path,
              body: { reject: { reason: reason.trim() } },
            })
          : await api.POST('/api/complaints/{id}/triage', {
              params: path,
              body: {
                category: decision,
                ...(location.kecamatan && location.kelurahan ? { location } : {}),
                ...(notes.trim() ? { notes: notes.trim() } : {}),
              },
            });
      if (!data) {
        const message = errorMessage(error, response);
        const field = fieldOf<Field>(message, {
          decision: ['kategori'],
          kecamatan: ['kecamatan', 'lokasi'],
          kelurahan: ['kelurahan'],
          notes: ['catatan'],
          reason: ['alasan'],
          form: [],
        });
        setErrors(field ? { [field]: message } : { form: message });
        return;
      }
      props.onDone(
        data,
        decision === 'TOLAK'
          ? 'Pengaduan ditolak pada triase.'
          : `Triase selesai: pengaduan ${CATEGORY_LABELS[decision].toLowerCase()} diteruskan kepada unit.`,
      );
    } catch {
      setErrors({ form: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.' });
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: Field) => (errors[field] ? `triase-${field}-galat` : undefined);

  return (
    <section class="card highlight" aria-labelledby="triase-judul">
      <h2 id="triase-judul">Triase</h2>
      <form onSubmit={submit} noValidate>
        <fieldset aria-describedby={describedBy('decision')}>
          <legend>Kategori</legend>
          <div class="choices">
            {CATEGORIES.map((c) => (
              <label key={c} class="choice">
                <input
                  type="radio"
                  name="triase-kategori"
                  value={c}
                  checked={decision === c}
                  onChange={() => setDecision(c)}
                />{' '}
                {CATEGORY_LABELS[c]}
              </label>
            ))}
            <label class="choice">
              <input
                type="radio"
                name="triase-kategori"
                value="TOLAK"
                checked={decision === 'TOLAK'}
                onChange={() => setDecision('TOLAK')}
              />{' '}
              Tolak (di luar lingkup SOP)
            </label>
          </div>
          <FieldError id="triase-decision-galat" message={errors.decision} />
        </fieldset>

        {decision === 'TOLAK' ? (
          <div class="field">
            <label for="triase-reason">Alasan penolakan (disampaikan kepada pengadu)</label>
            <textarea
              id="triase-reason"
              rows={3}
              maxLength={2000}
              value={reason}
              aria-invalid={errors.reason ? 'true' : undefined}
              aria-describedby={describedBy('reason')}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
            <FieldError id="triase-reason-galat" message={errors.reason} />
          </div>
        ) : (
          <>
            <p class="muted small">
              Lokasi wajib untuk pengaduan sedang dan berat (bila belum ada): menentukan aparatur kecamatan
              dan kelurahan yang menangani.
            </p>
            <div class="filters">
              <LocationSelects
                prefix="triase"
                value={location}
                onChange={(v) => {
                  setLocation(v);
                  setErrors({});
                }}
                required={needsLocation && !detail.location.kelurahan}
                errors={{ kecamatan: errors.kecamatan, kelurahan: errors.kelurahan }}
              />
            </div>
            <div class="field">
              <label for="triase-notes">Catatan triase (tidak wajib)</label>
              <textarea
                id="triase-notes"
                rows={2}
                maxLength={2000}
                value={notes}
                aria-invalid={errors.notes ? 'true' : undefined}
                aria-describedby={describedBy('notes')}
                onInput={(e) => setNotes(e.currentTarget.value)}
              />
              <FieldError id="triase-notes-galat" message={errors.notes} />
            </div>
          </>
        )}
        <Alert message={errors.form} />
        <button type="submit" disabled={busy}>
          {busy ? 'Menyimpan…' : decision === 'TOLAK' ? 'Tolak pengaduan' : 'Simpan triase'}
        </button>
      </form>
    </section>
  );
}
