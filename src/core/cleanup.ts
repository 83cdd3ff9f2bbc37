import { safe } from './env';
import type { NameMatcher } from './types';

/**
 * First-party cookies and storage keys of common analytics tools, removed when the `analytics`
 * category is withdrawn (REQUIREMENTS.md part C): GA4/gtag, Matomo, Hotjar, Microsoft Clarity.
 * Plausible writes none. Matomo's own `mtm_consent*` cookies record an opt-out and are left alone.
 */
export const KNOWN_ANALYTICS: NameMatcher[] = [
  /^_ga($|_)/, '_gid', /^_gat/, /^_dc_gtm_/, 'AMP_TOKEN',
  /^_pk_(id|ses|ref|cvar|hsr|testcookie)/,
  /^_hj/, 'hjViewportId',
  '_clck', '_clsk',
];

/** Advertising cookies (Google Ads conversion linker), removed with a `marketing` category. */
export const KNOWN_MARKETING: NameMatcher[] = [/^_gcl_/, /^_gac_/, '_fbp', '_fbc'];

/**
 * Cookies of well-known services, removed when that service alone is withdrawn: Matomo's
 * `_pk_*` (its `mtm_consent*` cookies record the opt-out and stay).
 */
export const KNOWN_SERVICES: Record<string, NameMatcher[]> = { matomo: [/^_pk_/] };

/** Whether `name` is one of `matchers`. */
export const matchesName = (name: string, matchers: readonly NameMatcher[]): boolean =>
  matchers.some((m) => (typeof m === 'string' ? m === name : (m.lastIndex = 0, m.test(name))));

/**
 * Domains a cookie of this page may live on: host-only, the host, then every parent domain.
 * A parent that is a public suffix (`co.uk`) is refused by the browser, harmlessly.
 * See: https://www.rfc-editor.org/rfc/rfc6265#section-5.3 (step 6)
 */
export function cookieDomains(host: string): (string | undefined)[] {
  const domains: (string | undefined)[] = [undefined];
  if (/^[\d.]+$|:/.test(host)) return domains; // an IP address has no parent domain
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** Paths a cookie of this page may be set on: `/` and each ancestor of the current path. */
export function cookiePaths(pathname: string): string[] {
  const paths = ['/'];
  let path = '';
  for (const segment of pathname.split('/').slice(1, -1)) paths.push((path += `/${segment}`));
  if (pathname !== '/' && !pathname.endsWith('/')) paths.push(pathname);
  return paths;
}

/**
 * Deletes the cookies (visible to scripts: HttpOnly ones need the server) and the
 * localStorage/sessionStorage keys that match, on every domain and path variant.
 * Returns the names of the cookies it found.
 */
export function clearTrackers(matchers: readonly NameMatcher[]): string[] {
  if (!matchers.length) return [];
  const names = safe(() => document.cookie, '')
    .split(';')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter((name) => name && matchesName(name, matchers));
  const secure = location.protocol === 'https:' ? ';Secure' : '';
  for (const name of names) {
    for (const domain of cookieDomains(location.hostname)) {
      for (const path of cookiePaths(location.pathname)) {
        safe(() => {
          document.cookie = `${name}=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=${path}${domain ? `;domain=${domain}` : ''}${secure}`;
        }, undefined);
      }
    }
  }
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    safe(() => {
      const storage = window[area];
      for (let i = storage.length - 1; i >= 0; i--) {
        const key = storage.key(i);
        if (key !== null && matchesName(key, matchers)) storage.removeItem(key);
      }
    }, undefined);
  }
  return names;
}
