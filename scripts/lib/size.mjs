// Prints the release bundle's size: the wasm and the JS glue, raw, gzip and brotli.
// Usage: node scripts/lib/size.mjs dist

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const files = readdirSync(dir).filter((name) => name.endsWith('.wasm') || name.endsWith('.js'));
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
const rows = files.map((name) => {
  const bytes = readFileSync(join(dir, name));
  return {
    name: name.endsWith('.wasm') ? 'wasm' : 'js',
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ name: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log(`release bundle (${dir})        raw        gzip      brotli`);
for (const row of [...rows, total]) {
  console.log(`  ${row.name.padEnd(22)}${kb(row.raw)} ${kb(row.gzip)} ${kb(row.brotli)}`);
}
