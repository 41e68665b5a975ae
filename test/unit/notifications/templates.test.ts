import { loadConfig } from '../../../src/config/config';
import { complainantTarget } from '../../../src/notifications/notification-delivery';
import { notifyByProblem } from '../../../src/notifications/notify-by';
import { composeEmail, composeShortMessage, type MessageInput } from '../../../src/notifications/templates';

const complaint = {
  registerNumber: '2026/11/0042',
  trackingCode: 'K7QX2M9TPA',
  complainantName: 'Budi <Santoso>',
  dueAt: new Date('2026-12-11T16:59:59.999Z'),
  response: 'Biaya resmi Rp0; izin terbit 3 hari kerja.',
};
const base: MessageInput = {
  kind: 'RESOLVED',
  recipient: 'COMPLAINANT',
  subject: 'Tanggapan atas pengaduan 2026/11/0042',
  body: 'Pengaduan Anda dengan nomor register 2026/11/0042 telah selesai ditangani dan ditanggapi.',
  complaint,
  publicUrl: 'https://pengaduan.example.go.id',
};

describe('message templates', () => {
  it('makes the plain text and the HTML from the same parts, escaping what came from people', () => {
    const mail = composeEmail(base);
    expect(mail.subject).toBe(base.subject);
    expect(mail.text).toContain('Yth. Bapak/Ibu Budi <Santoso>,');
    expect(mail.text).toContain('Tanggapan:\n\nBiaya resmi Rp0; izin terbit 3 hari kerja.');
    expect(mail.text).toContain('Lacak perkembangan: https://pengaduan.example.go.id/lacak?kode=K7QX2M9TPA');
    expect(mail.text).not.toContain('Batas waktu'); // resolved: no deadline any more
    expect(mail.html).toContain('Yth. Bapak/Ibu Budi &lt;Santoso&gt;,');
    expect(mail.html).not.toContain('<Santoso>');
    expect(mail.html).toContain('<a href="https://pengaduan.example.go.id/lacak?kode=K7QX2M9TPA">');
  });

  it("asks the complainant to rate the handling, with a link to the tracking page's rating form", () => {
    const mail = composeEmail(base);
    expect(mail.text).toContain('Mohon beri penilaian (1 Tidak baik, 2 Kurang baik, 3 Baik, 4 Sangat baik)');
    expect(mail.text).toContain(
      'Beri penilaian: https://pengaduan.example.go.id/lacak?kode=K7QX2M9TPA#penilaian',
    );
    expect(mail.html).toContain('<a href="https://pengaduan.example.go.id/lacak?kode=K7QX2M9TPA#penilaian">');
    // Only the response asks for a rating, and only the complainant is asked.
    for (const other of [
      { ...base, kind: 'REGISTERED' },
      { ...base, kind: 'REJECTED' },
    ]) {
      expect(composeEmail(other).text).not.toContain('penilaian');
      expect(composeShortMessage(other)).not.toContain('penilaian');
    }
    expect(composeEmail({ ...base, recipient: 'SEKSI_PENGADUAN' }).text).not.toContain('penilaian');
  });

  it('tells the complainant of an answer that one objection is possible within 14 days, and not after one', () => {
    for (const kind of ['RESOLVED', 'REJECTED']) {
      const text = composeEmail({ ...base, kind }).text;
      expect(text).toContain('dapat mengajukan keberatan satu kali, paling lambat 14 hari setelah pesan ini');
      expect(text).toContain(
        kind === 'RESOLVED' ? 'tidak puas dengan tanggapan ini' : 'tidak puas dengan penolakan ini',
      );
    }
    expect(composeEmail({ ...base, kind: 'REGISTERED' }).text).not.toContain('keberatan');
    expect(composeEmail({ ...base, recipient: 'SEKSI_PENGADUAN' }).text).not.toContain('keberatan');
    // The answer of an objection's round: the one objection was used.
    const second = { ...base, complaint: { ...complaint, objectedAt: new Date('2026-12-03T02:00:00Z') } };
    expect(composeEmail(second).text).not.toContain('mengajukan keberatan');
  });

  it('greets units by their SOP name and gives them no tracking link', () => {
    const mail = composeEmail({ ...base, kind: 'OVERDUE', recipient: 'KABID_PENGADUAN' });
    expect(mail.text).toMatch(/^Yth\. Kabid Pengaduan, Kebijakan dan Pelaporan Layanan,/);
    expect(mail.text).toContain('Batas waktu tanggapan: 11 Des 2026 23.59 WIB');
    expect(mail.text).not.toContain('kode=');
    expect(mail.text).not.toContain('Budi');
  });

  it('keeps SMS/WhatsApp texts short and free of the name', () => {
    const text = composeShortMessage(base);
    expect(text).toBe(
      'DPM-PTSP Prabumulih: pengaduan 2026/11/0042 telah ditanggapi. Baca tanggapan dan beri penilaian: https://pengaduan.example.go.id/lacak?kode=K7QX2M9TPA#penilaian',
    );
    expect(text.length).toBeLessThanOrEqual(160);
    expect(composeShortMessage({ ...base, kind: 'REGISTERED' })).toContain(
      'Ditanggapi paling lambat 11 Des 2026.',
    );
  });
});

