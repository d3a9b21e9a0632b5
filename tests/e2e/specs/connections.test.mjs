// Adding, editing, removing, importing and exporting connections, and where their secrets go.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, assertNoPageErrors, sandbox } from '../browser.mjs';
import { ConnectionsPage } from '../pages/connections.mjs';

const SECRET = 'sk-live-very-secret-9876';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Every place a page could keep or show a secret, as text. */
async function everywhere(page) {
  return page.evaluate(() => JSON.stringify({
    local: { ...localStorage },
    url: location.href,
    inputs: [...document.querySelectorAll('input, textarea')].map((i) => i.value),
    text: document.body.innerText,
  }));
}

async function addConfluent(connections, label, { remember = false } = {}) {
  await connections.startAdding();
  await connections.fill('Label', label);
  await connections.fill('Cloud API key', 'KEY123');
  await connections.fill('Cloud API secret', SECRET);
  if (remember) await connections.field('Remember secrets in this tab').check();
  await connections.save();
  await connections.row(label).waitFor();
}

test('adding a connection shows each field\'s errors until fixed, and saves nothing before', async () => {
  const { context, page } = await openPage(browser);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.row('Confluent sandbox').waitFor();
  await connections.startAdding();

  await connections.save();
  assert.deepEqual(await connections.errorsOf('Label'), ['required']);
  assert.deepEqual(await connections.errorsOf('Cloud API key'), ['required']);
  assert.deepEqual(await connections.errorsOf('Cloud API secret'), ['required']);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'conn-label', 'focus moves to the first error');
  assert.equal(await connections.field('Label').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'connection editor with errors');

  await connections.fill('Base URL', 'api.confluent.cloud');
  assert.deepEqual(await connections.errorsOf('Base URL'), ['must be an absolute URL, like https://host/path']);
  await connections.fill('Base URL', 'javascript:alert(1)');
  assert.deepEqual(await connections.errorsOf('Base URL'), ['must start with http:// or https://']);
  await connections.fill('Label', 'x'.repeat(61));
  assert.deepEqual(await connections.errorsOf('Label'), ['at most 60 characters']);
  await connections.save();
  assert.equal((await connections.labels()).length, 6, 'nothing saved while errors remain');

  await connections.fill('Label', 'Production');
  await connections.fill('Base URL', 'https://api.confluent.cloud');
  await connections.fill('Cloud API key', 'KEY123');
  await connections.fill('Cloud API secret', SECRET);
  for (const label of ['Label', 'Base URL', 'Cloud API key', 'Cloud API secret']) {
    assert.deepEqual(await connections.errorsOf(label), [], label);
  }
  await connections.save();
  await connections.toast('Saved “Production”.').waitFor();
  assert.equal(await connections.editor.count(), 0, 'the editor closes');
  assert.equal(await connections.secretState('Production'), 'in memory until reload');
  assert.ok(!(await everywhere(page)).includes(SECRET));
  await page.getByRole('navigation', { name: 'Connections' }).getByRole('link', { name: 'Production' }).waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('choosing another vendor brings its base URL, prefix and credential fields', async () => {
  const { context, page } = await openPage(browser);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.startAdding();
  await connections.fill('Label', 'Kept label');
  await connections.choose('Vendor', 'ThousandEyes');
  assert.equal(await connections.field('Base URL').inputValue(), 'https://api.thousandeyes.com');
  assert.equal(await connections.field('Proxy prefix').inputValue(), '/proxy/thousandeyes');
  assert.equal(await connections.field('Label').inputValue(), 'Kept label');
  // v7 by default, which takes a bearer token only; v6 offers its own choice of sign-in.
  await connections.field('Bearer token').waitFor();
  assert.equal(await connections.field('Email').count(), 0);
  await connections.choose('API version', 'API v6: the classic integrations, read-only (deprecated)');
  await connections.field('Email').waitFor();
  await connections.field('Basic auth token').waitFor();

  await connections.choose('Sign in with', 'OAuth bearer token');
  await connections.field('Bearer token').waitFor();
  assert.equal(await connections.field('Email').count(), 0);

  await connections.choose('Route', 'Directly from the browser (the vendor must allow CORS)');
  assert.equal(await connections.field('Proxy prefix').count(), 0);
  await connections.choose('Vendor', 'Grafana OnCall');
  assert.equal(await connections.field('Base URL').inputValue(), '', 'OnCall has no public default');
  await connections.save();
  assert.deepEqual(await connections.errorsOf('Base URL'), ['required']);
  await assertAccessible(page, 'connection editor, Grafana OnCall');
  await assertNoPageErrors(page);
  await context.close();
});

test('a ThousandEyes account group is chosen from the groups the credentials can see', async () => {
  await sandbox.reset(0);
  const { context, page } = await openPage(browser);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await connections.startAdding();
  await connections.choose('Vendor', 'ThousandEyes');
  await connections.choose('API version', 'API v6: the classic integrations, read-only (deprecated)');
  const read = connections.editor.getByRole('button', { name: 'Read account groups from ThousandEyes' });
  const status = connections.editor.locator('.setting-choices [role=status]').first();

  // Only what the request needs is checked first: the missing token shows, the empty label waits.
  await connections.fill('Email', 'noreply@thousandeyes.com');
  await read.click();
  assert.deepEqual(await connections.errorsOf('Basic auth token'), ['required']);
  assert.deepEqual(await connections.errorsOf('Label'), []);
  assert.equal((await sandbox.requests('/thousandeyes/')).length, 0, 'nothing is sent with a missing token');

  // Wrong token: the vendor's refusal is said, and what was typed stays.
  await connections.fill('Basic auth token', 'wrong-token');
  await read.click();
  await status.filter({ hasText: 'Could not read account groups' }).waitFor();
  assert.match(await status.innerText(), /Invalid credentials/);
  assert.equal(await connections.field('Email').inputValue(), 'noreply@thousandeyes.com');

  await connections.fill('Basic auth token', 'g351mw5xqhvkmh1vq6zfm51c62wyzib2');
  await read.click();
  await status.filter({ hasText: 'Read 3 account groups' }).waitFor();
  const options = await connections.field('Account group').locator('option').allInnerTexts();
  assert.deepEqual(options, ['Choose…', 'Operations EMEA (aid 1234) · current · default', 'Operations Americas (aid 5678)', 'Network lab (aid 9012)']);
  await connections.choose('Account group', 'Operations Americas (aid 5678)');
  const sent = await sandbox.requests('/thousandeyes/');
  assert.deepEqual(sent.map((r) => r.path), ['/thousandeyes/v6/account-groups.json', '/thousandeyes/v6/account-groups.json']);
  assert.ok(sent.every((r) => !(r.query ?? '').includes('aid')), 'listing the groups names no group');

  await connections.fill('Label', 'Monitoring');
  await connections.save();
  await connections.toast('Saved “Monitoring”.').waitFor();
  // Reopened, the saved group shows as its id until the groups are read again.
  await connections.edit('Monitoring');
  assert.equal(await connections.field('Account group').inputValue(), '5678');
  // The token saved with the connection is used; it is not typed again.
  await read.click();
  await status.filter({ hasText: 'Read 3 account groups' }).waitFor();
  assert.equal(await connections.field('Account group').inputValue(), '5678', 'a late read keeps the choice');
  assert.equal(await connections.field('Account group').locator('option:checked').innerText(), 'Operations Americas (aid 5678)');

  // A bearer token reads the v7 list, whose aids are strings.
  await connections.choose('Sign in with', 'OAuth bearer token');
  await connections.fill('Bearer token', 'demo-thousandeyes-bearer');
  await read.click();
  await status.filter({ hasText: 'Read 3 account groups' }).waitFor();
  const last = (await sandbox.requests('/thousandeyes/')).at(-1);
  assert.equal(last.path, '/thousandeyes/v7/account-groups');
  await assertAccessible(page, 'connection editor, ThousandEyes with account groups');
  await assertNoPageErrors(page);
  await context.close();
});

test('a connection persists across reload; its secret only when asked, and only in this tab', async () => {
  const { context, page } = await openPage(browser);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await addConfluent(connections, 'Forgetful');
  await page.reload();
  await connections.row('Forgetful').waitFor();
  assert.equal(await connections.secretState('Forgetful'), 'not set');

  await connections.edit('Forgetful');
  await connections.fill('Cloud API secret', SECRET);
  await connections.field('Remember secrets in this tab').check();
  await connections.save();
  await connections.toast('Saved “Forgetful”.').waitFor();
  await page.reload();
  await connections.row('Forgetful').waitFor();
  assert.equal(await connections.secretState('Forgetful'), 'remembered in this tab');
  const stored = await page.evaluate(() => ({ local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) }));
  assert.ok(stored.session.includes(SECRET), 'remembered in sessionStorage');
  assert.ok(!stored.local.includes(SECRET), 'never in localStorage');
  assert.ok(stored.local.includes('Forgetful'));

  await connections.edit('Forgetful');
  const masked = connections.editor.getByText('configured ••••9876');
  await masked.waitFor();
  assert.ok(!(await everywhere(page)).includes(SECRET), 'a saved secret never returns into an input');
  await connections.editor.getByRole('button', { name: 'Replace Cloud API secret' }).click();
  assert.equal(await connections.field('Cloud API secret').inputValue(), '');
  await connections.editor.getByRole('button', { name: 'Keep saved' }).click();
  await masked.waitFor();
  await assertAccessible(page, 'connection editor with a saved secret');

  const fresh = await context.newPage();
  await fresh.goto('/connections');
  await new ConnectionsPage(fresh).row('Forgetful').waitFor();
  assert.equal(await new ConnectionsPage(fresh).secretState('Forgetful'), 'not set', 'another tab does not get it');
  await assertNoPageErrors(page);
  await context.close();
});

