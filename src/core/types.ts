import type { ReadableAtom } from 'nanostores';
import type { Messages } from './messages';
import type { VENDOR_OPTIONS } from './constants';

/** A cookie or storage-key name, or a pattern that matches several (`/^_ga_/`). */
export type NameMatcher = string | RegExp;

/**
 * What a privacy policy must publish about a cookie or a service (CNIL guidelines of
 * 17 September 2020, art. 2 and §§ 22-26): who sets it, why, and for how long.
 */
export interface Disclosure {
  /** Why it is used, in a few words. */
  purpose?: string;
  /** How long it is kept, in words: `'13 months'`, `'session'`. */
  duration?: string;
  /** Who sets it or receives its data: `'Google'`. Default: the service's label, else the controller. */
  provider?: string;
}

/**
 * A cookie or storage key with what the privacy policy says about it.
 * @example { name: /^_ga_/, purpose: 'Counts visits', duration: '13 months', provider: 'Google' }
 */
export interface CookieDeclaration extends Disclosure {
  name: NameMatcher;
}

/** A cookie as a category or service lists it: a name, a pattern, or a {@link CookieDeclaration}. */
export type CookieEntry = NameMatcher | CookieDeclaration;

/**
 * One row of the cookie table a privacy policy publishes; see `consent.inventory()`.
 * A service that declares no cookie has one row with an empty `name`.
 */
export interface InventoryRow {
  /** Cookie or storage-key name; a pattern reads `_ga_*`. */
  readonly name: string;
  readonly provider: string;
  readonly purpose: string;
  readonly duration: string;
  /** Category id. */
  readonly category: string;
  /** Service id, for a service's cookies. */
  readonly service?: string;
}

/** How a decision was made; stored with it and sent in consent records. */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'gpc' | 'withdraw';

/** @deprecated Renamed {@link ConsentMethod} in 0.2; this alias goes in 1.0. */
export type Method = ConsentMethod;

/** Category ids when `categories` is not configured: `essential` (required) and `analytics`. */
export type DefaultCategory = 'essential' | 'analytics';

/**
 * What the UI layer should show. Headless apps render their own UI from it. `notice`: the
 * small note that a Global Privacy Control signal was applied (no choice asked).
 */
export type UIView = 'hidden' | 'banner' | 'preferences' | 'notice';

/**
 * One service (vendor or tool) inside a category.
 * @example { label: 'Google Analytics', cookies: [/^_ga/, '_gid'], hosts: ['googletagmanager.com'] }
 */
export interface ServiceOptions extends Disclosure {
  /** Name shown in the banner's partners line, the preferences dialog and embed placeholders. */
  label?: string;
  /** One-line description shown under the label. */
  description?: string;
  /** Cookies and storage keys this service writes; removed when it is withdrawn. */
  cookies?: readonly CookieEntry[];
  /** Hosts it loads from: injected tags whose URL matches are held until consent. */
  hosts?: readonly string[];
}

/**
 * One purpose the visitor can accept or refuse.
 * @example { label: 'Analytics', services: { ga4: { label: 'Google Analytics' } } }
 */
export interface CategoryOptions extends Disclosure {
  /**
   * Always granted and shown as "Always active"; the visitor cannot refuse it. Refused (the
   * category stays optional, with a development error) when it lists `hosts` or known
   * analytics/advertising cookies or services: consent is required for those (ePrivacy art. 5(3)).
   */
  required?: boolean;
  /** Name shown in the preferences dialog. */
  label?: string;
  /** One-line description shown under the label. */
  description?: string;
  /** Services of this category, keyed by a service id unique across categories. */
  services?: Record<string, ServiceOptions>;
  /** Cookies and storage keys of this category; removed when it is withdrawn. */
  cookies?: readonly CookieEntry[];
}

/** A category after validation: `cookies` are names or patterns, `declared` what was given. */
export interface ResolvedCategory extends Omit<CategoryOptions, 'cookies'> {
  readonly cookies?: readonly NameMatcher[];
  readonly declared?: readonly CookieEntry[];
}

/** A service after validation: `cookies` are names or patterns, `declared` what was given. */
export interface ResolvedService extends Omit<ServiceOptions, 'cookies'> {
  readonly cookies?: readonly NameMatcher[];
  readonly declared?: readonly CookieEntry[];
}

/** Options of the consent cookie. */
export interface CookieOptions {
  /** Cookie name. Default `instria_consent`. */
  name?: string;
  /** Set to share the decision across sub-domains, e.g. `instria.fr`. Default: host-only. */
  domain?: string;
  /** Default `/`. */
  path?: string;
  /** Default `Lax`. */
  sameSite?: 'Lax' | 'Strict' | 'None';
}

