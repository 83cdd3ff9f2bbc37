/**
 * What the script tag and its on-demand files put on `window`, in one place: the page's consent
 * instance (`InstriaConsent`), the configuration read at load (`InstriaConsentConfig`), and what
 * each on-demand file registers once it has run, for the file that loaded it (`./load.ts`).
 */
import type { Component, ComponentType } from 'preact';
import type { jsx } from 'preact/jsx-runtime';
import type { DecisionsInstaller } from '../core/engine';
import type { fillPlaceholder } from '../core/gating/placeholder';
import type { withRecords } from '../core/integrations/records';
import type { ConsentOptions, ConsentStorage, MountUI, Plugin, ResolvedOptions } from '../core/types';
import type { PickCookie } from '../storage/lazy';
import type { PreferencesProps } from '../ui/preferences';
import type { ScriptTagApi } from './boot';

/**
 * Makes each global of the SDK a property of `window` itself, `undefined` until set, unless the
 * page or a file before the tag set it (`InstriaConsentConfig`, `InstriaConsentVendors`). An element with such an `id` (`<div id="InstriaConsent">`,
 * markup any sanitizer lets through) is otherwise what `window.InstriaConsent` reads: the SDK
 * took it for a copy already running, or for a loaded file (`InstriaConsentDialog`), and
 * stopped. Window's own properties win over its named elements.
 * See: https://html.spec.whatwg.org/multipage/nav-history-apis.html#named-access-on-the-window-object
 */
export function claimGlobals(): void {
  for (const name of ['', 'Config', 'Vendors', 'UI', 'Dialog', 'Widget', 'Placeholder', 'Records', 'Decisions', 'Languages']) {
    if (!{}.hasOwnProperty.call(window, `InstriaConsent${name}`)) (window as any)[`InstriaConsent${name}`] = undefined;
  }
}

declare global {
  interface Window {
    /** Set by the script tag: the consent instance of the page. */
    InstriaConsent?: ScriptTagApi;
    /** Read by the script tag at load: configuration given before it. */
    InstriaConsentConfig?: ConsentOptions;
    /**
     * Set by the UI chunk (`instria-consent.ui.js`) when it has loaded: its mount, and its Preact
     * for the dialog chunk.
     */
    InstriaConsentUI?: { mount: MountUI; preact: { Component: typeof Component; jsx: typeof jsx } };
    /** Set by the dialog chunk (`instria-consent.dialog.js`) when it has loaded. */
    InstriaConsentDialog?: ComponentType<PreferencesProps>;
    /** Set by the floating-button chunk (`instria-consent.widget.js`) when it has loaded. */
    InstriaConsentWidget?: Plugin;
    /** Set by the placeholder chunk (`instria-consent.placeholder.js`) when it has loaded. */
    InstriaConsentPlaceholder?: typeof fillPlaceholder;
    /** Set by the records chunk (`instria-consent.records.js`) when it has loaded. */
    InstriaConsentRecords?: typeof withRecords;
    /**
     * Set by `instria-consent.vendors.js`, loaded before the script tag by the sites that send
     * vendor consent signals (UET, Clarity, Meta, TikTok): the add-ons the options ask for.
     */
    InstriaConsentVendors?: (options: ResolvedOptions) => Plugin[];
    /** Set by the decision chunk (`instria-consent.decisions.js`) when it has loaded. */
    InstriaConsentDecisions?: {
      decisions: DecisionsInstaller;
      storage: (cookie: ResolvedOptions['cookie'], newest: PickCookie) => ConsentStorage;
    };
  }
}
