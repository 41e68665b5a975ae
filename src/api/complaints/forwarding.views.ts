import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, type Agency } from '../../domain/agencies';

/** An agency a complaint that is not DPM-PTSP's business can be forwarded to. */
export class AgencyView {
  @ApiProperty({ example: 'DPUPR' }) code!: string;
  @ApiProperty({ example: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih' }) name!: string;
  @ApiProperty({
    enum: ['OPD', 'NASIONAL', 'VERTIKAL'],
    enumName: 'AgencyKind',
    description: 'OPD: perangkat daerah Kota Prabumulih; NASIONAL: SP4N-LAPOR!; VERTIKAL: instansi lain',
  })
  kind!: Agency['kind'];
}

/** Where a forwarded complaint ("bukan wewenang") went, why, and under which outgoing letter. */
export class ForwardedView {
  @ApiProperty({ example: 'DPUPR' }) agency!: string;
  @ApiProperty({ example: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih' }) agencyName!: string;
  @ApiProperty({ example: 'Jalan rusak di depan pasar adalah urusan pekerjaan umum, bukan perizinan.' })
  reason!: string;
  @ApiProperty({ example: '500.16/123/DPMPTSP/2026', description: 'Nomor surat keluar' })
  letterNumber!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Pengguna yang meneruskan' })
  forwardedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) forwardedAt!: string;
}

export function agencyViews(): AgencyView[] {
  return AGENCIES.map((a) => ({ code: a.code, name: a.name, kind: a.kind }));
}

/** The forwarding of a complaint, from its FORWARDED timeline event (null if it was not forwarded). */
export function forwardedOf(
  events: readonly {
    type: string;
    actor?: string | null;
    at: Date;
    details?: Record<string, unknown> | null;
  }[],
): ForwardedView | null {
  const event = events.find((e) => e.type === 'FORWARDED');
  if (!event) return null;
  const d = event.details ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    agency: text(d.agency),
    agencyName: text(d.agencyName) || text(d.agency),
    reason: text(d.reason),
    letterNumber: text(d.letterNumber),
    forwardedBy: event.actor ?? null,
    forwardedAt: event.at.toISOString(),
  };
}
