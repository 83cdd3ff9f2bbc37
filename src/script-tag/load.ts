import { trusted } from '../core/trusted';

/**
 * Loads a chunk with a `<script>` carrying the page's nonce; resolves with what it registers on
 * `window`. Rejects if it cannot load.
 */
export function loadChunk<T>(src: string, nonce: string | undefined, registered: () => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const ready = registered();
    if (ready) return resolve(ready);
    // A script added by script is async already. Loaded without registering (a wrong file) or
    // not loaded at all: the same failure for the caller.
    const script = document.createElement('script');
    script.src = trusted(src);
    if (nonce) script.nonce = nonce;
    script.onload = script.onerror = () => {
      const value = registered();
      if (value) resolve(value);
      else reject(new Error(`${src} could not be loaded`));
    };
    document.head.appendChild(script);
  });
}

/**
 * The language file of `lang` (`instria-consent.lang-de.js`), beside the SDK's `script` (the
 * same file for the development bundles: it holds strings only).
 */
export const languageUrl = (lang: string, script: HTMLScriptElement | null | undefined): string =>
  new URL(`instria-consent.lang-${lang}.js`, script?.src || location.href).href;
