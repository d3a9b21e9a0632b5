// The system under test: the release build in dist/, served by nginx with the shipped
// deploy/nginx.conf.template, proxying /proxy/<vendor>/ to a fresh vendor-sandbox.

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 9872);
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 8092);
// The demo preset names the sandbox as http://127.0.0.1:9870; the sandbox writes its links
// with that base, so link rewriting is exercised exactly as in the demo.
const PUBLIC_URL = 'http://127.0.0.1:9870';
const VENDORS = {
  THOUSANDEYES_UPSTREAM: 'thousandeyes',
  GRAFANA_ONCALL_UPSTREAM: 'grafana-oncall',
  ROCKETCHAT_UPSTREAM: 'rocketchat',
  CONFLUENT_UPSTREAM: 'confluent',
  PAGERTREE_UPSTREAM: 'pagertree/api/v4',
};

// Debian's libnginx-mod-http-brotli-static, installed by scripts/lib/tools.sh.
const BROTLI_STATIC_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

function renderNginx(dir) {
  const values = {
    PATCHBAY_LISTEN: `127.0.0.1:${APP_PORT}`,
    PATCHBAY_DIST: join(ROOT, 'dist'),
    // Every e2e connection goes through the proxy, and the stack is plain HTTP.
    PATCHBAY_CONNECT_SRC: '',
    PATCHBAY_HSTS: '',
  };
  for (const [name, slug] of Object.entries(VENDORS)) {
    values[name] = `http://127.0.0.1:${SANDBOX_PORT}/${slug}`;
  }
  if (!existsSync(BROTLI_STATIC_MODULE)) throw new Error(`${BROTLI_STATIC_MODULE} is missing: scripts/lib/tools.sh ensure_nginx installs it`);
  if (!existsSync(join(ROOT, 'dist/csp-hashes.conf'))) throw new Error('dist/csp-hashes.conf is missing: trunk build runs the hook that writes it');
  const template = readFileSync(join(ROOT, 'deploy/nginx.conf.template'), 'utf8');
  const server = template.replace(/\$\{([A-Z_]+)\}/g, (whole, name) => values[name] ?? whole);
  writeFileSync(join(dir, 'patchbay.conf'), server);
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub), { recursive: true });
  const main = `
load_module ${BROTLI_STATIC_MODULE};
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/patchbay.conf;
}
`;
  writeFileSync(join(dir, 'nginx.conf'), main);
  return join(dir, 'nginx.conf');
}

async function waitFor(url, what, child) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} did not come up at ${url}`);
}

/** Starts sandbox and nginx; returns a function that stops both. */
export async function startStack() {
  if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run trunk build --release first');
  const sandboxBin = process.env.SANDBOX_BIN ?? join(ROOT, 'target/debug/vendor-sandbox');
  const sandbox = spawn(sandboxBin, ['--port', String(SANDBOX_PORT), '--public-url', PUBLIC_URL, '--seed', '0'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const dir = mkdtempSync(join(tmpdir(), 'patchbay-nginx-'));
  const nginxBin = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const nginx = spawn(nginxBin, ['-c', renderNginx(dir), '-p', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = () => {
    for (const child of [nginx, sandbox]) if (child.exitCode === null) child.kill('SIGTERM');
  };
  try {
    await waitFor(`http://127.0.0.1:${SANDBOX_PORT}/_sandbox/health`, 'vendor-sandbox', sandbox);
    await waitFor(`http://127.0.0.1:${APP_PORT}/`, 'nginx', nginx);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
