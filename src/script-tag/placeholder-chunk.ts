/**
 * The embed placeholder's text and "Allow" button (`dist/instria-consent.placeholder.js`),
 * loaded by the script-tag bundle on pages with a gated iframe that may not load yet.
 */
import { fillPlaceholder } from '../core/gating/placeholder';

window.InstriaConsentPlaceholder = fillPlaceholder;
