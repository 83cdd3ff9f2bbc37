import { createEngine, type EngineSetup } from '../core/engine';
import { DEV, failed, fromDocument, warn } from '../core/env';
import type { Consent, ConsentOptions } from '../core/types';
import { claimGlobals } from './window';

/** `window.InstriaConsent`: the instance API plus `init` and `version`. */
export type ScriptTagApi = Partial<Consent> & { init(config?: ConsentOptions): Consent | undefined; version: string };


/**
 * The `data-*` attributes of the SDK's own `<script>` tag, each the option of the same name
 * (but `RENAMED`): strings first, then the numbers from index `NUMBER`, then the booleans from
 * index `BOOLEAN` (a list rather than a table of types: fewer bytes on every page view).
 */
const ATTRIBUTES = [
  'privacyPolicy',
  'controller',
  'lang',
  'theme',
  'widget',
  'layout',
  'recordEndpoint',
  'serverCookie',
  'revision',
  'expiresAfterDays',
  'googleConsentMode',
  'gpc',
  'reloadOnWithdraw',
] as const;
const NUMBER = 8;
const BOOLEAN = 10;
const RENAMED: Record<string, keyof ConsentOptions> = { privacyPolicy: 'privacyPolicyUrl', lang: 'language' };

/** `privacyPolicy` → `data-privacy-policy` (development warnings). */
const dataName = (key: string) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Edit distance between two names (development warnings: the closest known attribute). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** Options from the tag's `data-*` attributes; `data-x` alone means true for a boolean. */
export function readTagOptions(script: HTMLOrSVGScriptElement | null): ConsentOptions {
  const options: Record<string, unknown> = {};
  const data = (script as HTMLElement | null)?.dataset ?? {};
  ATTRIBUTES.forEach((attribute, i) => {
    const value = data[attribute];
    if (value !== undefined) options[RENAMED[attribute] || attribute] = i < NUMBER ? value : i < BOOLEAN ? Number(value) : value !== 'false';
  });
  if (data.cookieDomain) options.cookie = { domain: data.cookieDomain };
  if (DEV) {
    const known: string[] = [...ATTRIBUTES, 'cookieDomain', 'manual', 'uiSrc'];
    for (const attribute in data) {
      const near = known.find((name) => distance(attribute.toLowerCase(), name.toLowerCase()) <= 2);
      if (!known.includes(attribute) && near) warn(`${dataName(attribute)} is not an attribute of the script tag; ignored: did you mean ${dataName(near)}?`);
    }
  }
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
  if (typeof window === 'undefined' || (claimGlobals(), window.InstriaConsent)) return;
  const script = fromDocument('currentScript');
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
        instance = createEngine(options, setup(script));
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
