import { clearTrackers, trackersOf } from '../cleanup';
import { DEV, safe, warn } from '../env';
import type { ConsentState, NameMatcher, Plugin, VendorSignalOptions } from '../types';

/** How one vendor's tag takes consent: its signals, what grants them, how they are sent. */
export interface VendorSignal<K extends string> {
  /** The option that turns it on, for warnings: `clarity`. */
  option: string;
  /** Which category grants which signal when no `mapping` says otherwise. */
  mapping: Record<K, string>;
  /** The service id that stands for the vendor: when a category declares it, its own grant counts too. */
  service: string;
  /** The vendor's first-party cookies, removed when every signal is denied (a refusal, a withdrawal). */
  cookies: NameMatcher[];
  /** Sends `granted` to the vendor's queue or tag; without it, the default (everything denied). */
  send(granted?: Record<K, boolean>): void;
}

/**
 * The add-on of one vendor's consent signal (`microsoftConsentMode`, `clarity`, `metaPixel`,
 * `tiktokPixel`), the same life as Google Consent Mode's: at install, before any of the page's
 * later scripts and so before the vendor's stub is drained, the default (everything denied);
 * then exactly one update per state the engine takes (a decision here or in another tab, the
 * stored decision of a returning visitor at start, a `reset()`), sent from the state listener
 * so that it precedes what gating activates for the same decision. When every signal is denied,
 * the vendor's cookies go, with the engine's clean-up (`clearTrackers`), keeping what a
 * still-granted category or service claims.
 *
 * @example export const clarity = vendorSignal({ option: 'clarity', mapping: { analytics_Storage: 'analytics' }, … });
 */
export const vendorSignal =
  <K extends string>(vendor: VendorSignal<K>) =>
  (input: boolean | VendorSignalOptions<K> = true): Plugin =>
  (consent) => {
    const { options } = consent;
    const mapping: Record<string, string | undefined> = { ...vendor.mapping, ...(typeof input == 'object' && input.mapping) };
    if (DEV) {
      const given = (typeof input == 'object' && input.mapping) || {};
      const missing = Object.keys(mapping).filter((key) => !options.categories[mapping[key]!]);
      for (const key of missing) {
        // Mapped to no category: a typo. A default's category missing matters only when no signal can ever be granted.
        if (key in given || missing.length == Object.keys(mapping).length) {
          warn(`option "${vendor.option}": there is no category "${mapping[key]}" to grant ${key}, which stays denied (set a mapping: docs/integrations.md)`);
        }
      }
    }
    const declared = vendor.service in options.serviceCategory;
    /** Each signal: granted when its category is (and the vendor's service, if declared), never without a decision. */
    const signals = (state: ConsentState) => {
      const out = {} as Record<K, boolean>;
      for (const key in mapping) {
        out[key as K] = !!(state.decided && state.categories[mapping[key]!] && (!declared || state.services[vendor.service]));
      }
      return out;
    };
    safe(() => vendor.send(), undefined, DEV && `${vendor.option}: the default`);
    return consent.state.listen((state) => {
      const granted = signals(state);
      safe(() => vendor.send(granted), undefined, DEV && `${vendor.option}: the update`);
      if (!Object.values(granted).includes(true)) clearTrackers(vendor.cookies, trackersOf(options, state, [], [])[1]);
    });
  };

/** `'granted'` or `'denied'`, as the consent-mode APIs spell them. */
export const grantedOrDenied = (granted?: boolean): 'granted' | 'denied' => (granted ? 'granted' : 'denied');
