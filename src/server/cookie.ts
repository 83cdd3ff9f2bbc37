/**
 * The consent cookie on a server: read (`readConsent`), written (`consentCookie`), and whether a
 * request will show the banner (`needsBanner`, `bannerPreload`). Pure functions of the request's
 * headers and the options.
 */
import { newestDecision } from '../core/cleanup';
import { decodeDecision, encodeDecision, isDecisionValid, type StoredDecision } from '../core/codec';
import { DEV, warn } from '../core/env';
import { resolveOptions } from '../core/options';
import { isAsking } from '../core/pending';
import { toState } from '../core/state';
import type { ConsentOptions, ConsentState, DefaultCategory, ResolvedOptions } from '../core/types';

/**
 * What carries the request's cookies: a `Cookie` header string, a Fetch `Request` (Next.js,
 * Deno, Bun, Workers), or a Node `IncomingMessage`-like `{ headers: { cookie } }` (Express).
 * `null`/`undefined` read as no cookie.
 */
export type CookieSource = string | RequestLike | null | undefined;

/** A Fetch `Request` (`headers.get`) or a Node request (`headers` as a plain object). */
export interface RequestLike {
  headers: { get(name: string): string | null } | Record<string, string | string[] | undefined>;
  /** A Fetch request's absolute URL, or a Node request's path. */
  url?: string;
  /** Node: a `TLSSocket` (`encrypted: true`) on an https server. */
  socket?: object | null;
}

/**
 * The options the browser SDK is given (the same object: `categories`, `revision`,
 * `expiresAfterDays`, `cookie`; the others are ignored here), and `now`, the time to judge the
 * decision at (by default the clock's).
 */
export type ServerOptions<C extends string = DefaultCategory> = ConsentOptions<C> & { now?: number };

/** {@link ServerOptions} and how the cookie is sent: `secure`, or a `request` to infer it from. */
export interface ConsentCookieOptions<C extends string = DefaultCategory> extends ServerOptions<C> {
  /** Add `Secure`. Default: the request is https (`request`), else false; always with `SameSite=None`. */
  secure?: boolean;
  /** The request answered: an `https:` URL (Fetch) or an encrypted socket / `X-Forwarded-Proto: https` (Node) means `Secure`. */
  request?: RequestLike;
}

/** Keys of the server options that are not the SDK's: kept out of `resolveOptions`, which would warn about them. */
const OWN = ['now', 'secure', 'request', 'base', 'files', 'as', 'nonce', 'path'];

/** Options resolved once per options object (a server reads them on every request). */
const resolved = new WeakMap<object, ResolvedOptions>();

/** The SDK's options, resolved as the browser resolves them. Never throws. */
export function optionsOf(input: ServerOptions<string> | undefined): ResolvedOptions {
  const key = input ?? resolved;
  let options = resolved.get(key);
  if (!options) {
    const sdk: Record<string, unknown> = { ...input };
    for (const own of OWN) delete sdk[own];
    resolved.set(key, (options = resolveOptions(sdk) as ResolvedOptions));
  }
  return options;
}

/** A header of a Fetch or Node request, lines joined; '' when absent. */
export function header(request: RequestLike, name: string): string {
  const headers = request.headers as Record<string, unknown> & { get?: unknown };
  const value = typeof headers?.get === 'function' ? (headers.get as (n: string) => string | null)(name) : headers?.[name];
  return Array.isArray(value) ? value.join('; ') : typeof value === 'string' ? value : '';
}

/**
 * Every value of the cookie `name` in a `Cookie` header, in header order (RFC 6265 §5.4: the
 * longest path first, then the oldest), raw as `document.cookie` gives them to the browser SDK.
 * See: https://www.rfc-editor.org/rfc/rfc6265#section-5.4
 */
function cookieValues(cookies: string, name: string): string[] {
  const values: string[] = [];
  for (const pair of cookies.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) values.push(pair.slice(at + 1).trim());
  }
  return values;
}

/** `decision` if it still counts under the options at `now` (its revision and expiry); else null. */
const counting = (decision: StoredDecision | null, options: ResolvedOptions, now?: number): StoredDecision | null =>
  decision && isDecisionValid(decision, { revision: options.revision, expiresAfterDays: options.expiresAfterDays, now }) ? decision : null;

