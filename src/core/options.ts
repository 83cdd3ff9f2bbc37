import { COOKIE_NAME, DEFAULT_CATEGORIES, DEFAULT_EXPIRY_DAYS, ID_PATTERN, MAX_EXPIRY_DAYS } from './constants';
import { DEV, isBrowser, warn } from './env';
import type { CategoryOptions, ConsentOptions, ResolvedOptions, ServiceOptions } from './types';

type Check = (value: any) => boolean;

const isObject = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isBool: Check = (v) => typeof v === 'boolean';
const isString: Check = (v) => typeof v === 'string';
const oneOf =
  (...values: unknown[]): Check =>
  (v) => values.includes(v);

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
  revision: (v) => Number.isInteger(v) && v >= 0,
  expiresAfterDays: (v) => typeof v === 'number' && v === v,
  language: isString,
  translations: isObject,
  privacyPolicyUrl: isString,
  gpc: isBool,
  recordEndpoint: isString,
  reloadOnWithdraw: isBool,
  theme: oneOf('auto', 'light', 'dark'),
  widget: oneOf('floating', 'none'),
  nonce: isString,
  gating: isBool,
  plugins: Array.isArray,
  categories: isObject,
  cookie: isObject,
  googleConsentMode: (v) => isBool(v) || isObject(v),
  storage: isObject,
  matomo: isObject,
};

/**
 * Fills in defaults and replaces invalid values with safe ones, warning once per problem in
 * development. Never throws: a wrong configuration must not break the host page.
 */
export function resolveOptions<C extends string>(input: ConsentOptions<C> | undefined): ResolvedOptions<C> {
  const options: Record<string, any> = { ...DEFAULTS };
  for (const key in isObject(input) ? input : {}) {
    const value = (input as Record<string, any>)[key];
    if (!CHECKS[key]) DEV && warn(`unknown option "${key}" ignored`);
    else if (value === undefined || CHECKS[key]!(value)) options[key] = value ?? options[key];
    else DEV && warn(`option "${key}" has an invalid value; using the default`, value);
  }
  DEV && input !== undefined && !isObject(input) && warn('options must be an object; using defaults');

  // CNIL: 6 months by default, 13 months at most (REQUIREMENTS.md item 26).
  const days = options.expiresAfterDays;
  options.expiresAfterDays = Math.min(MAX_EXPIRY_DAYS, Math.max(1, days));
  DEV && options.expiresAfterDays !== days && warn(`expiresAfterDays must be within 1..${MAX_EXPIRY_DAYS}; clamped`);

  const categories = {} as Record<C, CategoryOptions>;
  const serviceCategory: Record<string, C> = {};
  const services: Record<string, ServiceOptions> = {};
  const optional: C[] = [];
  const given: Record<string, any> = options.categories ?? DEFAULT_CATEGORIES;
  for (const id in given) {
    const config = given[id];
    if (!ID_PATTERN.test(id) || !isObject(config)) {
      DEV && warn(`category "${id}" is not valid (an id of letters, digits, "_", "-" and an object); ignored`);
      continue;
    }
    categories[id as C] = config;
    if (!config.required) optional.push(id as C);
    for (const service in isObject(config.services) ? config.services : {}) {
      if (ID_PATTERN.test(service) && !(service in serviceCategory)) {
        serviceCategory[service] = id as C;
        services[service] = isObject(config.services[service]) ? config.services[service] : {};
      }
      else DEV && warn(`service id "${service}" is not valid or used twice; ignored`);
    }
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
    DEV && warn(`cookie.${name} is invalid; using "${fallback}"`);
    return fallback;
  };

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
