// The connections page: table, editor, import/export.

export class ConnectionsPage {
  constructor(page) {
    this.page = page;
    this.editor = page.getByRole('region', { name: /Add a connection|Edit “/ });
    this.table = page.getByRole('table', { name: 'Connections' });
  }

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

  field(label) {
    return this.editor.getByLabel(label, { exact: true });
  }

  async fill(label, value) {
    await this.field(label).fill(value);
    await this.field(label).blur();
  }

  async choose(label, optionTitle) {
    await this.field(label).selectOption({ label: optionTitle });
  }

  /** The messages shown under a field, found through its aria-describedby. */
  async errorsOf(label) {
    const field = this.field(label);
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-errors'));
    if (ids.length === 0) return [];
    return this.page.locator(`[id="${ids[0]}"] li`).allInnerTexts();
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

  toast(text) {
    return this.page.locator('.toast', { hasText: text });
  }
}
