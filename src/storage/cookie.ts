import type { ConsentStorage, CookieOptions } from '../core/types';
import { documentCookie } from '../core/env';
import { readCookie, type PickCookie } from './lazy';

/** What the cookie store borrows from the core (`CONSENT_COOKIE`), as storage imports only `core/env` of it. */
export interface CookieHelpers {
  /** Of several values of the cookie, the one that counts: the newest decision. */
  newest: PickCookie;
  /** Deletes every domain and path variant of a cookie this page can reach. */
  erase(name: string): void;
}

/**
 * Keeps the decision in one first-party cookie: `Path=/`, `SameSite=Lax` and `Secure` on https
 * by default. A cookie that keeps the visitor's choice needs no consent (CNIL guidelines of 17
 * September 2020). See: https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042388179
 * Written through Document.prototype's accessor (`documentCookie`), not by a library that reads
 * `document.cookie`, which markup can shadow (`<img name="cookie">` made every write a no-op, so
 * a withdrawal never reached the server). The value holds only characters a cookie carries
 * as they are (the codec's: letters, digits, `.~!_-`), so it is written unescaped.
 * See: https://www.rfc-editor.org/rfc/rfc6265#section-4.1.1
 * Reading `document.cookie` throws in sandboxed iframes, so every access is guarded.
 * A read takes the newest of several same-name cookies; a write or a clear first erases every
 * variant (other domain, other path), so that an older decision can never come back.
 */
export function cookieStorage(
  options: Required<Omit<CookieOptions, 'domain'>> & { domain?: string },
  helpers: CookieHelpers,
): ConsentStorage {
  const { name, path, domain, sameSite } = options;
  const attributes = `;path=${path}${domain ? `;domain=${domain}` : ''};samesite=${sameSite}${location.protocol === 'https:' || sameSite === 'None' ? ';secure' : ''}`;
  /** Sets the cookie to `value` until `expires`; false where cookies cannot be written. */
  const set = (value: string, expires: Date) => {
    try {
      documentCookie(`${name}=${value};expires=${expires.toUTCString()}${attributes}`);
      return true;
    } catch {
      return false;
    }
  };
  const read = () => readCookie(name, helpers.newest);
  return {
    read,
    write(value, days) {
      helpers.erase(name);
      // Cookies can be disabled or ignored silently: only a read-back proves the write.
      return set(value, new Date(Date.now() + days * 864e5)) && read() === value;
    },
    clear() {
      helpers.erase(name);
      set('', new Date(0));
    },
  };
}
