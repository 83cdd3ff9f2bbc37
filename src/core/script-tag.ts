import { createConsentEngine, type EngineSetup } from './engine';
import { DEV, warn } from './env';
import { standardPlugins } from './plugins';
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

/** Attribute → option, for the `data-*` attributes of the SDK's own `<script>` tag. */
const ATTRIBUTES: Record<string, [keyof ConsentOptions, 'string' | 'number' | 'boolean']> = {
  privacyPolicy: ['privacyPolicyUrl', 'string'],
  controller: ['controller', 'string'],
  lang: ['language', 'string'],
  theme: ['theme', 'string'],
  widget: ['widget', 'string'],
  layout: ['layout', 'string'],
  revision: ['revision', 'number'],
  expiresAfterDays: ['expiresAfterDays', 'number'],
  recordEndpoint: ['recordEndpoint', 'string'],
  googleConsentMode: ['googleConsentMode', 'boolean'],
  gpc: ['gpc', 'boolean'],
  reloadOnWithdraw: ['reloadOnWithdraw', 'boolean'],
};

/** Options from the tag's `data-*` attributes; `data-x` alone means true for a boolean. */
export function readTagOptions(script: HTMLOrSVGScriptElement | null): ConsentOptions {
  const options: Record<string, unknown> = {};
  const data = (script as HTMLElement | null)?.dataset ?? {};
  for (const [attribute, [option, type]] of Object.entries(ATTRIBUTES)) {
    const value = data[attribute];
    if (value === undefined) continue;
    options[option] = type === 'number' ? Number(value) : type === 'boolean' ? value !== 'false' : value;
  }
  if (data.cookieDomain) options.cookie = { domain: data.cookieDomain };
  const nonce = (script as HTMLElement | null)?.nonce;
  if (nonce) options.nonce = nonce;
  return options;
}

/**
 * Starts the SDK from its `<script>` tag: `window.InstriaConsentConfig` merged with the tag's
 * `data-*` attributes, unless `data-manual` asks the page to call `InstriaConsent.init()`.
 * A second copy of the script on the page finds the first one and does nothing.
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
        instance = createConsentEngine(options, { plugins: standardPlugins, ...setup(script) });
        Object.assign(api, instance);
      } catch (error) {
        // Fail closed: without an instance nothing is granted and no gated tag runs.
        console.warn('[instria-consent] could not start; nothing is granted.', error);
      }
      return instance;
    },
  };
  window.InstriaConsent = api;
  if (!(script as HTMLElement | null)?.hasAttribute('data-manual')) api.init();
}
