/**
 * Admin: retention of the complainants' personal data (UU 27/2022). The dry run (GET
 * /api/retention/preview) lists the closed complaints whose retention period has ended, which the
 * daily run at 02:00 WIB will anonymise, and counts the log rows past LOG_RETENTION_YEARS it will
 * delete; the admin may run it now (POST /api/retention/run) after a confirmation. No personal data
 * is shown here: register numbers, dates and counts only.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage, type Schemas } from '../api/client';
import { formatDate, formatDateTime, registerSlug, STATUS_LABELS } from '../format';
import { BASE } from '../router';
import { Alert, Link, PageHeading } from '../ui';

type Preview = Schemas['RetentionPreviewDto'];
type Logs = Schemas['ExpiredLogsDto'];

function logRows(logs: Logs): number {
  return logs.personalDataAccess + logs.dataSubjectRequests + logs.securityEvents + logs.idempotencyRecords;
}

/** What a run will do, of the complaints and of the logs, whichever it has to do. */
function both(preview: Preview, complaints: string, logs: string): string {
  return [preview.total > 0 ? complaints : '', logRows(preview.logs) > 0 ? logs : '']
    .filter(Boolean)
    .join(' dan ');
}

/** "3 catatan akses data pribadi, 1 kunci Idempotency": the non-zero parts only. */
function logParts(logs: Logs): string {
  return [
    [logs.personalDataAccess, 'catatan akses data pribadi'],
    [logs.dataSubjectRequests, 'catatan permintaan subjek data'],
    [logs.securityEvents, 'peristiwa keamanan akun'],
    [logs.idempotencyRecords, 'kunci Idempotency pendaftaran'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ');
}

export function AdminRetention() {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setPreview(null);
    (async () => {
      const { data, error: failed, response } = await api.GET('/api/retention/preview');
      if (cancelled) return;
      if (data) setPreview(data);
      else setError(errorMessage(failed, response));
    })();
    return () => {
      cancelled = true;
    };
  }, [reload]);

  async function run() {
    setBusy(true);
    setError(null);
    setDone(null);
    const { data, error: failed, response } = await api.POST('/api/retention/run');
    setBusy(false);
    setConfirming(false);
    if (!data) {
      setError(errorMessage(failed, response));
      return;
    }
    const deleted = logRows(data.deletedLogs);
    setDone(
      (data.anonymised === 0
        ? 'Tidak ada pengaduan yang perlu dianonimkan.'
        : `Data pribadi ${data.anonymised} pengaduan dianonimkan dan ${data.removedFiles} berkas bukti dihapus: ${data.registerNumbers.join(', ')}.`) +
        (deleted > 0 ? ` ${deleted} baris log dihapus (${logParts(data.deletedLogs)}).` : ''),
    );
    setReload((n) => n + 1);
  }

  return (
    <>
      <PageHeading title="Retensi data pribadi">Retensi data pribadi</PageHeading>
      <p class="muted">
        Data pribadi pengadu (nama, NIK, alamat, telepon, email, lokasi, berkas bukti) disimpan sampai masa
        retensi berakhir setelah pengaduan selesai, lalu dianonimkan otomatis setiap hari pukul 02.00 WIB (UU
        27/2022 tentang Pelindungan Data Pribadi). Status, kategori, tanggal, wilayah, tindak lanjut dan
        penilaian tetap tersimpan, sehingga statistik dan laporan rekap tidak berubah.
        {preview ? ` Masa retensi: ${preview.years} tahun setelah pengaduan selesai.` : ''}
      </p>
      <Alert message={error} />
      <Alert kind="info" message={done} />
      {!preview && !error ? <p role="status">Memuat pratinjau retensi…</p> : null}
      {preview && preview.total === 0 ? (
        <p role="status">Tidak ada pengaduan yang masa retensinya sudah berakhir.</p>
      ) : null}
      {preview && preview.total > 0 ? (
        <>
          <p role="status">
            {preview.total} pengaduan akan dianonimkan ({preview.files} berkas bukti dihapus) bila retensi
            dijalankan sekarang.
          </p>
          <table class="data stack">
            <caption class="visually-hidden">Pengaduan yang akan dianonimkan</caption>
            <thead>
              <tr>
                <th scope="col">Nomor register</th>
                <th scope="col">Status</th>
                <th scope="col">Selesai</th>
                <th scope="col">Masa retensi berakhir</th>
                <th scope="col">Berkas bukti</th>
              </tr>
            </thead>
            <tbody>
              {preview.complaints.map((c) => (
                <tr key={c.registerNumber}>
                  <td data-label="Nomor register">
                    <Link href={`${BASE}/pengaduan/${registerSlug(c.registerNumber)}`}>
                      {c.registerNumber}
                    </Link>
                  </td>
                  <td data-label="Status">
                    {STATUS_LABELS[c.status as keyof typeof STATUS_LABELS] ?? c.status}
                  </td>
                  <td data-label="Selesai">{formatDateTime(c.closedAt)}</td>
                  <td data-label="Masa retensi berakhir">{formatDate(c.dueSince)}</td>
                  <td data-label="Berkas bukti">{c.files}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {preview ? (
        <>
          <h2>Log</h2>
          <p class="muted">
            Catatan akses data pribadi, catatan permintaan subjek data dan peristiwa keamanan akun (masuk,
            terkunci, perubahan akun) disimpan {preview.logs.years} tahun (catatan akses data pribadi
            setidaknya sampai data pengaduannya dianonimkan); kunci Idempotency pendaftaran disimpan 30 hari.
            Setelah itu dihapus oleh proses retensi harian yang sama (pukul 02.00 WIB).
          </p>
          <p>
            {logRows(preview.logs) > 0
              ? `${logRows(preview.logs)} baris log yang masa simpannya berakhir akan dihapus: ${logParts(preview.logs)}.`
              : 'Tidak ada log yang masa simpannya sudah berakhir.'}
          </p>
        </>
      ) : null}
      {preview && (preview.total > 0 || logRows(preview.logs) > 0) ? (
        <div class="actions">
          {confirming ? (
            <>
              <p>{`${both(preview, `Data pribadi ${preview.total} pengaduan`, `${logRows(preview.logs)} baris log`)} akan dihapus dan tidak dapat dikembalikan. Lanjutkan?`}</p>
              <button type="button" onClick={run} disabled={busy}>
                {busy
                  ? 'Menjalankan retensi…'
                  : `Ya, ${both(preview, `anonimkan ${preview.total} pengaduan`, `hapus ${logRows(preview.logs)} baris log`)}`}
              </button>{' '}
              <button type="button" class="secondary" onClick={() => setConfirming(false)} disabled={busy}>
                Batal
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Jalankan retensi sekarang
            </button>
          )}
        </div>
      ) : null}
    </>
  );
}
