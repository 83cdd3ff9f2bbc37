import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine as engineWithout } from '../../../src/core/engine';
import { installDecisions } from '../../../src/core/decisions';
import { googleConsentMode } from '../../../src/core/integrations/google-consent-mode';
import type { Consent } from '../../../src/core/types';
import { memoryStorage } from '../../../src/storage/memory';
import { testConsent } from '../support';

// The page's own callbacks throwing must never stop our work.
type W = { dataLayer?: unknown[] };
const w = window as unknown as W;
const instances: Consent[] = [];
const categories = { essential: { required: true }, analytics: { services: { ga4: { cookies: [/^_ga/] } } } };
const boom = () => {
  throw new Error('page bug');
};
const lastConsentUpdate = () =>
  (w.dataLayer ?? [])
    .map((e) => Array.from(e as ArrayLike<unknown>))
    .filter((e) => e[0] === 'consent' && e[1] === 'update')
    .pop()?.[2];

function make() {
  return testConsent({ categories, plugins: [googleConsentMode()] });
}

beforeEach(() => {
  delete w.dataLayer;
  document.cookie = '_ga=GA1.1.1; path=/';
});
afterEach(() => {
  for (const consent of instances.splice(0)) consent.destroy();
  vi.restoreAllMocks();
});

describe('errors in the page’s callbacks', () => {
  it('a throwing consent.state subscriber does not stop Reject all: Consent Mode, clean-up, events, view', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = make();
    consent.acceptAll();
    document.cookie = '_ga=GA1.1.1; path=/';
    const events: string[] = [];
    consent.on('consent', () => events.push('consent'));
    consent.state.listen(boom);
    consent.showPreferences();
    expect(() => consent.rejectAll()).not.toThrow();
    expect(consent.granted('analytics')).toBe(false);
    expect(lastConsentUpdate()).toMatchObject({ analytics_storage: 'denied' });
    expect(document.cookie).not.toMatch(/_ga=/);
    expect(events).toEqual(['consent']);
    expect(consent.view.get()).toBe('hidden');
    expect(warn.mock.calls.flat().join(' ')).toMatch(/a consent\.state listener threw/);
  });

  it('withdraw() does not throw the page’s error, and still withdraws', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = make();
    consent.acceptAll();
    consent.state.listen(boom);
    consent.view.listen(boom);
    expect(() => consent.withdraw()).not.toThrow();
    expect(consent.state.get().method).toBe('withdraw');
    expect(consent.granted('analytics')).toBe(false);
  });

  it('a throwing on() listener is reported by name, and the other listeners still run', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = make();
    const seen: string[] = [];
    consent.on('consent', boom);
    consent.on('consent', () => seen.push('second'));
    consent.on('change', () => seen.push('change'));
    consent.acceptAll();
    expect(seen).toEqual(['second', 'change']);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/a consent\.on\('consent'\) listener threw/);
  });

  it('a throwing whenGranted callback is reported by name', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = make();
    consent.whenGranted('analytics', boom);
    expect(() => consent.acceptAll()).not.toThrow();
    expect(warn.mock.calls.flat().join(' ')).toMatch(/a whenGranted\('analytics'\) callback threw/);
  });

  it('the state stays a nanostores atom for the page: subscribe, listen, get, value', () => {
    const consent = make();
    const seen: boolean[] = [];
    const off = consent.state.subscribe((state) => seen.push(state.decided));
    consent.acceptAll();
    off();
    consent.reset();
    expect(seen).toEqual([false, true]);
    expect(consent.state.value).toBe(consent.state.get());
    expect(typeof consent.state.lc).toBe('number');
  });

  it('the UI mounts even when a page subscriber throws (the loaded decision code too)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let mounted = 0;
    let load: (() => void) | undefined;
    const consent = engineWithout(
      { categories, storage: memoryStorage() },
      {
        loadDecisions: () => new Promise((resolve) => (load = () => resolve(installDecisions))),
        loadUI: async () => () => (mounted++, () => {}),
      },
    );
    instances.push(consent as Consent);
    consent.state.listen(boom);
    consent.view.listen(boom);
    consent.hide();
    consent.showBanner();
    consent.acceptAll();
    load!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(mounted).toBe(1);
    expect(consent.state.get().decided).toBe(true);
  });
});

describe('createConsent() called twice', () => {
  it('returns the first instance for the same cookie, with a development warning; a new one after destroy()', async () => {
    const { createConsent } = await import('../../../src/index');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = createConsent({ categories });
    const second = createConsent({ categories });
    expect(second).toBe(first);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/createConsent\(\) was already called for the cookie "instria_consent"/);
    const other = createConsent({ categories, cookie: { name: 'other_consent' } });
    expect(other).not.toBe(first);
    first.destroy();
    other.destroy();
    const third = createConsent({ categories });
    expect(third).not.toBe(first);
    third.destroy();
  });
});
