/**
 * The vendor signals beyond Google (`dist/instria-consent.vendors.js`): Microsoft UET Consent
 * Mode, Microsoft Clarity, Meta Pixel, TikTok Pixel. Only sites that use one load it, with a
 * classic (blocking) `<script>` before the SDK's tag, so that it has registered when the tag
 * starts and each default is queued before any vendor tag of the page runs. Its own `data-*`
 * attributes turn a vendor on (`data-clarity`, `data-meta-pixel`, `data-tiktok-pixel`,
 * `data-microsoft-consent-mode`; `="false"` off), as do the options of the same names
 * (`window.InstriaConsentConfig`), which win, with their mappings.
 */
import { VENDOR_OPTIONS } from '../core/constants';
import { fromDocument } from '../core/env';
import type { VendorOption } from '../core/types';
import { vendorPlugins } from '../core/integrations/vendors';

// Through Document.prototype's accessor: a `<form name="currentScript" data-clarity>` cannot switch a vendor on.
const data = (fromDocument('currentScript') as HTMLElement | null)?.dataset ?? {};
const switches: Partial<Record<VendorOption, boolean>> = {};
for (const option of VENDOR_OPTIONS) {
  if (data[option] !== undefined) switches[option] = data[option] !== 'false';
}

window.InstriaConsentVendors = (options) => vendorPlugins(options, switches);
