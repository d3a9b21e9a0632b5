// The PagerTree vertical against the simulated PagerTree, through the nginx proxy.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assertAccessible, assertNoPageErrors, sandbox } from '../browser.mjs';
import { connectedPage } from '../pages/integrations.mjs';

const CONN = 'pagertree-demo';
const LABEL = 'PagerTree sandbox';
const ITEMS = '/pagertree/api/v4/integrations';
const SLACK_TYPE = '01GDBF0SLACKV3CHANNEL00000';
const WEB_TEAM = '01GDKK569YVD2EB6E9V80VXWY1';
const HOOK = 'https://hooks.slack.com/services/T00/B00/e2e-secret-tail';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
// Two documented examples and ten generated integrations, unless a test asks for more.
beforeEach(async () => { await sandbox.reset(0, { pagertree: { generated: 10 } }); });

async function connected(generated) {
  if (generated !== undefined) await sandbox.reset(0, { pagertree: { generated } });
  return connectedPage(browser, CONN);
}

/** Requests the simulated PagerTree received with this method (and path prefix). */
async function received(method, path = ITEMS) {
  return (await sandbox.requests(path)).filter((r) => r.method === method);
}

/** The create form with the catalogue read and `type` chosen. */
async function newOf(page, ui, type) {
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.form.getByRole('option', { name: type, exact: true }).waitFor({ state: 'attached' });
  await ui.choose('Type', type);
}

test('all pages are read by limit and offset, and destinations show by name', async () => {
  const { context, page, ui } = await connected(228);
  await ui.openList(CONN);
  await ui.waitLoaded();
  assert.equal(await ui.showing(), 'Showing 1–50 of 230');
  const reads = (await received('GET')).map((r) => r.query).sort();
  assert.deepEqual(reads, ['limit=100&offset=0', 'limit=100&offset=100', 'limit=100&offset=200']);
  const ops = await ui.row('Ops channel').innerText();
  for (const seen of ['Slack', 'critical', 'Disabled', 'Router Business hours', 'User Ann Lee']) {
    assert.ok(ops.includes(seen), `${seen} in ${ops}`);
  }
  await assertAccessible(page, 'PagerTree list');
  await ui.openDetail('Ops channel');
  const detail = await page.locator('main').innerText();
  assert.match(detail, /incoming webhook url/i, 'each option has its own row');
  assert.ok(!detail.includes('XXXXXXXXXXXXXXXXXXXXXXXX'), 'the Slack webhook URL is masked');
  await assertAccessible(page, 'PagerTree detail');
  await assertNoPageErrors(page);
  await context.close();
});

test('create a Slack integration → edit it → delete it, sending PagerTree’s own shapes', async () => {
  const { context, page, ui } = await connected();
  await newOf(page, ui, 'Slack');
  await ui.fill('Name', 'E2E Slack');
  await ui.choose('Urgency', 'High');
  await ui.form.getByLabel('Web team', { exact: true }).check();
  await ui.fill('Incoming webhook URL', HOOK);
  await ui.field('Alert open').check();
  await assertAccessible(page, 'PagerTree create form');
  await ui.save();
  await ui.toast('Created “E2E Slack”.').waitFor();
  await page.getByRole('heading', { level: 2, name: 'E2E Slack' }).waitFor();
  const [created] = await received('POST');
  assert.deepEqual(JSON.parse(created.body), {
    name: 'E2E Slack', urgency: 'high', enabled: true, integration_type_id: SLACK_TYPE, team_ids: [WEB_TEAM],
    option_title_template_enabled: false, option_description_template_enabled: false,
    option_incoming_webhook_url: HOOK, option_alert_open: true, option_alert_acknowledged: false,
    option_alert_resolved: false, option_alert_dropped: false,
  });

  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await ui.form.waitFor();
  assert.equal(await ui.field('Type').isDisabled(), true, 'the type is fixed once created');
  assert.equal(await ui.field('Name').inputValue(), 'E2E Slack');
  await ui.fill('Name', 'E2E Slack v2');
  await ui.form.getByLabel('Business hours', { exact: true }).check();
  await ui.save();
  await ui.toast('Saved “E2E Slack v2”.').waitFor();
  const [put] = await received('PUT');
  const sent = JSON.parse(put.body);
  assert.equal(sent.name, 'E2E Slack v2');
  assert.deepEqual(sent.router_ids, ['01GDKK3ROUTER0000000000001']);
  assert.equal(sent.integration_type_id, undefined, 'the type is never sent on edit');
  assert.equal(sent.option_incoming_webhook_url, HOOK);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  // Its destinations still take its alerts: deleting waits for its name to be typed.
  const dialog = page.getByRole('dialog', { name: 'Delete “E2E Slack v2”?' });
  const confirm = dialog.getByRole('button', { name: 'Delete integration' });
  assert.match(await dialog.innerText(), /still in use \(Destinations: Team Web team · Router Business hours\)/);
  assert.equal(await confirm.isDisabled(), true);
  await dialog.getByLabel('Type “E2E Slack v2” to confirm').fill('E2E Slack v');
  assert.equal(await confirm.isDisabled(), true, 'not yet the name');
  await assertAccessible(page, 'a delete that asks for the name');
  await dialog.getByLabel('Type “E2E Slack v2” to confirm').fill('E2E Slack v2');
  await confirm.click();
  await ui.toast('Deleted “E2E Slack v2”.').waitFor();
  await page.getByRole('heading', { level: 1, name: `Integrations — ${LABEL}` }).waitFor();
  assert.equal(await ui.row('E2E Slack v2').count(), 0);
  assert.equal((await received('DELETE')).length, 1);
  await assertNoPageErrors(page);
  await context.close();
});

