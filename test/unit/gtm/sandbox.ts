import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A harness of the Google Tag Manager sandbox, for gtm/template.tpl: it takes the template's
 * sandboxed code and permissions from the file, and runs the code with `require` giving the
 * sandbox APIs it uses, each as Google documents it, and each checked against the template's
 * declared permissions as Tag Manager checks them (an undeclared cookie, global, consent type or
 * script URL throws, as a permission error stops a template's run in GTM). It is a harness, not
 * GTM: the real import is checked by hand (docs/gtm.md). Documented behaviour followed:
 * See: https://developers.google.com/tag-platform/tag-manager/templates/api
 * See: https://developers.google.com/tag-platform/tag-manager/templates/permissions
 * See: https://developers.google.com/tag-platform/tag-manager/templates/consent-apis
 */

/** The sections of a .tpl file by their `___NAME___` header. */
export function templateSections(path = join(__dirname, '../../../gtm/template.tpl')): Record<string, string> {
  const sections: Record<string, string> = {};
  const parts = readFileSync(path, 'utf8').split(/^___([A-Z_]+)___$/m);
  for (let i = 1; i < parts.length; i += 2) sections[parts[i]!] = parts[i + 1]!.trim();
  return sections;
}

type Value = { type: number; string?: string; boolean?: boolean; listItem?: Value[]; mapKey?: Value[]; mapValue?: Value[] };

/** A permission parameter as a plain value: strings, booleans, lists and maps. */
function plain(value: Value): unknown {
  if (value.type === 1) return value.string;
  if (value.type === 8) return value.boolean;
  if (value.type === 2) return value.listItem!.map(plain);
  if (value.type === 3) return Object.fromEntries(value.mapKey!.map((key, i) => [plain(key), plain(value.mapValue![i]!)]));
  throw new Error(`permission value of type ${value.type}`);
}

/** The declared permissions: publicId → parameter name → value. */
export function permissionsOf(json: string): Record<string, Record<string, any>> {
  const out: Record<string, Record<string, any>> = {};
  for (const { instance } of JSON.parse(json)) {
    out[instance.key.publicId] = Object.fromEntries(instance.param.map((p: { key: string; value: Value }) => [p.key, plain(p.value)]));
  }
  return out;
}

/**
 * Whether `url` matches an inject_script pattern: https only; the host exact, `*` for any or
 * `*.example.com` for its sub-domains; a path ending in `/` covers every path below it.
 */
export function urlAllowed(url: string, pattern: string): boolean {
  const u = new URL(url);
  const p = /^https:\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!p || u.protocol !== 'https:') return false;
  const [, host, path] = p;
  const hostOk = host === '*' || host === u.host || (host!.startsWith('*.') && u.host.endsWith(host!.slice(1)));
  return hostOk && (path!.endsWith('/') ? u.pathname.startsWith(path!) : u.pathname === path);
}

/** One call the template made to a sandbox API, in order. */
export type Call = [api: string, ...args: unknown[]];

export interface RunOptions {
  /** The tag's fields (`data`), as GTM passes them: strings, with gtmOnSuccess/gtmOnFailure added. */
  data: Record<string, unknown>;
  /** Cookies of the page by name (several values for one name, as getCookieValues returns them). */
  cookies?: Record<string, string[]>;
  /** The page's `window` globals the template reads, writes and calls. */
  window?: Record<string, any>;
  /** What loading an injected script does (define `InstriaConsent`…); false: it fails to load. */
  load?: (url: string, window: Record<string, any>) => boolean | void;
  /** The time getTimestampMillis gives. */
  now?: number;
}

