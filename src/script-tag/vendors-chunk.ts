/**
 * The vendor signals beyond Google (`dist/instria-consent.vendors.js`): Microsoft UET Consent
 * Mode, Microsoft Clarity, Meta Pixel, TikTok Pixel. Only sites that use one load it, with a
 * classic (blocking) `<script>` before the SDK's tag, so that it has registered when the tag
 * starts and each default is queued before any vendor tag of the page runs. Its own `data-*`
 * attributes turn a vendor on (`data-clarity`, `data-meta-pixel`, `data-tiktok-pixel`,
 * `data-microsoft-consent-mode`; `="false"` off), as do the options of the same names
 * (`window.InstriaConsentConfig`), which win, with their mappings.
 */
import type { VendorOption } from '../core/types';
import { vendorPlugins } from '../core/integrations/vendors';

const data = (document.currentScript as HTMLElement | null)?.dataset ?? {};
const switches: Partial<Record<VendorOption, boolean>> = {};
for (const option of ['microsoftConsentMode', 'clarity', 'metaPixel', 'tiktokPixel'] as const) {
  if (data[option] !== undefined) switches[option] = data[option] !== 'false';
}

window.InstriaConsentVendors = (options) => vendorPlugins(options, switches);
