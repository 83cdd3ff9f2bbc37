import { createConsentEngine, type EngineSetup } from './engine';
import { DEV, failed, warn } from './env';
import type { Consent, ConsentOptions } from './types';

/** `window.InstriaConsent`: the instance API plus `init` and `version`. */
export type ScriptTagApi = Partial<Consent> & { init(config?: ConsentOptions): Consent | undefined; version: string };

declare global {
  interface Window {
    /** Set by the script tag: the consent instance of the page. */
    InstriaConsent?: ScriptTagApi;
    /** Read by the script tag at load: configuration given before it. */
    InstriaConsentConfig?: ConsentOptions;
  }
}

/**
 * The `data-*` attributes of the SDK's own `<script>` tag, compact as every page view carries
 * them: `attribute:option` (`:option` left out when both are named alike), then the type, `#` a
 * number, `?` a boolean, none a string.
 */
const ATTRIBUTES =
  'privacyPolicy:privacyPolicyUrl controller lang:language theme widget revision# expiresAfterDays# recordEndpoint googleConsentMode? gpc? reloadOnWithdraw?';

/** Options from the tag's `data-*` attributes; `data-x` alone means true for a boolean. */
export function readTagOptions(script: HTMLOrSVGScriptElement | null): ConsentOptions {
  const options: Record<string, unknown> = {};
  const data = (script as HTMLElement | null)?.dataset ?? {};
  for (const [, attribute, option = attribute, type] of ATTRIBUTES.matchAll(/(\w+)(?::(\w+))?([#?]?)/g)) {
    const value = data[attribute!];
    if (value === undefined) continue;
    options[option!] = type === '#' ? Number(value) : type ? value !== 'false' : value;
  }
  if (data.cookieDomain) options.cookie = { domain: data.cookieDomain };
  const nonce = (script as HTMLElement | null)?.nonce;
  if (nonce) options.nonce = nonce;
  return options;
}

/**
 * Starts the SDK from its `<script>` tag: `window.InstriaConsentConfig` merged with the tag's
 * `data-*` attributes, unless `data-manual` asks the page to call `InstriaConsent.init()`.
 * A second copy of the script on the page finds the first one and does nothing. `setup` gives
 * the add-ons too (`standardPlugins` and the entry's own).
 */
export function bootScriptTag(setup: (script: HTMLOrSVGScriptElement | null) => EngineSetup, version: string): void {
  if (typeof window === 'undefined' || window.InstriaConsent) return;
  const script = document.currentScript;
  let instance: Consent | undefined;
  const api: ScriptTagApi = {
    version,
    init(config) {
      if (instance) {
        DEV && warn('InstriaConsent.init() was already called; ignored');
        return instance;
      }
      try {
        const global = typeof window.InstriaConsentConfig === 'object' ? window.InstriaConsentConfig : {};
        const options = { ...global, ...readTagOptions(script), ...config };
        instance = createConsentEngine(options, setup(script));
        Object.assign(api, instance);
      } catch (error) {
        // Fail closed: without an instance nothing is granted and no gated tag runs.
        failed('could not start')(error);
      }
      return instance;
    },
  };
  window.InstriaConsent = api;
  if (!(script as HTMLElement | null)?.hasAttribute('data-manual')) api.init();
}
