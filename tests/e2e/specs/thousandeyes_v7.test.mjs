// ThousandEyes API v7 against the simulated Integrations API, through the proxy: connectors
// and webhook operations in one list, created, edited, deleted, linked; the account group
// switched from the page; errors on their fields; the organisation's rate limit.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assertAccessible, assertNoPageErrors, sandbox } from '../browser.mjs';
import { connectedPage } from '../pages/integrations.mjs';

const CONN = 'thousandeyes-v7-demo';
const CONNECTORS = '/thousandeyes/v7/connectors/generic';
const OPERATIONS = '/thousandeyes/v7/operations/webhooks';
const SLACK_ID = 'cb1b8033-ea2d-4e9b-a920-fe87850693cf';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { await sandbox.reset(0, { thousandeyes: { v7_generated: 2 } }); });

const sent = async (method, path) => (await sandbox.requests(path)).filter((r) => r.method === method);
const inputValues = (page) => page.locator('main input').evaluateAll((inputs) => inputs.map((i) => i.value).join(' '));

test('connectors and operations list together; a connector with basic auth is created, its secrets never shown again, edited and deleted', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  await ui.openList(CONN);
  await ui.waitLoaded();
  const names = await ui.names();
  assert.equal(names.length, 6, names.join(', '));
  for (const name of ['Cisco Slack', 'My operation']) assert.ok(names.includes(name), name);
  const slack = await ui.row('Cisco Slack').innerText();
  assert.ok(slack.includes('Connector') && slack.includes('hooks.slack.com'), slack);
  assert.ok(!slack.includes('services/REDACTED'), 'the target URL is masked');
  assert.ok((await ui.row('My operation').innerText()).includes('Webhook operation'));
  await assertAccessible(page, 'ThousandEyes v7 list');

  await page.getByRole('link', { name: 'New integration' }).click();
  await ui.form.waitFor();
  await ui.fill('Name', 'E2E hook');
  await ui.fill('Target URL', 'https://alerts.example.com/te');
  await ui.choose('Authentication', 'Basic (username and password)');
  await ui.fill('Username', 'svc');
  await ui.fill('Password', 'pa55-word-1234');
  await ui.form.getByRole('button', { name: 'Add to Headers' }).click();
  await ui.fill('Headers 1 name', 'X-Api-Key');
  await ui.fill('Headers 1 value', 'key-abcdef-9876');
  await assertAccessible(page, 'ThousandEyes v7 connector form');
  await ui.save();
  await ui.toast('Created “E2E hook”.').waitFor();
  await page.getByRole('heading', { level: 2, name: 'E2E hook' }).waitFor();
  const [created] = await sent('POST', CONNECTORS);
  assert.deepEqual(JSON.parse(created.body), {
    type: 'generic', name: 'E2E hook', target: 'https://alerts.example.com/te',
    authentication: { type: 'basic', username: 'svc', password: 'pa55-word-1234' },
    headers: [{ name: 'X-Api-Key', value: 'key-abcdef-9876' }],
  });
  const detail = await page.locator('main').innerText();
  for (const secret of ['pa55-word-1234', 'key-abcdef-9876']) assert.ok(!detail.includes(secret), `${secret} is masked`);
  await page.getByRole('region', { name: 'Operations sent through this connector' }).getByText('Nothing here yet.').waitFor();
  await assertAccessible(page, 'ThousandEyes v7 connector detail');

  // The edit form shows saved secrets as saved; no input holds one.
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await ui.form.getByRole('button', { name: 'Replace Password' }).waitFor();
  const values = await inputValues(page);
  for (const secret of ['pa55-word-1234', 'key-abcdef-9876']) assert.ok(!values.includes(secret), `${secret} is in no input`);
  assert.match(await ui.field('Headers 1 value').getAttribute('placeholder'), /^saved /);
  await ui.fill('Name', 'E2E hook v2');
  await ui.save();
  await ui.toast('Saved “E2E hook v2”.').waitFor();
  const [replaced] = await sent('PUT', CONNECTORS);
  const body = JSON.parse(replaced.body);
  assert.equal(body.name, 'E2E hook v2');
  assert.equal(body.authentication.password, 'pa55-word-1234', 'the saved password travels unchanged');
  assert.deepEqual(body.headers, [{ name: 'X-Api-Key', value: 'key-abcdef-9876' }]);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete “E2E hook v2”?' }).getByRole('button', { name: 'Delete integration' }).click();
  await ui.toast('Deleted “E2E hook v2”.').waitFor();
  assert.equal((await sent('DELETE', CONNECTORS)).length, 1);
  await assertNoPageErrors(page);
  await context.close();
});

