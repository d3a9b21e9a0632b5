// The connections page: table, editor, import/export.

import { FormFields } from './form.mjs';

export class ConnectionsPage {
  constructor(page) {
    this.page = page;
    this.editor = page.getByRole('region', { name: /Add a connection|Edit “/ });
    this.fields = new FormFields(page, this.editor);
    this.table = page.getByRole('table', { name: 'Connections' });
  }

  field(label) { return this.fields.field(label); }
  fill(label, value) { return this.fields.fill(label, value); }
  choose(label, optionTitle) { return this.fields.choose(label, optionTitle); }
  errorsOf(label) { return this.fields.errorsOf(label); }

  async open() {
    await this.page.goto('/connections');
    await this.page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
  }

  async startAdding() {
    await this.page.getByRole('link', { name: 'Add connection' }).click();
    await this.editor.waitFor();
  }

  async edit(label) {
    await this.page.getByRole('link', { name: `Edit ${label}`, exact: true }).click();
    await this.editor.waitFor();
  }

  async save() {
    await this.editor.getByRole('button', { name: 'Save connection' }).click();
  }

  row(label) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }

  async secretState(label) {
    return this.row(label).locator('.secret-state').innerText();
  }

  async labels() {
    return this.table.getByRole('rowheader').allInnerTexts();
  }

  async remove(label) {
    await this.page.getByRole('button', { name: `Remove ${label}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `Remove “${label}”?` });
    await dialog.getByRole('button', { name: 'Remove connection' }).click();
  }

  /** Clicks Export and returns the downloaded file's text. */
  async exportText() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += chunk;
    return { name: download.suggestedFilename(), text };
  }

  async importText(name, text) {
    await this.page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** The panel that says what the last import did. */
  importReport() {
    return this.page.getByRole('status', { name: 'Import result' });
  }

  toast(text) {
    return this.page.locator('.toast', { hasText: text });
  }
}
