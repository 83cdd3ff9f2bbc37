import { SUSPECTS } from './cleanup';
import { COOKIE_NAME, DEFAULT_CATEGORIES, DEFAULT_EXPIRY_DAYS, ID_PATTERN, MAX_EXPIRY_DAYS, RESERVED_ID, VENDOR_OPTIONS } from './constants';
import { DEV, isBrowser, isObject, safe, warn } from './env';
import { uiLanguage } from './language';
import type { ConsentOptions, NameMatcher, ResolvedCategory, ResolvedOptions, ResolvedService } from './types';

type Check = (value: any) => boolean;

const isBool: Check = (v) => typeof v === 'boolean';
const isString: Check = (v) => typeof v === 'string';
/** `true`/`false` or an object of settings: the integrations' options. */
const isSwitch: Check = (v) => isBool(v) || isObject(v);
const oneOf =
  (...values: unknown[]): Check =>
  (v) => values.includes(v);

/** The own keys of `value` if it is a plain object, else none. */
const keysOf = (value: unknown): string[] => (isObject(value) ? Object.keys(value) : []);

/** A category or service id the stored value can hold. */
const isId = (id: string): boolean => ID_PATTERN.test(id) && !RESERVED_ID.test(id);

/** Defaults of the scalar options. */
const DEFAULTS = {
  revision: 1,
  expiresAfterDays: DEFAULT_EXPIRY_DAYS,
  language: 'auto',
  translations: {},
  privacyPolicyUrl: '/privacy',
  gpc: true,
  reloadOnWithdraw: false,
  theme: 'auto',
  widget: 'none',
  gating: true,
  plugins: [],
};

/**
 * The type of each option, checked in every build: a value of the wrong type is replaced by its
 * default (with a development warning), so nothing downstream can throw on it.
 */
const CHECKS: Record<string, Check> = {
  // Up to 16 digits: what the stored value holds (codec.ts), so a decision is always read back.
  revision: (v) => Number.isSafeInteger(v) && v >= 0,
  expiresAfterDays: (v) => typeof v === 'number' && v === v,
  language: isString,
  translations: isObject,
  // A link the visitor follows: http(s) or relative only, never `javascript:` or `data:`.
  privacyPolicyUrl: (v) => isString(v) && /^https?:$/.test(safe(() => new URL(v, 'http://a').protocol, '')),
  gpc: isBool,
  recordEndpoint: isString,
  serverCookie: isString,
  reloadOnWithdraw: isBool,
  theme: oneOf('auto', 'light', 'dark'),
  widget: oneOf('floating', 'none'),
  nonce: isString,
  gating: isBool,
  plugins: Array.isArray,
  categories: isObject,
  cookie: isObject,
  googleConsentMode: isSwitch,
  microsoftConsentMode: isSwitch,
  clarity: isSwitch,
  metaPixel: isSwitch,
  tiktokPixel: isSwitch,
  storage: isObject,
  controller: isString,
  matomo: isObject,
  layout: oneOf('bar', 'box'),
  logo: (v) => isString(v?.src) && isString(v.alt),
};

