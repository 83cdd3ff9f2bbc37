import { DEV, safe, warn } from '../env';
import type { Consent } from '../types';

/** `[host, service id]` pairs from the services' `hosts` options. */
export type Hosts = [string, string][];

/**
 * The host of `url` as the URL parser writes it, so that a listed host and a requested URL
 * compare alike: lower case, IDN as punycode, no port, no trailing dot (`Tracker.Example.test.`
 * is `tracker.example.test`). `''` when it has none.
 * See: https://url.spec.whatwg.org/#host-parsing
 */
const hostOf = (url: unknown, base?: string): string => safe(() => new URL(url as string, base).hostname.replace(/\.$/, ''), '');

/**
 * Every `[host, service]` pair the options list; auto-blocking is installed only if there is one.
 * An entry that is not a host name (`42`, `null`, `''`) is dropped alone, with a development
 * warning: the other entries, and gating itself, keep working.
 * @example hostsOf(consent.options) // [['googletagmanager.com', 'ga4']]
 */
export function hostsOf(options: Consent['options']): Hosts {
  const hosts: Hosts = [];
  for (const service in options.services) {
    const list = options.services[service]!.hosts;
    for (const entry of [list ?? []].flat()) {
      const host = typeof entry == 'string' && hostOf(`http://${entry}`);
      if (host) hosts.push([host, service]);
      else DEV && warn(`service "${service}": hosts entry ${JSON.stringify(entry)} is not a host name; ignored`);
    }
  }
  return hosts;
}

/**
 * The service whose `hosts` include the host of `url` or one of its parents, if any.
 * @example serviceOfUrl([['google-analytics.com', 'ga4']], 'https://www.google-analytics.com/g/collect') // 'ga4'
 */
export function serviceOfUrl(hosts: Hosts, url: unknown): string | undefined {
  const host = hostOf(url, location.href);
  return host ? hosts.find(([h]) => host === h || host.endsWith(`.${h}`))?.[1] : undefined;
}

/**
 * Makes `element` a gated one of `service` (see gating): a script gets `type="text/plain"`, its
 * own type kept in `data-type`.
 */
export function gate(element: HTMLElement, category: string, service: string): void {
  const { dataset } = element;
  dataset.consent = category;
  dataset.service = service;
  if (element.tagName === 'SCRIPT') {
    const script = element as HTMLScriptElement;
    if (script.type) dataset.type = script.type;
    script.type = 'text/plain';
  }
}

/** Replaces `target[name]` with `make(original)`; `restore` gets the undo. */
function swap(restore: (() => void)[], target: any, name: string, make: (original: any) => any): void {
  const original = target[name];
  if (original) {
    target[name] = make(original);
    restore.push(() => (target[name] = original));
  }
}

/** Same for an accessor property: `set(original setter)` is the new setter. */
function setter(restore: (() => void)[], target: any, name: string, set: (original: (value: any) => void) => (value: any) => void): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, name);
  if (descriptor?.set) {
    Object.defineProperty(target, name, { ...descriptor, set: set(descriptor.set) });
    restore.push(() => Object.defineProperty(target, name, descriptor));
  }
}

/** The element/attribute pairs that fetch a URL (as `"TAG name"`): held when set. */
const URL_SETTERS = /^((IMG|SCRIPT|IFRAME) src|LINK href)$/i;

/**
 * Holds back what other scripts send to a listed host while its service has no consent, and
 * lets it go, in the order it was asked for, once the service is granted:
 * - a URL set on an `<img>`, `<script>`, `<iframe>` (`src`) or `<link>` (`href`), through the
 *   property or `setAttribute`, in the document or not: the URL is set later on the same
 *   element. A tag built by script thus carries no listed URL when it is inserted, whatever
 *   the insertion method (`appendChild`, `insertBefore`, `append`, `before`, `after`,
 *   `replaceWith`, `insertAdjacentElement`…), so insertion methods are not patched;
 * - HTML given to `innerHTML` or `insertAdjacentHTML`: an element with such a URL comes out as
 *   a gated one (`data-src`, `data-consent`, `data-service`), activated by gating once granted;
 * - `fetch` (the promise waits, then settles with the real response), `XMLHttpRequest#send`
 *   (sent later), `navigator.sendBeacon` (dropped, returns true).
 * Once the service is refused, what waits is dropped: a waiting `fetch` rejects with a
 * `TypeError`, as a failed request or an ad blocker would make it; an XHR stays unsent and fires
 * no event; a beacon reports `true` so the caller does not fall back to another channel.
 * Returns the teardown, which restores everything patched, and `blocks`, the service that
 * holds a URL back now, if any (gating uses it for parser-inserted scripts).
 *
 * Why patch instead of observe: a script-inserted script is prepared (fetched, then run) as soon
 * as it is connected, before any MutationObserver callback, so its URL must not be there yet.
 * See: https://github.com/whatwg/html/issues/7882 and yett's approach,
 * https://github.com/elbywan/yett/blob/master/src/monkey.js
 * An image fetches as soon as its `src` is set, connected or not, hence the setters.
 * See: https://html.spec.whatwg.org/multipage/images.html#update-the-image-data
 */
