import { vendorSignal } from './vendor-signal';

type TikTokQueue = unknown[] & Record<string, unknown>;

/**
 * The TikTok Pixel's consent switch: `ttq.holdConsent()` at install (events wait), then once
 * after each decision `ttq.grantConsent()` or `ttq.revokeConsent()` (with the `marketing`
 * category; a mapping names another). Before TikTok's base code runs, the call is queued as its
 * stub queues method calls, `[name, …args]` in the `window.ttq` array, which the base code keeps
 * (`w[t] = w[t] || []`) and events.js drains; once the base code is there, its method is called.
 * (The base code lists them in its `ttq.methods`.) On a refusal, the pixel's first-party cookies go.
 * See: https://ads.tiktok.com/help/article/how-to-use-cookies-with-tiktok-pixel
 *
 * @example createConsent({ plugins: [tiktokPixel({ mapping: { consent: 'ads' } })] });
 */
export const tiktokPixel = /* @__PURE__ */ vendorSignal<'consent'>({
  option: 'tiktokPixel',
  mapping: { consent: 'marketing' },
  service: 'tiktokPixel',
  // The pixel's id cookie, its opt-in marker and its session cookies (`ttcsid`, `ttcsid_<pixel>`).
  cookies: ['_ttp', '_tt_enable_cookie', /^ttcsid(_\w+)?$/],
  send(granted) {
    const w = window as unknown as { ttq?: TikTokQueue };
    const ttq = (w.ttq ||= [] as unknown as TikTokQueue);
    const method = granted ? (granted.consent ? 'grantConsent' : 'revokeConsent') : 'holdConsent';
    if (typeof ttq[method] == 'function') (ttq[method] as () => void)();
    else ttq.push([method]);
  },
});
