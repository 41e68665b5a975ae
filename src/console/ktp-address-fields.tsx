/**
 * The address as a KTP has it, part by part (street or dusun, RT, RW, kelurahan/desa, kecamatan,
 * kabupaten/kota): what the SOP asks of a phone complaint. The registration form shows it instead
 * of the one-line address when the channel is TELEPON; the rule and its message are the domain's
 * (checkIntakeRules), shown under the parts.
 */
import {
  KTP_ADDRESS_PARTS,
  type KtpAddress,
  type KtpAddressPart,
  missingKtpAddressParts,
} from '../domain/ktp-address';
import { FieldError } from './ui';

export type KtpAddressForm = Record<KtpAddressPart, string>;

export const EMPTY_KTP_ADDRESS: KtpAddressForm = {
  street: '',
  rt: '',
  rw: '',
  kelurahan: '',
  kecamatan: '',
  city: '',
};

const LABELS: Record<KtpAddressPart, string> = {
  street: 'Jalan dan nomor rumah, atau dusun',
  rt: 'RT',
  rw: 'RW',
  kelurahan: 'Kel/Desa',
  kecamatan: 'Kecamatan sesuai KTP',
  city: 'Kabupaten/kota',
};

const MAX_LENGTH: Record<KtpAddressPart, number> = {
  street: 200,
  rt: 3,
  rw: 3,
  kelurahan: 80,
  kecamatan: 80,
  city: 80,
};

/** The parts as the API takes them: trimmed, blank ones left out. */
export function ktpAddressBody(value: KtpAddressForm): KtpAddress {
  return Object.fromEntries(
    KTP_ADDRESS_PARTS.map((part) => [part, value[part].trim()]).filter(([, v]) => v !== ''),
  );
}

/** Input ids: the street's is `${prefix}-ktpAddress` (focused on a refusal), the others `…-<part>`. */
export function KtpAddressFields(props: {
  prefix: string;
  value: KtpAddressForm;
  onChange: (part: KtpAddressPart, value: string) => void;
  onBlur: () => void;
  message?: string;
}) {
  const { prefix, value, message } = props;
  const errorId = `${prefix}-ktpAddress-galat`;
  const missing = message ? missingKtpAddressParts(value) : [];
  return (
    <fieldset class="wide">
      <legend>Alamat sesuai KTP</legend>
      <div class="filters">
        {KTP_ADDRESS_PARTS.map((part) => {
          const id = part === 'street' ? `${prefix}-ktpAddress` : `${prefix}-ktpAddress-${part}`;
          return (
            <div key={part} class={part === 'street' ? 'field wide' : 'field'}>
              <label for={id}>{LABELS[part]}</label>
              <input
                id={id}
                autoComplete="off"
                inputMode={part === 'rt' || part === 'rw' ? 'numeric' : undefined}
                maxLength={MAX_LENGTH[part]}
                value={value[part]}
                aria-invalid={missing.includes(part) ? 'true' : undefined}
                aria-describedby={message ? errorId : undefined}
                onInput={(e) => props.onChange(part, e.currentTarget.value)}
                onBlur={props.onBlur}
              />
            </div>
          );
        })}
      </div>
      <FieldError id={errorId} message={message} />
    </fieldset>
  );
}
