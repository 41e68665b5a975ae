/**
 * The Kepala Daerah's desk (/staf/keputusan): the BERAT complaints awaiting their decision
 * (GET /api/complaints?status=AWAITING_DECISION&category=BERAT, nearest deadline first), each with
 * every unit's study and the decision form (POST /api/complaints/{id}/escalation-decision).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { unitsForCategory } from '../../domain/categories';
import { api, errorMessage, type Schemas } from '../api/client';
import { useAreas } from '../areas';
import { DECISION_LABELS, formatDateTime, registerSlug, taskUnitLabel, UNIT_LABELS } from '../format';
import { BASE } from '../router';
import { Alert, FieldError, fieldOf, Link, PageHeading } from '../ui';

type Detail = Schemas['ComplaintDetailView'];
type Task = Schemas['TaskView'];
type Unit = Schemas['Unit'];
type DecisionKind = Schemas['DecisionKind'];

/** How often the list asks for newly escalated cases. */
const POLL_MS = 30_000;

/** The units a further study can go to: those that handle BERAT cases. */
const STUDY_UNITS = unitsForCategory('BERAT') as readonly Unit[];

const DECISION_CHOICES: { value: DecisionKind; label: string; hint: string }[] = [
  { value: 'APPROVE', label: 'Setujui', hint: 'Tindak lanjut hasil kajian disetujui.' },
  { value: 'REJECT', label: 'Tolak', hint: 'Tindak lanjut hasil kajian tidak disetujui.' },
  {
    value: 'FURTHER_STUDY',
    label: 'Kajian lebih lanjut',
    hint: 'Unit yang dipilih mengkaji ulang; pengaduan kembali kepada Anda setelahnya.',
  },
];

/** The study the pending decision is about: tasks opened after the last decided round. */
export function currentStudy(detail: Detail): { current: Task[]; earlier: Task[] } {
  const decidedRounds = detail.decisions.filter((d) => d.decision).map((d) => d.round);
  const after = decidedRounds.length > 0 ? Math.max(...decidedRounds) : 0;
  return {
    current: detail.tasks.filter((t) => t.round > after),
    earlier: detail.tasks.filter((t) => t.round <= after),
  };
}

