// The Rocket.Chat vertical against the simulated Rocket.Chat, through the nginx proxy.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, assertAccessible, assertNoPageErrors, sandbox } from '../browser.mjs';
import { connectedPage } from '../pages/integrations.mjs';

const CONN = 'rocketchat-demo';
const LABEL = 'Rocket.Chat sandbox';
const API = '/rocketchat/api/v1/';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
// The documents' three examples and ten generated integrations, unless a test asks otherwise.
beforeEach(async () => { await sandbox.reset(0, { rocketchat: { generated: 10 } }); });

async function connected(options) {
  if (options) await sandbox.reset(0, { rocketchat: options });
  return connectedPage(browser, CONN);
}

/** Requests the simulated Rocket.Chat received on `route` with this method. */
async function received(method, route) {
  return (await sandbox.requests(`${API}${route}`)).filter((r) => r.method === method);
}

test('incoming and outgoing webhooks are listed together, read by offset and count', async () => {
  const { context, page, ui } = await connected({ generated: 150 });
  await ui.openList(CONN);
  await ui.waitLoaded();
  assert.equal(await ui.showing(), 'Showing 1–50 of 153');
  const reads = (await received('GET', 'integrations.list')).map((r) => r.query).sort();
  assert.deepEqual(reads, ['offset=0&count=100', 'offset=100&count=100']);
  const gitlab = await ui.row('GitLab pushes').innerText();
  for (const seen of ['Incoming webhook', '#general, @alice', 'rocket.cat', 'Off']) assert.ok(gitlab.includes(seen), `${seen} in ${gitlab}`);
  const guggy = await ui.row('Guggy').innerText();
  for (const seen of ['Outgoing webhook', 'Message sent', 'http://text2gif.guggy.com/guggify', 'On']) assert.ok(guggy.includes(seen), `${seen} in ${guggy}`);
  await assertAccessible(page, 'Rocket.Chat list');
  await ui.openDetail('GitLab pushes');
  const detail = await page.locator('main').innerText();
  assert.ok(!detail.includes('Xb7kq2PZr9W4'), 'the webhook token is masked');
  await page.getByRole('button', { name: 'Reveal Webhook URL' }).click();
  await page.getByText('http://127.0.0.1:9870/rocketchat/hooks/n3XLB9ZaGuNNhb4Ex/Xb7kq2PZr9W4mNcT5vYh3LdF8sJg6QaE1uBo0RiKtCnVwMyz').waitFor();
  await assertAccessible(page, 'Rocket.Chat detail');
  await assertNoPageErrors(page);
  await context.close();
});

test('the type filter asks the server and filters loaded rows too, for servers that ignore it', async () => {
  const { context, page, ui } = await connected({ generated: 10, version: '6.13.0' });
  await ui.openList(CONN);
  await ui.waitLoaded();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Type', { exact: true }).selectOption({ label: 'Incoming webhooks' });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/f\.type=webhook-incoming/);
  await ui.waitLoaded();
  const names = await ui.names();
  assert.equal(names.length, 6, names.join(', '));
  assert.ok(names.includes('GitLab pushes') && !names.includes('Guggy'));
  assert.equal((await received('GET', 'integrations.list')).at(-1).query, 'offset=0&count=100&type=webhook-incoming');
  await assertNoPageErrors(page);
  await context.close();
});

