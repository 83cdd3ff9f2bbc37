import { beforeEach, describe, expect, it } from 'vitest';
import { encodeDecision } from '../../../../src/core/codec';
import { clarity } from '../../../../src/core/integrations/clarity';
import type { ConsentOptions } from '../../../../src/core/types';
import { clearCookies, consoleSpy, testConsent } from '../../support';

type ClarityFn = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };
const w = window as unknown as { clarity?: ClarityFn };
const categories = { essential: { required: true }, analytics: {}, marketing: {} };
const stored = (grants: Record<string, boolean>) =>
  encodeDecision({ id: 'abcdef12-3456', time: Date.now() - 1000, revision: 1, method: 'custom', categories: grants, services: {} });
const make = (options: ConsentOptions = {}, value: string | null = null, signal?: Parameters<typeof clarity>[0]) =>
  testConsent({ categories, plugins: [clarity(signal)], ...options }, { stored: value });

/** What Clarity's stub queued, each call as an array. */
const queued = () => Array.from(w.clarity?.q ?? [], (args) => Array.from(args));
const consentv2 = (ad: string, analytics: string) => ['consentv2', { ad_Storage: ad, analytics_Storage: analytics }];

beforeEach(() => {
  delete w.clarity;
  clearCookies();
});

describe('clarity (consent API v2)', () => {
  it("defines Clarity's stub and queues the denied default in clarity.q at install", () => {
    make();
    expect(queued()).toEqual([consentv2('denied', 'denied')]);
    // Arguments objects, as the stub of Clarity's snippet queues them.
    expect(Object.prototype.toString.call(w.clarity!.q![0])).toBe('[object Arguments]');
  });

  it('keeps a stub the page made (and what it queued), and calls the loaded tag directly', () => {
    const q: unknown[] = [];
    w.clarity = Object.assign((...args: unknown[]) => q.push(args), { q: [] });
    w.clarity('set', 'page', 'home');
    const consent = make();
    expect(q).toEqual([['set', 'page', 'home'], consentv2('denied', 'denied')]);
    consent.set({ analytics: true, marketing: false });
    expect(q.at(-1)).toEqual(consentv2('denied', 'granted'));
  });

  it('one update per decision, each signal from its category; denied again on withdrawal', () => {
    const consent = make();
    consent.set({ analytics: true, marketing: false });
    consent.acceptAll();
    consent.withdraw();
    expect(queued()).toEqual([
      consentv2('denied', 'denied'),
      consentv2('denied', 'granted'),
      consentv2('granted', 'granted'),
      consentv2('denied', 'denied'),
    ]);
  });

  it('a returning visitor: the default, then the stored decision, before createConsent returns', () => {
    make({}, stored({ analytics: true, marketing: false }));
    expect(queued()).toEqual([consentv2('denied', 'denied'), consentv2('denied', 'granted')]);
  });

  it('a mapping names other categories', () => {
    const consent = make({ categories: { essential: { required: true }, statistics: {} } }, null, {
      mapping: { analytics_Storage: 'statistics', ad_Storage: 'statistics' },
    });
    consent.acceptAll();
    expect(queued().at(-1)).toEqual(consentv2('granted', 'granted'));
  });

  it("withdrawal removes Clarity's first-party cookies (_clck, _clsk, CLID, MUID) and nothing else", () => {
    const consent = make();
    consent.acceptAll();
    // Set by Clarity after consent (the engine already removes known trackers of what is refused at start).
    for (const name of ['_clck', '_clsk', 'CLID', 'MUID', 'site']) document.cookie = `${name}=1;path=/`;
    expect(document.cookie).toContain('_clck');
    consent.withdraw();
    expect(document.cookie).toBe('site=1');
  });

  it('keeps them while one signal is still granted', () => {
    const consent = make();
    consent.acceptAll();
    document.cookie = '_clck=1;path=/';
    consent.set({ analytics: true, marketing: false });
    expect(document.cookie).toBe('_clck=1');
  });

  it('warns in development about a mapping to no category, not about a default category the site does without', () => {
    const warned = consoleSpy('warn');
    make({ categories: { essential: { required: true }, analytics: {} } });
    expect(warned()).toEqual([]);
    make({ categories: { essential: { required: true }, marketing: {} } }, null, { mapping: { analytics_Storage: 'statistcs' } });
    expect(warned()).toEqual([
      'option "clarity": there is no category "statistcs" to grant analytics_Storage, which stays denied (set a mapping: docs/integrations.md)',
    ]);
  });
});
