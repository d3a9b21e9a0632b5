// Read-only: the console's switch and a connection's own. While on, every write control of
// every vertical is disabled with the reason shown, and the sandbox's request log is the
// witness that nothing but reads left.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertAccessible, assertNoPageErrors, sandbox } from '../browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { await sandbox.reset(0); });

/** Each vertical, and the integration whose page has its write controls (actions, history). */
const VERTICALS = [
  { conn: 'grafana-oncall-demo', creates: true },
  { conn: 'rocketchat-demo', creates: true, detail: '/i/WMQDChpnYTRmFre9h', wait: 'connect ECONNREFUSED 10.0.0.1:443' },
  { conn: 'confluent-demo', creates: true },
  { conn: 'pagertree-demo', creates: true },
  { conn: 'thousandeyes-v7-demo', creates: true, row: 'My operation' },
  { conn: 'thousandeyes-demo', creates: false },
];
const WRITES = /^(New integration|Edit|Delete|Replay|Clear history|Save|Send test)$/;

/** Every write control on the page: each must be disabled. */
async function writeControls(page) {
  const named = await page.locator('main button').evaluateAll((buttons, source) => {
    const writes = new RegExp(source);
    return buttons
      .filter((b) => writes.test(b.textContent.trim()) || b.closest('form.record-action'))
      .map((b) => ({ name: b.textContent.trim(), disabled: b.disabled, why: b.title }));
  }, WRITES.source);
  const links = await page.locator('main a.button').evaluateAll((as, source) => as.filter((a) => new RegExp(source).test(a.textContent.trim())).map((a) => a.textContent.trim()), WRITES.source);
  return { named, links };
}

test('console read-only: every vertical’s write controls are disabled with the reason, and only reads leave', async () => {
  const { context, page } = await openPage(browser);
  await page.goto('/connections');
  const toggle = page.getByRole('button', { name: 'Read-only: off' });
  await toggle.click();
  await page.getByRole('button', { name: 'Read-only: on' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Read-only: on' }).getAttribute('aria-pressed'), 'true');
  await page.reload();
  await page.getByRole('button', { name: 'Read-only: on' }).waitFor();

  let checked = 0;
  for (const vertical of VERTICALS) {
    await page.goto(`/c/${vertical.conn}`);
    await page.locator('#write-lock').getByText('The console is read-only').waitFor();
    const first = page.locator('table.integrations tbody tr th a').first();
    await first.waitFor();
    if (vertical.detail) await page.goto(`/c/${vertical.conn}${vertical.detail}`);
    else if (vertical.row) await page.locator('table.integrations tbody tr th a', { hasText: vertical.row }).first().click();
    else await first.click();
    await page.locator('main h2').first().waitFor();
    if (vertical.wait) await page.getByRole('cell', { name: vertical.wait }).waitFor();
    await page.locator('main .actions').first().waitFor();
    const onDetail = await writeControls(page);
    assert.deepEqual(onDetail.links, [], `${vertical.conn}: no write link on its page`);
    for (const control of onDetail.named) {
      assert.equal(control.disabled, true, `${vertical.conn}: ${control.name} is disabled`);
      assert.match(control.why, /console is read-only/, `${vertical.conn}: ${control.name} says why`);
      checked += 1;
    }
    if (vertical.creates) {
      await page.goto(`/c/${vertical.conn}/new`);
      await page.locator('form.integration-form').waitFor();
      const onCreate = await writeControls(page);
      assert.ok(onCreate.named.some((c) => c.name === 'Save'), vertical.conn);
      for (const control of onCreate.named) assert.equal(control.disabled, true, `${vertical.conn}: ${control.name} on the new form`);
      checked += onCreate.named.length;
      // Enter in a field submits nothing either.
      await page.locator('form.integration-form input').first().press('Enter');
    }
  }
  assert.ok(checked >= 20, `every vertical had write controls to check: ${checked}`);
  await assertAccessible(page, 'a create form under read-only');
  const written = (await sandbox.requests('')).filter((r) => r.method !== 'GET');
  assert.deepEqual(written.map((r) => `${r.method} ${r.path}`), [], 'nothing but reads left');

  // Switched off, writes are offered again.
  await page.goto('/c/pagertree-demo');
  await page.getByRole('button', { name: 'Read-only: on' }).click();
  await page.getByRole('link', { name: 'New integration' }).waitFor();
  assert.equal(await page.locator('#write-lock').count(), 0);
  await assertNoPageErrors(page);
  await context.close();
});

test('a connection locked until its credentials are replaced: only it is locked, and new credentials lift it', async () => {
  const { context, page } = await openPage(browser);
  await page.goto('/connections?edit=confluent-demo');
  await page.getByRole('heading', { name: /^Edit “/ }).waitFor();
  await page.getByLabel('Changes', { exact: true }).selectOption({ label: 'Read-only until its credentials are replaced' });
  await page.getByRole('button', { name: 'Save connection' }).click();
  const connections = page.getByRole('table', { name: 'Connections' });
  await connections.getByRole('row', { name: /Confluent sandbox/ }).getByText('Read-only until new credentials').waitFor();

  await page.goto('/c/confluent-demo');
  await page.locator('#write-lock').getByText('read-only until its credentials are replaced').waitFor();
  await page.goto('/c/pagertree-demo');
  await page.getByRole('link', { name: 'New integration' }).waitFor();
  assert.equal(await page.locator('#write-lock').count(), 0, 'another connection is not locked');

  // New credentials saved in the editor lift the lock.
  await page.goto('/connections?edit=confluent-demo');
  await page.getByRole('heading', { name: /^Edit “/ }).waitFor();
  const replace = page.getByRole('button', { name: 'Replace Cloud API secret' });
  if (await replace.count()) await replace.click();
  await page.getByLabel('Cloud API secret', { exact: true }).fill('demo-secret');
  await page.getByLabel('Remember secrets in this tab', { exact: true }).check();
  await page.getByRole('button', { name: 'Save connection' }).click();
  await connections.waitFor();
  assert.equal(await connections.getByText('Read-only until new credentials').count(), 0);
  await page.goto('/c/confluent-demo');
  await page.getByRole('link', { name: 'New integration' }).waitFor();
  assert.equal(await page.locator('#write-lock').count(), 0);
  await assertNoPageErrors(page);
  await context.close();
});
