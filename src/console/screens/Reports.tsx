/**
 * Recap reports (SOP section D): the monthly and semester recap of any period, computed on request
 * (GET /api/reports/monthly, /semester), the stored reports (GET /api/reports) and their files. Every
 * report downloads as PDF or XLSX (`format` query; fetched with the session's token and saved through
 * an object URL). Seksi Pelaporan and the admin may store a period's report now (POST /api/reports).
 */

import { useEffect, useState } from 'preact/hooks';
import { agencyName } from '../../domain/agencies';
import { MONTH_NAMES, monthLabel } from '../../domain/months';
import { api, errorMessage, type Schemas } from '../api/client';
import { fileNameOf, saveBlob } from '../download';
import {
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  DECISION_LABELS,
  formatDate,
  formatDateTime,
  registerSlug,
  STATUS_LABELS,
  UNIT_LABELS,
} from '../format';
import { BASE } from '../router';
import { SatisfactionRecap } from '../satisfaction';
import { Alert, FieldError, fieldOf, Link, PageHeading } from '../ui';

type Me = Schemas['UserDto'];
type Recap = Schemas['RecapReportView'];
type Stored = Schemas['StoredReportView'];
type Kind = 'MONTHLY' | 'SEMESTER';
type FileFormat = 'pdf' | 'xlsx';

const KIND_LABELS: Record<string, string> = { MONTHLY: 'Bulanan', SEMESTER: 'Semester' };
const FORMAT_LABELS: Record<FileFormat, string> = { pdf: 'PDF', xlsx: 'XLSX' };

/** Labels of the report's keys: channels, categories, decisions, units and statuses. */
const KEY_LABELS: Record<string, string> = {
  ...CHANNEL_LABELS,
  ...CATEGORY_LABELS,
  ...DECISION_LABELS,
  BELUM_DITRIASE: 'Belum ditriase',
  MENUNGGU: 'Menunggu keputusan',
};

function label(key: string): string {
  return KEY_LABELS[key] ?? UNIT_LABELS[key as keyof typeof UNIT_LABELS] ?? key;
}

