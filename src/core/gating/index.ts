import { DEV, later, safe, warn } from '../env';
import { hooksOf } from '../hooks';
import type { Consent, Plugin } from '../types';
import { autoBlock, gate, hostsOf } from './auto-block';
import { placeholderFor } from './placeholder';
import { trusted } from '../trusted';

/** The elements gating looks after. */
const GATED = '[data-consent]';

/** Attributes whose `data-` form holds the real URL of an embed, image, media source or link. */
const URL_ATTRIBUTES = ['src', 'srcset', 'href'];

/**
 * Whether `element` is a script the browser already ran (no `type="text/plain"`), so before
 * consent: it is never run a second time. One with neither code nor a URL ran nothing: it waits.
 */
function ranBefore(element: HTMLElement): boolean {
  const { type, src, text } = element as HTMLScriptElement;
  const ran = element.tagName === 'SCRIPT' && type !== 'text/plain' && !!(src || text.trim());
  DEV &&
    ran &&
    warn(
      `a data-consent="${element.dataset.consent}" script without type="text/plain" ran before consent; it is not run again. Add type="text/plain" to hold it until consent`,
      element,
    );
  return ran;
}

/**
 * The live copy of a gated script: a clone with its real type, URL and code. Cloning keeps the
 * browser's own mark on a script that came in as an HTML string (`innerHTML`, `outerHTML`,
 * `insertAdjacentHTML`): such a script never runs, tagged or not, so tagging it cannot make
 * markup run. The nonce stays the element's own; the SDK never lends one.
 * See: https://html.spec.whatwg.org/multipage/scripting.html#script-processing-model ("already started")
 */
function liveCopy(script: HTMLScriptElement): HTMLScriptElement {
  const copy = script.cloneNode() as HTMLScriptElement;
  const type = script.getAttribute('data-type');
  const src = script.getAttribute('data-src') || script.getAttribute('src');
  copy.removeAttribute('type');
  copy.removeAttribute('data-type');
  if (type) copy.type = type;
  // Its URL and code go through the SDK's Trusted Types policy (./trusted.ts).
  if (src) copy.src = trusted(src);
  // The nonce attribute reads empty once the page has loaded; the property keeps it.
  // See: https://html.spec.whatwg.org/multipage/urls-and-fetching.html#nonce-attributes
  copy.nonce = script.nonce;
  copy.text = trusted(script.text, true);
  return copy;
}

/** `autoBlock`'s: the service that holds a URL back now, if any. */
type Blocks = ((url: unknown) => string | undefined) | undefined;

/**
 * Gating's queue: `track(element)` adds a `[data-consent]` element found in the page, `pump()`
 * activates what is allowed, in order, stopping at an inline script while external ones load.
 * `waiting` also takes due `whenGranted` callbacks (a function that returns the callback once
 * granted); `done` holds the elements activated and the live copies of scripts, never handled again.
 */
function queue(consent: Consent, blocks: Blocks, done: WeakSet<Node>) {
  /** Elements not activated yet, in the order they were found (document order), and callbacks. */
  const waiting = new Set<HTMLElement | (() => (() => void) | false)>();
  /** Weak: an element activated or gone is never looked up again. */
  const placeholders = new WeakMap<HTMLElement, HTMLElement>();
  const warned: Record<string, 1> = {};
  /** External scripts inserted and neither loaded nor failed yet. */
  let loading = 0;

  const allowed = (element: HTMLElement) => {
    const category = element.getAttribute('data-consent')!;
    if (DEV && !(category in consent.options.categories) && !warned[category]) {
      warned[category] = 1;
      warn(`data-consent="${category}" is not a category; the element stays inert`, element);
    }
    // A URL whose host belongs to a service still refused would be held back by auto-blocking,
    // and dropped once that service is refused: the element waits for that service too.
    const url = element.getAttribute('data-src') || element.getAttribute('src');
    return consent.granted(category, element.getAttribute('data-service') || undefined) && !(url && blocks?.(url));
  };

  const track = (element: HTMLElement) => {
    if (done.has(element) || waiting.has(element)) return;
    if (ranBefore(element)) return void done.add(element);
    waiting.add(element);
    if (element.tagName === 'IFRAME' && !allowed(element)) placeholders.set(element, placeholderFor(consent, element));
  };

  /** Activates what is allowed, in order, stopping at an inline script while scripts load. */
  const pump = () => {
    for (const element of waiting) {
      if (typeof element == 'function') {
        // A granted whenGranted callback: like an inline script, it waits for the loads before it.
        const run = element();
        if (!run) continue;
        if (loading) return;
        waiting.delete(element);
        safe(run, undefined, DEV && 'a whenGranted callback');
        continue;
      }
      const script = element.tagName === 'SCRIPT' && (element as HTMLScriptElement);
      // A `nomodule` script never fires load or error in browsers with modules: do not wait on it.
      const external = script && (script.hasAttribute('src') || script.hasAttribute('data-src')) && !script.noModule;
      if (!element.isConnected) {
        waiting.delete(element);
        placeholders.get(element)?.remove();
        continue;
      }
      if (!allowed(element)) continue;
      if (script && !external && loading) return;
      waiting.delete(element);
      done.add(element);
      if (script) {
        // A copy the page's CSP refuses (Trusted Types without our policy) stays inert.
        const copy = safe(() => liveCopy(script));
        if (!copy) continue;
        done.add(copy);
        // load or error: exactly one of them fires.
        const settle = () => (loading--, pump());
        // Without a URL (an empty data-src) it will not load: nothing to wait for.
        if (external && copy.hasAttribute('src')) {
          // Dynamic scripts are async by default: keep them in insertion order unless asked.
          copy.async = script.hasAttribute('async');
          loading++;
          copy.addEventListener('load', settle);
          copy.addEventListener('error', settle);
        }
        script.replaceWith(copy);
      } else {
        for (const name of URL_ATTRIBUTES) {
          const url = element.getAttribute(`data-${name}`);
          if (url !== null) element.setAttribute(name, url);
        }
        if (element.tagName === 'SOURCE') (element.parentNode as HTMLMediaElement | null)?.load?.();
        const placeholder = placeholders.get(element);
        if (placeholder) {
          placeholder.remove();
          element.hidden = false;
        }
      }
    }
  };

  return [waiting, track, pump] as const;
}

