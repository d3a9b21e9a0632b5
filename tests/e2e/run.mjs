// Runs the specs against one stack: starts sandbox + nginx, runs `node --test`, stops both.
// The exit code is the test run's. `node tests/e2e/run.mjs [name …]` runs only the specs whose
// file names contain one of the names (e.g. `security`); with none, every spec runs.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startStack, APP_PORT, SANDBOX_PORT } from './stack.mjs';

const stop = await startStack();
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const specs = resolve(import.meta.dirname, 'specs');
const env = {
  ...process.env,
  E2E_APP_URL: `http://127.0.0.1:${APP_PORT}`,
  E2E_SANDBOX_URL: `http://127.0.0.1:${SANDBOX_PORT}`,
};
const wanted = process.argv.slice(2);
const chosen = wanted.length === 0
  ? [specs]
  : readdirSync(specs).filter((f) => f.endsWith('.test.mjs') && wanted.some((w) => f.includes(w))).map((f) => join(specs, f));
if (chosen.length === 0) {
  console.error(`no spec matches ${wanted.join(', ')}`);
  process.exit(2);
}
const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...chosen], { env, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