/** Mapping of Google Consent Mode types to category ids; see the README. */
export interface GoogleConsentModeOptions {
  /** Which category grants which consent type. Unmapped types stay `denied`. */
  mapping?: Partial<Record<GoogleConsentType, string>>;
  /** Milliseconds Google tags wait for an update after the default. Default 500. */
  waitForUpdate?: number;
  /** ISO 3166-2 regions the default applies to (a second, global default stays denied). */
  region?: string[];
  /** `gtag('set', 'ads_data_redaction', …)`. Default true. */
  adsDataRedaction?: boolean;
  /** `gtag('set', 'url_passthrough', …)`. Default false. */
  urlPassthrough?: boolean;
}

/** The storage types of Google Consent Mode v2. */
export type GoogleConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

/**
 * Which category grants which of a vendor's consent signals, merged over the vendor's defaults
 * (see docs/integrations.md): `{ mapping: { ad_storage: 'ads' } }`.
 */
export interface VendorSignalOptions<K extends string = string> {
  mapping?: Partial<Record<K, string>>;
}

/**
 * A site's strings for one language: any key of the built-in strings, `site` (the name that
 * `{site}` stands for in the banner's text), and per category `C` its name (key `id`) and
 * description (key `id.d`). A misspelt key does not compile.
 * @example const fr: Translations<'analytics'> = { acceptAll: 'OK pour moi', analytics: 'Statistiques' };
 */
export type Translations<C extends string = string> = Partial<Messages> & { site?: string } & { [K in C | `${C}.d`]?: string };

/**
 * What the consent engine reads, in every entry: the options of the headless
 * `@instria/consent/core`, whose integrations are add-ons listed in `plugins`. `C` is the union
 * of category ids, inferred from `categories`.
 * @example createConsent({ categories: { essential: { required: true }, analytics: {} }, plugins: [gating()] })
 */
export interface EngineOptions<C extends string = string> {
  /** Purposes offered. Default: `essential` (required) and `analytics` (opt-in). */
  categories?: Record<C, CategoryOptions>;
  /** Raise when the policy changes materially: every stored decision is asked again. Default 1. */
  revision?: number;
  /** Days a decision (acceptance or refusal) is kept before asking again. Default 182, at most 395. */
  expiresAfterDays?: number;
  /** The consent cookie. */
  cookie?: CookieOptions;
  /** `auto` (page `lang`, then browser languages, then English) or a language code. */
  language?: string;
  /** Per-language overrides of UI strings: `{ fr: { acceptAll: 'OK pour moi' } }`. */
  translations?: Record<string, Translations<NoInfer<C>>>;
  /** Your privacy policy, which the banner and dialog link to and consent records name. Default `/privacy`. */
  privacyPolicyUrl?: string;
  /**
   * Who decides what the cookies are for (GDPR art. 4(7)), named by the banner: `'Instria'`.
   * Default: the page's host name (a development build warns when it is unset).
   */
  controller?: string;
  /** Honour Global Privacy Control as a refusal of optional categories. Default true. */
  gpc?: boolean;
  /**
   * Matomo (a service with id `matomo`). Default: Matomo measures nothing before consent
   * (`requireConsent`). `{ exempt: true }`: the CNIL-exempt mode, cookieless measurement before
   * consent (`requireCookieConsent`), only for a Matomo set up as the README's "Matomo" lists.
   */
  matomo?: { exempt?: boolean };
  /** Reload the page after a withdrawal so scripts that already ran are gone. Default false. */
  reloadOnWithdraw?: boolean;
  /** Add-ons that plug into the instance (integrations, gating, UI loaders). */
  plugins?: Plugin[];
  /** Where the decision is kept. Default: cookie, else localStorage, else memory. */
  storage?: ConsentStorage;
}

/**
 * Options of `createConsent` from `@instria/consent` and of the script tag: the engine's, and
 * the integrations and UI these entries set up themselves. (`@instria/consent/core` takes
 * {@link EngineOptions}: there the integrations are plugins, and the UI is yours.)
 * @example createConsent({ categories: { essential: { required: true }, analytics: {} }, revision: 2 })
 */