test('an operation: the payload is pre-checked, then it is created, linked to a connector, seen from both sides and unlinked', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.choose('Kind', 'Webhook operation: what to send');
  await ui.fill('Name', 'E2E operation');
  await ui.fill('Payload', '{"alerts": [{{#each alerts}}"{{ruleName}}"]}');
  assert.deepEqual(await ui.errorsOf('Payload'), ['line 1: the block {{#each}} is never closed (expected {{/each}})']);
  await ui.save();
  assert.equal((await sent('POST', OPERATIONS)).length, 0, 'nothing is sent while the template is broken');
  await ui.fill('Payload', '{"alerts": [{{#each alerts}}"{{ruleName}}"{{/each}}]}');
  await ui.save();
  await page.getByRole('heading', { level: 2, name: 'E2E operation' }).waitFor();
  const [created] = await sent('POST', OPERATIONS);
  assert.equal(JSON.parse(created.body).status, 'pending');

  const through = page.getByRole('region', { name: 'Sends through' });
  await through.getByText('Nothing here yet.').waitFor();
  const link = page.getByRole('form', { name: 'Link to connector' });
  await link.getByLabel('Send through', { exact: true }).selectOption({ label: 'Cisco Slack' });
  await link.getByRole('button', { name: 'Link to connector' }).click();
  await through.getByRole('cell', { name: 'Cisco Slack' }).waitFor();
  const [linked] = await sent('PUT', '/thousandeyes/v7/operations/webhooks/');
  assert.deepEqual(JSON.parse(linked.body), [SLACK_ID]);
  await assertAccessible(page, 'ThousandEyes v7 operation detail');

  // The connector's page lists it among the operations it sends.
  await page.goto(`/c/${CONN}/i/connector-${SLACK_ID}`);
  const sends = page.getByRole('region', { name: 'Operations sent through this connector' });
  await sends.getByRole('cell', { name: 'E2E operation' }).waitFor();
  await sends.getByRole('cell', { name: 'My operation' }).waitFor();

  await page.goBack();
  await page.getByRole('heading', { level: 2, name: 'E2E operation' }).waitFor();
  await page.getByRole('form', { name: 'Link to connector' }).getByLabel('Send through', { exact: true }).selectOption({ label: 'No connector (unlink)' });
  await page.getByRole('form', { name: 'Link to connector' }).getByRole('button', { name: 'Link to connector' }).click();
  await page.getByRole('region', { name: 'Sends through' }).getByText('Nothing here yet.').waitFor();
  assert.deepEqual(JSON.parse((await sent('PUT', '/thousandeyes/v7/operations/webhooks/')).at(-1).body), []);
  await assertNoPageErrors(page);
  await context.close();
});

test('ThousandEyes’ field errors land on their fields, and a server error keeps the input', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  await sandbox.fault({
    match: { method: 'POST', path: CONNECTORS }, times: 1,
    fault: { kind: 'status', status: 400, headers: { 'content-type': 'application/problem+json' },
      body: { type: 'about:blank', title: 'Request validation failed. There are invalid or missing fields', status: 400, detail: 'Your request object contains invalid fields.', instance: '/v7',
        errors: [{ code: 'TARGET-1', field: 'target', message: 'target must be reachable from ThousandEyes' }] } },
  });
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.fill('Name', 'Kept name');
  await ui.fill('Target URL', 'https://unreachable.example.com/te');
  await ui.save();
  await ui.errorPanel('Not saved: your input is kept').waitFor();
  assert.deepEqual(await ui.errorsOf('Target URL'), ['target must be reachable from ThousandEyes']);
  assert.equal(await ui.field('Name').inputValue(), 'Kept name');

  await sandbox.fault({ match: { method: 'POST', path: CONNECTORS }, times: 1, fault: { kind: 'status', status: 500, body: { type: 'about:blank', title: 'Internal server error', status: 500 } } });
  await ui.save();
  await ui.errorPanel('Not saved: your input is kept').filter({ hasText: '500' }).waitFor();
  assert.equal(await ui.field('Target URL').inputValue(), 'https://unreachable.example.com/te');
  await assertNoPageErrors(page);
  await context.close();
});

