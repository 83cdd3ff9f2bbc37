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
    script.src = src;
    if (nonce) script.nonce = nonce;
    script.onload = script.onerror = () => {
      const value = registered();
      if (value) resolve(value);
      else reject(new Error(`${src} could not be loaded`));
    };
    document.head.appendChild(script);
  });
}