test('the form refuses what PagerTree would, before sending: required fields, a destination, the type’s own rules', async () => {
  const { context, page, ui } = await connected();
  await newOf(page, ui, 'LogicMonitor');
  await ui.save();
  assert.deepEqual(await ui.errorsOf('Name'), ['required']);
  assert.deepEqual(await ui.errorsOf('Urgency'), ['required']);
  const destinations = ui.form.getByRole('group', { name: 'Destinations' });
  assert.ok((await destinations.innerText()).includes('choose at least one account user, router or team'));
  await ui.field('Alert acknowledged').check();
  await ui.save();
  assert.deepEqual(await ui.errorsOf('Access ID'), ['required when Alert acknowledged is on']);
  // Another type's options replace these; its defaults are filled in.
  await ui.choose('Type', 'Email');
  assert.equal(await ui.field('Access ID').count(), 0);
  assert.equal(await ui.field('Dedup threads').isChecked(), true);
  assert.equal(await ui.field('Sanitize level').inputValue(), 'relaxed');
  await ui.choose('Type', 'Microsoft Teams');
  assert.equal(await ui.field('Time zone').inputValue(), 'UTC');
  await ui.fill('Time zone', 'Paris time');
  assert.equal((await ui.errorsOf('Time zone')).length, 1);
  await ui.fill('Incoming webhook URL', 'https://intranet/hook');
  assert.deepEqual(await ui.errorsOf('Incoming webhook URL'), ['PagerTree refuses local hosts: use a full domain name, such as hooks.example.com']);
  assert.equal((await received('POST')).length, 0, 'nothing was sent');
  await assertAccessible(page, 'PagerTree form with errors');
  await assertNoPageErrors(page);
  await context.close();
});

