// Trunk post_build hook: writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9)
// beside every asset a browser downloads, so nginx serves them precompressed (brotli_static,
// gzip_static) instead of compressing on each request at a low level.
//
//   node scripts/lib/precompress.mjs [dir]   (dir defaults to Trunk's TRUNK_STAGING_DIR)

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('precompress: give the folder holding the build');
  process.exit(2);
}
const served = /\.(html|js|wasm|css|svg|json)$/;
for (const name of readdirSync(dir).filter((n) => served.test(n))) {
  const bytes = readFileSync(join(dir, name));
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(join(dir, `${name}.br`), brotli);
  writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
}
