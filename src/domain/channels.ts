// Workflow-safe: pure rules from SOP section C (tata cara pengaduan).
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

/**
 * Plausibility check of a NIK (KTP number), deliberately simple: exactly 16 ASCII digits, not all
 * zeros, and the first two digits (province code) between 11 and 99. The embedded birth date and
 * area codes are not checked: real cards carry odd values and rejecting a genuine KTP is worse.
 */
export function isValidNik(nik: string | null | undefined): boolean {
  if (typeof nik !== 'string' || !/^\d{16}$/.test(nik) || /^0+$/.test(nik)) return false;
  return Number(nik.slice(0, 2)) >= 11;
}

/**
 * A KTP address shorter than this is a placeholder ('-', 'Kota', 'Jl. A'), not the full address
 * (street, RT/RW, kelurahan, kecamatan) the SOP asks for with phone complaints.
 */
export const MIN_KTP_ADDRESS_LENGTH = 10;

export interface IntakeInput {
  channel: Channel;
  complainant: { name: string; nik?: string; address?: string; phone?: string; email?: string };
  description: string;
  evidence: string[];
  /** The official who received a face-to-face complaint (SOP C.1.a); only for TATAP_MUKA. */
  receivingOfficial?: ReceivingOfficialFacts | null;
}

export interface IntakeViolation {
  field: string;
  rule: string;
  message: string;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function isFullAddress(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length >= MIN_KTP_ADDRESS_LENGTH;
}

/**
 * The SOP's intake rules for a new complaint; an empty array means it may be registered.
 * Input arrives from HTTP, so values are checked defensively even where the type says otherwise.
 */
export function checkIntakeRules(input: IntakeInput): IntakeViolation[] {
  const out: IntakeViolation[] = [];
  const add = (field: string, rule: string, message: string) => out.push({ field, rule, message });
  const complainant = input.complainant ?? ({} as Partial<IntakeInput['complainant']>);

  if (!isChannel(input.channel)) {
    add('channel', 'CHANNEL_VALID', `Media pengaduan harus salah satu dari: ${CHANNELS.join(', ')}.`);
  }
  if (isBlank(complainant.name)) {
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
  if (input.channel === 'TELEPON' && !isFullAddress(complainant.address)) {
    add(
      'complainant.address',
      'TELEPON_KTP_ADDRESS',
      'Pengaduan melalui telepon wajib menyertakan alamat lengkap sesuai KTP.',
    );
  }
  if (input.channel === 'SURAT' && !isValidNik(complainant.nik)) {
    add(
      'complainant.nik',
      'SURAT_VALID_NIK',
      'Pengaduan melalui surat wajib dilengkapi NIK KTP pengadu yang sah (16 digit angka).',
    );
  } else if (!isBlank(complainant.nik) && !isValidNik(complainant.nik)) {
    // Any channel: a NIK that is given must be one, or the register holds a false identity.
    add('complainant.nik', 'NIK_FORMAT', 'NIK harus terdiri dari 16 digit angka sesuai KTP.');
  }
  return out;
}
