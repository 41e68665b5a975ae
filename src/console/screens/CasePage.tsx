import { useCallback, useEffect, useState } from 'preact/hooks';
import { checkResponder } from '../../domain/complaint-rules';
import { api, errorMessage, fetchWithSession, type Schemas } from '../api/client';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  DECISION_LABELS,
  describeEvent,
  describeWorkingDaysLeft,
  formatDate,
  formatDateTime,
  registerSlug,
  STATUS_LABELS,
  taskUnitLabel,
  UNIT_LABELS,
} from '../format';
import { IdentityBadge, identityNote } from '../identity-mode';
import { privacyAcknowledgmentText } from '../privacy-notice';
import { BASE } from '../router';
import { CaseRating } from '../satisfaction';
import { Alert, Link, PageHeading } from '../ui';
import { CompleteTaskForm } from './CompleteTaskForm';
import { ForwardForm } from './ForwardForm';
import { NotificationDeliveries } from './NotificationDeliveries';
import { ObjectionPanel } from './Objection';
import { RecategoriseForm } from './RecategoriseForm';
import { ResponseForm } from './ResponseForm';
import { TriageForm } from './TriageForm';

type Detail = Schemas['ComplaintDetailView'];
type Me = Schemas['UserDto'];

interface ConsoleConfig {
  temporalUiUrl: string;
  temporalNamespace: string;
}

