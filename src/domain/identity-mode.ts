// Workflow-safe: pure rules of anonymous and confidential complaints.
/**
 * How much of the complainant's identity a complaint carries, and who sees it.
 *
 * - BIASA (the default, the SOP's own rules): the identity is taken as each channel requires it and
 *   shown to the handling units (src/domain/personal-data.ts).
 * - RAHASIA (confidential): the identity is stored, but only Seksi Pengaduan, the Kabid Pengaduan and
 *   admins see it; every other unit, the area officials, the Kepala Daerah, lists and reports see
 *   "Dirahasiakan". The NIK may be left out, so extortion (pungutan liar) can be reported without it.
 * - ANONIM (anonymous): no identity at all. A name, NIK, address or contact sent with it is refused
 *   (422) rather than silently dropped, so nobody believes they gave it; no notification is sent; the
 *   tracking code is the only key to the complaint.
 *
 * As in SP4N-LAPOR!, only the channels where the citizen writes to us without meeting anyone offer
 * the choice: the website form and e-mail. Letters, telephone, fax and face-to-face complaints keep
 * the SOP's identity rules (SOP C.1.b, C.2), so anything but BIASA there is refused (422).
 */
import type { Channel, IntakeViolation } from './channels';
import { maskName, maskNik, type Viewer } from './personal-data';
import type { Unit } from './units';

