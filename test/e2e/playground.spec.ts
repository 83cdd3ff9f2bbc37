import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { expect, recordWarnings, test } from './helpers';

// The configuration playground (examples/playground/): its preview runs the built development
// script tag in a sandboxed frame, its snippets must run as pasted, and the SDK's own warnings
// must reach the form.

const PLAYGROUND = '/examples/playground/';

/** The playground's page object: the form, the preview frame and its banner, the code. */
class Playground {
  readonly frame: FrameLocator;
  readonly banner: Locator;
  readonly tagCode: Locator;
  readonly npmCode: Locator;
  readonly warnings: Locator;

  constructor(readonly page: Page) {
    this.frame = page.frameLocator('#frame-box iframe');
    this.banner = this.frame.locator('instria-consent [data-part=banner]');
    this.tagCode = page.locator('#tag-code');
    this.npmCode = page.locator('#npm-code');
    this.warnings = page.locator('#warnings');
  }

  static async open(page: Page, hash = '') {
    await page.goto(PLAYGROUND + hash);
    const playground = new Playground(page);
    await playground.settled();
    return playground;
  }

  /** The preview's banner drawn and measured: the SDK of the last frame has run. */
  async settled() {
    await expect(this.page.locator('#equal-weight')).toHaveAttribute('data-ok', 'true');
    await expect(this.banner).toBeVisible();
  }

  /** Radio `value` of the group `name` (`layout`, `theme`, `scheme`, `device`). */
  async choose(name: string, value: string) {
    await this.page.locator(`input[name=${name}][value=${value}]`).check();
  }

  /** The text field of `key` (`acceptAll`, `title`…) under "Texts". */
  text(key: string): Locator {
    return this.page.locator('#text-fields').getByLabel(key, { exact: true });
  }
}

/**
 * What a visitor gets from a banner: its accessible tree (names and roles of its heading, text,
 * links and buttons), its layout, and the computed colours of it and of its three buttons.
 */
async function drawn(banner: Locator) {
  const colours = await banner.evaluate((element) => {
    const style = (el: Element) => {
      const s = getComputedStyle(el);
      return `${s.backgroundColor} ${s.color} ${s.borderTopColor} ${s.fontWeight} ${s.fontSize} ${s.borderRadius}`;
    };
    return {
      layout: (element.getRootNode() as ShadowRoot).querySelector('[data-part=root]')?.getAttribute('data-layout'),
      banner: style(element),
      buttons: [...element.querySelectorAll('[data-part=actions] button')].map((button) => `${button.getAttribute('data-part')}: ${style(button)}`),
    };
  });
  return { aria: await banner.ariaSnapshot(), ...colours };
}

