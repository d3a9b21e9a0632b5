// The console boots on the demo preset, navigates, themes, and handles unknown addresses.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, assertNoPageErrors } from '../browser.mjs';
import { Shell } from '../pages/shell.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('boots on the demo connections, one per vendor, grouped by vendor in the navigation', async () => {
  const { context, page } = await openPage(browser);
  const shell = new Shell(page);
  await shell.open('/');
  assert.equal(await shell.heading.innerText(), 'All integrations');
  assert.deepEqual(await shell.vendorGroups(), ['ThousandEyes', 'Grafana OnCall', 'Rocket.Chat', 'Confluent Cloud', 'PagerTree']);
  assert.deepEqual(await shell.connectionsUnder('Confluent Cloud'), ['Confluent sandbox']);
  assert.deepEqual(await shell.connectionsUnder('Grafana OnCall'), ['Grafana OnCall sandbox']);
  await assertAccessible(page, 'overview');
  await assertNoPageErrors(page);
  await context.close();
});

test('navigation reaches a connection page, which says plainly which credentials it needs', async () => {
  const { context, page } = await openPage(browser);
  // A preset whose entries are not marked demo: their published credentials are not taken.
  await page.route('**/connections.json', async (route) => {
    const preset = await (await route.fetch()).json();
    for (const c of preset.connections) delete c.demo;
    await route.fulfill({ json: preset });
  });
  const shell = new Shell(page);
  await shell.open('/');
  await page.getByRole('heading', { level: 2, name: 'ThousandEyes' }).first().waitFor();
  await shell.follow('ThousandEyes sandbox (API v6)');
  assert.equal(new URL(page.url()).pathname, '/c/thousandeyes-demo');
  assert.equal(await shell.heading.innerText(), 'Integrations — ThousandEyes sandbox (API v6)');
  await page.getByRole('heading', { name: 'Credentials needed' }).waitFor();
  await page.getByRole('link', { name: 'Enter credentials' }).waitFor();
  assert.equal(await shell.nav.getByRole('link', { name: 'ThousandEyes sandbox (API v6)' }).getAttribute('aria-current'), 'page');
  await assertAccessible(page, 'connection page');

  await shell.follow('Connections');
  assert.equal(await shell.heading.innerText(), 'Connections');
  await page.goBack();
  await page.getByRole('heading', { name: 'Credentials needed' }).waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('deep links load directly, and unknown addresses and connections say so', async () => {
  const { context, page } = await openPage(browser);
  const shell = new Shell(page);
  await shell.open('/c/confluent-demo/i/some-id');
  assert.equal(await shell.heading.innerText(), 'Integration — Confluent sandbox');

  await shell.open('/no/such/page');
  assert.equal(await shell.heading.innerText(), 'Page not found');
  await assertAccessible(page, 'not found');

  await shell.open('/c/gone');
  assert.equal(await shell.heading.innerText(), 'No such connection');
  await page.getByRole('link', { name: 'See all connections' }).click();
  assert.equal(await shell.heading.innerText(), 'Connections');
  await assertNoPageErrors(page);
  await context.close();
});

test('the theme follows the system and the toggle overrides it across reloads', async () => {
  const { context, page } = await openPage(browser);
  await page.emulateMedia({ colorScheme: 'dark' });
  const shell = new Shell(page);
  await shell.open('/');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await background(), 'rgb(17, 20, 24)');
  assert.equal(await shell.themeToggle().innerText(), 'Light theme');
  await assertAccessible(page, 'overview, dark');

  await shell.themeToggle().click();
  assert.equal(await shell.theme(), 'light');
  assert.equal(await background(), 'rgb(247, 248, 250)');
  await page.reload();
  await shell.heading.waitFor();
  assert.equal(await shell.theme(), 'light');
  assert.equal(await background(), 'rgb(247, 248, 250)');
  await assertNoPageErrors(page);
  await context.close();
});
