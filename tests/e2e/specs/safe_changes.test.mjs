// Safe changes: every save shows its changes and asks once; the change journal records every
// write (done or failed), filters, exports, clears and loads again; drift tells a change made
// here (in the journal) from one made elsewhere.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, assertAccessible, assertNoPageErrors, sandbox, SANDBOX_URL } from '../browser.mjs';
import { connectedPage } from '../pages/integrations.mjs';

const CONN = 'confluent-demo';
const ITEMS = '/confluent/notifications/v1/integrations';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { await sandbox.reset(0); });

/** Opens the edit form of one of the Confluent sandbox's integrations. */
async function openEdit(page, ui, name) {
  await ui.openList(CONN);
  await ui.openDetail(name);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await ui.form.waitFor();
}

const journalRows = (page) => page.getByRole('table', { name: 'Change journal' }).getByRole('row');
const texts = async (page) => (await journalRows(page).allInnerTexts()).slice(1).map((r) => r.replace(/\s+/g, ' ').trim());

test('a save shows what it changes and asks once; Cancel sends nothing', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  await openEdit(page, ui, 'Webhook integration');
  await ui.fill('Display name', 'Webhook renamed');
  await ui.form.getByRole('button', { name: 'Save', exact: true }).click();
  const review = page.getByRole('dialog', { name: 'Save the changes to “Webhook integration”?' });
  await review.waitFor();
  const rows = await review.getByRole('table', { name: 'Changes' }).getByRole('row').allInnerTexts();
  assert.deepEqual(rows.slice(1).map((r) => r.split('\t').map((c) => c.trim())), [['Display name', 'Webhook integration', 'Webhook renamed']]);
  await assertAccessible(page, 'the review of a save');
  await review.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await sandbox.requests(ITEMS)).filter((r) => r.method === 'PATCH').length, 0, 'Cancel sends nothing');
  assert.equal(await ui.field('Display name').inputValue(), 'Webhook renamed', 'and keeps the input');

  // A new secret shows as a fingerprint, never as itself.
  await openEdit(page, ui, 'Slack integration');
  const replace = page.getByRole('button', { name: /^Replace / });
  if (await replace.count()) await replace.first().click();
  await ui.fill('Slack webhook URL', 'https://hooks.slack.com/services/T9/B9/brand-new-secret');
  await ui.save();
  assert.equal(ui.lastReview.length, 1);
  assert.equal(ui.lastReview[0][0], 'Slack webhook URL');
  assert.match(ui.lastReview[0][2], /^a secret \(fingerprint [0-9a-f]{8}\)$/);
  assert.ok(!JSON.stringify(ui.lastReview).includes('brand-new-secret'));
  await ui.toast('Saved “Slack integration”.').waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('the journal records each write, done or failed; it filters, exports, clears and loads again', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  await openEdit(page, ui, 'Webhook integration');
  await ui.fill('Display name', 'Webhook renamed');
  await ui.save();
  await ui.toast('Saved “Webhook renamed”.').waitFor();

  // A write the vendor refuses is recorded as failed, with its reason.
  await sandbox.fault({ match: { method: 'DELETE', path: ITEMS }, times: 1, fault: { kind: 'status', status: 500, body: { errors: [{ detail: 'backend down' }] } } });
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  // A subscription still sends to it: the delete says so and asks for its name.
  const dialog = page.getByRole('dialog', { name: 'Delete “Webhook renamed”?' });
  assert.match(await dialog.innerText(), /still in use \(Subscription to kafka-cluster-throughput-over-limit\)/);
  await dialog.getByLabel('Type “Webhook renamed” to confirm').fill('Webhook renamed');
  await dialog.getByRole('button', { name: 'Delete integration' }).click();
  await page.getByText(/backend down|500/).first().waitFor();
  // The integration's page counts the writes the journal holds for it.
  await page.getByRole('link', { name: '2 changes made here' }).waitFor();

  await page.getByRole('navigation', { name: 'Connections' }).getByRole('link', { name: 'Change journal' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change journal' }).waitFor();
  const entries = await texts(page);
  assert.equal(entries.length, 2, entries.join('\n'));
  assert.match(entries[0], /Webhook renamed Confluent sandbox · Confluent Cloud delete Failed: /);
  assert.match(entries[1], /Webhook renamed Confluent sandbox · Confluent Cloud update Display name: Webhook integration → Webhook renamed Done$/);
  await assertAccessible(page, 'the change journal');

  await page.getByLabel('Outcome').selectOption({ label: 'Failed' });
  await page.waitForURL(/outcome=failed/);
  assert.equal((await texts(page)).length, 1);
  await page.reload();
  assert.equal((await texts(page)).length, 1, 'the filter is kept in the address');
  await page.getByLabel('Outcome').selectOption({ label: 'Any' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.format, 'patchbay.journal/1');
  assert.deepEqual(exported.entries.map((e) => [e.operation, e.ok]), [['delete', false], ['update', true]]);

  await page.getByRole('button', { name: 'Clear journal' }).click();
  await page.getByRole('dialog', { name: 'Clear the change journal?' }).getByRole('button', { name: 'Clear journal' }).click();
  await page.getByText('0 of 0 writes').waitFor();
  await page.reload();
  await page.getByText('0 of 0 writes').waitFor();
  await page.locator('#journal-file').setInputFiles(await download.path());
  await page.getByText('2 of 2 writes').waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('drift tells a change made here, in the journal, from one made elsewhere', async () => {
  const { context, page, ui } = await connectedPage(browser, CONN);
  await page.goto('/?vendor=confluent');
  await page.getByText(/^5 of \d+ integrations$/).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const earlier = await download.path();

  // One change through Patchbay …
  await openEdit(page, ui, 'Webhook integration');
  await ui.fill('Display name', 'Renamed here');
  await ui.save();
  await ui.toast('Saved “Renamed here”.').waitFor();
  // … and one straight at the vendor.
  const response = await fetch(`${SANDBOX_URL}${ITEMS}/i-12347`, {
    method: 'PATCH',
    headers: { authorization: `Basic ${Buffer.from('DEMOKEY:demo-secret').toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ display_name: 'Renamed elsewhere' }),
  });
  assert.ok(response.ok);

  await page.goto('/?vendor=confluent');
  await page.getByText(/^5 of \d+ integrations$/).waitFor();
  await page.locator('#drift-file').setInputFiles(earlier);
  const drift = page.getByRole('table', { name: 'Drift' });
  await drift.getByRole('row').nth(2).waitFor();
  const here = drift.getByRole('row').filter({ hasText: 'Renamed here' });
  const elsewhere = drift.getByRole('row').filter({ hasText: 'Renamed elsewhere' });
  assert.match(await elsewhere.innerText(), /Elsewhere$/);
  await here.getByRole('link', { name: 'Here (journal)' }).click();
  await page.waitForURL(/\/journal\?connection=confluent-demo&integration=i-12346/);
  const entries = await texts(page);
  assert.equal(entries.length, 1);
  assert.match(entries[0], /Renamed here .* update Display name: Webhook integration → Renamed here Done/);
  await assertNoPageErrors(page);
  await context.close();
});
