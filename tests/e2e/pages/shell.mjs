// The frame around every page: side navigation and theme toggle.

export class Shell {
  constructor(page) {
    this.page = page;
    this.nav = page.getByRole('navigation', { name: 'Connections' });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async open(path = '/') {
    await this.page.goto(path);
    await this.heading.waitFor();
  }

  /** The connection labels listed under a vendor's heading in the navigation. */
  async connectionsUnder(vendorTitle) {
    const group = this.nav.getByRole('region', { name: vendorTitle });
    return group.getByRole('link').allTextContents();
  }

  async vendorGroups() {
    return this.nav.getByRole('heading', { level: 2 }).allTextContents();
  }

  async follow(linkText) {
    await this.nav.getByRole('link', { name: linkText, exact: true }).click();
    await this.heading.waitFor();
  }

  themeToggle() {
    return this.page.getByRole('button', { name: /theme$/ });
  }

  async theme() {
    return this.page.evaluate(() => document.documentElement.dataset.theme ?? null);
  }
}
