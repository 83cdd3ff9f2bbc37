// The playground's state: what the form edits, the SDK options it stands for, and its form in
// the address (`#config=…`), so that a configuration can be shared as a link. Plain data only.

/** The 26 built-in languages by their own names (as examples/shared/language-picker.js lists them). */
export const LANGUAGES = [
  ['bg', 'Български'], ['cs', 'Čeština'], ['da', 'Dansk'], ['de', 'Deutsch'], ['el', 'Ελληνικά'],
  ['en', 'English'], ['es', 'Español'], ['et', 'Eesti'], ['fi', 'Suomi'], ['fr', 'Français'],
  ['ga', 'Gaeilge'], ['hr', 'Hrvatski'], ['hu', 'Magyar'], ['is', 'Íslenska'], ['it', 'Italiano'],
  ['lt', 'Lietuvių'], ['lv', 'Latviešu'], ['mt', 'Malti'], ['nb', 'Norsk bokmål'], ['nl', 'Nederlands'],
  ['pl', 'Polski'], ['pt', 'Português'], ['ro', 'Română'], ['sk', 'Slovenčina'], ['sl', 'Slovenščina'],
  ['sv', 'Svenska'],
];

/** The strings a site most often overrides (`translations`), with their English text as a hint. */
export const TEXT_KEYS = [
  ['title', 'Cookies and similar technologies'],
  ['text', '{site} uses cookies… for: {purposes}. Refusing changes nothing…'],
  ['partners', 'Partners: {partners}.'],
  ['acceptAll', 'Accept all'],
  ['rejectAll', 'Reject all'],
  ['customize', 'Customize'],
  ['save', 'Save my choices'],
  ['policy', 'Privacy policy'],
  ['preferences', 'Cookie preferences'],
  ['intro', 'The dialog’s first paragraph'],
];

/**
 * The `--ic-*` colours and the SDK's defaults for each scheme (src/ui/styles.css; the
 * playground's end-to-end test checks these against the preview's computed colours). One
 * accent pair serves every button: Accept, Reject and Customize cannot be told apart by colour.
 */
export const COLOURS = [
  ['bg', '--ic-bg', 'Background'],
  ['fg', '--ic-fg', 'Text, links and focus ring'],
  ['accent', '--ic-accent', 'Buttons (all three) and switches on'],
  ['accentFg', '--ic-accent-fg', 'Button text'],
  ['border', '--ic-border', 'Borders and switches off'],
];
export const DEFAULT_COLOURS = {
  light: { bg: '#ffffff', fg: '#1b1b1f', accent: '#1f4fd1', accentFg: '#ffffff', border: '#767680' },
  dark: { bg: '#1e1f24', fg: '#ececf1', accent: '#a8c0ff', accentFg: '#0d1326', border: '#8e8f9a' },
};

/**
 * Vendor consent signals, each `true` or off. The ones the SDK does not know yet get its own
 * "unknown option" warning in the playground, as they would on a site.
 */
export const SIGNALS = [
  ['googleConsentMode', 'Google Consent Mode v2'],
  ['microsoftConsentMode', 'Microsoft UET Consent Mode'],
  ['clarity', 'Microsoft Clarity consent'],
  ['metaPixel', 'Meta Pixel consent'],
  ['tiktokPixel', 'TikTok Pixel consent'],
];

/**
 * Google Consent Mode's storage types a category grants, and the category that grants each when
 * no `mapping` says otherwise (src/core/integrations/google-consent-mode.ts, DEFAULT_GCM_MAPPING).
 */
export const GCM_TYPES = [
  ['ad_storage', 'marketing'],
  ['ad_user_data', 'marketing'],
  ['ad_personalization', 'marketing'],
  ['analytics_storage', 'analytics'],
  ['functionality_storage', 'functional'],
  ['personalization_storage', 'functional'],
];

/** What the form starts from: the SDK's default categories, a controller and a policy URL. */
export function defaultState() {
  return {
    controller: 'Example Shop',
    privacyPolicyUrl: '/privacy',
    language: 'auto',
    layout: 'bar',
    theme: 'auto',
    logoSrc: '',
    logoAlt: '',
    light: {},
    dark: {},
    radius: null,
    categories: [
      { id: 'essential', label: '', description: '', required: true, services: [] },
      {
        id: 'analytics',
        label: '',
        description: '',
        required: false,
        services: [{ id: 'matomo', label: 'Matomo', description: '', cookies: '' }],
      },
    ],
    texts: {},
    textsLanguage: 'en',
    signals: {},
    gcm: { mapping: {}, region: '', waitForUpdate: null, urlPassthrough: false, adsDataRedaction: true },
    cookie: { name: '', domain: '', path: '', sameSite: '' },
    matomoExempt: false,
    recordEndpoint: '',
    serverCookie: '',
    gpc: true,
    widget: 'none',
    reloadOnWithdraw: false,
    revision: null,
    expiresAfterDays: null,
  };
}

/** `' a, b '` → `['a', 'b']`. */
const list = (text) => String(text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/** Only the keys of `object` whose value is not empty. */
const filled = (object) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== '' && v != null));

/** The `categories` option: ids as keys, empty fields left out so the SDK's defaults apply. */
function categoriesOf(state) {
  const categories = {};
  for (const category of state.categories) {
    const services = {};
    for (const service of category.services) {
      services[service.id] = filled({
        label: service.label,
        description: service.description,
        cookies: list(service.cookies).length ? list(service.cookies) : undefined,
      });
    }
    categories[category.id] = filled({
      required: category.required || undefined,
      label: category.label,
      description: category.description,
      services: category.services.length ? services : undefined,
    });
  }
  return categories;
}

