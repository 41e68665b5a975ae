/** In-memory stand-in for the area repository (areas, workload). */
import { Area } from '../../../src/db/entities';
import { AreaRepository } from '../../../src/db/repositories/area.repository';

export class InMemoryAreaRepository extends AreaRepository {
  readonly rows: Area[] = [];

  constructor() {
    super({} as never);
  }

  add(code: string, name: string, level: 'KECAMATAN' | 'KELURAHAN', parentCode: string | null = null): this {
    this.rows.push(Object.assign(new Area(), { code, name, level, parentCode }));
    return this;
  }

  override async findAll(): Promise<Area[]> {
    return [...this.rows].sort((a, b) => a.code.localeCompare(b.code));
  }

  override async findByCodes(codes: string[]): Promise<Area[]> {
    return this.rows.filter((a) => codes.includes(a.code));
  }

  override async rename(code: string, name: string): Promise<{ area: Area; before: string } | null> {
    const area = this.rows.find((a) => a.code === code);
    if (!area) return null;
    const before = area.name;
    area.name = name;
    return { area, before };
  }
}