describe("the complainant's choice of channel", () => {
  const c = (notifyBy: string | null, email: string | null, phone: string | null) => ({
    notifyBy,
    complainantEmail: email,
    complainantPhone: phone,
  });
  it('follows the choice, else e-mail, else phone, else the front desk', () => {
    expect(complainantTarget(c('WHATSAPP', 'a@b.id', '0812'))).toEqual({ channel: 'WHATSAPP', to: '0812' });
    expect(complainantTarget(c(null, 'a@b.id', '0812'))).toEqual({ channel: 'EMAIL', to: ['a@b.id'] });
    expect(complainantTarget(c(null, null, '0812'))).toEqual({ channel: 'SMS', to: '0812' });
    expect(complainantTarget(c(null, null, null))).toEqual({
      skip: 'Pengadu tidak memberikan kontak: diberitahu melalui loket.',
      atDesk: true,
    });
    expect(complainantTarget(c('NONE', 'a@b.id', null))).toEqual({
      skip: 'Pengadu memilih tidak menerima pemberitahuan.',
    });
    expect(() => complainantTarget(c('EMAIL', null, '0812'))).toThrow('tidak memberikan alamat email');
  });
  it('is refused at intake when the contact it needs is missing', () => {
    expect(notifyByProblem('EMAIL', { phone: '0812' })).toBe(
      'Pemberitahuan melalui email memerlukan alamat email pengadu.',
    );
    expect(notifyByProblem('SMS', { email: 'a@b.id' })).toContain('nomor telepon');
    expect(notifyByProblem('NONE', {})).toBeNull();
    expect(notifyByProblem(undefined, {})).toBeNull();
  });
});

describe('notification settings', () => {
  it('reads SMTP, sender, links, gateway and the Sekda', () => {
    const n = loadConfig({
      SMTP_URL: 'smtps://user:pw@mail.example.go.id:465',
      PUBLIC_URL: 'https://pengaduan.example.go.id/',
      MESSAGE_GATEWAY_URL: 'https://gw.example.go.id/kirim',
      MESSAGE_GATEWAY_SECRET: 'a-long-enough-secret',
      SEKDA_EMAIL: 'sekda@example.go.id, tu.sekda@example.go.id',
    }).notifications;
    expect(n).toMatchObject({
      smtpUrl: 'smtps://user:pw@mail.example.go.id:465',
      publicUrl: 'https://pengaduan.example.go.id',
      gateway: { url: 'https://gw.example.go.id/kirim', secret: 'a-long-enough-secret' },
      sekdaEmails: ['sekda@example.go.id', 'tu.sekda@example.go.id'],
      maxAttempts: 10,
    });
    expect(loadConfig({ PORT: '3100' }).notifications).toMatchObject({
      smtpUrl: null,
      publicUrl: 'http://localhost:3100',
      gateway: null,
    });
  });
  it('refuses a bad SMTP URL and a gateway without its secret', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(
      'SMTP_URL: must be an smtp:// or smtps:// URL',
    );
    expect(() => loadConfig({ MESSAGE_GATEWAY_URL: 'https://gw.example' })).toThrow(
      'MESSAGE_GATEWAY_SECRET: must be set with MESSAGE_GATEWAY_URL',
    );
  });
});
