import { beforeEach, describe, expect, it } from 'vitest';
import { encodeDecision } from '../../../../src/core/codec';
import { microsoftConsentMode } from '../../../../src/core/integrations/microsoft-consent-mode';
import type { ConsentOptions } from '../../../../src/core/types';
import { clearCookies, consoleSpy, testConsent } from '../../support';

const w = window as unknown as { uetq?: unknown };
const categories = { essential: { required: true }, analytics: {}, marketing: {} };
const stored = (grants: Record<string, boolean>, services: Record<string, boolean> = {}) =>
  encodeDecision({ id: 'abcdef12-3456', time: Date.now() - 1000, revision: 1, method: 'custom', categories: grants, services });
const make = (options: ConsentOptions = {}, value: string | null = null, signal?: Parameters<typeof microsoftConsentMode>[0]) =>
  testConsent({ categories, plugins: [microsoftConsentMode(signal)], ...options }, { stored: value });

const DEFAULT = ['consent', 'default', { ad_storage: 'denied' }];
const update = (value: string) => ['consent', 'update', { ad_storage: value }];

beforeEach(() => {
  delete w.uetq;
  clearCookies();
});

describe('microsoftConsentMode (UET Consent Mode)', () => {
  it('queues the default in window.uetq at install, and nothing else before a decision', () => {
    make();
    expect(w.uetq).toEqual(DEFAULT);
  });

  it('keeps what the page queued before, and pushes to the UET object that replaced the array', () => {
    w.uetq = ['pageLoad'];
    const consent = make();
    expect(w.uetq).toEqual(['pageLoad', ...DEFAULT]);
    const calls: unknown[][] = [];
    w.uetq = { push: (...args: unknown[]) => calls.push(args) };
    consent.acceptAll();
    expect(calls).toEqual([update('granted')]);
  });

  it('one update per decision: granted with marketing, denied without it, denied on withdrawal', () => {
    const consent = make();
    consent.set({ analytics: true });
    expect(w.uetq).toEqual([...DEFAULT, ...update('denied')]);
    consent.acceptAll();
    consent.withdraw();
    expect(w.uetq).toEqual([...DEFAULT, ...update('denied'), ...update('granted'), ...update('denied')]);
  });

  it('a returning visitor: the default, then the stored decision, before createConsent returns', () => {
    make({}, stored({ analytics: false, marketing: true }));
    expect(w.uetq).toEqual([...DEFAULT, ...update('granted')]);
  });

  it('a mapping names the category; a declared microsoftAds service must be granted too', () => {
    const ads = { essential: { required: true }, ads: { services: { microsoftAds: {}, other: {} } } };
    const consent = make({ categories: ads }, null, { mapping: { ad_storage: 'ads' } });
    consent.set({ ads: true }, { services: { microsoftAds: false } });
    consent.set({}, { services: { microsoftAds: true } });
    expect(w.uetq).toEqual([...DEFAULT, ...update('denied'), ...update('granted')]);
  });

  it("removes UET's first-party cookies when ad_storage is denied", () => {
    const consent = make();
    consent.acceptAll();
    document.cookie = '_uetsid=1;path=/';
    document.cookie = '_uetvid=2;path=/';
    document.cookie = 'site=3;path=/';
    expect(document.cookie).toContain('_uetvid');
    consent.withdraw();
    expect(document.cookie).toBe('site=3');
  });

  it('warns in development when the mapped category does not exist, and stays denied', () => {
    const warned = consoleSpy('warn');
    const consent = make({ categories: { essential: { required: true }, analytics: {} } });
    consent.acceptAll();
    expect(warned()).toEqual([
      'option "microsoftConsentMode": there is no category "marketing" to grant ad_storage, which stays denied (set a mapping: docs/integrations.md)',
    ]);
    expect(w.uetq).toEqual([...DEFAULT, ...update('denied')]);
  });
});
