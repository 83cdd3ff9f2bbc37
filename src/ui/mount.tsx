import { render } from 'preact';
import { DEV, safe, warn } from '../core/env';
import type { MountUI, UIView } from '../core/types';
import { App } from './app';
import { createHost, focusedElement, whenBody } from './host';
import { translator } from './i18n';
import css from './styles.css';

/**
 * Mounts the banner and the preferences dialog for `consent` in a shadow root and keeps them in
 * step with `consent.view` and `consent.state`. Returns an unmount. Called by the core the first
 * time a choice is needed; waits for `<body>` if the chunk ran from `<head>`.
 *
 * @example
 * const unmount = mountUI(consent); // banner shown while consent.view is 'banner'
 */
export const mountUI: MountUI = (consent) => {
  let unmount: (() => void) | undefined;
  let stopped = false;
  whenBody(() => {
    if (!stopped) unmount = safe(() => start(consent), undefined);
  });
  return () => {
    stopped = true;
    if (unmount) unmount();
  };
};

function start(consent: Parameters<MountUI>[0]): () => void {
  const { options, view, state } = consent;
  const { host, root } = createHost(css, options.nonce, 'ui');
  const { lang, t } = translator(options);
  DEV &&
    !options.controller &&
    warn(`option "controller" is not set; the banner names the site by its host name ("${location.hostname}"): set it to the controller's name, e.g. 'Instria'`);
  const box = document.createElement('div');
  box.dataset.part = 'root';
  box.dataset.theme = options.theme;
  box.lang = lang;
  box.dir = getComputedStyle(host).direction === 'rtl' ? 'rtl' : 'ltr';
  root.append(box);
  const page = document.documentElement.style;
  const padding = page.scrollPaddingBottom;
  let opener: HTMLElement | null = null;
  let last: UIView = 'hidden';
  // While the banner (or the notice) covers the bottom of the viewport, keyboard focus scrolled into view must
  // land above it (WCAG 2.2 SC 2.4.11 Focus Not Obscured). CSSOM writes are allowed under CSP.
  const observer = new ResizeObserver(([entry]) => {
    const banner = entry!.target as HTMLElement;
    page.scrollPaddingBottom = banner.isConnected ? `${banner.offsetHeight}px` : padding;
  });

  const draw = () => {
    const now = view.get();
    if (now === 'preferences' && last !== 'preferences') opener = focusedElement();
    render(<App consent={consent} view={now} state={state.get()} t={t} />, box);
    // Focus goes back where it was when the dialog opened (WAI-ARIA APG modal dialog).
    if (last === 'preferences' && now !== 'preferences' && opener && opener.isConnected) opener.focus();
    last = now;
    const banner = root.querySelector('[data-part=banner],[data-part=notice]');
    observer.disconnect();
    if (banner) observer.observe(banner);
    else page.scrollPaddingBottom = padding;
  };
  const stops = [view.subscribe(draw), state.listen(draw)];
  return () => {
    for (const stop of stops) stop();
    observer.disconnect();
    page.scrollPaddingBottom = padding;
    render(null, box);
    host.remove();
  };
}
