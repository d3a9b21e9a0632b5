// What the shipped nginx config and the console do to keep credentials where they belong:
// one set of security headers on every answer, a CSP computed from the build, proxy-made
// errors worded as such, and hostile proxy prefixes refused by the form, by an import and in
// saved connections, with no request ever leaving for another origin.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, openPage, assertAccessible, assertNoPageErrors, sandbox, APP_URL } from '../browser.mjs';
import { ConnectionsPage } from '../pages/connections.mjs';
import { IntegrationsPage } from '../pages/integrations.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const HOSTILE_PREFIXES = ['/\\evil.test/x', '/\t/evil.test', '/%2F%2Fevil.test', '/..//evil.test'];
const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { await sandbox.reset(0); });

/** Records every request the page makes whose origin is not the console's own. */
function watchForeignRequests(page) {
  const foreign = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== APP_URL && url.protocol.startsWith('http')) foreign.push(request.url());
  });
  return foreign;
}

test('every location answers with the same security headers, and no server version', async () => {
  const html = readFileSync(resolve(ROOT, 'dist/index.html'), 'utf8');
  const wasm = html.match(/href=["']?\/?([^"' >]+\.wasm)/)[1];
  await sandbox.fault({ match: { path: '/confluent/dropped' }, fault: { kind: 'drop' } });
  const paths = ['/', '/index.html', '/c/confluent-demo/i/x', '/connections.json', `/${wasm}`,
    '/csp-hashes.conf', '/proxy/confluent/notifications/v1/integrations', '/proxy/confluent/dropped'];
  const seen = {};
  for (const path of paths) {
    const response = await fetch(`${APP_URL}${path}`);
    seen[path] = { status: response.status, headers: Object.fromEntries(SECURITY_HEADERS.map((h) => [h, response.headers.get(h)])) };
    assert.ok(!/\d/.test(response.headers.get('server') ?? ''), `${path} names the server's version`);
  }
  const reference = seen['/'].headers;
  for (const name of SECURITY_HEADERS) assert.ok(reference[name], `${name} is set`);
  for (const path of paths) assert.deepEqual(seen[path].headers, reference, `${path} (HTTP ${seen[path].status}) carries the full header set`);
  assert.equal(seen['/csp-hashes.conf'].status, 404, 'the build output for nginx is not served');
  assert.equal(seen['/proxy/confluent/dropped'].status, 502);
});

test('the CSP is strict and allows exactly the loader this build wrote', async () => {
  const html = readFileSync(resolve(ROOT, 'dist/index.html'), 'utf8');
  const loaders = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  assert.ok(loaders.length >= 1, 'Trunk writes an inline loader');
  const csp = (await fetch(`${APP_URL}/`)).headers.get('content-security-policy');
  for (const loader of loaders) {
    const hash = `'sha256-${createHash('sha256').update(loader, 'utf8').digest('base64')}'`;
    assert.ok(csp.includes(hash), `the CSP allows the loader by its hash ${hash}`);
  }
  for (const directive of ["default-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'", "img-src 'self' data:"]) {
    assert.ok(csp.includes(directive), `${directive} in ${csp}`);
  }
  assert.ok(!csp.includes("'unsafe-inline'") && !csp.includes("'unsafe-eval'"), csp);
});

test('a first visit to a deep link finds its connection under the CSP', async () => {
  const { context, page } = await openPage(browser);
  await page.goto('/c/confluent-demo/i/some-id');
  await page.getByRole('heading', { level: 1, name: 'Integration — Confluent sandbox' }).waitFor();
  assert.equal(await page.getByText('No such connection').count(), 0);
  await assertNoPageErrors(page);
  await context.close();
});

test('an unreachable vendor is reported as the proxy\'s failure, not the vendor\'s', async () => {
  const { context, page } = await openPage(browser);
  const ui = new IntegrationsPage(page, 'Confluent sandbox');
  await ui.enterSecret('confluent-demo', 'Cloud API secret', 'demo-secret');
  await sandbox.fault({ match: { path: '/confluent/notifications' }, times: 3, fault: { kind: 'drop' } });
  await ui.openList('confluent-demo');
  const panel = page.getByRole('alert').filter({ hasText: 'The proxy could not reach Confluent Cloud' });
  await panel.waitFor();
  assert.ok(!(await panel.innerText()).includes('server error'), 'not blamed on the vendor');
  await assertNoPageErrors(page);
  await context.close();
});

test('hostile proxy prefixes are refused in the form and send nothing anywhere', async () => {
  const { context, page } = await openPage(browser);
  const foreign = watchForeignRequests(page);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.row('Confluent sandbox').waitFor();
  await connections.startAdding();
  await connections.fill('Label', 'Hostile');
  await connections.fill('Cloud API key', 'KEY');
  await connections.fill('Cloud API secret', 'SECRET-VALUE');
  for (const prefix of HOSTILE_PREFIXES) {
    await connections.fill('Proxy prefix', prefix);
    const errors = await connections.errorsOf('Proxy prefix');
    assert.equal(errors.length, 1, `${JSON.stringify(prefix)} is refused: ${errors}`);
    await connections.save();
    assert.equal((await connections.labels()).includes('Hostile'), false, 'not saved');
  }
  await assertAccessible(page, 'connection editor refusing a prefix');
  assert.deepEqual(foreign, []);
  await assertNoPageErrors(page);
  await context.close();
});

test('an import with hostile prefixes adds none of them and says why', async () => {
  const { context, page } = await openPage(browser);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.row('Confluent sandbox').waitFor();
  const entries = HOSTILE_PREFIXES.map((prefix, i) => ({ id: `hostile-${i}`, vendor: 'confluent', label: `Hostile ${i}`,
    base_url: 'https://api.confluent.cloud', settings: { api_key: 'K' }, route: { mode: 'proxy', prefix } }));
  await connections.importText('hostile.json', JSON.stringify({ connections: entries }));
  const report = connections.importReport();
  await report.getByText('Nothing was imported.').waitFor();
  await report.getByText(`${HOSTILE_PREFIXES.length} entries refused:`).waitFor();
  assert.equal(await report.getByRole('listitem').filter({ hasText: 'route/prefix' }).count(), HOSTILE_PREFIXES.length);
  assert.equal((await connections.labels()).filter((l) => l.startsWith('Hostile')).length, 0);
  await assertNoPageErrors(page);
  await context.close();
});

test('a saved connection with a hostile prefix is kept, flagged, and never sent for', async () => {
  const { context, page } = await openPage(browser);
  const foreign = watchForeignRequests(page);
  const proxied = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.includes('evil.test')) proxied.push(r.url()); });
  const saved = { format: 'patchbay.connections/1', connections: HOSTILE_PREFIXES.map((prefix, i) => ({
    id: `saved-${i}`, vendor: 'confluent', label: `Saved ${i}`, base_url: 'https://api.confluent.cloud',
    settings: { api_key: 'K' }, route: { mode: 'proxy', prefix } })) };
  await page.goto('/connections');
  await page.evaluate((text) => {
    localStorage.setItem('patchbay.connections', text);
    sessionStorage.setItem('patchbay.secrets.saved-0', JSON.stringify({ api_secret: 'SECRET-VALUE' }));
  }, JSON.stringify(saved));
  await page.reload();
  const connections = new ConnectionsPage(page);
  for (let i = 0; i < HOSTILE_PREFIXES.length; i += 1) {
    await connections.row(`Saved ${i}`).getByText('Needs attention').waitFor();
  }
  await page.goto('/c/saved-0');
  await page.getByRole('heading', { level: 2, name: 'This connection needs attention' }).waitFor();
  await page.getByRole('link', { name: 'Fix the connection' }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(foreign, [], 'nothing left for another origin');
  assert.deepEqual(proxied, [], 'nothing was sent through the hostile prefix');
  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem('patchbay.connections')));
  assert.equal(kept.connections.length, HOSTILE_PREFIXES.length, 'nothing saved was dropped');
  await assertNoPageErrors(page);
  await context.close();
});

test('a huge search stays within what the address can carry, and reload still works', async () => {
  const { context, page } = await openPage(browser);
  const ui = new IntegrationsPage(page, 'Confluent sandbox');
  await ui.enterSecret('confluent-demo', 'Cloud API secret', 'demo-secret');
  await ui.openList('confluent-demo');
  await ui.waitLoaded();
  const search = page.getByRole('searchbox');
  await search.fill('x'.repeat(10_000));
  await page.waitForURL(/q=x/);
  assert.ok(page.url().length < 1_000, `the address holds ${page.url().length} characters`);
  assert.equal((await search.inputValue()).length, 200);
  const reloaded = await page.reload();
  assert.equal(reloaded.status(), 200);
  await page.getByText(/^No integrations match “x+”\.$/).waitFor();
  await assertNoPageErrors(page);
  await context.close();
});
