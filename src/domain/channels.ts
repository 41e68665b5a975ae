// Workflow-safe: pure rules from SOP section C (tata cara pengaduan).

import { checkIdentityMode } from './identity-mode';
import {
  composeKtpAddress,
  KTP_ADDRESS_LABELS,
  type KtpAddress,
  type KtpAddressPart,
  listInBahasa,
  missingInKtpAddressText,
  missingKtpAddressParts,
} from './ktp-address';
import { nikProblem } from './nik';
import { AREA_UNITS } from './units';

/** Media pengaduan. */
export const CHANNELS = ['TATAP_MUKA', 'TELEPON', 'FAKSIMILE', 'EMAIL', 'WEBSITE', 'SURAT'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  TATAP_MUKA: 'Tatap muka',
  TELEPON: 'Telepon',
  FAKSIMILE: 'Faksimile',
  EMAIL: 'Email',
  WEBSITE: 'Website',
  SURAT: 'Surat',
};

export type ChannelKind = 'LANGSUNG' | 'TAK_LANGSUNG';

/** SOP C.1 (pengaduan langsung) and C.2 (pengaduan tak langsung). */
export const CHANNEL_KIND: Record<Channel, ChannelKind> = {
  TATAP_MUKA: 'LANGSUNG',
  TELEPON: 'LANGSUNG',
  FAKSIMILE: 'TAK_LANGSUNG',
  EMAIL: 'TAK_LANGSUNG',
  WEBSITE: 'TAK_LANGSUNG',
  SURAT: 'TAK_LANGSUNG',
};

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** Civil-service echelons, I highest. V exists but ranks below IV. */
export const ESELON_LEVELS = ['I', 'II', 'III', 'IV', 'V'] as const;
export type Eselon = (typeof ESELON_LEVELS)[number];

// Echelons are often written with a sub-grade ("IV.a", "III b", "IVa"); the grade does not matter
// for the SOP rule, so it is accepted and ignored.
const ESELON_PATTERN = /^(I|II|III|IV|V)(?:[.\s-]?[AB])?$/;

/** The echelon of a value such as 'IV', 'iv.a' or 'III b'; undefined when unrecognised. */
export function parseEselon(value: string | null | undefined): Eselon | undefined {
  const match = ESELON_PATTERN.exec((value ?? '').trim().toUpperCase());
  return match ? (match[1] as Eselon) : undefined;
}

/** SOP C.1.a: a face-to-face complaint is received by an official of at least eselon IV (I..IV). */
export function meetsEselonIV(eselon: string | null | undefined): boolean {
  const level = parseEselon(eselon);
  return level !== undefined && level !== 'V';
}

/**
 * A user as far as being named the receiving official of a face-to-face complaint is concerned
 * (SOP C.1.a, "ditemui minimal pejabat eselon IV").
 */
export interface ReceivingOfficialFacts {
  fullName?: string | null;
  role?: string | null;
  unit?: string | null;
  eselon?: string | null;
  active?: boolean | null;
}

/**
 * Why this user cannot be named as the official who received a face-to-face complaint, or null when
 * they can. The official is whoever met the complainant, not whoever types the complaint in (the
 * front desk, LOKET, has no echelon and registers on the official's behalf). They must be an active
 * officer of the office (STAFF; the kecamatan and kelurahan apparatus do not receive complaints at
 * DPM-PTSP) of eselon I to IV.
 */
export function receivingOfficialProblem(official: ReceivingOfficialFacts): string | null {
  const name = official.fullName?.trim() || 'Pengguna ini';
  if (official.active === false) return `Pejabat penerima ${name} sudah nonaktif.`;
  if (
    official.role !== 'STAFF' ||
    !official.unit ||
    (AREA_UNITS as readonly string[]).includes(official.unit)
  )
    return `Pejabat penerima pengaduan tatap muka harus pejabat DPM-PTSP; ${name} bukan.`;
  if (!meetsEselonIV(official.eselon))
    return `Pengaduan tatap muka wajib diterima pejabat minimal eselon IV (eselon I, II, III, atau IV); ${name} tidak memenuhi.`;
  return null;
}

export function isReceivingOfficial(official: ReceivingOfficialFacts): boolean {
  return receivingOfficialProblem(official) === null;
}

export { isValidNik } from './nik';

export interface IntakeInput {
  channel: Channel;
  complainant: {
    name: string;
    nik?: string;
    /** The address as one line (any channel). */
    address?: string;
    /** The address as a KTP has it, part by part; an alternative to `address`, not both. */
    ktpAddress?: KtpAddress;
    phone?: string;
    email?: string;
  };
  description: string;
  evidence: string[];
  /** The official who received a face-to-face complaint (SOP C.1.a); only for TATAP_MUKA. */
  receivingOfficial?: ReceivingOfficialFacts | null;
  /** BIASA (default), RAHASIA or ANONIM (src/domain/identity-mode.ts). */
  identityMode?: string | null;
  /** The complainant's choice of notification (ANONIM allows only NONE). */
  notifyBy?: string | null;
}

