import { complainantChannel, type NotifyBy } from '../notifications/notify-by';

/**
 * How the complainant will hear of progress, as the receipt tells them: the dispatcher's rule
 * (complainantChannel: the choice, else e-mail, else the phone, else the desk).
 */
export function howTold(form: { notifyBy: string; email: string; phone: string }): string {
  const email = form.email.trim();
  const phone = form.phone.trim();
  switch (complainantChannel((form.notifyBy || null) as NotifyBy | null, { email, phone })) {
    case 'NONE':
      return 'Pengadu memilih tidak diberi tahu: perkembangan dapat dipantau dengan kode pelacakan.';
    case 'EMAIL':
      return `Perkembangan dikirim ke email ${email}.`;
    case 'WHATSAPP':
      return `Perkembangan dikirim melalui WhatsApp ke ${phone}.`;
    case 'SMS':
      return `Perkembangan dikirim melalui SMS ke ${phone}.`;
    case 'DESK':
      return (
        'Pengadu tidak memberikan kontak: perkembangan disampaikan melalui loket ini. Tanyakan di loket ' +
        '(langsung atau melalui telepon kantor) atau pantau dengan kode pelacakan.'
      );
  }
}
