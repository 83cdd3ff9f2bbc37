import type { ConsentStorage } from '../core/types';

/** localStorage, or null where merely reading it throws. */
const area = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** The value stored under `key` by `localStorageStore`, unless it has expired. */
export function readLocal(key: string): string | null {
  try {
    // `<expiry ms> <value>`. Where merely reading `localStorage` throws, the catch answers.
    const [, expiry, value] = /^(\d+) (.*)/s.exec(localStorage.getItem(key)!) ?? [];
    return +expiry! >= Date.now() ? value! : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the decision in localStorage with its expiry, for pages where cookies cannot be written.
 * Merely reading `window.localStorage` throws a SecurityError in a sandboxed iframe without
 * `allow-same-origin`, and Safari's old private mode throws on `setItem`: all access is guarded.
 * See: https://html.spec.whatwg.org/multipage/webstorage.html#dom-localstorage
 */
export function localStorageStore(key: string): ConsentStorage {
  return {
    read: () => readLocal(key),
    write(value, days) {
      try {
        const storage = area();
        if (!storage) return false;
        storage.setItem(key, `${Date.now() + days * 864e5} ${value}`);
        return true;
      } catch {
        return false;
      }
    },
    clear() {
      try {
        area()?.removeItem(key);
      } catch {
        /* unavailable: nothing to clear */
      }
    },
  };
}
