/** What an evidence file may be, told by its content (magic bytes), never by its name alone. */
export const ALLOWED_TYPES = [
  { mimeType: 'image/jpeg', extension: 'jpg', label: 'JPEG', magic: [Buffer.from([0xff, 0xd8, 0xff])] },
  {
    mimeType: 'image/png',
    extension: 'png',
    label: 'PNG',
    magic: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  },
  { mimeType: 'application/pdf', extension: 'pdf', label: 'PDF', magic: [Buffer.from('%PDF-', 'ascii')] },
] as const;

export type AllowedType = (typeof ALLOWED_TYPES)[number];

export const ALLOWED_LABELS = ALLOWED_TYPES.map((t) => t.label).join(', ');

/** Declared types browsers use for the allowed ones. */
const MIME_ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };
/**
 * Declared types that say nothing about the content: the content decides. A multipart part without
 * a Content-Type is text/plain by default (RFC 7578), so text/plain says nothing either.
 */
const GENERIC_MIME_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'text/plain']);

/** The allowed type the content starts with, or undefined. */
export function detectType(content: Buffer): AllowedType | undefined {
  return ALLOWED_TYPES.find((t) =>
    t.magic.some((m) => content.length > m.length && content.subarray(0, m.length).equals(m)),
  );
}

export type TypeCheck = { ok: true; type: AllowedType } | { ok: false; message: string };

/**
 * Both the content and the declared type must be JPEG, PNG or PDF, and the same one: a program
 * renamed to `.png` is refused, and so is a PDF sent as `image/png`.
 */
export function checkType(content: Buffer, declaredMimeType: string | undefined): TypeCheck {
  const declared = normaliseMime(declaredMimeType);
  const detected = detectType(content);
  const declaredType = ALLOWED_TYPES.find((t) => t.mimeType === declared);
  if (!GENERIC_MIME_TYPES.has(declared) && !declaredType) {
    return {
      ok: false,
      message: `Jenis berkas ${declared} tidak diterima. Kirim berkas ${ALLOWED_LABELS} saja.`,
    };
  }
  if (!detected) {
    return {
      ok: false,
      message: `Isi berkas bukan ${ALLOWED_LABELS} yang sah. Kirim foto (JPEG/PNG) atau dokumen PDF.`,
    };
  }
  if (declaredType && declaredType !== detected) {
    return {
      ok: false,
      message: `Isi berkas (${detected.label}) tidak sesuai dengan jenis yang dinyatakan (${declaredType.label}). Periksa kembali berkasnya.`,
    };
  }
  return { ok: true, type: detected };
}

function normaliseMime(value: string | undefined): string {
  const bare = (value ?? '').split(';')[0].trim().toLowerCase();
  return MIME_ALIASES[bare] ?? bare;
}

const MAX_NAME_LENGTH = 150;

/**
 * The client's file name made safe to store and show: the last path segment only (no `../`), no
 * control or markup characters, no leading dots, at most 150 characters, ending in the extension
 * of the type the content really has. It is only ever shown, never used as a path.
 */
export function safeFileName(original: string | undefined, type: AllowedType): string {
  const lastSegment = (original ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}\p{Pd} ._()+,]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  const dot = name.lastIndexOf('.');
  let base = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const fitting =
    extension === type.extension || (type.extension === 'jpg' && extension === 'jpeg')
      ? extension
      : type.extension;
  base = base.replace(/[\s.]+$/, '').slice(0, MAX_NAME_LENGTH - fitting.length - 1);
  if (!base) base = 'bukti';
  name = `${base}.${fitting}`;
  return name;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the exact name (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
