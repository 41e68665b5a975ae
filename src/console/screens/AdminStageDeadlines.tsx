/**
 * Admin: how many working days each stage of a complaint may take (GET/PUT
 * /api/settings/stage-deadlines): the triage, each unit's task, the Kepala Daerah's decision. A
 * complaint keeps the values in force when it was registered.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { formatDateTime } from '../format';
import { Alert, FieldError, PageHeading } from '../ui';

type Settings = Schemas['StageDeadlinesDto'];

/** The form's values, as typed (validated by the API: 1..10 working days). */
interface Values {
  triage: string;
  decision: string;
  units: Record<string, string>;
}

function valuesOf(s: Settings): Values {
  return {
    triage: String(s.triage),
    decision: String(s.decision),
    units: Object.fromEntries(s.units.map((u) => [u.unit, String(u.workingDays)])),
  };
}

export function AdminStageDeadlines() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { data, error: failed, response } = await api.GET('/api/settings/stage-deadlines');
      if (cancelled) return;
      if (data) {
        setSettings(data);
        setValues(valuesOf(data));
      } else setError(errorMessage(failed, response));
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    if (!settings || !values) return;
    setBusy(true);
    setDone(null);
    setError(null);
    setFields({});
    // Sent as numbers; the API refuses what is not a whole number from 1 to 10 (422), naming the field.
    const body = {
      triage: Number(values.triage),
      decision: Number(values.decision),
      units: settings.units.map((u) => ({ unit: u.unit, workingDays: Number(values.units[u.unit]) })),
    };
    const { data, error: failed, response } = await api.PUT('/api/settings/stage-deadlines', { body });
    setBusy(false);
    if (data) {
      setSettings(data);
      setValues(valuesOf(data));
      setDone('Batas waktu tahap disimpan. Berlaku untuk pengaduan yang dicatat sesudah ini.');
      return;
    }
    setError(errorMessage(failed, response));
    setFields(
      ((failed as { fields?: Record<string, string> } | undefined)?.fields ?? {}) as Record<string, string>,
    );
  }

  const input = (id: string, label: string, value: string, field: string, onInput: (v: string) => void) => (
    <div class="field" key={id}>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={settings?.min ?? 1}
        max={settings?.max ?? 10}
        step={1}
        value={value}
        aria-invalid={fields[field] ? 'true' : undefined}
        aria-describedby={fields[field] ? `${id}-galat` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <FieldError id={`${id}-galat`} message={fields[field]} />
    </div>
  );

  return (
    <>
      <PageHeading title="Batas waktu tahap">Batas waktu tiap tahap</PageHeading>
      <p class="muted">
        Dalam batas 10 hari kerja, setiap tahap punya batas waktunya sendiri (hari kerja, 1 sampai 10): triase
        sejak pengaduan diterima, tugas tiap unit sejak tugas dibuka, dan keputusan Kepala Daerah sejak
        eskalasi. Tahap yang melewatinya dicatat dan diberitahukan kepada unit dan Kabid.
        {settings ? ` ${settings.appliesTo}` : ''}
      </p>
      <Alert message={error} />
      <Alert kind="info" message={done} />
      {!values && !error ? <p role="status">Memuat batas waktu tahap…</p> : null}
      {values && settings ? (
        <form class="card" onSubmit={save} noValidate aria-label="Batas waktu tahap">
          <fieldset>
            <legend>Triase dan keputusan</legend>
            {input('tahap-triase', 'Triase oleh Seksi Pengaduan (hari kerja)', values.triage, 'triage', (v) =>
              setValues({ ...values, triage: v }),
            )}
            {input(
              'tahap-keputusan',
              'Keputusan Kepala Daerah (hari kerja)',
              values.decision,
              'decision',
              (v) => setValues({ ...values, decision: v }),
            )}
          </fieldset>
          <fieldset>
            <legend>Tugas tiap unit (hari kerja)</legend>
            {settings.units.map((u, i) =>
              input(
                `tahap-unit-${u.unit}`,
                u.label,
                values.units[u.unit] ?? '',
                `units.${i}.workingDays`,
                (v) => setValues({ ...values, units: { ...values.units, [u.unit]: v } }),
              ),
            )}
          </fieldset>
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Menyimpan…' : 'Simpan'}
            </button>
          </div>
          {settings.updatedAt ? (
            <p class="muted">
              Terakhir diubah {formatDateTime(settings.updatedAt)}
              {settings.updatedBy ? ` oleh ${settings.updatedBy}` : ''}.
            </p>
          ) : null}
        </form>
      ) : null}
    </>
  );
}
