/**
 * Script-tag entry (`dist/instria-consent.iife.js`): what every page view needs, that is the
 * engine reading the stored decision, gating and the integrations. Beside this file, and
 * fetched only when needed:
 * - `instria-consent.ui.js` (or `data-ui-src`) when the banner or the preferences must be shown,
 *   with the decision code inside (one file after the tag for a visitor who is asked), which
 *   fetches `instria-consent.dialog.js` from its own folder when the dialog is about to open;
 * - `instria-consent.decisions.js`, the decision code alone, when a visitor decides without the
 *   UI (an API call, Global Privacy Control, leftovers to clean up), with
 *   `instria-consent.records.js` on sites that set `recordEndpoint`;
 * - `instria-consent.widget.js`, the floating button, on sites that set `widget: 'floating'`;
 * - `instria-consent.placeholder.js`, the embed placeholder's text and button, on pages with a
 *   gated iframe (tsup.config.ts swaps gating's placeholder for `placeholder-lazy.ts` here);
 * - `instria-consent.lang-xx.js`, a language other than English and French, in parallel with
 *   the first of these three a page needs (`languageReady`).
 * What each of them registers on `window`: `./window.ts`.
 */
import { hasLeftovers, newestDecision } from '../core/cleanup';
import { VERSION } from '../core/constants';
import { DEV } from '../core/env';
import { lazyPlaceholder } from '../core/gating/placeholder-lazy';
import { outboxPending } from '../core/integrations/records';
import { languageFiles, loadedLanguages, withLanguage } from '../core/language';
import { onDemand } from '../core/on-demand';
import { standardPlugins } from '../core/plugins';
import { bootScriptTag } from './boot';
import { loadChunk } from './load';
import { lazyDefaultStorage } from '../storage/lazy';

bootScriptTag((script) => {
  const tag = script as HTMLScriptElement | null;
  const nonce = tag?.nonce;
  // The development script tag loads the development chunks, which keep their warnings too.
  // Language files hold strings only: one file serves both (`shared`).
  const url = (name: string, shared?: boolean) => new URL(`instria-consent.${DEV && !shared ? 'dev.' : ''}${name}.js`, tag?.src || location.href).href;
  lazyPlaceholder.load = () => loadChunk(url('placeholder'), nonce, () => window.InstriaConsentPlaceholder);
  languageFiles.load = (lang) => loadChunk(url(`lang-${lang}`, true), nonce, () => loadedLanguages()[lang]);
  /** The UI file's load, which brings the decision code too (settled when none started). */
  let ui: Promise<unknown> = Promise.resolve();
  const decisions = () => loadChunk(url('decisions'), nonce, () => window.InstriaConsentDecisions?.decisions);
  return {
    storage: (options) =>
      lazyDefaultStorage(options.cookie, () => window.InstriaConsentDecisions?.storage(options.cookie, newestDecision), newestDecision),
    plugins: (options) => [
      // The vendor signals beyond Google: `instria-consent.vendors.js`, loaded before this tag.
      ...standardPlugins(options, window.InstriaConsentVendors),
      // Most sites have a footer link instead: only those that want the button download it.
      (consent) => {
        if (options.widget !== 'floating') return;
        let stop: (() => void) | void;
        let stopped = false;
        onDemand(() => withLanguage(options, loadChunk(url('widget'), nonce, () => window.InstriaConsentWidget)), 'the preferences button')(
          (widget) => stopped || (stop = widget(consent)),
        );
        return () => ((stopped = true), stop?.());
      },
    ],
    loadUI: (options) => withLanguage(options, (ui = loadChunk(tag?.dataset.uiSrc || url('ui'), nonce, () => window.InstriaConsentUI?.mount))),
    // The engine asks for the UI first: the decision code then comes with it, and the decision
    // file is fetched only if the UI file did not bring it (failed, or a `data-ui-src` without
    // it). With consent records on, their sender comes along (only sites that set recordEndpoint).
    loadDecisions: (options) =>
      Promise.all([
        ui.then(decisions, decisions),
        options.recordEndpoint && loadChunk(url('records'), nonce, () => window.InstriaConsentRecords),
      ]).then(([decisions, records]) => (records ? records(decisions) : decisions)),
    // Records waiting to be sent; or trackers of a refused category left over, which the
    // decision code removes: a returning visitor with nothing left downloads nothing more.
    eager: (options, state) => (!!options.recordEndpoint && outboxPending()) || hasLeftovers(options, state),
  };
}, VERSION);
