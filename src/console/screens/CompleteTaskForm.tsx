import { useState } from 'preact/hooks';
import { api, errorMessage, fetchWithSession, type Schemas } from '../api/client';
import { taskUnitLabel } from '../format';
import { Alert, FieldError, fieldOf } from '../ui';

type Errors = { outcome?: string; notes?: string; file?: string; form?: string };

/** Completes one of the person's open tasks: outcome, notes and optionally an evidence file. */
export function CompleteTaskForm(props: {
  task: Schemas['TaskView'];
  complaintId: string;
  onCompleted: () => void | Promise<void>;
}) {
  const { task } = props;
  const prefix = `tugas-${task.round}-${task.unit.toLowerCase()}`;
  const [outcome, setOutcome] = useState('');
  const [notes, setNotes] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  async function submit(event: Event) {
    event.preventDefault();
    if (!outcome.trim()) return setErrors({ outcome: 'Hasil penanganan wajib diisi.' });
    setErrors({});
    setBusy(true);
    try {
      // The evidence first: a refused file leaves the task open, to be sent again.
      if (file) {
        const form = new FormData();
        form.append('file', file);
        const res = await fetchWithSession(
          `/api/complaints/${encodeURIComponent(props.complaintId)}/attachments`,
          { method: 'POST', body: form },
        );
        if (!res.ok) {
          const body = await res.json().catch(() => undefined);
          setErrors({ file: errorMessage(body, res) });
          return;
        }
        setFile(null);
      }
      const { data, error, response } = await api.POST('/api/tasks/{id}/complete', {
        params: { path: { id: task.id } },
        body: { outcome: outcome.trim(), ...(notes.trim() ? { notes: notes.trim() } : {}) },
      });
      if (!data) {
        const message = errorMessage(error, response);
        const field = fieldOf<'outcome' | 'notes'>(message, {
          outcome: ['outcome', 'hasil'],
          notes: ['notes', 'catatan'],
        });
        setErrors(field ? { [field]: message } : { form: message });
        return;
      }
      await props.onCompleted();
    } catch {
      setErrors({ form: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.' });
    } finally {
      setBusy(false);
    }
  }

  const described = (field: keyof Errors, hint?: string) =>
    [hint, errors[field] ? `${prefix}-${field}-galat` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <section class="card highlight" aria-labelledby={`${prefix}-judul`}>
      <h2 id={`${prefix}-judul`}>Selesaikan tugas: {taskUnitLabel(task)}</h2>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for={`${prefix}-outcome`}>Hasil penanganan</label>
          <textarea
            id={`${prefix}-outcome`}
            rows={4}
            maxLength={5000}
            required
            value={outcome}
            aria-invalid={errors.outcome ? 'true' : undefined}
            aria-describedby={described('outcome')}
            onInput={(e) => setOutcome(e.currentTarget.value)}
          />
          <FieldError id={`${prefix}-outcome-galat`} message={errors.outcome} />
        </div>
        <div class="field">
          <label for={`${prefix}-notes`}>Catatan (tidak wajib)</label>
          <textarea
            id={`${prefix}-notes`}
            rows={2}
            maxLength={5000}
            value={notes}
            aria-invalid={errors.notes ? 'true' : undefined}
            aria-describedby={described('notes')}
            onInput={(e) => setNotes(e.currentTarget.value)}
          />
          <FieldError id={`${prefix}-notes-galat`} message={errors.notes} />
        </div>
        <div class="field">
          <label for={`${prefix}-file`}>Berkas bukti (tidak wajib; JPEG, PNG atau PDF)</label>
          <input
            id={`${prefix}-file`}
            type="file"
            accept="image/jpeg,image/png,application/pdf"
            aria-invalid={errors.file ? 'true' : undefined}
            aria-describedby={described('file')}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
          <FieldError id={`${prefix}-file-galat`} message={errors.file} />
        </div>
        <Alert message={errors.form} />
        <button type="submit" disabled={busy}>
          {busy ? 'Menyimpan…' : 'Selesaikan tugas'}
        </button>
      </form>
    </section>
  );
}