test('the demo index links the playground first', async ({ page }) => {
  await page.goto('/');
  const first = page.locator('.cards .card').first().getByRole('link');
  await expect(first).toHaveText('Playground');
  await first.click();
  await expect(page).toHaveURL(/\/examples\/playground\//);
  await new Playground(page).settled();
});

test('the defaults: the SDK has no warning, the banner shows the SDK default colours the form lists', async ({ page }) => {
  const playground = await Playground.open(page);
  await expect(page.locator('#warnings-summary')).toHaveText('No warning: the SDK accepts this configuration as it is.');
  await expect(playground.warnings.locator('li')).toHaveCount(0);
  // The form's default colours (model.js) are the SDK's: the colour inputs start at what the banner draws.
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;
  for (const scheme of ['light', 'dark']) {
    await playground.choose('scheme', scheme);
    await expect(playground.banner).toHaveCSS('background-color', rgb(await page.locator(`#c-${scheme}-bg`).inputValue()));
    await expect(playground.banner).toHaveCSS('color', rgb(await page.locator(`#c-${scheme}-fg`).inputValue()));
    const accept = playground.banner.locator('[data-part=accept]');
    await expect(accept).toHaveCSS('background-color', rgb(await page.locator(`#c-${scheme}-accent`).inputValue()));
    await expect(accept).toHaveCSS('color', rgb(await page.locator(`#c-${scheme}-accentFg`).inputValue()));
  }
});

test('changing an option updates the preview and both snippets', async ({ page }) => {
  const playground = await Playground.open(page);
  await expect(playground.banner.getByRole('button', { name: 'Accept all' })).toBeVisible();

  await playground.text('acceptAll').fill('Sounds good');
  await expect(playground.banner.getByRole('button', { name: 'Sounds good' })).toBeVisible();
  await expect(playground.tagCode).toContainText("en: { acceptAll: 'Sounds good' }");
  await expect(playground.npmCode).toContainText("en: { acceptAll: 'Sounds good' }");

  await playground.choose('layout', 'box');
  await expect(playground.frame.locator('instria-consent [data-part=root]')).toHaveAttribute('data-layout', 'box');
  await expect(playground.tagCode).toContainText('data-layout="box"');
  await expect(playground.npmCode).toContainText("layout: 'box'");

  await page.locator('#c-light-accent').fill('#b00020');
  await expect(playground.banner.locator('[data-part=reject]')).toHaveCSS('background-color', 'rgb(176, 0, 32)');
  await expect(playground.tagCode).toContainText('--ic-accent: #b00020;');
  await expect(page.locator('#css-code')).toContainText('--ic-accent: #b00020;');
  // One colour pair for all three buttons: the form has no other, and they are drawn alike.
  await expect(page.locator('input[type=color][name$=".accent"]')).toHaveCount(2);
  await expect(page.locator('#equal-weight')).toHaveAttribute('data-ok', 'true');

  await page.getByRole('button', { name: 'Add a service to analytics' }).click();
  await expect(page.getByLabel('Id', { exact: true }).last()).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('ga4');
  await page.getByRole('group', { name: 'Service 2' }).getByLabel('Name', { exact: true }).fill('Google Analytics');
  await expect(playground.banner).toContainText('Partners: Matomo, Google Analytics.');
  await expect(playground.npmCode).toContainText("ga4: { label: 'Google Analytics' }");

  // Another language: the banner speaks it, and its texts are the ones the form edits next.
  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(playground.banner.getByRole('button', { name: 'Alle ablehnen' })).toBeVisible();
  await expect(page.locator('#f-texts-language')).toHaveValue('de');
  await playground.text('rejectAll').fill('Nein danke');
  await expect(playground.banner.getByRole('button', { name: 'Nein danke' })).toBeVisible();
  await expect(playground.tagCode).toContainText('data-lang="de"');
  await expect(playground.npmCode).toContainText("de: { rejectAll: 'Nein danke' }");

  await playground.choose('device', 'mobile');
  await expect(page.locator('#frame-box iframe')).toHaveJSProperty('offsetWidth', 375);
  await expect(playground.banner).toBeVisible();
});

test('the form works from the keyboard: radio groups with the arrows, buttons with Enter and Space', async ({ page }) => {
  const playground = await Playground.open(page);
  await page.getByLabel('Bar across the bottom').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Box in the corner (wider than 640 px)')).toBeChecked();
  await expect(playground.tagCode).toContainText('data-layout="box"');
  await page.getByRole('button', { name: 'Add a category' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#k-2-id')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('marketing');
  await expect(playground.banner).toContainText('Analytics, Marketing');
  await page.getByRole('button', { name: 'Remove this category' }).last().focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Add a category' })).toBeFocused();
  await expect(playground.npmCode).not.toContainText('marketing');
});

test('the preferences dialog is previewed too, and stays open while options change', async ({ page }) => {
  const playground = await Playground.open(page);
  await page.getByRole('button', { name: 'Show the preferences' }).click();
  const dialog = playground.frame.locator('instria-consent dialog');
  await expect(dialog.getByRole('checkbox', { name: 'Matomo' })).toBeVisible();
  await page.getByLabel('Controller (who decides, named by the banner)').fill('Instria');
  await page.locator('#c-light-bg').fill('#fff8e7');
  await expect(dialog).toHaveCSS('background-color', 'rgb(255, 248, 231)');
  await page.getByRole('button', { name: 'Show the banner' }).click();
  await expect(playground.banner).toContainText('Instria uses cookies');
  // Decided in the preview: the banner goes, and comes back on request (the decision was in memory).
  await playground.banner.getByRole('button', { name: 'Reject all' }).click();
  await expect(playground.banner).toBeHidden();
  await page.getByRole('button', { name: 'Show the banner' }).click();
  await expect(playground.banner.getByRole('button', { name: 'Reject all' })).toBeVisible();
  // The demo's own consent cookie was never written.
  expect(await page.context().cookies()).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the script-tag snippet pasted into a blank page gives the preview's banner (${scheme} visitor)`, async ({ page, browser, baseURL }) => {
    const playground = await Playground.open(page);
    await playground.choose('layout', 'box');
    await page.getByLabel('Logo image URL').fill('/examples/playground/logo.svg');
    await page.getByLabel('Logo text alternative').fill('Example');
    await page.locator('#c-light-accent').fill('#7a1f5c');
    await page.locator('#c-dark-accent').fill('#ffd6ec');
    await page.locator('#c-dark-accentFg').fill('#2b0a1f');
    await page.getByLabel('Corner radius in pixels').fill('0');
    // Quotes, markup and a closing tag: escaped in the attribute and in the inline script.
    await page.getByLabel('Controller (who decides, named by the banner)').fill('Example "Shop" & <Co>');
    await playground.text('title').fill("Your privacy at Example's </script><b>shop</b>");
    await page.getByRole('button', { name: 'Add a category' }).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('marketing');
    await playground.choose('scheme', scheme);
    await expect(playground.tagCode).toContainText('--ic-radius: 0px;');
    await playground.settled();
    await expect(playground.banner).toContainText("Your privacy at Example's </script><b>shop</b>");
    await expect(playground.banner).toContainText('Example "Shop" & <Co> uses cookies');
    await expect(playground.banner).toContainText('Marketing');
    const preview = await drawn(playground.banner);

    // The snippet as a visitor of a site gets it: alone in a page's <head>, the production tag.
    const snippet = (await playground.tagCode.textContent())!;
    expect(snippet).toContain('src="/dist/instria-consent.iife.js"');
    const context = await browser.newContext({ baseURL, colorScheme: scheme });
    const pasted = await context.newPage();
    await pasted.route('**/pasted.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Pasted</title>\n${snippet}\n</head>\n<body><main><h1>A site</h1></main></body>\n</html>`,
      }),
    );
    const errors: string[] = [];
    pasted.on('pageerror', (error) => errors.push(error.message));
    await pasted.goto('/pasted.html');
    const banner = pasted.locator('instria-consent [data-part=banner]');
    await expect(banner).toBeVisible();
    await expect(banner.locator('[data-part=logo]')).toHaveJSProperty('complete', true);
    expect(await drawn(banner)).toEqual(preview);
    expect(preview.layout).toBe('box');
    expect(preview.buttons[0]).toContain(scheme === 'light' ? 'rgb(122, 31, 92)' : 'rgb(255, 214, 236)');
    expect(errors).toEqual([]);
    await context.close();
  });
}

