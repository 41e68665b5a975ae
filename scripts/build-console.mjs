// Builds the staff console (src/console/) into dist/console/, served by the API at /staf:
// one minified ES module bundle (Preact + the app), one stylesheet and index.html. No inline script
// or style, so the pages run under the API's strict Content-Security-Policy.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src/console');
const out = path.join(root, 'dist/console');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: [path.join(src, 'main.tsx')],
  bundle: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  sourcemap: true,
  // Content hashes in the names: a new build is never mixed with a cached old one.
  entryNames: 'app-[hash]',
  assetNames: 'asset-[hash]',
  outdir: out,
  metafile: true,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
});

const outputs = Object.keys(result.metafile.outputs).map((f) => path.relative(out, path.join(root, f)));
const script = outputs.find((f) => f.endsWith('.js'));
const style = outputs.find((f) => f.endsWith('.css'));
if (!script || !style) throw new Error(`unexpected esbuild outputs: ${outputs.join(', ')}`);
const html = fs
  .readFileSync(path.join(src, 'index.html'), 'utf8')
  .replace('%SCRIPT%', `/staf/${script}`)
  .replace('%STYLE%', `/staf/${style}`);
fs.writeFileSync(path.join(out, 'index.html'), html);

const gz = gzipSync(fs.readFileSync(path.join(out, script))).length;
console.log(`[console] dist/console/${script}: ${(gz / 1024).toFixed(1)} kB gzip`);
if (gz > 250 * 1024) {
  console.error('[console] the first-load script is over the 250 kB (compressed) budget');
  process.exit(1);
}
