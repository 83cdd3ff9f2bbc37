import { expect, test } from './helpers';

// Trusted Types: under `require-trusted-types-for 'script'` the SDK puts what it
// loads and activates through its one policy, `instria-consent`; without the directive nothing
// changes; a page whose `trusted-types` directive leaves the policy out gets no exception and no
// script run without the browser's leave (fail closed).

/** The page's CSP per case: Trusted Types with our policy, none, or a directive that leaves it out. */
const CSP: Record<string, string> = {
  tt: "require-trusted-types-for 'script'; trusted-types instria-consent 'allow-duplicates'",
  plain: "object-src 'none'; base-uri 'none'",
  unlisted: "require-trusted-types-for 'script'; trusted-types other",
};

/** One page per CSP and bundle, served with its header: a gated external script with an `onload`, a gated inline one. */
const page = (csp: string, bundle: string) => `/test/e2e/fixtures/hardening/tt/${csp}-${bundle}.html`;
const body = (bundle: string) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Trusted Types</title>
  <script>
    window.order = [];
    window.InstriaConsentConfig = { googleConsentMode: true, recordEndpoint: '/records?run=hardening-tt', privacyPolicyUrl: '/privacy' };
  </script>
  <script src="/dist/instria-consent.${bundle === 'all' ? 'all.' : ''}iife.js"></script>
</head>
<body>
  <main><h1>Trusted Types</h1></main>
  <script type="text/plain" data-consent="analytics" onload="order.push('onload')" src="/test/e2e/fixtures/hardening/gated.js"></script>
  <script type="text/plain" data-consent="analytics">order.push('inline')</script>
  <footer><a href="#cookie-preferences" id="footer-link">Cookie preferences</a></footer>
</body>
</html>`;
type Win = { order: string[]; dataLayer: IArguments[] };

test.beforeEach(async ({ page: tab }) => {
  await tab.route('**/fixtures/hardening/tt/*.html', (route) => {
    const [, csp, bundle] = /\/(\w+)-(\w+)\.html$/.exec(route.request().url())!;
    return route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': CSP[csp!]! }, body: body(bundle!) });
  });
});

for (const bundle of ['split', 'all']) {
  for (const csp of ['tt', 'plain']) {
    test(`${bundle} bundle, ${csp === 'tt' ? 'Trusted Types required' : 'no Trusted Types'}: banner, gated scripts, Consent Mode, record, dialog`, async ({ page: tab, ui }) => {
      const records: string[] = [];
      await tab.route('**/records?*', (route) => (records.push(route.request().method()), route.fulfill({ status: 201, body: '' })));
      const violations: string[] = [];
      tab.on('console', (message) => /Trusted Type|Content Security Policy/i.test(message.text()) && violations.push(message.text()));
      await tab.goto(page(csp, bundle));
      await expect(ui.banner).toBeVisible();
      expect(await tab.evaluate(() => (window as unknown as Win).order)).toEqual([]);
      await ui.accept();
      await expect.poll(() => tab.evaluate(() => (window as unknown as Win).order)).toEqual(['external', 'onload', 'inline']);
      const updates = await tab.evaluate(() => (window as unknown as Win).dataLayer.filter((entry) => entry[1] === 'update').map((entry) => entry[2].analytics_storage));
      expect(updates).toEqual(['granted']);
      await expect.poll(() => records).toEqual(['POST']);
      await tab.locator('#footer-link').click();
      await expect(ui.dialog).toBeVisible();
      expect(violations).toEqual([]);
      if (csp === 'tt') expect(await tab.evaluate(() => (window as unknown as { trustedTypes: object }).trustedTypes !== undefined)).toBe(true);
    });
  }

  test(`${bundle} bundle, a trusted-types directive without our policy: no exception, nothing runs`, async ({ page: tab, ui }) => {
    await tab.goto(page('unlisted', bundle));
    if (bundle === 'all') {
      await expect(ui.banner).toBeVisible();
      await ui.accept();
    }
    // The split bundle cannot load its banner (the browser refuses the script URL): nothing is granted.
    await tab.waitForTimeout(300);
    expect(await tab.evaluate(() => (window as unknown as Win).order)).toEqual([]);
    expect(await tab.evaluate(() => window.InstriaConsent!.granted!('analytics'))).toBe(bundle === 'all');
  });
}
