import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineWithDecisions } from '../../../../src/core/consent';
import { gating } from '../../../../src/core/gating/index';
import type { Consent, ConsentOptions } from '../../../../src/core/types';
import { memoryStorage } from '../../../../src/storage/memory';
import { refusedLoads, testConsent } from '../../support';

// happy-dom does not run scripts: these tests check what gating does to the DOM (live copies,
// URLs, placeholders). That the copies run, in order, is proven in Chromium (test/e2e/gating.spec.ts).

const categories = {
  essential: { required: true },
  analytics: { label: 'Analytics', services: { ga4: { label: 'Google Analytics' } } },
  media: { label: 'Media', services: { video: { label: 'VideoTube' } } },
} as const;

type Cat = keyof typeof categories;
let consent: Consent<Cat>;

function make(options: ConsentOptions<Cat> = {}, stored: string | null = null) {
  consent = testConsent<Cat>({ categories, gating: false, plugins: [gating()], ...options }, { stored });
  return consent;
}

/** Lets the microtask scan and the MutationObserver run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector);

/**
 * happy-dom settles scripts at once: hold their load/error events back to play a slow network.
 * Returns the release; the test then dispatches `load` or `error` itself.
 */
function holdLoads(): () => void {
  const settle = (event: Event) => event.stopImmediatePropagation();
  document.addEventListener('load', settle, true);
  document.addEventListener('error', settle, true);
  return () => {
    document.removeEventListener('load', settle, true);
    document.removeEventListener('error', settle, true);
  };
}

/** The URLs the page asked happy-dom to load (it loads none): see refusedLoads(). */
let loads: () => string[];
beforeEach(() => {
  document.documentElement.lang = 'en';
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  loads = refusedLoads();
});
afterEach(() => {
  consent?.destroy();
  vi.restoreAllMocks();
});