/** `body` served at `path` for `page` (a page of the test server's origin that no file backs). */
async function serve(page: Page, path: string, head: string) {
  await page.route(`**${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Pasted</title>\n${head}\n</head>\n<body><main><h1>A site</h1></main></body>\n</html>`,
    }),
  );
  await page.goto(path);
}

test('the createConsent code configures the SDK as the script tag does, with the same warnings', async ({ page, context }) => {
  const playground = await Playground.open(page);
  await page.getByLabel('Policy revision').fill('1.5');
  await page.getByLabel('Days a choice is kept').fill('500');
  await playground.choose('layout', 'box');
  await playground.text('save').fill('Save');
  await page.getByLabel('Google Consent Mode v2').check();
  await page.getByLabel('Honour Global Privacy Control').uncheck();
  await expect(playground.warnings.locator('li')).toHaveCount(2);
  const tag = (await playground.tagCode.textContent())!;
  const npm = (await playground.npmCode.textContent())!;
  const object = npm.slice(npm.indexOf('createConsent(') + 'createConsent('.length, npm.lastIndexOf(');'));

  /** The options the SDK resolved on `pasted`, and what it warned, once the banner shows. */
  const resolved = async (pasted: Page, warnings: string[]) => {
    await expect(pasted.locator('instria-consent [data-part=banner]')).toBeVisible();
    // As JSON (functions and the storage left out), compared whatever the order of the keys.
    return { options: JSON.parse(await pasted.evaluate(() => JSON.stringify(window.InstriaConsent!.options))), warnings };
  };
  // The tag as pasted, but its development twin, which warns.
  const asTag = await context.newPage();
  const tagWarnings = recordWarnings(asTag);
  await serve(asTag, '/pasted-tag.html', tag.replace('/dist/instria-consent.iife.js', '/dist/instria-consent.dev.iife.js'));
  // The npm code's object given to the same SDK's init(): what createConsent() resolves with it.
  const asCode = await context.newPage();
  const codeWarnings = recordWarnings(asCode);
  await serve(asCode, '/pasted-npm.html', '<script src="/dist/instria-consent.dev.iife.js" data-manual></script>');
  await asCode.evaluate((source) => window.InstriaConsent!.init(new Function(`return ${source}`)()), object);

  const [byTag, byCode] = [await resolved(asTag, tagWarnings), await resolved(asCode, codeWarnings)];
  expect(byCode).toEqual(byTag);
  expect(byTag.warnings).toEqual([
    '[instria-consent] option "revision" is invalid (1.5); using the default 1',
    '[instria-consent] option "expiresAfterDays" is outside 1..395 (500); using 395',
  ]);
  expect(byTag.options).toMatchObject({ layout: 'box', gpc: false, googleConsentMode: {}, translations: { en: { save: 'Save' } } });
});

