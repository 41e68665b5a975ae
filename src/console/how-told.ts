/**
 * How the complainant will hear of progress, as the receipt tells them (the dispatcher's rule in
 * src/notifications/notification-delivery.ts: the choice, else e-mail, else the phone, else the desk).
 */
export function howTold(form: { notifyBy: string; email: string; phone: string }): string {
  const email = form.email.trim();
  const phone = form.phone.trim();
  if (form.notifyBy === 'NONE')
    return 'Pengadu memilih tidak diberi tahu: perkembangan dapat dipantau dengan kode pelacakan.';
  if (form.notifyBy === 'EMAIL' || (!form.notifyBy && email))
    return `Perkembangan dikirim ke email ${email}.`;
  if (form.notifyBy === 'WHATSAPP') return `Perkembangan dikirim melalui WhatsApp ke ${phone}.`;
  if (form.notifyBy === 'SMS' || phone) return `Perkembangan dikirim melalui SMS ke ${phone}.`;
  return (
    'Pengadu tidak memberikan kontak: perkembangan disampaikan melalui loket ini. Tanyakan di loket ' +
    '(langsung atau melalui telepon kantor) atau pantau dengan kode pelacakan.'
  );
}
