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
 * reaches it) with an open shadow root holding `css` (see {@link addStyles}). Inserted first in
 * `<body>` so keyboard users reach it early.
 *
 * @example const { host, root } = createHost(css, consent.options.nonce);
 */
export function createHost(css: string, nonce: string | undefined, part: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('instria-consent');
  host.dataset.part = part;
  const root = host.attachShadow({ mode: 'open' });
  addStyles(root, css, nonce);
  document.body.prepend(host);
  return { host, root };
}

/**
 * Adds `css` to `root`, after its other styles, as a constructable sheet, which a strict
 * `style-src` allows; where that API is missing, as a `<style>` carrying the page's `nonce`.
 * See: https://wicg.github.io/construct-stylesheets/
 */
export function addStyles(root: ShadowRoot, css: string, nonce: string | undefined): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets.push(sheet);
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.append(style);
  }
}

/** The focused element, looking inside shadow roots (ours and the page's). */
export function focusedElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element as HTMLElement | null;
}
