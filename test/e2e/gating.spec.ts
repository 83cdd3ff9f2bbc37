import type { Page } from '@playwright/test';
import { expect, recordRequests, test } from './helpers';

// Gating end to end, on the built script tag: tagged scripts and embeds, auto-blocking of
// injected tags, parser-inserted tags, CSP nonces, and many elements. Consent is given through
// the public API (`InstriaConsent.acceptAll()`…); the UI chunk is a stub (fixtures/gating/no-ui.js).

const TAGS = '/test/e2e/fixtures/gating/tags.html';

/** Everything a gated or blocked tag would request; none of it may appear before consent. */
const TRACKED = ['/__gating/script.js?name=external', '/collect', 'embed.html', 'analytics.example.test', 'video.example.test'];

const tracked = (urls: string[]) => urls.filter((url) => TRACKED.some((part) => url.includes(part)));

/** `window.order`: the names scripts pushed when they ran, in the order they ran. */
const order = (page: Page) => page.evaluate(() => (window as unknown as { order: string[] }).order);

/** Calls a method of `window.InstriaConsent`. */
const call = (page: Page, method: string, ...args: unknown[]) =>
  page.evaluate(([m, a]) => (window.InstriaConsent as any)[m as string](...(a as unknown[])), [method, args] as const);

/** The tagged scripts of tags.html that analytics + media consent runs, in document order. */
const GATED_ORDER = ['external-slow', 'inline-1', 'external-fast', 'external-data-src', 'inline-2', 'media-inline', 'module'];

test.describe('before any decision', () => {
  test('nothing gated or injected from a listed host is requested, run or stored', async ({ page }) => {
    const urls = recordRequests(page);
    await page.goto(TAGS);
    await page.waitForLoadState('networkidle');
    expect(tracked(urls)).toEqual([]);
    // The untagged first-party script injected next to the blocked ones did run.
    expect(await order(page)).toEqual(['first-party']);
    const cookies = await page.context().cookies();
    expect(cookies.map((cookie) => cookie.name)).toEqual([]);
    // The injected script and iframe were never inserted.
    expect(await page.locator('script[src*="analytics.example.test"], iframe[src*="video.example.test"]').count()).toBe(0);
  });

  test('a gated iframe shows an accessible placeholder naming the service, with one Allow button', async ({ page }) => {
    await page.goto(TAGS);
    const placeholder = page.locator('[data-part="placeholder"]');
    await expect(placeholder).toHaveCount(1);
    await expect(placeholder).toHaveAttribute('data-service', 'video');
    await expect(placeholder.locator('[data-part="placeholder-text"]')).toHaveText(
      'VideoTube is blocked. Allowing it lets VideoTube set cookies and learn about your visit.',
    );
    await expect(placeholder.getByRole('button')).toHaveCount(1);
    await expect(placeholder.getByRole('button', { name: 'Allow VideoTube' })).toBeVisible();
    await expect(page.locator('iframe[title="Tagged video"]')).toBeHidden();
    // Hidden even where the page's own CSS shows iframes (`.embed iframe { display: block }`
    // beats the browser's `[hidden]` rule): no empty frame under the placeholder, no Tab stop in it.
    await page.addStyleTag({ content: 'main iframe { display: block; width: 300px; height: 150px }' });
    await expect(page.locator('iframe[title="Tagged video"]')).toBeHidden();
    // The placeholder sits where the iframe is.
    expect(await page.evaluate(() => document.querySelector('iframe[title="Tagged video"]')!.previousElementSibling!.getAttribute('data-part'))).toBe(
      'placeholder',
    );
  });
});

