/**
 * Admin: the year's non-working days (libur nasional and cuti bersama) every deadline counts with.
 * The admin edits the rows, or pastes the SKB list as text (or uploads a text/CSV file), then checks
 * which open complaints' due dates the list would move (POST /api/calendar/holidays/preview, the
 * workflow's own arithmetic) before saving it (PUT), which tells those complaints to recompute.
 */
import { useEffect, useState } from 'preact/hooks';
import { HOLIDAY_KIND_LABELS, HOLIDAY_KINDS, type HolidayKind } from '../../domain/holidays';
import { api, errorMessage, type Schemas } from '../api/client';
import { formatDateTime, registerSlug, STATUS_LABELS } from '../format';
import { parseHolidayText } from '../holiday-text';
import { BASE } from '../router';
import { Alert, FieldError, Link, PageHeading } from '../ui';

type HolidayYear = Schemas['HolidayYearDto'];
type Preview = Schemas['HolidayPreviewDto'];
type Saved = Schemas['HolidaysReplacedDto'];

interface Row {
  key: number;
  date: string;
  name: string;
  kind: HolidayKind;
}

const SOURCE_LABELS: Record<HolidayYear['source'], string> = {
  OFFICIAL: 'Daftar SKB bawaan',
  ADMIN: 'Dikoreksi admin',
  FALLBACK: 'Daftar otomatis (belum ada daftar resmi)',
};

const dayDate = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Selasa, 15 Desember 2026": the WIB date a deadline ends on (23.59 WIB). */
function dueDay(iso: string): string {
  return dayDate.format(new Date(iso));
}

/** "mundur 1 hari kerja (3 hari kalender)" / "maju 2 hari kerja (2 hari kalender)". */
function describeShift(workingDays: number, calendarDays: number): string {
  const direction = workingDays > 0 || (workingDays === 0 && calendarDays > 0) ? 'mundur' : 'maju';
  return `${direction} ${Math.abs(workingDays)} hari kerja (${Math.abs(calendarDays)} hari kalender)`;
}

function currentWibYear(): number {
  return Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
}

let nextKey = 1;
const toRows = (list: { date: string; name: string; kind: HolidayKind }[]): Row[] =>
  list.map((h) => ({ key: nextKey++, date: h.date, name: h.name, kind: h.kind }));

/** The API names rows as "Baris 3: ..."; those messages go next to their row, the rest above the list. */
function splitByRow(message: string): { rows: Map<number, string>; rest: string[] } {
  const rows = new Map<number, string>();
  const rest: string[] = [];
  const parts = message.split(/(?=Baris \d+: )/);
  for (const part of parts) {
    const m = /^Baris (\d+): (.*)$/s.exec(part.trim());
    if (m) {
      const n = Number(m[1]);
      rows.set(n, [rows.get(n), m[2].trim()].filter(Boolean).join(' '));
    } else if (part.trim()) {
      rest.push(part.trim());
    }
  }
  return { rows, rest };
}

