/**
 * The one set of message templates, in Bahasa Indonesia: an e-mail (plain text and HTML made from the
 * same parts) and a short text for SMS/WhatsApp. The outbox row carries the subject and the core
 * sentence (activities/notification-templates.ts, written when the workflow raised it); the
 * templates add the greeting, the register number, the due date, the tracking link for the
 * complainant, the response when there is one, and the footer.
 */
import { formatWibDate, formatWibDateTime } from '../domain/format';
import { OBJECTION_WINDOW_DAYS } from '../domain/objection';
import { isUnit, UNIT_LABELS } from '../domain/units';

export interface MessageInput {
  kind: string;
  /** A unit code, KEPALA_DAERAH, SEKRETARIS_DAERAH, ADMIN or COMPLAINANT. */
  recipient: string;
  subject: string;
  body: string;
  complaint?: {
    registerNumber: string;
    trackingCode: string;
    complainantName: string;
    dueAt?: Date | null;
    response?: string | null;
    /** Set once the complainant objected: no second objection is offered. */
    objectedAt?: Date | null;
  } | null;
  /** PUBLIC_URL without a trailing slash. */
  publicUrl: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const OFFICE = 'DPM-PTSP Kota Prabumulih';
const FOOTER =
  `Pesan ini dikirim otomatis oleh sistem pengaduan ${OFFICE}. Mohon tidak membalas email ini; ` +
  'hubungi loket pengaduan atau dpmptsp@kotaprabumulih.go.id bila ada pertanyaan.';

/** The tracking page's link for a tracking code. */
export function trackingUrl(publicUrl: string, trackingCode: string): string {
  return `${publicUrl}/lacak?kode=${encodeURIComponent(trackingCode)}`;
}

/** The tracking page opened at its rating form (the response message's link). */
export function ratingUrl(publicUrl: string, trackingCode: string): string {
  return `${trackingUrl(publicUrl, trackingCode)}#penilaian`;
}

function greeting(input: MessageInput): string | null {
  switch (input.recipient) {
    case 'COMPLAINANT':
      return input.complaint ? `Yth. Bapak/Ibu ${input.complaint.complainantName},` : 'Yth. Bapak/Ibu,';
    case 'KEPALA_DAERAH':
      return 'Yth. Bapak/Ibu Wali Kota Prabumulih,';
    case 'ADMIN':
      return 'Yth. Administrator sistem pengaduan,';
    case 'SEKRETARIS_DAERAH':
      return null; // the recap's text greets the Sekda itself
    default:
      return `Yth. ${isUnit(input.recipient) ? UNIT_LABELS[input.recipient] : input.recipient},`;
  }
}

type Part = { kind: 'p'; text: string } | { kind: 'facts'; rows: [string, string, string?][] };

/** The message as parts, shared by the plain text and the HTML. */
function parts(input: MessageInput): Part[] {
  const out: Part[] = [];
  const hello = greeting(input);
  if (hello) out.push({ kind: 'p', text: hello });
  out.push(...input.body.split(/\n{2,}/).map((text) => ({ kind: 'p' as const, text })));
  const c = input.complaint;
  if (c && input.kind !== 'TRACKING_CODE') {
    const rows: [string, string, string?][] = [['Nomor register', c.registerNumber]];
    if (c.dueAt && !['RESOLVED', 'REJECTED', 'FORWARDED'].includes(input.kind))
      rows.push(['Batas waktu tanggapan', formatWibDateTime(c.dueAt)]);
    if (input.recipient === 'COMPLAINANT') {
      rows.push(['Kode pelacakan', c.trackingCode]);
      const url = trackingUrl(input.publicUrl, c.trackingCode);
      rows.push(['Lacak perkembangan', url, url]);
    }
    out.push({ kind: 'facts', rows });
    if (input.kind === 'RESOLVED' && input.recipient === 'COMPLAINANT' && c.response)
      out.push({ kind: 'p', text: 'Tanggapan:' }, { kind: 'p', text: c.response });
    if (input.kind === 'RESOLVED' && input.recipient === 'COMPLAINANT') {
      const url = ratingUrl(input.publicUrl, c.trackingCode);
      out.push(
        {
          kind: 'p',
          text: 'Bagaimana penanganan pengaduan Anda? Mohon beri penilaian (1 Tidak baik, 2 Kurang baik, 3 Baik, 4 Sangat baik) dan komentar Anda melalui tautan berikut.',
        },
        { kind: 'facts', rows: [['Beri penilaian', url, url]] },
      );
    }
    if (
      (input.kind === 'RESOLVED' || input.kind === 'REJECTED') &&
      input.recipient === 'COMPLAINANT' &&
      !c.objectedAt
    )
      out.push({
        kind: 'p',
        text: `Bila Anda tidak puas dengan ${input.kind === 'RESOLVED' ? 'tanggapan' : 'penolakan'} ini, Anda dapat mengajukan keberatan satu kali, paling lambat ${OBJECTION_WINDOW_DAYS} hari setelah pesan ini, melalui halaman pelacakan di atas. Pengaduan Anda akan diperiksa kembali dengan batas waktu baru.`,
      });
  }
  if (input.kind === 'TRACKING_CODE')
    out.push({ kind: 'p', text: `Lacak pengaduan Anda di ${input.publicUrl}/lacak.` });
  out.push({ kind: 'p', text: `Hormat kami,\n${OFFICE}` });
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );
}

