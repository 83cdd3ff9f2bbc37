import { onDemand } from '../on-demand';
import type { Consent } from '../types';
import { languageReady } from '../language';
import type { fillPlaceholder } from './placeholder';
import { placeholderBox } from './placeholder-box';

/**
 * Where the script tag gets the placeholder's text and button (`fillPlaceholder`) from: `load`
 * is set by `src/script-tag/tag.ts` (it loads `instria-consent.placeholder.js` with the page's
 * nonce). Nothing is loaded until a page has a gated iframe.
 */
export const lazyPlaceholder: { load?: () => Promise<typeof fillPlaceholder> } = {};

/** The text and button, loaded with the first gated iframe (again with the next if it failed). */
const fill = onDemand(() => lazyPlaceholder.load?.(), 'the embed placeholder');

/**
 * The script tag's `placeholderFor` (tsup.config.ts puts it in place of ./placeholder.ts for
 * `instria-consent.iife.js`): the box and the hidden embed at once, the text and button when
 * the placeholder file (and the page's language, when it is fetched) has loaded. If it cannot
 * load, the box stays empty and the embed stays hidden and unloaded (fail closed); the banner
 * and the footer link still grant it.
 */
export function placeholderFor(consent: Consent, embed: HTMLElement): HTMLElement {
  const box = placeholderBox(embed);
  // The page's language, if it is fetched too, comes in parallel with the placeholder file
  // (`languageReady` never rejects: a language that fails leaves English).
  const language = languageReady(consent.options);
  fill((draw) => (language ? language.then(() => draw(consent, embed, box)) : draw(consent, embed, box)));
  return box;
}
