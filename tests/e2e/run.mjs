// Runs every spec against one stack: starts sandbox + nginx, runs `node --test`, stops both.
// The exit code is the test run's.

import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
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
const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', specs], { env, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