export const IDENTITY_MODES = ['BIASA', 'RAHASIA', 'ANONIM'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

export const DEFAULT_IDENTITY_MODE: IdentityMode = 'BIASA';

export const IDENTITY_MODE_LABELS: Record<IdentityMode, string> = {
  BIASA: 'Biasa',
  RAHASIA: 'Rahasia',
  ANONIM: 'Anonim',
};

/** What each choice means for the complainant, as the forms explain it (Bahasa Indonesia). */
export const IDENTITY_MODE_EXPLANATIONS: Record<IdentityMode, string> = {
  BIASA:
    'Identitas Anda dicatat dan dapat dilihat petugas yang menangani pengaduan. Kami memberi tahu perkembangan pengaduan lewat kontak yang Anda isi.',
  RAHASIA:
    'Identitas Anda dicatat tetapi hanya dapat dilihat Seksi Pengaduan dan Kepala Bidang Pengaduan; unit lain, aparatur wilayah dan laporan hanya melihat "Dirahasiakan". NIK boleh tidak diisi, misalnya untuk melaporkan pungutan liar (pungli).',
  ANONIM:
    'Tidak ada identitas yang dicatat: jangan isi nama, NIK, alamat atau kontak. Akibatnya kami tidak dapat mengirim pemberitahuan atau tanggapan kepada Anda dan tidak dapat meminta keterangan tambahan. Simpan kode pelacakan: hanya dengan kode itu Anda dapat melihat perkembangan dan tanggapan, dan kode yang hilang tidak dapat dikirim ulang.',
};

/** The channels that offer RAHASIA and ANONIM. */
export const IDENTITY_MODE_CHANNELS: readonly Channel[] = ['WEBSITE', 'EMAIL'];

/** What a viewer without the right sees instead of a confidential complainant's identity. */
export const CONFIDENTIAL_TEXT = 'Dirahasiakan';

/** The name an anonymous complaint is stored and shown under (it is no one's name). */
export const ANONYMOUS_NAME = 'Anonim';

/** Units whose staff see the identity of a RAHASIA complainant (with admins). */
export const CONFIDENTIAL_IDENTITY_UNITS: readonly Unit[] = ['SEKSI_PENGADUAN', 'KABID_PENGADUAN'];

export function isIdentityMode(value: unknown): value is IdentityMode {
  return typeof value === 'string' && (IDENTITY_MODES as readonly string[]).includes(value);
}

/** A stored mode, BIASA for records from before the modes existed. */
export function identityModeOf(value: string | null | undefined): IdentityMode {
  return isIdentityMode(value) ? value : DEFAULT_IDENTITY_MODE;
}

export interface IdentityIntake {
  channel: string;
  identityMode?: string | null;
  complainant?: {
    name?: unknown;
    nik?: unknown;
    address?: unknown;
    ktpAddress?: unknown;
    phone?: unknown;
    email?: unknown;
  } | null;
  notifyBy?: string | null;
}

function given(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (value && typeof value === 'object')
    return Object.values(value as Record<string, unknown>).some((v) => given(v));
  return value !== undefined && value !== null;
}

/** The complainant's fields an anonymous complaint must not carry, with their labels. */
const IDENTITY_FIELDS = [
  ['name', 'nama'],
  ['nik', 'NIK'],
  ['address', 'alamat'],
  ['ktpAddress', 'alamat'],
  ['phone', 'nomor telepon'],
  ['email', 'email'],
] as const;

/**
 * The identity mode's rules at intake; an empty array when they are met. The mode's channel, and for
 * ANONIM the absence of any identity and of any way to be told (notifyBy other than NONE).
 */
export function checkIdentityMode(input: IdentityIntake): IntakeViolation[] {
  const mode = input.identityMode ?? DEFAULT_IDENTITY_MODE;
  if (mode === 'BIASA') return [];
  const out: IntakeViolation[] = [];
  if (!(IDENTITY_MODE_CHANNELS as readonly string[]).includes(input.channel)) {
    out.push({
      field: 'identityMode',
      rule: 'IDENTITY_MODE_CHANNEL',
      message: `Pengaduan ${mode === 'ANONIM' ? 'anonim' : 'rahasia'} hanya dapat disampaikan melalui website atau email; untuk media lain identitas pengadu dicatat sesuai SOP.`,
    });
  }
  if (mode === 'ANONIM') {
    const complainant = input.complainant ?? {};
    const fields = IDENTITY_FIELDS.filter(([key]) => given(complainant[key]));
    if (fields.length > 0) {
      const labels = [...new Set(fields.map(([, label]) => label))];
      out.push({
        field: `complainant.${fields[0][0]}`,
        rule: 'ANONIM_NO_IDENTITY',
        message: `Pengaduan anonim tidak mencatat identitas pengadu; kosongkan ${labels.join(', ')}, atau pilih pengaduan rahasia.`,
      });
    }
    if (input.notifyBy && input.notifyBy !== 'NONE') {
      out.push({
        field: 'notifyBy',
        rule: 'ANONIM_NO_NOTIFICATION',
        message:
          'Pengaduan anonim tidak dapat diberi pemberitahuan; perkembangannya dilihat dengan kode pelacakan.',
      });
    }
  }
  return out;
}

/** Whether the viewer sees a RAHASIA complainant's identity: admins, Seksi Pengaduan and the Kabid. */
export function seesConfidentialIdentity(viewer: Viewer): boolean {
  if (viewer.role === 'ADMIN') return true;
  return (
    viewer.role === 'STAFF' &&
    !!viewer.unit &&
    (CONFIDENTIAL_IDENTITY_UNITS as readonly string[]).includes(viewer.unit)
  );
}

/**
 * How the viewer sees the complainant's identity: in FULL, MASKED (BIASA, for those without the
 * right to personal data), CONFIDENTIAL ("Dirahasiakan") or ANONYMOUS (there is none).
 * `personalDataVisible` is the BIASA rule's answer (canSeePersonalData) for this viewer.
 */
export type IdentityAccess = 'FULL' | 'MASKED' | 'CONFIDENTIAL' | 'ANONYMOUS';

export function identityAccess(
  mode: string | null | undefined,
  viewer: Viewer,
  personalDataVisible: boolean,
): IdentityAccess {
  switch (identityModeOf(mode)) {
    case 'ANONIM':
      return 'ANONYMOUS';
    case 'RAHASIA':
      return seesConfidentialIdentity(viewer) ? 'FULL' : 'CONFIDENTIAL';
    default:
      return personalDataVisible ? 'FULL' : 'MASKED';
  }
}

/**
 * The Temporal Web UI's words for the complainant: the identity mode only, never the person (not
 * even initials, which beside a kelurahan can point at someone).
 */
export function summaryComplainant(mode: string | null | undefined): string {
  switch (identityModeOf(mode)) {
    case 'ANONIM':
      return 'pengadu anonim';
    case 'RAHASIA':
      return 'pengadu dirahasiakan';
    default:
      return 'pengadu beridentitas';
  }
}

/** The complainant's identity as stored. */
export interface StoredIdentity {
  name: string;
  nik?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** The complainant's identity as a viewer gets it. */
export interface SeenIdentity {
  name: string;
  nik: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

/**
 * What a viewer with `access` gets of the identity: on a list (`detail` false) the NIK is masked even
 * in FULL, as lists always did; CONFIDENTIAL puts "Dirahasiakan" in every field, ANONYMOUS "Anonim"
 * as the name and nothing else.
 */
export function identityAsSeen(access: IdentityAccess, c: StoredIdentity, detail: boolean): SeenIdentity {
  switch (access) {
    case 'ANONYMOUS':
      return { name: ANONYMOUS_NAME, nik: null, address: null, phone: null, email: null };
    case 'CONFIDENTIAL':
      return {
        name: CONFIDENTIAL_TEXT,
        nik: CONFIDENTIAL_TEXT,
        address: CONFIDENTIAL_TEXT,
        phone: CONFIDENTIAL_TEXT,
        email: CONFIDENTIAL_TEXT,
      };
    case 'MASKED':
      return { name: maskName(c.name), nik: maskNik(c.nik), address: null, phone: null, email: null };
    default:
      return {
        name: c.name,
        nik: detail ? (c.nik ?? null) : maskNik(c.nik),
        address: c.address ?? null,
        phone: c.phone ?? null,
        email: c.email ?? null,
      };
  }
}