test('accept: every tag runs once, in document order; injected tags go in where they were meant to; reload keeps it', async ({ page }) => {
  const urls = recordRequests(page);
  await page.goto(TAGS);
  await page.waitForLoadState('networkidle');
  await call(page, 'acceptAll');
  const gated = () => order(page).then((names) => names.filter((name) => GATED_ORDER.includes(name)));
  await expect.poll(gated).toEqual(GATED_ORDER);
  await expect.poll(() => order(page)).toContain('injected');
  // Live copies keep every attribute but the type.
  const live = page.locator('script[data-extra="kept"]');
  await expect(live).toHaveAttribute('data-consent', 'analytics');
  expect(await live.getAttribute('type')).toBeNull();
  // The held script went into <head>, before the script it was inserted before.
  expect(await page.evaluate(() => document.querySelector('script[src*="name=injected"]')!.nextElementSibling!.getAttribute('src'))).toBe(
    '/test/e2e/fixtures/gating/config.js',
  );
  await expect(page.locator('iframe[title="Injected video"]')).toHaveCount(1);
  await expect(page.locator('iframe[title="Tagged video"]')).toBeVisible();
  await expect(page.locator('iframe[title="Tagged video"]')).toHaveAttribute('src', '/test/e2e/fixtures/gating/embed.html?tagged');
  await expect(page.locator('img[data-src]')).toHaveAttribute('src', '/collect?src=img');
  await expect(page.locator('[data-part="placeholder"]')).toHaveCount(0);
  await expect.poll(() => urls.some((url) => url.includes('/collect?src=pixel'))).toBe(true);
  // Fail closed: an unknown category, and a service named under the wrong category.
  expect(await order(page)).not.toContain('unknown-category');
  expect(await order(page)).not.toContain('service-of-another-category');

  // Nothing runs twice when the decision changes again.
  await call(page, 'set', { analytics: true, media: true });
  await page.waitForTimeout(100);
  expect((await gated()).length).toBe(GATED_ORDER.length);

  await page.reload();
  await expect.poll(gated).toEqual(GATED_ORDER);
  await expect.poll(() => order(page)).toContain('injected');
  await expect(page.locator('[data-part="placeholder"]')).toHaveCount(0);
});

test('reject: nothing runs, held tags are dropped, and a reload keeps it that way', async ({ page }) => {
  const urls = recordRequests(page);
  await page.goto(TAGS);
  await page.waitForLoadState('networkidle');
  await call(page, 'rejectAll');
  await page.waitForLoadState('networkidle');
  expect(tracked(urls)).toEqual([]);
  expect(await order(page)).toEqual(['first-party']);
  await page.reload();
  await page.waitForLoadState('networkidle');
  expect(tracked(urls)).toEqual([]);
  expect(await order(page)).toEqual(['first-party']);
  // A refused embed still shows its placeholder.
  await expect(page.getByRole('button', { name: 'Allow VideoTube' })).toBeVisible();
  expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual(['instria_consent']);
});

