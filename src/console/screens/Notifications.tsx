/**
 * The signed-in person's notifications (the same outbox the e-mails come from): the header's link
 * with the unread count, and the list screen /staf/notifikasi with "Tandai dibaca" per item and
 * "Tandai semua dibaca". Read state is per person.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { formatDateTime } from '../format';
import { BASE, navigate, onLinkClick, useLocation } from '../router';
import { Alert, Link, PageHeading } from '../ui';

type Me = Schemas['UserDto'];
type Page = Schemas['MyNotificationPageView'];

/** How often the header asks for the unread count (at most every 30 s). */
const POLL_MS = 30_000;
const PAGE_SIZE = 20;
/** Fired on window when this tab marks notifications read: the header refreshes its count. */
const CHANGED = 'pengaduan:notifikasi-berubah';

/** What a notification is about, in Bahasa Indonesia. */
export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  REGISTERED: 'Pengaduan baru',
  TASK_ASSIGNED: 'Tugas baru',
  ESCALATED: 'Menunggu keputusan',
  DECIDED: 'Keputusan',
  REMINDER: 'Pengingat',
  OVERDUE: 'Terlambat',
  REJECTED: 'Ditolak',
  RESOLVED: 'Selesai',
  FORWARDED: 'Diteruskan',
  TRACKING_CODE: 'Kode pelacakan',
  RECAP_REPORT: 'Laporan rekapitulasi',
  OBJECTED: 'Keberatan',
  EARLY_WARNING: 'Peringatan dini',
  STAGE_BREACHED: 'Lewat batas tahap',
};

/** Who receives notifications in the console (the API's rule): unit staff and the Kepala Daerah. */
export function receivesNotifications(me: Me): boolean {
  return me.role === 'KEPALA_DAERAH' || (me.role === 'STAFF' && !!me.unit);
}

function announceChange(unreadCount: number): void {
  window.dispatchEvent(new CustomEvent(CHANGED, { detail: unreadCount }));
}

export function unreadLabel(count: number): string {
  return count === 0 ? 'Notifikasi, tidak ada yang belum dibaca' : `Notifikasi, ${count} belum dibaca`;
}

