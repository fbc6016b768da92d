// After `vite build`: a brotli and a gzip copy beside each built script, style sheet and data
// file over 1 KB, so the server sends them compressed without compressing on every request
// (serveStatic's `precompressed`). Hashed names change with every build: the copies never go stale.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = path.resolve(import.meta.dirname, '../dist/web/assets');
let before = 0;
let after = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(js|css|json|svg)$/.test(name)) continue;
  const file = path.join(dir, name);
  if (statSync(file).size < 1024) continue;
  const bytes = readFileSync(file);
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  before += bytes.length;
  after += br.length;
}
console.log(`precompressed ${Math.round(before / 1024)} kB of assets to ${Math.round(after / 1024)} kB (brotli)`);