test('PagerTree’s 422 lands on the field it names, and a 409 says what conflicted; the input is kept', async () => {
  const { context, page, ui } = await connected();
  await sandbox.fault({
    match: { method: 'POST', path: ITEMS }, times: 1,
    fault: { kind: 'status', status: 422, body: { errors: [{ message: 'Name has already been taken' }], code: 422 } },
  });
  await sandbox.fault({
    match: { method: 'POST', path: ITEMS }, times: 1,
    fault: { kind: 'status', status: 409, body: { errors: [{ message: 'Integration is being changed by another request' }], code: 409 } },
  });
  await newOf(page, ui, 'Zabbix');
  await ui.fill('Name', 'Taken');
  await ui.choose('Urgency', 'Low');
  await ui.form.getByLabel('Ann Lee', { exact: true }).check();
  await ui.save();
  await ui.errorPanel('Not saved: your input is kept').waitFor();
  assert.deepEqual(await ui.errorsOf('Name'), ['Name has already been taken']);
  assert.equal(await ui.field('Name').inputValue(), 'Taken');
  await ui.save();
  const panel = ui.errorPanel('Not saved: your input is kept');
  await panel.filter({ hasText: 'conflicts' }).waitFor();
  assert.ok((await panel.innerText()).includes('Integration is being changed by another request'));
  await ui.save();
  await ui.toast('Created “Taken”.').waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('a 429 without any header backs off, says so, then the list loads', async () => {
  const { context, page, ui } = await connected();
  await sandbox.fault({
    match: { method: 'GET', path: ITEMS }, times: 2,
    fault: { kind: 'status', status: 429, body: { errors: [{ message: 'Too many requests' }], code: 429 } },
  });
  await ui.openList(CONN);
  await page.getByRole('status').filter({ hasText: 'PagerTree is rate limiting this connection: trying again in' }).waitFor();
  await ui.waitLoaded();
  assert.equal((await ui.names()).length, 12);
  assert.equal((await received('GET')).length, 3);
  await assertNoPageErrors(page);
  await context.close();
});

test('filters by urgency and type ask PagerTree, and live in the URL', async () => {
  const { context, page, ui } = await connected();
  await ui.openList(CONN);
  await ui.waitLoaded();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Urgency', { exact: true }).selectOption({ label: 'Critical' });
  await filters.getByLabel('Type', { exact: true }).selectOption({ label: 'Slack' });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/f\.urgency=critical/);
  await ui.waitLoaded();
  assert.deepEqual(await ui.names(), ['Ops channel']);
  const last = (await received('GET')).at(-1).query;
  assert.equal(last, `limit=100&offset=0&urgency=critical&integration_type_id=${SLACK_TYPE}`);
  await page.reload();
  await ui.row('Ops channel').waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('a wrong API key says the key is wrong, without showing it', async () => {
  const { context, page, ui } = await connected();
  await ui.enterSecret(CONN, 'API key', 'not-the-key');
  await ui.openList(CONN);
  const panel = ui.errorPanel('The list could not be read completely');
  await panel.waitFor();
  assert.ok((await panel.innerText()).includes("PagerTree did not accept this connection's API key"));
  assert.ok(!(await panel.innerText()).includes('not-the-key'));
  const [read] = await received('GET');
  assert.equal(read.headers.authorization, 'Bearer not-the-key', 'the key goes as a bearer token, never in the URL');
  assert.ok(!read.query.includes('not-the-key'));
  await assertNoPageErrors(page);
  await context.close();
});

test('a catalogue that lands late keeps what was typed, can be searched, and offers each type’s options', async () => {
  const { context, page, ui } = await connected();
  await sandbox.fault({ match: { path: '/pagertree/api/v4/integration_types' }, times: 1, fault: { kind: 'delay', ms: 3000 } });
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.fill('Name', 'Typed early');
  await ui.choose('Urgency', 'Medium');
  assert.equal(await ui.form.getByRole('option', { name: 'Slack', exact: true }).count(), 0, 'the catalogue is still on its way');
  await ui.form.getByRole('option', { name: 'Slack', exact: true }).waitFor({ state: 'attached' });
  assert.equal(await ui.field('Name').inputValue(), 'Typed early');
  assert.equal(await ui.field('Urgency').inputValue(), 'medium');
  // The catalogue is long: a box narrows it.
  await ui.form.getByLabel('Find in Type', { exact: true }).fill('monitor');
  const shown = await ui.field('Type').evaluate((select) => [...select.options].filter((o) => !o.hidden && o.value).map((o) => o.text));
  assert.deepEqual(shown, ['LogicMonitor']);
  await ui.form.getByLabel('Find in Type', { exact: true }).fill('');
  await ui.choose('Type', 'Slack');
  await ui.field('Incoming webhook URL').waitFor();
  assert.equal(await ui.field('Name').inputValue(), 'Typed early');
  await assertNoPageErrors(page);
  await context.close();
});

test('a Twilio Live Call Routing integration sends numbers, choices and credentials as PagerTree takes them', async () => {
  const { context, page, ui } = await connected();
  await newOf(page, ui, 'Twilio Live Call Routing');
  await ui.fill('Name', 'Support line');
  await ui.choose('Urgency', 'Critical');
  await ui.form.getByLabel('Night shift', { exact: true }).check();
  await ui.fill('Account SID', 'AC123');
  await ui.fill('API key', 'SK123');
  await ui.fill('API secret', 'twilio-secret-e2e');
  await ui.choose('API region', 'dublin.ie1');
  await ui.fill('Max wait time', '29');
  assert.deepEqual(await ui.errorsOf('Max wait time'), ['must be between 30 and 3600']);
  await ui.fill('Max wait time', '90');
  await ui.fill('Record email', 'team,ops@example.com');
  await ui.save();
  await ui.toast('Created “Support line”.').waitFor();
  const [created] = await received('POST');
  const body = JSON.parse(created.body);
  assert.equal(body.option_max_wait_time, 90, 'a whole number, not text');
  assert.equal(body.option_api_region, 'dublin.ie1');
  assert.equal(body.option_api_secret, 'twilio-secret-e2e');
  assert.equal(body.option_record_email, 'team,ops@example.com');
  assert.deepEqual(body.router_ids, ['01GDKKROUTER00000000000001']);
  await page.getByText(/max wait time/i).first().waitFor();
  const detail = await page.locator('main').innerText();
  assert.ok(!detail.includes('twilio-secret-e2e'), 'the API secret is masked on the page');
  assert.match(detail, /max wait time\s+90/i);
  await assertNoPageErrors(page);
  await context.close();
});
