// The Confluent Cloud vertical against the simulated Confluent, through the nginx proxy.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assertAccessible, assertNoPageErrors, sandbox } from '../browser.mjs';
import { connectedPage } from '../pages/integrations.mjs';

const CONN = 'confluent-demo';
const LABEL = 'Confluent sandbox';
const ITEMS = '/confluent/notifications/v1/integrations';
const SLACK = 'https://hooks.slack.com/services/T00/B00/e2e-secret-tail';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { await sandbox.reset(0); });

async function connected(seedOptions) {
  if (seedOptions) await sandbox.reset(seedOptions.seed ?? 0, seedOptions.vendors);
  return connectedPage(browser, CONN);
}

/** Requests the simulated Confluent received with this method (and path prefix). */
async function received(method, path = ITEMS) {
  return (await sandbox.requests(path)).filter((r) => r.method === method);
}

test('create → it appears in the list → edit sends only the change → delete removes it without a reload', async () => {
  const { context, page, ui } = await connected();
  await ui.openList(CONN);
  await ui.waitLoaded();
  assert.equal((await ui.names()).length, 5);
  await assertAccessible(page, 'Confluent list');

  await page.getByRole('link', { name: 'New integration' }).click();
  await ui.form.waitFor();
  await ui.fill('Display name', 'E2E hook');
  await ui.fill('Description', 'Created by the journey');
  await ui.choose('Target', 'Slack');
  await ui.fill('Slack webhook URL', SLACK);
  await assertAccessible(page, 'Confluent create form');
  await ui.save();
  await ui.toast('Created “E2E hook”.').waitFor();
  await page.getByRole('heading', { level: 2, name: 'E2E hook' }).waitFor();
  const [created] = await received('POST');
  assert.deepEqual(JSON.parse(created.body), {
    display_name: 'E2E hook', description: 'Created by the journey', target: { kind: 'Slack', webhook_url: SLACK },
  });
  await assertAccessible(page, 'Confluent detail');

  const listReads = (await received('GET', ITEMS)).filter((r) => r.query.startsWith('page_size')).length;
  await page.getByRole('navigation', { name: 'Connections' }).getByRole('link', { name: LABEL }).click();
  await ui.row('E2E hook').waitFor();
  assert.equal(await ui.showing(), 'Showing 1–6 of 6');
  assert.ok(!(await ui.row('E2E hook').innerText()).includes('e2e-secret-tail'), 'the webhook URL is masked');

  await ui.openDetail('E2E hook');
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await ui.form.waitFor();
  assert.equal(await ui.field('Display name').inputValue(), 'E2E hook');
  await ui.fill('Display name', 'E2E hook v2');
  await ui.save();
  await ui.toast('Saved “E2E hook v2”.').waitFor();
  const [patched] = await received('PATCH');
  assert.deepEqual(JSON.parse(patched.body), { display_name: 'E2E hook v2' });

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “E2E hook v2”?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Delete integration' }).click();
  await ui.toast('Deleted “E2E hook v2”.').waitFor();
  await page.getByRole('heading', { level: 1, name: `Integrations — ${LABEL}` }).waitFor();
  assert.equal(await ui.row('E2E hook v2').count(), 0);
  assert.equal(await ui.showing(), 'Showing 1–5 of 5');
  assert.equal((await received('DELETE')).length, 1);
  const readsAfter = (await received('GET', ITEMS)).filter((r) => r.query.startsWith('page_size')).length;
  assert.equal(readsAfter, listReads, 'the list was not read again after create, edit or delete');
  await assertNoPageErrors(page);
  await context.close();
});

test('invalid input shows on its fields and never reaches Confluent', async () => {
  const { context, page, ui } = await connected();
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.fill('Display name', 'x'.repeat(65));
  await ui.fill('Description', 'd'.repeat(129));
  await ui.fill('Webhook URL', 'javascript:alert(1)');
  await ui.save();
  assert.deepEqual(await ui.errorsOf('Display name'), ['at most 64 characters']);
  assert.deepEqual(await ui.errorsOf('Description'), ['at most 128 characters']);
  assert.deepEqual(await ui.errorsOf('Webhook URL'), ['must start with http:// or https://']);
  await ui.sendTest();
  await ui.choose('Target', 'Microsoft Teams');
  await ui.fill('Teams webhook URL', '/relative');
  await ui.save();
  assert.deepEqual(await ui.errorsOf('Teams webhook URL'), ['must be an absolute URL, like https://host/path']);
  await assertAccessible(page, 'Confluent form with errors');
  assert.deepEqual(await received('POST'), [], 'nothing was sent');
  await assertNoPageErrors(page);
  await context.close();
});

