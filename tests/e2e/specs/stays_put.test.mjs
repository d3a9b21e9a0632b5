// Pages stay put while data lands, and say what is true: the simulated OnCall answers its
// lookups (teams, escalation chains) late, and nothing the user started or typed is lost.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assertAccessible, assertNoPageErrors, sandbox } from '../browser.mjs';
import { IntegrationsPage, connectedPage } from '../pages/integrations.mjs';

const CONN = 'grafana-oncall-demo';
const ITEMS = '/grafana-oncall/api/v1/integrations/';
const EXAMPLE = 'CFRPV98RPR1U8';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { await sandbox.reset(0); });

async function connected({ seed = 0, contextOptions } = {}) {
  if (seed) await sandbox.reset(seed);
  return connectedPage(browser, CONN, contextOptions);
}

/** Teams and escalation chains answer only after `ms`. */
async function lateLookups(ms) {
  for (const path of ['/grafana-oncall/api/v1/teams/', '/grafana-oncall/api/v1/escalation_chains/']) {
    await sandbox.fault({ match: { method: 'GET', path }, fault: { kind: 'delay', ms } });
  }
}

async function received(method) {
  return (await sandbox.requests(ITEMS)).filter((r) => r.method === method);
}

test('the lookups go out together: one held back does not hold back the others', async () => {
  const { context, page, ui } = await connected({ seed: 5 });
  const [teams, chains] = ['/grafana-oncall/api/v1/teams/', '/grafana-oncall/api/v1/escalation_chains/'];
  await sandbox.fault({ match: { method: 'GET', path: teams }, fault: { kind: 'delay', ms: 5000 } });
  await ui.openList(CONN);
  // Read one after the other, the chains would be asked for only once the teams answered.
  let asked = [];
  for (const until = Date.now() + 4000; Date.now() < until && asked.length === 0;) asked = await sandbox.requests(chains);
  assert.equal(asked.length, 1, 'escalation chains were asked for while the teams were held back');
  assert.equal((await sandbox.requests(teams)).length, 1);
  // Until the names land the team shows as its id; then as its name.
  await ui.row('Generated integration 1').getByText('TPLATFORM0001').waitFor();
  await ui.row('Generated integration 1').getByText('Platform', { exact: true }).waitFor({ timeout: 15000 });
  await assertNoPageErrors(page);
  await context.close();
});

