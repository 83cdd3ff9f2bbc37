import { expect, test } from './helpers';

// Markup tagged `data-consent` must not become a way to run script. A tagged
// script runs where the same script, untagged, would run: in the server's HTML or added by code.
// One that came in as an HTML string (`innerHTML`, `outerHTML`, `insertAdjacentHTML`) never runs,
// as the browser never runs such a script, whatever its category, before or after consent, with
// or without a `'strict-dynamic'` CSP (which trusts every script the SDK inserts).

const NONCE = 'gadget-nonce';
const page = (bundle: string) => `<!doctype html><html lang="en"><head><title>Gadget</title>
  <script nonce="${NONCE}" src="/test/e2e/fixtures/gating/config.js"></script>
  <script nonce="${NONCE}" src="/dist/instria-consent.${bundle === 'all' ? 'all.iife.js' : 'iife.js" data-ui-src="/test/e2e/fixtures/gating/no-ui.js'}"></script>
  </head><body><main><div id="outer"></div></main>
  <script type="text/plain" data-consent="essential" nonce="${NONCE}">order.push('server-essential')</script>
  <script type="text/plain" data-consent="analytics" nonce="${NONCE}">order.push('server-analytics')</script>
  <script nonce="${NONCE}">
    var main = document.querySelector('main');
    ['essential', 'analytics'].forEach(function (category) {
      var tag = '<script type="text/plain" data-consent="' + category + '">order.push("';
      main.insertAdjacentHTML('beforeend', tag + 'insertAdjacentHTML-' + category + '")<\\/script>');
      var box = document.createElement('div');
      box.innerHTML = tag + 'innerHTML-' + category + '")<\\/script>';
      main.append(box);
      var code = document.createElement('script');
      code.type = 'text/plain';
      code.nonce = '${NONCE}';
      code.setAttribute('data-consent', category);
      code.text = "order.push('code-" + category + "')";
      main.append(code);
    });
    document.getElementById('outer').outerHTML = '<script type="text/plain" data-consent="essential">order.push("outerHTML-essential")<\\/script>';
  </script>
  </body></html>`;

for (const [bundle, csp] of ['split', 'all'].flatMap((b) => ['none', 'strict-dynamic'].map((c) => [b, c] as const))) {
  test(`${bundle} bundle, ${csp === 'none' ? 'no CSP' : "a 'strict-dynamic' CSP"}: tagged scripts from HTML strings never run; from the server's HTML and from code they do`, async ({ page: tab }) => {
    const headers: Record<string, string> = csp === 'none' ? {} : { 'Content-Security-Policy': `script-src 'nonce-${NONCE}' 'strict-dynamic'` };
    await tab.route('**/gadget.html', (route) => route.fulfill({ contentType: 'text/html', headers, body: page(bundle) }));
    await tab.goto('/test/e2e/fixtures/gadget.html');
    const order = () => tab.evaluate(() => (window as unknown as { order: string[] }).order);
    // Essential is required: what may run, runs before any decision.
    await expect.poll(order).toEqual(['server-essential', 'code-essential']);
    await tab.evaluate(() => window.InstriaConsent!.acceptAll!());
    await expect.poll(order).toEqual(['server-essential', 'code-essential', 'server-analytics', 'code-analytics']);
    await tab.waitForTimeout(200);
    expect(await order()).toEqual(['server-essential', 'code-essential', 'server-analytics', 'code-analytics']);
    // They were handled (replaced by their copies), not merely missed.
    expect(await tab.locator('script[type="text/plain"]').count()).toBe(0);
  });
}
