import type { ConsentStorage, ResolvedOptions } from '../core/types';
import { cookieStorage, type CookieHelpers } from './cookie';
import { localStorageStore } from './local';
import { memoryStorage } from './memory';

/**
 * Tries each store in turn: a read returns the first value found, a write lands in the first
 * store that accepts it. So the decision lives in the cookie, else in localStorage (cookies
 * disabled, sandboxed iframe), else in memory for the page.
 */
export function fallbackStorage(stores: ConsentStorage[]): ConsentStorage {
  return {
    read() {
      for (const store of stores) {
        const value = store.read();
        if (value !== null) return value;
      }
      return null;
    },
    write(value, days) {
      let written = false;
      for (const store of stores) {
        if (written) store.clear();
        else written = store.write(value, days);
      }
      return written;
    },
    clear() {
      for (const store of stores) store.clear();
    },
  };
}

/** The default: the consent cookie, then localStorage, then memory. `helpers`: the core's `CONSENT_COOKIE`. */
export function defaultStorage(cookie: ResolvedOptions['cookie'], helpers: CookieHelpers): ConsentStorage {
  return fallbackStorage([cookieStorage(cookie, helpers), localStorageStore(cookie.name), memoryStorage()]);
}
