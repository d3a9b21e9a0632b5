// Prints what the first screen transfers (index.html, every asset it loads, and the preset it
// reads at start), raw, gzip and brotli, from the .gz and .br files the build wrote, and fails
// when the brotli total is above size-budget.json's limit.
// Usage: node scripts/lib/size.mjs [dist]

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = process.argv[2] ?? join(ROOT, 'dist');
const budget = JSON.parse(readFileSync(join(ROOT, 'size-budget.json'), 'utf8'));

/** index.html, then each local file it names (href, src, module_or_path), then the preset. */
function firstScreen() {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:href=|src=|module_or_path: )['"]?\/([^'"\s>]+)/g)].map((m) => m[1]);
  return ['index.html', ...new Set(named), 'connections.json'].filter((name) => existsSync(join(dir, name)));
}

/** The compressed copy the build wrote, or (for a build without them) compressed here. */
function compressed(name, suffix, compress) {
  const path = join(dir, name + suffix);
  return existsSync(path) ? readFileSync(path).length : compress(readFileSync(join(dir, name))).length;
}

const rows = firstScreen().map((name) => ({
  name,
  raw: readFileSync(join(dir, name)).length,
  gzip: compressed(name, '.gz', (b) => gzipSync(b, { level: 9 })),
  brotli: compressed(name, '.br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
}));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
const short = (name) => name.replace(/-[0-9a-f]{16}/, '');
console.log(`first screen (${dir})             raw        gzip      brotli`);
for (const row of rows) console.log(`  ${short(row.name).padEnd(28)}${kib(row.raw)} ${kib(row.gzip)} ${kib(row.brotli)}`);
console.log(`  ${'total'.padEnd(28)}${kib(total.raw)} ${kib(total.gzip)} ${kib(total.brotli)}`);
const brotliKib = total.brotli / 1024;
console.log(`budget: ${brotliKib.toFixed(1)} KiB brotli of ${budget.limit_kib} KiB allowed (goal ${budget.goal_kib} KiB)`);
if (brotliKib > budget.limit_kib) {
  console.error(`The first screen is over its size budget by ${(brotliKib - budget.limit_kib).toFixed(1)} KiB (size-budget.json).`);
  process.exit(1);
}
