// Trunk post_build hook: hashes every inline <script> of the index.html just built, so the
// Content-Security-Policy can allow exactly Trunk's loader and nothing else. Writes
// csp-hashes.conf beside index.html; deploy/nginx.conf.template includes it.
//
//   node scripts/lib/csp-hashes.mjs [dir]   (dir defaults to Trunk's TRUNK_STAGING_DIR)

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-hashes: give the folder holding index.html');
  process.exit(2);
}
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
const hashes = inline.map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
writeFileSync(
  join(dir, 'csp-hashes.conf'),
  `# Written by scripts/lib/csp-hashes.mjs from this build's index.html (${inline.length} inline script${inline.length === 1 ? '' : 's'}).\n` +
    `set $patchbay_script_hashes "${hashes.join(' ')}";\n`,
);
