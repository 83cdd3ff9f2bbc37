import Cookies from 'js-cookie';
import type { ConsentStorage, CookieOptions } from '../core/types';
import { readCookie, type PickCookie } from './lazy';

/** What the cookie store borrows from the core (`CONSENT_COOKIE`), as storage imports no core code. */
export interface CookieHelpers {
  /** Of several values of the cookie, the one that counts: the newest decision. */
  newest: PickCookie;
  /** Deletes every domain and path variant of a cookie this page can reach. */
  erase(name: string): void;
}

/**
 * Keeps the decision in one first-party cookie, written with one pre-configured js-cookie jar:
 * `Path=/`, `SameSite=Lax` and `Secure` on https by default. A cookie that keeps the visitor's
 * choice needs no consent (CNIL guidelines of 17 September 2020). See: https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042388179
 * Reading `document.cookie` throws in sandboxed iframes, so every access is guarded.
 * A read takes the newest of several same-name cookies; a write or a clear first erases every
 * variant (other domain, other path), so that an older decision can never come back.
 */
export function cookieStorage(
  options: Required<Omit<CookieOptions, 'domain'>> & { domain?: string },
  helpers: CookieHelpers,
): ConsentStorage {
  const jar = Cookies.withAttributes({
    path: options.path,
    domain: options.domain,
    sameSite: options.sameSite,
    secure: location.protocol === 'https:' || options.sameSite === 'None',
  });
  const read = () => readCookie(options.name, helpers.newest);
  return {
    read,
    write(value, days) {
      helpers.erase(options.name);
      try {
        jar.set(options.name, value, { expires: days });
      } catch {
        return false;
      }
      // Cookies can be disabled or ignored silently: only a read-back proves the write.
      return read() === value;
    },
    clear() {
      helpers.erase(options.name);
      try {
        jar.remove(options.name);
      } catch {
        /* nothing stored, nothing to remove */
      }
    },
  };
}
