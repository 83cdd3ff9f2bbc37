import { safe } from '../env';
import type { Consent } from '../types';

/** `[host, service id]` pairs from the services' `hosts` options. */
export type Hosts = [string, string][];

/**
 * Every `[host, service]` pair the options list; auto-blocking is installed only if there is one.
 * @example hostsOf(consent.options) // [['googletagmanager.com', 'ga4']]
 */
export function hostsOf(options: Consent['options']): Hosts {
  const hosts: Hosts = [];
  for (const service in options.services) {
    for (const host of options.services[service]!.hosts ?? []) {
      hosts.push([host.toLowerCase(), service]);
    }
  }
  return hosts;
}

/**
 * The service whose `hosts` include the host of `url` or one of its parents, if any.
 * @example serviceOfUrl([['google-analytics.com', 'ga4']], 'https://www.google-analytics.com/g/collect') // 'ga4'
 */
export function serviceOfUrl(hosts: Hosts, url: string): string | undefined {
  const host = safe(() => new URL(url, location.href).hostname, '');
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

/** Where an insertion method would have put its nodes: `[parent, node before which]`. */
type Where = (self: any, reference?: any) => [Node | null, Node | null];

/** The element/attribute pairs that fetch a URL (as `"TAG name"`): held when set. */
const URL_SETTERS = /^((IMG|SCRIPT|IFRAME) src|LINK href)$/i;

/**
 * Holds back what other scripts send to a listed host while its service has no consent, and
 * lets it go, in the order it was asked for, once the service is granted:
 * - `<script>`, `<iframe>` and `<img>` elements with a URL, inserted with `appendChild`,
 *   `insertBefore`, `append`, `prepend`, or `before`, `after`, `replaceWith` on an element, or
 *   `insertAdjacentElement` (inserted later where they were meant to go);
 * - a URL set on an `<img>`, `<script>`, `<iframe>` (`src`) or `<link>` (`href`), through the
 *   property or `setAttribute`, in the document or not (set later on the same element);
 * - HTML given to `innerHTML`, `outerHTML`, `insertAdjacentHTML` or
 *   `Range#createContextualFragment`: an element with such a URL comes out as a gated one
 *   (`data-src`, `data-consent`, `data-service`), activated by gating once granted;
 * - `fetch` (the promise waits, then settles with the real response), `XMLHttpRequest#send`
 *   (sent later), `navigator.sendBeacon` (dropped, returns true).
 * Once the service is refused, what waits is dropped: a waiting `fetch` rejects with a
 * `TypeError`, as a failed request or an ad blocker would make it; an XHR stays unsent and fires
 * no event; a beacon reports `true` so the caller does not fall back to another channel.
 * Returns the teardown, which restores everything patched, and `blocker`, the service that
 * blocks an element now.
 *
 * Why patch instead of observe: a script-inserted script is prepared (fetched, then run) as soon
 * as it is connected, before any MutationObserver callback. See: https://github.com/whatwg/html/issues/7882
 * and yett's approach, https://github.com/elbywan/yett/blob/master/src/monkey.js
 * An image fetches as soon as its `src` is set, connected or not, hence the setters.
 * See: https://html.spec.whatwg.org/multipage/images.html#update-the-image-data
 */
export function autoBlock(consent: Consent, hosts: Hosts): [() => void, (node: any) => string | undefined] {
  const { serviceCategory } = consent.options;
  /** What waits for a service: `[service, what to do once granted, what to do once refused]`, in order. */
  const held: [string, () => void, (() => void)?][] = [];
  const restore: (() => void)[] = [];
  const N = Node.prototype;
  const E = Element.prototype;
  const insertBefore = N.insertBefore;
  const html = Object.getOwnPropertyDescriptor(E, 'innerHTML')!;
  const granted = (service: string) => consent.granted(serviceCategory[service]!, service);

  /** The service that holds `url` back now; `undefined` when it may load. */
  const blocks = (url: unknown) => {
    const service = serviceOfUrl(hosts, url as string);
    return service && !granted(service) ? service : undefined;
  };
  const blocker = (node: any) => (node?.nodeType === 1 && /^(SCRIPT|IFRAME|IMG)$/.test(node.tagName) && node.src ? blocks(node.src) : undefined);
  /** Keeps `go` for when `service` is granted; runs `drop` instead once the visitor has refused. */
  const later = (service: string, go: () => void, drop?: () => void) =>
    consent.state.get().decided ? drop?.() : held.push([service, go, drop]);
  /** Holds `node` back if it must not go in now; true when held (or dropped). */
  const hold = (node: Node, [parent, reference]: [Node | null, Node | null]) => {
    const service = blocker(node);
    // The reference node may be gone by then: the end of the intended parent instead.
    if (service) later(service, () => insertBefore.call(parent, node, reference?.parentNode === parent ? reference : null));
    return !!service;
  };
  /** Replaces `target[name]` with `make(original)` until the teardown. */
  const swap = (target: any, name: string, make: (original: any) => any) => {
    const original = target[name];
    if (original) {
      target[name] = make(original);
      restore.push(() => (target[name] = original));
    }
  };
  /** Same for an accessor property: `set(original setter)` is the new setter. */
  const setter = (target: any, name: string, set: (original: (value: any) => void) => (value: any) => void) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    if (descriptor?.set) {
      Object.defineProperty(target, name, { ...descriptor, set: set(descriptor.set) });
      restore.push(() => Object.defineProperty(target, name, descriptor));
    }
  };
  /** Patches an insertion method; `at` is the index of the node for those that insert one. */
  const insertion = (proto: any, name: string, where: Where, at?: number) =>
    swap(proto, name, (original) => function (this: any, ...args: any[]) {
      const place = where(this, args[1]);
      if (at === undefined) return original.apply(this, args.filter((node) => !hold(node, place)));
      return hold(args[at], place) ? args[at] : original.apply(this, args);
    });
  /** Sets a URL now, or once its service is granted. */
  const url = (value: unknown, set: () => void) => {
    const service = blocks(value);
    service ? later(service, set) : set();
  };
  /** `markup` with the elements that would fetch a blocked URL turned into gated ones. */
  const clean = (markup: unknown) => {
    // Most HTML names no listed host: left as it is, unparsed. (A TrustedHTML object, too.)
    if (typeof markup !== 'string' || !hosts.some(([host]) => markup.toLowerCase().includes(host))) return markup;
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

  insertion(N, 'appendChild', (parent) => [parent, null], 0);
  insertion(N, 'insertBefore', (parent, reference) => [parent, reference], 0);
  insertion(E, 'append', (parent) => [parent, null]);
  insertion(E, 'prepend', (parent) => [parent, parent.firstChild]);
  // insertAdjacentElement: the same call, later (nothing is inserted if its anchor has no parent then).
  swap(E, 'insertAdjacentElement', (original) => function (this: Element, ...args: [InsertPosition, Element]) {
    const service = blocker(args[1]);
    return service ? (later(service, () => original.apply(this, args)), args[1]) : original.apply(this, args);
  });
  insertion(E, 'before', (self) => [self.parentNode, self]);
  insertion(E, 'after', (self) => [self.parentNode, self.nextSibling]);
  insertion(E, 'replaceWith', (self) => [self.parentNode, self.nextSibling]);

  for (const [type, name] of [[HTMLImageElement, 'src'], [HTMLScriptElement, 'src'], [HTMLIFrameElement, 'src'], [HTMLLinkElement, 'href']] as const) {
    setter(type.prototype, name, (set) => function (this: Element, value) {
      url(value, () => set.call(this, value));
    });
  }
  swap(E, 'setAttribute', (setAttribute) => function (this: Element, name: string, value: string) {
    const set = () => setAttribute.call(this, name, value);
    URL_SETTERS.test(`${this.tagName} ${name}`) ? url(value, set) : set();
  });
  for (const name of ['innerHTML', 'outerHTML']) {
    setter(E, name, (set) => function (this: Element, value) {
      set.call(this, clean(value));
    });
  }
  // Their HTML is the last argument.
  for (const [proto, name] of [[E, 'insertAdjacentHTML'], [Range.prototype, 'createContextualFragment']] as const) {
    swap(proto, name, (original) => function (this: unknown, ...args: unknown[]) {
      args.push(clean(args.pop()));
      return original.apply(this, args);
    });
  }

  swap(window, 'fetch', (fetch) => function (this: unknown, ...args: any[]) {
    const service = blocks(args[0]?.url ?? args[0]);
    return service
      ? new Promise((resolve, reject) =>
          later(service, () => resolve(fetch.apply(this, args)), () => reject(new TypeError(`Failed to fetch: no consent for ${service}`))),
        )
      : fetch.apply(this, args);
  });
  // An XHR's URL is known at open(), and it leaves at send().
  const X = XMLHttpRequest.prototype;
  swap(X, 'open', (open) => function (this: XMLHttpRequest & { _icUrl?: unknown }, ...args: any[]) {
    this._icUrl = args[1];
    return open.apply(this, args);
  });
  swap(X, 'send', (send) => function (this: XMLHttpRequest & { _icUrl?: unknown }, ...args: any[]) {
    url(this._icUrl, () => send.apply(this, args));
  });
  // A beacon is dropped, never queued: it is sent as a page goes away, so "later" would be
  // another page. `true` (accepted) keeps callers from falling back to another channel.
  swap(Navigator.prototype, 'sendBeacon', (beacon) => function (this: Navigator, ...args: any[]) {
    return !!blocks(args[0]) || beacon.apply(this, args);
  });

  restore.push(
    consent.state.listen((state) => {
      if (!state.decided) return;
      for (const [service, go, drop] of held.splice(0)) {
        if (granted(service)) safe(go, undefined);
        else drop?.();
      }
    }),
  );
  return [() => restore.forEach((undo) => undo()), blocker];
}