test('Google Consent Mode: its mapping goes into the code, and the preview shows the commands its SDK pushed', async ({ page }) => {
  const playground = await Playground.open(page);
  await expect(page.locator('#gcm')).toBeHidden();
  await page.getByLabel('Google Consent Mode v2').check();
  await expect(playground.tagCode).toContainText('data-google-consent-mode');
  const commands = page.locator('#gcm-commands li');
  await expect(commands).toHaveCount(1);
  await expect(commands.first()).toContainText('default — ad_storage: denied');
  await expect(commands.first()).toContainText('analytics_storage: denied');

  // ad_storage by the analytics category: an object of options, which the tag takes from InstriaConsentConfig.
  await page.getByLabel('ad_storage granted by').selectOption('analytics');
  await page.getByLabel('Regions of the default').fill('FR, DE');
  await expect(playground.tagCode).toContainText("googleConsentMode: {\n      mapping: { ad_storage: 'analytics' },\n      region: ['FR', 'DE'],\n    },");
  await expect(playground.tagCode).not.toContainText('data-google-consent-mode');
  await expect(commands).toHaveCount(2);
  await expect(commands.first()).toContainText('region: FR DE');

  await playground.banner.getByRole('button', { name: 'Accept all' }).click();
  await expect(commands).toHaveCount(3);
  await expect(commands.last()).toContainText('update — ad_storage: granted, ad_user_data: denied');
  await expect(commands.last()).toContainText('analytics_storage: granted');
  await expect(playground.warnings.locator('li')).toHaveCount(0);
});

