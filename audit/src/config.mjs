// The site's consent configuration (`--config`): read from the file the site already has (a
// script that sets `window.InstriaConsentConfig`, an ES module that exports it, or JSON), then
// compared with what the audit saw: what it declares but never appeared, and what appeared
// that no category or service declares, with a `categories` snippet to paste.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { types } from 'node:util';
import vm from 'node:vm';
import { matchesHost, matchesName } from './classify.mjs';
import { knownItem } from './known.mjs';

/**
 * Reads a configuration file. A plain script runs in an empty sandbox with a `window` object
 * (no DOM, one second at most) and gives `window.InstriaConsentConfig`; an ES module gives its
 * default export (or `config`); `.json` is parsed.
 * @param {string} file
 * @returns {Promise<Record<string, any>>}
 */
export async function loadConfig(file) {
  const path = resolve(file);
  const text = await readFile(path, 'utf8');
  if (path.endsWith('.json')) return JSON.parse(text);
  if (path.endsWith('.mjs') || /^\s*export\s/m.test(text)) {
    const module = await import(pathToFileURL(path).href);
    const config = module.default ?? module.config;
    if (!config || typeof config !== 'object') throw new Error(`${file} exports no configuration (export default { categories: … })`);
    return config;
  }
  const window = {};
  vm.runInNewContext(text, { window, self: window }, { filename: path, timeout: 1000 });
  const config = /** @type {any} */ (window).InstriaConsentConfig;
  if (!config || typeof config !== 'object') throw new Error(`${file} does not set window.InstriaConsentConfig`);
  return config;
}

/** A cookie matcher of the configuration (a name, a RegExp, or `{ name }`), as a name or a RegExp of this realm. */
function matcher(entry) {
  const value = entry && typeof entry === 'object' && !types.isRegExp(entry) ? entry.name : entry;
  if (types.isRegExp(value)) return new RegExp(value.source, value.flags);
  return typeof value === 'string' ? value : null;
}

const list = (value) => (Array.isArray(value) ? value : []);

/**
 * What the configuration declares: one entry per category (its own `cookies`) and per service
 * (`cookies`, `hosts`), and the consent cookie's name. Without `categories`, the SDK's defaults.
 * @param {Record<string, any>} config
 * @returns {import('./classify.mjs').ClassifyContext}
 */
export function declaredBy(config) {
  const categories = config.categories && typeof config.categories === 'object' ? config.categories : { essential: { required: true }, analytics: {} };
  /** @type {import('./classify.mjs').Declared[]} */
  const declared = [];
  for (const [category, options] of Object.entries(categories)) {
    const required = options?.required === true;
    declared.push({ category, service: null, label: options?.label ?? category, required, cookies: list(options?.cookies).map(matcher).filter((m) => m !== null), hosts: list(options?.hosts).filter((h) => typeof h === 'string') });
    for (const [service, serviceOptions] of Object.entries(options?.services ?? {})) {
      declared.push({
        category,
        service,
        label: serviceOptions?.label ?? service,
        required,
        cookies: list(serviceOptions?.cookies).map(matcher).filter((m) => m !== null),
        hosts: list(serviceOptions?.hosts).filter((h) => typeof h === 'string'),
      });
    }
  }
  return { consentCookie: typeof config.cookie?.name === 'string' ? config.cookie.name : 'instria_consent', declared };
}

/** A matcher as code: `'_gid'` or `/^_ga_/`. */
export const showMatcher = (m) => (typeof m === 'string' ? `'${m}'` : String(m));

/**
 * Compares the configuration with the findings of every phase of every page.
 * @param {import('./classify.mjs').ClassifyContext} context
 * @param {import('./analyze.mjs').Finding[]} findings
 */