export function AdminHolidays() {
  const [year, setYear] = useState(currentWibYear());
  const [yearInput, setYearInput] = useState(String(currentWibYear()));
  const [yearError, setYearError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<HolidayYear | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [rowErrors, setRowErrors] = useState<Map<number, string>>(new Map());
  const [listError, setListError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null);
  const [pasted, setPasted] = useState('');
  const [pasteProblems, setPasteProblems] = useState<string[]>([]);
  const [pasteInfo, setPasteInfo] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setLoaded(null);
    setLoadError(null);
    setPreview(null);
    setRowErrors(new Map());
    setListError(null);
    (async () => {
      const { data, error, response } = await api.GET('/api/calendar/holidays', {
        params: { query: { year } },
      });
      if (cancelled) return;
      if (!data) return setLoadError(errorMessage(error, response));
      setLoaded(data);
      setRows(toRows(data.holidays));
    })();
    return () => {
      cancelled = true;
    };
  }, [year]);

  /** Any edit invalidates the preview: it must describe exactly the list that is saved. */
  const edit = (next: Row[]) => {
    setRows(next);
    setPreview(null);
    setSaved(null);
    setRowErrors(new Map());
    setListError(null);
  };
  const update = (key: number, patch: Partial<Row>) =>
    edit(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function showYear(event: Event) {
    event.preventDefault();
    const y = Number(yearInput);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) {
      setYearError('Tahun wajib diisi dengan angka 2000-2100.');
      return;
    }
    setYearError(null);
    setSaved(null);
    setYear(y);
  }

  const body = () => ({
    holidays: rows.map((r) => ({ date: r.date, name: r.name.trim(), kind: r.kind })),
  });

  function showErrors(message: string) {
    const { rows: byRow, rest } = splitByRow(message);
    const keyed = new Map<number, string>();
    for (const [n, text] of byRow) {
      const row = rows[n - 1];
      if (row) keyed.set(row.key, text);
      else rest.push(`Baris ${n}: ${text}`);
    }
    setRowErrors(keyed);
    setListError(rest.length > 0 ? rest.join(' ') : keyed.size > 0 ? 'Perbaiki baris yang ditandai.' : null);
  }

  async function check() {
    setBusy('preview');
    setSaved(null);
    setRowErrors(new Map());
    setListError(null);
    try {
      const { data, error, response } = await api.POST('/api/calendar/holidays/preview', {
        params: { query: { year } },
        body: body(),
      });
      if (data) setPreview(data);
      else showErrors(errorMessage(error, response));
    } catch {
      setListError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.');
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    setBusy('save');
    try {
      const { data, error, response } = await api.PUT('/api/calendar/holidays', {
        params: { query: { year } },
        body: body(),
      });
      if (!data) {
        setPreview(null);
        showErrors(errorMessage(error, response));
        return;
      }
      setSaved(data);
      setPreview(null);
      setLoaded(data);
      setRows(toRows(data.holidays));
    } catch {
      setListError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.');
    } finally {
      setBusy(null);
    }
  }

  function readPasted(text: string) {
    const parsed = parseHolidayText(text, year);
    setPasteProblems(parsed.problems);
    if (parsed.holidays.length === 0) {
      setPasteInfo(null);
      if (parsed.problems.length === 0) setPasteProblems(['Tidak ada hari libur yang terbaca.']);
      return;
    }
    edit(toRows(parsed.holidays));
    setPasteInfo(
      `${parsed.holidays.length} hari libur terbaca dan menggantikan daftar di atas` +
        (parsed.problems.length > 0 ? '; baris yang tidak terbaca tercantum di bawah.' : '.'),
    );
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > 200_000) {
      setPasteProblems(['Berkas terlalu besar (paling besar 200 kB).']);
      return;
    }
    const text = await file.text();
    setPasted(text);
    readPasted(text);
  }

  const changes = preview?.changes ?? [];
  return (
    <>
      <PageHeading title="Hari libur">Hari libur nasional dan cuti bersama</PageHeading>
      <p class="muted">
        Batas waktu 10 hari kerja setiap pengaduan dihitung dengan daftar ini. Periksa dampaknya pada
        pengaduan yang masih terbuka sebelum menyimpan.
      </p>

      <form class="card filters" onSubmit={showYear} noValidate aria-label="Pilih tahun">
        <div class="field">
          <label for="libur-tahun">Tahun</label>
          <input
            id="libur-tahun"
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            value={yearInput}
            aria-invalid={yearError ? 'true' : undefined}
            aria-describedby={yearError ? 'libur-tahun-galat' : undefined}
            onInput={(e) => setYearInput(e.currentTarget.value)}
          />
          <FieldError id="libur-tahun-galat" message={yearError} />
        </div>
        <div class="actions">
          <button type="submit" class="secondary">
            Tampilkan
          </button>
        </div>
      </form>

      <Alert message={loadError} />
      {saved ? (
        <Alert
          kind="info"
          message={
            `Daftar hari libur ${saved.year} disimpan (${saved.saved} tanggal). ` +
            `${saved.notifiedComplaints} pengaduan terbuka diberi tahu untuk menghitung ulang batas waktu.` +
            (saved.failedComplaints > 0
              ? ` ${saved.failedComplaints} pengaduan gagal diberi tahu: simpan ulang daftar yang sama untuk mencoba lagi.`
              : '')
          }
        />
      ) : null}

      {!loaded && !loadError ? <p role="status">Memuat daftar hari libur…</p> : null}
      {loaded ? (
        <section class="card" aria-labelledby="libur-daftar-judul">
          <h2 id="libur-daftar-judul">
            Daftar tahun {year} <span class="badge">{SOURCE_LABELS[loaded.source]}</span>
          </h2>
          {loaded.warning ? <Alert message={loaded.warning} /> : null}
          <p class="muted small">
            {rows.length} tanggal. Tanggal dalam WIB; Sabtu dan Minggu tidak perlu dicantumkan.
          </p>
          <table class="data stack">
            <caption class="visually-hidden">Hari libur tahun {year}</caption>
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">Tanggal</th>
                <th scope="col">Nama hari libur</th>
                <th scope="col">Jenis</th>
                <th scope="col">
                  <span class="visually-hidden">Tindakan</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const problem = rowErrors.get(r.key);
                const errorId = `libur-baris-${r.key}-galat`;
                const described = problem ? errorId : undefined;
                return (
                  <tr key={r.key} class={problem ? 'invalid' : undefined}>
                    <td data-label="No.">{i + 1}</td>
                    <td data-label="Tanggal">
                      <input
                        type="date"
                        aria-label={`Tanggal baris ${i + 1}`}
                        value={r.date}
                        min={`${year}-01-01`}
                        max={`${year}-12-31`}
                        aria-invalid={problem ? 'true' : undefined}
                        aria-describedby={described}
                        onInput={(e) => update(r.key, { date: e.currentTarget.value })}
                      />
                    </td>
                    <td data-label="Nama">
                      <input
                        aria-label={`Nama hari libur baris ${i + 1}`}
                        value={r.name}
                        maxLength={200}
                        aria-invalid={problem ? 'true' : undefined}
                        aria-describedby={described}
                        onInput={(e) => update(r.key, { name: e.currentTarget.value })}
                      />
                      <FieldError id={errorId} message={problem} />
                    </td>
                    <td data-label="Jenis">
                      <select
                        aria-label={`Jenis hari libur baris ${i + 1}`}
                        value={r.kind}
                        onChange={(e) => update(r.key, { kind: e.currentTarget.value as HolidayKind })}
                      >
                        {HOLIDAY_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {HOLIDAY_KIND_LABELS[k]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        class="secondary"
                        aria-label={`Hapus baris ${i + 1}${r.name ? ` (${r.name})` : ''}`}
                        onClick={() => edit(rows.filter((x) => x.key !== r.key))}
                      >
                        Hapus
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p class="actions">
            <button
              type="button"
              class="secondary"
              onClick={() =>
                edit([...rows, { key: nextKey++, date: '', name: '', kind: 'LIBUR_NASIONAL' as HolidayKind }])
              }
            >
              Tambah baris
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => edit(toRows(loaded.holidays))}
              disabled={busy !== null}
            >
              Batalkan perubahan
            </button>
          </p>
          <Alert message={listError} />
          <p class="actions">
            <button type="button" onClick={check} disabled={busy !== null || rows.length === 0}>
              {busy === 'preview' ? 'Memeriksa…' : 'Periksa dampak pada batas waktu'}
            </button>
          </p>
        </section>
      ) : null}

      {preview ? (
        <section class="card highlight" aria-labelledby="libur-dampak-judul">
          <h2 id="libur-dampak-judul">Dampak pada pengaduan terbuka</h2>
          <p role="status">
            {changes.length === 0
              ? `Tidak ada batas waktu yang berubah (${preview.checkedComplaints} pengaduan terbuka diperiksa).`
              : `${changes.length} dari ${preview.checkedComplaints} pengaduan terbuka akan berubah batas waktunya.`}
          </p>
          {changes.length > 0 ? (
            <table class="data stack">
              <caption class="visually-hidden">Batas waktu yang berubah</caption>
              <thead>
                <tr>
                  <th scope="col">Nomor register</th>
                  <th scope="col">Status</th>
                  <th scope="col">Batas waktu sekarang</th>
                  <th scope="col">Batas waktu baru</th>
                  <th scope="col">Pergeseran</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.id} class="due-shift">
                    <td data-label="Nomor register">
                      <Link href={`${BASE}/pengaduan/${registerSlug(c.registerNumber)}`}>
                        {c.registerNumber}
                      </Link>
                    </td>
                    <td data-label="Status">
                      {STATUS_LABELS[c.status as keyof typeof STATUS_LABELS] ?? c.status}
                    </td>
                    <td data-label="Sekarang">
                      <time dateTime={c.oldDueAt} title={formatDateTime(c.oldDueAt)}>
                        {dueDay(c.oldDueAt)}
                      </time>
                    </td>
                    <td data-label="Baru">
                      <time dateTime={c.newDueAt} title={formatDateTime(c.newDueAt)}>
                        {dueDay(c.newDueAt)}
                      </time>
                    </td>
                    <td data-label="Pergeseran">{describeShift(c.shiftWorkingDays, c.shiftCalendarDays)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p class="muted small">
            Setelah disimpan, setiap pengaduan terbuka menghitung ulang batas waktunya (pukul 23.59 WIB hari
            kerja ke-10).
          </p>
          <p class="actions">
            <button type="button" onClick={save} disabled={busy !== null}>
              {busy === 'save' ? 'Menyimpan…' : `Simpan daftar hari libur ${year}`}
            </button>
          </p>
        </section>
      ) : null}

      {loaded ? (
        <section class="card" aria-labelledby="libur-tempel-judul">
          <h2 id="libur-tempel-judul">Tempel daftar SKB</h2>
          <p class="muted small">
            Satu hari libur per baris, misalnya <code>2027-01-01 Tahun Baru Masehi</code>,{' '}
            <code>17 Agustus 2027 Hari Kemerdekaan RI</code> atau baris CSV{' '}
            <code>2027-03-10;Cuti Bersama Nyepi;CUTI_BERSAMA</code>. Baris yang menyebut "cuti bersama"
            dicatat sebagai cuti bersama. Daftar yang terbaca menggantikan daftar di atas (belum disimpan).
          </p>
          <div class="field">
            <label for="libur-tempel">Daftar SKB tahun {year} (satu hari libur per baris)</label>
            <textarea
              id="libur-tempel"
              rows={6}
              value={pasted}
              aria-describedby={pasteProblems.length > 0 ? 'libur-tempel-galat' : undefined}
              aria-invalid={pasteProblems.length > 0 ? 'true' : undefined}
              onInput={(e) => setPasted(e.currentTarget.value)}
            />
            {pasteProblems.length > 0 ? (
              <ul id="libur-tempel-galat" class="field-error">
                {pasteProblems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <div class="field">
            <label for="libur-berkas">Atau unggah berkas teks/CSV</label>
            <input
              id="libur-berkas"
              type="file"
              accept=".txt,.csv,text/plain,text/csv"
              onChange={(e) => void readFile(e.currentTarget.files?.[0])}
            />
          </div>
          <Alert kind="info" message={pasteInfo} />
          <p class="actions">
            <button type="button" class="secondary" onClick={() => readPasted(pasted)}>
              Baca daftar
            </button>
          </p>
        </section>
      ) : null}
    </>
  );
}
