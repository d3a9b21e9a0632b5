// The Grafana OnCall vertical against the simulated engine, through the nginx proxy.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assertAccessible, assertNoPageErrors, sandbox } from '../browser.mjs';
import { connectedPage } from '../pages/integrations.mjs';

const CONN = 'grafana-oncall-demo';
const LABEL = 'Grafana OnCall sandbox';
const ITEMS = '/grafana-oncall/api/v1/integrations/';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { await sandbox.reset(0); });

async function connected(seed = 0) {
  if (seed) await sandbox.reset(seed);
  return connectedPage(browser, CONN);
}

async function received(method) {
  return (await sandbox.requests(ITEMS)).filter((r) => r.method === method);
}

test('create with a team and an escalation chain → list → edit templates → delete', async () => {
  const { context, page, ui } = await connected();
  await ui.openList(CONN);
  await ui.waitLoaded();
  const example = ui.row('Grafana :blush:');
  assert.ok((await example.innerText()).includes('Primary on-call'), 'the chain shows by name');
  const shown = await example.innerText();
  assert.ok(shown.includes('http://127.0.0.1:9870/••••') && !shown.includes('mReAoNwDm0eMwKo1mTeTwYo'), 'the ingest link is masked');
  await assertAccessible(page, 'OnCall list');

  await page.getByRole('link', { name: 'New integration' }).click();
  await ui.form.waitFor();
  await ui.choose('Type', 'Alertmanager');
  await ui.fill('Name', 'Prometheus prod');
  await ui.choose('Team', 'Platform');
  await ui.choose('Escalation chain', 'Primary on-call');
  await assertAccessible(page, 'OnCall create form');
  await ui.save();
  await ui.toast('Created “Prometheus prod”.').waitFor();
  const [created] = await received('POST');
  const body = JSON.parse(created.body);
  assert.equal(body.type, 'alertmanager');
  assert.equal(body.team_id, 'TPLATFORM0001');
  assert.equal(body.default_route.escalation_chain_id, 'F5JU6KJET33FE');
  assert.equal(created.headers.authorization, 'demo-oncall-key', 'the raw key, no Bearer');
  await page.getByRole('definition').filter({ hasText: 'Platform' }).first().waitFor();

  await page.getByRole('navigation', { name: 'Connections' }).getByRole('link', { name: LABEL }).click();
  assert.ok((await ui.row('Prometheus prod').innerText()).includes('Platform'));

  await ui.openDetail('Prometheus prod');
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await ui.form.waitFor();
  assert.equal(await ui.field('Type').isDisabled(), true, 'the type is shown, not editable');
  await ui.fill('Slack title', '*{{ payload.title }}*');
  await ui.fill('Web message', '{% if payload.state %}firing');
  await ui.save();
  assert.deepEqual(await ui.errorsOf('Web message'), ['line 1: {% if %} is never closed (expected {% endif %})']);
  assert.equal(await ui.field('Slack title').inputValue(), '*{{ payload.title }}*', 'the other template keeps its input');
  assert.deepEqual(await received('PUT'), [], 'nothing was sent');
  await ui.fill('Web message', '{% if payload.state %}firing{% endif %}');
  await ui.save();
  await ui.toast('Saved “Prometheus prod”.').waitFor();
  const [put] = await received('PUT');
  const templates = JSON.parse(put.body).templates;
  assert.equal(templates.slack.title, '*{{ payload.title }}*');
  assert.equal(templates.web.message, '{% if payload.state %}firing{% endif %}');
  assert.equal(templates.grouping_key, null);
  assert.equal(JSON.parse(put.body).type, undefined);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  // Its default route still sends to its escalation chain (read from OnCall's routes): the
  // delete says so and asks for its name.
  const dialog = page.getByRole('dialog', { name: 'Delete “Prometheus prod”?' });
  assert.match(await dialog.innerText(), /still in use \(Default route → escalation chain Primary on-call\)/);
  await dialog.getByLabel('Type “Prometheus prod” to confirm').fill('Prometheus prod');
  await dialog.getByRole('button', { name: 'Delete integration' }).click();
  await ui.toast('Deleted “Prometheus prod”.').waitFor();
  assert.equal(await ui.row('Prometheus prod').count(), 0);
  await assertNoPageErrors(page);
  await context.close();
});

