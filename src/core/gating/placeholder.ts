import { uiLanguage } from '../language';
import type { RecordHooks } from '../integrations/records';
import type { Consent } from '../types';

/**
 * Built-in placeholder strings; `{service}` is replaced by the service (or category) label.
 * Override them per language with `translations: { en: { placeholderText, placeholderAllow } }`.
 */
export const PLACEHOLDER_STRINGS: Record<string, [text: string, allow: string]> = {
  en: ['{service} is blocked. Allowing it lets {service} set cookies and learn about your visit.', 'Allow {service}'],
  fr: ['{service} est bloqué. L’autoriser permet à {service} de déposer des cookies et de connaître votre visite.', 'Autoriser {service}'],
};

/**
 * Puts an accessible placeholder before `embed` (an `<iframe>` without consent) and hides the
 * embed with the `hidden` attribute (no inline style: strict CSPs allow it). The placeholder is
 * light DOM for the UI layer to style:
 * `<div data-part="placeholder" data-service="youtube"><p data-part="placeholder-text">…</p>
 * <button type="button" data-part="placeholder-allow">Allow YouTube</button></div>`.
 * Its button grants the element's service, or its category when it names none.
 *
 * @example placeholderFor(consent, document.querySelector('iframe[data-consent]')) // the <div>
 */
export function placeholderFor(consent: Consent, embed: HTMLElement): HTMLElement {
  const { categories, services, translations } = consent.options;
  const { consent: category = '', service } = embed.dataset;
  const name =
    (service ? services[service]?.label : categories[category]?.label) ||
    service ||
    category;
  const lang = uiLanguage(consent.options);
  const text = (key: string, index: 0 | 1) =>
    (translations[lang]?.[key] ?? (PLACEHOLDER_STRINGS[lang] ?? PLACEHOLDER_STRINGS.en!)[index]).replace(/\{service\}/g, name);
  const make = (tag: string, part: string, content?: string) => {
    const element = document.createElement(tag);
    element.dataset.part = part;
    if (content) element.textContent = content;
    return element;
  };
  const box = make('div', 'placeholder');
  const button = make('button', 'placeholder-allow', text('placeholderAllow', 1)) as HTMLButtonElement;
  if (service) box.dataset.service = service;
  button.type = 'button';
  // The consent records read what was shown from the placeholder itself (channel `placeholder`).
  button.onclick = () => (
    ((consent as Consent & RecordHooks)._shown = box),
    service ? consent.set({}, { services: { [service]: true } }) : consent.set({ [category]: true })
  );
  box.append(make('p', 'placeholder-text', text('placeholderText', 0)), button);
  embed.before(box);
  embed.hidden = true;
  return box;
}
