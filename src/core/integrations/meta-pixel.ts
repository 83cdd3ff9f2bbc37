import { safe } from '../env';
import { vendorSignal } from './vendor-signal';

type Fbq = ((...args: unknown[]) => void) & { queue?: unknown[]; callMethod?: unknown };
type MetaWindow = { fbq?: Fbq };

/** Calls waiting for Meta's base code to define `fbq`. */
let waiting: unknown[][] = [];

/**
 * Calls `fbq(...args)`, or keeps the call until the page's Meta base code defines `fbq`, then
 * puts it first in its queue. The base code starts with `if (f.fbq) return;`: a stub of ours
 * would stop it from loading fbevents.js, so none is made. Instead, `window.fbq` is watched
 * until the base code sets its stub; the first read after that (its own `fbq('init', …)`, on the
 * next line) sends what waits, ahead of `init`, as Meta asks. fbevents.js then drains the queue
 * in that order.
 */
function fbq(...args: unknown[]): void {
  const w = window as unknown as MetaWindow;
  if (w.fbq) return w.fbq(...args);
  // Already watching (the getter below): the call waits with the others.
  if (Object.getOwnPropertyDescriptor(w, 'fbq')?.get) return void waiting.push(args);
  waiting = [args];
  let stub: Fbq | undefined;
  safe(() =>
    Object.defineProperty(w, 'fbq', {
      configurable: true,
      enumerable: true,
      get() {
        // Its queue is made after the stub: until then, the stub cannot take calls.
        if (stub && (stub.queue || stub.callMethod)) {
          Object.defineProperty(w, 'fbq', { value: stub, configurable: true, enumerable: true, writable: true });
          for (const call of waiting.splice(0)) stub(...call);
        }
        return stub;
      },
      set(value: Fbq) {
        stub = value;
      },
    }),
  );
}

/**
 * The Meta Pixel's consent switch: `fbq('consent', 'revoke')` before the pixel's `init` (Meta asks
 * for it on every page), then once after each decision `fbq('consent', 'grant')` or `'revoke'`
 * (with the `marketing` category; a mapping names another). On a refusal, `_fbp` and `_fbc` go.
 * Meta's base code is kept as Meta gives it: the revoke is put ahead of its `init` (see `fbq`).
 * See: https://developers.facebook.com/docs/meta-pixel/implementation/gdpr
 *
 * @example createConsent({ plugins: [metaPixel({ mapping: { consent: 'ads' } })] });
 */
export const metaPixel = /* @__PURE__ */ vendorSignal<'consent'>({
  option: 'metaPixel',
  mapping: { consent: 'marketing' },
  service: 'metaPixel',
  cookies: ['_fbp', '_fbc'],
  send: (granted) => fbq('consent', granted?.consent ? 'grant' : 'revoke'),
});
