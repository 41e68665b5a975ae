/**
 * The privacy notice (UU 27/2022, src/domain/privacy-notice.ts) in the console: the front desk shows
 * it to the complainant and confirms they were given and read it before registering a complaint; the
 * receipt prints it in full, so a complainant who wrote (letter, fax, e-mail) gets it with the
 * receipt; the case page shows which version the complainant acknowledged and when.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type Schemas } from './api/client';
import { formatDateTime } from './format';
import { FieldError } from './ui';

export type PrivacyNotice = Schemas['PrivacyNoticeDto'];

/** The current notice, loaded once; `error` when it could not be. */
export function usePrivacyNotice(): { notice: PrivacyNotice | null; error: string | null } {
  const [notice, setNotice] = useState<PrivacyNotice | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api
      .GET('/api/privacy-notice')
      .then(({ data }) => {
        if (!live) return;
        if (data) setNotice(data);
        else setError('Pemberitahuan pelindungan data pribadi tidak dapat dimuat. Muat ulang halaman.');
      })
      .catch(() => {
        if (live) setError('Pemberitahuan pelindungan data pribadi tidak dapat dimuat. Muat ulang halaman.');
      });
    return () => {
      live = false;
    };
  }, []);
  return { notice, error };
}

/** The notice's sections, as headings and lists. */
export function PrivacyNoticeSections(props: { notice: PrivacyNotice; level?: 'h3' | 'h4' }) {
  const Heading = props.level ?? 'h3';
  return (
    <>
      {props.notice.sections.map((s) => (
        <div key={s.id}>
          <Heading>{s.title}</Heading>
          <ul>
            {s.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

/** The intake form's part: the notice's summary and full text, and the officer's confirmation. */
export function PrivacyNoticeConfirm(props: {
  prefix: string;
  notice: PrivacyNotice | null;
  loadError: string | null;
  checked: boolean;
  onChange: (checked: boolean) => void;
  message?: string;
}) {
  const id = `${props.prefix}-privacy`;
  return (
    <fieldset>
      <legend>Pelindungan data pribadi</legend>
      {props.notice ? (
        <>
          <p class="muted small">{props.notice.summary}</p>
          <details class="privacy-notice">
            <summary>
              {props.notice.title} (versi {props.notice.version})
            </summary>
            <PrivacyNoticeSections notice={props.notice} />
          </details>
        </>
      ) : (
        <p class="muted small">{props.loadError ?? 'Memuat pemberitahuan pelindungan data pribadi…'}</p>
      )}
      <label class="choice">
        <input
          type="checkbox"
          id={id}
          checked={props.checked}
          disabled={!props.notice}
          aria-invalid={props.message ? 'true' : undefined}
          aria-describedby={props.message ? `${id}-galat` : undefined}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />{' '}
        {props.notice?.officerAcknowledgment ??
          'Pengadu telah diberi dan membaca Pemberitahuan Pelindungan Data Pribadi.'}
      </label>
      <FieldError id={`${id}-galat`} message={props.message} />
    </fieldset>
  );
}

/** What the case page says of the notice the complainant acknowledged. */
export function privacyAcknowledgmentText(ack: Schemas['PrivacyAcknowledgmentView'] | null): string {
  if (!ack) return 'Tidak tercatat (pengaduan sebelum pemberitahuan pelindungan data pribadi berlaku)';
  return ack.acknowledgedAt
    ? `Versi ${ack.version}, disetujui ${formatDateTime(ack.acknowledgedAt)}`
    : `Versi ${ack.version}`;
}