test('the delete dialog stays open while lookups land', async () => {
  const { context, page } = await connected();
  await lateLookups(1500);
  await page.goto(`/c/${CONN}/i/${EXAMPLE}`);
  await page.getByRole('heading', { level: 2, name: 'Grafana :blush:' }).waitFor();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Grafana :blush:”?' });
  await dialog.waitFor();
  await page.getByText('Primary on-call').first().waitFor();
  assert.ok(await dialog.isVisible(), 'the dialog is still open after the lookups landed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await assertNoPageErrors(page);
  await context.close();
});

test('a delete in flight is not aborted when lookups land', async () => {
  const { context, page, ui } = await connected();
  await lateLookups(1500);
  await sandbox.fault({ match: { method: 'DELETE', path: ITEMS }, fault: { kind: 'delay', ms: 3000 } });
  await page.goto(`/c/${CONN}/i/${EXAMPLE}`);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Grafana :blush:”?' });
  await dialog.getByLabel('Type “Grafana :blush:” to confirm').fill('Grafana :blush:');
  await dialog.getByRole('button', { name: 'Delete integration' }).click();
  await page.getByRole('button', { name: 'Deleting…' }).waitFor();
  await ui.toast('Deleted “Grafana :blush:”.').waitFor({ timeout: 10_000 });
  await page.waitForURL(new RegExp(`/c/${CONN}$`));
  assert.equal((await received('DELETE')).length, 1);
  const gone = await fetch(`${process.env.E2E_SANDBOX_URL}${ITEMS}${EXAMPLE}/`, { headers: { Authorization: 'demo-oncall-key' } });
  assert.equal(gone.status, 404, 'the vendor deleted it');
  await assertNoPageErrors(page);
  await context.close();
});

test('lookups that land late never reset what was typed or chosen', async () => {
  const { context, page, ui } = await connected();
  await lateLookups(1500);
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.choose('Type', 'Webhook');
  await ui.fill('Name', 'Typed early');
  const name = await ui.field('Name').elementHandle();
  await ui.field('Team').locator('option', { hasText: 'Platform' }).waitFor({ state: 'attached' });
  assert.equal(await ui.field('Name').inputValue(), 'Typed early');
  assert.equal(await ui.field('Type').inputValue(), 'webhook');
  assert.ok(await name.evaluate((input) => input.isConnected), 'the Name input was never re-mounted');

  await page.goto('/connections');
  await lateLookups(1500);
  await page.goto(`/c/${CONN}/i/${EXAMPLE}`);
  const start = page.getByRole('form', { name: 'Start maintenance' });
  await start.getByLabel('Mode', { exact: true }).selectOption('debug');
  // The escalation chain's name, in the record's fields, once the lookups land.
  await page.getByText('Primary on-call', { exact: true }).first().waitFor();
  assert.equal(await start.getByLabel('Mode', { exact: true }).inputValue(), 'debug');
  await assertNoPageErrors(page);
  await context.close();
});

test('a team filter the engine fails is applied in the browser instead, and the list says so', async () => {
  const { context, page, ui } = await connected({ seed: 5 });
  await sandbox.fault({ match: { method: 'GET', path: ITEMS }, times: 3, fault: { kind: 'status', status: 500, body: { detail: 'Internal Server Error' } } });
  await page.goto(`/c/${CONN}?f.team_id=TPLATFORM0001`);
  await page.getByRole('status').filter({ hasText: 'Grafana OnCall failed to filter this list (HTTP 500)' }).waitFor();
  await ui.waitLoaded();
  assert.deepEqual(await ui.names(), ['Generated integration 1', 'Generated integration 4']);
  const reads = (await received('GET')).map((r) => r.query);
  assert.ok(reads.slice(0, 3).every((q) => q.includes('team_id=TPLATFORM0001')), reads.join('\n'));
  assert.ok(!reads.at(-1).includes('team_id'), 'then read unfiltered');
  await assertAccessible(page, 'list filtered in the browser');
  await assertNoPageErrors(page);
  await context.close();
});

test('an empty filtered list and a missing list endpoint say what is true', async () => {
  const { context, page, ui } = await connected();
  await page.goto(`/c/${CONN}?f.name=${encodeURIComponent('Nothing is called this')}`);
  await page.getByText('No integrations match the filters. Clear them to see every integration.').waitFor();
  assert.equal(await page.getByText('No integrations yet.').count(), 0);

  await sandbox.fault({ match: { method: 'GET', path: ITEMS }, fault: { kind: 'status', status: 404, body: { detail: 'Not found.' } } });
  await page.goto('/connections');
  await page.goto(`/c/${CONN}`);
  const panel = ui.errorPanel('The list could not be read completely');
  await panel.waitFor();
  const text = await panel.innerText();
  assert.ok(text.includes('The vendor has no list at /api/v1/integrations/ (HTTP 404)'), text);
  assert.ok(!text.includes('no longer exists'), text);
  await assertNoPageErrors(page);
  await context.close();
});

test('a field the vendor did not store as sent is pointed out after saving', async () => {
  const { context, page, ui } = await connected();
  await sandbox.fault({ match: { method: 'POST', path: ITEMS }, fault: { kind: 'status', status: 201, body: {
    id: 'CNOTSTORED001', name: 'Half kept', type: 'webhook', description_short: null, team_id: null,
    link: null, inbound_email: null, default_route: { escalation_chain_id: null }, templates: {},
  } } });
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.choose('Type', 'Webhook');
  await ui.fill('Name', 'Half kept');
  await ui.fill('Description', 'This description is dropped by the server');
  await ui.save();
  await ui.toast('Created “Half kept”.').waitFor();
  await ui.toast('Not stored by this server as sent: description_short.').waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('the raw JSON masks what the fields mask, and times show on the local clock', async () => {
  const { context, page, ui } = await connected({ contextOptions: { timezoneId: 'Asia/Kolkata' } });
  await page.goto(`/c/${CONN}/i/${EXAMPLE}`);
  await page.getByRole('heading', { level: 2, name: 'Grafana :blush:' }).waitFor();
  await page.getByText('Raw JSON, as the vendor sent it (secrets masked)').click();
  const raw = await page.locator('details.raw pre').innerText();
  assert.ok(!raw.includes('mReAoNwDm0eMwKo1mTeTwYo'), 'the ingest link token is not in the raw JSON');
  assert.ok(raw.includes('"link": "http://127.0.0.1:9870/••••'), raw);

  await ui.enterSecret('confluent-demo', 'Cloud API secret', 'demo-secret');
  const confluent = new IntegrationsPage(page, 'Confluent sandbox');
  await confluent.openList('confluent-demo');
  await confluent.waitLoaded();
  const created = confluent.row('Slack integration').locator('time').first();
  assert.equal(await created.innerText(), '2006-01-03 03:34');
  assert.equal(await created.getAttribute('title'), '2006-01-03 03:34:05 UTC+05:30');
  await assertNoPageErrors(page);
  await context.close();
});