test('a name collision lands on the name field', async () => {
  const { context, page, ui } = await connected();
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.choose('Type', 'Webhook');
  await ui.fill('Name', 'Grafana :blush:');
  await ui.save();
  await ui.errorPanel('Not saved: your input is kept').waitFor();
  assert.deepEqual(await ui.errorsOf('Name'), ['An integration with this name already exists for this team']);
  await ui.fill('Name', 'Unique name');
  assert.deepEqual(await ui.errorsOf('Name'), []);
  await ui.save();
  await ui.toast('Created “Unique name”.').waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('paging 230 integrations at perpage 100 reads every page through the proxy', async () => {
  const { context, page, ui } = await connected(229);
  await ui.openList(CONN);
  await ui.waitLoaded();
  assert.equal(await ui.showing(), 'Showing 1–50 of 230');
  await page.getByRole('button', { name: 'Last', exact: true }).click();
  await ui.row('Generated integration 229').waitFor();
  assert.equal(await ui.showing(), 'Showing 201–230 of 230');
  // Pages 2 and 3 go out together, so they may arrive in either order.
  const reads = (await received('GET')).map((r) => r.query).sort();
  assert.deepEqual(reads, ['page=1&perpage=100', 'page=2&perpage=100', 'page=3&perpage=100']);
  await assertNoPageErrors(page);
  await context.close();
});

test('once the total is known, later pages are read a few at a time and still land in order', async () => {
  const { context, page, ui } = await connected(429); // 430 integrations: 5 pages of 100
  // Page 1 answers at once; the next three requests are each held back for a while.
  await sandbox.fault({ match: { path: ITEMS }, times: 1, fault: { kind: 'delay', ms: 0 } });
  await sandbox.fault({ match: { path: ITEMS }, times: 3, fault: { kind: 'delay', ms: 5000 } });
  await ui.openList(CONN);
  // Read one by one, page 3 would wait for page 2's answer; here 2, 3 and 4 are all asked for…
  let asked = [];
  for (const until = Date.now() + 4000; Date.now() < until && !asked.includes('page=4&perpage=100');) {
    asked = (await received('GET')).map((r) => r.query);
  }
  assert.ok(asked.includes('page=3&perpage=100') && asked.includes('page=4&perpage=100'), `asked: ${asked}`);
  assert.ok(!asked.includes('page=5&perpage=100'), 'no more than three pages are in flight');
  // …while nothing after page 1 has landed yet.
  assert.match(await page.locator('.progress').innerText(), /100 of 430/);
  await ui.waitLoaded();
  assert.equal(await ui.showing(), 'Showing 1–50 of 430');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.locator('[aria-current=page]', { hasText: 'Page 3 of 9' }).waitFor();
  assert.deepEqual((await ui.names()).slice(0, 2), ['Generated integration 100', 'Generated integration 101']);
  const reads = (await received('GET')).map((r) => r.query).sort();
  assert.deepEqual(reads, [1, 2, 3, 4, 5].map((n) => `page=${n}&perpage=100`), 'each page read once');
  await assertNoPageErrors(page);
  await context.close();
});

test('a vendor that says few requests are left is read one page at a time', async () => {
  const { context, page, ui } = await connected(429); // 430 integrations: 5 pages of 100
  // Page 1 says two requests are left in the window; page 2 is then held back for a while.
  await sandbox.fault({ match: { path: ITEMS }, times: 1, fault: { kind: 'headers', headers: { 'X-RateLimit-Remaining': '2' } } });
  await sandbox.fault({ match: { path: ITEMS }, times: 1, fault: { kind: 'delay', ms: 3000 } });
  await ui.openList(CONN);
  let asked = [];
  for (const until = Date.now() + 2500; Date.now() < until && !asked.includes('page=2&perpage=100');) {
    asked = (await received('GET')).map((r) => r.query);
  }
  assert.ok(asked.includes('page=2&perpage=100'), `asked: ${asked}`);
  await page.waitForTimeout(1000); // page 2 is still held back
  asked = (await received('GET')).map((r) => r.query).sort();
  assert.deepEqual(asked, ['page=1&perpage=100', 'page=2&perpage=100'], 'page 3 waits for page 2 while the vendor is nearly out of requests');
  // Page 2 says nothing of limits: the rest go out together again, and every row lands in order.
  await ui.waitLoaded();
  assert.equal(await ui.showing(), 'Showing 1–50 of 430');
  await page.getByRole('button', { name: 'Last', exact: true }).click();
  await ui.row('Generated integration 429').waitFor();
  const reads = (await received('GET')).map((r) => r.query).sort();
  assert.deepEqual(reads, [1, 2, 3, 4, 5].map((n) => `page=${n}&perpage=100`), 'each page read once');
  await assertNoPageErrors(page);
  await context.close();
});

test('filters by team and exact name ask the engine, and live in the URL', async () => {
  const { context, page, ui } = await connected(6);
  await ui.openList(CONN);
  await ui.waitLoaded();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Team', { exact: true }).selectOption({ label: 'Platform' });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/f\.team_id=TPLATFORM0001/);
  await ui.waitLoaded();
  assert.deepEqual(await ui.names(), ['Generated integration 1', 'Generated integration 4']);
  const reads = (await received('GET')).map((r) => r.query);
  assert.equal(reads.at(-1), 'page=1&perpage=100&team_id=TPLATFORM0001');
  await page.reload();
  await ui.row('Generated integration 4').waitFor();
  await page.getByRole('form', { name: 'Filters' }).getByRole('button', { name: 'Clear' }).click();
  await ui.row('Grafana :blush:').waitFor();
  // The search reads the shown cells too: a team's name finds its integrations.
  await page.getByRole('searchbox').fill('platform');
  await page.waitForURL(/q=platform/);
  assert.deepEqual(await ui.names(), ['Generated integration 1', 'Generated integration 4']);
  await assertNoPageErrors(page);
  await context.close();
});

test('maintenance starts for a chosen time and stops', async () => {
  const { context, page, ui } = await connected();
  await ui.openList(CONN);
  await ui.waitLoaded();
  await ui.openDetail('Grafana :blush:');
  const start = page.getByRole('form', { name: 'Start maintenance' });
  await start.getByLabel('Mode', { exact: true }).selectOption('debug');
  await start.getByLabel('Duration', { exact: true }).selectOption({ label: '6 hours' });
  await start.getByRole('button', { name: 'Start maintenance' }).click();
  await ui.toast('Start maintenance: done.').waitFor();
  await page.getByText(/^debug until /).waitFor();
  const posted = (await received('POST')).at(-1);
  assert.equal(posted.path, `${ITEMS}CFRPV98RPR1U8/maintenance_start/`);
  assert.deepEqual(JSON.parse(posted.body), { mode: 'debug', duration: 21600 });
  await assertAccessible(page, 'OnCall detail in maintenance');
  await page.getByRole('button', { name: 'Stop maintenance' }).click();
  await ui.toast('Stop maintenance: done.').waitFor();
  await page.getByRole('form', { name: 'Start maintenance' }).waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('a wrong API key says the key is wrong', async () => {
  const { context, page, ui } = await connected();
  await ui.enterSecret(CONN, 'API key', 'not-the-key');
  await ui.openList(CONN);
  const panel = ui.errorPanel('The list could not be read completely');
  await panel.waitFor();
  assert.ok((await panel.innerText()).includes("OnCall rejected this connection's API key"));
  assert.ok(!(await panel.innerText()).includes('not-the-key'));
  await assertNoPageErrors(page);
  await context.close();
});