export function composeEmail(input: MessageInput): EmailContent {
  const ps = parts(input);
  const text = [
    ...ps.map((p) =>
      p.kind === 'p' ? p.text : p.rows.map(([label, value]) => `${label}: ${value}`).join('\n'),
    ),
    '--',
    FOOTER,
  ].join('\n\n');
  const html =
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>` +
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">' +
    ps
      .map((p) =>
        p.kind === 'p'
          ? `<p>${escapeHtml(p.text).replace(/\n/g, '<br>')}</p>`
          : `<table role="presentation" style="border-collapse:collapse">${p.rows
              .map(
                ([label, value, href]) =>
                  `<tr><th style="text-align:left;padding:2px 12px 2px 0;font-weight:normal;color:#555">${escapeHtml(label)}</th>` +
                  `<td style="padding:2px 0"><strong>${href ? `<a href="${escapeHtml(href)}">${escapeHtml(value)}</a>` : escapeHtml(value)}</strong></td></tr>`,
              )
              .join('')}</table>`,
      )
      .join('') +
    `<hr><p style="font-size:12px;color:#666">${escapeHtml(FOOTER)}</p></body></html>`;
  return { subject: input.subject, text, html };
}

/** SMS/WhatsApp: short, nothing personal beyond what the recipient gave (no name, no NIK). */
export function composeShortMessage(input: MessageInput): string {
  const c = input.complaint;
  const prefix = 'DPM-PTSP Prabumulih:';
  if (input.kind === 'TRACKING_CODE') return `${prefix} ${input.body.replace(/\s+/g, ' ').trim()}`;
  if (!c) return `${prefix} ${input.subject}.`;
  const link = trackingUrl(input.publicUrl, c.trackingCode);
  switch (input.kind) {
    case 'REGISTERED':
      return `${prefix} pengaduan ${c.registerNumber} diterima, kode lacak ${c.trackingCode}.${
        c.dueAt ? ` Ditanggapi paling lambat ${formatWibDate(c.dueAt)}.` : ''
      } ${link}`;
    case 'RESOLVED':
      return `${prefix} pengaduan ${c.registerNumber} telah ditanggapi. Baca tanggapan dan beri penilaian: ${ratingUrl(input.publicUrl, c.trackingCode)}`;
    case 'REJECTED':
      return `${prefix} pengaduan ${c.registerNumber} tidak dapat diproses. Alasannya: ${link}`;
    default:
      return `${prefix} ${input.subject}. Lacak: ${link}`;
  }
}
