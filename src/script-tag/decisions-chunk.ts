/**
 * The on-demand decision chunk (`dist/instria-consent.decisions.js`), loaded by the script-tag
 * bundle the first time a visitor decides or must be asked: recording a decision, the consent
 * cookie writer (js-cookie), its copy sent to the server (`serverCookie`) and withdrawal clean-up.
 */
import { eraseCookie } from '../core/cleanup';
import { installDecisions } from '../core/decisions';
import { withServerCookie } from '../core/integrations/server-cookie';
import { defaultStorage } from '../storage/index';

window.InstriaConsentDecisions = {
  decisions: withServerCookie(installDecisions),
  // The script tag lends its `newestDecision`, so that the decoder is not downloaded twice.
  storage: (cookie, newest) => defaultStorage(cookie, { newest, erase: eraseCookie }),
};