/**
 * Declarative gating: every `[data-consent]` element of the page, including those added later,
 * stays inert until its category (or its `data-service`) is granted, then is activated once, in
 * document order:
 * - `<script type="text/plain" data-consent="analytics" [src|data-src]>` is replaced by a live
 *   copy (every attribute and the `nonce` kept; `data-type="module"` restores the type). An
 *   inline script waits until the external ones before it have loaded or failed.
 * - `<iframe|img|video|audio|source|link data-src|data-srcset|data-href>` gets its real URL; an
 *   iframe shows a placeholder with an "Allow" button meanwhile.
 * When a service lists `hosts`, what other scripts send to those hosts (URLs they set, HTML they
 * write, fetch, XHR, beacons) is held back too (see `autoBlock`), and parser-inserted
 * `<script src>` from them are turned into gated ones.
 * Withdrawal stops further activation. `whenGranted` callbacks join the same queue: one runs
 * after the external scripts found before it have loaded. The script tag and `@instria/consent` install it by
 * default (`gating: false` turns it off); with `@instria/consent/core`, add it yourself.
 *
 * @example
 * import { createConsent, gating } from '@instria/consent/core';
 * createConsent({ plugins: [gating()] });
 */
export const gating = (): Plugin => (consent) => {
  const hosts = hostsOf(consent.options);
  // Auto-blocking failing (a browser without one of the methods it wraps) leaves the queue working.
  const [unblock, blocks] = (hosts.length && safe(() => autoBlock(consent, hosts))) || [];
  const done = new WeakSet<Node>();
  const [waiting, track, pump] = queue(consent, blocks, done);

  const scan = (root: Element | Document) => root.querySelectorAll<HTMLElement>(GATED).forEach(track);

  // Added nodes only: the subtree of each, never the whole document again.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes as NodeListOf<HTMLElement>) {
        if (node.nodeType !== 1 || done.has(node)) continue;
        // A parser-inserted <script src> from a blocked host: the parser runs this callback
        // before it prepares the script, so a new type keeps it from running.
        // See: https://github.com/whatwg/html/issues/7882 (download may still happen).
        const service = node.tagName === 'SCRIPT' && !node.dataset.consent && blocks?.((node as HTMLScriptElement).src);
        if (service) gate(node, consent.options.serviceCategory[service]!, service);
        if (node.matches(GATED)) track(node);
        if (node.firstElementChild) scan(node);
      }
    }
    pump();
  });
  observer.observe(document, { childList: true, subtree: true });
  let stopped = false;
  // The stored decision is applied right after the add-ons are installed: scan after it.
  later(() => stopped || (scan(document), pump()));
  const unlisten = consent.state.listen(pump);
  // Code-driven loading shares the order: a due `whenGranted(category, fn)` callback waits
  // behind the gated scripts already waiting, so it can rely on what they define. Chained on
  // the engine's hook (./hooks.ts), which `destroy()` unchains.
  const hooks = hooksOf(consent);
  const whenGranted = hooks.whenGranted;
  hooks.whenGranted = (category, fn, service) => {
    /** The callback, once granted. */
    const item = () => consent.granted(category, service) && fn;
    const off = whenGranted(category, () => (waiting.add(item), pump()), service);
    return () => (off(), waiting.delete(item));
  };
  return () => {
    stopped = true;
    unlisten();
    observer.disconnect();
    unblock?.();
  };
};
