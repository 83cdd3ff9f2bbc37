/**
 * The on-demand decision chunk (`dist/instria-consent.decisions.js`), loaded by the script-tag
 * bundle the first time a visitor decides without the UI (an API call, a returning visitor's
 * leftover trackers): recording a decision, the consent cookie writer, its copy sent
 * to the server (`serverCookie`) and withdrawal clean-up. The UI chunk carries the same code
 * (`./ui-chunk.ts`), so that a visitor who is asked fetches one file after the tag, not two.
 */
import { eraseCookie } from '../core/cleanup';
import { installDecisions } from '../core/decisions';
import { withServerCookie } from '../core/integrations/server-cookie';
import { defaultStorage } from '../storage/index';

/** Registers the decision code for the script tag (`window.InstriaConsentDecisions`). */
export function registerDecisions(): void {
  window.InstriaConsentDecisions = {
    decisions: withServerCookie(installDecisions),
    // The script tag lends its `newestDecision`, so that the decoder is not downloaded twice.
    storage: (cookie, newest) => defaultStorage(cookie, { newest, erase: eraseCookie }),
  };
}

registerDecisions();
