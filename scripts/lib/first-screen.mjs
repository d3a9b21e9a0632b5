// What the first screen transfers: index.html, every local file it names (href, src,
// module_or_path) and the connections preset read at start, each raw, gzip and brotli, from the
// .gz and .br files the build wrote (compressed here for a build without them). Shared by the
// size budget (size.mjs) and the benchmark (bench.mjs).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export function firstScreen(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:href=|src=|module_or_path: )['"]?\/([^'"\s>]+)/g)].map((m) => m[1]);
  const files = ['index.html', ...new Set(named), 'connections.json'].filter((name) => existsSync(join(dir, name)));
  const compressed = (name, suffix, compress) => {
    const path = join(dir, name + suffix);
    return existsSync(path) ? readFileSync(path).length : compress(readFileSync(join(dir, name))).length;
  };
  const rows = files.map((name) => ({
    name,
    raw: readFileSync(join(dir, name)).length,
    gzip: compressed(name, '.gz', (b) => gzipSync(b, { level: 9 })),
    brotli: compressed(name, '.br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  }));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}