export function Decisions(_props: { me: Schemas['UserDto'] }) {
  const [cases, setCases] = useState<Detail[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const {
      data,
      error: apiError,
      response,
    } = await api.GET('/api/complaints', {
      params: { query: { status: 'AWAITING_DECISION', category: 'BERAT', sort: 'dueAt', pageSize: 100 } },
    });
    if (!data) return setError(errorMessage(apiError, response));
    // The units' study is on each case's detail.
    const details = await Promise.all(
      data.items.map((c) => api.GET('/api/complaints/{id}', { params: { path: { id: c.id } } })),
    );
    const failed = details.find((d) => !d.data);
    if (failed) return setError(errorMessage(failed.error, failed.response));
    setError(null);
    // A case decided between the two reads is no longer waiting.
    setCases(details.map((d) => d.data!).filter((d) => d.status === 'AWAITING_DECISION'));
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <>
      <PageHeading title="Menunggu keputusan Anda">Menunggu keputusan Anda</PageHeading>
      <p class="muted">
        Pengaduan berat yang telah dikaji unit penanganan dan menunggu keputusan Wali Kota, batas waktu
        terdekat lebih dulu.
      </p>
      <Alert kind="info" message={notice} />
      <Alert message={error} />
      {cases === null && !error ? <p role="status">Memuat pengaduan…</p> : null}
      {cases ? (
        <p role="status">
          {cases.length === 0
            ? 'Tidak ada pengaduan yang menunggu keputusan Anda.'
            : `${cases.length} pengaduan berat menunggu keputusan Anda`}
        </p>
      ) : null}
      {cases && cases.length > 0 ? (
        <ul class="task-list">
          {cases.map((detail) => (
            <DecisionCase
              key={detail.id}
              detail={detail}
              onDecided={async (message) => {
                setNotice(message);
                await load();
              }}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}

function DecisionCase(props: { detail: Detail; onDecided: (message: string) => void | Promise<void> }) {
  const { detail } = props;
  const slug = registerSlug(detail.registerNumber);
  const headingId = `kep-${slug}-judul`;
  const pending = detail.decisions.find((d) => !d.decision);
  const { current, earlier } = currentStudy(detail);
  const earlierDecisions = detail.decisions.filter((d) => d.decision);

  return (
    <li class={`card task decision-item${detail.overdue ? ' overdue' : ''}`}>
      <h2 id={headingId}>
        <Link href={`${BASE}/pengaduan/${slug}`}>{detail.registerNumber}</Link>{' '}
        <span class="badge">Berat</span>
        {detail.overdue ? <span class="badge danger">Terlambat</span> : null}
      </h2>
      <dl class="facts">
        <div>
          <dt>Diteruskan kepada Anda</dt>
          <dd>{formatDateTime(pending?.escalatedAt)}</dd>
        </div>
        <div>
          <dt>Batas waktu</dt>
          <dd class={detail.overdue ? 'danger-text' : undefined}>{formatDateTime(detail.dueAt)}</dd>
        </div>
        <div>
          <dt>Layanan</dt>
          <dd>{detail.licensingService ?? '–'}</dd>
        </div>
        <div>
          <dt>Lokasi</dt>
          <dd>
            <LocationName location={detail.location} />
          </dd>
        </div>
      </dl>
      <h3>Uraian pengaduan</h3>
      <p class="prewrap">{detail.description}</p>

      <h3>Hasil kajian unit{pending && pending.round > 1 ? ` (putaran ${pending.round})` : ''}</h3>
      <StudyList tasks={current} />
      {earlier.length > 0 ? (
        <details>
          <summary>Kajian dan keputusan sebelumnya</summary>
          {earlierDecisions.map((d) => (
            <p key={d.id}>
              Putaran {d.round}: {d.decision ? DECISION_LABELS[d.decision] : '–'}
              {d.units?.length ? ` (${d.units.map((u) => UNIT_LABELS[u]).join(', ')})` : ''}
              {d.notes ? `: ${d.notes}` : ''}
            </p>
          ))}
          <StudyList tasks={earlier} />
        </details>
      ) : null}

      <DecisionForm detail={detail} onDecided={props.onDecided} />
    </li>
  );
}

function StudyList(props: { tasks: Task[] }) {
  if (props.tasks.length === 0) return <p class="muted">Belum ada hasil kajian.</p>;
  return (
    <ul class="plain study">
      {props.tasks.map((t) => (
        <li key={t.id} class="task-row">
          <strong>{taskUnitLabel(t)}</strong>{' '}
          <span class={`badge${t.status === 'OPEN' ? ' warn' : ' ok'}`}>
            {t.status === 'OPEN' ? 'Belum selesai' : 'Selesai'}
          </span>
          {t.outcome ? <p class="prewrap">Hasil: {t.outcome}</p> : null}
          {t.notes ? <p class="prewrap muted">Catatan: {t.notes}</p> : null}
          {t.completedAt ? (
            <p class="muted small">
              oleh {t.completedBy ?? '–'}, {formatDateTime(t.completedAt)}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The location by name (the case carries codes), falling back to the codes while areas load. */
function LocationName(props: { location: Schemas['LocationView'] }) {
  const { areas } = useAreas();
  const { kecamatan, kelurahan } = props.location;
  if (!kecamatan) return <>–</>;
  const k = areas?.find((a) => a.code === kecamatan);
  const kel = k?.kelurahan.find((a) => a.code === kelurahan);
  return <>{[kel?.name ?? kelurahan, k?.name ?? kecamatan].filter(Boolean).join(', ')}</>;
}

type Field = 'decision' | 'units' | 'notes' | 'form';

function DecisionForm(props: { detail: Detail; onDecided: (message: string) => void | Promise<void> }) {
  const { detail } = props;
  const prefix = `kep-${registerSlug(detail.registerNumber)}`;
  const [decision, setDecision] = useState<DecisionKind | ''>('');
  const [units, setUnits] = useState<Unit[]>([]);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!decision) return setErrors({ decision: 'Pilih keputusan Anda.' });
    if (decision === 'FURTHER_STUDY' && units.length === 0)
      return setErrors({ units: 'Pilih paling sedikit satu unit yang mengkaji ulang.' });
    // In the SOP's order, whatever order they were ticked in.
    const chosen = STUDY_UNITS.filter((u) => units.includes(u));
    setErrors({});
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/api/complaints/{id}/escalation-decision', {
        params: { path: { id: detail.id } },
        body: {
          decision,
          ...(notes.trim() ? { notes: notes.trim() } : {}),
          ...(decision === 'FURTHER_STUDY' ? { units: chosen } : {}),
        },
      });
      if (!data) {
        const message = errorMessage(error, response);
        const field = fieldOf<Field>(message, {
          units: ['unit'],
          notes: ['catatan'],
          decision: ['keputusan wajib'],
          form: [],
        });
        setErrors(field ? { [field]: message } : { form: message });
        return;
      }
      await props.onDecided(
        decision === 'FURTHER_STUDY'
          ? `Pengaduan ${detail.registerNumber} dikaji lebih lanjut oleh: ${chosen.map((u) => UNIT_LABELS[u]).join(', ')}.`
          : `Keputusan atas pengaduan ${detail.registerNumber} tercatat: ${DECISION_LABELS[decision].toLowerCase()}.`,
      );
    } catch {
      setErrors({ form: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.' });
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: Field) => (errors[field] ? `${prefix}-${field}-galat` : undefined);

  return (
    <form
      class="decision-form"
      onSubmit={submit}
      noValidate
      aria-label={`Keputusan atas ${detail.registerNumber}`}
    >
      <h3>Keputusan Anda</h3>
      <fieldset aria-describedby={describedBy('decision')}>
        <legend>Keputusan</legend>
        <div class="choices">
          {DECISION_CHOICES.map((c) => (
            <label key={c.value} class="choice">
              <input
                type="radio"
                name={`${prefix}-keputusan`}
                value={c.value}
                checked={decision === c.value}
                onChange={() => {
                  setDecision(c.value);
                  setErrors({});
                }}
              />{' '}
              {c.label}
            </label>
          ))}
        </div>
        {decision ? (
          <p class="muted small">{DECISION_CHOICES.find((c) => c.value === decision)?.hint}</p>
        ) : null}
        <FieldError id={`${prefix}-decision-galat`} message={errors.decision} />
      </fieldset>

      {decision === 'FURTHER_STUDY' ? (
        <fieldset aria-describedby={describedBy('units')}>
          <legend>Unit yang mengkaji ulang</legend>
          <div class="choices">
            {STUDY_UNITS.map((u) => (
              <label key={u} class="choice">
                <input
                  type="checkbox"
                  value={u}
                  checked={units.includes(u)}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    setUnits((prev) => (checked ? [...prev, u] : prev.filter((x) => x !== u)));
                    setErrors({});
                  }}
                />{' '}
                {UNIT_LABELS[u]}
              </label>
            ))}
          </div>
          <FieldError id={`${prefix}-units-galat`} message={errors.units} />
        </fieldset>
      ) : null}

      <div class="field">
        <label for={`${prefix}-notes`}>Catatan keputusan (tidak wajib)</label>
        <textarea
          id={`${prefix}-notes`}
          rows={3}
          maxLength={2000}
          value={notes}
          aria-invalid={errors.notes ? 'true' : undefined}
          aria-describedby={describedBy('notes')}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
        <FieldError id={`${prefix}-notes-galat`} message={errors.notes} />
      </div>
      <Alert message={errors.form} />
      <button type="submit" disabled={busy}>
        {busy ? 'Mengirim…' : 'Kirim keputusan'}
      </button>
    </form>
  );
}