/** Deep copy, as values cross the sandbox boundary (functions are wrapped, not copied). */
const copy = (value: unknown): any => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** Runs the template's sandboxed code; resolves once injected scripts have loaded or failed. */
export async function runTemplate(options: RunOptions): Promise<{ calls: Call[]; window: Record<string, any>; result: 'success' | 'failure' | 'pending' }> {
  const sections = templateSections();
  const permissions = permissionsOf(sections.WEB_PERMISSIONS!);
  const win = options.window ?? {};
  const calls: Call[] = [];
  let result: 'success' | 'failure' | 'pending' = 'pending';
  const pending: Promise<void>[] = [];

  const denied = (what: string) => {
    throw new Error(`permission denied: ${what}`);
  };
  const globalAccess = (key: string, kind: 'read' | 'write' | 'execute') =>
    (permissions.access_globals?.keys ?? []).some((entry: any) => entry.key === key && entry[kind]) || denied(`${kind} ${key}`);
  const consentWrite = (state: Record<string, unknown>) => {
    for (const type in state) {
      if (type === 'region') continue;
      (permissions.access_consent?.consentTypes ?? []).some((entry: any) => entry.consentType === type && entry.write) || denied(`write consent ${type}`);
    }
  };

  const apis: Record<string, unknown> = {
    setDefaultConsentState(state: Record<string, unknown>) {
      consentWrite(state);
      calls.push(['setDefaultConsentState', copy(state)]);
    },
    updateConsentState(state: Record<string, unknown>) {
      consentWrite(state);
      calls.push(['updateConsentState', copy(state)]);
    },
    getCookieValues(name: string, decode = true) {
      const allowed = permissions.get_cookies;
      (allowed?.cookieAccess === 'any' || allowed?.cookieNames?.includes(name)) || denied(`cookie ${name}`);
      const values = options.cookies?.[name] ?? [];
      calls.push(['getCookieValues', name]);
      return decode ? values.map(decodeURIComponent) : [...values];
    },
    injectScript(url: string, onSuccess: () => void, onFailure: () => void, cacheToken?: string) {
      (permissions.inject_script?.urls ?? []).some((pattern: string) => urlAllowed(url, pattern)) || denied(`inject ${url}`);
      calls.push(['injectScript', url, cacheToken]);
      // Asynchronous, as a script element's load.
      pending.push(
        new Promise<void>((resolve) => setTimeout(resolve)).then(() => ((options.load?.(url, win) ?? true) === false ? onFailure() : onSuccess())),
      );
    },
    callInWindow(path: string, ...args: unknown[]) {
      globalAccess(path, 'execute');
      const parts = path.split('.');
      const owner = parts.slice(0, -1).reduce((object, part) => object?.[part], win as any);
      const fn = owner?.[parts.at(-1)!];
      calls.push(['callInWindow', path, ...args.map((arg) => (typeof arg === 'function' ? '<function>' : copy(arg)))]);
      // Sandbox functions reach the page wrapped; what the page passes back arrives as a copy.
      const wrapped = args.map((arg) => (typeof arg === 'function' ? (...inner: unknown[]) => (arg as (...a: unknown[]) => unknown)(...inner.map(copy)) : copy(arg)));
      return typeof fn === 'function' ? copy(fn.apply(owner, wrapped)) : undefined;
    },
    copyFromWindow(key: string) {
      globalAccess(key, 'read');
      return copy(win[key]);
    },
    setInWindow(key: string, value: unknown, overrideExisting = false) {
      globalAccess(key, 'write');
      calls.push(['setInWindow', key, copy(value), overrideExisting]);
      if (win[key] !== undefined && !overrideExisting) return false;
      win[key] = copy(value);
      return true;
    },
    createQueue(key: string) {
      globalAccess(key, 'read');
      globalAccess(key, 'write');
      return (value: unknown) => {
        calls.push(['dataLayer.push', copy(value)]);
        (win[key] ??= []).push(copy(value));
      };
    },
    getTimestampMillis: () => options.now ?? Date.now(),
    logToConsole(...args: unknown[]) {
      permissions.logging || denied('logging');
      calls.push(['logToConsole', ...args]);
    },
    makeInteger: (value: unknown) => Math.trunc(Number(value)),
    makeNumber: (value: unknown) => Number(value),
    Object: { keys: Object.keys, values: Object.values, entries: Object.entries, freeze: Object.freeze, delete: (o: any, k: string) => delete o[k] },
  };

  const data = {
    ...options.data,
    gtmOnSuccess: () => (result = 'success'),
    gtmOnFailure: () => (result = 'failure'),
  };
  const require = (name: string) => {
    if (!(name in apis)) throw new Error(`the harness has no sandbox API "${name}"`);
    return apis[name];
  };
  // The sandbox has no window, document or global objects: they are shadowed here.
  const run = new Function('require', 'data', 'window', 'document', 'globalThis', 'self', 'JSON', 'Math', sections.SANDBOXED_JS_FOR_WEB_TEMPLATE!);
  run(require, data, undefined, undefined, undefined, undefined, undefined, undefined);
  await Promise.all(pending);
  return { calls, window: win, result };
}
