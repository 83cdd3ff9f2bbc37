import type { Channel, RecordHooks, ShownTexts } from '../core/integrations/records';
import type { Consent } from '../core/types';
import type { Translate } from './i18n';

/**
 * A `t` that also notes each string it returns in `texts`, under its key: what a component
 * looks up is exactly what it shows, so consent records can hash it (their `textHash`).
 * @example const texts = {}; const tt = noting(t, texts); tt('acceptAll'); // texts: { acceptAll: 'Accept all' }
 */
export const noting =
  (t: Translate, texts: ShownTexts): Translate =>
  (key, fallback) =>
    (texts[key] = t(key, fallback));

/**
 * Tells the consent records (when they are on) that the decision about to be made comes from
 * `channel`, after `texts` were shown. Internal: see `RecordHooks`.
 * @example shown(consent, 'banner', texts); consent.acceptAll();
 */
export const shown = (consent: Consent, channel: Channel, texts: ShownTexts): void => {
  (consent as Consent & RecordHooks)._shown = { channel, texts };
};

/**
 * Reports a close of the dialog without a choice to the consent records (a `dismiss` record;
 * nothing is decided). Does nothing when records are off.
 */
export const dismissed = (consent: Consent, texts: ShownTexts): void => (consent as Consent & RecordHooks)._dismissed?.(texts);