/** A value as a warning prints it: `"two"`, `5`, `{}`. Development builds only. */
const shown = (value: unknown): string => {
  try {
    return value instanceof RegExp || typeof value === 'function' ? String(value) : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

/** The default of `key` as a warning names it. Development builds only. */
const defaultShown = (key: string): string =>
  key in DEFAULTS
    ? shown(DEFAULTS[key as keyof typeof DEFAULTS])
    : ({
        categories: shown(DEFAULT_CATEGORIES),
        cookie: shown({ name: COOKIE_NAME, path: '/', sameSite: 'Lax' }),
        googleConsentMode: 'false',
        storage: 'cookie, else localStorage, else memory',
        controller: 'the host name',
        layout: '"bar"',
      } as Record<string, string>)[key] ?? 'none';

/** Warns that `option` was `value` and `fallback` is used instead. */
const invalid = (option: string, value: unknown, fallback: string): void =>
  warn(`option "${option}" is invalid (${shown(value)}); using the default ${fallback}`);

/** The options of `@instria/consent` that `@instria/consent/core` does not read. */
const UNREAD_BY_CORE = ['googleConsentMode', ...VENDOR_OPTIONS, 'recordEndpoint', 'serverCookie', 'gating', 'theme', 'layout', 'logo', 'widget', 'nonce'];

/**
 * Warns once about the options of `input` that the headless entry does not read, and names what
 * does: a plugin, or the UI of `@instria/consent`. `false` asks for nothing: it passes silently.
 * Development builds only.
 *
 * @example warnUnreadByCore({ googleConsentMode: true, theme: 'dark' })
 */
export function warnUnreadByCore(input: any): void {
  const unread = UNREAD_BY_CORE.filter((key) => input?.[key] != null && input[key] !== false);
  if (unread[0]) {
    warn(
      `@instria/consent/core ignores the options ${unread.join(', ')}: here googleConsentMode(), consentRecords(url) and gating() are plugins (option "plugins"), and only @instria/consent draws a UI (theme, layout, logo, widget, nonce)`,
    );
  }
}

/** Ids of the services cleanup.ts knows (`KNOWN_SERVICES`): analytics or advertising tools. */
const TRACKER_SERVICES = /^(matomo|ga4|gtag|google(Analytics|Ads)|hotjar|clarity|metaPixel)$/;

/**
 * Whether a declared cookie name or pattern is a known tracker: a pattern is tested by its
 * literal characters (`/^_ga/` → `_ga`, `/^_pk_(id|ses)/` → `_pk_idses`). cleanup.ts's
 * `SUSPECTS` stands for its built-in lists, so the script tag need not carry them to check a
 * `required` category; a unit test proves it covers every entry of them.
 */
const isTracker = (matcher: NameMatcher): boolean =>
  SUSPECTS.test((typeof matcher === 'string' ? matcher : matcher.source).replace(/\W/g, ''));

/**
 * The names and patterns of declared cookies (`'_gid'`, `/^_ga/`, `{ name, purpose, … }`),
 * so every reader of `cookies` keeps seeing `NameMatcher`s. Other entries are dropped.
 */
const toMatchers = (list: unknown, where: string): NameMatcher[] | undefined => {
  if (Array.isArray(list)) {
    return list
      .map((entry) => entry?.name ?? entry)
      .filter((name) => {
        const valid = typeof name === 'string' || name instanceof RegExp;
        DEV && !valid && warn(`${where}: a cookie entry is not a name, a RegExp or { name }; ignored`, name);
        return valid;
      });
  }
  DEV && list !== undefined && warn(`${where}.cookies must be an array; ignored`, list);
};

/**
 * Fills in defaults and replaces invalid values with safe ones, warning once per problem in
 * development. Never throws: a wrong configuration must not break the host page.
 */
export function resolveOptions<C extends string>(input: ConsentOptions<C> | undefined): ResolvedOptions<C> {
  const options: Record<string, any> = { ...DEFAULTS };
  // Own keys only, checked against own CHECKS: a `__proto__` key (JSON.parse makes one) or a
  // page's polluted Object.prototype is an unknown option, never a crash or a grant.
  for (const key of keysOf(input)) {
    const value = (input as Record<string, any>)[key];
    if (!{}.hasOwnProperty.call(CHECKS, key)) DEV && warn(`unknown option "${key}" ignored`);
    else if (value === undefined || CHECKS[key]!(value)) options[key] = value ?? options[key];
    else DEV && invalid(key, value, defaultShown(key));
  }
  DEV && input !== undefined && !isObject(input) && warn(`options must be an object (${shown(input)}); using the defaults`);

  // CNIL: 6 months by default, 13 months at most (sources at DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS).
  const days = options.expiresAfterDays;
  options.expiresAfterDays = Math.min(MAX_EXPIRY_DAYS, Math.max(1, days));
  DEV &&
    options.expiresAfterDays !== days &&
    warn(`option "expiresAfterDays" is outside 1..${MAX_EXPIRY_DAYS} (${days}); using ${options.expiresAfterDays}`);

  // Without a prototype: every `for…in` and `in` over them sees the configured ids only.
  const categories: Record<C, ResolvedCategory> = Object.create(null);
  const serviceCategory: Record<string, C> = Object.create(null);
  const services: Record<string, ResolvedService> = Object.create(null);
  const optional: C[] = [];
  const given: Record<string, any> = options.categories ?? DEFAULT_CATEGORIES;
  for (const id of keysOf(given)) {
    const config = given[id];
    if (!isId(id) || !isObject(config)) {
      DEV && warn(`category "${id}" is not valid (an id of letters, digits, "_", "-" and an object; got ${shown(config)}); ignored`);
      continue;
    }
    const cookies = toMatchers(config.cookies, `category "${id}"`);
    // Essential means essential: a tracker needs consent (ePrivacy art. 5(3); CNIL guidelines
    // of 17 September 2020, art. 2), so a "required" category holding one is made optional.
    let tracks = cookies?.some(isTracker);
    for (const service of keysOf(config.services)) {
      if (isId(service) && !(service in serviceCategory)) {
        const own = isObject(config.services[service]) ? config.services[service] : {};
        serviceCategory[service] = id as C;
        services[service] = { ...own, cookies: toMatchers(own.cookies, `service "${service}"`), declared: own.cookies };
        tracks ||= !!(services[service]!.cookies?.some(isTracker) || own.hosts?.length || TRACKER_SERVICES.test(service));
      }
      else DEV && warn(`service id "${service}" is not valid or used twice; ignored`);
    }
    const required = !!config.required && !tracks;
    if (DEV && config.required && tracks) {
      console.error(
        `[instria-consent] category "${id}" is required but holds analytics or advertising trackers (known cookies or services, or \`hosts\`), which need consent; it is optional instead`,
      );
    }
    categories[id as C] = { ...config, required, cookies, declared: config.cookies };
    if (!required) optional.push(id as C);
  }

  const cookie = options.cookie ?? {};
  let domain: string | undefined = isString(cookie.domain) && cookie.domain ? cookie.domain : undefined;
  // A domain that does not cover this page makes the cookie unwritable: fall back to host-only.
  const bare = domain?.replace(/^\./, '');
  if (bare && isBrowser() && !(bare.includes('.') && `.${location.hostname}`.endsWith(`.${bare}`))) {
    DEV && warn(`cookie.domain "${domain}" does not cover this page's host; the cookie is host-only`);
    domain = undefined;
  }
  const field = (name: string, valid: Check, fallback: string): string => {
    if (cookie[name] === undefined || valid(cookie[name])) return cookie[name] ?? fallback;
    DEV && invalid(`cookie.${name}`, cookie[name], shown(fallback));
    return fallback;
  };

  // Resolved once, here: every file of the SDK (UI, placeholder, records) reads the result.
  if (isBrowser()) options.language = uiLanguage(options as ResolvedOptions);
  return {
    ...options,
    categories,
    optional,
    serviceCategory,
    services,
    cookie: {
      name: field('name', (v) => ID_PATTERN.test(v), COOKIE_NAME),
      domain,
      path: field('path', (v) => isString(v) && v[0] === '/', '/'),
      sameSite: field('sameSite', oneOf('Lax', 'Strict', 'None'), 'Lax'),
    },
    googleConsentMode: options.googleConsentMode === true ? {} : options.googleConsentMode || false,
  } as unknown as ResolvedOptions<C>;
}