/** `value` decoded against the options' services, if it still counts at `now`; else null. */
export const validDecision = (value: string | null, options: ResolvedOptions, now?: number): StoredDecision | null =>
  counting(decodeDecision(value, Object.keys(options.serviceCategory)), options, now);

/** The stored decision the browser would apply: the newest of the cookie's values, if it still counts. */
function storedDecision(source: CookieSource, options: ResolvedOptions, now?: number): StoredDecision | null {
  const cookies = typeof source === 'string' ? source : source ? header(source, 'cookie') : '';
  const values = cookieValues(cookies, options.cookie.name);
  // The browser's pick among same-name cookies (host-only and a parent domain's): the newest decision.
  return values[0] === undefined ? null : validDecision(newestDecision(values), options, now);
}

/**
 * The visitor's consent as the browser SDK computes it from the same cookie: same codec,
 * validity rules (revision, expiry, clock skew), pending categories and services, and the newest
 * of several same-name cookies. No cookie, or one that does not count: `decided: false`, every
 * optional category refused. Never throws. A decision kept in `localStorage` (cookies disabled)
 * is not seen here.
 *
 * @example
 * // Next.js (App Router): a server component
 * const consent = readConsent((await cookies()).toString(), config);
 * if (consent.categories.analytics) …
 * // Express / node:http
 * const consent = readConsent(req, config);
 */
export function readConsent<const C extends string = DefaultCategory>(source: CookieSource, options?: ServerOptions<C>): ConsentState<C> {
  const resolvedOptions = optionsOf(options);
  return toState(resolvedOptions, storedDecision(source, resolvedOptions, options?.now)) as ConsentState<C>;
}

/** The stored form of a state: what the browser's decision code would have written for it. */
function decisionOf(state: ConsentState, options: ResolvedOptions): StoredDecision | null {
  if (!state.decided || state.id === null || state.decidedAt === null || state.method === null) return null;
  const { categories: pendingCategories, services: pendingServices } = state.pending;
  const decision: StoredDecision = {
    id: state.id,
    time: state.decidedAt,
    revision: state.revision,
    method: state.method,
    categories: {},
    services: {},
  };
  for (const id of options.optional) if (!pendingCategories.includes(id)) decision.categories[id] = state.categories[id] === true;
  for (const service in options.serviceCategory) {
    const category = options.serviceCategory[service]!;
    if (!options.categories[category]!.required && !pendingCategories.includes(category) && !pendingServices.includes(service)) {
      decision.services[service] = state.services[service] === true;
    }
  }
  return decision;
}

/** Whether the answer to `request` goes over https. */
const isHttps = (request: RequestLike): boolean =>
  /^https:/i.test(request.url ?? '') || (request.socket as { encrypted?: boolean } | null | undefined)?.encrypted === true || /^https\b/i.test(header(request, 'x-forwarded-proto'));

/**
 * A `Set-Cookie` header value that stores `decision` (a {@link ConsentState}, or an encoded
 * value as the browser SDK posts it) as the browser SDK stores it: the cookie's name, `Path`
 * (default `/`), `SameSite` (default `Lax`) and `Domain` from `options.cookie`, `Secure` on https,
 * and `Max-Age` until the decision expires (decided at + `expiresAfterDays`, never negative).
 * Anything that is not a decision still valid under `options` (undecided, malformed, another
 * revision, expired) gives a cookie that deletes it (`Max-Age=0`): junk is never echoed.
 *
 * Not `HttpOnly`: the browser SDK reads and rewrites this cookie from script (`document.cookie`),
 * and deletes it on `reset()`; an HttpOnly cookie would be invisible to it, and the visitor would
 * be asked again on every page.
 *
 * @example
 * res.setHeader('Set-Cookie', consentCookie(value, { ...config, request: req }));
 * // → 'instria_consent=1.3f0c…; Path=/; Max-Age=15724800; SameSite=Lax; Secure'
 */
export function consentCookie<const C extends string = DefaultCategory>(
  decision: ConsentState<C> | string | null | undefined,
  options?: ConsentCookieOptions<C>,
): string {
  const resolvedOptions = optionsOf(options);
  const now = options?.now ?? Date.now();
  const stored =
    typeof decision === 'string'
      ? validDecision(decision, resolvedOptions, now)
      : decision
        ? counting(decisionOf(decision, resolvedOptions), resolvedOptions, now)
        : null;
  DEV && typeof decision === 'string' && decision && !stored && warn('consentCookie(): the value is not a valid decision; the cookie is deleted instead');
  return setCookie(stored, resolvedOptions, { ...options, now });
}

