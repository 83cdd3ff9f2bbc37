/**
 * Runs `fn` once `<body>` exists: the script tag sits in `<head>`, and its UI may arrive
 * before the parser reaches the body.
 *
 * @example whenBody(() => document.body.prepend(host));
 */
export function whenBody(fn: () => void): void {
  if (document.body) fn();
  else document.addEventListener('DOMContentLoaded', fn, { once: true });
}

/**
 * An isolated home for UI: an `<instria-consent>` element (no page rule for `div` or `button`
 * reaches it) with an open shadow root holding `css`. The stylesheet is adopted as a
 * constructable sheet, which a strict `style-src` allows; where that API is missing, a
 * `<style>` carries the page's `nonce`. Inserted first in `<body>` so keyboard users reach it
 * early. See: https://wicg.github.io/construct-stylesheets/
 *
 * @example const { host, root } = createHost(css, consent.options.nonce);
 */
export function createHost(css: string, nonce: string | undefined, part: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('instria-consent');
  host.dataset.part = part;
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.append(style);
  }
  document.body.prepend(host);
  return { host, root };
}

/** The focused element, looking inside shadow roots (ours and the page's). */
export function focusedElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}
