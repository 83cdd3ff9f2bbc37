import { expect, type Locator, type Page } from '@playwright/test';

/** The banner's buttons by their `data-part`, the same in every language. */
type BannerPart = 'accept' | 'reject' | 'customize';

/**
 * Page object of the consent UI: the banner, the preferences dialog, the GPC notice and the
 * floating button, found through their open shadow roots (Playwright's CSS pierces them).
 * Buttons named in English are found by role and name, so a test that clicks one also checks
 * its accessible name; `part()` finds a banner button in any language.
 *
 * @example
 * const ui = new ConsentUI(page);
 * await ui.customize();
 * await ui.check('Analytics');
 * await ui.save();
 * await ui.expectHidden();
 */
export class ConsentUI {
  /** The first layer: `<instria-consent>`'s `[data-part=banner]`. */
  readonly banner: Locator;
  /** The preferences `<dialog>`. */
  readonly dialog: Locator;
  /** The Global Privacy Control notice. */
  readonly notice: Locator;
  /** The floating preferences button (`widget: 'floating'`), in its own host. */
  readonly floating: Locator;
  /** The UI's polite live region ("Choices saved"). */
  readonly status: Locator;
  /** The banner's Accept all, Reject all and Customize, in order. */
  readonly bannerButtons: Locator;

  constructor(readonly page: Page) {
    this.banner = page.locator('instria-consent [data-part=banner]');
    this.dialog = page.locator('instria-consent dialog');
    this.notice = page.locator('instria-consent [data-part=notice]');
    this.floating = page.locator('instria-consent[data-part=floating] button');
    this.status = page.locator('instria-consent').getByRole('status');
    this.bannerButtons = this.banner.locator('[data-part=actions] button');
  }

  get acceptButton(): Locator {
    return this.banner.getByRole('button', { name: 'Accept all' });
  }

  get rejectButton(): Locator {
    return this.banner.getByRole('button', { name: 'Reject all' });
  }

  get customizeButton(): Locator {
    return this.banner.getByRole('button', { name: 'Customize' });
  }

  /** A banner button by its `data-part`, whatever the language. */
  part(name: BannerPart): Locator {
    return this.banner.locator(`[data-part=${name}]`);
  }

  /** A button of the dialog by its accessible name (`Accept all`, `Save my choices`, `Close`…). */
  dialogButton(name: string): Locator {
    return this.dialog.getByRole('button', { name });
  }

  /** The dialog's switch of a category or service, by its label (exact). */
  checkbox(label: string): Locator {
    return this.dialog.getByRole('checkbox', { name: label, exact: true });
  }

  /** Clicks Accept all in the banner. */
  accept(): Promise<void> {
    return this.acceptButton.click();
  }

  /** Clicks Reject all in the banner. */
  reject(): Promise<void> {
    return this.rejectButton.click();
  }

  /** Clicks Customize in the banner: the dialog opens. */
  customize(): Promise<void> {
    return this.customizeButton.click();
  }

  /** Turns a switch of the dialog on. */
  check(label: string): Promise<void> {
    return this.checkbox(label).check();
  }

  /** Turns a switch of the dialog off. */
  uncheck(label: string): Promise<void> {
    return this.checkbox(label).uncheck();
  }

  /** Flips a switch of the dialog, as a click does. */
  toggle(label: string): Promise<void> {
    return this.checkbox(label).click();
  }

  /** Clicks Save my choices in the dialog. */
  save(): Promise<void> {
    return this.dialogButton('Save my choices').click();
  }

  /** Clicks the dialog's Close (×). */
  close(): Promise<void> {
    return this.dialogButton('Close').click();
  }

  /** Neither the banner nor the dialog is in the page. */
  async expectHidden(): Promise<void> {
    await expect(this.banner).toHaveCount(0);
    await expect(this.dialog).toHaveCount(0);
  }

  /** The element that has focus, inside shadow roots too, as `tag#id` or `tag[data-part]`. */
  focused(): Promise<string | null> {
    return this.page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-part') ? `[${el.getAttribute('data-part')}]` : ''}` : null;
    });
  }
}
