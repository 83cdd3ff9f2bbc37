import type { ConsentStorage, ResolvedOptions } from '../core/types';
import { readLocal } from './local';

/**
 * Reads one cookie without js-cookie, for the script tag's every page view: the SDK writes only
 * characters js-cookie leaves unescaped (its codec and `ID_PATTERN` names), so the raw value is
 * the value. Returns null when absent or when `document.cookie` throws (sandboxed iframe).
 */
export function readCookie(name: string): string | null {
  try {
    return document.cookie.match(`(?:^|; )${name}=([^;]*)`)?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * The default store for the script tag: reads need no library (a returning visitor's page only
 * reads); the first write, which only the loaded decision code makes, brings the full store.
 * `load` returns it once the on-demand chunk has arrived.
 */
export function lazyDefaultStorage(cookie: ResolvedOptions['cookie'], load: () => ConsentStorage | undefined): ConsentStorage {
  let full: ConsentStorage | undefined;
  const store = () => (full ??= load());
  return {
    read: () => (store() ? full!.read() : readCookie(cookie.name) ?? readLocal(cookie.name)),
    write: (value, days) => !!store()?.write(value, days),
    clear: () => store()?.clear(),
  };
}
