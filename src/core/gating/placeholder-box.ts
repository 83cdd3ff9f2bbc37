/**
 * Puts an empty `<div data-part="placeholder">` before `embed` (an `<iframe>` without consent)
 * and hides the embed with the `hidden` attribute (no inline style: strict CSPs allow it).
 * `placeholderFor` (./placeholder.ts) gives it its text and "Allow" button; the script tag
 * fetches that part on demand, so pages without gated iframes never download it.
 *
 * @example placeholderBox(document.querySelector('iframe[data-consent]')) // the empty <div>
 */
export function placeholderBox(embed: HTMLElement): HTMLElement {
  const box = document.createElement('div');
  box.dataset.part = 'placeholder';
  const { service } = embed.dataset;
  if (service) box.dataset.service = service;
  embed.before(box);
  embed.hidden = true;
  return box;
}
