import type { Plugin, ResolvedOptions, VendorOption } from '../types';
import { clarity } from './clarity';
import { metaPixel } from './meta-pixel';
import { microsoftConsentMode } from './microsoft-consent-mode';
import { tiktokPixel } from './tiktok-pixel';

/** Each vendor signal by the option that turns it on. */
const VENDORS = { microsoftConsentMode, clarity, metaPixel, tiktokPixel };

/**
 * The vendor signals beyond Google that the options turn on (`true` or `{ mapping }`), or, for
 * an option left unset, `switches` (the script tag's `data-*` attributes on the vendors file).
 * Each is off unless asked for.
 *
 * @example vendorPlugins(resolveOptions({ clarity: true, metaPixel: { mapping: { consent: 'ads' } } }))
 */
export function vendorPlugins(options: ResolvedOptions, switches: Partial<Record<VendorOption, boolean>> = {}): Plugin[] {
  const plugins: Plugin[] = [];
  for (const option in VENDORS) {
    const value = options[option as VendorOption] ?? switches[option as VendorOption];
    if (value) plugins.push(VENDORS[option as VendorOption](value as never));
  }
  return plugins;
}
