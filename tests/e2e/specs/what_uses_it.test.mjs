// What uses an integration, read from the vendor: OnCall routes, ThousandEyes alert rules,
// Confluent subscriptions, on the integration's page and before its delete; a read that
// fails (a GET is tried three times) says why and retries on request; the inventory flags what nothing uses and filters to it.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, assertAccessible, assertNoPageErrors, sandbox, SANDBOX_URL } from '../browser.mjs';
import { connectedPage } from '../pages/integrations.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { await sandbox.reset(0); });

const section = (page) => page.getByRole('region', { name: 'What uses it' });
const items = (page) => section(page).getByRole('listitem').allInnerTexts();

/** Creates an OnCall integration through the sandbox's API (no route sends anywhere). */
async function orphan(name) {
  const created = await fetch(`${SANDBOX_URL}/grafana-oncall/api/v1/integrations/`, {
    method: 'POST',
    headers: { authorization: 'demo-oncall-key', 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'webhook', name }),
  });
  const body = await created.text();
  assert.equal(created.status, 201, body);
  return JSON.parse(body).id;
}

test('an OnCall integration lists the routes that send its alerts, reading only its own; one that sends nowhere is deleted without ceremony', async () => {
  // 150 generated integrations, each with a default route: its page still reads only its own.
  await sandbox.reset(150);
  const id = await orphan('Orphan hook');
  const { context, page, ui } = await connectedPage(browser, 'grafana-oncall-demo');
  await page.goto('/c/grafana-oncall-demo/i/CFRPV98RPR1U8');
  await section(page).getByText('Read from 2 routes.').waitFor();
  await section(page).getByText('Route “us-(east|west)” → escalation chain Primary on-call, Slack CH23212D').waitFor();
  assert.deepEqual(await items(page), [
    'Route “us-(east|west)” → escalation chain Primary on-call, Slack CH23212D',
    'Default route → escalation chain Primary on-call, Slack CH23212D',
  ]);
  await assertAccessible(page, 'what uses an OnCall integration');
  const asked = await sandbox.requests('/grafana-oncall/api/v1/routes/');
  assert.deepEqual(asked.map((r) => [r.method, r.query]), [['GET', 'integration_id=CFRPV98RPR1U8&perpage=100']], 'one page, of its own routes, only read');

  await page.goto(`/c/grafana-oncall-demo/i/${id}`);
  await section(page).getByText('Nothing uses it: none of the 1 route read takes its alerts.').waitFor();
  assert.deepEqual(await items(page), []);
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Orphan hook”?' });
  assert.match(await dialog.innerText(), /This deletes “Orphan hook” in Grafana OnCall/);
  assert.equal(await dialog.getByLabel(/^Type /).count(), 0, 'nothing uses it: no name to type');
  await dialog.getByRole('button', { name: 'Delete integration' }).click();
  await ui.toast('Deleted “Orphan hook”.').waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('a save through Patchbay is seen at once: an unused integration given an escalation chain is no longer flagged', async () => {
  await orphan('Orphan hook');
  const { context, page, ui } = await connectedPage(browser, 'grafana-oncall-demo');
  await page.goto('/');
  const table = page.getByRole('table', { name: 'All integrations' });
  await page.getByRole('searchbox', { name: 'Search all integrations' }).fill('orphan hook');
  await table.getByRole('rowheader', { name: 'Orphan hook unused' }).waitFor();
  await table.getByRole('link', { name: 'Orphan hook' }).click();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await ui.form.waitFor();
  await ui.choose('Escalation chain', 'Primary on-call');
  await ui.save();
  await ui.toast('Saved “Orphan hook”.').waitFor();
  await section(page).getByText('Default route → escalation chain Primary on-call').waitFor();
  await page.getByRole('navigation', { name: 'Connections' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('searchbox', { name: 'Search all integrations' }).fill('orphan hook');
  await table.getByRole('rowheader', { name: 'Orphan hook', exact: true }).waitFor();
  assert.equal(await table.getByRole('rowheader', { name: 'Orphan hook unused' }).count(), 0);
  await assertNoPageErrors(page);
  await context.close();
});

test('a rate limit the read meets waits and says so on the page, then the routes show', async () => {
  await sandbox.fault({ match: { path: '/grafana-oncall/api/v1/routes/' }, times: 1, fault: { kind: 'status', status: 429, body: { detail: 'Request was throttled.' }, headers: { 'Retry-After': '2' } } });
  const { context, page } = await connectedPage(browser, 'grafana-oncall-demo');
  await page.goto('/c/grafana-oncall-demo/i/CFRPV98RPR1U8');
  await section(page).getByText(/Grafana OnCall is rate limiting this connection: trying again in \d s/).waitFor();
  await section(page).getByText('Read from 2 routes.').waitFor({ timeout: 6000 });
  assert.equal(await section(page).getByText(/rate limiting/).count(), 0, 'the notice goes once the read is done');
  await assertNoPageErrors(page);
  await context.close();
});

test('a ThousandEyes v6 integration lists the alert rules that notify it, read rule by rule', async () => {
  const { context, page } = await connectedPage(browser, 'thousandeyes-demo');
  await page.goto('/c/thousandeyes-demo/i/123');
  await section(page).getByText('Read from 2 alert rules.').waitFor();
  assert.deepEqual(await items(page), ['Alert rule “Default HTTP Alert Rule”']);
  const reads = (await sandbox.requests('/thousandeyes/v6/alert-rules')).map((r) => r.path.split('?')[0]);
  assert.deepEqual(reads.sort(), ['/thousandeyes/v6/alert-rules.json', '/thousandeyes/v6/alert-rules/921.json', '/thousandeyes/v6/alert-rules/922.json']);
  await page.goto('/c/thousandeyes-demo/i/789');
  await section(page).getByText('Nothing uses it: none of the 2 alert rules read takes its alerts.').waitFor();
  await assertAccessible(page, 'what uses a ThousandEyes integration');
  await assertNoPageErrors(page);
  await context.close();
});

test('a read that fails after its retries says what failed and retries on request; the delete is not held back by it', async () => {
  await sandbox.fault({ match: { path: '/confluent/notifications/v1/subscriptions' }, times: 3, fault: { kind: 'status', status: 500, body: { errors: [{ detail: 'subscriptions are down' }] } } });
  const { context, page } = await connectedPage(browser, 'confluent-demo');
  await page.goto('/c/confluent-demo/i/i-12346');
  const failed = section(page).getByRole('alert');
  await failed.getByText(/^Could not read its subscriptions: .*subscriptions are down/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Delete', exact: true }).isDisabled(), false, 'a failed read does not hold the delete');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await section(page).getByText('Read from 3 subscriptions.').waitFor();
  assert.deepEqual(await items(page), ['Subscription to kafka-cluster-throughput-over-limit']);
  await assertNoPageErrors(page);
  await context.close();
});

test('a read the inventory leaves unfinished is read again by the integration’s page, which is never left waiting', async () => {
  // Confluent's subscriptions are read whole, for the inventory and an integration's page alike.
  await sandbox.fault({ match: { path: '/confluent/notifications/v1/subscriptions' }, times: 1, fault: { kind: 'delay', ms: 5000 } });
  const { context, page } = await openPage(browser);
  await page.goto('/');
  const confluent = page.locator('li.source').filter({ has: page.getByRole('link', { name: 'Confluent sandbox', exact: true }) });
  await confluent.getByText(/^\d+ integrations?$/).waitFor();
  await page.getByRole('searchbox', { name: 'Search all integrations' }).fill('webhook integration');
  await page.getByRole('table', { name: 'All integrations' }).getByRole('link', { name: 'Webhook integration' }).click();
  await section(page).getByText('Read from 3 subscriptions.').waitFor({ timeout: 4000 });
  assert.equal(await page.getByRole('button', { name: 'Delete', exact: true }).isDisabled(), false);
  await assertNoPageErrors(page);
  await context.close();
});

test('the inventory says when it could not read what uses a connection’s integrations, flags nothing from it, and retries', async () => {
  await sandbox.fault({ match: { path: '/confluent/notifications/v1/subscriptions' }, times: 3, fault: { kind: 'status', status: 500, body: { errors: [{ detail: 'subscriptions are down' }] } } });
  const { context, page } = await openPage(browser);
  await page.goto('/');
  const confluent = page.locator('li.source').filter({ has: page.getByRole('link', { name: 'Confluent sandbox', exact: true }) });
  await confluent.getByText(/Could not read its subscriptions: .*subscriptions are down/).waitFor();
  await page.getByRole('searchbox', { name: 'Search all integrations' }).fill('slack integration');
  const table = page.getByRole('table', { name: 'All integrations' });
  await table.getByRole('rowheader', { name: 'Slack integration', exact: true }).waitFor();
  await assertAccessible(page, 'a connection whose uses could not be read');
  await confluent.getByRole('button', { name: 'Retry' }).click();
  await table.getByRole('rowheader', { name: 'Slack integration unused' }).waitFor();
  assert.equal(await confluent.getByText(/Could not read/).count(), 0);
  await assertNoPageErrors(page);
  await context.close();
});

test('the inventory flags what nothing uses, and its hygiene check filters and exports them', async () => {
  // 150 generated integrations a vendor: OnCall's routes take two pages of 100.
  await sandbox.reset(150);
  const { context, page } = await openPage(browser);
  await page.goto('/');
  await page.getByText('Hygiene checks').click();
  const unused = page.getByRole('button', { name: /^Show \d+ that trip: Nothing uses it$/ });
  // The count settles once every vendor's objects have been read.
  await page.waitForFunction(() => {
    const lines = [...document.querySelectorAll('li.source > span[role=status]')];
    return lines.length === 6 && lines.every((s) => /integrations?$/.test(s.textContent.trim()));
  });
  await unused.click();
  await page.waitForURL(/finding=unused/);
  const table = page.getByRole('table', { name: 'All integrations' });
  await table.getByRole('rowheader', { name: /^ThousandEyes Private/ }).waitFor();
  const flagged = await table.getByRole('rowheader').allInnerTexts();
  assert.ok(flagged.every((n) => /unused$/.test(n.trim())), flagged.join(', '));
  await assertAccessible(page, 'unused integrations');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n').slice(1);
  const shown = Number((await page.locator('p.shown').innerText()).match(/^(\d+) of/)[1]);
  assert.equal(lines.length, shown);
  assert.ok(lines.every((l) => /\bunused\b/.test(l)), lines.slice(0, 5).join('\n'));
  const named = (name) => lines.some((l) => l.includes(`,${name},`));
  for (const name of ['ThousandEyes Private', 'Slack integration', 'Generated integration 1']) assert.ok(named(name), `${name} is unused`);
  for (const name of ['Jira Thousandeyes', 'Webhook integration', 'Grafana :blush:']) assert.ok(!named(name), `${name} is used`);

  // Every OnCall route was read, through both pages: each generated integration's sends nowhere.
  assert.equal((await sandbox.requests('/grafana-oncall/api/v1/routes/')).length, 2, 'two pages of routes');
  await page.getByRole('form', { name: 'Filters' }).getByLabel('Vendor').selectOption({ label: 'Grafana OnCall' });
  await page.waitForFunction(() => document.querySelector('p.shown')?.textContent.startsWith('150 of '));
  await assertNoPageErrors(page);
  await context.close();
});
