import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeDecision } from '../../../../src/core/codec';
import { createEngine as engine } from '../../../../src/core/engine';
import { matomo } from '../../../../src/core/integrations/matomo';
import type { CategoryOptions, Consent, ConsentOptions } from '../../../../src/core/types';
import { memoryStorage } from '../../../../src/storage/memory';
import { clearCookies, testConsent } from '../../support';

type W = { _paq?: unknown[][] };
const w = window as unknown as W;
const instances: Consent[] = [];

function make(categories: Record<string, CategoryOptions>, stored: string | null = null, options: ConsentOptions = {}) {
  return testConsent({ categories, expiresAfterDays: 30, plugins: [matomo()], ...options }, { stored });
}

const inAnalytics = { essential: { required: true }, analytics: { services: { matomo: { label: 'Matomo' } } } };
// Matomo outside the `analytics` category: the built-in analytics cookie list does not apply.
const inStats = { essential: { required: true }, stats: { services: { matomo: { label: 'Matomo' } } } };
const names = () => (w._paq ?? []).map((call) => call[0]);

beforeEach(() => {
  delete w._paq;
  clearCookies();
});
afterEach(() => {
  for (const consent of instances.splice(0)) consent.destroy();
});

describe('matomo (default: no measurement before consent)', () => {
  it('queues requireConsent at install, before Matomo loads, keeping calls the page queued', () => {
    w._paq = [['setSiteId', '1']];
    make(inAnalytics);
    expect(w._paq).toEqual([['setSiteId', '1'], ['requireConsent']]);
  });

  it('in order: requireConsent, rememberConsentGiven(hours left) on consent, forgetConsentGiven on withdrawal', () => {
    const consent = make(inAnalytics);
    consent.acceptAll();
    consent.withdraw();
    expect(w._paq).toEqual([['requireConsent'], ['rememberConsentGiven', 30 * 24], ['forgetConsentGiven']]);
  });

  it('a refusal without an earlier grant forgets nothing: Matomo, still waiting for consent, measures nothing', () => {
    const consent = make(inAnalytics);
    consent.rejectAll();
    expect(w._paq).toEqual([['requireConsent']]);
  });

  it('a returning visitor who consented 10 days ago: remembered for the 20 days left', async () => {
    const day = 864e5;
    const stored = encodeDecision({ id: 'abcdef12-3456', time: Date.now() - 10 * day, revision: 1, method: 'accept-all', categories: { analytics: true }, services: { matomo: true } });
    make(inAnalytics, stored);
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(w._paq).toEqual([['requireConsent'], ['rememberConsentGiven', 20 * 24]]);
  });
});

describe('matomo: a consent Matomo still remembers but ours no longer covers', () => {
  const day = 864e5;
  // Accepted under revision 1; the site is now at revision 2, so the visitor must be asked again.
  const stale = encodeDecision({ id: 'abcdef12-3456', time: Date.now() - day, revision: 1, method: 'accept-all', categories: { analytics: true }, services: { matomo: true } });
  /** As the script tag starts: the decision code (which deletes leftovers) is still loading. */
  const tagLike = (options: ConsentOptions = {}) => {
    const consent = engine(
      { categories: inAnalytics, storage: memoryStorage(stale), revision: 2, plugins: [matomo()], ...options },
      { loadDecisions: () => new Promise(() => {}) },
    );
    instances.push(consent as Consent);
  };
  const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

  it('is forgotten before Matomo loads when its mtm_consent cookie is left (revision raised, decision expired, refused elsewhere)', async () => {
    document.cookie = 'mtm_consent=1700000000000;Path=/';
    tagLike();
    await tick();
    expect(w._paq).toEqual([['requireConsent'], ['forgetConsentGiven']]);
  });

  it('in the exempt mode, its mtm_cookie_consent cookie likewise', async () => {
    document.cookie = 'mtm_cookie_consent=1700000000000;Path=/';
    tagLike({ matomo: { exempt: true } });
    await tick();
    expect(w._paq).toEqual([['requireCookieConsent'], ['forgetCookieConsentGiven']]);
  });

  it('nothing is queued for a visitor Matomo never had a consent from (a forget call would write Matomo\'s opt-out cookie)', async () => {
    tagLike();
    await tick();
    expect(w._paq).toEqual([['requireConsent']]);
  });

  it('the npm entries delete the leftover cookie itself at start, before Matomo can read it', () => {
    document.cookie = 'mtm_consent=1700000000000;Path=/';
    document.cookie = 'mtm_consent_removed=1;Path=/';
    make(inAnalytics, stale, { revision: 2 });
    expect(document.cookie).toBe('mtm_consent_removed=1');
  });
});

describe('matomo, CNIL-exempt mode (matomo: { exempt: true }): cookieless measurement before consent', () => {
  const exempt = { matomo: { exempt: true } };

  it('queues requireCookieConsent at install, before Matomo loads, keeping calls the page queued', () => {
    w._paq = [['setSiteId', '1']];
    make(inAnalytics, null, exempt);
    expect(w._paq).toEqual([['setSiteId', '1'], ['requireCookieConsent']]);
  });

  it('on consent: rememberCookieConsentGiven for the lifetime of the decision, in hours', () => {
    const consent = make(inAnalytics, null, exempt);
    consent.acceptAll();
    expect(w._paq).toEqual([['requireCookieConsent'], ['rememberCookieConsentGiven', 30 * 24]]);
  });

  it('a refusal without an earlier grant forgets nothing', () => {
    const consent = make(inAnalytics, null, exempt);
    consent.rejectAll();
    expect(names()).toEqual(['requireCookieConsent']);
  });

  it('on withdrawal: forgetCookieConsentGiven, and the _pk_ cookies are gone even outside "analytics"', () => {
    const consent = make(inStats, null, exempt);
    consent.acceptAll();
    document.cookie = '_pk_id.1.1fff=abc; Path=/';
    document.cookie = '_pk_ses.1.1fff=1; Path=/';
    document.cookie = 'keep=1; Path=/';
    consent.withdraw();
    expect(names()).toEqual(['requireCookieConsent', 'rememberCookieConsentGiven', 'forgetCookieConsentGiven']);
    expect(document.cookie).not.toMatch(/_pk_/);
    expect(document.cookie).toMatch(/keep=1/);
  });

  it('a per-service refusal of matomo alone withdraws it', () => {
    const consent = make(inStats);
    consent.acceptAll();
    consent.set({}, { services: { matomo: false } });
    expect(names().at(-1)).toBe('forgetConsentGiven');
  });

  it('a returning visitor who consented 10 days ago: remembered for the 20 days left', async () => {
    const day = 864e5;
    const stored = encodeDecision({ id: 'abcdef12-3456', time: Date.now() - 10 * day, revision: 1, method: 'accept-all', categories: { analytics: true }, services: { matomo: true } });
    make(inAnalytics, stored, exempt);
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(w._paq).toEqual([['requireCookieConsent'], ['rememberCookieConsentGiven', 20 * 24]]);
  });
});

describe('matomo option', () => {
  it('a wrong value gets the default (consent required) and a development warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    make(inAnalytics, null, { matomo: { exempt: 'yes' } } as unknown as ConsentOptions);
    expect(names()).toEqual(['requireConsent']);
    expect(warn.mock.calls.some((call) => call.join(' ').includes('matomo'))).toBe(true);
    warn.mockRestore();
  });
});
