import type { PinoLogger } from 'nestjs-pino';
import { AreasService } from '../../../src/api/areas/areas.service';
import type { ReferenceDataCache } from '../../../src/api/reference-data/reference-data.cache';
import { apiErrorOf } from './fakes';
import { InMemoryAreaRepository } from './fakes-areas';

const admin = {
  sub: 'admin',
  username: 'admin',
  role: 'ADMIN',
  unit: null,
  area: null,
  eselon: null,
} as never;

function setup() {
  const areas = new InMemoryAreaRepository()
    .add('16.74.02', 'Cambai', 'KECAMATAN')
    .add('16.74.01', 'Prabumulih Barat', 'KECAMATAN')
    .add('16.74.01.1007', 'Patih Galung', 'KELURAHAN', '16.74.01')
    .add('16.74.02.2001', 'Cambai', 'KELURAHAN', '16.74.02')
    .add('16.74.01.1001', 'Gunung Ibul', 'KELURAHAN', '16.74.01');
  const changes: number[] = [];
  const referenceData = { changed: async () => void changes.push(1) } as unknown as ReferenceDataCache;
  const logger = { info: () => undefined } as unknown as PinoLogger;
  return { areas, changes, service: new AreasService(areas, referenceData, logger) };
}

describe('AreasService', () => {
  it('lists every kecamatan by code with its kelurahan under it', async () => {
    const { service } = setup();
    expect(await service.tree()).toEqual([
      {
        code: '16.74.01',
        name: 'Prabumulih Barat',
        kelurahan: [
          { code: '16.74.01.1001', name: 'Gunung Ibul' },
          { code: '16.74.01.1007', name: 'Patih Galung' },
        ],
      },
      { code: '16.74.02', name: 'Cambai', kelurahan: [{ code: '16.74.02.2001', name: 'Cambai' }] },
    ]);
  });

  it('stores the name with its spaces tidied, and makes every replica forget its copy', async () => {
    const { service, areas, changes } = setup();
    expect(await service.rename('16.74.01.1007', '  Patih   Galung  Baru ', admin)).toEqual({
      code: '16.74.01.1007',
      level: 'KELURAHAN',
      name: 'Patih Galung Baru',
      parentCode: '16.74.01',
    });
    expect(areas.rows.find((a) => a.code === '16.74.01.1007')?.name).toBe('Patih Galung Baru');
    expect(changes).toHaveLength(1);
  });

  it('refuses a name of spaces only (400) and an unknown code (404), changing nothing', async () => {
    const { service, areas, changes } = setup();
    expect(await apiErrorOf(service.rename('16.74.01.1007', '   ', admin))).toEqual({
      status: 400,
      message: 'Nama wilayah wajib diisi.',
    });
    expect(await apiErrorOf(service.rename('16.74.09', 'Baru', admin))).toEqual({
      status: 404,
      message: 'Kode wilayah tidak ditemukan di Kota Prabumulih.',
    });
    expect(areas.rows.find((a) => a.code === '16.74.01.1007')?.name).toBe('Patih Galung');
    expect(changes).toEqual([]);
  });
});
