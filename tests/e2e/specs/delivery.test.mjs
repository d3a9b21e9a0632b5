// How the shipped nginx template delivers the build: precompressed assets (brotli, else gzip,
// else as built), hashed files cached for a year, the page and the preset checked every time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_URL } from '../browser.mjs';

const DIST = resolve(import.meta.dirname, '../../../dist');

/** One GET with exactly these request headers; the body is not decoded. */
function get(path, headers = {}) {
  return new Promise((done, fail) => {
    const req = request(new URL(path, APP_URL), { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode, headers: response.headers, bytes: Buffer.concat(chunks).length }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** The hashed wasm and JS this build's index.html loads. Trunk writes the hash without its
 * leading zeros, so it has up to 16 hex digits, not always 16. */
function assets() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const wasm = html.match(/\/(patchbay-[0-9a-f]{1,16}_bg\.wasm)/)[1];
  const js = html.match(/\/(patchbay-[0-9a-f]{1,16}\.js)/)[1];
  const css = html.match(/\/(app-[0-9a-f]{1,16}\.css)/)[1];
  return { wasm, js, css };
}

test('assets go out precompressed: brotli when accepted, else gzip, else as built', async () => {
  for (const name of Object.values(assets())) {
    const size = (suffix) => readFileSync(join(DIST, name + suffix)).length;
    const br = await get(`/${name}`, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.status, 200, name);
    assert.equal(br.headers['content-encoding'], 'br', name);
    assert.equal(br.bytes, size('.br'), `${name}: the .br file the build wrote`);
    const gz = await get(`/${name}`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', name);
    assert.equal(gz.bytes, size('.gz'), `${name}: the .gz file the build wrote`);
    const plain = await get(`/${name}`);
    assert.equal(plain.headers['content-encoding'], undefined, name);
    assert.equal(plain.bytes, size(''), name);
    assert.ok(size('.br') < size('.gz') && size('.gz') < size(''), `${name}: brotli < gzip < raw`);
  }
  const wasm = await get(`/${assets().wasm}`, { 'accept-encoding': 'br' });
  assert.equal(wasm.headers['content-type'], 'application/wasm', 'streaming compile needs the wasm type');
});

test('hashed files are cached for a year; the page, deep links and the preset never go stale', async () => {
  for (const name of Object.values(assets())) {
    const answer = await get(`/${name}`, { 'accept-encoding': 'br' });
    assert.equal(answer.headers['cache-control'], 'public, max-age=31536000, immutable', name);
  }
  for (const path of ['/', '/index.html', '/connections', '/c/confluent-demo', '/connections.json']) {
    const answer = await get(path, { 'accept-encoding': 'br' });
    assert.equal(answer.status, 200, path);
    assert.equal(answer.headers['cache-control'], 'no-cache', path);
    assert.ok(answer.headers['content-security-policy'], `${path}: the security headers stay`);
  }
  const index = await get('/', { 'accept-encoding': 'br' });
  assert.equal(index.headers['content-encoding'], 'br', 'the page itself is precompressed too');
});

test('vendor answers through the proxy keep their own caching', async () => {
  const answer = await get('/proxy/grafana-oncall/api/v1/integrations/', { authorization: 'demo-oncall-key' });
  assert.equal(answer.status, 200);
  assert.equal(answer.headers['cache-control'], undefined);
});
