import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineWithDecisions } from '../../../../src/core/consent';
import { fillPlaceholder as fullPlaceholder } from '../../../../src/core/gating/placeholder';
import type { Consent } from '../../../../src/core/types';
import { memoryStorage } from '../../../../src/storage/memory';
import { refusedLoads } from '../../support';

// The script tag's placeholder (tsup.config.ts swaps it in for ./placeholder.ts): the box at once,
// its text and button once instria-consent.placeholder.js has loaded. Chromium proves the swap
// and the load on the built files (test/e2e/auto-block.spec.ts).

const categories = { essential: { required: true }, media: { services: { video: { label: 'VideoTube' } } } };
let consent: Consent;

/** A fresh module each time: it keeps the one load of the page in a module variable. */
const lazy = async () => {
  vi.resetModules();
  return import('../../../../src/core/gating/placeholder-lazy');
};

/** The URLs the page asked happy-dom to load (it loads none): see refusedLoads(). */
let loads: () => string[];
beforeEach(() => {
  vi.restoreAllMocks();
  loads = refusedLoads();
  consent?.destroy();
  consent = createEngineWithDecisions({ categories, storage: memoryStorage(), gating: false });
  document.body.innerHTML = '<iframe data-consent="media" data-service="video" data-src="https://video.test/e"></iframe>';
});
afterEach(() => vi.restoreAllMocks());

describe('lazy placeholder', () => {
  it('hides the embed and puts the box before it at once, fills it once loaded, loading the file once', async () => {
    const { placeholderFor, lazyPlaceholder } = await lazy();
    const load = vi.fn(() => Promise.resolve(fullPlaceholder));
    lazyPlaceholder.load = load;
    const iframe = document.querySelector('iframe')!;
    const box = placeholderFor(consent, iframe);
    expect(iframe.hidden).toBe(true);
    expect(iframe.previousElementSibling).toBe(box);
    expect(box.dataset).toMatchObject({ part: 'placeholder', service: 'video' });
    expect(box.childElementCount).toBe(0);
    await Promise.resolve();
    expect(box.querySelector('button')!.textContent).toBe('Allow VideoTube');
    const second = document.createElement('iframe');
    second.dataset.consent = 'media';
    document.body.append(second);
    placeholderFor(consent, second);
    expect(load).toHaveBeenCalledTimes(1);
    // Each gated iframe loads a blank page: nothing of the embed.
    expect(loads()).toEqual(['about:blank', 'about:blank']);
  });

  it('fails closed when the file cannot load: the embed stays hidden, a warning, nothing thrown', async () => {
    const { placeholderFor, lazyPlaceholder } = await lazy();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    lazyPlaceholder.load = () => Promise.reject(new Error('offline'));
    const iframe = document.querySelector('iframe')!;
    const box = placeholderFor(consent, iframe);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(iframe.hidden).toBe(true);
    expect(iframe.hasAttribute('src')).toBe(false);
    expect(box.childElementCount).toBe(0);
    expect(warn).toHaveBeenCalledOnce();
    expect(loads()).toEqual(['about:blank']);
  });

  it('after a failed load, the next gated iframe loads the file again and gets its text', async () => {
    const { placeholderFor, lazyPlaceholder } = await lazy();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const load = vi.fn(() => Promise.reject(new Error('offline')));
    lazyPlaceholder.load = load;
    placeholderFor(consent, document.querySelector('iframe')!);
    await new Promise((resolve) => setTimeout(resolve, 0));
    lazyPlaceholder.load = () => Promise.resolve(fullPlaceholder);
    const second = document.createElement('iframe');
    second.dataset.consent = 'media';
    second.dataset.service = 'video';
    document.body.append(second);
    const box = placeholderFor(consent, second);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(box.querySelector('button')!.textContent).toBe('Allow VideoTube');
  });
});
