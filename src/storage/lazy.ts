import { documentCookie } from '../core/env';
import type { ConsentStorage, ResolvedOptions } from '../core/types';
import { readLocal } from './local';

/** Of several values of the consent cookie, the one that counts (the core's `newestDecision`). */
export type PickCookie = (values: string[]) => string | null;

/**
 * Reads one cookie without a library, for the script tag's every page view: the SDK writes only
 * characters a cookie carries unescaped (its codec and `ID_PATTERN` names), so the raw value is
 * the value. Several cookies of one name can reach the page (host-only and on a parent domain, or
 * on a longer path: a site that changed `cookie.domain`, another sub-domain), the oldest and the
 * longest path first (RFC 6265 §5.4 step 2): `pick` chooses. Returns null
 * when absent or when `document.cookie` throws (sandboxed iframe).
 */
export function readCookie(name: string, pick: PickCookie): string | null {
  try {
    const values = [...documentCookie().matchAll(RegExp(`(?:^|; )${name}=([^;]*)`, 'g'))].map((match) => match[1]!);
    return values.length ? pick(values) : null;
  } catch {
    return null;
  }
}

/**
 * The default store for the script tag: reads need no library (a returning visitor's page only
 * reads); the first write, which only the loaded decision code makes, brings the full store.
 * `load` returns it once the on-demand chunk has arrived.
 */
export function lazyDefaultStorage(
  cookie: ResolvedOptions['cookie'],
  load: () => ConsentStorage | undefined,
  pick: PickCookie,
): ConsentStorage {
  let full: ConsentStorage | undefined;
  const store = () => (full ??= load());
  return {
    read: () => (store() ? full!.read() : readCookie(cookie.name, pick) ?? readLocal(cookie.name)),
    write: (value, days) => !!store()?.write(value, days),
    clear: () => store()?.clear(),
  };
}