test('a vendor 422 lands on its field and clears when the field changes', async () => {
  const { context, page, ui } = await connected();
  await sandbox.fault({
    match: { method: 'POST', path: ITEMS },
    fault: { kind: 'status', status: 422, headers: { 'X-Request-Id': 'req-422' }, body: { errors: [
      { status: '422', code: 'invalid_configuration', title: 'Validation Failed', detail: 'display_name is already used in this organization', source: { pointer: '/display_name' } },
    ] } },
  });
  await page.goto(`/c/${CONN}/new`);
  await ui.fill('Display name', 'Taken');
  await ui.fill('Webhook URL', 'https://hooks.test/taken');
  await ui.save();
  await ui.errorPanel('Not saved: your input is kept').waitFor();
  assert.deepEqual(await ui.errorsOf('Display name'), ['display_name is already used in this organization']);
  assert.ok((await ui.errorPanel('Not saved: your input is kept').innerText()).includes('req-422'));
  assert.equal(await ui.field('Webhook URL').inputValue(), 'https://hooks.test/taken', 'input kept');
  await ui.fill('Display name', 'Not taken');
  assert.deepEqual(await ui.errorsOf('Display name'), []);
  await ui.save();
  await ui.toast('Created “Not taken”.').waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('a 429 says how long it waits, then the list loads', async () => {
  const { context, page, ui } = await connected();
  await sandbox.fault({
    match: { method: 'GET', path: ITEMS },
    fault: { kind: 'status', status: 429, headers: { 'Retry-After': '2' }, body: { errors: [{ status: '429', detail: 'Too Many Requests' }] } },
  });
  await ui.openList(CONN);
  await page.getByRole('status').filter({ hasText: 'Confluent Cloud is rate limiting this connection: trying again in' }).waitFor();
  await ui.waitLoaded();
  assert.equal((await ui.names()).length, 5);
  assert.equal((await received('GET')).length, 2);
  await assertAccessible(page, 'list after a 429');
  await assertNoPageErrors(page);
  await context.close();
});

test('email and unknown kinds are listed and viewable but not editable, with the reason', async () => {
  // InApp is newer than the published contract: the sandbox serves it only when asked.
  const { context, page, ui } = await connected({ seed: 0, vendors: { confluent: { newer_kinds: true } } });
  await ui.openList(CONN);
  await ui.waitLoaded();
  for (const name of ['Organization admins', 'On-call user', 'In-app notices']) {
    await ui.openDetail(name);
    assert.equal(await page.getByRole('link', { name: 'Edit', exact: true }).count(), 0, name);
    assert.equal(await page.getByRole('button', { name: 'Delete', exact: true }).count(), 0, name);
    await page.getByRole('note').waitFor();
    await page.goBack();
  }
  await ui.openDetail('Organization admins');
  assert.ok((await page.getByRole('note').innerText()).startsWith('Email integrations are managed by Confluent'));
  await page.goto(`/c/${CONN}/i/i-12348/edit`);
  await page.getByRole('note').waitFor();
  assert.equal(await ui.form.count(), 0);
  await page.goto(`/c/${CONN}/i/i-12350`);
  assert.ok((await page.getByRole('note').innerText()).includes('“InApp”'));
  await page.getByText('Raw JSON, as the vendor sent it').click();
  assert.ok((await page.locator('details.raw pre').innerText()).includes('"kind": "InApp"'));
  await assertAccessible(page, 'read-only detail');
  await assertNoPageErrors(page);
  await context.close();
});

test('paging through 605 integrations follows every next link through the proxy and reaches the last one', async () => {
  const { context, page, ui } = await connected({ seed: 600 });
  await ui.openList(CONN);
  await ui.waitLoaded();
  assert.equal(await ui.showing(), 'Showing 1–50 of 605');
  await page.getByRole('button', { name: 'Last', exact: true }).click();
  await ui.row('Generated integration 600').waitFor();
  assert.equal(await ui.showing(), 'Showing 601–605 of 605');
  assert.match(page.url(), /page=13/);
  await page.reload();
  await ui.row('Generated integration 600').waitFor();
  const reads = (await received('GET')).map((r) => r.query);
  assert.equal(reads.length, 14, 'two full reads of 7 pages (before and after the reload)');
  assert.equal(reads[0], 'page_size=100');
  assert.ok(reads.slice(1, 7).every((q) => /^page_size=100&page_token=pt[0-9a-f]+$/.test(q)), reads.join('\n'));

  await page.getByRole('searchbox').fill('integration 599');
  await ui.row('Generated integration 599').waitFor();
  assert.equal(await ui.showing(), 'Showing 1–1 of 1');
  await assertNoPageErrors(page);
  await context.close();
});

test('send test asks Confluent to notify without saving, and shows what it answered', async () => {
  const { context, page, ui } = await connected();
  await page.goto(`/c/${CONN}/new`);
  await ui.fill('Display name', 'Try me');
  await ui.fill('Webhook URL', 'https://hooks.test/try');
  await ui.sendTest();
  await page.getByText('Confluent Cloud accepted the test and sent a notification (HTTP 204).').waitFor();
  await ui.fill('Webhook URL', 'https://nowhere.invalid/hook');
  await ui.sendTest();
  await ui.errorPanel('The test notification failed').waitFor();
  assert.ok((await ui.errorPanel('The test notification failed').innerText()).includes('host nowhere.invalid not found'));
  const posts = await received('POST');
  assert.deepEqual(posts.map((r) => r.path), [`${ITEMS}:test`, `${ITEMS}:test`]);
  await assertNoPageErrors(page);
  await context.close();
});

test('quota, server errors and wrong credentials say what happened and keep the input', async () => {
  const { context, page, ui } = await connected({ seed: 0, vendors: { confluent: { quota: 5 } } });
  await page.goto(`/c/${CONN}/new`);
  await ui.fill('Display name', 'One too many');
  await ui.fill('Webhook URL', 'https://hooks.test/more');
  await ui.save();
  const quota = ui.errorPanel('Not saved: your input is kept');
  await quota.waitFor();
  assert.ok((await quota.innerText()).includes('reached its integration quota'));
  assert.equal(await ui.field('Display name').inputValue(), 'One too many');

  await sandbox.fault({ match: { method: 'POST', path: ITEMS }, fault: { kind: 'status', status: 500, body: { errors: [{ status: '500', detail: 'Oops' }] } } });
  await ui.save();
  await page.getByText('The vendor had a server error').waitFor();
  assert.equal(await ui.field('Webhook URL').inputValue(), 'https://hooks.test/more');

  page.once('dialog', (dialog) => dialog.accept()); // leaving the unsaved form asks first
  await ui.enterSecret(CONN, 'Cloud API secret', 'wrong-secret');
  await ui.openList(CONN);
  const denied = ui.errorPanel('The list could not be read completely');
  await denied.waitFor();
  const text = await denied.innerText();
  assert.ok(text.includes("Confluent rejected this connection's Cloud API key or secret"), text);
  assert.ok(text.includes('The API Key is invalid'));
  assert.match(text, /Vendor request id sbx-\d+/);
  assert.ok(!text.includes('wrong-secret'));
  await assertNoPageErrors(page);
  await context.close();
});

test('a masked webhook URL can be revealed and copied', async () => {
  const { context, page, ui } = await connected();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ui.openList(CONN);
  await ui.waitLoaded();
  const row = ui.row('Slack integration');
  assert.ok((await row.innerText()).includes('https://hooks.slack.com/••••'));
  const reveal = row.getByRole('button', { name: 'Reveal target of Slack integration' });
  assert.equal(await reveal.getAttribute('aria-pressed'), 'false');
  await reveal.click();
  assert.ok((await row.innerText()).includes('https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'));
  // A toggle keeps its name and says its state.
  assert.equal(await reveal.getAttribute('aria-pressed'), 'true');
  await row.getByRole('button', { name: 'Copy target of Slack integration' }).click();
  await ui.toast('Copied to the clipboard.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX');
  await reveal.click();
  assert.equal(await reveal.getAttribute('aria-pressed'), 'false');
  assert.ok((await row.innerText()).includes('https://hooks.slack.com/••••'), 'masked again');
  await assertNoPageErrors(page);
  await context.close();
});
