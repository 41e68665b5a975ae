// Workflow-safe: the address as a KTP (Indonesian identity card) has it.

/**
 * The address block of a KTP: "Alamat" (street and house number, or the dusun), "RT/RW",
 * "Kel/Desa", "Kecamatan", and the kabupaten/kota in the card's heading. The province is left out:
 * the kabupaten/kota names it.
 */
export interface KtpAddress {
  street?: string;
  rt?: string;
  rw?: string;
  kelurahan?: string;
  kecamatan?: string;
  city?: string;
}

export type KtpAddressPart = keyof KtpAddress;

export const KTP_ADDRESS_PARTS: readonly KtpAddressPart[] = [
  'street',
  'rt',
  'rw',
  'kelurahan',
  'kecamatan',
  'city',
];

/** Each part as a message names it, in Bahasa Indonesia. */
export const KTP_ADDRESS_LABELS: Record<KtpAddressPart, string> = {
  street: 'jalan dan nomor rumah (atau dusun)',
  rt: 'RT',
  rw: 'RW',
  kelurahan: 'kelurahan/desa',
  kecamatan: 'kecamatan',
  city: 'kabupaten/kota',
};

/** RT and RW are numbers of one to three digits ("002"; "000" where a village has none). */
export const RT_RW_PATTERN = /^\d{1,3}$/;

function filled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The parts of a structured address that are missing (blank, or an RT/RW that is not a number). */
export function missingKtpAddressParts(address: KtpAddress | null | undefined): KtpAddressPart[] {
  const a = (address ?? {}) as Record<KtpAddressPart, unknown>;
  return KTP_ADDRESS_PARTS.filter((part) => {
    const value = a[part];
    if (!filled(value)) return true;
    return (part === 'rt' || part === 'rw') && !RT_RW_PATTERN.test(value.trim());
  });
}

// How each part is written in a free-text address: "Jl. Mawar No. 5 RT 02 RW 03, Kel. Gunung Ibul,
// Kec. Prabumulih Timur, Kota Prabumulih", "Dusun II RT/RW 001/002 Desa Karang Bindu Kec. Rambang
// Kab. Muara Enim". A keyword must be followed by a name (or, for RT/RW, a number).
const NAME = String.raw`\.?\s*:?\s*[\p{L}\p{N}]`;
const TEXT_PATTERNS: Record<KtpAddressPart, RegExp[]> = {
  street: [
    new RegExp(
      String.raw`(?<![\p{L}])(?:jl|jln|jalan|gg|gang|lr|lrg|lorong|dusun|dsn|komp|komplek|kompleks|perum|perumahan|blok|no|nomor)(?![\p{L}])${NAME}`,
      'iu',
    ),
  ],
  rt: [/(?<!\p{L})RT(?!\p{L})\.?\s*:?\s*\d{1,3}/iu, /(?<!\p{L})RT\s*\/\s*RW(?!\p{L})\.?\s*:?\s*\d{1,3}/iu],
  rw: [
    /(?<!\p{L})RW(?!\p{L})\.?\s*:?\s*\d{1,3}/iu,
    /(?<!\p{L})RT\s*\/\s*RW(?!\p{L})\.?\s*:?\s*\d{1,3}\s*\/\s*\d{1,3}/iu,
    /(?<!\p{L})RT(?!\p{L})\.?\s*:?\s*\d{1,3}\s*\/\s*\d{1,3}/iu,
  ],
  kelurahan: [
    new RegExp(String.raw`(?<![\p{L}])(?:kel|kelurahan|desa|ds)(?![\p{L}])(?:\.?\s*\/\s*desa)?${NAME}`, 'iu'),
  ],
  kecamatan: [new RegExp(String.raw`(?<![\p{L}])(?:kec|kecamatan)(?![\p{L}])${NAME}`, 'iu')],
  city: [new RegExp(String.raw`(?<![\p{L}])(?:kab|kabupaten|kota|kotamadya|kodya)(?![\p{L}])${NAME}`, 'iu')],
};

/**
 * The parts missing from a free-text address, found by their usual keywords (Jl./Dusun, RT, RW,
 * Kel./Desa, Kec., Kab./Kota). For clients that send the address as one line; the console sends
 * the parts (KtpAddress).
 */
export function missingInKtpAddressText(text: string | null | undefined): KtpAddressPart[] {
  const value = typeof text === 'string' ? text : '';
  return KTP_ADDRESS_PARTS.filter((part) => !TEXT_PATTERNS[part].some((p) => p.test(value)));
}

/** "a, b dan c". */
export function listInBahasa(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}

/**
 * The address as one line, as records, reports and letters show it:
 * "Jl. Mawar No. 5, RT 002/RW 003, Kel/Desa Gunung Ibul, Kec. Prabumulih Timur, Kota Prabumulih".
 * Parts left blank are left out.
 */
export function composeKtpAddress(address: KtpAddress): string {
  const part = (key: KtpAddressPart) => (typeof address[key] === 'string' ? address[key].trim() : '');
  const number = (value: string) => (RT_RW_PATTERN.test(value) ? value.padStart(3, '0') : value);
  const rt = part('rt');
  const rw = part('rw');
  const rtRw =
    rt && rw ? `RT ${number(rt)}/RW ${number(rw)}` : rt ? `RT ${number(rt)}` : rw ? `RW ${number(rw)}` : '';
  return [
    part('street'),
    rtRw,
    part('kelurahan') && `Kel/Desa ${part('kelurahan')}`,
    part('kecamatan') && `Kec. ${part('kecamatan')}`,
    part('city'),
  ]
    .filter(Boolean)
    .join(', ');
}
