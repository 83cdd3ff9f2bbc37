// The benchmark's pages: one per library, otherwise identical. Each library is configured as its
// docs show, equivalently: an essential and an analytics category, Accept / Reject / Customize on
// the first layer, the analytics script gated the library's own way, a footer link that reopens
// the preferences.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bannerPreload } from '../dist/server.js';

/**
 * What our script tag fetches on a first visit beyond itself (the UI file, which carries the
 * decision code): the files the "with preload" page hints with `<link rel="preload" as="script">`. The one place to
 * change when the bundles change; the run warns when a first visit fetched another set.
 */
export const PRELOAD = ['/dist/instria-consent.ui.js'];

/**
 * The documented first-visit hint (docs/size-and-performance.md): an inline script that preloads
 * the PRELOAD files only when no decision cookie exists, so a returning visitor pays nothing.
 * Read from the page the end-to-end test loads, so the benchmark measures that exact text.
 */
const HINT = /<script>\n([\s\S]*?)<\/script>/.exec(
  readFileSync(new URL('../test/e2e/fixtures/perf/preload-hint.html', import.meta.url), 'utf8'),
)[0];

/** Our script tag, where the pages load it from. */
export const TAG = '/dist/instria-consent.iife.js';

// The site's own analytics script: records when it ran. Not counted in any library's bytes.
export const ANALYTICS = 'window.__bench&&(window.__bench.analytics=performance.now());';

