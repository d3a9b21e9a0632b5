// All integrations: every demo connection read at once from the sandbox, one list across
// vendors; a slow and a failing vendor; filters, search and sort in the URL; exports.

import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, assertAccessible, assertNoPageErrors, sandbox, SANDBOX_URL } from '../browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
beforeEach(async () => { await sandbox.reset(0); });

const line = (page, label) => page.locator('li.source').filter({ has: page.getByRole('link', { name: label, exact: true }) });
const table = (page) => page.getByRole('table', { name: 'All integrations' });
const counts = (page) => page.locator('p.shown').innerText();
/** The names in the table (their links: an unused one is flagged beside its name). */
const names = (page) => table(page).getByRole('rowheader').getByRole('link').allTextContents();

/** All integrations (or `path`), once every connection's line is final. */
async function openInventory(path = '/') {
  const { context, page } = await openPage(browser);
  await page.goto(path);
  await waitAllRead(page);
  return { context, page };
}

/** Waits until every connection's line says how many integrations it has, or why not. */
async function waitAllRead(page) {
  await page.waitForFunction(() => {
    const lines = [...document.querySelectorAll('li.source > span[role=status]')];
    return lines.length === 6 && lines.every((s) => /integrations?$|Failed|credentials/.test(s.textContent.trim()));
  });
}

test('the demo opens on every vendor’s integrations; a slow vendor does not hold back the others, a failing one says why and retries', async () => {
  await sandbox.fault({ match: { path: '/grafana-oncall/api/v1/integrations' }, times: 1, fault: { kind: 'delay', ms: 2500 } });
  await sandbox.fault({ match: { path: '/confluent/notifications/v1/integrations' }, times: 3, fault: { kind: 'status', status: 503, body: { errors: [{ detail: 'maintenance' }] } } });
  const { context, page } = await openPage(browser);
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'All integrations' }).waitFor();
  // PagerTree's rows are there while OnCall is still held back.
  await line(page, 'PagerTree sandbox').getByText(/^\d+ integrations$/).waitFor();
  assert.match(await line(page, 'Grafana OnCall sandbox').innerText(), /Loading|Waiting/);
  await table(page).getByRole('rowheader').first().waitFor();
  await waitAllRead(page);
  const confluent = line(page, 'Confluent sandbox');
  assert.match(await confluent.innerText(), /Failed after 0 read/);
  for (const label of ['ThousandEyes sandbox (API v6)', 'ThousandEyes sandbox (API v7)', 'Grafana OnCall sandbox', 'Rocket.Chat sandbox', 'PagerTree sandbox']) {
    assert.match(await line(page, label).innerText(), /\d+ integrations?$/, label);
  }
  await assertAccessible(page, 'inventory');
  await confluent.getByRole('button', { name: 'Retry' }).click();
  await confluent.getByText('5 integrations').waitFor();
  assert.match(await counts(page), /^\d+ of \d+ integrations$/);
  await assertNoPageErrors(page);
  await context.close();
});