/** The `translations` option: per language, the texts typed in. */
function translationsOf(state) {
  const translations = {};
  for (const [lang, texts] of Object.entries(state.texts)) {
    const given = filled(texts);
    if (Object.keys(given).length) translations[lang] = given;
  }
  return translations;
}

/** `googleConsentMode`: `true`, or its options where the form changed a default. */
function consentModeOf(gcm) {
  const mapping = filled(gcm.mapping ?? {});
  const region = list(gcm.region);
  const options = filled({
    mapping: Object.keys(mapping).length ? mapping : undefined,
    region: region.length ? region : undefined,
    waitForUpdate: gcm.waitForUpdate ?? undefined,
    adsDataRedaction: gcm.adsDataRedaction === false ? false : undefined,
    urlPassthrough: gcm.urlPassthrough || undefined,
  });
  return Object.keys(options).length ? options : true;
}

/**
 * The SDK options the state stands for, in the order a reader expects them, defaults left out
 * (but the controller, the policy and the categories, which every site should set).
 */
export function toOptions(state) {
  const options = { controller: state.controller, privacyPolicyUrl: state.privacyPolicyUrl };
  if (state.language !== 'auto') options.language = state.language;
  if (state.layout !== 'bar') options.layout = state.layout;
  if (state.theme !== 'auto') options.theme = state.theme;
  if (state.logoSrc || state.logoAlt) options.logo = filled({ src: state.logoSrc, alt: state.logoAlt });
  options.categories = categoriesOf(state);
  const translations = translationsOf(state);
  if (Object.keys(translations).length) options.translations = translations;
  for (const [key] of SIGNALS) if (state.signals[key]) options[key] = key === 'googleConsentMode' ? consentModeOf(state.gcm) : true;
  if (state.matomoExempt) options.matomo = { exempt: true };
  if (state.recordEndpoint) options.recordEndpoint = state.recordEndpoint;
  if (state.serverCookie) options.serverCookie = state.serverCookie;
  const cookie = filled(state.cookie ?? {});
  if (Object.keys(cookie).length) options.cookie = cookie;
  if (state.revision != null) options.revision = state.revision;
  if (state.expiresAfterDays != null) options.expiresAfterDays = state.expiresAfterDays;
  if (!state.gpc) options.gpc = false;
  if (state.widget !== 'none') options.widget = state.widget;
  if (state.reloadOnWithdraw) options.reloadOnWithdraw = true;
  return options;
}

/** Ids given twice in one object (categories, or services of one category), which a JS object cannot hold. */
export function duplicateIds(state) {
  const twice = (ids) => ids.filter((id, i) => ids.indexOf(id) !== i);
  return [
    ...twice(state.categories.map((c) => c.id)).map((id) => ({ where: `category:${id}`, text: `category id "${id}" is given twice: the last one wins` })),
    ...state.categories.flatMap((c) =>
      twice(c.services.map((s) => s.id)).map((id) => ({ where: `service:${id}`, text: `service id "${id}" is given twice in "${c.id}": the last one wins` })),
    ),
  ];
}

/**
 * The state as the address's hash part: `config=` and base64url of the JSON (UTF-8) of what
 * differs from {@link defaultState}, so that a link stays short.
 */
export function encodeState(state) {
  const defaults = defaultState();
  const changed = Object.fromEntries(Object.entries(state).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(defaults[key])));
  const bytes = new TextEncoder().encode(JSON.stringify(changed));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `config=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The state of a hash made by {@link encodeState}, over the defaults; the defaults if unreadable. */
export function decodeState(hash) {
  const state = defaultState();
  const match = /(?:^#?|&)config=([\w-]+)/.exec(hash);
  if (!match) return state;
  try {
    const binary = atob(match[1].replace(/-/g, '+').replace(/_/g, '/'));
    const parsed = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    for (const key in state) if (parsed && typeof parsed[key] === typeof state[key] && parsed[key] !== null) state[key] = parsed[key];
    // Numbers may be unset (null) in the state: kept as given when they are numbers.
    for (const key of ['revision', 'expiresAfterDays', 'radius']) if (typeof parsed?.[key] === 'number') state[key] = parsed[key];
    // Every category and service as the form draws it, whatever a hand-edited link holds.
    const objects = (value) => (Array.isArray(value) ? value.filter((v) => v && typeof v === 'object') : []);
    state.categories = objects(state.categories).map((category) => ({
      ...{ id: '', label: '', description: '', required: false },
      ...category,
      services: objects(category.services).map((service) => ({ ...{ id: '', label: '', description: '', cookies: '' }, ...service })),
    }));
    // What goes into the snippet's CSS unquoted must be a colour or a number: a shared link must
    // not slip a rule or a `</style>` into the code someone copies. Texts only by language code.
    for (const scheme of ['light', 'dark']) {
      state[scheme] = Object.fromEntries(Object.entries(state[scheme]).filter(([name, value]) => name in DEFAULT_COLOURS.light && /^#[0-9a-f]{6}$/i.test(value)));
    }
    if (!Number.isFinite(state.radius)) state.radius = null;
    if (!LANGUAGES.some(([code]) => code === state.textsLanguage)) state.textsLanguage = 'en';
    state.texts = Object.fromEntries(Object.entries(state.texts).filter(([lang, texts]) => /^[a-z]{2,3}$/.test(lang) && texts && typeof texts === 'object'));
  } catch {
    return defaultState();
  }
  return state;
}