export interface ConsentOptions<C extends string = string> extends EngineOptions<C> {
  /** Google Consent Mode v2. Default false. Headless: `plugins: [googleConsentMode(options)]`. */
  googleConsentMode?: boolean | GoogleConsentModeOptions;
  /**
   * Microsoft UET Consent Mode (`ad_storage` from `marketing`). Default false. Script tag:
   * `instria-consent.vendors.js` before the SDK's tag (docs/integrations.md). Headless: `plugins: [microsoftConsentMode()]`.
   */
  microsoftConsentMode?: boolean | VendorSignalOptions<'ad_storage'>;
  /** Microsoft Clarity's consent API v2 (`analytics_Storage` from `analytics`, `ad_Storage` from `marketing`). Default false. */
  clarity?: boolean | VendorSignalOptions<'analytics_Storage' | 'ad_Storage'>;
  /** Meta Pixel's consent switch (`consent` from `marketing`). Default false. */
  metaPixel?: boolean | VendorSignalOptions<'consent'>;
  /** TikTok Pixel's consent switch (`consent` from `marketing`). Default false. */
  tiktokPixel?: boolean | VendorSignalOptions<'consent'>;
  /** URL receiving a JSON proof-of-consent record after each decision. Headless: `plugins: [consentRecords(url)]`. */
  recordEndpoint?: string;
  /**
   * A same-origin URL (`'/consent-cookie'`) the SDK posts the encoded decision to after each
   * decision (and reset), whose answer sets the consent cookie from the server
   * (`consentCookieHandler` of `@instria/consent/server`): Safari keeps a cookie written by
   * script 7 days at most, one set by the server its full `expiresAfterDays`. The script's cookie
   * is written first either way. Script tag: `data-server-cookie`. Default: none.
   */
  serverCookie?: string;
  /** UI colour scheme. Default `auto` (follows `prefers-color-scheme`). */
  theme?: 'auto' | 'light' | 'dark';
  /**
   * The banner's shape: `bar` (default), across the bottom of the window; `box`, a card in the
   * bottom corner on screens wider than 640 px (the bar below). Script tag: `data-layout`.
   */
  layout?: 'bar' | 'box';
  /**
   * An image shown in the banner and the dialog's header: `{ src: '/logo.svg', alt: 'Instria' }`
   * (an image URL, so a strict CSP needs it in `img-src`). Default: none.
   */
  logo?: { src: string; alt: string };
  /** `floating` adds a small "Cookie preferences" button for sites without a footer link. */
  widget?: 'floating' | 'none';
  /** CSP nonce for any `<style>`/`<script>` the SDK creates. Default: the SDK tag's own nonce. */
  nonce?: string;
  /** Set up declarative gating of `data-consent` elements. Default true in browsers. Headless: `plugins: [gating()]`. */
  gating?: boolean;
}

/** The visitor's decision as the app sees it. Frozen; a new object on every change. */
export interface ConsentState<C extends string = string> {
  /**
   * A valid decision exists (made now, or stored and still valid). Stays true while something
   * added since is `pending`: the decision still holds for what it covered.
   */
  readonly decided: boolean;
  /** Granted or refused, per category id. Required categories are always true. */
  readonly categories: Readonly<Record<C, boolean>>;
  /** Granted or refused, per service id. */
  readonly services: Readonly<Record<string, boolean>>;
  /** Random id of this visitor's decision; the key of consent records. */
  readonly id: string | null;
  /** Time of the decision, in milliseconds since the epoch. */
  readonly decidedAt: number | null;
  /** The policy revision the decision was made under. */
  readonly revision: number;
  /** How the decision was made. */
  readonly method: ConsentMethod | null;
  /**
   * What the decision does not cover: categories added to the options since it was made (with
   * their services), and services added since to a category it granted. Undecided, so not
   * granted; the banner asks for them alone. Empty when nothing is pending or nothing is decided.
   * @example consent.state.get().pending // { categories: ['marketing'], services: ['ads'] }
   */
  readonly pending: { readonly categories: readonly C[]; readonly services: readonly string[] };
}

/** Payload of the `change` event. */
export interface ConsentChange<C extends string = string> {
  readonly state: ConsentState<C>;
  /** Categories and services whose grant changed. */
  readonly changed: { readonly categories: readonly C[]; readonly services: readonly string[] };
  /** Something was withdrawn after it was granted: scripts that ran cannot be unloaded. */
  readonly reloadRecommended: boolean;
}

/** Events and their payloads. */
export interface ConsentEvents<C extends string = string> {
  /** On each load with a valid decision, and after each decision. */
  consent: ConsentState<C>;
  /** After a decision that changed a grant (also from another tab). */
  change: ConsentChange<C>;
  /** The visitor's first decision. */
  'first-consent': ConsentState<C>;
}

/** Choices for `set`: per category, optionally per service. */
export type ConsentChoices<C extends string = string> = Partial<Record<C, boolean>>;