test('the account group is switched from the page, and the list is read for it', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  await ui.openList(CONN);
  await ui.waitLoaded();
  await page.getByText('Account group: the token\'s default').waitFor();
  await page.getByRole('button', { name: 'Switch account group' }).click();
  await page.getByLabel('Account group', { exact: true }).selectOption({ label: 'Operations Americas (aid 5678)' });
  await page.getByText('Account group: id 5678').waitFor();
  await ui.waitLoaded();
  const names = await ui.names();
  assert.equal(names.length, 4, names.join(', '));
  assert.ok(names.every((n) => n.includes('aid 5678')), names.join(', '));
  const last = (await sandbox.requests(OPERATIONS)).at(-1);
  assert.equal(last.query, 'aid=5678');
  await assertAccessible(page, 'ThousandEyes v7 list, group switched');
  await assertNoPageErrors(page);
  await context.close();
});

test('the organisation’s remaining budget shows when it runs low, and a 429 waits for the reset', async () => {
  await sandbox.reset(0, { thousandeyes: { v7_generated: 2, rate_limit: { limit: 5, window_s: 60 } } });
  const { context, page, ui } = await connectedPage(browser, CONN);
  await ui.openList(CONN);
  await ui.waitLoaded();
  const budget = page.locator('p.budget');
  await budget.waitFor();
  assert.match(await budget.innerText(), /^ThousandEyes will take 1 more request of 5 in this rate-limit window/);
  await context.close();

  await sandbox.reset(0, { thousandeyes: { v7_generated: 2 } });
  const second = await connectedPage(browser, CONN);
  await sandbox.fault({
    match: { path: OPERATIONS }, times: 1,
    fault: { kind: 'status', status: 429, headers: { 'X-Organization-Rate-Limit-Reset': String(Math.floor(Date.now() / 1000) + 2) },
      body: { type: 'about:blank', title: 'Too Many Requests', status: 429 } },
  });
  await second.ui.openList(CONN);
  await second.page.getByRole('status').filter({ hasText: 'ThousandEyes is rate limiting this connection: trying again in' }).first().waitFor();
  await second.ui.waitLoaded();
  assert.equal((await second.ui.names()).length, 6);
  await assertNoPageErrors(second.page);
  await second.context.close();
});

test('each of v7’s error shapes is worded for the token and the group', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  const panel = ui.errorPanel('The list could not be read completely');
  const cases = [
    [401, { error: 'invalid_token', error_description: 'Invalid access token' }, ['did not accept this connection’s bearer token', 'Invalid access token']],
    [403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Insufficient permissions to query endpoint' }, ['may not manage integrations in this account group', 'Insufficient permissions']],
    [400, { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'You are not a member of this account group' }, ['check that its user is a member of it']],
  ];
  for (const [status, body, says] of cases) {
    await sandbox.fault({ match: { method: 'GET', path: CONNECTORS }, times: 3, fault: { kind: 'status', status, headers: { 'content-type': 'application/problem+json' }, body } });
    await ui.openList(CONN);
    await panel.waitFor();
    const text = await panel.innerText();
    for (const said of says) assert.ok(text.includes(said.replace('’', "'")), `${status}: ${text}`);
    assert.ok(!text.includes('demo-thousandeyes-bearer'), 'the token is never shown');
    await sandbox.reset(0, { thousandeyes: { v7_generated: 2 } });
    await page.goto('/connections');
  }
  await assertNoPageErrors(page);
  await context.close();
});
