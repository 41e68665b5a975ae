import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { AreaRepository } from '../../db/repositories/area.repository';
import type { Principal } from '../auth/principal';
import { badRequest, notFound } from '../common/api-error';
import { ReferenceDataCache } from '../reference-data/reference-data.cache';
import type { AreaDto, KecamatanDto } from './areas.dto';

/** The kecamatan and kelurahan of Kota Prabumulih (master data from idn-area-data, corrected by admins). */
@Injectable()
export class AreasService {
  constructor(
    private readonly areas: AreaRepository,
    private readonly referenceData: ReferenceDataCache,
    @InjectPinoLogger(AreasService.name) private readonly logger: PinoLogger,
  ) {}

  /** Every kecamatan with its kelurahan/desa, both by Kemendagri code. */
  async tree(): Promise<KecamatanDto[]> {
    const rows = await this.areas.findAll();
    const kecamatan = rows
      .filter((a) => a.level === 'KECAMATAN')
      .map((a): KecamatanDto => ({ code: a.code, name: a.name, kelurahan: [] }));
    const byCode = new Map(kecamatan.map((k) => [k.code, k]));
    for (const a of rows) {
      if (a.level === 'KELURAHAN' && a.parentCode) {
        byCode.get(a.parentCode)?.kelurahan.push({ code: a.code, name: a.name });
      }
    }
    return kecamatan;
  }

  /** An admin corrects the name of an area; its code (what records refer to) never changes. */
  async rename(code: string, name: string, admin: Principal): Promise<AreaDto> {
    const trimmed = name.trim().replace(/\s+/g, ' ');
    if (!trimmed) throw badRequest('Nama wilayah wajib diisi.');
    const renamed = await this.areas.rename(code, trimmed);
    if (!renamed) throw notFound('Kode wilayah tidak ditemukan di Kota Prabumulih.');
    const { area, before } = renamed;
    await this.referenceData.changed();
    this.logger.info({ code, from: before, to: trimmed, by: admin.username }, 'area renamed');
    return {
      code: area.code,
      level: area.level as AreaDto['level'],
      name: area.name,
      parentCode: area.parentCode ?? null,
    };
  }
}
