import { consentCookie, expect, test } from './helpers';

/**
 * A click on the banner's Accept all or Reject all is stored before the click's task ends: a
 * page that leaves at once (a link, a redirect in the same task) keeps the decision, and the
 * next page does not ask again. Guards any later move of work after the click's paint.
 */

const PAGE = '/ui/split/page.html';
const NEXT = `${PAGE}?next`;
const METHOD = { accept: 'accept-all', reject: 'reject-all' } as const;

for (const choice of ['accept', 'reject'] as const) {
  test(`${choice}: a real click, then the page's own click listener navigates away in the same task`, async ({ page, ui }) => {
    await page.goto(PAGE);
    await expect(ui.banner).toBeVisible();
    // Bubbling to window: runs right after our button's handler, in the same task.
    await page.evaluate((next) => addEventListener('click', () => (location.href = next), { once: true }), NEXT);
    await Promise.all([page.waitForURL(`**${NEXT}`), ui[`${choice}Button`].click()]);
    expect((await consentCookie(page))?.value).toBeTruthy();
    await expect.poll(() => page.evaluate(() => window.InstriaConsent?.state?.get().method)).toBe(METHOD[choice]);
    await expect(ui.banner).toHaveCount(0);
  });
}

test('accept: button.click() and location.href in one script, nothing in between', async ({ page, ui }) => {
  await page.goto(PAGE);
  await expect(ui.banner).toBeVisible();
  await Promise.all([
    page.waitForURL(`**${NEXT}`),
    ui.acceptButton.evaluate((button: HTMLButtonElement, next) => {
      button.click();
      location.href = next;
    }, NEXT),
  ]);
  expect((await consentCookie(page))?.value).toBeTruthy();
  await expect.poll(() => page.evaluate(() => window.InstriaConsent?.state?.get().method)).toBe('accept-all');
  await expect(ui.banner).toHaveCount(0);
});
