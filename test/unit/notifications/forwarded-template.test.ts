import { renderNotification } from '../../../activities/notification-templates';
import { composeEmail, composeShortMessage } from '../../../src/notifications/templates';

/** The complainant of a forwarded complaint ("bukan wewenang") is told where it went and why. */
describe('FORWARDED notification', () => {
  const data = {
    registerNumber: '2026/11/0042',
    dueAt: '2026-12-11T16:59:59.999Z',
    agency: 'DPUPR',
    agencyName: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih',
    reason: 'Jalan rusak adalah urusan pekerjaan umum',
    letterNumber: '500.16/123/DPMPTSP/2026',
  };
  const { subject, body } = renderNotification('FORWARDED', 'COMPLAINANT', data);

  it('names the agency, the outgoing letter and the reason', () => {
    expect(subject).toBe(
      'Pengaduan 2026/11/0042 diteruskan ke Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih',
    );
    expect(body).toContain('telah diteruskan kepada Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih');
    expect(body).toContain('dengan surat nomor 500.16/123/DPMPTSP/2026');
    expect(body).toContain('Alasan: Jalan rusak adalah urusan pekerjaan umum.');
  });

  it('gives the tracking link but no deadline any more, by e-mail and by short message', () => {
    const input = {
      kind: 'FORWARDED',
      recipient: 'COMPLAINANT',
      subject,
      body,
      complaint: {
        registerNumber: '2026/11/0042',
        trackingCode: 'K7QX2M9TPA',
        complainantName: 'Budi',
        dueAt: new Date(data.dueAt),
      },
      publicUrl: 'https://pengaduan.example.go.id',
    };
    const mail = composeEmail(input);
    expect(mail.text).toContain('Lacak perkembangan: https://pengaduan.example.go.id/lacak?kode=K7QX2M9TPA');
    expect(mail.text).not.toContain('Batas waktu');
    expect(composeShortMessage(input)).toBe(
      `DPM-PTSP Prabumulih: ${subject}. Lacak: https://pengaduan.example.go.id/lacak?kode=K7QX2M9TPA`,
    );
  });
});
