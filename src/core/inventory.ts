import { DEV, isBrowser, warn } from './env';
import { resolveOptions } from './options';
import type { ConsentOptions, CookieEntry, Disclosure, InventoryRow, NameMatcher, ResolvedOptions } from './types';

/** Column headings of {@link renderCookieTable}, in row order. */
export type CookieTableHeadings = Record<'name' | 'provider' | 'purpose' | 'duration' | 'category', string>;

const HEADINGS: CookieTableHeadings = {
  name: 'Name',
  provider: 'Provider',
  purpose: 'Purpose',
  duration: 'Duration',
  category: 'Category',
};

/** What the table says of the consent cookie itself, an essential cookie of the controller. */
const CONSENT_COOKIE_PURPOSE = 'Remembers your cookie choices';

/**
 * A declared name as a reader understands it: `/^_ga_/` reads `_ga_*`, `/^_gid$/` reads
 * `_gid`; a pattern that is more than a prefix or suffix keeps its source, `/…/`.
 */
export function displayName(matcher: NameMatcher): string {
  if (typeof matcher === 'string') return matcher;
  const source = matcher.source;
  const core = source.replace(/^\^/, '').replace(/\$$/, '').replace(/\\\./g, '.');
  if (!/^[\w.-]*$/.test(core)) return `/${source}/`;
  return `${source[0] === '^' ? '' : '*'}${core}${source.endsWith('$') ? '' : '*'}`;
}

/** A string detail, or undefined (with a development warning) for anything else. */
function detail(from: Disclosure | undefined, key: keyof Disclosure, where: string): string | undefined {
  const value = from?.[key];
  if (value === undefined || typeof value === 'string') return value;
  DEV && warn(`${where}.${key} is invalid (${String(value)}); using the default (inherited)`);
  return undefined;
}

/**
 * The cookie table a privacy policy must publish (GDPR art. 13; CNIL guidelines of 17 September
 * 2020, §§ 22-26): one row per declared cookie or storage key — the consent cookie first — with
 * its provider, purpose, duration and category, and one row with an empty name for a service
 * that declares none. Takes the options given to `createConsent` (or `consent.options`).
 * Pure: safe on a server, where it is the way to render the table (`consent.inventory()`
 * waits for a browser).
 *
 * @example
 * cookieTable({ controller: 'Instria', categories: { analytics: { services: { ga4: {
 *   label: 'Google Analytics', cookies: [{ name: /^_ga/, duration: '13 months' }] } } } } });
 * // [{ name: 'instria_consent', provider: 'Instria', … }, { name: '_ga*', provider: 'Google Analytics', … }]
 */
export const cookieTable = (input: ConsentOptions | ResolvedOptions | undefined): InventoryRow[] =>
  inventoryOf((input as ResolvedOptions | undefined)?.optional ? (input as ResolvedOptions) : resolveOptions(input));

/** {@link cookieTable} of resolved options: what `consent.inventory()` runs, without the resolver. */
export function inventoryOf(options: ResolvedOptions): InventoryRow[] {
  const controller = options.controller ?? (isBrowser() ? location.hostname : '');
  const ids = Object.keys(options.categories);
  const rows: InventoryRow[] = [
    {
      name: options.cookie.name,
      provider: controller,
      purpose: CONSENT_COOKIE_PURPOSE,
      duration: `${options.expiresAfterDays} days`,
      category: ids.find((id) => options.categories[id]!.required) ?? 'essential',
    },
  ];
  /** Rows of the `declared` cookies of a category or service, details falling back to `own`. */
  const add = (declared: readonly CookieEntry[] | undefined, category: string, own: Disclosure, defaults: InventoryRow, where: string, service?: string) => {
    const entries = Array.isArray(declared) ? declared : [];
    const fallback = (key: keyof Disclosure) => detail(own, key, where) ?? defaults[key];
    for (const entry of entries) {
      const declaration = typeof entry === 'object' && !(entry instanceof RegExp) && entry ? entry : undefined;
      const name = declaration ? declaration.name : entry;
      if (typeof name !== 'string' && !(name instanceof RegExp)) continue; // options.ts warned
      const at = DEV ? `${where}: cookie "${displayName(name)}"` : '';
      rows.push({
        name: displayName(name),
        provider: detail(declaration, 'provider', at) ?? fallback('provider'),
        purpose: detail(declaration, 'purpose', at) ?? fallback('purpose'),
        duration: detail(declaration, 'duration', at) ?? fallback('duration'),
        category,
        ...(service && { service }),
      });
    }
    if (service && !entries.length) {
      rows.push({ name: '', provider: fallback('provider'), purpose: fallback('purpose'), duration: fallback('duration'), category, service });
    }
  };
  for (const id of ids) {
    const category = options.categories[id]!;
    const where = `category "${id}"`;
    const base: InventoryRow = {
      name: '',
      provider: detail(category, 'provider', where) ?? controller,
      purpose: detail(category, 'purpose', where) ?? category.description ?? category.label ?? id,
      duration: detail(category, 'duration', where) ?? '',
      category: id,
    };
    add(category.declared, id, {}, base, where);
    for (const service in options.serviceCategory) {
      if (options.serviceCategory[service] !== id) continue;
      const own = options.services[service]!;
      const defaults = { ...base, provider: own.label ?? service, purpose: own.description ?? base.purpose };
      add(own.declared, id, own, defaults, `service "${service}"`, service);
    }
  }
  return rows;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and quoted attributes. */
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Text safe inside a Markdown table cell: no pipe, no line break, no markup. */
const escapeMarkdown = (text: string): string => text.replace(/[\\|*_`[\]<>]/g, '\\$&').replace(/\s*\n\s*/g, ' ');

/**
 * Renders {@link cookieTable} rows for a privacy policy page: an HTML `<table>` (every value
 * escaped) or a Markdown table. An empty name (a service that declares no cookie) reads `—`.
 * `headings` translates the column titles.
 *
 * @example
 * policy.insertAdjacentHTML('beforeend', renderCookieTable(await consent.inventory()));
 * renderCookieTable(cookieTable(options), 'markdown', { name: 'Nom', purpose: 'Finalité' });
 */
export function renderCookieTable(
  rows: readonly InventoryRow[],
  format: 'html' | 'markdown' = 'html',
  headings: Partial<CookieTableHeadings> = {},
): string {
  const titles = { ...HEADINGS, ...headings };
  const columns = Object.keys(HEADINGS) as (keyof CookieTableHeadings)[];
  const cells = (row: InventoryRow) => columns.map((key) => row[key] || (key === 'name' ? '—' : ''));
  if (format === 'markdown') {
    const line = (values: string[]) => `| ${values.map(escapeMarkdown).join(' | ')} |`;
    return [line(columns.map((key) => titles[key])), `|${columns.map(() => ' --- |').join('')}`, ...rows.map((row) => line(cells(row)))].join('\n') + '\n';
  }
  const tr = (values: string[], tag: 'th scope="col"' | 'td') =>
    `<tr>${values.map((value) => `<${tag}>${escapeHtml(value)}</${tag.slice(0, 2)}>`).join('')}</tr>`;
  return (
    `<table data-part="cookie-table">\n<thead>${tr(columns.map((key) => titles[key]), 'th scope="col"')}</thead>\n<tbody>\n` +
    rows.map((row) => tr(cells(row), 'td')).join('\n') +
    '\n</tbody>\n</table>\n'
  );
}
