import type { Page } from '@playwright/test';
import { expect, receiverRun, storedRecords, test } from './helpers';

// The proof-of-consent record of each collection channel, as the receiver stored it (the
// receiver validates schema 2, so a stored record is a valid one).
const PAGE = '/test/e2e/fixtures/integrations/records-channels.html';

type StoredRecord = Record<string, unknown> & { method: string; channel: string; recordId: string; consentId: string };

const stored = (page: Page, run: string) => storedRecords<StoredRecord>(page, run);
/** The records stored, once there are `n`. */
async function records(page: Page, run: string, n: number): Promise<StoredRecord[]> {
  await expect.poll(() => stored(page, run).then((r) => r.length), { timeout: 15_000 }).toBe(n);
  return stored(page, run);
}
const state = (page: Page) => page.evaluate(() => window.InstriaConsent!.state!.get());

async function open(page: Page) {
  const run = receiverRun();
  await page.goto(`${PAGE}?run=${run}`);
  return run;
}

test.describe('consent records: the channel of each decision (schema 2)', () => {
  test('banner: Accept all records channel banner, with the fields of schema 2', async ({ page }) => {
    const run = await open(page);
    await page.getByRole('button', { name: 'Accept everything' }).click();
    const [record] = await records(page, run, 1);
    const now = await state(page);
    const origin = new URL(page.url()).origin;
    expect(record).toMatchObject({
      schemaVersion: 2,
      method: 'accept-all',
      channel: 'banner',
      consentId: now.id,
      textHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      controller: '127.0.0.1',
      policyUrl: `${origin}/legal/privacy`,
      expiresAt: new Date(now.decidedAt! + 182 * 864e5).toISOString(),
      previousRecordId: null,
    });
  });

  test('dialog: Save my choices records channel dialog; a later API call is chained to it', async ({ page }) => {
    const run = await open(page);
    await page.getByRole('button', { name: 'Customize' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Analytics' }).check();
    await dialog.getByRole('button', { name: 'Save my choices' }).click();
    const [saved] = await records(page, run, 1);
    expect(saved).toMatchObject({ method: 'custom', channel: 'dialog', categories: { analytics: 'granted' } });
    // The banner's texts and the dialog's are not the same: neither are their hashes.
    await page.evaluate(() => window.InstriaConsent!.withdraw!());
    const [, withdrawn] = await records(page, run, 2);
    expect(withdrawn).toMatchObject({ method: 'withdraw', channel: 'api', previousRecordId: saved!.recordId });
    expect(withdrawn!.textHash).not.toBe(saved!.textHash);
  });

  test('placeholder: the embed\'s "Allow" records channel placeholder', async ({ page }) => {
    const run = await open(page);
    await page.getByRole('button', { name: 'Allow VideoTube' }).click();
    const [record] = await records(page, run, 1);
    expect(record).toMatchObject({ method: 'custom', channel: 'placeholder', services: { video: 'granted' }, categories: { analytics: 'denied' } });
  });

  test('api: a call from the page records channel api, kept across a reload in the chain', async ({ page }) => {
    const run = await open(page);
    await page.evaluate(() => window.InstriaConsent!.rejectAll!());
    const [first] = await records(page, run, 1);
    expect(first).toMatchObject({ method: 'reject-all', channel: 'api', previousRecordId: null });
    await page.reload();
    await page.evaluate(() => window.InstriaConsent!.acceptAll!());
    const [, second] = await records(page, run, 2);
    expect(second).toMatchObject({ method: 'accept-all', channel: 'api', previousRecordId: first!.recordId, consentId: first!.consentId });
  });

  test('gpc: the Global Privacy Control signal records channel gpc, with no banner', async ({ page, ui }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    const run = await open(page);
    const [record] = await records(page, run, 1);
    expect(record).toMatchObject({ method: 'gpc', channel: 'gpc', categories: { analytics: 'denied' }, textHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await expect(ui.banner).toHaveCount(0);
  });

  test('dialog dismissed (Escape, then ×) records method dismiss and decides nothing', async ({ page, ui }) => {
    const run = await open(page);
    await page.getByRole('button', { name: 'Customize' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    const [escaped] = await records(page, run, 1);
    expect(escaped).toMatchObject({ method: 'dismiss', channel: 'dialog', expiresAt: null, previousRecordId: null });
    expect(await state(page)).toMatchObject({ decided: false, method: null });
    await expect(ui.banner).toBeVisible();

    // After a decision, a dismissal from the footer link is chained to it and changes nothing.
    await page.getByRole('button', { name: 'Reject all' }).click();
    await page.getByRole('link', { name: 'Cookie preferences' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    const [, decision, closed] = await records(page, run, 3);
    expect(decision).toMatchObject({ method: 'reject-all', channel: 'banner' });
    expect(closed).toMatchObject({ method: 'dismiss', channel: 'dialog', consentId: decision!.consentId, previousRecordId: decision!.recordId, expiresAt: decision!.expiresAt });
    expect(await state(page)).toMatchObject({ decided: true, method: 'reject-all' });
  });
});

test('the website example sends its records to the example receiver', async ({ page }) => {
  await page.goto('/examples/website/');
  await page.getByRole('button', { name: 'Reject all' }).click();
  const id = (await state(page)).id;
  await expect
    .poll(() => stored(page, 'default').then((all) => all.filter((r) => r.consentId === id).map((r) => [r.method, r.channel])), { timeout: 15_000 })
    .toEqual([['reject-all', 'banner']]);
});
