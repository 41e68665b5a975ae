/**
 * Identity modes in the console (src/domain/identity-mode.ts): the badge a RAHASIA or ANONIM
 * complaint carries in lists and on its page, and the radio group the intake form offers for the
 * channels that allow it (website and e-mail), each choice with its explanation.
 */
import type { Channel } from '../domain/channels';
import {
  IDENTITY_MODE_CHANNELS,
  IDENTITY_MODE_EXPLANATIONS,
  IDENTITY_MODE_LABELS,
  IDENTITY_MODES,
  type IdentityMode,
} from '../domain/identity-mode';
import { FieldError } from './ui';

/** "Rahasia" or "Anonim" as a badge; nothing for BIASA. */
export function IdentityBadge(props: { mode: string | null | undefined }) {
  if (props.mode === 'RAHASIA')
    return (
      <span
        class="badge warn"
        title="Identitas pengadu hanya untuk Seksi Pengaduan, Kabid Pengaduan dan admin"
      >
        Rahasia
      </span>
    );
  if (props.mode === 'ANONIM')
    return (
      <span class="badge" title="Pengadu tidak memberikan identitas">
        Anonim
      </span>
    );
  return null;
}

/** What the complainant section says about the identity shown, by mode and visibility. */
export function identityNote(
  mode: string,
  identityVisible: boolean,
  personalDataVisible: boolean,
): string | null {
  if (mode === 'ANONIM')
    return 'Pengaduan anonim: pengadu tidak memberikan identitas dan tidak dapat dihubungi atau diberi tahu; pengadu mengikuti perkembangan dengan kode pelacakan.';
  if (mode === 'RAHASIA')
    return identityVisible
      ? 'Pengaduan rahasia: identitas pengadu hanya untuk Seksi Pengaduan, Kabid Pengaduan dan admin. Jangan teruskan kepada unit lain atau mencantumkannya dalam laporan.'
      : 'Pengaduan rahasia: identitas pengadu dirahasiakan dan hanya dapat dilihat Seksi Pengaduan dan Kabid Pengaduan.';
  return personalDataVisible ? null : 'Data pribadi disamarkan sesuai kewenangan Anda.';
}

export function allowsIdentityMode(channel: Channel | ''): boolean {
  return (IDENTITY_MODE_CHANNELS as readonly string[]).includes(channel);
}

/** The radio group of the intake form; shown for website and e-mail complaints only. */
export function IdentityModeChoice(props: {
  prefix: string;
  value: IdentityMode;
  onChange: (mode: IdentityMode) => void;
  /** The API's refusal of the choice, if any. */
  message?: string;
}) {
  return (
    <fieldset>
      <legend>Identitas pengadu</legend>
      <div class="identity-choices">
        {IDENTITY_MODES.map((mode) => (
          <div key={mode} class="identity-choice">
            <label class="choice">
              <input
                type="radio"
                name={`${props.prefix}-identityMode`}
                value={mode}
                checked={props.value === mode}
                aria-describedby={`${props.prefix}-identityMode-${mode}`}
                onChange={() => props.onChange(mode)}
              />{' '}
              {IDENTITY_MODE_LABELS[mode]}
            </label>
            <p class="muted small" id={`${props.prefix}-identityMode-${mode}`}>
              {IDENTITY_MODE_EXPLANATIONS[mode]}
            </p>
          </div>
        ))}
      </div>
      <FieldError id={`${props.prefix}-identityMode-galat`} message={props.message} />
    </fieldset>
  );
}