export function autoBlock(consent: Consent, hosts: Hosts): [() => void, (url: unknown) => string | undefined] {
  const { serviceCategory } = consent.options;
  /** What waits for a service: `[service, what to do once granted, what to do once refused]`, in order. */
  const held: [string, () => void, (() => void)?][] = [];
  const restore: (() => void)[] = [];
  const E = Element.prototype;
  const html = Object.getOwnPropertyDescriptor(E, 'innerHTML')!;
  const granted = (service: string) => consent.granted(serviceCategory[service]!, service);

  /** The service that holds `url` back now; `undefined` when it may load. */
  const blocks = (url: unknown) => {
    const service = serviceOfUrl(hosts, url);
    return service && !granted(service) ? service : undefined;
  };
  /** Whether the visitor is still to be asked about `service`: no decision yet, or it is pending. */
  const asking = (service: string) => {
    const { decided, pending } = consent.state.get();
    return !decided || pending.services.includes(service);
  };
  /** Keeps `go` for when `service` is granted; runs `drop` instead once the visitor has refused. */
  const later = (service: string, go: () => void, drop?: () => void) => (asking(service) ? held.push([service, go, drop]) : drop?.());
  /** Sets a URL now, or once its service is granted. */
  const url = (value: unknown, set: () => void, service = blocks(value)) => (service ? later(service, set) : set());
  /** `markup` with the elements that would fetch a blocked URL turned into gated ones. */
  const clean = (markup: unknown) => {
    // HTML that sets no URL is left as it is, unparsed (a TrustedHTML object, too). Not a search
    // for the host names: a URL can spell its host with entities, capitals or in Unicode.
    if (typeof markup !== 'string' || !/(src|href)\s*=/i.test(markup)) return markup;
    // Template contents are inert: nothing in them loads while they are looked at.
    const template = document.createElement('template');
    html.set!.call(template, markup);
    let changed = 0;
    for (const element of template.content.querySelectorAll<HTMLElement>('[src],link[href]')) {
      const name = element.hasAttribute('src') ? 'src' : 'href';
      const value = element.getAttribute(name)!;
      const service = blocks(value);
      if (service) {
        changed = 1;
        element.removeAttribute(name);
        element.dataset[name] = value;
        gate(element, serviceCategory[service]!, service);
      }
    }
    return changed ? html.get!.call(template) : markup;
  };

  for (const [type, name] of [[HTMLImageElement, 'src'], [HTMLScriptElement, 'src'], [HTMLIFrameElement, 'src'], [HTMLLinkElement, 'href']] as const) {
    setter(restore, type.prototype, name, (set) => function (this: Element, value) {
      url(value, () => set.call(this, value));
    });
  }
  swap(restore, E, 'setAttribute', (setAttribute) => function (this: Element, name: string, value: string) {
    const set = () => setAttribute.call(this, name, value);
    URL_SETTERS.test(`${this.tagName} ${name}`) ? url(value, set) : set();
  });
  setter(restore, E, 'innerHTML', (set) => function (this: Element, value) {
    set.call(this, clean(value));
  });
  swap(restore, E, 'insertAdjacentHTML', (insert) => function (this: Element, position: string, markup: string) {
    return insert.call(this, position, clean(markup));
  });

  swap(restore, window, 'fetch', (fetch) => function (this: unknown, ...args: any[]) {
    const service = blocks(args[0]?.url ?? args[0]);
    return service
      ? new Promise((resolve, reject) =>
          later(service, () => resolve(fetch.apply(this, args)), () => reject(new TypeError(`Failed to fetch: no consent for ${service}`))),
        )
      : fetch.apply(this, args);
  });
  // An XHR's URL is known at open(), and it leaves at send().
  const X = XMLHttpRequest.prototype;
  swap(restore, X, 'open', (open) => function (this: XMLHttpRequest & { _icUrl?: unknown }, ...args: any[]) {
    this._icUrl = args[1];
    return open.apply(this, args);
  });
  swap(restore, X, 'send', (send) => function (this: XMLHttpRequest & { _icUrl?: unknown }, ...args: any[]) {
    url(this._icUrl, () => send.apply(this, args));
  });
  // A beacon is dropped, never queued: it is sent as a page goes away, so "later" would be
  // another page. `true` (accepted) keeps callers from falling back to another channel.
  swap(restore, Navigator.prototype, 'sendBeacon', (beacon) => function (this: Navigator, ...args: any[]) {
    return !!blocks(args[0]) || beacon.apply(this, args);
  });

  restore.push(
    consent.state.listen((state) => {
      if (!state.decided) return;
      for (const item of held.splice(0)) {
        const [service, go, drop] = item;
        if (granted(service)) safe(go);
        // A service still pending (added since the decision) stays held until it is decided.
        else if (asking(service)) held.push(item);
        else drop?.();
      }
    }),
  );
  return [() => restore.forEach((undo) => undo()), blocks];
}
