// Writes the cookie table of privacy.html from the site's consent configuration, with the
// SDK's own renderer, from the repository root:
// `npm run build && node examples/website/build-cookie-table.mjs`.
// test/unit/examples-privacy.test.ts fails when the page and the configuration disagree.
import { readFileSync, writeFileSync } from 'node:fs';

const page = 'examples/website/privacy.html';

/** The configuration consent-config.js sets on `window`, read without a browser. */
export function siteConfig() {
  const window = {};
  new Function('window', readFileSync('examples/website/assets/consent-config.js', 'utf8'))(window);
  return window.InstriaConsentConfig;
}

/** privacy.html with `table` between its cookie-table markers. */
export function withTable(html, table) {
  return html.replace(/(<!-- cookie-table -->\n)[\s\S]*?\n?([ \t]*<!-- \/cookie-table -->)/, `$1${table.trimEnd()}\n$2`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Imported here, through a variable, not above: the unit test imports this file (for its
  // helpers) before any build exists, and Vitest resolves every literal import it sees.
  const built = new URL('../../dist/core.js', import.meta.url).href;
  const { cookieTable, renderCookieTable } = await import(/* @vite-ignore */ built);
  const table = renderCookieTable(cookieTable(siteConfig()));
  writeFileSync(page, withTable(readFileSync(page, 'utf8'), table));
}