test('export holds every connection and no secret; import adds connections and drops secrets', async () => {
  const { context, page } = await openPage(browser);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await addConfluent(connections, 'Exported', { remember: true });
  const { name, text } = await connections.exportText();
  assert.equal(name, 'patchbay-connections.json');
  const file = JSON.parse(text);
  assert.equal(file.format, 'patchbay.connections/1');
  assert.deepEqual(file.connections.map((c) => c.label).slice(-1), ['Exported']);
  assert.equal(file.connections.find((c) => c.label === 'Exported').settings.api_key, 'KEY123');
  assert.ok(!text.includes(SECRET), 'no secret in the export');

  const incoming = {
    format: 'patchbay.connections/1',
    connections: [
      { id: 'imported-1', vendor: 'pagertree', label: 'Imported PT', base_url: 'https://api.pagertree.com',
        route: { mode: 'proxy', prefix: '/proxy/pagertree' }, settings: { api_key: 'SMUGGLED' }, secrets: { api_key: 'SMUGGLED' } },
      { id: 'bad', vendor: 'pagertree', label: 'Bad', base_url: 'ftp://x', route: { mode: 'direct' } },
    ],
  };
  await connections.importText('in.json', JSON.stringify(incoming));
  const report = connections.importReport();
  await report.getByText('Imported 1 connection: 1 added, 0 replaced.').waitFor();
  await report.getByText('1 entry refused:').waitFor();
  await report.getByText('Entry 2: “Bad”: base_url must start with http:// or https://').waitFor();
  await connections.row('Imported PT').waitFor();
  assert.equal(await connections.secretState('Imported PT'), 'not set');
  assert.ok(!(await everywhere(page)).includes('SMUGGLED'));

  await connections.importText('broken.json', '{ nope');
  await report.getByText(/^Nothing was imported\. Not a JSON file/).waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('removing asks first, naming the connection, and forgets its secrets', async () => {
  const { context, page } = await openPage(browser);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await addConfluent(connections, 'Doomed', { remember: true });

  await page.getByRole('button', { name: 'Remove Doomed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove “Doomed”?' });
  await dialog.waitFor();
  await assertAccessible(page, 'remove confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await connections.row('Doomed').waitFor();

  await connections.remove('Doomed');
  await connections.toast('Removed “Doomed”.').waitFor();
  assert.equal(await connections.row('Doomed').count(), 0);
  const session = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  assert.ok(!session.includes(SECRET));
  await page.reload();
  await connections.row('Confluent sandbox').waitFor();
  assert.equal(await connections.row('Doomed').count(), 0);
  await assertNoPageErrors(page);
  await context.close();
});

test('leaving a form with unsaved changes asks first; staying keeps the input; saving ends the warning', async () => {
  const { context, page } = await openPage(browser);
  const connections = new ConnectionsPage(page);
  const nav = page.getByRole('navigation', { name: 'Connections' });
  await connections.open();
  await connections.startAdding();

  await nav.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
  await connections.open();
  await connections.startAdding();

  await connections.fill('Label', 'Half done');
  const questions = [];
  page.once('dialog', (dialog) => { questions.push(dialog.message()); dialog.dismiss(); });
  await nav.getByRole('link', { name: 'Overview' }).click();
  assert.deepEqual(questions, ['You have unsaved changes. Leave without saving them?']);
  assert.equal(new URL(page.url()).pathname, '/connections');
  assert.equal(await connections.field('Label').inputValue(), 'Half done');

  page.once('dialog', (dialog) => { questions.push(dialog.message()); dialog.accept(); });
  await connections.editor.getByRole('link', { name: 'Cancel' }).click();
  await connections.editor.waitFor({ state: 'detached' });
  assert.equal(questions.length, 2);

  await addConfluent(connections, 'Saved then left');
  page.on('dialog', (dialog) => { questions.push(dialog.message()); dialog.dismiss(); });
  await nav.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('heading', { level: 1, name: 'Integrations' }).waitFor();
  assert.equal(questions.length, 2, 'no question once saved');
  await assertNoPageErrors(page);
  await context.close();
});

test('saved secrets never follow a connection to another address, by edit or by import', async () => {
  const { context, page } = await openPage(browser);
  const connections = new ConnectionsPage(page);
  await connections.open();
  await addConfluent(connections, 'Mover', { remember: true });

  await connections.edit('Mover');
  await connections.editor.getByText('configured ••••9876').waitFor();
  await connections.fill('Base URL', 'https://elsewhere.example');
  await connections.editor.getByText('its saved secrets will not be sent there').waitFor();
  assert.equal(await connections.field('Cloud API secret').inputValue(), '');
  await connections.save();
  assert.deepEqual(await connections.errorsOf('Cloud API secret'), ['required']);
  await connections.fill('Base URL', 'https://api.confluent.cloud');
  await connections.editor.getByText('configured ••••9876').waitFor();
  const leave = (dialog) => dialog.accept();
  page.on('dialog', leave);
  await connections.editor.getByRole('link', { name: 'Cancel' }).click();
  await connections.editor.waitFor({ state: 'detached' });
  page.off('dialog', leave);

  const href = await connections.row('Mover').getByRole('link', { name: 'Mover', exact: true }).getAttribute('href');
  const id = decodeURIComponent(href.split('/').pop());
  await connections.importText('takeover.json', JSON.stringify({ connections: [
    { id, vendor: 'confluent', label: 'Mover', base_url: 'https://attacker.example', route: { mode: 'direct' }, settings: { api_key: 'KEY123' } },
  ] }));
  await connections.importReport().getByText('Imported 1 connection: 0 added, 1 replaced.').waitFor();
  assert.equal(await connections.secretState('Mover'), 'not set');
  assert.ok(!(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).includes(SECRET));
  await assertNoPageErrors(page);
  await context.close();
});