/** A complaint's case page: who, what, where, evidence, deadline, timeline, tasks, decisions, response. */
export function CasePage(props: { id: string; me: Me }) {
  const { id, me } = props;
  const [detail, setDetail] = useState<Detail | null>(null);
  const [inboxView, setInboxView] = useState<Schemas['TaskComplaintView'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const {
      data,
      error: apiError,
      response,
    } = await api.GET('/api/complaints/{id}', {
      params: { path: { id } },
    });
    if (!data) return setError(errorMessage(apiError, response));
    setError(null);
    setDetail(data);
    if (me.role === 'STAFF') {
      // The inbox view of the complaint carries the working days left and the area names.
      const tasks = await api.GET('/api/tasks', {
        params: { query: { q: data.registerNumber, pageSize: 1 } },
      });
      setInboxView(tasks.data?.items[0]?.complaint ?? null);
    }
  }, [id, me.role]);

  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  if (error) {
    return (
      <>
        <PageHeading title="Pengaduan">Pengaduan {id.replaceAll('-', '/')}</PageHeading>
        <Alert message={error} />
      </>
    );
  }
  if (!detail) return <p role="status">Memuat pengaduan…</p>;

  const myOpenTasks = detail.tasks.filter(
    (t) => t.status === 'OPEN' && t.unit === me.unit && (!t.area || t.area === me.area),
  );
  // Seksi Pengaduan's steps follow the case's state (live from the workflow when available).
  const seksiPengaduan = me.role === 'STAFF' && me.unit === 'SEKSI_PENGADUAN';
  const waitingFor = detail.live?.waitingFor;
  const canTriage = seksiPengaduan && (waitingFor ? waitingFor === 'TRIAGE' : detail.status === 'RECEIVED');
  // Who answers depends on the category (the domain's rule): for RINGAN the front desk too.
  const category = detail.live?.category ?? detail.category;
  const responder = me.role === 'STAFF' && !!category && checkResponder(category, me.unit) === null;
  const canRespond =
    responder && (waitingFor ? waitingFor === 'RESPONSE' : detail.status === 'AWAITING_RESPONSE');
  const onActionDone = async (updated: Detail, message: string) => {
    setDetail(updated);
    setNotice(message);
    await load();
  };
  const rounds = [...new Set(detail.tasks.map((t) => t.round))].sort((a, b) => a - b);
  const location = inboxView?.location;

  return (
    <>
      <p class="breadcrumb">
        <Link href={me.role === 'STAFF' ? `${BASE}/kotak-masuk` : `${BASE}/cari`}>
          ← {me.role === 'STAFF' ? 'Kotak masuk' : 'Cari pengaduan'}
        </Link>
      </p>
      <PageHeading title={`Pengaduan ${detail.registerNumber}`}>
        Pengaduan {detail.registerNumber}
      </PageHeading>
      <p class="status-line">
        <span class="badge">{STATUS_LABELS[detail.status]}</span>
        {detail.category ? <span class="badge">{CATEGORY_LABELS[detail.category]}</span> : null}
        {detail.overdue ? <span class="badge danger">Terlambat</span> : null}
        <IdentityBadge mode={detail.identityMode} />
        {detail.objection ? <span class="badge warn">Keberatan</span> : null}
      </p>
      <Alert kind="info" message={notice} />

      <div class="case-grid">
        <section class="card" aria-labelledby="ringkasan">
          <h2 id="ringkasan">Ringkasan</h2>
          <dl class="facts">
            <div>
              <dt>Kode pelacakan</dt>
              <dd>{detail.trackingCode}</dd>
            </div>
            <div>
              <dt>Saluran</dt>
              <dd>
                {CHANNEL_LABELS[detail.channel] ?? detail.channel}
                {detail.open311 ? ` (Open311: ${detail.open311.client})` : ''}
              </dd>
            </div>
            {detail.open311 ? <Open311Facts origin={detail.open311} /> : null}
            <div>
              <dt>Layanan</dt>
              <dd>{detail.licensingService ?? '–'}</dd>
            </div>
            <div>
              <dt>Lokasi</dt>
              <dd>
                {location
                  ? [location.kelurahanName, location.kecamatanName].filter(Boolean).join(', ') || '–'
                  : [detail.location.kelurahan, detail.location.kecamatan].filter(Boolean).join(', ') || '–'}
              </dd>
            </div>
            <div>
              <dt>Diterima</dt>
              <dd>{formatDateTime(detail.receivedAt)}</dd>
            </div>
            {detail.receivingOfficial ? (
              <div>
                <dt>Diterima langsung oleh</dt>
                <dd>
                  {detail.receivingOfficial.name}
                  {detail.receivingOfficial.eselon ? ` (eselon ${detail.receivingOfficial.eselon})` : ''}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>Batas waktu</dt>
              <dd>{formatDateTime(detail.dueAt)}</dd>
            </div>
            {detail.triageDueAt ? (
              <div>
                <dt>Batas waktu triase</dt>
                <dd>{formatDateTime(detail.triageDueAt)}</dd>
              </div>
            ) : null}
            {inboxView ? (
              <div>
                <dt>Sisa waktu</dt>
                <dd class={detail.overdue ? 'danger-text' : undefined}>
                  {describeWorkingDaysLeft(inboxView.workingDaysLeft)}
                </dd>
              </div>
            ) : null}
          </dl>
          {me.role === 'ADMIN' ? (
            <WorkflowLink registerNumber={detail.registerNumber} objected={!!detail.objection} />
          ) : null}
        </section>

        <section class="card" aria-labelledby="pengadu">
          <h2 id="pengadu">Pengadu</h2>
          {identityNote(detail.identityMode, detail.identityVisible, detail.personalDataVisible) ? (
            <p class="muted small">
              {identityNote(detail.identityMode, detail.identityVisible, detail.personalDataVisible)}
            </p>
          ) : null}
          <dl class="facts">
            <div>
              <dt>Nama</dt>
              <dd>{detail.complainant.name}</dd>
            </div>
            <div>
              <dt>NIK</dt>
              <dd>{detail.complainant.nik ?? '–'}</dd>
            </div>
            <div>
              <dt>Alamat</dt>
              <dd>{detail.complainant.address ?? '–'}</dd>
            </div>
            <div>
              <dt>Telepon</dt>
              <dd>{detail.complainant.phone ?? '–'}</dd>
            </div>
            <div>
              <dt>E-mail</dt>
              <dd>{detail.complainant.email ?? '–'}</dd>
            </div>
            <div>
              <dt>Pemberitahuan pelindungan data</dt>
              <dd id="kasus-privasi">{privacyAcknowledgmentText(detail.privacyNotice)}</dd>
            </div>
          </dl>
          {me.role === 'ADMIN' ? (
            <p class="small">
              <Link href={`${BASE}/admin/akses-data-pribadi?complaintId=${encodeURIComponent(detail.id)}`}>
                Log akses data pribadi pengaduan ini
              </Link>
            </p>
          ) : null}
        </section>
      </div>

      <section class="card" aria-labelledby="uraian">
        <h2 id="uraian">Uraian pengaduan</h2>
        <p class="prewrap">{detail.description}</p>
        <Evidence complaintId={detail.id} reloadKey={detail.timeline.length} />
      </section>

      {canTriage ? <TriageForm detail={detail} onDone={onActionDone} /> : null}
      {canTriage ? <ForwardForm detail={detail} onDone={onActionDone} /> : null}
      {canRespond ? <ResponseForm detail={detail} onDone={onActionDone} /> : null}
      <RecategoriseForm detail={detail} me={me} onDone={onActionDone} />

      {myOpenTasks.map((task) => (
        <CompleteTaskForm
          key={task.id}
          task={task}
          complaintId={detail.id}
          onCompleted={async () => {
            setNotice(`Tugas ${taskUnitLabel(task)} telah diselesaikan.`);
            await load();
          }}
        />
      ))}

      <section class="card" aria-labelledby="tugas">
        <h2 id="tugas">Tugas unit</h2>
        {rounds.length === 0 ? <p>Belum ada tugas (menunggu triase).</p> : null}
        {rounds.map((round) => (
          <div key={round}>
            <h3>Putaran {round}</h3>
            <ul class="plain">
              {detail.tasks
                .filter((t) => t.round === round)
                .map((t) => (
                  <li key={t.id} class="task-row">
                    <strong>{taskUnitLabel(t)}</strong>{' '}
                    <span class={`badge${t.status === 'OPEN' ? ' warn' : ' ok'}`}>
                      {t.status === 'OPEN' ? 'Terbuka' : 'Selesai'}
                    </span>
                    {t.stageBreached ? <span class="badge warn">Lewat batas tugas</span> : null}
                    {t.dueAt ? <p class="muted small">Batas waktu tugas: {formatDateTime(t.dueAt)}</p> : null}
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
          </div>
        ))}
      </section>

      {detail.decisions.length > 0 ? (
        <section class="card" aria-labelledby="keputusan">
          <h2 id="keputusan">Keputusan Kepala Daerah</h2>
          <ul class="plain">
            {detail.decisions.map((d) => (
              <li key={d.id} class="task-row">
                <strong>Putaran {d.round}</strong>: diteruskan {formatDateTime(d.escalatedAt)} ·{' '}
                {d.decision ? DECISION_LABELS[d.decision] : 'belum diputuskan'}
                {d.dueAt ? (
                  <p class="muted small">
                    Batas waktu keputusan: {formatDateTime(d.dueAt)}
                    {d.stageBreached ? ' (terlewati)' : ''}
                  </p>
                ) : null}
                {d.units?.length ? <p>Unit kajian: {d.units.map((u) => UNIT_LABELS[u]).join(', ')}</p> : null}
                {d.notes ? <p class="prewrap">{d.notes}</p> : null}
                {d.decidedAt ? (
                  <p class="muted small">
                    oleh {d.decidedBy ?? '–'}, {formatDateTime(d.decidedAt)}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {detail.response || detail.rejectionReason ? (
        <section class="card" aria-labelledby="tanggapan">
          <h2 id="tanggapan">{detail.response ? 'Tanggapan' : 'Alasan penolakan'}</h2>
          <p class="prewrap">{detail.response ?? detail.rejectionReason}</p>
          {detail.respondedBy ? <p class="muted small">oleh {detail.respondedBy}</p> : null}
        </section>
      ) : null}

      {detail.forwarded ? (
        <section class="card" aria-labelledby="diteruskan">
          <h2 id="diteruskan">Diteruskan ke instansi lain</h2>
          <dl class="facts">
            <div>
              <dt>Instansi tujuan</dt>
              <dd>{detail.forwarded.agencyName}</dd>
            </div>
            <div>
              <dt>Nomor surat keluar</dt>
              <dd>{detail.forwarded.letterNumber}</dd>
            </div>
            <div>
              <dt>Tanggal</dt>
              <dd>{formatDateTime(detail.forwarded.forwardedAt)}</dd>
            </div>
          </dl>
          <p class="prewrap">Alasan: {detail.forwarded.reason}</p>
          {detail.forwarded.forwardedBy ? (
            <p class="muted small">oleh {detail.forwarded.forwardedBy}</p>
          ) : null}
        </section>
      ) : null}

      <CaseRating complaintId={detail.id} status={detail.status} reloadKey={detail.timeline.length} />
      <ObjectionPanel detail={detail} me={me} onDone={onActionDone} />

      <NotificationDeliveries complaintId={detail.id} me={me} reloadKey={detail.timeline.length} />
      <section class="card" aria-labelledby="riwayat">
        <h2 id="riwayat">Riwayat</h2>
        <ol class="timeline">
          {detail.timeline.map((ev, i) => (
            <li key={`${ev.type}-${ev.at}-${i}`}>
              <span class="when">{formatDateTime(ev.at)}</span> {describeEvent(ev)}
              {ev.actor ? <span class="muted"> · {ev.actor}</span> : null}
            </li>
          ))}
        </ol>
        {detail.dueAt ? (
          <p class="muted small">Batas waktu: {formatDate(detail.dueAt)}, pukul 23.59 WIB.</p>
        ) : null}
      </section>
    </>
  );
}

/**
 * For ADMIN: the complaint's workflow in the Temporal Web UI (ID pengaduan-<register number>); after
 * an objection, the new round's (…-keberatan-1) and the first handling's.
 */
function WorkflowLink(props: { registerNumber: string; objected?: boolean }) {
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  useEffect(() => {
    void fetch(`${BASE}/config.json`)
      .then((r) => (r.ok ? r.json() : null))
      .then(setConfig)
      .catch(() => undefined);
  }, []);
  if (!config) return null;
  const first = `pengaduan-${registerSlug(props.registerNumber)}`;
  const workflowIds = props.objected ? [`${first}-keberatan-1`, first] : [first];
  const href = (workflowId: string) =>
    `${config.temporalUiUrl}/namespaces/${encodeURIComponent(config.temporalNamespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return (
    <>
      {workflowIds.map((workflowId) => (
        <p key={workflowId}>
          <a href={href(workflowId)} target="_blank" rel="noopener noreferrer">
            Buka proses {workflowId} di Temporal Web UI (tab baru)
          </a>
        </p>
      ))}
    </>
  );
}

interface Shown {
  attachment: Schemas['AttachmentDto'];
  url: string | null;
  failed?: boolean;
}

/** The evidence files, fetched with the session's token: images inline, PDFs as a link. */
function Evidence(props: { complaintId: string; reloadKey: number }) {
  const [files, setFiles] = useState<Shown[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const urls: string[] = [];
    (async () => {
      const {
        data,
        error: apiError,
        response,
      } = await api.GET('/api/complaints/{id}/attachments', {
        params: { path: { id: props.complaintId } },
      });
      if (!data) {
        if (!cancelled) setError(errorMessage(apiError, response));
        return;
      }
      const shown = await Promise.all(
        data.map(async (attachment): Promise<Shown> => {
          const res = await fetchWithSession(
            `/api/complaints/${encodeURIComponent(props.complaintId)}/attachments/${encodeURIComponent(attachment.id)}`,
          ).catch(() => null);
          if (!res?.ok) return { attachment, url: null, failed: true };
          const url = URL.createObjectURL(await res.blob());
          urls.push(url);
          return { attachment, url };
        }),
      );
      if (!cancelled) setFiles(shown);
    })();
    return () => {
      cancelled = true;
      for (const u of urls) URL.revokeObjectURL(u);
    };
  }, [props.complaintId, props.reloadKey]);

  return (
    <>
      <h3>Berkas bukti</h3>
      <Alert message={error} />
      {files === null && !error ? <p class="muted">Memuat berkas…</p> : null}
      {files && files.length === 0 ? <p class="muted">Tidak ada berkas bukti.</p> : null}
      {files && files.length > 0 ? (
        <ul class="evidence">
          {files.map(({ attachment: a, url, failed }) => (
            <li key={a.id}>
              {failed || !url ? (
                <span>{a.fileName} (tidak dapat dimuat)</span>
              ) : a.mimeType === 'application/pdf' ? (
                <a href={url} target="_blank" rel="noopener" download={a.fileName}>
                  {a.fileName} (PDF, {Math.ceil(a.size / 1024)} kB)
                </a>
              ) : (
                <figure>
                  <img src={url} alt={`Bukti: ${a.fileName}`} />
                  <figcaption>
                    {a.fileName} · {formatDateTime(a.createdAt)}
                    {a.uploadedBy ? ` · ${a.uploadedBy}` : ' · dari pengadu'}
                  </figcaption>
                </figure>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** What an Open311 client sent besides the form: the proposed category and where (words, coordinates). */
function Open311Facts(props: { origin: NonNullable<Schemas['ComplaintDetailView']['open311']> }) {
  const { origin } = props;
  const { latitude, longitude } = origin;
  return (
    <>
      {origin.requestedCategory ? (
        <div>
          <dt>Kategori diajukan</dt>
          <dd>
            {CATEGORY_LABELS[origin.requestedCategory as keyof typeof CATEGORY_LABELS] ??
              origin.requestedCategory}{' '}
            <span class="muted">(diputuskan saat triase)</span>
          </dd>
        </div>
      ) : null}
      {origin.address ? (
        <div>
          <dt>Lokasi menurut pengadu</dt>
          <dd>{origin.address}</dd>
        </div>
      ) : null}
      {latitude !== null && longitude !== null ? (
        <div>
          <dt>Koordinat</dt>
          <dd>
            <a
              href={`https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=18/${latitude}/${longitude}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              {latitude}, {longitude}
            </a>
          </dd>
        </div>
      ) : null}
    </>
  );
}
