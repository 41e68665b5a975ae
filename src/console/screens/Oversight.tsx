/**
 * Oversight for Kabid Pengaduan, the Kepala Dinas and admins (/staf/pengawasan): the overdue and
 * stuck cases (GET /api/ops/stuck), one row per case, nearest deadline first, each linking to its
 * case page; and the units' workload (GET /api/workload): open tasks and those of overdue cases.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { formatDateTime, STATUS_LABELS, UNIT_LABELS } from '../format';
import { BASE } from '../router';
import { Alert, Link, PageHeading } from '../ui';

type StuckItem = Schemas['StuckCaseView'];
type StuckKind = Schemas['StuckKind'];
type Workload = Schemas['WorkloadView'];

/** How often the overview is read again. */
const POLL_MS = 60_000;

const KIND_LABELS: Record<StuckKind, string> = {
  OVERDUE: 'Melewati batas waktu',
  TRIAGE_LATE: 'Triase terlambat',
  TASK_LATE: 'Tugas unit terlambat',
  DECISION_LATE: 'Keputusan Kepala Daerah tertunda',
  FAILING_ACTIVITIES: 'Proses gagal berulang',
  NOTIFICATION_FAILED: 'Pemberitahuan gagal terkirim',
  HOLIDAY_LIST_MISSING: 'Daftar hari libur belum ada',
  STAGE_BREACHED: 'Melewati batas waktu tahap',
};

/** The kinds whose detail does not already say since when (the others' details do, or it means nothing). */
const SINCE_LABELS: Partial<Record<StuckKind, string>> = {
  TASK_LATE: 'tugas tertua terbuka sejak',
  NOTIFICATION_FAILED: 'sejak',
};

/** One case with every way it is stuck. */
export interface StuckCase {
  key: string;
  complaintId: string | null;
  registerNumber: string | null;
  workflowId: string;
  status: string | null;
  dueAt: string | null;
  webUiUrl: string;
  items: StuckItem[];
}

/** Groups the report's items per case, nearest deadline first (cases without one last). */
export function groupStuck(items: StuckItem[]): StuckCase[] {
  const byKey = new Map<string, StuckCase>();
  for (const item of items) {
    // Items of no case (a missing holiday list, a notification of no complaint) stand alone.
    const key = item.complaintId ?? (item.workflowId || `${item.kind}:${item.detail}`);
    const found = byKey.get(key);
    if (found) {
      found.items.push(item);
      continue;
    }
    byKey.set(key, {
      key,
      complaintId: item.complaintId ?? null,
      registerNumber: item.registerNumber ?? null,
      workflowId: item.workflowId,
      status: item.status ?? null,
      dueAt: item.dueAt ?? null,
      webUiUrl: item.webUiUrl,
      items: [item],
    });
  }
  const due = (c: StuckCase) => (c.dueAt ? new Date(c.dueAt).getTime() : Number.POSITIVE_INFINITY);
  return [...byKey.values()].sort(
    (a, b) =>
      due(a) - due(b) || (a.registerNumber ?? a.workflowId).localeCompare(b.registerNumber ?? b.workflowId),
  );
}