test('an invalid value shows the SDK warning next to its field and in the list', async ({ page }) => {
  const playground = await Playground.open(page);
  const revision = page.getByLabel('Policy revision');
  await revision.fill('-1');
  await expect(revision).toHaveAttribute('aria-invalid', 'true');
  await expect(revision).toHaveAccessibleDescription('option "revision" is invalid (-1); using the default 1');
  await expect(page.locator('[data-warn=revision] .warning')).toBeVisible();
  await expect(playground.warnings).toContainText('option "revision" is invalid (-1); using the default 1');
  await expect(playground.tagCode).toContainText('data-revision="-1"');

  // A required category holding a tracker: the SDK's development error, at that category.
  await page.getByRole('checkbox', { name: /^Required/ }).nth(1).check();
  await expect(page.locator('[data-warn="category:analytics"] > .warning')).toContainText(
    'category "analytics" is required but holds analytics or advertising trackers',
  );
  // An id the SDK refuses.
  await page.locator('#k-1-id').fill('my analytics');
  await expect(page.locator('[data-warn="category:my analytics"] > .warning')).toContainText('category "my analytics" is not valid');

  // A cookie name the SDK refuses, at its field; the domain is not checked without the site's host.
  const cookieName = page.getByRole('group', { name: 'Consent cookie' }).getByLabel('Name');
  await cookieName.fill('my cookie');
  await page.getByLabel('Domain, to share the choice with sub-domains').fill('example.com');
  await expect(cookieName).toHaveAccessibleDescription('option "cookie.name" is invalid ("my cookie"); using the default "instria_consent"');
  await expect(playground.tagCode).toContainText("cookie: { name: 'my cookie', domain: 'example.com' },");
  await cookieName.fill('');
  await page.getByLabel('Domain, to share the choice with sub-domains').fill('');

  // Fixed: the warnings go.
  await revision.fill('2');
  await page.locator('#k-1-id').fill('analytics');
  await page.getByRole('checkbox', { name: /^Required/ }).nth(1).uncheck();
  await expect(playground.warnings.locator('li')).toHaveCount(0);
  await expect(revision).not.toHaveAttribute('aria-invalid');
});

test('contrast: each pair is checked live against WCAG 2.2 AA', async ({ page }) => {
  await Playground.open(page);
  const text = page.locator('tr[data-pair=light-fg-bg]');
  await expect(text).toHaveAttribute('data-ok', 'true');
  // #767676 on white is 4.54:1, the palest grey that passes; #777777 is 4.47:1.
  await page.locator('#c-light-fg').fill('#777777');
  await expect(text).toHaveAttribute('data-ok', 'false');
  await expect(text).toContainText('4.47:1');
  await page.locator('#c-light-fg').fill('#767676');
  await expect(text).toHaveAttribute('data-ok', 'true');
  await expect(text).toContainText('4.54:1');
  const ratios = await page.evaluate(async () => {
    const { contrastRatio, shownRatio } = await import('/examples/playground/contrast.js' as string);
    return [contrastRatio('#000', '#fff'), contrastRatio('#1f4fd1', '#ffffff'), contrastRatio('#ffffff', '#ffffff'), contrastRatio('#nope', '#fff')].map(shownRatio);
  });
  expect(ratios).toEqual(['21.00:1', '6.78:1', '1.00:1', 'not a colour']);
});

