/** The on-demand UI chunk (`dist/instria-consent.ui.js`), loaded by the script-tag bundle. */
import { mountUI } from './ui/mount';

window.InstriaConsentUI = { mount: mountUI };
