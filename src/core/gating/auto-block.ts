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

/** Where an insertion method would have put its nodes: `[parent, node before which]`. */
type Where = (self: any, reference?: any) => [Node | null, Node | null];

/**
 * Holds back the `<script>`s and `<iframe>`s that other scripts insert, and the image URLs they
 * set, when their host belongs to a service without consent; inserts them (in order, where they
 * were meant to go) once it is granted, drops them once it is refused. Returns the teardown,
 * which restores the patched methods, and `blocker`, the service that blocks an element now.
 *
 * Why patch instead of observe: a script-inserted script is prepared (fetched, then run) as soon
 * as it is connected, before any MutationObserver callback. See: https://github.com/whatwg/html/issues/7882
 * and yett's approach, https://github.com/elbywan/yett/blob/master/src/monkey.js
 * An image fetches as soon as its `src` is set, connected or not, hence the `src` setter.
 * See: https://html.spec.whatwg.org/multipage/images.html#update-the-image-data
 */
export function autoBlock(consent: Consent, hosts: Hosts): [() => void, (node: any) => string | undefined] {
  const { serviceCategory } = consent.options;
  /** What waits for a service: `[service, what to do once it is granted]`, in order. */
  const held: [string, () => void][] = [];
  const restore: (() => void)[] = [];
  // The insertion methods tag snippets use (GTM, gtag, Meta pixel, Hotjar: insertBefore or
  // appendChild; newer code: append/prepend). before/after/replaceWith are left alone.
  const N = Node.prototype;
  const E = Element.prototype;
  const I = HTMLImageElement.prototype;
  const insertBefore = N.insertBefore;
  const image = Object.getOwnPropertyDescriptor(I, 'src')!;
  const granted = (service: string) => consent.granted(serviceCategory[service]!, service);

  /** The service that holds `url` back now; `undefined` when it may load. */
  const blocks = (url: string) => {
    const service = serviceOfUrl(hosts, url);
    return service && !granted(service) ? service : undefined;
  };
  const blocker = (node: any) => (node?.nodeType === 1 && /^(SCRIPT|IFRAME)$/.test(node.tagName) && node.src ? blocks(node.src) : undefined);
  /** Keeps `go` for when `service` is granted (dropped once the visitor has refused; kept while it is pending). */
  const later = (service: string, go: () => void) => {
    const { decided, pending } = consent.state.get();
    return (decided && !pending.services.includes(service)) || held.push([service, go]);
  };
  /** Holds `node` back if it must not go in now; true when held (or dropped). */
  const hold = (node: Node, [parent, reference]: [Node | null, Node | null]) => {
    const service = blocker(node);
    // The reference node may be gone by then: the end of the intended parent instead.
    if (service) later(service, () => insertBefore.call(parent, node, reference?.parentNode === parent ? reference : null));
    return !!service;
  };

  const patch = (proto: any, name: string, where: Where, single?: 1) => {
    const original = proto[name];
    proto[name] = function (this: any, ...nodes: any[]) {
      if (single) return hold(nodes[0], where(this, nodes[1])) ? nodes[0] : original.apply(this, nodes);
      const place = where(this);
      return original.apply(this, nodes.filter((node) => !hold(node, place)));
    };
    restore.push(() => (proto[name] = original));
  };
  patch(N, 'appendChild', (parent) => [parent, null], 1);
  patch(N, 'insertBefore', (parent, reference) => [parent, reference], 1);
  patch(E, 'append', (parent) => [parent, null]);
  patch(E, 'prepend', (parent) => [parent, parent.firstChild]);

  Object.defineProperty(I, 'src', {
    ...image,
    set(this: HTMLImageElement, url: string) {
      const service = blocks(url);
      if (service) later(service, () => image.set!.call(this, url));
      else image.set!.call(this, url);
    },
  });
  restore.push(
    () => Object.defineProperty(I, 'src', image),
    consent.state.listen((state) => {
      if (state.decided) for (const [service, go] of held.splice(0)) if (granted(service)) safe(go, undefined);
    }),
  );
  return [() => restore.forEach((undo) => undo()), blocker];
}
