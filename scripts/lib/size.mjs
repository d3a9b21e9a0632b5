// Prints what the first screen transfers (index.html, every asset it loads, and the preset it
// reads at start), raw, gzip and brotli, from the .gz and .br files the build wrote, and fails
// when the brotli total is above size-budget.json's limit.
// Usage: node scripts/lib/size.mjs [dist]

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { firstScreen } from './first-screen.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = process.argv[2] ?? join(ROOT, 'dist');
const budget = JSON.parse(readFileSync(join(ROOT, 'size-budget.json'), 'utf8'));
const { rows, total } = firstScreen(dir);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
// Trunk's hash drops leading zeros: up to 16 hex digits.
const short = (name) => name.replace(/-[0-9a-f]{1,16}(?=[._])/, '');
console.log(`first screen (${dir})             raw        gzip      brotli`);
for (const row of rows) console.log(`  ${short(row.name).padEnd(28)}${kib(row.raw)} ${kib(row.gzip)} ${kib(row.brotli)}`);
console.log(`  ${'total'.padEnd(28)}${kib(total.raw)} ${kib(total.gzip)} ${kib(total.brotli)}`);
const brotliKib = total.brotli / 1024;
console.log(`budget: ${brotliKib.toFixed(1)} KiB brotli of ${budget.limit_kib} KiB allowed (goal ${budget.goal_kib} KiB)`);
if (brotliKib > budget.limit_kib) {
  console.error(`The first screen is over its size budget by ${(brotliKib - budget.limit_kib).toFixed(1)} KiB (size-budget.json).`);
  process.exit(1);
}
