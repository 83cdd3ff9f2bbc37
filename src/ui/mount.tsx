import { render } from 'preact';
import { DEV, later, safe, warn } from '../core/env';
import type { MountUI, UIView } from '../core/types';
import { App } from './app';
import { createHost, focusedElement, whenBody } from './host';
import { translator } from './i18n';
import css from './styles.css';
// The dialog's own rules; empty in the script tag's UI chunk, whose dialog brings them itself.
import dialogCss from './dialog.css';

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
  const { host, root } = createHost(css + dialogCss, options.nonce, 'ui');
  const { lang, t } = translator(options);
  DEV &&
    !options.controller &&
    warn(`option "controller" is not set; the banner names the site by its host name ("${location.hostname}"): set it to the controller's name, e.g. 'Instria'`);
  const box = document.createElement('div');
  box.dataset.part = 'root';
  box.dataset.theme = options.theme;
  // `box`: a corner card on wide screens (styles.css); anything else is the bar.
  box.dataset.layout = options.layout || 'bar';
  box.lang = lang;
  box.dir = getComputedStyle(host).direction === 'rtl' ? 'rtl' : 'ltr';
  // A polite live region present before any text goes in, or screen readers stay silent.
  // See: https://www.w3.org/WAI/ARIA/apg/practices/live-regions/ (role=status is polite)
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.dataset.part = 'status';
  status.lang = lang;
  root.append(box, status);
  /** Focus when the dialog opened, and the page's last focus outside our UI. */
  let opener: HTMLElement | null = null;
  let outside: HTMLElement | null = null;
  let last: UIView = 'hidden';
  let decidedAt = state.get().decidedAt;
  // While the banner (or the notice) covers the bottom of the viewport, focus must be able to land above it
  // (WCAG 2.2 SC 2.4.11 Focus Not Obscured): focus scrolled into view stops above the banner
  // (scroll-padding), and room below the page lets even its last element scroll up there
  // (padding, added to the page's own). CSSOM writes are allowed under a strict CSP.
  const html = document.documentElement;
  const page = html.style;
  const saved = [page.scrollPaddingBottom, page.paddingBottom] as const;
  const own = getComputedStyle(html).paddingBottom;
  const restore = () => ([page.scrollPaddingBottom, page.paddingBottom] = saved);
  const observer = new ResizeObserver(([entry]) => {
    const banner = entry!.target;
    if (!banner.isConnected) return restore();
    const cover = `${innerHeight - banner.getBoundingClientRect().top}px`;
    page.scrollPaddingBottom = cover;
    page.paddingBottom = `calc(${own} + ${cover})`;
  });
  // Where focus was before the visitor entered our UI, to return it there.
  const onFocus = () => {
    const focused = focusedElement();
    if (focused?.getRootNode() !== root) outside = focused;
  };
  document.addEventListener('focusin', onFocus);

  /** The state last drawn: a state change the view's draw already showed needs no other. */
  let drawn: unknown;
  const draw = () => {
    const now = view.get();
    const current = (drawn = state.get());
    if (now === 'preferences' && last !== 'preferences') opener = focusedElement();
    // Every new decision is announced; the text node is replaced, so a second one is too.
    if (current.decidedAt !== decidedAt) status.textContent = (decidedAt = current.decidedAt) ? t('saved') : '';
    const inside = document.activeElement === host;
    render(<App consent={consent} view={now} state={current} t={t} lang={lang} />, box);
    // Focus that went with our UI goes back where it was when the dialog opened (WAI-ARIA APG
    // modal dialog), else where it was before the visitor entered our UI: never lost to <body>.
    if (inside && !root.activeElement) refocus(last === 'preferences' && opener?.isConnected ? opener : outside);
    last = now;
    const banner = root.querySelector('[data-part=banner],[data-part=notice]');
    observer.disconnect();
    if (banner) observer.observe(banner);
    else restore();
  };
  // A decision moves the state, then the view (core/decisions.ts): the view draws at once, with
  // both, and a state change alone (another tab, an API call while hidden) in a microtask, unless
  // a draw showed it by then. One render per decision, not two.
  const stops = [view.subscribe(draw), state.listen(() => later(() => stops[0] && drawn !== state.get() && draw()))];
  return () => {
    for (const stop of stops.splice(0)) stop();
    observer.disconnect();
    document.removeEventListener('focusin', onFocus);
    restore();
    render(null, box);
    host.remove();
  };
}

/**
 * Focuses `target` if it is still on the page, else the page's `<main>`, else `<body>`; these
 * two through a `tabindex="-1"` removed again when focus leaves (no stray tab stop).
 */
function refocus(target: HTMLElement | null): void {
  const el = target?.isConnected ? target : document.querySelector('main') || document.body;
  if (el !== target && !el.hasAttribute('tabindex')) {
    el.tabIndex = -1;
    el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
  }
  el.focus({ preventScroll: el !== target });
}
