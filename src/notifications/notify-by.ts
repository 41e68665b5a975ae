/** How a complainant wants to be told of their complaint's progress (the form's and the desk's choice). */
export const NOTIFY_BY = ['EMAIL', 'SMS', 'WHATSAPP', 'NONE'] as const;
export type NotifyBy = (typeof NOTIFY_BY)[number];

/** Why a choice cannot be honoured with the contact given (Bahasa Indonesia), or null. */
export function notifyByProblem(
  notifyBy: NotifyBy | undefined | null,
  contact: { email?: string | null; phone?: string | null },
): string | null {
  if (notifyBy === 'EMAIL' && !contact.email?.trim())
    return 'Pemberitahuan melalui email memerlukan alamat email pengadu.';
  if ((notifyBy === 'SMS' || notifyBy === 'WHATSAPP') && !contact.phone?.trim())
    return 'Pemberitahuan melalui SMS/WhatsApp memerlukan nomor telepon pengadu.';
  return null;
}

/**
 * How the complainant is told: their choice, else e-mail if given, else the phone (SMS), else by the
 * front desk (no contact at all). The dispatcher sends by it; the desk's receipt says it.
 */
export function complainantChannel(
  notifyBy: NotifyBy | undefined | null,
  contact: { email?: string | null; phone?: string | null },
): NotifyBy | 'DESK' {
  if (notifyBy) return notifyBy;
  if (contact.email) return 'EMAIL';
  if (contact.phone) return 'SMS';
  return 'DESK';
}