export function compare(context, findings) {
  const cookies = findings.filter((f) => f.kind !== 'request');
  const requests = findings.filter((f) => f.kind === 'request');
  /** @type {Array<{ category: string, service: string | null, kind: 'cookie' | 'host', matcher: string }>} */
  const neverSeen = [];
  for (const entry of context.declared) {
    for (const m of entry.cookies) {
      if (!cookies.some((f) => matchesName(f.name, [m]))) neverSeen.push({ category: entry.category, service: entry.service, kind: 'cookie', matcher: showMatcher(m) });
    }
    for (const host of entry.hosts) {
      if (!requests.some((f) => matchesHost(f.name, host))) neverSeen.push({ category: entry.category, service: entry.service, kind: 'host', matcher: host });
    }
  }
  const declaredCookie = (name) => name === context.consentCookie || context.declared.some((entry) => matchesName(name, entry.cookies));
  const declaredHost = (host) => context.declared.some((entry) => entry.hosts.some((h) => matchesHost(host, h)));
  /** @type {Map<string, import('./analyze.mjs').Finding>} */
  const undeclared = new Map();
  for (const f of findings) {
    if (f.classification.category === 'essential' || f.classification.needsConsent === false) continue;
    if (f.kind === 'request' ? declaredHost(f.name) : declaredCookie(f.name)) continue;
    undeclared.set(`${f.kind} ${f.name}`, f);
  }
  const seen = [...undeclared.values()];
  return { neverSeen, undeclared: seen.map(({ kind, name, classification }) => ({ kind, name, vendor: classification.vendor, category: classification.category })), snippet: snippet(seen) };
}

/** A string as a single-quoted JavaScript literal. */
const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The category a known item goes into in the proposal: third-party-web's are folded into ours. */
const CATEGORY = { ad: 'marketing', social: 'marketing', video: 'marketing', 'customer-success': 'functional', 'tag-manager': 'analytics' };

/** An id for a vendor: `Microsoft Advertising (UET)` → `microsoftAdvertisingUet`. */
export function serviceId(vendor) {
  const words = vendor.normalize('NFKD').replace(/[^\w\s]/g, ' ').trim().split(/\s+/).filter(Boolean).slice(0, 4);
  const id = words.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase())).join('');
  return /^[A-Za-z]/.test(id) ? id.slice(0, 40) : `service${id}`.slice(0, 40);
}

/** The matcher to declare for a seen name: the list's prefix as a RegExp, else the name. */
function proposedMatcher(name, kind) {
  const item = knownItem(name, kind === 'cookie' ? 'cookie' : 'storage');
  if (!item || !item.name.includes('*')) return `'${name}'`;
  const [head, tail] = item.name.split('*');
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return tail ? `/^${escape(head)}.*${escape(tail)}$/` : `/^${escape(head)}/`;
}

/**
 * A `categories` snippet declaring what was seen and is not declared, one service per vendor,
 * in the category the lists give (unknown items are not proposed: someone must say what they
 * are). Hosts: the host of each request, and of the script that wrote each cookie when it is
 * on another site.
 * @param {import('./analyze.mjs').Finding[]} seen
 */
export function snippet(seen) {
  /** @type {Map<string, Map<string, { label: string, cookies: Set<string>, hosts: Set<string> }>>} */
  const categories = new Map();
  for (const f of seen) {
    const { vendor, category } = f.classification;
    if (!vendor || f.classification.needsConsent !== true) continue;
    const id = CATEGORY[category] ?? category;
    const services = categories.get(id) ?? categories.set(id, new Map()).get(id);
    const key = serviceId(vendor);
    const service = services.get(key) ?? services.set(key, { label: vendor, cookies: new Set(), hosts: new Set() }).get(key);
    if (f.kind === 'request') service.hosts.add(f.name);
    else {
      service.cookies.add(proposedMatcher(f.name, f.kind));
      const by = f.setBy?.url && /^https?:/.test(f.setBy.url) ? new URL(f.setBy.url) : null;
      if (by && f.setBy?.how === 'script' && !f.page.startsWith(by.origin)) service.hosts.add(by.hostname);
    }
  }
  if (!categories.size) return null;
  const lines = ['categories: {'];
  for (const [category, services] of categories) {
    lines.push(`  ${category}: {`, '    services: {');
    for (const [id, service] of services) {
      const parts = [`label: ${quote(service.label)}`];
      if (service.cookies.size) parts.push(`cookies: [${[...service.cookies].join(', ')}]`);
      if (service.hosts.size) parts.push(`hosts: [${[...service.hosts].map(quote).join(', ')}]`);
      lines.push(`      ${id}: { ${parts.join(', ')} },`);
    }
    lines.push('    },', '  },');
  }
  lines.push('},');
  return lines.join('\n');
}
