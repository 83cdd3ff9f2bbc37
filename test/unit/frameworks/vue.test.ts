import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileScript, parse } from 'vue/compiler-sfc';
import { createApp, createSSRApp, defineComponent, h, nextTick, type App, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Consent } from '../../../src/core/types';
import { ConsentGate, useConsent, useGranted } from '../../../src/vue';
import { refusedLoads, testConsent } from '../support';

// The README's quick start imports the package by name (the sources here, vitest.config.ts), and
// its `createConsent` is the unit tests' instance here (decision in memory, no UI).
vi.mock('@instria/consent', async () => ({ createConsent: (await import('../support')).testConsent }));

const categories = { essential: { required: true }, analytics: { services: { ga4: {}, matomo: {} } }, media: {} };

/** `html` without Vue's fragment markers (`<!--[-->`), which the slots' arrays render as. */
const markup = (html: string) => html.replace(/<!--[^]*?-->/g, '');

let app: App | null = null;
// The apps embed a video: happy-dom loads no iframe and reports each refusal on Node's console.
beforeEach(() => void refusedLoads());

afterEach(() => {
  app?.unmount();
  app = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function mount(component: Component, hydrate = ''): Promise<HTMLElement> {
  const container = document.body.appendChild(document.createElement('div'));
  container.innerHTML = hydrate;
  app = (hydrate ? createSSRApp : createApp)(component);
  app.mount(container);
  await nextTick();
  return container;
}

const status = (consent: Consent<'essential' | 'analytics' | 'media'>) =>
  defineComponent(() => {
    const state = useConsent(consent);
    const ga4 = useGranted(consent, 'analytics', 'ga4');
    const media = useGranted(consent, 'media');
    return () => h('p', `${state.value.decided} ${state.value.categories.analytics} ${ga4.value} ${media.value}`);
  });

const gate = (consent: Consent<'essential' | 'analytics' | 'media'>, category: 'analytics' | 'media', service?: string) =>
  defineComponent(() => () =>
    h(ConsentGate, { consent, category, service }, { default: () => h('video', { title: 'video' }), fallback: () => h('p', 'Off') }),
  );

describe('@instria/consent/vue', () => {
  it('useConsent and useGranted are refs that follow the decision, per category and per service', async () => {
    const consent = testConsent({ categories });
    const page = await mount(status(consent));
    expect(page.textContent).toBe('false false false false');
    consent.acceptAll();
    await nextTick();
    expect(page.textContent).toBe('true true true true');
    consent.set({}, { services: { ga4: false } });
    await nextTick();
    expect(page.textContent).toBe('true true false true');
    consent.rejectAll();
    await nextTick();
    expect(page.textContent).toBe('true false false false');
  });

  it('outside a component, the refs read the decision at once', () => {
    const consent = testConsent({ categories });
    const state = useConsent(consent);
    const media = useGranted(consent, 'media');
    const ga4inMedia = useGranted(consent, 'media', 'ga4');
    expect([state.value.decided, media.value]).toEqual([false, false]);
    consent.acceptAll();
    expect([state.value.decided, media.value, ga4inMedia.value]).toEqual([true, true, consent.granted('media', 'ga4')]);
    expect(ga4inMedia.value).toBe(false);
  });

  it('ConsentGate renders its default slot only while granted, else the fallback slot', async () => {
    const consent = testConsent({ categories });
    const page = await mount(gate(consent, 'media'));
    expect(markup(page.innerHTML)).toBe('<p>Off</p>');
    consent.set({ media: true });
    await nextTick();
    expect(markup(page.innerHTML)).toBe('<video title="video"></video>');
    consent.withdraw();
    await nextTick();
    expect(markup(page.innerHTML)).toBe('<p>Off</p>');
  });

  it('ConsentGate gates on one service when given one', async () => {
    const consent = testConsent({ categories });
    const page = await mount(gate(consent, 'analytics', 'matomo'));
    consent.set({}, { services: { ga4: true } });
    await nextTick();
    expect(markup(page.innerHTML)).toBe('<p>Off</p>');
    consent.set({}, { services: { matomo: true } });
    await nextTick();
    expect(markup(page.innerHTML)).toBe('<video title="video"></video>');
  });

  it('renders the fallback on the server, even for a visitor who accepted', async () => {
    const consent = testConsent({ categories });
    consent.acceptAll();
    expect(markup(await renderToString(createSSRApp(gate(consent, 'media'))))).toBe('<p>Off</p>');
    expect(markup(await renderToString(createSSRApp(status(consent))))).toBe('<p>false false false false</p>');
  });

  it('hydrates the server HTML without a mismatch, then shows what the visitor accepted', async () => {
    const both = (consent: Consent<'essential' | 'analytics' | 'media'>) => defineComponent(() => () => h('div', [h(status(consent)), h(gate(consent, 'media'))]));
    // A server's instance knows no decision (no cookie there); the browser's reads the visitor's.
    const html = await renderToString(createSSRApp(both(testConsent({ categories }))));
    const consent = testConsent({ categories });
    consent.acceptAll();
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const page = await mount(both(consent), html);
    expect(warnings).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(markup(page.innerHTML)).toBe('<div><p>true true true true</p><video title="video"></video></div>');
  });

  it('runs the README quick start (a single-file component)', async () => {
    const file = join(__dirname, 'vue-app.vue');
    const { descriptor } = parse(await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8')), { filename: file });
    // The compiled component, beside the .vue file so that its `./consent` import resolves.
    const compiled = join(__dirname, '.vue-app.compiled.ts');
    writeFileSync(compiled, compileScript(descriptor, { id: 'vue-app', inlineTemplate: true }).content);
    try {
      const { default: VueApp } = (await import(/* @vite-ignore */ compiled)) as { default: Component };
      const { consent } = await import('./consent');
      const page = await mount(VueApp);
      expect(page.querySelector('iframe')).toBeNull();
      expect(page.textContent).toBe('Accept media cookies to watch this video. Analytics: off Cookie preferences');
      consent.acceptAll();
      await nextTick();
      expect(page.querySelector('iframe')?.title).toBe('Big Buck Bunny');
      expect(page.textContent?.trim()).toBe('Analytics: on Cookie preferences');
      page.querySelector('button')!.click();
      expect(consent.view.get()).toBe('preferences');
    } finally {
      rmSync(compiled, { force: true });
    }
  });
});