test('the configuration round-trips through the address', async ({ page, context }) => {
  const playground = await Playground.open(page);
  await page.getByLabel('Controller (who decides, named by the banner)').fill('Instria');
  await playground.choose('theme', 'dark');
  await page.locator('#c-dark-bg').fill('#101820');
  await page.getByLabel('Corner radius in pixels').fill('12');
  await page.locator('#f-texts-language').selectOption('fr');
  await playground.text('rejectAll').fill('Non merci');
  await page.getByLabel('Google Consent Mode v2').check();
  await page.getByRole('button', { name: 'Remove this service' }).click();
  await expect(playground.tagCode).not.toContainText('matomo');
  await expect(page).toHaveURL(/#config=/);
  const snippet = await playground.tagCode.textContent();

  const shared = await context.newPage();
  const again = await Playground.open(shared, new URL(page.url()).hash);
  await expect(again.tagCode).toHaveText(snippet!);
  await expect(shared.getByLabel('Controller (who decides, named by the banner)')).toHaveValue('Instria');
  await expect(shared.locator('input[name=theme][value=dark]')).toBeChecked();
  await expect(shared.locator('#c-dark-bg')).toHaveValue('#101820');
  await expect(shared.getByLabel('Corner radius in pixels')).toHaveValue('12');
  await expect(again.text('rejectAll')).toHaveValue('Non merci');
  await expect(again.banner.getByRole('button', { name: 'Non merci' })).toBeVisible();
  await expect(again.banner).toHaveCSS('background-color', 'rgb(16, 24, 32)');

  // A link opened in a tab that shows another configuration replaces it.
  await page.goto(`${PLAYGROUND}#config=${'eyJjb250cm9sbGVyIjoiT3RoZXIifQ'}`);
  await expect(page.getByLabel('Controller (who decides, named by the banner)')).toHaveValue('Other');
  await expect(playground.banner).toContainText('Other uses cookies');
  // A link whose colour smuggles markup into the CSS: the colour is dropped, the rest kept.
  const hostile = Buffer.from(
    JSON.stringify({ controller: 'Kept', textsLanguage: '"><img src=x onerror=alert(1)>', light: { accent: 'red}</style><script>alert(1)</script>', fg: '#123456' } }),
  ).toString('base64url');
  await page.goto(`${PLAYGROUND}#config=${hostile}`);
  await expect(page.getByLabel('Controller (who decides, named by the banner)')).toHaveValue('Kept');
  await expect(playground.tagCode).toContainText('--ic-fg: #123456;');
  await expect(playground.tagCode).not.toContainText('alert');
  await expect(page.locator('#f-texts-language')).toHaveValue('en');
  await expect(page.locator('img')).toHaveCount(0);
  // A broken link: the defaults, no error.
  await page.goto(`${PLAYGROUND}#config=%%%`);
  await expect(page.getByLabel('Controller (who decides, named by the banner)')).toHaveValue('Example Shop');
});

test('copy buttons put the snippets and the link on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const playground = await Playground.open(page);
  await page.getByRole('button', { name: 'Copy', exact: true }).first().click();
  await expect(page.locator('#copied')).toHaveText('Script tag copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await playground.tagCode.textContent());
  await page.locator('[data-copy=npm-code]').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await playground.npmCode.textContent());
  await page.locator('#copy-link').click();
  await expect(page.locator('#copied')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test('the playground is axe-clean (WCAG 2.2 AA), with warnings and a failing contrast shown', async ({ page }) => {
  test.setTimeout(90_000);
  // No fade-in: axe leaves the contrast of a half-transparent banner undecided.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const playground = await Playground.open(page);
  const check = async (axe: AxeBuilder) => {
    const results = await axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    return results;
  };
  // The page and the preview's banner in it (axe reaches into the frame and its shadow root).
  // @axe-core/playwright skips a frame it could not inject within 1 s, which a busy machine
  // misses at times: asked again until axe has seen the banner's text in the frame.
  const sawFrame = (results: Awaited<ReturnType<typeof check>>) =>
    !!results.passes.find((rule) => rule.id === 'color-contrast')?.nodes.some((node) => node.target.join(' ').includes('iframe'));
  await expect.poll(async () => sawFrame(await check(new AxeBuilder({ page }))), { timeout: 60_000 }).toBe(true);
  await page.getByLabel('Policy revision').fill('-1');
  await page.locator('#c-light-fg').fill('#999999');
  await expect(playground.warnings.locator('li')).toHaveCount(1);
  await expect(page.locator('tr[data-pair=light-fg-bg]')).toHaveAttribute('data-ok', 'false');
  // The preview now shows the failing colours on purpose; the page around it stays clean.
  await check(new AxeBuilder({ page }).exclude('#frame-box'));
});
