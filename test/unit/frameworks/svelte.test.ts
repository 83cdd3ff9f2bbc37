import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { compile } from 'svelte/compiler';
import { derived, get } from 'svelte/store';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refusedLoads, testConsent } from '../support';

// The README's quick start imports the package by name (the sources here, vitest.config.ts), and
// its `createConsent` is the unit tests' instance here (decision in memory, no UI).
vi.mock('@instria/consent', async () => ({ createConsent: (await import('../support')).testConsent }));

/**
 * Svelte's browser API (`mount`): under Node's conditions `svelte` resolves to its server build,
 * whose `mount` throws; the browser build is the file its `browser` condition names.
 */
const svelte = (): Promise<typeof import('svelte')> =>
  import(/* @vite-ignore */ join(dirname(createRequire(import.meta.url).resolve('svelte/package.json')), 'src/index-client.js'));

// The apps embed a video: happy-dom loads no iframe and reports each refusal on Node's console.
beforeEach(() => void refusedLoads());

afterEach(() => {
  document.body.innerHTML = '';
  // A new `consent.ts` instance per test (support.ts destroys each after its test).
  vi.resetModules();
  vi.restoreAllMocks();
});

/**
 * Compiles `test/unit/frameworks/<name>.svelte` for the browser or the server into a file beside
 * it (so that its `./consent` import resolves), which the test imports and removes.
 */
function compileComponent(name: string, generate: 'client' | 'server'): string {
  const { js, warnings } = compile(readFileSync(join(__dirname, `${name}.svelte`), 'utf8'), { filename: `${name}.svelte`, generate });
  expect(warnings).toEqual([]);
  const compiled = join(__dirname, `.${name}.${generate}.compiled.js`);
  writeFileSync(compiled, js.code);
  return compiled;
}

// Svelte needs no binding: `$store` works on any object with `subscribe(fn)` that calls `fn`
// at once with the current value and returns an unsubscribe. See:
// https://svelte.dev/docs/svelte/stores#Store-contract
describe('Svelte: consent atoms follow the store contract', () => {
  it('subscribe calls fn synchronously with the current value, then on each change, until unsubscribed', () => {
    const consent = testConsent();
    for (const store of [consent.state, consent.view]) {
      const seen: unknown[] = [];
      const unsubscribe = store.subscribe((value: unknown) => seen.push(value));
      expect(seen).toEqual([store.get()]);
      expect(typeof unsubscribe).toBe('function');
      unsubscribe();
    }
    const seen: boolean[] = [];
    const unsubscribe = consent.state.subscribe((state) => seen.push(state.categories.analytics));
    consent.acceptAll();
    expect(seen).toEqual([false, true]);
    unsubscribe();
    consent.rejectAll();
    expect(seen).toEqual([false, true]);
  });

  it('svelte/store reads and derives from them', () => {
    const consent = testConsent();
    const analytics = derived(consent.state, (state) => state.categories.analytics);
    expect(get(consent.state)).toBe(consent.state.get());
    expect(get(analytics)).toBe(false);
    consent.acceptAll();
    expect(get(analytics)).toBe(true);
  });

  it('runs the README quick start: a Svelte 5 component compiled with svelte/compiler, `$decision` on consent.state', async () => {
    const compiled = compileComponent('svelte-app', 'client');
    try {
      const { default: SvelteApp } = await import(/* @vite-ignore */ compiled);
      const { consent } = await import('./consent');
      const { flushSync, mount, unmount } = await svelte();
      const app = mount(SvelteApp, { target: document.body });
      expect(document.querySelector('iframe')).toBeNull();
      expect(document.body.textContent).toContain('Accept media cookies to watch this video.');
      expect(document.body.textContent).toContain('Analytics: off');
      consent.acceptAll();
      flushSync();
      expect(document.querySelector('iframe')?.title).toBe('Big Buck Bunny');
      expect(document.body.textContent).toContain('Analytics: on');
      document.querySelector('button')!.click();
      expect(consent.view.get()).toBe('preferences');
      unmount(app);
    } finally {
      rmSync(compiled, { force: true });
    }
  });

  it('with server rendering, shows the fallback on the server and until mounted, then the decision, without a hydration mismatch', async () => {
    const server = compileComponent('svelte-ssr', 'server');
    const client = compileComponent('svelte-ssr', 'client');
    try {
      const { consent } = await import('./consent');
      consent.acceptAll();
      const { render } = await import('svelte/server');
      const { body } = render((await import(/* @vite-ignore */ server)).default);
      expect(body).toContain('Accept media cookies to watch this video.');
      expect(body).not.toContain('iframe');
      document.body.innerHTML = body;
      const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { flushSync, hydrate, unmount } = await svelte();
      const app = hydrate((await import(/* @vite-ignore */ client)).default, { target: document.body });
      flushSync();
      expect(warnings).not.toHaveBeenCalled();
      expect(document.querySelector('iframe')?.title).toBe('Big Buck Bunny');
      unmount(app);
    } finally {
      rmSync(server, { force: true });
      rmSync(client, { force: true });
    }
  });
});