/**
 * The `Set-Cookie` value of {@link consentCookie} for `stored`, a decision already checked valid
 * under `options` (null: a cookie that deletes it).
 */
export function setCookie(stored: StoredDecision | null, options: ResolvedOptions, how: { now: number; secure?: boolean; request?: RequestLike }): string {
  const { name, path, domain, sameSite } = options.cookie;
  // Re-encoded from the decoded decision, never copied from the input.
  const value = stored ? encodeDecision(stored) : '';
  const maxAge = stored ? Math.max(0, Math.floor((stored.time + options.expiresAfterDays * 864e5 - how.now) / 1000)) : 0;
  const secure = how.secure ?? (how.request ? isHttps(how.request) : false);
  return (
    `${name}=${value}; Path=${path}; Max-Age=${maxAge}` +
    (domain ? `; Domain=${domain}` : '') +
    `; SameSite=${sameSite}` +
    // Browsers refuse a SameSite=None cookie without Secure. See: https://www.rfc-editor.org/rfc/rfc6265bis (§5.6.7)
    (secure || sameSite === 'None' ? '; Secure' : '')
  );
}

/**
 * Whether the visitor will be asked on this request: no valid decision in its cookie, or one that
 * lacks a category or service added since. The page the server renders then needs the banner's
 * files (see {@link bannerPreload}).
 *
 * @example if (needsBanner(request, config)) headers.append('Link', bannerPreload(request, { ...config, as: 'header' }));
 */
export const needsBanner = <const C extends string = DefaultCategory>(source: CookieSource, options?: ServerOptions<C>): boolean =>
  isAsking(readConsent(source, options));

/** Options of {@link bannerPreload}. */
export interface PreloadOptions<C extends string = DefaultCategory> extends ServerOptions<C> {
  /** The folder (path or URL) the SDK's files are served from, as in the script tag's `src`. Default `/`. */
  base?: string;
  /** The on-demand files a visitor who is asked needs. Default the UI file (it carries the decision code). */
  files?: readonly string[];
  /** `html` (default): `<link rel="preload">` elements for the page's `<head>`; `header`: a `Link` header value, which a CDN can send as `103 Early Hints`. */
  as?: 'html' | 'header';
  /** The page's CSP nonce, given to each `<link>` (HTML only). */
  nonce?: string;
}

/** The files a first visit fetches after the script tag: the UI file, with the decision code inside. */
const BANNER_FILES = ['instria-consent.ui.js'];

/** `<`, `>`, `&` and `"` escaped for an HTML attribute value. */
const attribute = (text: string): string => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Preload hints for the banner's files, only when this request will show the banner
 * ({@link needsBanner}); '' otherwise, so a returning visitor downloads nothing more than the
 * script tag. `as: 'html'` gives `<link rel="preload" as="script">` elements for the page's
 * `<head>`, `as: 'header'` a `Link` header value (`103 Early Hints` where the server or CDN sends them).
 * See: https://www.rfc-editor.org/rfc/rfc8297 (103 Early Hints), https://html.spec.whatwg.org/multipage/links.html#link-type-preload
 *
 * @example
 * const hints = bannerPreload(req, { ...config, base: '/dist/' });
 * // → '<link rel="preload" as="script" href="/dist/instria-consent.ui.js">'
 */
export function bannerPreload<const C extends string = DefaultCategory>(source: CookieSource, options?: PreloadOptions<C>): string {
  if (!needsBanner(source, options)) return '';
  const base = (options?.base ?? '/').replace(/\/?$/, '/');
  const urls = (options?.files ?? BANNER_FILES).map((file) => base + file);
  if (options?.as === 'header') return urls.map((url) => `<${url}>; rel=preload; as=script`).join(', ');
  const nonce = options?.nonce ? ` nonce="${attribute(options.nonce)}"` : '';
  return urls.map((url) => `<link rel="preload" as="script" href="${attribute(url)}"${nonce}>`).join('');
}

