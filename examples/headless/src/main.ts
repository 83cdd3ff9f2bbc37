/**
 * The headless example: the engine from `@instria/consent/core` (no Preact, no CSS) and a
 * consent UI of the page's own, drawn from `consent.view`. Bundled by examples/app/build.mjs.
 */
import { createConsent, footerLinks, type UIView } from '@instria/consent/core';

const consent = createConsent({
  privacyPolicyUrl: '/examples/website/privacy.html',
  // The core installs no add-on by itself: this one makes the footer link open the preferences.
  plugins: [footerLinks()],
});

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
function banner(): HTMLElement {
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
function preferences(): HTMLElement {
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

const root = document.querySelector('#consent-ui');
consent.view.subscribe((view: UIView) => {
  if (!root) return;
  root.replaceChildren(...(view === 'banner' ? [banner()] : view === 'preferences' ? [preferences()] : []));
  if (view === 'preferences') root.querySelector<HTMLElement>('#my-analytics')?.focus();
});

// The analytics tag (the demo's GA4 stand-in) is added only once analytics is granted.
consent.whenGranted('analytics', () => {
  document.head.append(h('script', { src: '/examples/website/assets/analytics.js' }));
  const status = document.querySelector<HTMLElement>('#analytics-status');
  if (status) {
    status.textContent = 'loaded';
    status.dataset.state = 'loaded';
  }
});
