/** Seksi Pengaduan's triage queue: complaints waiting for triage, oldest first, with how long each waits. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { CHANNEL_LABELS, formatDateTime, registerSlug } from '../format';
import { IdentityBadge } from '../identity-mode';
import { BASE } from '../router';
import { Alert, Link, PageHeading } from '../ui';

const POLL_MS = 15_000;
const PAGE_SIZE = 50;

/** "3 hari 2 jam", "4 jam 10 menit", "kurang dari 1 menit": the time since `iso`. */
export function describeWaiting(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} hari${hours ? ` ${hours} jam` : ''}`;
  if (hours > 0) return `${hours} jam${mins ? ` ${mins} menit` : ''}`;
  return mins > 0 ? `${mins} menit` : 'kurang dari 1 menit';
}

export function TriageQueue() {
  const [items, setItems] = useState<Schemas['ComplaintSummaryView'][] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  // How many pages of the queue are shown; a refresh reloads all of them.
  const [pages, setPages] = useState(1);

  const load = useCallback(async () => {
    const answers = await Promise.all(
      Array.from({ length: pages }, (_, i) =>
        api.GET('/api/complaints', {
          params: { query: { status: 'RECEIVED', sort: 'receivedAt', page: i + 1, pageSize: PAGE_SIZE } },
        }),
      ),
    );
    setNow(Date.now());
    const failed = answers.find((a) => !a.data);
    if (failed) return setError(errorMessage(failed.error, failed.response));
    setError(null);
    // A complaint triaged between two pages' reads may shift another one onto both pages.
    const seen = new Set<string>();
    setItems(answers.flatMap((a) => a.data!.items).filter((c) => !seen.has(c.id) && seen.add(c.id)));
    setTotal(answers[0].data!.total);
  }, [pages]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <>
      <PageHeading title="Antrean triase">Antrean triase</PageHeading>
      <p class="muted">
        Pengaduan yang menunggu triase, yang terlama lebih dulu. Diperbarui setiap 15 detik.
      </p>
      <Alert message={error} />
      {items === null && !error ? <p role="status">Memuat antrean…</p> : null}
      {items ? (
        <p role="status">
          {total === 0 ? 'Tidak ada pengaduan yang menunggu triase.' : `${total} pengaduan menunggu triase`}
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <ul class="task-list">
          {items.map((c) => (
            <li key={c.id} class={`card task triage-item${c.overdue ? ' overdue' : ''}`}>
              <h2>
                <Link href={`${BASE}/pengaduan/${registerSlug(c.registerNumber)}`}>{c.registerNumber}</Link>
                {/* After an objection (keberatan) the case waits for triage again since the objection. */}
                <span class="badge warn">Menunggu {describeWaiting(c.objectedAt ?? c.receivedAt, now)}</span>
                {c.overdue ? <span class="badge danger">Terlambat</span> : null}
                <IdentityBadge mode={c.identityMode} />
                {c.objectedAt ? <span class="badge">Keberatan</span> : null}
              </h2>
              <p>
                {CHANNEL_LABELS[c.channel] ?? c.channel} · {c.complainant.name} · diterima{' '}
                {formatDateTime(c.receivedAt)} · batas waktu {formatDateTime(c.dueAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {items && items.length < total ? (
        <p>
          <span class="muted">
            Ditampilkan {items.length} dari {total}.{' '}
          </span>
          <button type="button" class="secondary" onClick={() => setPages(pages + 1)}>
            Tampilkan {Math.min(PAGE_SIZE, total - items.length)} berikutnya
          </button>
        </p>
      ) : null}
    </>
  );
}