/** A consent instance: the model, its actions, and the UI state. */
export interface Consent<C extends string = string> {
  /** The options in effect (defaults filled in, invalid values replaced). */
  readonly options: ResolvedOptions<C>;
  /** The decision. A nanostores atom: `state.get()`, `state.subscribe(fn)`. */
  readonly state: ReadableAtom<ConsentState<C>>;
  /** What the UI should show. */
  readonly view: ReadableAtom<UIView>;
  /** Whether `category` (and `service` of it, if given) may be used now. */
  granted(category: C, service?: string): boolean;
  /**
   * Grant every optional category and every service, replacing every earlier choice (refusals
   * too). The banner, when only new items are `pending`, decides those alone with `set()`.
   */
  acceptAll(): void;
  /**
   * Refuse every optional category and every service, replacing every earlier choice. The
   * banner, when only new items are `pending`, refuses those alone with `set()`.
   */
  rejectAll(): void;
  /**
   * Decide per category (with all its services), and per service with `{ services: { ga4: false } }`;
   * everything not named keeps its choice, and what is `pending` and not named stays pending.
   */
  set(choices: ConsentChoices<C>, extra?: { services?: Record<string, boolean> }): void;
  /** Refuse every optional category and clear their cookies and storage. */
  withdraw(): void;
  /** Run `fn` once, now or when `category` (or its `service`) is granted. Returns an unsubscribe. */
  whenGranted(category: C, fn: () => void, service?: string): () => void;
  /** Listen to an event. Returns an unsubscribe. */
  on<E extends keyof ConsentEvents<C>>(event: E, fn: (payload: ConsentEvents<C>[E]) => void): () => void;
  /** Show the first layer. */
  showBanner(): void;
  /** Open the preferences dialog. */
  showPreferences(): void;
  /** Close whatever UI is shown, deciding nothing. */
  hide(): void;
  /**
   * The cookie table a privacy policy publishes (name, provider, purpose, duration, category),
   * built from the options, the consent cookie included. A promise: the script tag loads the
   * code with its decision file. Render it with `renderCookieTable`. It settles only in a
   * browser, on a live instance: on a server or at build time, call `cookieTable(options)`.
   * @example renderCookieTable(await consent.inventory())
   */
  inventory(): Promise<InventoryRow[]>;
  /** Forget the stored decision (support, tests): the banner shows again. */
  reset(): void;
  /** Remove UI, observers and listeners. The instance does nothing afterwards. */
  destroy(): void;
}

/** The options of the vendor signals beyond Google (`src/core/integrations/vendors.ts`). */
export type VendorOption = (typeof VENDOR_OPTIONS)[number];

/** Options after defaults and validation. */
export interface ResolvedOptions<C extends string = string>
  extends Required<
    Omit<ConsentOptions<C>, 'cookie' | 'categories' | 'recordEndpoint' | 'serverCookie' | 'nonce' | 'storage' | 'googleConsentMode' | 'controller' | 'matomo' | 'layout' | 'logo' | VendorOption>
  > {
  /**
   * The language shown, resolved once at start: the `language` option, or for `auto` the page's
   * `<html lang>`, then the browser's languages, among the built-in languages and those of
   * `translations`, else `en` (also when a language file could not be loaded).
   */
  language: string;
  /** Unset: the bar. */
  readonly layout?: 'bar' | 'box';
  readonly logo?: { src: string; alt: string };
  readonly categories: Record<C, ResolvedCategory>;
  /** Unset: the banner names the page's host. */
  readonly controller?: string;
  readonly matomo?: { exempt?: boolean };
  readonly cookie: Required<Omit<CookieOptions, 'domain'>> & { domain?: string };
  readonly googleConsentMode: false | GoogleConsentModeOptions;
  readonly microsoftConsentMode?: ConsentOptions['microsoftConsentMode'];
  readonly clarity?: ConsentOptions['clarity'];
  readonly metaPixel?: ConsentOptions['metaPixel'];
  readonly tiktokPixel?: ConsentOptions['tiktokPixel'];
  readonly recordEndpoint?: string;
  readonly serverCookie?: string;
  readonly nonce?: string;
  /** Category ids the visitor can refuse. */
  readonly optional: readonly C[];
  /** Service id → its category id. */
  readonly serviceCategory: Readonly<Record<string, C>>;
  /** Service id → its options. */
  readonly services: Readonly<Record<string, ResolvedService>>;
}

/**
 * An add-on. Called once while the instance is created, before the stored decision is
 * applied (so it can set defaults first); may return a teardown run by `destroy()`.
 */
export type Plugin = (consent: Consent) => void | (() => void);

/** Mounts the UI for an instance; returns an unmount. Provided by the UI chunk. */
export type MountUI = (consent: Consent) => () => void;

/**
 * Where the encoded decision is kept. The core defines it; `src/storage/` implements it.
 * Implementations never throw.
 */
export interface ConsentStorage {
  /** The stored value, or null. */
  read(): string | null;
  /** Store `value` for `days`. Returns false if it could not be stored. */
  write(value: string, days: number): boolean;
  /** Remove the value. */
  clear(): void;
}