export interface IntakeViolation {
  field: string;
  rule: string;
  message: string;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** The address of a complainant as one line: the KTP parts composed, else the free text. */
export function complainantAddressText(complainant: {
  address?: string | null;
  ktpAddress?: KtpAddress | null;
}): string | undefined {
  const text = complainant.ktpAddress ? composeKtpAddress(complainant.ktpAddress) : complainant.address;
  return text?.trim() || undefined;
}

/** The parts of the complainant's KTP address that are missing, from the parts or else the text. */
function missingAddressParts(complainant: Partial<IntakeInput['complainant']>): KtpAddressPart[] {
  return complainant.ktpAddress
    ? missingKtpAddressParts(complainant.ktpAddress)
    : missingInKtpAddressText(complainant.address);
}

/**
 * The SOP's intake rules for a new complaint; an empty array means it may be registered.
 * Input arrives from HTTP, so values are checked defensively even where the type says otherwise.
 */
export function checkIntakeRules(input: IntakeInput): IntakeViolation[] {
  const out: IntakeViolation[] = [];
  const add = (field: string, rule: string, message: string) => out.push({ field, rule, message });
  const complainant = input.complainant ?? ({} as Partial<IntakeInput['complainant']>);
  // An anonymous complaint has no complainant to name or to answer by e-mail (identity-mode.ts).
  const anonymous = input.identityMode === 'ANONIM';

  if (!isChannel(input.channel)) {
    add('channel', 'CHANNEL_VALID', `Media pengaduan harus salah satu dari: ${CHANNELS.join(', ')}.`);
  }
  if (!anonymous && isBlank(complainant.name)) {
    add('complainant.name', 'NAME_REQUIRED', 'Nama pengadu wajib diisi.');
  }
  // SOP A: a complaint is a notice "disertai bukti awal" about the licensing service.
  if (isBlank(input.description)) {
    add('description', 'DESCRIPTION_REQUIRED', 'Uraian pengaduan wajib diisi.');
  }
  if (!Array.isArray(input.evidence) || input.evidence.every(isBlank)) {
    add('evidence', 'EVIDENCE_REQUIRED', 'Pengaduan wajib disertai minimal satu bukti awal.');
  }

  const official = input.receivingOfficial;
  if (input.channel === 'TATAP_MUKA') {
    const problem = official ? receivingOfficialProblem(official) : null;
    if (!official)
      add(
        'receivingOfficial',
        'TATAP_MUKA_OFFICIAL_REQUIRED',
        'Pengaduan tatap muka wajib mencantumkan pejabat yang menerimanya (minimal eselon IV).',
      );
    else if (problem) add('receivingOfficial', 'TATAP_MUKA_ESELON_IV', problem);
  } else if (official && isChannel(input.channel)) {
    add(
      'receivingOfficial',
      'RECEIVING_OFFICIAL_TATAP_MUKA_ONLY',
      'Pejabat penerima hanya dicatat untuk pengaduan tatap muka.',
    );
  }
  if (complainant.ktpAddress && !isBlank(complainant.address)) {
    add(
      'complainant.address',
      'ADDRESS_ONE_FORM',
      'Isi alamat sebagai satu baris (address) atau per bagian sesuai KTP (ktpAddress), tidak keduanya.',
    );
  }
  // SOP C.1.b: a phone complaint gives the address as the KTP has it, every part of it.
  const missing = input.channel === 'TELEPON' ? missingAddressParts(complainant) : [];
  if (missing.length > 0) {
    add(
      complainant.ktpAddress ? 'complainant.ktpAddress' : 'complainant.address',
      'TELEPON_KTP_ADDRESS',
      `Pengaduan melalui telepon wajib menyertakan alamat lengkap sesuai KTP; belum ada: ${listInBahasa(
        missing.map((part) => KTP_ADDRESS_LABELS[part]),
      )}.`,
    );
  }
  // An e-mail or a fax (SOP C.2.a, C.2.b) is answered the way it came: the channel implies the contact.
  if (input.channel === 'EMAIL' && !anonymous && isBlank(complainant.email)) {
    add(
      'complainant.email',
      'EMAIL_SENDER_ADDRESS',
      'Pengaduan melalui email wajib menyertakan alamat email pengirim.',
    );
  }
  if (input.channel === 'FAKSIMILE' && isBlank(complainant.phone)) {
    add(
      'complainant.phone',
      'FAKSIMILE_CONTACT_NUMBER',
      'Pengaduan melalui faksimile wajib menyertakan nomor faksimile atau nomor telepon pengirim untuk menjawabnya.',
    );
  }
  // A NIK that is given must be one (any channel), or the register holds a false identity.
  const nik = isBlank(complainant.nik) ? undefined : nikProblem(complainant.nik);
  if (input.channel === 'SURAT' && (isBlank(complainant.nik) || nik?.code === 'FORMAT')) {
    add(
      'complainant.nik',
      'SURAT_VALID_NIK',
      'Pengaduan melalui surat wajib dilengkapi NIK KTP pengadu yang sah (16 digit angka).',
    );
  } else if (nik?.code === 'FORMAT') {
    add('complainant.nik', 'NIK_FORMAT', nik.message);
  } else if (nik) {
    add('complainant.nik', 'NIK_VALID', nik.message);
  }
  out.push(...checkIdentityMode(input));
  return out;
}
