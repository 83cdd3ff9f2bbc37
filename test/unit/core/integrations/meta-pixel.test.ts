import { beforeEach, describe, expect, it } from 'vitest';
import { encodeDecision } from '../../../../src/core/codec';
import { metaPixel } from '../../../../src/core/integrations/meta-pixel';
import type { ConsentOptions } from '../../../../src/core/types';
import { clearCookies, refusedLoads, testConsent } from '../../support';

type Fbq = ((...args: unknown[]) => void) & { queue: ArrayLike<unknown>[]; loaded?: boolean; callMethod?: unknown };
const w = window as unknown as { fbq?: Fbq; _fbq?: Fbq };
const categories = { essential: { required: true }, analytics: {}, marketing: {} };
const stored = (grants: Record<string, boolean>) =>
  encodeDecision({ id: 'abcdef12-3456', time: Date.now() - 1000, revision: 1, method: 'custom', categories: grants, services: {} });
const make = (options: ConsentOptions = {}, value: string | null = null, signal?: Parameters<typeof metaPixel>[0]) =>
  testConsent({ categories, plugins: [metaPixel(signal)], ...options }, { stored: value });

/**
 * Meta's base code as Meta gives it (https://developers.facebook.com/docs/meta-pixel/get-started),
 * with `window.fbq` for the bare `fbq` of its last lines; the e2e tests run it word for word.
 */
function metaBaseCode() {
  /* eslint-disable */
  // prettier-ignore
  void function(f: any,b: Document,e: string,v: string,n?: any,t?: any,s?: any)
  {if(f.fbq)return;n=f.fbq=function(){n.callMethod?
  n.callMethod.apply(n,arguments):n.queue.push(arguments)};
  if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';
  n.queue=[];t=b.createElement(e);t.async=!0;
  t.src=v;s=b.getElementsByTagName(e)[0];
  s.parentNode.insertBefore(t,s)}(window, document,'script',
  'https://connect.facebook.net/en_US/fbevents.js');
  w.fbq!('init', '1234567890');
  w.fbq!('track', 'PageView');
}

const queue = () => Array.from(w.fbq!.queue, (args) => Array.from(args));

beforeEach(() => {
  delete w.fbq;
  delete w._fbq;
  clearCookies();
  document.head.innerHTML = '<script></script>';
});

describe('metaPixel', () => {
  it('puts consent revoke ahead of init, and the base code still loads fbevents.js', () => {
    const loads = refusedLoads();
    make();
    expect(w.fbq).toBeUndefined();
    metaBaseCode();
    expect(queue()).toEqual([['consent', 'revoke'], ['init', '1234567890'], ['track', 'PageView']]);
    expect(loads()).toEqual(['https://connect.facebook.net/en_US/fbevents.js']);
  });

  it('a returning visitor who accepted: revoke, then grant, both ahead of init', () => {
    refusedLoads();
    make({}, stored({ analytics: false, marketing: true }));
    metaBaseCode();
    expect(queue()).toEqual([['consent', 'revoke'], ['consent', 'grant'], ['init', '1234567890'], ['track', 'PageView']]);
  });

  it('one grant or revoke per decision once the base code is there', () => {
    refusedLoads();
    const consent = make();
    metaBaseCode();
    consent.acceptAll();
    consent.rejectAll();
    expect(queue().slice(3)).toEqual([['consent', 'grant'], ['consent', 'revoke']]);
  });

  it('a decision before the base code waits with the default, in order', () => {
    refusedLoads();
    const consent = make();
    consent.acceptAll();
    metaBaseCode();
    expect(queue()).toEqual([['consent', 'revoke'], ['consent', 'grant'], ['init', '1234567890'], ['track', 'PageView']]);
  });

  it('calls an fbq that is already there (base code above the SDK tag)', () => {
    refusedLoads();
    metaBaseCode();
    const consent = make({}, null, { mapping: { consent: 'marketing' } });
    consent.acceptAll();
    expect(queue()).toEqual([['init', '1234567890'], ['track', 'PageView'], ['consent', 'revoke'], ['consent', 'grant']]);
  });

  it('withdrawal revokes and removes _fbp and _fbc', () => {
    refusedLoads();
    const consent = make();
    metaBaseCode();
    consent.acceptAll();
    for (const name of ['_fbp', '_fbc', 'site']) document.cookie = `${name}=1;path=/`;
    expect(document.cookie).toContain('_fbp');
    consent.withdraw();
    expect(queue().at(-1)).toEqual(['consent', 'revoke']);
    expect(document.cookie).toBe('site=1');
  });
});
