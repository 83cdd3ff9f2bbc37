import { beforeEach, describe, expect, it } from 'vitest';
import { encodeDecision } from '../../../../src/core/codec';
import { tiktokPixel } from '../../../../src/core/integrations/tiktok-pixel';
import type { ConsentOptions } from '../../../../src/core/types';
import { clearCookies, testConsent } from '../../support';

type Ttq = unknown[] & Record<string, unknown>;
const w = window as unknown as { ttq?: Ttq };
const categories = { essential: { required: true }, analytics: {}, marketing: {} };
const stored = (grants: Record<string, boolean>) =>
  encodeDecision({ id: 'abcdef12-3456', time: Date.now() - 1000, revision: 1, method: 'custom', categories: grants, services: {} });
const make = (options: ConsentOptions = {}, value: string | null = null, signal?: Parameters<typeof tiktokPixel>[0]) =>
  testConsent({ categories, plugins: [tiktokPixel(signal)], ...options }, { stored: value });

/** TikTok's base code, as its pixel snippet has it (the part that defines the queue and its methods). */
function tiktokBaseCode() {
  const ttq = (w.ttq = w.ttq || ([] as unknown as Ttq));
  const methods = ['page', 'track', 'identify', 'holdConsent', 'revokeConsent', 'grantConsent'];
  for (const method of methods) ttq[method] = (...args: unknown[]) => ttq.push([method, ...args]);
  (ttq.page as () => void)();
}

beforeEach(() => {
  delete w.ttq;
  clearCookies();
});

describe('tiktokPixel', () => {
  it('queues holdConsent as the stub does, before the base code, which keeps the array and its entry', () => {
    make();
    expect([...w.ttq!]).toEqual([['holdConsent']]);
    tiktokBaseCode();
    expect([...w.ttq!]).toEqual([['holdConsent'], ['page']]);
  });

  it("calls the base code's methods once they exist: one grantConsent or revokeConsent per decision", () => {
    tiktokBaseCode();
    const consent = make();
    consent.acceptAll();
    consent.rejectAll();
    expect([...w.ttq!]).toEqual([['page'], ['holdConsent'], ['grantConsent'], ['revokeConsent']]);
  });

  it('a returning visitor who accepted: holdConsent, then grantConsent, before the base code runs', () => {
    make({}, stored({ analytics: false, marketing: true }));
    tiktokBaseCode();
    expect([...w.ttq!]).toEqual([['holdConsent'], ['grantConsent'], ['page']]);
  });

  it('a mapping names the category', () => {
    const consent = make({ categories: { essential: { required: true }, ads: {} } }, null, { mapping: { consent: 'ads' } });
    consent.acceptAll();
    expect([...w.ttq!]).toEqual([['holdConsent'], ['grantConsent']]);
  });

  it("withdrawal sends revokeConsent and removes the pixel's first-party cookies", () => {
    const consent = make();
    consent.acceptAll();
    for (const name of ['_ttp', 'ttcsid', 'ttcsid_C123', 'site']) document.cookie = `${name}=1;path=/`;
    consent.withdraw();
    expect([...w.ttq!].at(-1)).toEqual(['revokeConsent']);
    expect(document.cookie).toBe('site=1');
  });
});