/** The header's link to the notifications, with the unread count (refreshed every 30 s). */
export function NotificationBell(props: { me: Me; active: boolean }) {
  const [count, setCount] = useState<number | null>(null);
  const enabled = receivesNotifications(props.me);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const load = async () => {
      const { data } = await api.GET('/api/notifications', { params: { query: { pageSize: 1 } } });
      if (data && !cancelled) setCount(data.unreadCount);
    };
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    const onChange = (event: Event) => setCount((event as CustomEvent<number>).detail);
    window.addEventListener(CHANGED, onChange);
    return () => {
      cancelled = true;
      clearInterval(timer);
      window.removeEventListener(CHANGED, onChange);
    };
  }, [enabled]);

  if (!enabled) return null;
  const unread = count ?? 0;
  return (
    <a
      href={`${BASE}/notifikasi`}
      class={`bell${props.active ? ' active' : ''}`}
      aria-current={props.active ? 'page' : undefined}
      onClick={onLinkClick}
    >
      <span aria-hidden="true">Notifikasi</span>
      {unread > 0 ? (
        <span class="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
      <span class="bell-text">{count === null ? 'Notifikasi' : unreadLabel(unread)}</span>
    </a>
  );
}

/** /staf/notifikasi: the person's notifications, newest first, unread ones highlighted. */
export function Notifications(props: { me: Me }) {
  const { search } = useLocation();
  const pageNumber = Math.max(1, Number.parseInt(search.get('halaman') ?? '1', 10) || 1);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const enabled = receivesNotifications(props.me);

  const load = useCallback(async () => {
    const {
      data,
      error: apiError,
      response,
    } = await api.GET('/api/notifications', {
      params: { query: { page: pageNumber, pageSize: PAGE_SIZE } },
    });
    if (!data) return setError(errorMessage(apiError, response));
    setError(null);
    setPage(data);
    announceChange(data.unreadCount);
  }, [pageNumber]);

  useEffect(() => {
    if (!enabled) return;
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [load, enabled]);

  const markRead = async (item: Schemas['MyNotificationView']) => {
    setBusy(item.id);
    const {
      data,
      error: apiError,
      response,
    } = await api.POST('/api/notifications/{id}/read', {
      params: { path: { id: item.id } },
    });
    setBusy(null);
    if (!data) return setError(errorMessage(apiError, response));
    setNotice(`"${item.subject}" ditandai sudah dibaca.`);
    announceChange(data.unreadCount);
    await load();
  };

  const markAll = async () => {
    setBusy('*');
    const { data, error: apiError, response } = await api.POST('/api/notifications/read-all');
    setBusy(null);
    if (!data) return setError(errorMessage(apiError, response));
    setNotice('Semua notifikasi ditandai sudah dibaca.');
    announceChange(data.unreadCount);
    await load();
  };

  const heading = <PageHeading title="Notifikasi">Notifikasi</PageHeading>;
  if (!enabled) {
    return (
      <>
        {heading}
        <p>Notifikasi dikirim ke unit kerja dan Kepala Daerah. Akun Anda tidak menerima notifikasi.</p>
      </>
    );
  }
  if (!page) {
    return (
      <>
        {heading}
        <Alert message={error} />
        {error ? null : <p role="status">Memuat notifikasi…</p>}
      </>
    );
  }
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const goTo = (n: number) => navigate(`${BASE}/notifikasi${n > 1 ? `?halaman=${n}` : ''}`);

  return (
    <>
      {heading}
      <p class="muted">
        Pemberitahuan untuk unit Anda, terbaru lebih dulu. Sama dengan yang dikirim lewat email; status dibaca
        hanya berlaku untuk Anda.
        {props.me.unit === 'LOKET'
          ? ' Pemberitahuan untuk pengadu yang tidak memberikan kontak juga tampil di sini: sampaikan kepada pengadu saat datang atau menelepon.'
          : ''}
      </p>
      <Alert message={error} />
      <Alert kind="info" message={notice} />
      <p class="actions">
        <strong>
          {page.unreadCount === 0 ? 'Semua sudah dibaca.' : `${page.unreadCount} belum dibaca.`}
        </strong>
        <button
          type="button"
          class="secondary"
          disabled={page.unreadCount === 0 || busy !== null}
          onClick={markAll}
        >
          Tandai semua dibaca
        </button>
      </p>
      {page.items.length === 0 ? <p>Belum ada notifikasi.</p> : null}
      <ul class="notification-list" aria-label="Daftar notifikasi">
        {page.items.map((n) => (
          <li key={n.id} class={`card notification${n.read ? '' : ' unread'}`}>
            <p class="notification-head">
              {n.read ? null : <span class="badge warn">Belum dibaca</span>}
              <span class="badge">{NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind}</span>
              {n.recipient === 'COMPLAINANT' ? (
                <span class="badge">Sampaikan kepada pengadu (tanpa kontak)</span>
              ) : null}
              <span class="muted small">
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
              </span>
            </p>
            <p class="notification-subject">{n.read ? n.subject : <strong>{n.subject}</strong>}</p>
            <p class="actions">
              {n.complaintId ? (
                <Link href={`${BASE}/pengaduan/${encodeURIComponent(n.complaintId)}`}>
                  Buka pengaduan {n.registerNumber ?? ''}
                </Link>
              ) : null}
              {n.read ? (
                <span class="muted small">Dibaca {formatDateTime(n.readAt)}</span>
              ) : (
                <button
                  type="button"
                  class="secondary"
                  disabled={busy !== null}
                  aria-label={`Tandai dibaca: ${n.subject}`}
                  onClick={() => markRead(n)}
                >
                  Tandai dibaca
                </button>
              )}
            </p>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav class="pager" aria-label="Halaman notifikasi">
          <button
            type="button"
            class="secondary"
            disabled={pageNumber <= 1}
            onClick={() => goTo(pageNumber - 1)}
          >
            Sebelumnya
          </button>
          <span>
            Halaman {pageNumber} dari {pages}
          </span>
          <button
            type="button"
            class="secondary"
            disabled={pageNumber >= pages}
            onClick={() => goTo(pageNumber + 1)}
          >
            Berikutnya
          </button>
        </nav>
      ) : null}
    </>
  );
}