const PAGE = ({ head = '', gated, footer, tail = '' }) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Benchmark page</title>
<link rel="icon" href="data:,">
${head}
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0}header,main,footer{padding:1rem 2rem}</style>
</head>
<body>
<header><strong>Example shop</strong> · <a href="#">Products</a> · <a href="#">About</a></header>
<main>
<h1>A page like any other</h1>
<p>${'Some text that the visitor came for. '.repeat(12)}</p>
<p>${'More text, a second paragraph of the article. '.repeat(10)}</p>
</main>
${gated}
<footer>${footer}</footer>
${tail}
</body>
</html>`;

const VANILLA_CONFIG = {
  // Default true: it hides from navigator.webdriver, which Playwright sets. Real visitors see it.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'We use cookies for analytics, only with your consent. <a href="/privacy">Privacy policy</a>',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Customize',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save my choices',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Essential', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'Audience measurement.', linkedCategory: 'analytics' },
          ],
        },
      },
    },
  },
};

const OREJIME_CONFIG = {
  privacyPolicyUrl: '/privacy',
  purposes: [
    { id: 'essential', title: 'Essential', isMandatory: true },
    { id: 'analytics', title: 'Analytics', cookies: ['_ga', '_gid'] },
  ],
};

const version = (root, pkg) => JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

/**
 * Our split build's page, optionally with `<link rel="preload">` for the files in PRELOAD
 * (`preload`), with the first-visit hint before the tag (`hint`), or with what the server entry's
 * `bannerPreload` gives for the request's cookies before the tag (`server`: the page is rendered
 * per request, see `render`).
 */
const instria = (id, name, script, { preload = false, hint = false, server = '' } = {}) => ({
  id,
  name,
  script,
  page: PAGE({
    head:
      (hint ? `${HINT}\n` : '') +
      server +
      (preload ? PRELOAD.map((href) => `<link rel="preload" as="script" href="${href}">\n`).join('') : '') +
      `<script src="${script}" data-privacy-policy="/privacy"></script>`,
    gated: '<script type="text/plain" data-consent="analytics" src="/analytics.js"></script>',
    footer: '<a href="#cookie-preferences" data-consent-open>Cookie preferences</a>',
  }),
  accept: '[data-part=banner] [data-part=accept]',
  reject: '[data-part=banner] [data-part=reject]',
  banner: '[data-part=banner]',
});

/**
 * The libraries, the no-CMP baseline first. `script`: the library's main file, for "painted −
 * library JS loaded". `accept`/`reject`/`banner`: selectors of the first layer's buttons and of
 * the banner, searched in the document and in open shadow roots (Instria renders inside one).
 * `network: 'only'`: measured in the network scenario only (a hint is invisible on localhost).
 */
export function libraries(root) {
  return [
    {
      id: 'baseline',
      name: 'No CMP (baseline)',
      page: PAGE({ gated: '<script type="text/plain" src="/analytics.js"></script>', footer: '<a href="#">Cookie preferences</a>' }),
    },
    { ...instria('instria', 'Instria Consent (script tag + UI chunk)', TAG), ours: true },
    {
      ...instria('instria-preload', 'Instria Consent (script tag + preload hints)', TAG, { preload: true }),
      network: 'only',
    },
    {
      ...instria('instria-hint', 'Instria Consent (script tag + first-visit hint)', TAG, { hint: true }),
      network: 'only',
    },
    {
      ...instria('instria-server', 'Instria Consent (script tag + bannerPreload on the server)', TAG),
      // The page as a server renders it for this request: the preload only without a decision.
      render: (cookie) =>
        instria('instria-server', '', TAG, { server: bannerPreload(cookie, { base: '/dist/' }) }).page,
      network: 'only',
    },
    instria('instria-all', 'Instria Consent (all-in-one)', '/dist/instria-consent.all.iife.js'),
    {
      id: 'vanilla',
      name: `vanilla-cookieconsent ${version(root, 'vanilla-cookieconsent')}`,
      script: '/peers/cookieconsent.umd.js',
      page: PAGE({
        head: '<link rel="stylesheet" href="/peers/cookieconsent.css">',
        gated: '<script type="text/plain" data-category="analytics" src="/analytics.js"></script>',
        footer: '<a href="#cookie-preferences" data-cc="show-preferencesModal">Cookie preferences</a>',
        // Its docs load it deferred / as a module: run() needs <body> (in <head> it throws).
        tail: `<script src="/peers/cookieconsent.umd.js"></script>\n<script>CookieConsent.run(${JSON.stringify(VANILLA_CONFIG)});</script>`,
      }),
      accept: '#cc-main .cm [data-role=all]',
      reject: '#cc-main .cm [data-role=necessary]',
      banner: '#cc-main .cm',
    },
    {
      id: 'orejime',
      name: `Orejime ${version(root, 'orejime')}`,
      script: '/peers/orejime-standard-en.js',
      page: PAGE({
        head:
          '<link rel="stylesheet" href="/peers/orejime-standard.css">\n' +
          `<script>window.orejimeConfig=${JSON.stringify(OREJIME_CONFIG)};</script>\n` +
          '<script src="/peers/orejime-standard-en.js"></script>',
        gated: '<template data-purpose="analytics"><script src="/analytics.js"></script></template>',
        footer: '<a href="#cookie-preferences" onclick="orejime.prompt();return false">Cookie preferences</a>',
      }),
      accept: '.orejime-Banner-saveButton',
      reject: '.orejime-Banner-declineButton',
      banner: '.orejime-Banner',
    },
  ];
}

/**
 * Another build of ours (`--compare DIR`, served under /compare/): its script tag alone, in both
 * scenarios (a paired A/B of scripting time at each CPU rate, say), and with `<link rel="preload">`
 * for `preload` (its first visit's on-demand files, by name: `ui`, `decisions`) on the network.
 */
export const compareLibraries = (dir, preload) => {
  const tag = '/compare/instria-consent.iife.js';
  const hints = preload.map((name) => `<link rel="preload" as="script" href="/compare/instria-consent.${name}.js">\n`).join('');
  const plain = instria('compare', `Instria Consent, ${dir} (script tag)`, tag);
  const hinted = instria('compare-preload', `Instria Consent, ${dir} (script tag + preload of ${preload.join(', ')})`, tag);
  hinted.page = hinted.page.replace(`<script src="${tag}"`, `${hints}<script src="${tag}"`);
  return [plain, { ...hinted, network: 'only' }];
};
