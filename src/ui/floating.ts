import type { Plugin } from '../core/types';
import { createHost, whenBody } from './host';
import { preferencesLabel } from './label';

/** The button's own styles: tiny, so the script tag can carry them. */
const CSS =
  ':host{all:initial!important}button{position:fixed;z-index:2147483000;bottom:12px;left:12px;padding:6px 12px;border:2px solid #fff;' +
  'border-radius:99px;background:var(--ic-accent,#1f4fd1);color:var(--ic-accent-fg,#fff);font:600 13px system-ui,sans-serif;cursor:pointer}';

/**
 * `widget: 'floating'`: a small "Cookie preferences" button in a corner, for sites without a
 * footer link (EDPB cookie-banner taskforce report §§31–32: withdrawing must stay easy). Plain
 * DOM in its own shadow root, no Preact: a returning visitor sees it without downloading the UI.
 * Hidden while the banner is shown; left in place under the dialog so focus can return to it.
 *
 * @example createEngineWithDecisions({ widget: 'floating' }, { plugins: () => [floatingWidget] })
 */
export const floatingWidget: Plugin = (consent) => {
  if (consent.options.widget !== 'floating') return;
  let stop = () => {};
  whenBody(() => {
    const { host, root } = createHost(CSS, consent.options.nonce, 'floating');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = preferencesLabel(consent.options);
    button.onclick = () => consent.showPreferences();
    root.append(button);
    // Last in the page's tab order, unlike the banner: it is a footer link in disguise.
    document.body.append(host);
    const off = consent.view.subscribe((view) => (button.hidden = view === 'banner'));
    stop = () => (off(), host.remove());
  });
  return () => stop();
};
