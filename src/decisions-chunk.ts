/**
 * The on-demand decision chunk (`dist/instria-consent.decisions.js`), loaded by the script-tag
 * bundle the first time a visitor decides or must be asked: recording a decision, the consent
 * cookie writer (js-cookie), withdrawal clean-up and consent records.
 */
import { installDecisions } from './core/decisions';
import { withRecords } from './core/integrations/records';
import { defaultStorage } from './storage/index';

window.InstriaConsentDecisions = { decisions: withRecords(installDecisions), storage: defaultStorage };
