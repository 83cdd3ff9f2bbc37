// The configuration as code a site pastes: a script-tag snippet (HTML) and `createConsent({…})`
// (JavaScript), with the `--ic-*` colours as CSS; and the preview's page, made by the same
// functions so that the preview runs what the snippet says.
import { COLOURS, DEFAULT_COLOURS, toOptions } from './model.js';

/** Where the demo serves the built files (README "Quick start: script tag": the demo's paths). */
export const SCRIPT_SRC = '/dist/instria-consent.iife.js';
/** The same script tag with the development warnings the playground shows. */
export const DEV_SCRIPT_SRC = '/dist/instria-consent.dev.iife.js';

/** A JavaScript string literal, safe inside an inline `<script>` (`</script` cannot close it). */
const quote = (text) =>
  `'${String(text)
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/<\//g, '<\\/')
    .replace(/<!--/g, '<\\!--')}'`;

/** An object key as written by hand: bare when it can be (`analytics`), quoted otherwise (`'analytics.d'`). */
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name));

/**
 * `value` as JavaScript source, indented by `indent` spaces: small objects and arrays of plain
 * values on one line, others one entry per line, as Prettier would print them.
 */
export function toSource(value, indent = 0) {
  if (typeof value === 'string') return quote(value);
  if (typeof value !== 'object' || value === null) return String(value);
  const pad = ' '.repeat(indent + 2);
  const entries = Array.isArray(value)
    ? value.map((item) => toSource(item, indent + 2))
    : Object.entries(value).map(([name, item]) => `${key(name)}: ${toSource(item, indent + 2)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (!entries.length) return `${open}${close}`;
  const inline = Array.isArray(value) ? `[${entries.join(', ')}]` : `{ ${entries.join(', ')} }`;
  const flat = Object.values(value).every((item) => typeof item !== 'object' || item === null);
  if (flat && inline.length + indent <= 72) return inline;
  return `${open}\n${entries.map((entry) => `${pad}${entry},`).join('\n')}\n${' '.repeat(indent)}${close}`;
}

/** The colours set in the form, as `--ic-*` declarations for one scheme (defaults filling the gaps). */
function declarations(state, scheme, keys) {
  return keys.map((name) => {
    const variable = COLOURS.find(([k]) => k === name)[1];
    return `${variable}: ${state[scheme][name] ?? DEFAULT_COLOURS[scheme][name]};`;
  });
}

/**
 * The CSS of the chosen look, or '' when it is the SDK's. With `theme: 'auto'` the dark
 * colours go under `prefers-color-scheme: dark` (a variable set from the page applies to both
 * schemes, docs/ui.md); `scheme` instead gives the CSS as a visitor in that scheme gets it
 * (the preview: an iframe cannot be told which scheme its visitor prefers).
 */
export function themeCss(state, scheme) {
  const auto = state.theme !== 'light' && state.theme !== 'dark';
  const schemes = auto ? ['light', 'dark'] : [state.theme];
  const keys = COLOURS.map(([name]) => name).filter((name) => schemes.some((s) => state[s][name] !== undefined));
  const rule = (lines, pad = '') => [`${pad}instria-consent {`, ...lines.map((line) => `${pad}  ${line}`), `${pad}}`];
  const radius = state.radius == null ? [] : [`--ic-radius: ${Number(state.radius)}px;`];
  const first = auto && scheme ? scheme : schemes[0];
  const base = [...declarations(state, first, keys), ...radius];
  const css = base.length ? rule(base) : [];
  if (auto && !scheme && keys.length) css.push('@media (prefers-color-scheme: dark) {', ...rule(declarations(state, 'dark', keys), '  '), '}');
  return css.join('\n');
}

/** The `data-*` attributes of the script tag, by option (src/script-tag/boot.ts reads them). */
const ATTRIBUTES = {
  privacyPolicyUrl: 'data-privacy-policy',
  controller: 'data-controller',
  language: 'data-lang',
  theme: 'data-theme',
  widget: 'data-widget',
  layout: 'data-layout',
  recordEndpoint: 'data-record-endpoint',
  serverCookie: 'data-server-cookie',
  revision: 'data-revision',
  expiresAfterDays: 'data-expires-after-days',
  googleConsentMode: 'data-google-consent-mode',
  gpc: 'data-gpc',
  reloadOnWithdraw: 'data-reload-on-withdraw',
};

const attribute = (text) => String(text).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The script-tag snippet: the CSS, `window.InstriaConsentConfig` for what has no attribute
 * (categories, texts, logo…), and the tag with the rest as `data-*` attributes.
 * `preview` makes the playground's page of it: the development script tag, and the theme as a
 * visitor in `preview.scheme` sees it.
 */
export function scriptTagSnippet(state, preview) {
  const options = toOptions(state);
  if (preview && options.theme === undefined) options.theme = preview.scheme;
  const config = {};
  let tag = `<script src="${preview ? DEV_SCRIPT_SRC : SCRIPT_SRC}"`;
  for (const [name, value] of Object.entries(options)) {
    const data = ATTRIBUTES[name];
    if (!data || (name === 'googleConsentMode' && value !== true)) config[name] = value;
    else tag += value === true ? `\n        ${data}` : `\n        ${data}="${attribute(value)}"`;
  }
  const css = themeCss(state, preview?.scheme);
  const lines = [];
  if (css) lines.push('<style>', ...css.split('\n').map((line) => `  ${line}`), '</style>');
  if (Object.keys(config).length) lines.push('<script>', `  window.InstriaConsentConfig = ${toSource(config, 2)};`, '</script>');
  lines.push(`${tag}></script>`);
  return lines.join('\n');
}

/** The npm code: `createConsent({…})` with every option, the same object the script tag gets. */
export function createConsentSnippet(state) {
  return [
    "import { createConsent } from '@instria/consent';",
    '',
    `export const consent = createConsent(${toSource(toOptions(state))});`,
  ].join('\n');
}
