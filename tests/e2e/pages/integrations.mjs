// A connection's integration pages: list, detail, create/edit form.

import { FormFields } from './form.mjs';
import { openPage } from '../browser.mjs';

/** The demo connections' secrets, as their connection forms name them. */
const DEMO = {
  'confluent-demo': { label: 'Confluent sandbox', field: 'Cloud API secret', secret: 'demo-secret' },
  'grafana-oncall-demo': { label: 'Grafana OnCall sandbox', field: 'API key', secret: 'demo-oncall-key' },
  'pagertree-demo': { label: 'PagerTree sandbox', field: 'API key', secret: 'demo-pagertree-key' },
  'thousandeyes-demo': { label: 'ThousandEyes sandbox (API v6)', field: 'Basic auth token', secret: 'g351mw5xqhvkmh1vq6zfm51c62wyzib2' },
  'thousandeyes-v7-demo': { label: 'ThousandEyes sandbox (API v7)', field: 'Bearer token', secret: 'demo-thousandeyes-bearer' },
  'rocketchat-demo': { label: 'Rocket.Chat sandbox', field: 'Personal access token', secret: 'demo-rocketchat-token' },
};

/** A fresh page on which a demo connection's secret is entered (and remembered in the tab). */
export async function connectedPage(browser, conn, contextOptions = {}) {
  const { label, field, secret } = DEMO[conn];
  const { context, page } = await openPage(browser, contextOptions);
  const ui = new IntegrationsPage(page, label);
  await ui.enterSecret(conn, field, secret);
  return { context, page, ui };
}

export class IntegrationsPage {
  constructor(page, connectionLabel) {
    this.page = page;
    this.label = connectionLabel;
    this.table = page.getByRole('table', { name: 'Integrations' });
    this.form = page.locator('form.integration-form');
    this.fields = new FormFields(page, this.form);
  }

  /** Enters a connection's secret (remembered in this tab) through the connections editor. */
  async enterSecret(connectionId, fieldLabel, secret) {
    await this.page.goto(`/connections?edit=${connectionId}`);
    await this.page.getByRole('heading', { name: /^Edit “/ }).waitFor();
    const replace = this.page.getByRole('button', { name: `Replace ${fieldLabel}` });
    if (await replace.count()) await replace.click();
    await this.page.getByLabel(fieldLabel, { exact: true }).fill(secret);
    await this.page.getByLabel('Remember secrets in this tab', { exact: true }).check();
    await this.page.getByRole('button', { name: 'Save connection' }).click();
    await this.page.getByRole('table', { name: 'Connections' }).waitFor();
  }

  field(label) { return this.fields.field(label); }
  fill(label, value) { return this.fields.fill(label, value); }
  choose(label, optionTitle) { return this.fields.choose(label, optionTitle); }
  errorsOf(label) { return this.fields.errorsOf(label); }

  async openList(connectionId) {
    await this.page.goto(`/c/${connectionId}`);
    await this.page.getByRole('heading', { level: 1, name: `Integrations — ${this.label}` }).waitFor();
  }

  /** Waits until every page is read (the progress line is gone and rows are there). */
  async waitLoaded() {
    await this.page.locator('.pager p, p.empty').first().waitFor();
    await this.page.locator('.progress').waitFor({ state: 'detached' });
  }

  row(name) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async names() {
    return this.table.getByRole('rowheader').allTextContents();
  }

  async showing() {
    return this.page.locator('.pager p').textContent();
  }

  async openDetail(name) {
    await this.table.getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { level: 2, name }).waitFor();
  }

  /**
   * Saves: a valid draft asks once, showing its changes (kept in `lastReview` as
   * [field, before, after] rows), and is confirmed; an invalid one asks nothing.
   */
  async save() {
    await this.form.getByRole('button', { name: 'Save', exact: true }).click();
    const review = this.page.locator('dialog.confirm[open]').filter({ has: this.page.getByRole('table', { name: 'Changes' }) });
    try {
      await review.waitFor({ timeout: 700 });
    } catch {
      this.lastReview = null;
      return;
    }
    this.lastReview = await review.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => [...r.children].map((c) => c.textContent)));
    await review.getByRole('button', { name: /^(Save changes|Create integration)$/ }).click();
  }

  async sendTest() {
    await this.form.getByRole('button', { name: 'Send test', exact: true }).click();
  }

  errorPanel(title) {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  toast(text) {
    return this.page.locator('.toast', { hasText: text });
  }
}
