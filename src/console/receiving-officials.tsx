/**
 * The official of eselon IV or higher who received a face-to-face complaint (SOP C.1.a): the
 * registration form's picker, filled from GET /api/users/receiving-officials. Whoever types the
 * complaint in (the front desk included) names the official who met the complainant.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReceivingOfficialFacts } from '../domain/channels';
import { UNIT_LABELS } from '../domain/units';
import { api, errorMessage, type Schemas } from './api/client';
import { FieldError } from './ui';

type Official = Schemas['ReceivingOfficialDto'];

/** The eligible officials, loaded when `wanted` first becomes true (TATAP_MUKA chosen). */
export function useReceivingOfficials(wanted: boolean): {
  officials: Official[] | null;
  error: string | null;
} {
  const [officials, setOfficials] = useState<Official[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted || officials) return;
    let live = true;
    api
      .GET('/api/users/receiving-officials')
      .then(({ data, error: apiError, response }) => {
        if (!live) return;
        if (data) setOfficials(data);
        else setError(errorMessage(apiError, response));
      })
      .catch(() => live && setError('Daftar pejabat penerima tidak dapat dimuat.'));
    return () => {
      live = false;
    };
  }, [wanted, officials]);
  return { officials, error };
}

/** The chosen official as the domain's intake rule takes it (every listed official is an active STAFF). */
export function officialFacts(officials: Official[] | null, id: string): ReceivingOfficialFacts | null {
  const official = officials?.find((o) => o.id === id);
  return official
    ? {
        fullName: official.fullName,
        role: 'STAFF',
        unit: official.unit,
        eselon: official.eselon,
        active: true,
      }
    : null;
}

/** A required select; id `${prefix}-receivingOfficial`, its message under `${prefix}-receivingOfficial-galat`. */
export function ReceivingOfficialSelect(props: {
  prefix: string;
  officials: Official[] | null;
  loadError: string | null;
  value: string;
  onChange: (id: string) => void;
  onBlur: () => void;
  message?: string;
}) {
  const id = `${props.prefix}-receivingOfficial`;
  const message = props.loadError ?? props.message;
  return (
    <div class="field">
      <label for={id}>Diterima langsung oleh (pejabat minimal eselon IV)</label>
      <select
        id={id}
        required
        aria-invalid={message ? 'true' : undefined}
        aria-describedby={message ? `${id}-galat` : undefined}
        value={props.value}
        disabled={!props.officials}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        onBlur={props.onBlur}
      >
        <option value="">{props.officials ? '— Pilih pejabat —' : 'Memuat…'}</option>
        {(props.officials ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.fullName} (eselon {o.eselon}, {UNIT_LABELS[o.unit]})
          </option>
        ))}
      </select>
      <FieldError id={`${id}-galat`} message={message} />
    </div>
  );
}