function wibYearMonth(): { year: number; month: number } {
  const iso = new Date(Date.now() + 7 * 3_600_000).toISOString();
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

function percent(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`;
}

function days(value: number | null): string {
  return value === null ? '–' : `${value.toLocaleString('id-ID', { maximumFractionDigits: 2 })} hari kerja`;
}

interface Period {
  kind: Kind;
  year: number;
  /** Month 1-12 or semester 1-2. */
  index: number;
}

function periodLabel(p: Period): string {
  return p.kind === 'MONTHLY'
    ? `${MONTH_NAMES[p.index - 1]} ${p.year}`
    : `Semester ${p.index} Tahun ${p.year}`;
}

type PeriodField = 'year' | 'index';
const PERIOD_FIELDS: Record<PeriodField, string[]> = {
  year: ['tahun', 'year'],
  index: ['bulan', 'month', 'semester', 'half', 'periode', 'index'],
};

/** Downloads a computed or stored report as a file; null on success, else the API's message. */
async function download(
  what: { period: Period } | { stored: Stored },
  format: FileFormat,
): Promise<string | null> {
  try {
    let result: { data?: Blob; error?: unknown; response: Response };
    let fallback: string;
    if ('stored' in what) {
      fallback = `rekap-pengaduan-${what.stored.id.toLowerCase()}.${format}`;
      result = await api.GET('/api/reports/{id}', {
        params: { path: { id: what.stored.id }, query: { format } },
        parseAs: 'blob',
      });
    } else if (what.period.kind === 'MONTHLY') {
      const { year, index } = what.period;
      fallback = `rekap-pengaduan-bulanan-${year}-${String(index).padStart(2, '0')}.${format}`;
      result = await api.GET('/api/reports/monthly', {
        params: { query: { year, month: index, format } },
        parseAs: 'blob',
      });
    } else {
      const { year, index } = what.period;
      fallback = `rekap-pengaduan-semester-${year}-${index}.${format}`;
      result = await api.GET('/api/reports/semester', {
        params: { query: { year, half: index as 1 | 2, format } },
        parseAs: 'blob',
      });
    }
    if (!result.data) return errorMessage(result.error, result.response);
    saveBlob(result.data, fileNameOf(result.response, fallback));
    return null;
  } catch {
    return 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.';
  }
}

export function Reports(props: { me: Me }) {
  const { me } = props;
  const produces = me.role === 'ADMIN' || (me.role === 'STAFF' && me.unit === 'SEKSI_PELAPORAN');
  const now = wibYearMonth();
  const [form, setForm] = useState<Period>({ kind: 'MONTHLY', year: now.year, index: now.month });
  const [shown, setShown] = useState<Period>(form);
  const [recap, setRecap] = useState<Recap | null>(null);
  const [recapError, setRecapError] = useState<Partial<Record<PeriodField | 'form', string>>>({});
  const [loading, setLoading] = useState(false);
  const [fileBusy, setFileBusy] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [stored, setStored] = useState<Stored[] | null>(null);
  const [storedError, setStoredError] = useState<string | null>(null);
  const [produced, setProduced] = useState<string | null>(null);
  const [producing, setProducing] = useState(false);
  const [storedReload, setStoredReload] = useState(0);

  async function loadRecap(period: Period) {
    setLoading(true);
    setRecapError({});
    setFileError(null);
    try {
      const { data, error, response } =
        period.kind === 'MONTHLY'
          ? await api.GET('/api/reports/monthly', {
              params: { query: { year: period.year, month: period.index } },
            })
          : await api.GET('/api/reports/semester', {
              params: { query: { year: period.year, half: period.index as 1 | 2 } },
            });
      if (data && typeof data === 'object') {
        setRecap(data);
        setShown(period);
        return;
      }
      const message = errorMessage(error, response);
      const field = fieldOf<PeriodField>(message, PERIOD_FIELDS);
      setRecap(null);
      setRecapError(field ? { [field]: message } : { form: message });
    } catch {
      setRecapError({ form: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.' });
    } finally {
      setLoading(false);
    }
  }

  // The current month on arrival.
  useEffect(() => {
    void loadRecap(form);
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const { data, error, response } = await api.GET('/api/reports');
      if (cancelled) return;
      if (data) {
        setStored(data);
        setStoredError(null);
      } else setStoredError(errorMessage(error, response));
    })();
    return () => {
      cancelled = true;
    };
  }, [storedReload]);

  async function fetchFile(key: string, what: { period: Period } | { stored: Stored }, format: FileFormat) {
    setFileBusy(key);
    setFileError(null);
    const problem = await download(what, format);
    setFileBusy(null);
    setFileError(problem);
  }

  async function produce() {
    setProducing(true);
    setProduced(null);
    setRecapError({});
    try {
      const { data, error, response } = await api.POST('/api/reports', {
        body: { kind: form.kind, year: form.year, index: form.index },
      });
      if (data) {
        setProduced(`Laporan ${data.label} disimpan (${formatDateTime(data.generatedAt)}).`);
        setStoredReload((n) => n + 1);
        return;
      }
      const message = errorMessage(error, response);
      const field = fieldOf<PeriodField>(message, PERIOD_FIELDS);
      setRecapError(field ? { [field]: message } : { form: message });
    } catch {
      setRecapError({ form: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.' });
    } finally {
      setProducing(false);
    }
  }

  const invalid = (field: PeriodField) => ({
    'aria-invalid': recapError[field] ? ('true' as const) : undefined,
    'aria-describedby': recapError[field] ? `laporan-${field}-galat` : undefined,
  });
  const years = Array.from({ length: now.year + 1 - 2020 + 1 }, (_, i) => now.year + 1 - i);

  return (
    <>
      <PageHeading title="Laporan">Laporan rekap pengaduan</PageHeading>
      <p class="muted">
        Rekap bulanan (disampaikan kepada Wali Kota melalui Sekretaris Daerah) dan rekap semester, dihitung
        saat diminta. Tanggal dalam WIB.
      </p>

      <form
        class="card"
        aria-labelledby="laporan-periode-judul"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void loadRecap(form);
        }}
      >
        <h2 id="laporan-periode-judul">Periode</h2>
        <div class="filters">
          <div class="field">
            <label for="laporan-jenis">Jenis rekap</label>
            <select
              id="laporan-jenis"
              value={form.kind}
              onChange={(e) => {
                const kind = e.currentTarget.value as Kind;
                setForm({ ...form, kind, index: kind === 'MONTHLY' ? now.month : now.month <= 6 ? 1 : 2 });
              }}
            >
              <option value="MONTHLY">Bulanan</option>
              <option value="SEMESTER">Semester</option>
            </select>
          </div>
          <div class="field">
            <label for="laporan-year">Tahun</label>
            <select
              id="laporan-year"
              {...invalid('year')}
              value={form.year}
              onChange={(e) => setForm({ ...form, year: Number(e.currentTarget.value) })}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
            <FieldError id="laporan-year-galat" message={recapError.year} />
          </div>
          <div class="field">
            <label for="laporan-index">{form.kind === 'MONTHLY' ? 'Bulan' : 'Semester'}</label>
            <select
              id="laporan-index"
              {...invalid('index')}
              value={form.index}
              onChange={(e) => setForm({ ...form, index: Number(e.currentTarget.value) })}
            >
              {form.kind === 'MONTHLY'
                ? MONTH_NAMES.map((m, i) => (
                    <option key={m} value={i + 1}>
                      {m}
                    </option>
                  ))
                : [
                    <option key={1} value={1}>
                      Semester 1 (Januari–Juni)
                    </option>,
                    <option key={2} value={2}>
                      Semester 2 (Juli–Desember)
                    </option>,
                  ]}
            </select>
            <FieldError id="laporan-index-galat" message={recapError.index} />
          </div>
          <div class="actions">
            <button type="submit" disabled={loading}>
              {loading ? 'Memuat…' : 'Tampilkan rekap'}
            </button>
            {produces ? (
              <button type="button" class="secondary" onClick={produce} disabled={producing}>
                {producing ? 'Menyimpan…' : 'Simpan sebagai laporan'}
              </button>
            ) : null}
          </div>
        </div>
        <Alert message={recapError.form} />
        <Alert kind="info" message={produced} />
      </form>

      <Alert message={fileError} />
      {recap ? (
        <RecapView
          recap={recap}
          period={shown}
          busy={fileBusy}
          onDownload={(format) => fetchFile(`rekap-${format}`, { period: shown }, format)}
        />
      ) : loading ? (
        <p role="status">Memuat rekap…</p>
      ) : null}

      <section class="card" aria-labelledby="laporan-tersimpan-judul">
        <h2 id="laporan-tersimpan-judul">Laporan tersimpan</h2>
        <p class="muted small">
          Laporan terjadwal (hari kerja pertama setiap bulan) dan yang disimpan atas permintaan, terbaru
          dahulu.
        </p>
        <Alert message={storedError} />
        {stored === null && !storedError ? <p role="status">Memuat laporan tersimpan…</p> : null}
        {stored && stored.length === 0 ? <p class="muted">Belum ada laporan tersimpan.</p> : null}
        {stored && stored.length > 0 ? (
          <table class="data stack">
            <caption class="visually-hidden">Laporan tersimpan</caption>
            <thead>
              <tr>
                <th scope="col">Laporan</th>
                <th scope="col">Jenis</th>
                <th scope="col">Dibuat</th>
                <th scope="col">Oleh</th>
                <th scope="col">Dikirim ke Sekda</th>
                <th scope="col">Unduh</th>
              </tr>
            </thead>
            <tbody>
              {stored.map((r) => (
                <tr key={r.id}>
                  <td data-label="Laporan">{r.label}</td>
                  <td data-label="Jenis">{KIND_LABELS[r.kind] ?? r.kind}</td>
                  <td data-label="Dibuat">{formatDateTime(r.generatedAt)}</td>
                  <td data-label="Oleh">{r.generatedBy === 'JADWAL' ? 'Terjadwal' : r.generatedBy}</td>
                  <td data-label="Dikirim ke Sekda">
                    {r.sentToSekdaAt ? formatDateTime(r.sentToSekdaAt) : 'Belum'}
                  </td>
                  <td data-label="Unduh">
                    <span class="button-row">
                      {(['pdf', 'xlsx'] as const).map((f) => (
                        <button
                          key={f}
                          type="button"
                          class="secondary"
                          aria-label={`Unduh ${FORMAT_LABELS[f]} laporan ${r.label}`}
                          disabled={fileBusy !== null}
                          onClick={() => fetchFile(`${r.id}-${f}`, { stored: r }, f)}
                        >
                          {fileBusy === `${r.id}-${f}` ? 'Mengunduh…' : FORMAT_LABELS[f]}
                        </button>
                      ))}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}

function CountTable(props: { caption: string; head: string; rows: { key: string; count: number }[] }) {
  if (props.rows.length === 0) return <p class="muted">{props.caption}: tidak ada.</p>;
  return (
    <table class="data">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          <th scope="col" class="num">
            Jumlah
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            <td>{label(r.key)}</td>
            <td class="num">{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecapView(props: {
  recap: Recap;
  period: Period;
  busy: string | null;
  onDownload: (format: FileFormat) => void;
}) {
  const { recap: r } = props;
  return (
    <section class="card recap" aria-labelledby="rekap-judul">
      <h2 id="rekap-judul">Rekap {r.label || periodLabel(props.period)}</h2>
      <p class="muted small">
        {`Periode ${formatDate(r.from)} – ${formatDate(new Date(new Date(r.to).getTime() - 1).toISOString())}; dihitung ${formatDateTime(r.generatedAt)}.`}
      </p>
      <p class="actions">
        {(['pdf', 'xlsx'] as const).map((f) => (
          <button
            key={f}
            type="button"
            class="secondary"
            disabled={props.busy !== null}
            onClick={() => props.onDownload(f)}
          >
            {props.busy === `rekap-${f}` ? 'Mengunduh…' : `Unduh ${FORMAT_LABELS[f]}`}
          </button>
        ))}
      </p>
      <dl class="facts recap-facts">
        <div>
          <dt>Pengaduan diterima</dt>
          <dd>{r.received}</dd>
        </div>
        <div>
          <dt>Selesai tepat waktu</dt>
          <dd>{r.outcome.resolvedOnTime}</dd>
        </div>
        <div>
          <dt>Selesai terlambat</dt>
          <dd>{r.outcome.resolvedLate}</dd>
        </div>
        <div>
          <dt>Masih terbuka</dt>
          <dd>{r.outcome.open}</dd>
        </div>
        <div class={r.openCases.overdue > 0 ? 'overdue' : undefined}>
          <dt>Terbuka dan melewati batas waktu</dt>
          <dd>{r.openCases.overdue}</dd>
        </div>
        <div>
          <dt>Ditolak</dt>
          <dd>{r.outcome.rejected}</dd>
        </div>
        <div>
          <dt>Diteruskan ke instansi lain</dt>
          <dd>{r.outcome.forwarded}</dd>
        </div>
        <div>
          <dt>Dijawab dalam 10 hari kerja</dt>
          <dd>{percent(r.slaCompliance)}</dd>
        </div>
        <div>
          <dt>Rata-rata penyelesaian</dt>
          <dd>{days(r.resolutionWorkingDays.average)}</dd>
        </div>
        <div>
          <dt>Median penyelesaian</dt>
          <dd>{days(r.resolutionWorkingDays.median)}</dd>
        </div>
        <div>
          <dt>Pengaduan berat</dt>
          <dd>{r.berat.cases}</dd>
        </div>
        {r.objections ? (
          <div>
            <dt>Keberatan diajukan</dt>
            <dd>{r.objections.filed}</dd>
          </div>
        ) : null}
      </dl>

      <div class="recap-tables">
        <CountTable
          caption="Pengaduan terbuka menurut tahap"
          head="Tahap"
          rows={r.openCases.byStage.map((st) => ({ key: st.label, count: st.count }))}
        />
        <CountTable caption="Menurut media pengaduan" head="Media" rows={r.byChannel} />
        <CountTable caption="Menurut jenis pengaduan" head="Jenis" rows={r.byCategory} />
        <CountTable
          caption="Tahap yang melewati batas waktunya"
          head="Tahap"
          rows={[
            ...r.stageBreaches.byStage.map((st) => ({ key: st.label, count: st.count })),
            ...r.stageBreaches.byUnit.map((u) => ({
              key: `Tugas ${UNIT_LABELS[u.unit as keyof typeof UNIT_LABELS] ?? u.unit}`,
              count: u.count,
            })),
          ]}
        />
        {r.berat.cases > 0 ? (
          <CountTable caption="Keputusan Kepala Daerah (berat)" head="Keputusan" rows={r.berat.decisions} />
        ) : null}
        {r.forwardedTo.length > 0 ? (
          <CountTable
            caption="Diteruskan menurut instansi tujuan"
            head="Instansi"
            rows={r.forwardedTo.map((f) => ({
              key: f.key === 'TIDAK_DIKETAHUI' ? 'Tidak diketahui' : agencyName(f.key),
              count: f.count,
            }))}
          />
        ) : null}
        {r.objections && r.objections.filed > 0 ? (
          <CountTable
            caption="Keberatan per bulan (menurut tanggal diajukan)"
            head="Bulan"
            rows={r.objections.byMonth.map((m) => ({
              key: monthLabel(m.month),
              count: m.count,
            }))}
          />
        ) : null}
        {r.objections && r.objections.filed > 0 ? (
          <CountTable
            caption="Keberatan atas"
            head="Hasil sebelumnya"
            rows={r.objections.byPreviousStatus.map((p) => ({
              key: p.key === 'REJECTED' ? 'Penolakan' : 'Tanggapan',
              count: p.count,
            }))}
          />
        ) : null}
      </div>

      {r.units.length > 0 ? (
        <table class="data stack">
          <caption>Tindak lanjut per unit</caption>
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col" class="num">
                Tugas diterima
              </th>
              <th scope="col" class="num">
                Diselesaikan
              </th>
              <th scope="col" class="num">
                Median (hari kerja)
              </th>
            </tr>
          </thead>
          <tbody>
            {r.units.map((u) => (
              <tr key={u.unit}>
                <td data-label="Unit">{label(u.unit)}</td>
                <td class="num" data-label="Tugas diterima">
                  {u.received}
                </td>
                <td class="num" data-label="Diselesaikan">
                  {u.completed}
                </td>
                <td class="num" data-label="Median (hari kerja)">
                  {u.medianWorkingDays ?? '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <SatisfactionRecap satisfaction={r.satisfaction} />

      <h3>Daftar pengaduan ({r.complaints.length})</h3>
      {r.complaints.length === 0 ? (
        <p class="muted">Tidak ada pengaduan dalam periode ini.</p>
      ) : (
        <table class="data stack">
          <caption class="visually-hidden">Pengaduan dalam periode</caption>
          <thead>
            <tr>
              <th scope="col">Nomor register</th>
              <th scope="col">Diterima</th>
              <th scope="col">Media</th>
              <th scope="col">Jenis</th>
              <th scope="col">Status</th>
              <th scope="col">Batas waktu</th>
              <th scope="col">Lokasi</th>
              <th scope="col">Pokok pengaduan</th>
              <th scope="col">Tindak lanjut terakhir</th>
              <th scope="col">Tanggapan</th>
            </tr>
          </thead>
          <tbody>
            {r.complaints.map((c) => (
              <tr key={c.registerNumber} class={c.overdue ? 'overdue' : undefined}>
                <td data-label="Nomor register">
                  <Link href={`${BASE}/pengaduan/${registerSlug(c.registerNumber)}`}>{c.registerNumber}</Link>
                </td>
                <td data-label="Diterima">{formatDate(c.receivedAt)}</td>
                <td data-label="Media">{label(c.channel)}</td>
                <td data-label="Jenis">{c.category ? label(c.category) : 'Belum ditriase'}</td>
                <td data-label="Status">
                  {STATUS_LABELS[c.status as keyof typeof STATUS_LABELS] ?? c.status}
                  {c.overdue ? <span class="badge danger">Terlambat</span> : null}
                  {c.objectedAt ? <span class="badge">Keberatan</span> : null}
                </td>
                <td data-label="Batas waktu">{formatDate(c.dueAt)}</td>
                <td data-label="Lokasi">
                  {[c.kelurahan, c.kecamatan ? `Kec. ${c.kecamatan}` : null].filter(Boolean).join(', ') ||
                    '–'}
                </td>
                <td data-label="Pokok pengaduan">{c.summary ?? '–'}</td>
                <td data-label="Tindak lanjut terakhir" class="followup">
                  {c.latestFollowUp ? `${formatDate(c.latestFollowUpAt)}: ${c.latestFollowUp}` : '–'}
                </td>
                <td data-label="Tanggapan" class="followup">
                  {c.followUp ?? '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
