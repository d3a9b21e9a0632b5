// Trunk post_build hook: the CSP hashes first (they read the final index.html), then the
// precompressed copies of every asset. Each step is its own script, runnable alone.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
// The dev server serves nothing precompressed: debug builds skip that (slow) step.
const steps = process.env.TRUNK_PROFILE === 'debug' ? ['csp-hashes.mjs'] : ['csp-hashes.mjs', 'precompress.mjs'];
for (const step of steps) {
  execFileSync(process.execPath, [join(import.meta.dirname, step), dir], { stdio: 'inherit' });
}
