import Cookies from 'js-cookie';
import type { ConsentStorage, CookieOptions } from '../core/types';
import { readCookie } from './lazy';

/**
 * Keeps the decision in one first-party cookie, written with one pre-configured js-cookie jar:
 * `Path=/`, `SameSite=Lax` and `Secure` on https by default (REQUIREMENTS.md item 25).
 * Reading `document.cookie` throws in sandboxed iframes, so every access is guarded.
 */
export function cookieStorage(options: Required<Omit<CookieOptions, 'domain'>> & { domain?: string }): ConsentStorage {
  const jar = Cookies.withAttributes({
    path: options.path,
    domain: options.domain,
    sameSite: options.sameSite,
    secure: location.protocol === 'https:' || options.sameSite === 'None',
  });
  const read = () => readCookie(options.name);
  return {
    read,
    write(value, days) {
      try {
        jar.set(options.name, value, { expires: days });
      } catch {
        return false;
      }
      // Cookies can be disabled or ignored silently: only a read-back proves the write.
      return read() === value;
    },
    clear() {
      try {
        jar.remove(options.name);
      } catch {
        /* nothing stored, nothing to remove */
      }
    },
  };
}
