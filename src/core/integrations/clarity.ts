import { grantedOrDenied, vendorSignal } from './vendor-signal';

type ClarityFn = ((...args: unknown[]) => void) & { q?: unknown[] };

/**
 * Microsoft Clarity's consent API v2, which Clarity requires for EEA, UK and Swiss visits since
 * 31 October 2025: `clarity('consentv2', { ad_Storage, analytics_Storage })`, all `denied` at
 * install, then once after each decision (`analytics_Storage` with the `analytics` category,
 * `ad_Storage` with `marketing`; a mapping names others). Before clarity.js is there the call
 * goes through Clarity's own stub, which queues it in `clarity.q` for the tag to drain (the
 * snippet keeps a `window.clarity` that exists). When both are denied, Clarity's cookies go:
 * `_clck`, `_clsk`, and `CLID` and `MUID` where a first-party copy exists.
 * See: https://learn.microsoft.com/en-us/clarity/setup-and-installation/clarity-consent-api-v2
 * See: https://learn.microsoft.com/en-us/clarity/setup-and-installation/cmp-integration-guide
 *
 * @example createConsent({ plugins: [clarity({ mapping: { analytics_Storage: 'statistics' } })] });
 */
export const clarity = /* @__PURE__ */ vendorSignal<'ad_Storage' | 'analytics_Storage'>({
  option: 'clarity',
  mapping: { ad_Storage: 'marketing', analytics_Storage: 'analytics' },
  service: 'clarity',
  cookies: ['_clck', '_clsk', 'CLID', 'MUID'],
  send(granted) {
    const w = window as unknown as { clarity?: ClarityFn };
    // Clarity's snippet, word for word in effect: its tag drains `clarity.q` when it loads.
    w.clarity ||= function () {
      // eslint-disable-next-line prefer-rest-params
      (w.clarity!.q ||= []).push(arguments);
    };
    w.clarity('consentv2', { ad_Storage: grantedOrDenied(granted?.ad_Storage), analytics_Storage: grantedOrDenied(granted?.analytics_Storage) });
  },
});
