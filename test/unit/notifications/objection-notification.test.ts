import { renderNotification } from '../../../activities/notification-templates';
import { composeEmail, composeShortMessage } from '../../../src/notifications/templates';

const data = {
  registerNumber: '2026/12/0007',
  dueAt: '2026-12-16T16:59:59.999Z',
  previousStatus: 'RESOLVED',
};

describe('objection (keberatan) notifications', () => {
  it("acknowledges the complainant's objection with the new deadline", () => {
    const { subject, body } = renderNotification('OBJECTED', 'COMPLAINANT', data);
    expect(subject).toBe('Keberatan atas pengaduan 2026/12/0007 telah diterima');
    expect(body).toBe(
      'Keberatan Anda atas tanggapan pengaduan 2026/12/0007 telah kami terima. Pengaduan diperiksa kembali dan akan ditanggapi paling lambat 16 Des 2026 23.59 WIB.',
    );
    const email = composeEmail({
      kind: 'OBJECTED',
      recipient: 'COMPLAINANT',
      subject,
      body,
      complaint: {
        registerNumber: '2026/12/0007',
        trackingCode: 'K7QX2M9TPA',
        complainantName: 'Siti',
        dueAt: new Date(data.dueAt),
      },
      publicUrl: 'https://pengaduan.example',
    });
    expect(email.text).toContain('Batas waktu tanggapan: 16 Des 2026 23.59 WIB');
    expect(email.text).toContain('https://pengaduan.example/lacak?kode=K7QX2M9TPA');
  });

  it('asks Seksi Pengaduan to triage again, naming what was objected to', () => {
    const { subject, body } = renderNotification('OBJECTED', 'SEKSI_PENGADUAN', {
      ...data,
      previousStatus: 'REJECTED',
    });
    expect(subject).toBe('Keberatan atas pengaduan 2026/12/0007 menunggu triase');
    expect(body).toMatch(
      /^Pengadu mengajukan keberatan atas penolakan pengaduan 2026\/12\/0007; .*ditriase ulang/,
    );
  });

  it('keeps the SMS short, with the tracking link', () => {
    const sms = composeShortMessage({
      kind: 'OBJECTED',
      recipient: 'COMPLAINANT',
      subject: 'Keberatan atas pengaduan 2026/12/0007 telah diterima',
      body: '',
      complaint: { registerNumber: '2026/12/0007', trackingCode: 'K7QX2M9TPA', complainantName: 'Siti' },
      publicUrl: 'https://pengaduan.example',
    });
    expect(sms).toBe(
      'DPM-PTSP Prabumulih: Keberatan atas pengaduan 2026/12/0007 telah diterima. Lacak: https://pengaduan.example/lacak?kode=K7QX2M9TPA',
    );
  });
});
