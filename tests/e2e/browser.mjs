// One headless Chromium (Debian's; nothing is downloaded), a fresh context per test, and
// the checks every test shares: no uncaught page errors, no serious accessibility findings.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const APP_URL = process.env.E2E_APP_URL ?? 'http://127.0.0.1:8092';
export const SANDBOX_URL = process.env.E2E_SANDBOX_URL ?? 'http://127.0.0.1:9872';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser context (empty storage) and a page that records uncaught errors and every
 * Content-Security-Policy violation (the site runs under the shipped strict policy).
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ acceptDownloads: true, baseURL: APP_URL, ...contextOptions });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window.__cspViolations ??= []).push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  const page = await context.newPage();
  page.errors = [];
  // Console errors are kept to explain a failure (a Rust panic prints its message there
  // before the wasm traps); CSP reports are failures themselves.
  page.consoleErrors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    page.consoleErrors.push(message.text());
    if (/Content Security Policy/i.test(message.text())) page.errors.push(`CSP: ${message.text()}`);
  });
  return { context, page };
}

/** Fails on any uncaught error the page threw or any CSP violation it reported. */
export async function assertNoPageErrors(page) {
  const violations = page.isClosed() ? [] : await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
  const errors = [...page.errors, ...violations.map((v) => `CSP violation: ${v}`)];
  const console = page.consoleErrors.length ? `\nconsole errors:\n${page.consoleErrors.join('\n')}` : '';
  assert.deepEqual(errors, [], `errors in the page: ${errors.join('\n')}${console}`);
}

/** Runs axe-core on the page as it is now; fails on serious or critical violations. */
export async function assertAccessible(page, where) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    // Evaluated through the DevTools protocol, not as an inline <script> the CSP would block.
    await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  }
  const result = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(result, [], `accessibility violations on ${where}:\n${result.join('\n')}`);
}

/** The sandbox's control API. */
export const sandbox = {
  async reset(seed = 0, vendors = {}) {
    const response = await fetch(`${SANDBOX_URL}/_sandbox/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed, vendors }),
    });
    assert.equal(response.status, 204);
  },
  async requests(path = '') {
    const response = await fetch(`${SANDBOX_URL}/_sandbox/requests?path=${encodeURIComponent(path)}`);
    return response.json();
  },
  async fault(spec) {
    const response = await fetch(`${SANDBOX_URL}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    assert.equal(response.status, 201);
  },
};
