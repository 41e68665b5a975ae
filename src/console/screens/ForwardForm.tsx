/**
 * Seksi Pengaduan forwards a complaint that is not DPM-PTSP's business ("bukan wewenang") to another
 * agency (POST /api/complaints/{id}/forward): the agency from the list (GET /api/agencies), the reason
 * the complainant is told, and the outgoing letter's number. Offered while the case awaits triage.
 */
import { useEffect, useState } from 'preact/hooks';
import { isPlausibleLetterNumber, LETTER_NUMBER_MESSAGE } from '../../domain/agencies';
import { api, errorMessage, type Schemas } from '../api/client';
import { Alert, FieldError, fieldOf } from '../ui';

type Detail = Schemas['ComplaintDetailView'];
type Agency = Schemas['AgencyView'];
type Field = 'agency' | 'reason' | 'letterNumber' | 'form';

const KIND_LABELS: Record<Agency['kind'], string> = {
  NASIONAL: 'Sistem nasional',
  OPD: 'Perangkat daerah Kota Prabumulih',
  VERTIKAL: 'Instansi lain',
};

export function ForwardForm(props: { detail: Detail; onDone: (detail: Detail, message: string) => void }) {
  const { detail } = props;
  const [open, setOpen] = useState(false);
  const [agencies, setAgencies] = useState<Agency[] | null>(null);
  const [agency, setAgency] = useState('');
  const [reason, setReason] = useState('');
  const [letterNumber, setLetterNumber] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open || agencies) return;
    void api.GET('/api/agencies').then(({ data, error, response }) => {
      if (data) setAgencies(data);
      else setErrors({ form: errorMessage(error, response) });
    });
  }, [open, agencies]);

  async function submit(event: Event) {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    if (!agency) problems.agency = 'Pilih instansi tujuan.';
    if (!reason.trim()) problems.reason = 'Alasan penerusan wajib diisi.';
    if (!letterNumber.trim()) problems.letterNumber = 'Nomor surat keluar wajib diisi.';
    else if (!isPlausibleLetterNumber(letterNumber.trim())) problems.letterNumber = LETTER_NUMBER_MESSAGE;
    if (Object.keys(problems).length > 0) return setErrors(problems);
    setErrors({});
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/api/complaints/{id}/forward', {
        params: { path: { id: detail.id } },
        body: {
          agency: agency as Schemas['AgencyCode'],
          reason: reason.trim(),
          letterNumber: letterNumber.trim(),
        },
      });
      if (!data) {
        const message = errorMessage(error, response);
        const field = fieldOf<Field>(message, {
          agency: ['instansi'],
          reason: ['alasan'],
          letterNumber: ['surat'],
          form: [],
        });
        setErrors(field ? { [field]: message } : { form: message });
        return;
      }
      const name = agencies?.find((a) => a.code === agency)?.name ?? agency;
      props.onDone(data, `Pengaduan diteruskan ke ${name} dan ditutup; pengadu diberi tahu.`);
    } catch {
      setErrors({ form: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.' });
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: Field) => (errors[field] ? `teruskan-${field}-galat` : undefined);
  const kinds = (['NASIONAL', 'OPD', 'VERTIKAL'] as const).filter((k) => agencies?.some((a) => a.kind === k));

  return (
    <section class="card" aria-labelledby="teruskan-judul">
      <h2 id="teruskan-judul">Teruskan ke instansi lain</h2>
      {!open ? (
        <>
          <p class="muted small">
            Bila pengaduan ini bukan wewenang DPM-PTSP, teruskan kepada instansi yang berwenang dengan surat
            keluar. Pengaduan ditutup dan pengadu diberi tahu ke mana pengaduannya diteruskan.
          </p>
          <button type="button" class="secondary" onClick={() => setOpen(true)}>
            Teruskan ke instansi lain
          </button>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <div class="field">
            <label for="teruskan-agency">Instansi tujuan</label>
            <select
              id="teruskan-agency"
              value={agency}
              disabled={!agencies}
              aria-invalid={errors.agency ? 'true' : undefined}
              aria-describedby={describedBy('agency')}
              onChange={(e) => setAgency(e.currentTarget.value)}
            >
              <option value="">{agencies ? '— pilih instansi —' : 'Memuat daftar instansi…'}</option>
              {kinds.map((k) => (
                <optgroup key={k} label={KIND_LABELS[k]}>
                  {agencies!
                    .filter((a) => a.kind === k)
                    .map((a) => (
                      <option key={a.code} value={a.code}>
                        {a.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            <FieldError id="teruskan-agency-galat" message={errors.agency} />
          </div>
          <div class="field">
            <label for="teruskan-reason">Alasan penerusan (disampaikan kepada pengadu)</label>
            <textarea
              id="teruskan-reason"
              rows={3}
              maxLength={2000}
              value={reason}
              aria-invalid={errors.reason ? 'true' : undefined}
              aria-describedby={describedBy('reason')}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
            <FieldError id="teruskan-reason-galat" message={errors.reason} />
          </div>
          <div class="field">
            <label for="teruskan-letter">Nomor surat keluar</label>
            <input
              id="teruskan-letter"
              type="text"
              maxLength={100}
              placeholder="500.16/123/DPMPTSP/2026"
              value={letterNumber}
              aria-invalid={errors.letterNumber ? 'true' : undefined}
              aria-describedby={describedBy('letterNumber')}
              onInput={(e) => setLetterNumber(e.currentTarget.value)}
            />
            <FieldError id="teruskan-letterNumber-galat" message={errors.letterNumber} />
          </div>
          <Alert message={errors.form} />
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Meneruskan…' : 'Teruskan dan tutup pengaduan'}
            </button>{' '}
            <button type="button" class="secondary" disabled={busy} onClick={() => setOpen(false)}>
              Batal
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
