/**
 * The headless example's own consent UI (the SDK draws nothing here): a banner and a
 * preferences panel rendered from `consent.view`, calling the instance's actions.
 */
import type { Consent, UIView } from '@instria/consent/core';

/** Creates an element with attributes and children. */
function h(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A button that runs `action`. */
function button(label: string, action: () => void): HTMLElement {
  const element = h('button', { type: 'button' }, label);
  element.addEventListener('click', action);
  return element;
}

/** The first layer: what it is about, and three equal choices. */
function banner(consent: Consent): HTMLElement {
  return h(
    'section',
    { class: 'my-consent', 'aria-labelledby': 'my-consent-title' },
    h('h2', { id: 'my-consent-title' }, 'Cookies on this demo'),
    h(
      'p',
      {},
      'We would like to measure the audience of this page. Nothing is measured unless you accept. ',
      h('a', { href: consent.options.privacyPolicyUrl }, 'Privacy policy'),
    ),
    h(
      'div',
      { class: 'choices' },
      button('Accept all', consent.acceptAll),
      button('Reject all', consent.rejectAll),
      button('Customize', consent.showPreferences),
    ),
  );
}

/** The second layer: one checkbox per optional category, the essential one always on. */
function preferences(consent: Consent): HTMLElement {
  const analytics = h('input', { type: 'checkbox', id: 'my-analytics' }) as HTMLInputElement;
  analytics.checked = consent.granted('analytics');
  const essential = h('input', { type: 'checkbox', checked: '', disabled: '' });
  return h(
    'section',
    { class: 'my-consent', role: 'dialog', 'aria-labelledby': 'my-consent-title' },
    h('h2', { id: 'my-consent-title' }, 'Cookie preferences'),
    h('label', {}, essential, 'Essential (always active)'),
    h('label', {}, analytics, 'Analytics'),
    h(
      'div',
      { class: 'choices' },
      button('Save my choices', () => consent.set({ analytics: analytics.checked })),
      button('Accept all', consent.acceptAll),
      button('Reject all', consent.rejectAll),
      button('Close', consent.hide),
    ),
  );
}

/** Draws what `view` asks for into `#consent-ui`. */
export function renderConsentUI(consent: Consent, view: UIView): void {
  const root = document.querySelector('#consent-ui');
  if (!root) return;
  root.replaceChildren(...(view === 'banner' ? [banner(consent)] : view === 'preferences' ? [preferences(consent)] : []));
  if (view === 'preferences') root.querySelector<HTMLElement>('#my-analytics')?.focus();
}

/** Adds the demo's analytics tag (the GA4 stand-in) and says so on the page. */
export function loadAnalytics(): void {
  document.head.append(h('script', { src: '/examples/website/assets/analytics.js' }));
  const status = document.querySelector<HTMLElement>('#analytics-status');
  if (status) {
    status.textContent = 'loaded';
    status.dataset.state = 'loaded';
  }
}
