import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KOTA_PRABUMULIH_CODE } from './location';

// NOT workflow-safe: reads the CSV files of the `idn-area-data` package. Its JS needs Node 22, its
// CSVs do not, so the files are parsed here instead of importing the package.

export { KOTA_PRABUMULIH_CODE };

export interface Kecamatan {
  code: string;
  name: string;
  kelurahan: { code: string; name: string }[];
}

function defaultDataDir(): string {
  return join(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/** Splits one CSV line; handles double-quoted fields (some village names contain commas). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

/** Rows of a CSV file (header `code,<parent>_code,name`) whose code starts with `prefix`. */
function readRows(file: string, prefix: string): { code: string; parent: string; name: string }[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/);
  const columns = parseCsvLine(header);
  const [codeAt, nameAt] = [columns.indexOf('code'), columns.indexOf('name')];
  const parentAt = columns.findIndex((c) => c.endsWith('_code'));
  if (codeAt < 0 || nameAt < 0 || parentAt < 0)
    throw new Error(`Unexpected CSV header in ${file}: ${header}`);
  return lines
    .filter((line) => line.startsWith(prefix))
    .map(parseCsvLine)
    .map((f) => ({ code: f[codeAt], parent: f[parentAt], name: f[nameAt].trim() }));
}

/**
 * The kecamatan of Kota Prabumulih with their kelurahan/desa, sorted by code, from the official
 * Kemendagri data shipped in `idn-area-data`. Meant for seeding master data an admin can correct.
 */
export function loadPrabumulihAreas(dataDir: string = defaultDataDir()): Kecamatan[] {
  const prefix = `${KOTA_PRABUMULIH_CODE}.`;
  const kecamatan = readRows(join(dataDir, 'districts.csv'), prefix)
    .filter((d) => d.parent === KOTA_PRABUMULIH_CODE)
    .map((d): Kecamatan => ({ code: d.code, name: d.name, kelurahan: [] }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const byCode = new Map(kecamatan.map((k) => [k.code, k]));
  for (const v of readRows(join(dataDir, 'villages.csv'), prefix)) {
    byCode.get(v.parent)?.kelurahan.push({ code: v.code, name: v.name });
  }
  for (const k of kecamatan) k.kelurahan.sort((a, b) => a.code.localeCompare(b.code));
  return kecamatan;
}
