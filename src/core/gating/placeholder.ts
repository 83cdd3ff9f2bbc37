import { readableName, whenLanguage, type BundledLanguage } from '../language';
import { fill, finder, type Messages } from '../messages';
import type { RecordHooks } from '../integrations/records';
import type { Consent } from '../types';
import { placeholderBox } from './placeholder-box';

/**
 * The placeholder's built-in look: zero specificity (`:where`), so any rule of the page wins,
 * and themeable with the UI's `--ic-*` variables. Adopted by the document as a constructable
 * stylesheet, which a strict `style-src` allows (no `<style>`, no style attribute); without that
 * API (Safari < 16.4) the placeholder keeps the browser's look.
 * See: https://wicg.github.io/construct-stylesheets/
 */
const CSS =
  ':where([data-part=placeholder]){display:grid;place-items:center;gap:.75em;padding:1.25em;border:1px solid var(--ic-border,#767680);border-radius:var(--ic-radius,6px);background:var(--ic-bg,#fff);color:var(--ic-fg,#1b1b1f);text-align:center}' +
  ':where([data-part=placeholder-text]){margin:0}' +
  ':where([data-part=placeholder-allow]){min-height:44px;padding:0 1.25em;border:0;border-radius:var(--ic-radius,6px);background:var(--ic-accent,#1f4fd1);color:var(--ic-accent-fg,#fff);font:inherit;cursor:pointer}' +
  // The embed waiting behind it stays hidden even where the page's CSS shows iframes
  // (`.embed iframe { display: block }` beats the browser's own `[hidden]` rule).
  'iframe[data-consent][hidden]{display:none!important}';

let styled = false;

/** Gives the document the placeholder's stylesheet, once. */
function style(): void {
  if (styled) return;
  styled = true;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // No constructable stylesheets: the browser's look.
  }
}

/**
 * The placeholder's built-in strings, in its own file with the code that shows them.
 * Override them per language with `translations: { en: { placeholderText, placeholderAllow } }`.
 */
export const PLACEHOLDER_MESSAGES: Record<BundledLanguage, Pick<Messages, 'placeholderText' | 'placeholderAllow'>> = {
  en: {
    placeholderText: '{service} is blocked. Allowing it lets {service} set cookies and learn about your visit.',
    placeholderAllow: 'Allow {service}',
  },
  fr: {
    placeholderText: '{service} est bloqué. L’autoriser permet à {service} de déposer des cookies et de connaître votre visite.',
    placeholderAllow: 'Autoriser {service}',
  },
};

/**
 * Puts an accessible placeholder before `embed` (an `<iframe>` without consent) and hides the
 * embed (see `placeholderBox`), or fills the `box` already there: its text and its "Allow"
 * button. The result is light DOM for the UI layer to style:
 * `<div data-part="placeholder" data-service="youtube"><p data-part="placeholder-text">…</p>
 * <button type="button" data-part="placeholder-allow">Allow YouTube</button></div>`.
 * The button grants the embed's service, or its category when it names none.
 * The text waits for the page's language when it is loaded at run time (`whenLanguage`): the
 * box is there at once. The script tag draws the box at once and loads the text and button
 * (`fillPlaceholder`) from `instria-consent.placeholder.js`.
 *
 * @example placeholderFor(consent, document.querySelector('iframe[data-consent]')) // the <div>
 */
export function placeholderFor(consent: Consent, embed: HTMLElement, box = placeholderBox(embed)): HTMLElement {
  whenLanguage(consent.options, () => fillPlaceholder(consent, embed, box));
  return box;
}

/**
 * Gives the placeholder `box` of `embed` its text and "Allow" button, in the page's language
 * (already here: see `placeholderFor`). This is what `instria-consent.placeholder.js` carries.
 */
export function fillPlaceholder(consent: Consent, embed: HTMLElement, box: HTMLElement): void {
  const { categories, services } = consent.options;
  const { consent: category = '', service } = embed.dataset;
  const t = finder(consent.options, PLACEHOLDER_MESSAGES);
  // A label, never a raw id: the service's, else the category's (the site's translation of it
  // first), else the id as words.
  const name = (service ? services[service]?.label : t(category, categories[category]?.label)) || readableName(service || category);
  style();
  const text = (key: 'placeholderText' | 'placeholderAllow') => fill(t(key)!, { service: name });
  const make = (tag: string, part: string, content: string) => {
    const element = document.createElement(tag);
    element.dataset.part = part;
    element.textContent = content;
    return element;
  };
  const button = make('button', 'placeholder-allow', text('placeholderAllow')) as HTMLButtonElement;
  button.type = 'button';
  // The consent records read what was shown from the placeholder itself (channel `placeholder`).
  button.onclick = () => (
    ((consent as Consent & RecordHooks)._shown = box),
    service ? consent.set({}, { services: { [service]: true } }) : consent.set({ [category]: true })
  );
  box.append(make('p', 'placeholder-text', text('placeholderText')), button);
}
