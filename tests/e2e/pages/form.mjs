// Filling a form drawn by the console's FormSpec renderer, and reading each field's errors
// through the ids its input names in aria-describedby.

export class FormFields {
  constructor(page, scope) {
    this.page = page;
    this.scope = scope;
  }

  field(label) {
    return this.scope.getByLabel(label, { exact: true });
  }

  async fill(label, value) {
    await this.field(label).fill(value);
    await this.field(label).blur();
  }

  async choose(label, optionTitle) {
    await this.field(label).selectOption({ label: optionTitle });
  }

  async errorsOf(label) {
    const ids = ((await this.field(label).getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-errors'));
    return ids.length ? this.page.locator(`[id="${ids[0]}"] li`).allTextContents() : [];
  }
}