test('create an incoming webhook, then edit it without losing what was not edited, then delete it', async () => {
  const { context, page, ui } = await connected();
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.fill('Name', 'E2E incoming');
  await ui.fill('Post as', 'rocket.cat');
  await ui.fill('Post to channel', 'general');
  assert.deepEqual(await ui.errorsOf('Post to channel'), ['“general”: each entry starts with # (a room) or @ (a user)']);
  await ui.fill('Post to channel', '#general, @bob');
  await ui.fill('Alias', 'E2E');
  await assertAccessible(page, 'Rocket.Chat create form');
  await ui.save();
  await ui.toast('Created “E2E incoming”.').waitFor();
  const [created] = await received('POST', 'integrations.create');
  assert.deepEqual(JSON.parse(created.body), {
    type: 'webhook-incoming', name: 'E2E incoming', enabled: true, username: 'rocket.cat',
    channel: '#general, @bob', alias: 'E2E', scriptEnabled: false,
  });

  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await ui.form.waitFor();
  assert.equal(await ui.field('Post to channel').inputValue(), '#general,@bob');
  await ui.fill('Name', 'E2E incoming 2');
  await ui.save();
  await ui.toast('Saved “E2E incoming 2”.').waitFor();
  const [put] = await received('PUT', 'integrations.update');
  const sent = JSON.parse(put.body);
  assert.equal(sent.name, 'E2E incoming 2');
  assert.equal(sent.alias, 'E2E', 'an unedited field travels as it was');
  assert.equal(sent.channel, '#general,@bob');
  assert.equal(sent.type, 'webhook-incoming');
  assert.ok(sent.integrationId);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  // It still posts to its channels: the delete names them and asks for its name.
  const dialog = page.getByRole('dialog', { name: 'Delete “E2E incoming 2”?' });
  assert.match(await dialog.innerText(), /still in use \(Channels: #general, @bob/);
  await dialog.getByLabel('Type “E2E incoming 2” to confirm').fill('E2E incoming 2');
  await dialog.getByRole('button', { name: 'Delete integration' }).click();
  await ui.toast('Deleted “E2E incoming 2”.').waitFor();
  await page.getByRole('heading', { level: 1, name: `Integrations — ${LABEL}` }).waitFor();
  const [removed] = await received('POST', 'integrations.remove');
  assert.deepEqual(JSON.parse(removed.body), { type: 'webhook-incoming', integrationId: sent.integrationId });
  await assertNoPageErrors(page);
  await context.close();
});

test('an outgoing webhook shows each event’s own fields and sends trigger words as an array', async () => {
  const { context, page, ui } = await connected();
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.choose('Type', 'Outgoing webhook');
  await ui.fill('Name', 'E2E outgoing');
  await ui.fill('Post as', 'rocket.cat');
  await ui.choose('Event', 'User created');
  assert.equal(await ui.field('Channel').count(), 0, 'userCreated uses no channel');
  await ui.field('Post responses to').waitFor();
  await ui.choose('Event', 'Message sent');
  await ui.fill('Channel', '#ops');
  await ui.form.getByRole('button', { name: 'Add to Trigger words' }).click();
  await ui.fill('Trigger words 1', '!deploy');
  await ui.form.getByRole('button', { name: 'Add to URLs' }).click();
  await ui.fill('URLs 1', 'https://hooks.example.com/deploy');
  await ui.save();
  await ui.toast('Created “E2E outgoing”.').waitFor();
  const [created] = await received('POST', 'integrations.create');
  const body = JSON.parse(created.body);
  assert.deepEqual(body.triggerWords, ['!deploy']);
  assert.deepEqual(body.urls, ['https://hooks.example.com/deploy']);
  assert.equal(body.event, 'sendMessage');
  assert.equal(body.channel, '#ops');
  assert.equal(body.skipTranspile, undefined, 'not ticked, not sent');
  await assertNoPageErrors(page);
  await context.close();
});

test('skip-transpile is offered by servers from 8.4 only, as /api/info says', async () => {
  const { context, page, ui } = await connected({ generated: 0, version: '8.4.0' });
  await page.goto(`/c/${CONN}/new`);
  await ui.field('Run the script as written (skip transpiling)').waitFor();
  await ui.fill('Name', 'Skips');
  await ui.fill('Post as', 'rocket.cat');
  await ui.fill('Post to channel', '#general');
  await ui.field('Run the script as written (skip transpiling)').check();
  await ui.save();
  await ui.toast('Created “Skips”.').waitFor();
  assert.equal(JSON.parse((await received('POST', 'integrations.create'))[0].body).skipTranspile, true);
  await context.close();

  const older = await connected({ generated: 0, version: '8.3.0' });
  await older.page.goto(`/c/${CONN}/new`);
  await older.ui.form.waitFor();
  await older.page.locator('p.loading').waitFor({ state: 'detached' });
  assert.equal(await older.ui.field('Run the script as written (skip transpiling)').count(), 0);
  assert.equal((await sandbox.requests('/rocketchat/api/info')).length, 1, 'the version is read once');
  await older.context.close();
});

test('the server’s refusals land on their fields and the input is kept', async () => {
  const { context, page, ui } = await connected();
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.fill('Name', 'Nobody posts');
  await ui.fill('Post as', 'nobody');
  await ui.fill('Post to channel', '#nowhere');
  await ui.save();
  await ui.errorPanel('Not saved: your input is kept').waitFor();
  // The server checks the rooms before the user, as its method does.
  assert.deepEqual(await ui.errorsOf('Post to channel'), ['Invalid room']);
  await ui.fill('Post to channel', '#general');
  assert.deepEqual(await ui.errorsOf('Post to channel'), [], 'the vendor’s error clears once the field changes');
  await ui.save();
  await page.locator('li', { hasText: 'Invalid user' }).waitFor();
  assert.deepEqual(await ui.errorsOf('Post as'), ['Invalid user']);
  assert.equal(await ui.field('Name').inputValue(), 'Nobody posts');
  await assertNoPageErrors(page);
  await context.close();
});

test('a 429 waits until the reset the server gives in epoch milliseconds, counting down', async () => {
  const { context, page, ui } = await connected();
  await sandbox.fault({
    match: { method: 'GET', path: `${API}integrations.list` }, times: 1,
    fault: { kind: 'status', status: 429, headers: { 'X-RateLimit-Reset': String(Date.now() + 2000) },
      body: { success: false, error: 'Error, too many requests. Please slow down. You must wait 2 seconds before trying this endpoint again. [error-too-many-requests]' } },
  });
  await ui.openList(CONN);
  await page.getByRole('status').filter({ hasText: 'Rocket.Chat is rate limiting this connection: trying again in' }).waitFor();
  await ui.waitLoaded();
  assert.equal((await ui.names()).length, 13);
  await assertNoPageErrors(page);
  await context.close();
});

test('a token that is not accepted says so without showing it', async () => {
  const { context, page, ui } = await connected();
  await ui.enterSecret(CONN, 'Personal access token', 'not-the-token');
  await ui.openList(CONN);
  const panel = ui.errorPanel('The list could not be read completely');
  await panel.waitFor();
  assert.ok((await panel.innerText()).includes("Rocket.Chat did not accept this connection's user id and token"));
  assert.ok(!(await panel.innerText()).includes('not-the-token'));
  await assertNoPageErrors(page);
  await context.close();
});

test('an outgoing webhook’s delivery history: read, one delivery replayed, then cleared, each confirmed', async () => {
  const { context, page, ui } = await connected();
  await page.goto(`/c/${CONN}/i/WMQDChpnYTRmFre9h`);
  const history = page.getByRole('region', { name: 'Delivery history' });
  await history.getByRole('cell', { name: 'connect ECONNREFUSED 10.0.0.1:443' }).waitFor();
  assert.equal(await history.getByRole('row').count(), 4, 'a header and three deliveries');
  assert.ok((await history.innerText()).includes('HTTP 200'));
  await assertAccessible(page, 'Rocket.Chat detail with its history');

  await history.getByRole('button', { name: 'Replay' }).first().click();
  await page.getByRole('dialog', { name: 'Send this delivery again?' }).getByRole('button', { name: 'Yes, go ahead' }).click();
  await ui.toast('The delivery was sent again.').waitFor();
  await history.getByText('Showing 4 of 4').waitFor();
  const [replayed] = await received('POST', 'integrations.replayOutgoing');
  assert.equal(JSON.parse(replayed.body).integrationId, 'WMQDChpnYTRmFre9h');

  await history.getByRole('button', { name: 'Clear history' }).click();
  const confirm = page.getByRole('dialog', { name: 'Clear the whole delivery history?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await received('POST', 'integrations.clearHistory')).length, 0, 'cancelled: nothing sent');
  await history.getByRole('button', { name: 'Clear history' }).click();
  await confirm.getByRole('button', { name: 'Yes, go ahead' }).click();
  await history.getByText('Nothing here yet.').waitFor();
  await assertNoPageErrors(page);
  await context.close();

  // A server before 8.7 has neither endpoint: the history is read-only.
  const older = await connected({ generated: 0, version: '8.6.0' });
  await older.page.goto(`/c/${CONN}/i/WMQDChpnYTRmFre9h`);
  const readOnly = older.page.getByRole('region', { name: 'Delivery history' });
  await readOnly.getByText('Showing 3 of 3').waitFor();
  assert.equal(await readOnly.getByRole('button').count(), 0);
  await older.context.close();
});

test('a long delivery history is read 50 at a time', async () => {
  const { context, page } = await connected({ generated: 0, history: 60 });
  await page.goto(`/c/${CONN}/i/WMQDChpnYTRmFre9h`);
  const history = page.getByRole('region', { name: 'Delivery history' });
  await history.getByText('Showing 50 of 60').waitFor();
  await history.getByRole('button', { name: 'Show more' }).click();
  await history.getByText('Showing 60 of 60').waitFor();
  assert.equal(await history.getByRole('button', { name: 'Show more' }).count(), 0);
  const reads = (await received('GET', 'integrations.history')).map((r) => r.query);
  assert.deepEqual(reads, ['id=WMQDChpnYTRmFre9h&count=50&offset=0', 'id=WMQDChpnYTRmFre9h&count=50&offset=50']);
  await assertNoPageErrors(page);
  await context.close();
});

test('a script that does not compile is saved, and its error shows on the integration', async () => {
  const { context, page, ui } = await connected();
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.fill('Name', 'Broken script');
  await ui.fill('Post as', 'rocket.cat');
  await ui.fill('Post to channel', '#general');
  await ui.field('Script enabled').check();
  await ui.fill('Script', 'class Script { process_incoming_request({ request ) { return {}; } }');
  await ui.save();
  await ui.toast('Created “Broken script”.').waitFor();
  await page.getByText('Does not compile: Unexpected token: brackets do not balance').waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('a server version that lands late adds its option without touching what was typed', async () => {
  const { context, page, ui } = await connected();
  await sandbox.fault({ match: { path: '/rocketchat/api/info' }, times: 1, fault: { kind: 'delay', ms: 2500 } });
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await ui.choose('Type', 'Outgoing webhook');
  await ui.fill('Name', 'Typed early');
  await ui.choose('Event', 'User created');
  await ui.fill('Post responses to', '#welcome');
  assert.equal(await ui.field('Run the script as written (skip transpiling)').count(), 0, 'the version is still on its way');
  await ui.field('Run the script as written (skip transpiling)').waitFor();
  assert.equal(await ui.field('Name').inputValue(), 'Typed early');
  assert.equal(await ui.field('Event').inputValue(), 'userCreated');
  assert.equal(await ui.field('Post responses to').inputValue(), '#welcome');
  await assertNoPageErrors(page);
  await context.close();
});

test('a server that will not say its version still shows every page, offering only what every version has', async () => {
  const { context, page, ui } = await connected();
  await sandbox.fault({ match: { path: '/rocketchat/api/info' }, times: 10, fault: { kind: 'status', status: 404, body: { status: 'error', message: 'API endpoint not found' } } });
  await page.goto(`/c/${CONN}/new`);
  await ui.form.waitFor();
  await page.locator('p.loading').waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('heading', { name: 'Some choices could not be read' }).count(), 0);
  assert.equal(await ui.field('Run the script as written (skip transpiling)').count(), 0);
  await ui.openList(CONN);
  await ui.waitLoaded();
  await ui.openDetail('GitLab pushes');
  await page.getByRole('button', { name: 'Reveal Webhook URL' }).waitFor();
  await assertNoPageErrors(page);
  await context.close();
});
