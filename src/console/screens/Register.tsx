/**
 * Front desk (LOKET, Seksi Pengaduan): registers a complaint received through any channel. The SOP's
 * intake rules are the domain's own pure function (checkIntakeRules), run live in the browser, so the
 * person sees a channel's rule next to its field before submitting; the API checks the same rules.
 * After registration: optional evidence files, then a printable receipt ("Tanda terima").
 */
import { useMemo, useState } from 'preact/hooks';
import {
  CHANNEL_LABELS,
  CHANNELS,
  type Channel,
  checkIntakeRules,
  type IntakeViolation,
} from '../../domain/channels';
import { ANONYMOUS_NAME, type IdentityMode } from '../../domain/identity-mode';
import { api, errorMessage, fetchWithSession, type Schemas } from '../api/client';
import { type AreaChoice, LocationSelects } from '../areas';
import { formatDateTime, registerSlug } from '../format';
import { howTold } from '../how-told';
import { allowsIdentityMode, IdentityModeChoice } from '../identity-mode';
import {
  EMPTY_KTP_ADDRESS,
  KtpAddressFields,
  type KtpAddressForm,
  ktpAddressBody,
} from '../ktp-address-fields';
import { PrivacyNoticeConfirm, PrivacyNoticeSections, usePrivacyNotice } from '../privacy-notice';
import { officialFacts, ReceivingOfficialSelect, useReceivingOfficials } from '../receiving-officials';
import { BASE } from '../router';
import { Alert, FieldError, fieldOf, Link, PageHeading } from '../ui';

type Me = Schemas['UserDto'];
type Created = Schemas['ComplaintCreatedDto'];

type Field =
  | 'channel'
  | 'name'
  | 'nik'
  | 'address'
  | 'ktpAddress'
  | 'phone'
  | 'email'
  | 'notifyBy'
  | 'licensingService'
  | 'description'
  | 'evidence'
  | 'kecamatan'
  | 'kelurahan'
  | 'receivedAt'
  | 'receivingOfficial'
  | 'identityMode'
  | 'privacy';

/** The domain's field names (IntakeViolation.field) → the form's. */
const RULE_FIELDS: Record<string, Field> = {
  channel: 'channel',
  'complainant.name': 'name',
  'complainant.nik': 'nik',
  'complainant.address': 'address',
  'complainant.ktpAddress': 'ktpAddress',
  'complainant.phone': 'phone',
  'complainant.email': 'email',
  description: 'description',
  evidence: 'evidence',
  receivingOfficial: 'receivingOfficial',
  identityMode: 'identityMode',
  privacyNoticeVersion: 'privacy',
};

/** Rules that depend on the chosen channel: shown as soon as they apply, not only after a submit. */
const CHANNEL_RULES = /^(TATAP_MUKA|TELEPON|FAKSIMILE|EMAIL|WEBSITE|SURAT)_/;

/** Words in the API's messages that name a field (for messages the browser rules do not cover). */
const API_FIELD_WORDS: Record<Field, string[]> = {
  channel: ['media pengaduan'],
  name: ['nama pengadu'],
  nik: ['nik'],
  address: ['alamat lengkap', 'alamat wajib', 'alamat paling'],
  ktpAddress: [
    'jalan/nomor',
    'rt wajib',
    'rw wajib',
    'kelurahan/desa wajib',
    'kecamatan wajib',
    'kabupaten/kota',
  ],
  phone: ['nomor telepon'],
  email: ['alamat email'],
  privacy: ['pelindungan data pribadi', 'privacynoticeversion'],
  notifyBy: ['pemberitahuan', 'notifyby'],
  licensingService: ['layanan perizinan'],
  description: ['uraian'],
  evidence: ['bukti awal'],
  kecamatan: ['kecamatan'],
  kelurahan: ['kelurahan'],
  receivedAt: ['receivedat', 'waktu penerimaan'],
  receivingOfficial: ['pejabat penerima', 'eselon'],
  identityMode: ['identitas', 'anonim', 'rahasia'],
};

const NOTIFY_LABELS: Record<string, string> = {
  '': 'Otomatis (email bila diisi, selain itu telepon)',
  EMAIL: 'Email',
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  NONE: 'Tidak perlu diberi tahu',
};

