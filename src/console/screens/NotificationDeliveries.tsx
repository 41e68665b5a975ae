/**
 * On the case page: the complaint's notifications and their delivery state (GET
 * /api/complaints/{id}/notifications): waiting, sent, failed with the reason, skipped; the channel,
 * the recipient (a unit or role, never an address) and the attempts. Seksi Pengaduan and admins
 * send a failed one again ("Kirim ulang", POST /api/notifications/{id}/retry).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { formatDateTime, UNIT_LABELS } from '../format';
import { Alert } from '../ui';
import { NOTIFICATION_KIND_LABELS } from './Notifications';

type Me = Schemas['UserDto'];
type Delivery = Schemas['NotificationView'];

/** Who may see the deliveries (the API's rule on GET /api/complaints/{id}/notifications). */
const READER_UNITS = ['SEKSI_PENGADUAN', 'LOKET', 'KABID_PENGADUAN', 'KEPALA_DINAS'];

export function readsDeliveries(me: Me): boolean {
  return me.role === 'ADMIN' || (me.role === 'STAFF' && !!me.unit && READER_UNITS.includes(me.unit));
}

/** Who may send a failed one again (POST /api/notifications/{id}/retry). */
export function retriesDeliveries(me: Me): boolean {
  return me.role === 'ADMIN' || (me.role === 'STAFF' && me.unit === 'SEKSI_PENGADUAN');
}

const STATUS: Record<Delivery['status'], { label: string; badge: string }> = {
  PENDING: { label: 'Menunggu dikirim', badge: 'warn' },
  SENDING: { label: 'Sedang dikirim', badge: 'warn' },
  SENT: { label: 'Terkirim', badge: 'ok' },
  FAILED: { label: 'Gagal', badge: 'danger' },
  SKIPPED: { label: 'Tidak dikirim', badge: '' },
};

const CHANNELS: Record<string, string> = {
  EMAIL: 'Email',
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  LOG: 'Catatan server (email belum diatur)',
  DESK: 'Disampaikan melalui loket',
};

function recipientLabel(d: Delivery): string {
  const base =
    d.recipient === 'COMPLAINANT'
      ? 'Pengadu'
      : d.recipient === 'KEPALA_DAERAH'
        ? 'Kepala Daerah'
        : d.recipient === 'SEKRETARIS_DAERAH'
          ? 'Sekretaris Daerah'
          : (UNIT_LABELS[d.recipient as keyof typeof UNIT_LABELS] ?? d.recipient);
  return d.recipientArea ? `${base} (wilayah ${d.recipientArea})` : base;
}

function attemptsLabel(n: number): string {
  return n === 0 ? 'belum ada percobaan' : `${n} kali percobaan`;
}

export function NotificationDeliveries(props: { complaintId: string; me: Me; reloadKey?: number }) {
  const { complaintId, me } = props;
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const allowed = readsDeliveries(me);
  const canRetry = retriesDeliveries(me);

  const load = useCallback(async () => {
    const {
      data,
      error: apiError,
      response,
    } = await api.GET('/api/complaints/{id}/notifications', {
      params: { path: { id: complaintId } },
    });
    if (!data) return setError(errorMessage(apiError, response));
    setError(null);
    setRows(data);
  }, [complaintId]);

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load, props.reloadKey]);

  if (!allowed) return null;

  const retry = async (d: Delivery) => {
    setBusy(d.id);
    setNotice(null);
    const { error: apiError, response } = await api.POST('/api/notifications/{id}/retry', {
      params: { path: { id: d.id } },
    });
    setBusy(null);
    if (!response.ok) return setError(errorMessage(apiError, response));
    setError(null);
    setNotice(`Pemberitahuan "${d.subject}" untuk ${recipientLabel(d)} akan dikirim ulang.`);
    await load();
  };

  return (
    <section class="card" aria-labelledby="pemberitahuan">
      <h2 id="pemberitahuan">Pemberitahuan terkirim</h2>
      <Alert message={error} />
      <Alert kind="info" message={notice} />
      {rows === null && !error ? <p class="muted">Memuat pemberitahuan…</p> : null}
      {rows && rows.length === 0 ? <p class="muted">Belum ada pemberitahuan untuk pengaduan ini.</p> : null}
      {rows && rows.length > 0 ? (
        <ul class="plain deliveries">
          {rows.map((d) => {
            const status = STATUS[d.status] ?? { label: d.status, badge: '' };
            return (
              <li key={d.id} class="task-row">
                <p>
                  <strong>{NOTIFICATION_KIND_LABELS[d.kind] ?? d.kind}</strong> untuk {recipientLabel(d)}{' '}
                  <span class={`badge${status.badge ? ` ${status.badge}` : ''}`}>{status.label}</span>
                </p>
                <p class="muted small">
                  {d.subject} · dibuat {formatDateTime(d.createdAt)} · saluran{' '}
                  {d.channel ? (CHANNELS[d.channel] ?? d.channel) : '–'} · {attemptsLabel(d.attempts)}
                  {d.sentAt ? ` · terkirim ${formatDateTime(d.sentAt)}` : ''}
                  {d.status === 'PENDING' && d.nextAttemptAt
                    ? ` · dicoba lagi ${formatDateTime(d.nextAttemptAt)}`
                    : ''}
                </p>
                {d.lastError &&
                (d.status === 'FAILED' || d.status === 'SKIPPED' || d.status === 'PENDING') ? (
                  <p class={d.status === 'FAILED' ? 'danger-text' : 'muted'}>
                    {d.status === 'FAILED'
                      ? 'Alasan gagal'
                      : d.status === 'SKIPPED'
                        ? 'Alasan'
                        : 'Kesalahan terakhir'}
                    : {d.lastError}
                  </p>
                ) : null}
                {canRetry && d.status === 'FAILED' ? (
                  <button
                    type="button"
                    class="secondary"
                    disabled={busy !== null}
                    aria-label={`Kirim ulang: ${NOTIFICATION_KIND_LABELS[d.kind] ?? d.kind} untuk ${recipientLabel(d)}`}
                    onClick={() => retry(d)}
                  >
                    Kirim ulang
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
