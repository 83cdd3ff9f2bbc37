// Colour contrast as WCAG 2.2 defines it, for the playground's live check of the chosen colours.
// See: https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio and
// https://www.w3.org/TR/WCAG22/#dfn-relative-luminance

/** `#rgb` or `#rrggbb` → [r, g, b] in 0..255, or null for anything else. */
export function parseHex(color) {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(color).trim());
  if (!match) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16));
}

/**
 * Relative luminance of an sRGB colour, 0 (black) to 1 (white). WCAG 2.2 takes the sRGB
 * threshold 0.04045 (earlier versions printed 0.03928; no 8-bit value falls between the two).
 */
export function luminance([r, g, b]) {
  const linear = (channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio of two `#rrggbb` colours, 1 to 21; NaN when either is not one. */
export function contrastRatio(a, b) {
  const [x, y] = [parseHex(a), parseHex(b)];
  if (!x || !y) return NaN;
  const [light, dark] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * A ratio as people read it, truncated (never rounded up: 4.499 must not read 4.5 and pass);
 * 'not a colour' for NaN.
 * @example shownRatio(4.4999) // '4.49:1'
 */
export const shownRatio = (ratio) => (Number.isNaN(ratio) ? 'not a colour' : `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`);