describe('gating: scripts', () => {
  it('keeps a tagged script inert until consent, then replaces it by a live copy with every attribute and the nonce', async () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" data-type="module" id="s" class="c" data-x="1" nonce="n0">go()</script>';
    const original = $<HTMLScriptElement>('#s')!;
    original.nonce = 'n0';
    make();
    await flush();
    expect($('#s')).toBe(original);
    consent.acceptAll();
    const live = $<HTMLScriptElement>('#s')!;
    expect(live).not.toBe(original);
    expect(live.type).toBe('module');
    expect(live.getAttribute('data-type')).toBeNull();
    expect([live.className, live.dataset.x, live.dataset.consent, live.text, live.nonce]).toEqual(['c', '1', 'analytics', 'go()', 'n0']);
  });

  it('drops the type of a classic script, and takes data-src as its URL', async () => {
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics" data-src="https://cdn.test/a.js"></script>';
    make();
    await flush();
    consent.acceptAll();
    const live = $<HTMLScriptElement>('script')!;
    expect(live.hasAttribute('type')).toBe(false);
    expect(live.src).toBe('https://cdn.test/a.js');
    expect(live.async).toBe(false);
    expect(loads()).toEqual(['https://cdn.test/a.js']);
  });

  it('lets an inline script wait while an external one before it loads, then runs the rest in order', async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-consent="analytics" src="https://cdn.test/a.js" id="a"></script>
      <script type="text/plain" data-consent="analytics" id="b">b()</script>
      <img data-consent="analytics" data-src="https://cdn.test/c.gif" id="c">`;
    const release = holdLoads();
    make();
    await flush();
    consent.acceptAll();
    release();
    expect($('#a')!.getAttribute('type')).toBeNull();
    expect($('#b')!.getAttribute('type')).toBe('text/plain');
    expect($('#c')!.hasAttribute('src')).toBe(false);
    $('#a')!.dispatchEvent(new Event('error'));
    expect($('#b')!.getAttribute('type')).toBeNull();
    expect($('#c')!.getAttribute('src')).toBe('https://cdn.test/c.gif');
    expect(loads()).toEqual(['https://cdn.test/a.js']);
  });

  it('queues whenGranted callbacks behind the gated external scripts before them', async () => {
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics" src="https://cdn.test/gtag.js" id="a"></script>';
    const release = holdLoads();
    make();
    await flush();
    const order: string[] = [];
    consent.whenGranted('analytics', () => order.push('callback'));
    consent.acceptAll();
    release();
    expect(order).toEqual([]);
    $('#a')!.dispatchEvent(new Event('load'));
    expect(order).toEqual(['callback']);
    expect(loads()).toEqual(['https://cdn.test/gtag.js']);
  });

  it('runs a whenGranted callback at once when nothing is loading, and never after unsubscribe', async () => {
    make();
    await flush();
    consent.acceptAll();
    const now = vi.fn();
    consent.whenGranted('analytics', now);
    expect(now).toHaveBeenCalledTimes(1);
    consent.rejectAll();
    const later = vi.fn();
    consent.whenGranted('analytics', later)();
    consent.acceptAll();
    expect(later).not.toHaveBeenCalled();
  });

  it('does not run a queued callback if consent is withdrawn while scripts load', async () => {
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics" src="https://cdn.test/gtag.js" id="a"></script>';
    const release = holdLoads();
    make();
    await flush();
    const fn = vi.fn();
    consent.whenGranted('analytics', fn);
    consent.acceptAll();
    consent.withdraw();
    release();
    $('#a')!.dispatchEvent(new Event('load'));
    expect(fn).not.toHaveBeenCalled();
    expect(loads()).toEqual(['https://cdn.test/gtag.js']);
  });

  it('does not wait on a nomodule script, which never loads where modules exist', async () => {
    const release = holdLoads();
    document.body.innerHTML = `
      <script type="text/plain" data-consent="analytics" src="https://cdn.test/legacy.js" nomodule></script>
      <script type="text/plain" data-consent="analytics" id="b">b()</script>`;
    make();
    await flush();
    consent.acceptAll();
    release();
    expect($('#b')!.getAttribute('type')).toBeNull();
    // happy-dom, unlike a browser with modules, asks for the nomodule script too.
    expect(loads()).toEqual(['https://cdn.test/legacy.js']);
  });

  it('activates an element once, even when the decision changes again', async () => {
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics">x()</script>';
    make();
    await flush();
    consent.acceptAll();
    const live = $('script');
    consent.set({ analytics: true });
    await flush();
    expect($('script')).toBe(live);
    expect(document.querySelectorAll('script')).toHaveLength(1);
  });

  it('honours data-service: only that service’s grant activates the element', async () => {
    document.body.innerHTML = '<script type="text/plain" data-consent="analytics" data-service="ga4" id="s"></script>';
    make();
    await flush();
    consent.set({ analytics: true }, { services: { ga4: false } });
    expect($('#s')!.getAttribute('type')).toBe('text/plain');
    consent.set({}, { services: { ga4: true } });
    expect($('#s')!.getAttribute('type')).toBeNull();
  });

  it('keeps a granted script waiting while its URL belongs to a service still refused, then activates it with its URL', async () => {
    const GTM = 'https://www.googletagmanager.com/gtm.js';
    document.body.innerHTML = `
      <script type="text/plain" data-consent="media" src="${GTM}" id="a"></script>
      <script type="text/plain" data-consent="media" data-src="${GTM}?b" id="b"></script>`;
    make({ categories: { ...categories, analytics: { label: 'Analytics', services: { ga4: { label: 'Google Analytics', hosts: ['googletagmanager.com'] } } } } });
    await flush();
    consent.set({ media: true });
    // Inserted now, its URL would be held back by auto-blocking and dropped: it would never load.
    expect($('#a')!.getAttribute('type')).toBe('text/plain');
    expect($('#b')!.getAttribute('type')).toBe('text/plain');
    consent.acceptAll();
    expect($('#a')!.getAttribute('type')).toBeNull();
    expect($('#a')!.getAttribute('src')).toBe(GTM);
    expect($('#b')!.getAttribute('src')).toBe(`${GTM}?b`);
    expect(loads()).toEqual([GTM, `${GTM}?b`]);
  });

  it('fails closed on an unknown category, with one development warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytcs" id="a"></script><script type="text/plain" data-consent="analytcs" id="b"></script>';
    make();
    await flush();
    consent.acceptAll();
    expect($('#a')!.getAttribute('type')).toBe('text/plain');
    expect($('#b')!.getAttribute('type')).toBe('text/plain');
    expect(warn.mock.calls.filter((call) => String(call[1]).includes('analytcs'))).toHaveLength(1);
  });
});

describe('gating: embeds and media', () => {
  it('sets the real URLs of images, sources and links on consent', async () => {
    document.body.innerHTML = `
      <img data-consent="analytics" data-src="https://cdn.test/p.gif" data-srcset="https://cdn.test/p2.gif 2x">
      <link data-consent="analytics" rel="stylesheet" data-href="https://cdn.test/s.css">
      <video><source data-consent="media" data-src="https://cdn.test/v.mp4"></video>`;
    make();
    await flush();
    expect($('img')!.hasAttribute('src')).toBe(false);
    consent.acceptAll();
    expect($('img')!.getAttribute('src')).toBe('https://cdn.test/p.gif');
    expect($('img')!.getAttribute('srcset')).toBe('https://cdn.test/p2.gif 2x');
    expect($('link')!.getAttribute('href')).toBe('https://cdn.test/s.css');
    expect($('source')!.getAttribute('src')).toBe('https://cdn.test/v.mp4');
    expect(loads()).toEqual(['https://cdn.test/s.css']);
  });

  it('shows a placeholder before a gated iframe, hides the iframe, and removes it on consent', async () => {
    document.body.innerHTML = '<iframe data-consent="media" data-service="video" data-src="https://video.test/e" title="Clip"></iframe>';
    make();
    await flush();
    const iframe = $<HTMLIFrameElement>('iframe')!;
    const placeholder = iframe.previousElementSibling as HTMLElement;
    expect(placeholder.dataset.part).toBe('placeholder');
    expect(placeholder.dataset.service).toBe('video');
    expect(placeholder.querySelector('p')!.textContent).toBe(
      'VideoTube is blocked. Allowing it lets VideoTube set cookies and learn about your visit.',
    );
    expect(placeholder.getAttribute('style')).toBeNull();
    expect(iframe.hidden).toBe(true);
    expect(iframe.hasAttribute('src')).toBe(false);
    placeholder.querySelector('button')!.click();
    expect(consent.granted('media', 'video')).toBe(true);
    expect(consent.granted('media')).toBe(false);
    expect(iframe.getAttribute('src')).toBe('https://video.test/e');
    expect(iframe.hidden).toBe(false);
    expect(placeholder.isConnected).toBe(false);
    // The gated iframe shows a blank page until consent, then its real URL.
    expect(loads()).toEqual(['about:blank', 'https://video.test/e']);
  });

  it('names the category and grants it when the iframe names no service', async () => {
    document.body.innerHTML = '<iframe data-consent="media" data-src="https://video.test/e"></iframe>';
    make();
    await flush();
    const button = document.querySelector('[data-part="placeholder"] button') as HTMLButtonElement;
    expect(button.textContent).toBe('Allow Media');
    expect(button.type).toBe('button');
    button.click();
    expect(consent.granted('media')).toBe(true);
    expect(consent.granted('analytics')).toBe(false);
    expect(loads()).toEqual(['about:blank', 'https://video.test/e']);
  });

  it('speaks French when the page does, and takes overrides from translations', async () => {
    document.documentElement.lang = 'fr';
    document.body.innerHTML = '<iframe data-consent="media" data-service="video"></iframe>';
    make({ translations: { fr: { placeholderAllow: 'Voir la vidéo {service}' } } });
    await flush();
    expect($('[data-part="placeholder-text"]')!.textContent).toBe(
      'VideoTube est bloqué. L’autoriser permet à VideoTube de déposer des cookies et de connaître votre visite.',
    );
    expect($('[data-part="placeholder-allow"]')!.textContent).toBe('Voir la vidéo VideoTube');
    expect(loads()).toEqual(['about:blank']);
  });

  it('shows no placeholder to a returning visitor who already granted the embed', async () => {
    document.body.innerHTML = '<iframe data-consent="media" data-src="https://video.test/e"></iframe>';
    // A decision stored on an earlier page view.
    const stored = memoryStorage();
    createEngineWithDecisions<Cat>({ categories, storage: stored, gating: false }).acceptAll();
    make({}, stored.read());
    await flush();
    expect($('[data-part="placeholder"]')).toBeNull();
    expect($('iframe')!.getAttribute('src')).toBe('https://video.test/e');
    expect(loads()).toEqual(['about:blank', 'https://video.test/e']);
  });
});

describe('gating: elements added later, withdrawal, teardown', () => {
  it('picks up elements added after load, before and after consent', async () => {
    make();
    await flush();
    document.body.insertAdjacentHTML('beforeend', '<div><img data-consent="analytics" data-src="https://cdn.test/1.gif" id="one"></div>');
    await flush();
    consent.acceptAll();
    expect($('#one')!.getAttribute('src')).toBe('https://cdn.test/1.gif');
    document.body.insertAdjacentHTML('beforeend', '<img data-consent="analytics" data-src="https://cdn.test/2.gif" id="two">');
    await flush();
    expect($('#two')!.getAttribute('src')).toBe('https://cdn.test/2.gif');
  });

  it('stops activating after a withdrawal', async () => {
    make();
    await flush();
    consent.acceptAll();
    consent.withdraw();
    document.body.innerHTML = '<img data-consent="analytics" data-src="https://cdn.test/1.gif">';
    await flush();
    expect($('img')!.hasAttribute('src')).toBe(false);
  });

  it('does nothing when destroyed right after it was created', async () => {
    document.body.innerHTML = '<iframe data-consent="media"></iframe>';
    make();
    consent.destroy();
    await flush();
    expect($('[data-part="placeholder"]')).toBeNull();
    expect(loads()).toEqual(['about:blank']);
  });

  it('does nothing more once the instance is destroyed', async () => {
    make();
    await flush();
    consent.destroy();
    document.body.innerHTML = '<iframe data-consent="media"></iframe>';
    await flush();
    expect($('[data-part="placeholder"]')).toBeNull();
    expect(loads()).toEqual(['about:blank']);
  });
});
