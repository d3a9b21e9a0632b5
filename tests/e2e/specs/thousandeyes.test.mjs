// The ThousandEyes v6 integrations list against the simulated ThousandEyes, through the proxy.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assertAccessible, assertNoPageErrors, sandbox } from '../browser.mjs';
import { connectedPage } from '../pages/integrations.mjs';
import { ConnectionsPage } from '../pages/connections.mjs';

const CONN = 'thousandeyes-demo';
const ITEMS = '/thousandeyes/v6/integrations.json';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { await sandbox.reset(0, { thousandeyes: { generated: 6 } }); });

test('v6 lists third-party and webhook integrations together, read-only, credentials masked', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  await ui.openList(CONN);
  await ui.waitLoaded();
  const names = await ui.names();
  for (const name of ['Jira Thousandeyes', 'ThousandEyes Private', 'Alert ThousandEyes']) assert.ok(names.includes(name), name);
  assert.equal(names.length, 9);
  assert.equal(await page.getByRole('link', { name: 'New integration' }).count(), 0, 'v6 cannot create');
  const slack = await ui.row('ThousandEyes Private').innerText();
  assert.ok(slack.includes('Slack') && slack.includes('@primoz'), slack);
  assert.ok(!slack.includes('kwGHQz126speipc3E0e0Hx'), 'the Slack webhook URL is masked');
  await assertAccessible(page, 'ThousandEyes list');
  await ui.openDetail('Jira Thousandeyes');
  await page.getByRole('note').filter({ hasText: 'ThousandEyes API v6 lists integrations but cannot create, change or delete them' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Edit', exact: true }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Delete', exact: true }).count(), 0);
  assert.ok(!(await page.locator('main').innerText()).includes('0a4693462246893f9393ed8ab2bf22f69'), 'the PagerDuty token is masked');
  await assertAccessible(page, 'ThousandEyes detail');
  // A deep link reads the list and picks the integration out of it.
  await page.goto(`/c/${CONN}/i/999`);
  await page.getByRole('heading', { level: 2, name: 'Alert ThousandEyes' }).waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('the type filter keeps the loaded rows of that type, in the URL', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  await ui.openList(CONN);
  await ui.waitLoaded();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Type', { exact: true }).selectOption({ label: 'Slack' });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/f\.integrationType=SLACK/);
  await ui.waitLoaded();
  const names = await ui.names();
  assert.deepEqual(names.sort(), ['Generated integration 2 (Operations EMEA)', 'Generated integration 5 (Operations EMEA)', 'ThousandEyes Private']);
  await assertNoPageErrors(page);
  await context.close();
});

test('the account group chosen on the connection is sent on every call', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.edit('ThousandEyes sandbox (API v6)');
  await connections.editor.getByRole('button', { name: 'Read account groups from ThousandEyes' }).click();
  await connections.editor.locator('.setting-choices [role=status]').first().filter({ hasText: 'Read 3 account groups' }).waitFor();
  await connections.choose('Account group', 'Network lab (aid 9012)');
  await connections.save();
  await ui.openList(CONN);
  await ui.waitLoaded();
  const names = await ui.names();
  assert.equal(names.length, 6);
  assert.ok(names.every((n) => n.endsWith('(Network lab)')), names.join(', '));
  const read = (await sandbox.requests(ITEMS)).at(-1);
  assert.equal(read.query, 'aid=9012');
  await assertNoPageErrors(page);
  await context.close();
});

test('a 429 waits for the organisation’s reset, counting down', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  await sandbox.fault({
    match: { path: ITEMS }, times: 1,
    fault: { kind: 'status', status: 429, headers: { 'X-Organization-Rate-Limit-Reset': String(Math.floor(Date.now() / 1000) + 2) },
      body: { timestamp: 0, httpStatus: 429, errors: ['Rate limit exceeded'], path: '/v6/integrations' } },
  });
  await ui.openList(CONN);
  await page.getByRole('status').filter({ hasText: 'ThousandEyes is rate limiting this connection: trying again in' }).waitFor();
  await ui.waitLoaded();
  assert.equal((await ui.names()).length, 9);
  await assertNoPageErrors(page);
  await context.close();
});