test('the placeholder’s Allow button grants that service only and loads the embed in place', async ({ page }) => {
  const urls = recordRequests(page);
  await page.goto(TAGS);
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Allow VideoTube' }).click();
  await expect(page.locator('iframe[title="Tagged video"]')).toBeVisible();
  await expect(page.locator('[data-part="placeholder"]')).toHaveCount(0);
  expect(await call(page, 'granted', 'media', 'video')).toBe(true);
  expect(await call(page, 'granted', 'media')).toBe(false);
  expect(await call(page, 'granted', 'analytics')).toBe(false);
  // The injected video iframe (service video) goes in; the analytics script is dropped.
  await expect(page.locator('iframe[title="Injected video"]')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  expect(urls.filter((url) => url.includes('analytics.example.test') || url.includes('name=external'))).toEqual([]);
  // The category-wide inline script (data-consent="media", no service) stays inert.
  expect(await order(page)).toEqual(['first-party']);
});

test('elements added after load are gated, then activated, without a reload', async ({ page }) => {
  await page.goto(TAGS);
  const add = (id: string) =>
    page.evaluate((name) => {
      // A script added by code (an HTML string's scripts never run: hardening-gadget.spec.ts).
      const box = document.createElement('section');
      box.innerHTML = `<div></div><iframe data-consent="media" data-src="/test/e2e/fixtures/gating/embed.html?${name}" title="${name}"></iframe>`;
      const script = document.createElement('script');
      script.type = 'text/plain';
      script.dataset.consent = 'analytics';
      script.text = `order.push('${name}')`;
      box.firstElementChild!.append(script);
      document.querySelector('main')!.append(box);
    }, id);
  await add('late');
  await expect(page.locator('[data-part="placeholder"]')).toHaveCount(2);
  // Category without a service: the placeholder names the category.
  await expect(page.getByRole('button', { name: 'Allow Media' })).toBeVisible();
  await page.waitForTimeout(50);
  expect(await order(page)).not.toContain('late');
  await call(page, 'acceptAll');
  await expect.poll(() => order(page)).toContain('late');
  await expect(page.locator('iframe[title="late"]')).toHaveAttribute('src', /embed\.html\?late$/);
  await add('after-consent');
  await expect.poll(() => order(page)).toContain('after-consent');
  await expect(page.locator('iframe[title="after-consent"]')).toHaveAttribute('src', /embed\.html\?after-consent$/);
});

test('a withdrawal stops activation of elements not yet activated', async ({ page }) => {
  await page.goto(TAGS);
  await call(page, 'set', { media: true });
  await expect.poll(() => order(page)).toContain('media-inline');
  await call(page, 'withdraw');
  await page.evaluate(() => {
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<iframe data-consent="media" data-src="/test/e2e/fixtures/gating/embed.html?late" title="late"></iframe>');
  });
  await expect(page.getByRole('button', { name: 'Allow Media' })).toBeVisible();
  expect(await page.locator('iframe[title="late"]').getAttribute('src')).toBeNull();
  expect(await order(page)).not.toContain('inline-1');
});

test('a parser-inserted script from a listed host does not run before consent, and runs once after', async ({ page }) => {
  await page.goto('/test/e2e/fixtures/gating/parser.html');
  await page.waitForLoadState('networkidle');
  expect(await order(page)).toEqual(['parser-allowed']);
  await expect(page.locator('script[src*="parser-blocked"]')).toHaveAttribute('type', 'text/plain');
  await call(page, 'acceptAll');
  await expect.poll(() => order(page)).toEqual(['parser-allowed', 'parser-blocked']);
  await page.waitForTimeout(100);
  expect(await order(page)).toEqual(['parser-allowed', 'parser-blocked']);
});

test('under a nonce-only CSP, activated scripts carry the nonce and run', async ({ page }) => {
  await page.goto('/test/e2e/fixtures/gating/csp.html');
  await call(page, 'acceptAll');
  await expect.poll(() => order(page)).toEqual(['external-nonce', 'inline-nonce']);
  // The CSP is enforced: the tagged script without a nonce is refused, and is the only violation.
  const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  expect(violations).toEqual([expect.stringMatching(/^inline script-src/)]);
});

test('1,000 tagged elements are all activated, in document order', async ({ page }) => {
  test.setTimeout(60_000);
  const n = 1000;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 5) parts.push(`<script type="text/plain" data-consent="analytics" src="/__gating/script.js?name=${i}"></script>`);
    else if (i % 4 === 1) parts.push(`<img data-consent="analytics" data-src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-i="${i}" alt="">`);
    else parts.push(`<script type="text/plain" data-consent="analytics">order.push('${i}')</script>`);
  }
  await page.route('**/gating-many.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Many</title>
        <script src="/test/e2e/fixtures/gating/config.js"></script>
        <script src="/dist/instria-consent.iife.js" data-ui-src="/test/e2e/fixtures/gating/no-ui.js"></script>
        </head><body><main>${parts.join('\n')}</main></body></html>`,
    }),
  );
  await page.goto('/gating-many.html');
  expect(await order(page)).toEqual([]);
  await call(page, 'acceptAll');
  const expected = parts.flatMap((part, i) => (part.startsWith('<img') ? [] : [String(i)]));
  // 1,000 script executions: not a timing test, so allow for a slow, busy CI machine.
  await expect.poll(() => order(page), { timeout: 30_000 }).toEqual(expected);
  expect(await page.locator('img[data-consent]:not([src])').count()).toBe(0);
  expect(await page.locator('script[type="text/plain"]').count()).toBe(0);
});

test('whenGranted callbacks share the activation order: one runs after the slow script before it', async ({ page }) => {
  await page.goto(TAGS);
  await page.evaluate(() => {
    window.InstriaConsent!.whenGranted!('analytics', () => (window as unknown as { order: string[] }).order.push('whenGranted'));
  });
  await call(page, 'acceptAll');
  await expect.poll(() => order(page)).toContain('whenGranted');
  const ran = await order(page);
  // tags.html starts with a 300 ms external script: the callback must not overtake it.
  expect(ran.indexOf('whenGranted')).toBeGreaterThan(ran.indexOf('external-slow'));
});
