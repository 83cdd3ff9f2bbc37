import { expect, test } from './helpers';

// Every file the script tag may put on a page adds to `window` only its own registration (the
// names of src/script-tag/window.ts and core's language registry) and nanostores' shared epoch:
// a bundle that leaked its minified top-level names (`e`, `t`, `r`…) would overwrite the page's
// globals and those of the SDK's other files, whichever loaded last.

const FILES = ['iife', 'ui', 'dialog', 'decisions', 'records', 'widget', 'placeholder', 'lang-de', 'dev.iife', 'dev.ui', 'dev.widget', 'dev.placeholder', 'all.iife'];

test('no script-tag file leaks a global', async ({ page }) => {
  await page.goto('/test/e2e/fixtures/blank.html');
  const before = new Set(await page.evaluate(() => Object.getOwnPropertyNames(window)));
  for (const file of FILES) {
    await page.addScriptTag({ url: `/dist/instria-consent.${file}.js` });
    const added = (await page.evaluate(() => Object.getOwnPropertyNames(window))).filter((name) => !before.has(name));
    expect(added.filter((name) => !/^InstriaConsent\w*$/.test(name) && name !== 'nanostoresGlobal'), `after ${file}`).toEqual([]);
  }
});

// V8 compiles every function of a file that opens with this comment at once (tsup.config.ts,
// COMPILE_HINT), rather than pre-parsing all and parsing again what runs: a minifier setting that
// dropped it would cost every page view 20–60 ms of scripting at 4× CPU, silently.
// See: https://v8.dev/blog/explicit-compile-hints
test('the script tags and the UI file open with V8\'s compile hint', async ({ request }) => {
  for (const file of ['iife', 'all.iife', 'ui']) {
    const tag = await (await request.get(`/dist/instria-consent.${file}.js`)).text();
    expect(tag.startsWith('//# allFunctionsCalledOnLoad\n'), file).toBe(true);
  }
});
