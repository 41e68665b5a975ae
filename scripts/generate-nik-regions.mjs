// Writes src/domain/nik-regions.json: the province and regency (kabupaten/kota) codes a NIK may
// start with, for the NIK check of src/domain/nik.ts (which must not read files: it runs in the
// workflow bundle and in the browser).
//
// Source: the CSV files of the `idn-area-data` package (a dependency of the project, MIT; data
// ODbL), which restates the Kemendagri codes (Keputusan Menteri Dalam Negeri on Pemberian dan
// Pemutakhiran Kode, Data Wilayah Administrasi Pemerintahan, dan Pulau: No. 100.1.1-6117 Tahun 2022,
// and No. 300.2.2-2138 Tahun 2025, whose province and regency codes are the same). Run it again after
// upgrading that package: `node scripts/generate-nik-regions.mjs`; the unit test
// test/unit/domain/nik.test.ts fails while the JSON and the package disagree.
//
// A NIK keeps the regency code it was issued under. So the codes of regencies that later moved to a
// new province stay valid: those codes are listed below as RETIRED, each no longer in the current list.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const packageDir = dirname(require.resolve('idn-area-data/package.json'));
const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

/** Regency codes (PPRR) whose regencies moved to a newer province; cards issued before keep them. */
export const RETIRED = {
  // Kalimantan Utara (65) formed from Kalimantan Timur (64), UU 20/2012: Bulungan, Nunukan, Malinau,
  // Tana Tidung and Kota Tarakan had 64.04, 64.05, 64.06, 64.10 and 64.73.
  64: ['6404', '6405', '6406', '6410', '6473'],
  // Sulawesi Barat (76) formed from Sulawesi Selatan (73), UU 26/2004.
  73: ['7319', '7320', '7321', '7323', '7325'],
  // Papua Selatan (93), Papua Tengah (94), Papua Pegunungan (95), UU 14-16/2022: the regencies they
  // took from Papua (91) had 91.01-91.28 (those not still in Papua).
  91: [
    '9101',
    '9102',
    '9104',
    '9107',
    '9108',
    '9109',
    '9112',
    '9113',
    '9114',
    '9116',
    '9117',
    '9118',
    '9121',
    '9122',
    '9123',
    '9124',
    '9125',
    '9126',
    '9127',
    '9128',
  ],
  // Papua Barat Daya (96), UU 29/2022: Sorong, Sorong Selatan, Raja Ampat, Tambrauw, Maybrat and
  // Kota Sorong had 92.01, 92.04, 92.05, 92.09, 92.10 and 92.71 in Papua Barat (92).
  92: ['9201', '9204', '9205', '9209', '9210', '9271'],
};

function rows(file) {
  const [header, ...lines] = readFileSync(join(packageDir, 'data', file), 'utf8')
    .trim()
    .split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    // The codes come first and never contain commas or quotes; names may, and are not used for regencies.
    const fields = line.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, fields[i]]));
  });
}

export function nikRegions() {
  const provinces = Object.fromEntries(
    rows('provinces.csv').map((r) => [r.code, r.name.replace(/^"|"$/g, '')]),
  );
  const current = rows('regencies.csv').map((r) => r.code.replace('.', ''));
  const retired = Object.values(RETIRED).flat();
  for (const code of retired) {
    if (current.includes(code)) throw new Error(`${code} is listed as retired but is a current code`);
    if (!provinces[code.slice(0, 2)]) throw new Error(`${code}: unknown province`);
  }
  return {
    source: `Kemendagri codes from idn-area-data ${version}, and retired codes; made by scripts/generate-nik-regions.mjs`,
    provinces,
    regencies: [...current, ...retired].sort(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(root, 'src/domain/nik-regions.json');
  writeFileSync(out, `${JSON.stringify(nikRegions(), null, 2)}\n`);
  console.log(`wrote ${out}`);
}
