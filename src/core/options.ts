import { COOKIE_NAME, DEFAULT_CATEGORIES, DEFAULT_EXPIRY_DAYS, ID_PATTERN, MAX_EXPIRY_DAYS } from './constants';
import { DEV, isBrowser, warn } from './env';
import type { CategoryOptions, ConsentOptions, ResolvedOptions } from './types';

const KNOWN_OPTIONS = new Set([
  'categories', 'revision', 'expiresAfterDays', 'cookie', 'language', 'translations', 'privacyPolicyUrl',
  'gpc', 'googleConsentMode', 'recordEndpoint', 'reloadOnWithdraw', 'theme', 'widget', 'nonce', 'gating',
  'plugins', 'storage',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function pick<T>(name: string, value: unknown, valid: (v: unknown) => boolean, fallback: T): T {
  if (value === undefined) return fallback;
  if (valid(value)) return value as T;
  DEV && warn(`option "${name}" has an invalid value`, value, '- using', fallback);
  return fallback;
}

const oneOf = (...values: unknown[]) => (v: unknown) => values.includes(v);
const isBool = (v: unknown) => typeof v === 'boolean';

/** Whether `domain` can hold a cookie for the current page (it must be the host or a parent). */
function isCookieDomainValid(domain: string): boolean {
  if (!isBrowser()) return true;
  const host = location.hostname;
  const bare = domain.replace(/^\./, '');
  return bare.includes('.') && (host === bare || host.endsWith(`.${bare}`));
}

/**
 * Fills in defaults and replaces invalid values with safe ones, warning once per problem in
 * development. Never throws: a wrong configuration must not break the host page.
 */
export function resolveOptions<C extends string>(input: ConsentOptions<C> | undefined): ResolvedOptions<C> {
  const options: Partial<ConsentOptions<C>> = isObject(input) ? input : {};
  if (input !== undefined && !isObject(input)) DEV && warn('options must be an object; using defaults');
  for (const key of Object.keys(options)) if (!KNOWN_OPTIONS.has(key)) DEV && warn(`unknown option "${key}" ignored`);

  const categories = {} as Record<C, CategoryOptions>;
  const serviceCategory: Record<string, C> = {};
  const optional: C[] = [];
  const given = isObject(options.categories) ? options.categories : (DEFAULT_CATEGORIES as Record<string, CategoryOptions>);
  if (options.categories !== undefined && !isObject(options.categories)) DEV && warn('"categories" must be an object; using defaults');
  for (const id of Object.keys(given) as C[]) {
    const category = given[id];
    if (!ID_PATTERN.test(id)) {
      DEV && warn(`category id "${id}" is not valid (letters, digits, "_" and "-" only); it is ignored`);
      continue;
    }
    const config: CategoryOptions = isObject(category) ? category : {};
    if (!isObject(category)) DEV && warn(`category "${id}" must be an object`);
    categories[id] = config;
    if (!config.required) optional.push(id);
    for (const service of Object.keys(isObject(config.services) ? config.services : {})) {
      if (!ID_PATTERN.test(service)) DEV && warn(`service id "${service}" is not valid; it is ignored`);
      else if (service in serviceCategory) DEV && warn(`service id "${service}" is used twice; the second is ignored`);
      else serviceCategory[service] = id;
    }
  }

  const cookie = isObject(options.cookie) ? options.cookie : {};
  let domain = typeof cookie.domain === 'string' && cookie.domain ? cookie.domain : undefined;
  if (domain && !isCookieDomainValid(domain)) {
    DEV && warn(`cookie.domain "${domain}" does not cover this page's host; the cookie is host-only`);
    domain = undefined;
  }

  let expiresAfterDays = pick('expiresAfterDays', options.expiresAfterDays, (v) => typeof v === 'number' && v === v, DEFAULT_EXPIRY_DAYS);
  if (expiresAfterDays < 1 || expiresAfterDays > MAX_EXPIRY_DAYS) {
    DEV && warn(`expiresAfterDays ${expiresAfterDays} is outside 1..${MAX_EXPIRY_DAYS}; clamped`);
    expiresAfterDays = Math.min(MAX_EXPIRY_DAYS, Math.max(1, expiresAfterDays));
  }

  const gcm = options.googleConsentMode;
  return {
    categories,
    optional,
    serviceCategory,
    revision: pick('revision', options.revision, (v) => Number.isInteger(v) && (v as number) >= 0, 1),
    expiresAfterDays,
    cookie: {
      name: pick('cookie.name', cookie.name, (v) => typeof v === 'string' && ID_PATTERN.test(v), COOKIE_NAME),
      domain,
      path: pick('cookie.path', cookie.path, (v) => typeof v === 'string' && v.startsWith('/'), '/'),
      sameSite: pick('cookie.sameSite', cookie.sameSite, oneOf('Lax', 'Strict', 'None'), 'Lax'),
    },
    language: pick('language', options.language, (v) => typeof v === 'string' && v.length > 0, 'auto'),
    translations: pick('translations', options.translations, isObject, {}),
    privacyPolicyUrl: pick('privacyPolicyUrl', options.privacyPolicyUrl, (v) => typeof v === 'string', '/privacy'),
    gpc: pick('gpc', options.gpc, isBool, true),
    googleConsentMode: gcm === true ? {} : isObject(gcm) ? gcm : pick('googleConsentMode', gcm, isBool, false),
    recordEndpoint: pick('recordEndpoint', options.recordEndpoint, (v) => typeof v === 'string' && v.length > 0, undefined),
    reloadOnWithdraw: pick('reloadOnWithdraw', options.reloadOnWithdraw, isBool, false),
    theme: pick('theme', options.theme, oneOf('auto', 'light', 'dark'), 'auto'),
    widget: pick('widget', options.widget, oneOf('floating', 'none'), 'none'),
    nonce: pick('nonce', options.nonce, (v) => typeof v === 'string', undefined),
    gating: pick('gating', options.gating, isBool, true),
    plugins: pick('plugins', options.plugins, (v) => Array.isArray(v), []),
  };
}