test('filters, search and sort live in the URL; Back and reload restore them; a row opens its integration', async () => {
  const { context, page } = await openInventory();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Kind').selectOption({ label: 'Slack' });
  await page.waitForURL(/kind=slack/);
  await table(page).getByRole('rowheader', { name: 'Slack integration' }).waitFor();
  const slack = await names(page);
  assert.ok(slack.includes('Cisco Slack') && slack.includes('ThousandEyes Private') && slack.includes('Slack integration'), slack.join(', '));
  for (const row of await table(page).getByRole('row').all().then((rows) => rows.slice(1))) {
    assert.match(await row.innerText(), /Slack/);
  }
  await filters.getByLabel('Target host').selectOption({ label: 'hooks.slack.com' });
  await page.waitForURL(/host=hooks\.slack\.com/);
  await page.getByRole('searchbox', { name: 'Search all integrations' }).fill('cisco');
  await page.waitForURL(/q=cisco/);
  await page.waitForFunction(() => document.querySelectorAll('table.inventory tbody tr[aria-rowindex]').length === 1);
  assert.deepEqual(await names(page), ['Cisco Slack']);
  // The Slack webhook URL is a credential: its host shows, the URL is masked.
  assert.ok(!(await table(page).innerText()).includes('services/REDACTED'));

  await page.getByRole('searchbox', { name: 'Search all integrations' }).fill('');
  await filters.getByLabel('Target host').selectOption({ label: 'Any' });
  await table(page).getByRole('button', { name: 'Name' }).click();
  await page.waitForURL(/sort=name/);
  await page.waitForFunction(() => document.querySelectorAll('table.inventory tbody tr[aria-rowindex]').length > 1);
  const sorted = await names(page);
  assert.deepEqual(sorted, [...sorted].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  await table(page).getByRole('button', { name: 'Name' }).click();
  await page.waitForURL(/sort=-name/);
  assert.equal(await table(page).locator('th[aria-sort=descending]').count(), 1);

  await page.reload();
  await waitAllRead(page);
  assert.equal(await filters.getByLabel('Kind').inputValue(), 'slack');
  await table(page).getByRole('link', { name: 'Cisco Slack' }).click();
  await page.getByRole('heading', { level: 2, name: 'Cisco Slack' }).waitFor();
  await page.goBack();
  await page.waitForURL(/kind=slack&sort=-name/);
  await table(page).getByRole('link', { name: 'Cisco Slack' }).waitFor();
  await assertNoPageErrors(page);
  await context.close();
});

test('exports hold what is shown, secrets masked, formulas neutralised', async () => {
  await sandbox.reset(0, { thousandeyes: { v7_generated: 0 } });
  const { context, page } = await openInventory('/?vendor=confluent');
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = await readFile(await csvDownload.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'vendor,connection,name,kind,vendor_kind,target,host,enabled,created,updated,id,findings');
  assert.equal(lines.length, 1 + 5, 'the header and Confluent’s five');
  assert.ok(lines.slice(1).every((l) => l.startsWith('Confluent Cloud,')), 'only what the filter shows');
  assert.ok(!csv.includes('hooks.slack.com/services/T'), 'the Slack webhook URL is masked');

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(await readFile(await jsonDownload.path(), 'utf8'));
  assert.equal(exported.format, 'patchbay.inventory/1');
  assert.deepEqual(exported.filters, { vendor: 'confluent' });
  assert.ok(!Number.isNaN(Date.parse(exported.exported_at)));
  const slack = exported.integrations.find((i) => i.kind === 'slack');
  assert.match(slack.target_fingerprint, /^[0-9a-f]{16}$/);
  assert.equal(slack.host, 'hooks.slack.com');
  await assertNoPageErrors(page);
  await context.close();
});

test('drift: an earlier export re-loaded tells what was added, removed, renamed and whose secret rotated', async () => {
  const { context, page } = await openInventory('/?vendor=confluent');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const earlier = await download.path();

  // Changes made elsewhere, straight at the vendor.
  const confluent = async (method, path, body) => {
    const response = await fetch(`${SANDBOX_URL}/confluent/notifications/v1/integrations${path}`, {
      method,
      headers: { authorization: `Basic ${Buffer.from('DEMOKEY:demo-secret').toString('base64')}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.text()}`);
  };
  await confluent('PATCH', '/i-12346', { display_name: 'Webhook renamed' });
  await confluent('PATCH', '/dlz-f3a90de', { target: { kind: 'Slack', webhook_url: 'https://hooks.slack.com/services/T1/B1/rotatedsecret0000' } });
  await confluent('DELETE', '/i-12347');
  await confluent('POST', '', { display_name: 'Fresh hook', target: { kind: 'Webhook', url: 'https://fresh.example.com/hook' } });

  await page.reload();
  await waitAllRead(page);
  await page.locator('#drift-file').setInputFiles(earlier);
  const drift = page.getByRole('table', { name: 'Drift' });
  await drift.getByRole('row').nth(4).waitFor();
  const rows = (await drift.getByRole('row').allInnerTexts()).slice(1).map((r) => r.replace(/\s+/g, ' ').trim());
  // Every change here was made straight at the vendor: none is in the journal.
  assert.deepEqual(rows.sort(), [
    'Added Fresh hook Confluent Cloud Confluent sandbox Elsewhere',
    'Changed Slack integration Confluent Cloud Confluent sandbox target: a secret → another secret Elsewhere',
    'Changed Webhook renamed Confluent Cloud Confluent sandbox name: Webhook integration → Webhook renamed Elsewhere',
    'Removed Teams integration Confluent Cloud Confluent sandbox Elsewhere',
  ]);
  assert.ok(!(await drift.innerText()).includes('rotatedsecret'));
  await page.getByRole('searchbox', { name: 'Search the drift' }).fill('renamed');
  await page.waitForFunction(() => document.querySelectorAll('table[aria-label=Drift] tbody tr').length === 1);
  await page.getByRole('searchbox', { name: 'Search the drift' }).fill('');
  // The list's filters apply to the drift as well.
  const kind = page.getByRole('form', { name: 'Filters' }).getByLabel('Kind');
  await kind.selectOption({ label: 'Slack' });
  await page.getByText('As the list above: only vendor confluent, kind slack.').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('table[aria-label=Drift] tbody tr').length === 1);
  assert.match(await drift.getByRole('row').nth(1).innerText(), /Slack integration/);
  await kind.selectOption({ label: 'Any' });
  await page.getByRole('button', { name: 'Removed (1)' }).click();
  assert.equal(await drift.getByRole('row').count(), 2);
  await assertAccessible(page, 'inventory with drift');
  // What is shown exports: here, the one removal.
  const [driftDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export drift' }).click()]);
  const exported = JSON.parse(await readFile(await driftDownload.path(), 'utf8'));
  assert.equal(exported.format, 'patchbay.drift/1');
  assert.deepEqual(exported.differences.map((d) => [d.change, d.name]), [['removed', 'Teams integration']]);
  await assertNoPageErrors(page);
  await context.close();
});

test('at a glance: bars per vendor, kind and busiest host filter the list; grouping by host shows who sends where', async () => {
  const { context, page } = await openInventory();
  const glance = page.getByRole('region', { name: 'At a glance' });
  const kinds = glance.getByRole('figure').filter({ hasText: 'By kind' });
  const slack = kinds.getByRole('button', { name: /^Slack: \d+, show only these$/ });
  const slackCount = Number((await slack.getAttribute('aria-label')).match(/\d+/)[0]);
  assert.equal(await glance.locator('svg.bar rect').count() > 3, true, 'the bars are drawn');
  await slack.click();
  await page.waitForURL(/kind=slack/);
  await page.waitForFunction((n) => document.querySelector('p.shown')?.textContent.startsWith(`${n} of `), slackCount);

  await page.getByLabel('Group by target host').check();
  await page.waitForURL(/group=host/);
  const slackHost = page.getByRole('region', { name: 'hooks.slack.com' });
  await slackHost.getByRole('heading', { name: /^hooks\.slack\.com: \d+ integrations in \d+ vendors$/ }).waitFor();
  assert.ok((await slackHost.innerText()).includes('Cisco Slack'));
  await assertAccessible(page, 'inventory grouped by host');
  await page.reload();
  await slackHost.waitFor();
  assert.equal(await page.getByLabel('Group by target host').isChecked(), true);
  await assertNoPageErrors(page);
  await context.close();
});

test('eight thousand rows: only those in view are drawn, the last is reached by scrolling, Back returns to the same rows', async () => {
  await sandbox.reset(1600);
  const { context, page } = await openInventory();
  const total = Number((await counts(page)).match(/^(\d+) of \1 integrations$/)?.[1]);
  assert.ok(total > 8000, `every row counted: ${await counts(page)}`);
  const drawn = () => page.locator('table.inventory tbody tr[aria-rowindex]').count();
  assert.ok((await drawn()) < 80, `only the rows in view are drawn: ${await drawn()}`);
  assert.equal(await table(page).getAttribute('aria-rowcount'), String(total + 1));

  const scroller = page.getByRole('region', { name: 'All integrations, scroll for more' });
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.locator(`table.inventory tr[aria-rowindex="${total + 1}"]`).waitFor();
  assert.ok((await drawn()) < 80);

  // The row at the top of the window halfway down opens its integration; Back shows it again.
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  // The first row wholly in view below the header, once the rows in view are drawn.
  const atTop = async () => (await page.waitForFunction(() => {
    const box = document.querySelector('.table-window').getBoundingClientRect();
    const head = document.querySelector('table.inventory thead th').getBoundingClientRect();
    const rows = [...document.querySelectorAll('table.inventory tbody tr[aria-rowindex]')];
    const row = rows.find((r) => r.getBoundingClientRect().top >= head.bottom - 1 && r.getBoundingClientRect().bottom <= box.bottom);
    return row && { index: Number(row.getAttribute('aria-rowindex')), name: row.querySelector('th').textContent };
  })).jsonValue();
  await page.waitForFunction((half) => [...document.querySelectorAll('table.inventory tr[aria-rowindex]')].some((r) => Number(r.getAttribute('aria-rowindex')) > half), total / 3);
  const seen = await atTop();
  assert.ok(seen.index > total / 3, `halfway down: row ${seen.index}`);
  await table(page).locator(`tr[aria-rowindex="${seen.index}"] th a`).click();
  await page.getByRole('heading', { level: 2, name: seen.name }).waitFor();
  await page.goBack();
  await page.locator(`table.inventory tr[aria-rowindex="${seen.index}"]`).waitFor();
  assert.equal((await atTop()).index, seen.index, 'the same rows as before');

  // A search starts again at its first row.
  await page.getByRole('searchbox', { name: 'Search all integrations' }).fill('slack');
  await page.waitForFunction(() => document.querySelector('.table-window').scrollTop === 0 && /^\d+ of/.test(document.querySelector('p.shown').textContent));
  const found = Number((await counts(page)).match(/^(\d+) of/)[1]);
  assert.ok(found > 0 && found < total, `search narrows: ${found}`);
  // Rows follow each keystroke; the address follows when typing pauses, or at once when a row
  // is opened, so Back finds the search.
  await page.getByRole('searchbox', { name: 'Search all integrations' }).fill('slack integration');
  await page.waitForFunction(() => document.querySelector('table.inventory tr[aria-rowindex="2"] th')?.textContent.toLowerCase().includes('slack'));
  const first = await table(page).locator('tr[aria-rowindex="2"] th a').innerText();
  await table(page).locator('tr[aria-rowindex="2"] th a').click();
  await page.getByRole('heading', { level: 2, name: first }).waitFor();
  await page.waitForTimeout(400);
  assert.match(page.url(), /\/c\//, 'a late write of the search does not pull the page back');
  await page.goBack();
  await page.waitForURL(/q=slack\+integration/);
  assert.equal(await page.getByRole('searchbox', { name: 'Search all integrations' }).inputValue(), 'slack integration');
  await assertAccessible(page, 'inventory, windowed');
  await assertNoPageErrors(page);
  await context.close();
});

test('hygiene checks: each rule says why and how many; choosing one filters the list and its export', async () => {
  // An OnCall integration whose alerts go to no escalation chain or channel.
  const orphan = await fetch(`${SANDBOX_URL}/grafana-oncall/api/v1/integrations/`, {
    method: 'POST',
    headers: { authorization: 'demo-oncall-key', 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'webhook', name: 'Orphan hook' }),
  });
  assert.equal(orphan.status, 201, await orphan.text());
  const { context, page } = await openInventory();
  await page.getByText('Hygiene checks').click();
  const plain = page.getByRole('button', { name: /^Show \d+ that trip: Sends over plain HTTP$/ });
  const n = Number((await plain.getAttribute('aria-label')).match(/\d+/)[0]);
  assert.ok(n > 0, 'the sandbox has integrations that send over plain HTTP');
  await assertAccessible(page, 'inventory with its hygiene checks');
  await plain.click();
  await page.waitForURL(/finding=plain-http/);
  await page.waitForFunction((n) => document.querySelector('p.shown')?.textContent.startsWith(`${n} of `), n);
  for (const row of await table(page).locator('tbody tr[aria-rowindex]').all()) {
    assert.match(await row.locator('td').nth(3).innerText(), /^http:\/\//);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n').slice(1);
  assert.equal(lines.length, n);
  assert.ok(lines.every((l) => l.endsWith('plain-http') || l.includes('plain-http ')), lines.join('\n'));
  await page.reload();
  assert.equal(await page.getByRole('form', { name: 'Filters' }).getByLabel('Hygiene').inputValue(), 'plain-http');

  await page.getByText('Hygiene checks').click();
  await page.getByRole('button', { name: 'Show all' }).click();
  await page.waitForURL((url) => !url.search.includes('finding'));
  const shared = page.getByRole('button', { name: /^Show \d+ that trip: The same target as another integration$/ });
  const m = Number((await shared.getAttribute('aria-label')).match(/\d+/)[0]);
  assert.ok(m >= 2, 'a shared target trips at least two integrations');
  await shared.click();
  await page.waitForFunction((m) => document.querySelector('p.shown')?.textContent.startsWith(`${m} of `), m);

  // An OnCall integration whose default route sends nowhere, and the rule filters to it.
  const nowhere = page.getByRole('button', { name: /^Show \d+ that trip: Default route sends nowhere$/ });
  const u = Number((await nowhere.getAttribute('aria-label')).match(/\d+/)[0]);
  assert.ok(u >= 1, 'the orphan at least');
  await nowhere.click();
  await page.waitForURL(/finding=default-route-empty/);
  await page.waitForFunction((u) => document.querySelector('p.shown')?.textContent.startsWith(`${u} of `), u);
  assert.ok((await table(page).getByRole('rowheader').allInnerTexts()).some((n) => n.includes('Orphan hook')));
  await assertNoPageErrors(page);
  await context.close();
});

test('close to a quota: a vendor that reports its quota on integrations is warned of before it refuses', async () => {
  // Confluent allows 6 here and holds 5: four fifths and more.
  await sandbox.reset(0, { confluent: { quota: 6 } });
  const { context, page } = await openInventory();
  await page.getByText('Hygiene checks').click();
  const near = page.getByRole('button', { name: 'Show 5 that trip: Close to the vendor\'s quota' });
  await near.waitFor();
  await near.click();
  await page.waitForURL(/finding=near-quota/);
  await page.waitForFunction(() => document.querySelector('p.shown')?.textContent.startsWith('5 of '));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n').slice(1);
  assert.equal(lines.length, 5);
  assert.ok(lines.every((l) => l.startsWith('Confluent Cloud,') && /\bnear-quota\b/.test(l)), lines.join('\n'));
  const asked = await sandbox.requests('/confluent/service-quota/v1/applied-quotas');
  assert.deepEqual(asked.map((r) => r.method), ['GET'], 'read once');

  // With room to spare, nothing is said.
  await sandbox.reset(0);
  const again = await openInventory();
  await again.page.getByText('Hygiene checks').click();
  await again.page.getByRole('button', { name: /^Show \d+ that trip: Nothing uses it$/ }).waitFor();
  assert.ok(await again.page.getByRole('button', { name: 'Show 0 that trip: Close to the vendor\'s quota' }).isDisabled());
  await assertNoPageErrors(page);
  await again.context.close();
  await context.close();
});