interface FormState {
  channel: Channel | '';
  name: string;
  nik: string;
  address: string;
  /** The address part by part, asked instead of `address` for a phone complaint (TELEPON). */
  ktpAddress: KtpAddressForm;
  phone: string;
  email: string;
  notifyBy: string;
  licensingService: string;
  description: string;
  evidence: string;
  location: AreaChoice;
  receivedAt: string;
  receivingOfficialId: string;
  /** BIASA, RAHASIA or ANONIM: offered for website and e-mail complaints only. */
  identityMode: IdentityMode;
  /** The officer confirms the complainant was given and read the privacy notice. */
  privacyConfirmed: boolean;
}

const EMPTY: FormState = {
  channel: '',
  name: '',
  nik: '',
  address: '',
  ktpAddress: EMPTY_KTP_ADDRESS,
  phone: '',
  email: '',
  notifyBy: '',
  licensingService: '',
  description: '',
  evidence: '',
  location: { kecamatan: '', kelurahan: '' },
  receivedAt: '',
  receivingOfficialId: '',
  identityMode: 'BIASA',
  privacyConfirmed: false,
};

function evidenceLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A key per registration, so a retried submit cannot register the complaint twice. */
function newIdempotencyKey(): string {
  // crypto.randomUUID needs a secure context; office PCs may open the console over plain http.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A datetime-local value read as WIB: "2026-11-27T08:30" → "2026-11-27T08:30:00+07:00". */
function wibIso(local: string): string {
  return `${local}:00+07:00`;
}

export function Register(props: { me: Me }) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [apiErrors, setApiErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setApiErrors({});
  };
  const touch = (field: Field) => setTouched((t) => (t[field] ? t : { ...t, [field]: true }));
  const tatapMuka = form.channel === 'TATAP_MUKA';
  // Another channel keeps the SOP's identity rules: the choice made for e-mail does not carry over.
  const identityMode: IdentityMode = allowsIdentityMode(form.channel) ? form.identityMode : 'BIASA';
  const anonymous = identityMode === 'ANONIM';
  const receiving = useReceivingOfficials(tatapMuka);
  const privacy = usePrivacyNotice();
  // An eligible official who registers a complaint they received is chosen until another is.
  const officialId =
    form.receivingOfficialId || (receiving.officials?.some((o) => o.id === props.me.id) ? props.me.id : '');

  const violations = useMemo<IntakeViolation[]>(
    () =>
      checkIntakeRules({
        channel: form.channel as Channel,
        // ANONIM: the identity fields are hidden and nothing of them is sent.
        complainant: anonymous
          ? { name: '' }
          : {
              name: form.name,
              nik: form.nik,
              ...(form.channel === 'TELEPON' ? { ktpAddress: form.ktpAddress } : { address: form.address }),
              phone: form.phone,
              email: form.email,
            },
        description: form.description,
        evidence: evidenceLines(form.evidence),
        receivingOfficial: tatapMuka ? officialFacts(receiving.officials, officialId) : null,
        identityMode,
      }),
    [form, tatapMuka, receiving.officials, officialId, identityMode, anonymous],
  )
    .map((v) => (v.rule === 'CHANNEL_VALID' ? { ...v, message: 'Pilih media pengaduan.' } : v))
    // Every complaint, anonymous ones included, is taken with the privacy notice (UU 27/2022).
    .concat(
      form.privacyConfirmed
        ? []
        : [
            {
              field: 'privacyNoticeVersion',
              rule: 'PRIVACY_NOTICE_CONFIRM',
              message:
                'Berikan Pemberitahuan Pelindungan Data Pribadi kepada pengadu, lalu centang konfirmasi bahwa pengadu telah membacanya.',
            },
          ],
    );

  /** The message shown next to a field: the live SOP rule, else the API's refusal. */
  const messageFor = (field: Field): string | undefined => {
    const v = violations.find(
      (x) => RULE_FIELDS[x.field] === field && (submitted || touched[field] || CHANNEL_RULES.test(x.rule)),
    );
    // A phone complaint's address is asked part by part: the API's word on the address goes there.
    const refusal = field === 'ktpAddress' ? (apiErrors.ktpAddress ?? apiErrors.address) : apiErrors[field];
    return v?.message ?? refusal;
  };

  async function submit(event: Event) {
    event.preventDefault();
    setSubmitted(true);
    setApiErrors({});
    if (violations.length > 0) {
      const first = RULE_FIELDS[violations[0].field];
      if (first) document.getElementById(`daftar-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const text = (s: string) => (s.trim() ? s.trim() : undefined);
      const { data, error, response } = await api.POST('/api/complaints', {
        headers: { 'Idempotency-Key': idempotencyKey },
        body: {
          channel: form.channel as Channel,
          complainant: anonymous
            ? undefined
            : {
                name: form.name.trim(),
                nik: text(form.nik),
                ...(form.channel === 'TELEPON'
                  ? { ktpAddress: ktpAddressBody(form.ktpAddress) }
                  : { address: text(form.address) }),
                phone: text(form.phone),
                email: text(form.email),
              },
          identityMode: identityMode === 'BIASA' ? undefined : identityMode,
          licensingService: text(form.licensingService),
          description: form.description.trim(),
          evidence: evidenceLines(form.evidence),
          location: form.location.kecamatan
            ? { kecamatan: form.location.kecamatan, kelurahan: form.location.kelurahan || undefined }
            : undefined,
          notifyBy: anonymous
            ? undefined
            : ((form.notifyBy || undefined) as Schemas['CreateComplaintDto']['notifyBy']),
          receivedAt: form.receivedAt ? wibIso(form.receivedAt) : undefined,
          receivingOfficialId: tatapMuka ? officialId : undefined,
          privacyNoticeVersion: privacy.notice
            ?.version as Schemas['CreateComplaintDto']['privacyNoticeVersion'],
        },
      });
      if (data) {
        setCreated(data);
        return;
      }
      const message = errorMessage(error, response);
      const field = fieldOf<Field>(message, API_FIELD_WORDS);
      setApiErrors(field ? { [field]: message } : { form: message });
      if (field) document.getElementById(`daftar-${field}`)?.focus();
    } catch {
      setApiErrors({ form: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.' });
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <Receipt
        created={created}
        channel={form.channel as Channel}
        privacyNotice={privacy.notice}
        name={anonymous ? ANONYMOUS_NAME : form.name.trim()}
        howTold={
          anonymous
            ? 'Pengaduan anonim: pengadu tidak diberi tahu dan tidak dapat dihubungi; perkembangan dan tanggapan dilihat di halaman pelacakan dengan kode pelacakan. Kode yang hilang tidak dapat dikirim ulang.'
            : howTold(form)
        }
        onAnother={() => {
          setCreated(null);
          setForm(EMPTY);
          setTouched({});
          setSubmitted(false);
          setIdempotencyKey(newIdempotencyKey());
        }}
      />
    );
  }

  const aria = (field: Field, hint?: string) => {
    const message = messageFor(field);
    return {
      id: `daftar-${field}`,
      'aria-invalid': message ? ('true' as const) : undefined,
      'aria-describedby':
        [hint, message ? `daftar-${field}-galat` : undefined].filter(Boolean).join(' ') || undefined,
      onBlur: () => touch(field),
    };
  };
  const error = (field: Field) => <FieldError id={`daftar-${field}-galat`} message={messageFor(field)} />;

  return (
    <>
      <PageHeading title="Daftarkan pengaduan">Daftarkan pengaduan</PageHeading>
      <p class="muted">
        Catat pengaduan yang diterima melalui media apa pun. Aturan SOP untuk media yang dipilih ditampilkan
        di samping isian sebelum disimpan.
      </p>
      <form class="card register" onSubmit={submit} noValidate>
        <fieldset>
          <legend>Media dan waktu</legend>
          <div class="filters">
            <div class="field">
              <label for="daftar-channel">Media pengaduan</label>
              <select
                {...aria('channel')}
                value={form.channel}
                onChange={(e) => set('channel', e.currentTarget.value as Channel)}
              >
                <option value="">— Pilih media —</option>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABELS[c]}
                  </option>
                ))}
              </select>
              {error('channel')}
            </div>
            {tatapMuka ? (
              <ReceivingOfficialSelect
                prefix="daftar"
                officials={receiving.officials}
                loadError={receiving.error}
                value={officialId}
                onChange={(id) => set('receivingOfficialId', id)}
                onBlur={() => touch('receivingOfficial')}
                message={messageFor('receivingOfficial')}
              />
            ) : null}
            <div class="field">
              <label for="daftar-receivedAt">Waktu diterima, WIB (tidak wajib; kosong = sekarang)</label>
              <input
                type="datetime-local"
                {...aria('receivedAt')}
                value={form.receivedAt}
                onInput={(e) => set('receivedAt', e.currentTarget.value)}
              />
              {error('receivedAt')}
            </div>
          </div>
        </fieldset>

        {allowsIdentityMode(form.channel) ? (
          <IdentityModeChoice
            prefix="daftar"
            value={identityMode}
            onChange={(mode) => set('identityMode', mode)}
            message={messageFor('identityMode')}
          />
        ) : null}
        {anonymous ? null : (
          <fieldset>
            <legend>Pengadu</legend>
            <div class="filters">
              <div class="field">
                <label for="daftar-name">Nama pengadu</label>
                <input
                  {...aria('name')}
                  autoComplete="off"
                  maxLength={200}
                  value={form.name}
                  onInput={(e) => set('name', e.currentTarget.value)}
                />
                {error('name')}
              </div>
              <div class="field">
                <label for="daftar-nik">NIK (16 digit, sesuai KTP)</label>
                <input
                  {...aria('nik')}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={16}
                  value={form.nik}
                  onInput={(e) => set('nik', e.currentTarget.value)}
                />
                {error('nik')}
              </div>
              {form.channel === 'TELEPON' ? (
                <KtpAddressFields
                  prefix="daftar"
                  value={form.ktpAddress}
                  onChange={(part, value) => set('ktpAddress', { ...form.ktpAddress, [part]: value })}
                  onBlur={() => touch('ktpAddress')}
                  message={messageFor('ktpAddress')}
                />
              ) : (
                <div class="field wide">
                  <label for="daftar-address">Alamat sesuai KTP</label>
                  <input
                    {...aria('address')}
                    autoComplete="off"
                    maxLength={500}
                    value={form.address}
                    onInput={(e) => set('address', e.currentTarget.value)}
                  />
                  {error('address')}
                </div>
              )}
              <div class="field">
                <label for="daftar-phone">Nomor telepon</label>
                <input
                  {...aria('phone')}
                  type="tel"
                  autoComplete="off"
                  value={form.phone}
                  onInput={(e) => set('phone', e.currentTarget.value)}
                />
                {error('phone')}
              </div>
              <div class="field">
                <label for="daftar-email">Email</label>
                <input
                  {...aria('email')}
                  type="email"
                  autoComplete="off"
                  value={form.email}
                  onInput={(e) => set('email', e.currentTarget.value)}
                />
                {error('email')}
              </div>
              <div class="field">
                <label for="daftar-notifyBy">Pemberitahuan perkembangan</label>
                <select
                  {...aria('notifyBy')}
                  value={form.notifyBy}
                  onChange={(e) => set('notifyBy', e.currentTarget.value)}
                >
                  {Object.entries(NOTIFY_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                {error('notifyBy')}
              </div>
            </div>
          </fieldset>
        )}

        <fieldset>
          <legend>Pengaduan</legend>
          <div class="filters">
            <div class="field wide">
              <label for="daftar-licensingService">Layanan perizinan yang diadukan (tidak wajib)</label>
              <input
                {...aria('licensingService')}
                maxLength={200}
                value={form.licensingService}
                onInput={(e) => set('licensingService', e.currentTarget.value)}
              />
              {error('licensingService')}
            </div>
            <div class="field wide">
              <label for="daftar-description">Uraian pengaduan</label>
              <textarea
                {...aria('description')}
                rows={5}
                maxLength={5000}
                value={form.description}
                onInput={(e) => set('description', e.currentTarget.value)}
              />
              {error('description')}
            </div>
            <div class="field wide">
              <label for="daftar-evidence">Bukti awal (satu per baris: uraian atau nama berkas)</label>
              <textarea
                {...aria('evidence')}
                rows={3}
                value={form.evidence}
                onInput={(e) => set('evidence', e.currentTarget.value)}
              />
              {error('evidence')}
            </div>
            <LocationSelects
              prefix="daftar"
              value={form.location}
              onChange={(v) => set('location', v)}
              errors={{ kecamatan: apiErrors.kecamatan, kelurahan: apiErrors.kelurahan }}
            />
          </div>
        </fieldset>
        <PrivacyNoticeConfirm
          prefix="daftar"
          notice={privacy.notice}
          loadError={privacy.error}
          checked={form.privacyConfirmed}
          onChange={(checked) => set('privacyConfirmed', checked)}
          message={messageFor('privacy')}
        />
        <p class="muted small">Berkas bukti (foto, PDF) dapat diunggah setelah pengaduan tercatat.</p>
        <Alert message={apiErrors.form} />
        <button type="submit" disabled={busy}>
          {busy ? 'Menyimpan…' : 'Daftarkan pengaduan'}
        </button>
      </form>
    </>
  );
}

/** After registration: evidence files, then the receipt to print or hand over. */
function Receipt(props: {
  created: Created;
  channel: Channel;
  privacyNotice: Schemas['PrivacyNoticeDto'] | null;
  name: string;
  howTold: string;
  onAnother: () => void;
}) {
  const { created } = props;
  const trackingUrl = `${location.origin}/lacak?kode=${encodeURIComponent(created.trackingCode)}`;
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<string[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(event: Event) {
    event.preventDefault();
    setUploadError(null);
    if (!file) return setUploadError('Pilih berkas terlebih dahulu.');
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file);
      const res = await fetchWithSession(`/api/complaints/${encodeURIComponent(created.id)}/attachments`, {
        method: 'POST',
        body,
      });
      if (!res.ok) {
        setUploadError(errorMessage(await res.json().catch(() => undefined), res));
        return;
      }
      setUploaded((u) => [...u, file.name]);
      setFile(null);
      (document.getElementById('unggah-berkas') as HTMLInputElement | null)?.form?.reset();
    } catch {
      setUploadError('Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading title={`Tanda terima ${created.registerNumber}`}>Pengaduan tercatat</PageHeading>
      <Alert kind="info" message={`Pengaduan ${created.registerNumber} telah dicatat.`} />
      <Alert message={created.calendarWarning} />

      <section class="card no-print" aria-labelledby="unggah-judul">
        <h2 id="unggah-judul">Berkas bukti (tidak wajib)</h2>
        <form onSubmit={upload} noValidate>
          <div class="field">
            <label for="unggah-berkas">Berkas bukti (JPEG, PNG atau PDF)</label>
            <input
              id="unggah-berkas"
              type="file"
              accept="image/jpeg,image/png,application/pdf"
              aria-invalid={uploadError ? 'true' : undefined}
              aria-describedby={uploadError ? 'unggah-berkas-galat' : undefined}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
            <FieldError id="unggah-berkas-galat" message={uploadError} />
          </div>
          <button type="submit" class="secondary" disabled={busy}>
            {busy ? 'Mengunggah…' : 'Unggah berkas'}
          </button>
        </form>
        {uploaded.length > 0 ? (
          <ul class="uploaded" aria-label="Berkas terunggah">
            {uploaded.map((name, i) => (
              <li key={`${name}-${i}`}>{name} (terunggah)</li>
            ))}
          </ul>
        ) : null}
      </section>

      <section class="card receipt" aria-labelledby="tanda-terima">
        <h2 id="tanda-terima">Tanda terima pengaduan</h2>
        <p class="receipt-org">DPM-PTSP Kota Prabumulih</p>
        <dl class="facts">
          <div>
            <dt>Nomor register</dt>
            <dd>{created.registerNumber}</dd>
          </div>
          <div>
            <dt>Kode pelacakan</dt>
            <dd class="code">{created.trackingCode}</dd>
          </div>
          <div>
            <dt>Nama pengadu</dt>
            <dd>{props.name}</dd>
          </div>
          <div>
            <dt>Media pengaduan</dt>
            <dd>{CHANNEL_LABELS[props.channel]}</dd>
          </div>
          <div>
            <dt>Diterima</dt>
            <dd>{formatDateTime(created.receivedAt)}</dd>
          </div>
          <div>
            <dt>Batas waktu penyelesaian</dt>
            <dd>{formatDateTime(created.dueAt)}</dd>
          </div>
        </dl>
        <p>
          Pantau perkembangan pengaduan di <span class="url">{trackingUrl}</span> dengan kode pelacakan di
          atas.
        </p>
        <p class="receipt-notice">{props.howTold}</p>
        {uploaded.length > 0 ? <p>Berkas bukti: {uploaded.join(', ')}.</p> : null}
        {props.privacyNotice ? (
          // Printed with the receipt: what a complainant who wrote (letter, fax, e-mail) is sent.
          <section class="receipt-privacy" aria-labelledby="tanda-terima-privasi">
            <h3 id="tanda-terima-privasi">
              {props.privacyNotice.title} (versi {props.privacyNotice.version})
            </h3>
            <p>{props.privacyNotice.summary}</p>
            <PrivacyNoticeSections notice={props.privacyNotice} level="h4" />
          </section>
        ) : null}
      </section>

      <p class="actions no-print">
        <button type="button" onClick={() => window.print()}>
          Cetak tanda terima
        </button>
        <Link href={`${BASE}/pengaduan/${registerSlug(created.registerNumber)}`}>Buka halaman pengaduan</Link>
        <button type="button" class="secondary" onClick={props.onAnother}>
          Daftarkan pengaduan lain
        </button>
      </p>
    </>
  );
}
