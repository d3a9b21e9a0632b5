// The figures of issue 10, measured on the release build behind the shipped nginx template
// with the sandbox: medians of RUNS after one warm-up. Prints a table; asserts nothing.
// Run through scripts/bench, which builds first.

import { join, resolve } from 'node:path';
import { chromium } from '../../tests/e2e/node_modules/playwright-core/index.mjs';
import { startStack, APP_PORT, SANDBOX_PORT } from '../../tests/e2e/stack.mjs';
import { firstScreen } from './first-screen.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const APP = `http://127.0.0.1:${APP_PORT}`;
const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CONN = 'grafana-oncall-demo';
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,30000').split(',').map(Number);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)} ms` : '–');

async function reset(seed) {
  const response = await fetch(`${SANDBOX}/_sandbox/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seed }),
  });
  if (response.status !== 204) throw new Error(`sandbox reset answered ${response.status}`);
}

/**
 * A fresh context (cold HTTP cache) whose tab already remembers the demo key, with a watcher
 * that notes (in performance.now() time) when the first row shows and when every row is
 * loaded (the progress line gone, the pager counting `expected` rows).
 */
async function freshPage(browser, expected) {
  const context = await browser.newContext({ baseURL: APP });
  await context.addInitScript(([expected]) => {
    sessionStorage.setItem('patchbay.secrets.grafana-oncall-demo', JSON.stringify({ api_key: 'demo-oncall-key' }));
    const marks = (window.__bench = { firstRow: null, allRows: null, progress: [] });
    addEventListener('TrunkApplicationStarted', (event) => {
      marks.wasm = event.detail.wasm;
    });
    new MutationObserver(() => {
      const now = performance.now();
      if (marks.firstRow === null && document.querySelector('table.integrations tbody tr')) marks.firstRow = now;
      const loaded = Number(document.querySelector('.progress span')?.textContent.match(/… (\d+) of/)?.[1]);
      if (loaded && loaded !== marks.progress.at(-1)?.[1]) marks.progress.push([now, loaded]);
      const pager = document.querySelector('.pager p');
      if (marks.allRows === null && !document.querySelector('.progress') && pager?.textContent.endsWith(` of ${expected}`)) marks.allRows = now;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, [expected]);
  const page = await context.newPage();
  return { context, page };
}

async function openList(browser, expected) {
  const { context, page } = await freshPage(browser, expected);
  await page.goto(`/c/${CONN}`);
  await page.waitForFunction(() => window.__bench.allRows !== null, null, { timeout: 300_000, polling: 50 });
  const marks = await page.evaluate(() => window.__bench);
  return { context, page, marks: { ...marks, pace: pace(marks.progress, expected) } };
}

/**
 * Milliseconds per 1,000 rows early in a load (10–30 % of the rows) and late (70–90 %): equal
 * when appending a page costs the same at any length.
 */
function pace(progress, expected) {
  const at = (share) => progress.find(([, loaded]) => loaded >= share * expected);
  const per1000 = (from, to) => {
    const [a, b] = [at(from), at(to)];
    return a && b && b[1] > a[1] ? ((b[0] - a[0]) / (b[1] - a[1])) * 1000 : NaN;
  };
  return { early: per1000(0.1, 0.3), late: per1000(0.7, 0.9) };
}

/** How long the sandbox itself takes to answer one page, asked directly (median of 5). */
async function vendorPage() {
  const times = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    const response = await fetch(`${SANDBOX}/grafana-oncall/api/v1/integrations/?page=${2 + i}&perpage=100`, { headers: { authorization: 'demo-oncall-key' } });
    await response.arrayBuffer();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** What the first screen transfers: from the build's files, and as the browser received it. */
async function transfer(browser) {
  const built = firstScreen(join(ROOT, 'dist')).total;
  const { context, page } = await freshPage(browser, -1);
  const encodings = new Set();
  page.on('response', (response) => {
    const encoding = response.headers()['content-encoding'];
    if (encoding) encodings.add(encoding);
  });
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  const wire = await page.evaluate(() => {
    const entries = [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')];
    return entries.filter((e) => !e.name.includes('/proxy/')).reduce((t, e) => t + (e.encodedBodySize || 0), 0);
  });
  await context.close();
  return { built, wire, encodings: [...encodings].join(', ') || 'none' };
}

async function memoryAt(browser, expected) {
  const { context, page } = await openList(browser, expected);
  const client = await context.newCDPSession(page);
  await client.send('HeapProfiler.collectGarbage');
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  const figures = await page.evaluate(() => ({
    wasm: window.__bench.wasm?.memory?.buffer?.byteLength ?? 0,
    nodes: document.getElementsByTagName('*').length,
  }));
  await context.close();
  return { heap: usedSize, ...figures };
}

/** Keystroke → painted: types one more character into the search, waits for the table to change and the next frame. */
async function searchKeystroke(browser, expected) {
  const { context, page } = await openList(browser, expected);
  const times = [];
  // Each query matches other rows than the one before (never none), so every keystroke
  // redraws the view page's rows and the table stays.
  const queries = ['integration 1', 'integration 2', 'webhook', 'integration 3', 'zabbix', 'integration 4', 'grafana'];
  for (const text of queries) {
    times.push(await page.evaluate(async (text) => {
      const input = document.querySelector('input[type=search]');
      const table = document.querySelector('main') ?? document.body;
      const changed = new Promise((done) => {
        const observer = new MutationObserver(() => { observer.disconnect(); done(); });
        observer.observe(table, { childList: true, subtree: true, characterData: true });
        setTimeout(() => { observer.disconnect(); done(); }, 5000);
      });
      const start = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await changed;
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      return performance.now() - start;
    }, text));
  }
  await context.close();
  return median(times.slice(1));
}

/**
 * Detail → edit form shown, then a changed name saved → back on the detail page with the
 * toast. The save asks once with its changes; the click that confirms is part of the figure.
 */
async function editOpenAndSave(browser, expected) {
  const { context, page } = await openList(browser, expected);
  await page.locator('table.integrations tbody tr th a').first().click();
  await page.getByRole('link', { name: 'Edit', exact: true }).waitFor();
  let start = Date.now();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.locator('form.integration-form').waitFor();
  const open = Date.now() - start;
  const name = page.locator('form.integration-form').getByLabel('Name', { exact: true });
  await name.fill(`${await name.inputValue()} (benched)`);
  start = Date.now();
  await page.locator('form.integration-form button[type=submit]').click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('.toast').filter({ hasText: 'Saved' }).first().waitFor();
  const save = Date.now() - start;
  await context.close();
  return { open, save };
}

/** List → a detail page → Back to the list with its rows. */
async function listDetailBack(browser, expected) {
  const { context, page } = await openList(browser, expected);
  const start = Date.now();
  await page.locator('table.integrations tbody tr th a').first().click();
  await page.getByRole('link', { name: 'Edit', exact: true }).waitFor();
  await page.goBack();
  await page.locator('table.integrations tbody tr').first().waitFor();
  const took = Date.now() - start;
  await context.close();
  return took;
}

async function fault(spec) {
  const response = await fetch(`${SANDBOX}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  if (response.status !== 201) throw new Error(`sandbox fault answered ${response.status}`);
}

/** Every line of the inventory final: how many integrations, a failure, or credentials. */
const inventoryRead = () => {
  const lines = [...document.querySelectorAll('li.source > span[role=status]')];
  return lines.length > 0 && lines.every((s) => /integrations?$|Failed|credentials/.test(s.textContent.trim()));
};

/**
 * All integrations, cold, with Grafana OnCall's pages held back `delay` ms each: until every
 * connection is read, against OnCall's own list alone under the same delay. Demo connections
 * carry their credentials, so nothing is typed.
 */
async function inventoryLoad(browser, delay) {
  await fault({ match: { path: '/grafana-oncall/api/v1/integrations' }, times: 100000, fault: { kind: 'delay', ms: delay } });
  let context = await browser.newContext({ baseURL: APP });
  let page = await context.newPage();
  let start = Date.now();
  await page.goto('/');
  await page.waitForFunction(inventoryRead, null, { timeout: 300_000, polling: 20 });
  const all = Date.now() - start;
  const rows = await page.evaluate(() => Number(document.querySelector('p.shown')?.textContent.match(/of (\d+) integrations/)?.[1]));
  await context.close();
  context = await browser.newContext({ baseURL: APP });
  page = await context.newPage();
  start = Date.now();
  await page.goto(`/c/${CONN}`);
  await page.waitForFunction(() => document.querySelector('.pager p') && !document.querySelector('.progress'), null, { timeout: 300_000, polling: 20 });
  const alone = Date.now() - start;
  await context.close();
  await fetch(`${SANDBOX}/_sandbox/faults`, { method: 'DELETE' }).catch(() => {});
  return { all, alone, rows };
}

/** Keystroke → painted in the inventory's search, every connection read. */
async function inventoryKeystroke(browser) {
  const context = await browser.newContext({ baseURL: APP });
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForFunction(inventoryRead, null, { timeout: 300_000, polling: 50 });
  const times = [];
  for (const text of ['integration 1', 'integration 2', 'slack', 'integration 3', 'webhook', 'integration 4', 'generated']) {
    times.push(await page.evaluate(async (text) => {
      const input = document.querySelector('input[type=search]');
      const table = document.querySelector('table.inventory');
      const changed = new Promise((done) => {
        const observer = new MutationObserver(() => { observer.disconnect(); done(performance.now()); });
        observer.observe(table, { childList: true, subtree: true, characterData: true });
        setTimeout(() => { observer.disconnect(); done(performance.now()); }, 5000);
      });
      const start = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const updated = (await changed) - start;
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      return { updated, painted: performance.now() - start };
    }, text));
  }
  await context.close();
  const later = times.slice(1);
  return { updated: median(later.map((t) => t.updated)), painted: median(later.map((t) => t.painted)) };
}

/** Runs `measure` once to warm up, then RUNS times, and gives every run's result. */
async function repeat(measure, what = '') {
  if (what) console.error(`bench: ${what}`);
  await measure();
  const results = [];
  for (let i = 0; i < RUNS; i += 1) results.push(await measure());
  return results;
}

const stop = await startStack();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
});
const rows = [];
try {
  const t = await transfer(browser);
  rows.push(['first-screen transfer, raw / gzip / brotli (as built)', `${kib(t.built.raw)} / ${kib(t.built.gzip)} / ${kib(t.built.brotli)}`]);
  rows.push([`first-screen bytes on the wire (Chromium, encodings: ${t.encodings})`, kib(t.wire)]);

  const loaded = {};
  for (const size of SIZES) {
    await reset(size);
    const expected = size + 1; // the document's example plus `size` generated
    const runs = await repeat(async () => {
      const { context, marks } = await openList(browser, expected);
      await context.close();
      return marks;
    }, `loading ${size} integrations`);
    loaded[size] = median(runs.map((m) => m.allRows));
    if (size === SIZES[0]) rows.push([`cold load → first row (${size.toLocaleString('en')} integrations)`, ms(median(runs.map((m) => m.firstRow)))]);
    rows.push([`all rows loaded, ${size.toLocaleString('en')} integrations`, ms(loaded[size])]);
    const early = median(runs.map((m) => m.pace.early));
    const late = median(runs.map((m) => m.pace.late));
    rows.push([`  time per 1,000 rows, early / late in the load`, `${ms(early)} / ${ms(late)}`]);
    rows.push([`  the simulated vendor alone: one page of 100`, ms(await vendorPage())]);
  }
  const [small, , large] = SIZES;
  if (large && loaded[large] && loaded[SIZES[1]]) rows.push([`ratio ${SIZES[2].toLocaleString('en')} / ${SIZES[1].toLocaleString('en')} (linear: ${(SIZES[2] / SIZES[1]).toFixed(1)})`, (loaded[large] / loaded[SIZES[1]]).toFixed(2)]);

  const at = SIZES[1] ?? small;
  await reset(at);
  const memory = await repeat(() => memoryAt(browser, at + 1));
  rows.push([`JS heap + wasm memory at ${at.toLocaleString('en')}`, `${kib(median(memory.map((m) => m.heap)))} + ${kib(median(memory.map((m) => m.wasm)))}`]);
  rows.push([`DOM nodes at ${at.toLocaleString('en')}`, String(median(memory.map((m) => m.nodes)))]);
  rows.push([`search over ${at.toLocaleString('en')}, keystroke → painted`, ms(median(await repeat(() => searchKeystroke(browser, at + 1))))]);

  await reset(small);
  const edits = await repeat(() => editOpenAndSave(browser, small + 1));
  rows.push(['edit: open the form', ms(median(edits.map((e) => e.open)))]);
  rows.push(['edit: save → detail shown', ms(median(edits.map((e) => e.save)))]);
  rows.push(['list → detail → back', ms(median(await repeat(() => listDetailBack(browser, small + 1))))]);

  // All integrations: six demo connections read together.
  const perVendor = Number(process.env.BENCH_INVENTORY_SEED ?? 2000);
  await reset(perVendor);
  const inv = await repeat(() => inventoryLoad(browser, 200), 'all integrations, OnCall delayed');
  const [all, alone] = [median(inv.map((r) => r.all)), median(inv.map((r) => r.alone))];
  rows.push([`all integrations read (${inv[0].rows.toLocaleString('en')} rows, 6 connections, OnCall pages +200 ms)`, ms(all)]);
  rows.push(['  the slowest connection (OnCall) alone, same delay', ms(alone)]);
  rows.push(['  ratio all / slowest alone (goal ≤ 1.2)', (all / alone).toFixed(2)]);
  const keys = await repeat(() => inventoryKeystroke(browser), 'inventory search');
  rows.push([`all integrations: search over ${inv[0].rows.toLocaleString('en')}, keystroke → table updated / painted`, `${ms(median(keys.map((k) => k.updated)))} / ${ms(median(keys.map((k) => k.painted)))}`]);
} finally {
  await browser.close();
  stop();
}
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`\nPatchbay bench: medians of ${RUNS} after a warm-up, Grafana OnCall sandbox through nginx\n`);
console.log(`| ${'figure'.padEnd(width)} | value |`);
console.log(`|${'-'.repeat(width + 2)}|-------|`);
for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`);
process.exit(0);