export function Oversight(props: { me: Schemas['UserDto'] }) {
  const [stuck, setStuck] = useState<StuckCase[] | null>(null);
  const [stuckError, setStuckError] = useState<string | null>(null);
  const [workload, setWorkload] = useState<Workload | null>(null);
  const [workloadError, setWorkloadError] = useState<string | null>(null);
  const [checkedAt, setCheckedAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setBusy(true);
    try {
      const [s, w] = await Promise.all([api.GET('/api/ops/stuck'), api.GET('/api/workload')]);
      if (s.data) {
        setStuck(groupStuck(s.data.items));
        setStuckError(null);
        setCheckedAt(s.data.asOf);
      } else setStuckError(errorMessage(s.error, s.response));
      if (w.data) {
        setWorkload(w.data);
        setWorkloadError(null);
      } else setWorkloadError(errorMessage(w.error, w.response));
    } catch {
      setStuckError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.');
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <>
      <PageHeading title="Pengawasan">Pengawasan</PageHeading>
      <p class="muted">
        Pengaduan yang terlambat atau tersendat, dan beban kerja setiap unit. Diperbarui setiap menit
        {checkedAt ? `; terakhir ${formatDateTime(checkedAt)}` : ''}.
      </p>
      <p>
        <button type="button" class="secondary" onClick={() => void load()} disabled={busy}>
          {busy ? 'Memuat…' : 'Muat ulang'}
        </button>
      </p>

      <section class="card" aria-labelledby="tersendat">
        <h2 id="tersendat">Pengaduan terlambat dan tersendat</h2>
        <Alert message={stuckError} />
        {stuck === null && !stuckError ? <p role="status">Memuat pengaduan…</p> : null}
        {stuck ? (
          <p role="status">
            {stuck.length === 0
              ? 'Tidak ada pengaduan yang terlambat atau tersendat.'
              : `${stuck.length} pengaduan terlambat atau tersendat, batas waktu terdekat lebih dulu`}
          </p>
        ) : null}
        {stuck && stuck.length > 0 ? (
          <ul class="plain">
            {stuck.map((c) => (
              <StuckRow key={c.key} item={c} showWorkflow={props.me.role === 'ADMIN'} />
            ))}
          </ul>
        ) : null}
      </section>

      <section class="card" aria-labelledby="beban-kerja">
        <h2 id="beban-kerja">Beban kerja unit</h2>
        <Alert message={workloadError} />
        {workload === null && !workloadError ? <p role="status">Memuat beban kerja…</p> : null}
        {workload ? <WorkloadTables workload={workload} /> : null}
      </section>
    </>
  );
}

function StuckRow(props: { item: StuckCase; showWorkflow: boolean }) {
  const c = props.item;
  const overdue = c.items.some((i) => i.kind === 'OVERDUE');
  const title = c.registerNumber ?? (c.workflowId || KIND_LABELS[c.items[0].kind]);
  return (
    <li class={`task-row stuck-item${overdue ? ' overdue' : ''}`}>
      <strong>
        {c.complaintId ? (
          <Link href={`${BASE}/pengaduan/${encodeURIComponent(c.complaintId)}`}>{title}</Link>
        ) : (
          title
        )}
      </strong>{' '}
      {c.items.map((i) => (
        <span key={i.kind} class={`badge${i.kind === 'OVERDUE' ? ' danger' : ' warn'}`}>
          {KIND_LABELS[i.kind]}
        </span>
      ))}
      <p class="muted small">
        {c.status ? `${STATUS_LABELS[c.status as Schemas['ComplaintStatus']] ?? c.status} · ` : ''}
        batas waktu {formatDateTime(c.dueAt)}
      </p>
      <ul class="stuck-details">
        {c.items.map((i) => (
          <li key={i.kind}>
            {i.detail}
            {i.since && SINCE_LABELS[i.kind] ? (
              <span class="muted">
                {' '}
                ({SINCE_LABELS[i.kind]} {formatDateTime(i.since)})
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {props.showWorkflow && c.workflowId ? (
        <p class="small">
          <a href={c.webUiUrl} target="_blank" rel="noopener noreferrer">
            Buka proses {c.workflowId} di Temporal Web UI (tab baru)
          </a>
        </p>
      ) : null}
    </li>
  );
}

function WorkloadTables(props: { workload: Workload }) {
  const { workload } = props;
  return (
    <>
      <p>
        {workload.totalOpen} tugas terbuka, {workload.totalOverdue} di antaranya pada pengaduan yang melewati
        batas waktu.
      </p>
      <table class="workload-table">
        <caption id="beban-unit">Tugas terbuka per unit</caption>
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col" class="num">
              Tugas terbuka
            </th>
            <th scope="col" class="num">
              Terlambat
            </th>
            <th scope="col" class="oldest">
              Tugas tertua sejak
            </th>
          </tr>
        </thead>
        <tbody>
          {workload.units.map((u) => (
            <tr key={u.unit} data-unit={u.unit}>
              <th scope="row">{UNIT_LABELS[u.unit]}</th>
              <td class="num">{u.open}</td>
              <td class={`num${u.overdue > 0 ? ' danger-text' : ''}`}>{u.overdue}</td>
              <td class="oldest">{u.oldestOpenedAt ? formatDateTime(u.oldestOpenedAt) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {workload.areas.length > 0 ? (
        <table class="workload-table">
          <caption id="beban-wilayah">Aparatur kecamatan dan kelurahan per wilayah</caption>
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Wilayah</th>
              <th scope="col" class="num">
                Tugas terbuka
              </th>
              <th scope="col" class="num">
                Terlambat
              </th>
            </tr>
          </thead>
          <tbody>
            {workload.areas.map((a) => (
              <tr key={`${a.unit}-${a.area}`}>
                <th scope="row">{UNIT_LABELS[a.unit]}</th>
                <td>
                  {a.areaName ?? a.area} <span class="muted">({a.area})</span>
                </td>
                <td class="num">{a.open}</td>
                <td class={`num${a.overdue > 0 ? ' danger-text' : ''}`}>{a.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
