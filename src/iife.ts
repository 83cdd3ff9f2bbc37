/**
 * Script-tag entry (`dist/instria-consent.iife.js`): what every page view needs, that is the
 * engine reading the stored decision, gating and the integrations. Beside this file, and
 * fetched only when needed:
 * - `instria-consent.decisions.js`, the decision code, when a visitor decides or must be asked,
 *   with `instria-consent.records.js` on sites that set `recordEndpoint`;
 * - `instria-consent.ui.js` (or `data-ui-src`) when the banner or the preferences must be shown;
 * - `instria-consent.widget.js`, the floating button, on sites that set `widget: 'floating'`;
 * - `instria-consent.placeholder.js`, the embed placeholder's text and button, on pages with a
 *   gated iframe (tsup.config.ts swaps gating's placeholder for `placeholder-lazy.ts` here).
 */
import { hasLeftovers, newestDecision } from './core/cleanup';
import { VERSION } from './core/constants';
import type { DecisionsInstaller } from './core/engine';
import { DEV } from './core/env';
import type { placeholderFor } from './core/gating/placeholder';
import { lazyPlaceholder } from './core/gating/placeholder-lazy';
import { outboxPending, type withRecords } from './core/integrations/records';
import { onDemand } from './core/on-demand';
import { standardPlugins } from './core/plugins';
import { bootScriptTag } from './core/script-tag';
import type { ConsentStorage, MountUI, Plugin, ResolvedOptions } from './core/types';
import { lazyDefaultStorage, type PickCookie } from './storage/lazy';

declare global {
  interface Window {
    /** Set by the UI chunk (`instria-consent.ui.js`) when it has loaded. */
    InstriaConsentUI?: { mount: MountUI };
    /** Set by the floating-button chunk (`instria-consent.widget.js`) when it has loaded. */
    InstriaConsentWidget?: Plugin;
    /** Set by the placeholder chunk (`instria-consent.placeholder.js`) when it has loaded. */
    InstriaConsentPlaceholder?: typeof placeholderFor;
    /** Set by the records chunk (`instria-consent.records.js`) when it has loaded. */
    InstriaConsentRecords?: typeof withRecords;
    /** Set by the decision chunk (`instria-consent.decisions.js`) when it has loaded. */
    InstriaConsentDecisions?: {
      decisions: DecisionsInstaller;
      storage: (cookie: ResolvedOptions['cookie'], newest: PickCookie) => ConsentStorage;
    };
  }
}

/**
 * Loads a chunk with a `<script>` carrying the page's nonce; resolves with what it registers on
 * `window`. Rejects if it cannot load.
 */
function loadChunk<T>(src: string, nonce: string | undefined, registered: () => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const ready = registered();
    if (ready) return resolve(ready);
    // A script added by script is async already. Loaded without registering (a wrong file) or
    // not loaded at all: the same failure for the caller.
    const script = document.createElement('script');
    script.src = src;
    if (nonce) script.nonce = nonce;
    script.onload = script.onerror = () => {
      const value = registered();
      if (value) resolve(value);
      else reject(new Error(`${src} could not be loaded`));
    };
    document.head.appendChild(script);
  });
}

bootScriptTag((script) => {
  const tag = script as HTMLScriptElement | null;
  const nonce = tag?.nonce;
  // The development script tag loads the development chunks, which keep their warnings too.
  const url = (name: string) => new URL(`instria-consent.${DEV ? 'dev.' : ''}${name}.js`, tag?.src || location.href).href;
  lazyPlaceholder.load = () => loadChunk(url('placeholder'), nonce, () => window.InstriaConsentPlaceholder);
  return {
    storage: (options) =>
      lazyDefaultStorage(options.cookie, () => window.InstriaConsentDecisions?.storage(options.cookie, newestDecision), newestDecision),
    plugins: (options) => [
      ...standardPlugins(options),
      // Most sites have a footer link instead: only those that want the button download it.
      (consent) => {
        if (options.widget !== 'floating') return;
        let stop: (() => void) | void;
        let stopped = false;
        onDemand(() => loadChunk(url('widget'), nonce, () => window.InstriaConsentWidget), 'the preferences button')(
          (widget) => stopped || (stop = widget(consent)),
        );
        return () => ((stopped = true), stop?.());
      },
    ],
    loadUI: () => loadChunk(tag?.dataset.uiSrc || url('ui'), nonce, () => window.InstriaConsentUI?.mount),
    // With consent records on, their sender comes along (only sites that set recordEndpoint).
    loadDecisions: (options) =>
      Promise.all([
        loadChunk(url('decisions'), nonce, () => window.InstriaConsentDecisions?.decisions),
        options.recordEndpoint && loadChunk(url('records'), nonce, () => window.InstriaConsentRecords),
      ]).then(([decisions, records]) => (records ? records(decisions) : decisions)),
    // Records waiting to be sent; or trackers of a refused category left over, which the
    // decision code removes: a returning visitor with nothing left downloads nothing more.
    eager: (options, state) => (!!options.recordEndpoint && outboxPending()) || hasLeftovers(options, state),
  };
}, VERSION);
