import { atom } from 'nanostores';
import { KNOWN_ANALYTICS, KNOWN_MARKETING, clearTrackers } from './cleanup';
import { decodeDecision, encodeDecision, isDecisionValid, type StoredDecision } from './codec';
import { EVENT_PREFIX } from './constants';
import { DEV, isBrowser, safe, warn } from './env';
import { resolveOptions } from './options';
import type {
  Consent,
  ConsentChange,
  ConsentOptions,
  ConsentState,
  ConsentStorage,
  Method,
  MountUI,
  NameMatcher,
  Plugin,
  ResolvedOptions,
  UIView,
} from './types';

/** Category ids when `categories` is not configured. */
export type DefaultCategory = 'essential' | 'analytics';

/** What an entry point adds to the engine: where decisions are kept, add-ons, the UI. */
export interface EngineSetup {
  /** Builds the default store from the resolved options (a user's `storage` option wins). */
  storage?: (options: ResolvedOptions) => ConsentStorage;
  /** Add-ons derived from the options (integrations, gating), installed before the user's. */
  plugins?: (options: ResolvedOptions) => Plugin[];
  /** Loads the UI when it is first needed; headless setups leave it out. */
  loadUI?: () => Promise<MountUI>;
}

type Flags = Record<string, boolean>;

const freeze = Object.freeze;
const keys = Object.keys as <T extends object>(o: T) => (keyof T & string)[];

/** Keys whose value differs between two flag maps. */
const diff = (a: Flags, b: Flags): string[] => keys(b).filter((key) => a[key] !== b[key]);

/** A random consent id: a UUID where available, else 128 random bits in hex. */
const newConsentId = (): string =>
  crypto.randomUUID?.() ??
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => (b + 256).toString(16).slice(1)).join('');

/** The state for a decision (or for none: every optional category refused). */
function toState<C extends string>(options: ResolvedOptions<C>, decision: StoredDecision | null): ConsentState<C> {
  const categories: Flags = {};
  const services: Flags = {};
  for (const id of keys(options.categories)) {
    categories[id] = !!options.categories[id].required || decision?.categories[id] === true;
  }
  for (const service of keys(options.serviceCategory)) {
    const category = options.serviceCategory[service]!;
    services[service] = options.categories[category].required ? true : decision?.services[service] ?? categories[category]!;
  }
  return freeze({
    decided: !!decision,
    categories: freeze(categories),
    services: freeze(services),
    id: decision?.id ?? null,
    decidedAt: decision?.time ?? null,
    revision: options.revision,
    method: decision?.method ?? null,
  }) as ConsentState<C>;
}

/**
 * Cookies and storage keys to remove: those of whole `categories` (theirs, their services', the
 * built-in lists for `analytics` and `marketing`) and those of single `services`.
 */
function trackersOf(options: ResolvedOptions, categories: string[], services: string[]): NameMatcher[] {
  const names: NameMatcher[] = [];
  const add = (list?: readonly NameMatcher[]) => list && names.push(...list);
  for (const id of categories) {
    const config = options.categories[id]!;
    add(config.cookies);
    add(id === 'analytics' ? KNOWN_ANALYTICS : id === 'marketing' ? KNOWN_MARKETING : undefined);
    for (const service in config.services) add(config.services[service]!.cookies);
  }
  for (const service of services) add(options.services[service]!.cookies);
  return names;
}

/** Keeps the decision for this page only: the SSR default and the last fallback. */
function pageStorage(): ConsentStorage {
  let value: string | null = null;
  return { read: () => value, write: (v) => ((value = v), true), clear: () => (value = null) };
}

/**
 * The consent engine behind every entry point's `createConsent`: the visitor's decision, kept
 * in `setup.storage`, with actions to change it, events when it changes, and the UI state.
 * Safe to call during SSR: it then reports no decision and does nothing.
 */
export function createConsentEngine<const C extends string = DefaultCategory>(
  input?: ConsentOptions<C>,
  setup: EngineSetup = {},
): Consent<C> {
  const options = resolveOptions(input) as ResolvedOptions;
  const browser = isBrowser();
  const storage = (browser && (input?.storage ?? setup.storage?.(options))) || pageStorage();
  const $state = atom<ConsentState>(toState(options, null));
  const $view = atom<UIView>('hidden');
  const listeners: Record<string, Set<(payload: any) => void>> = {};
  const teardowns: (() => void)[] = [];
  let stored: string | null = null;
  let destroyed = !browser;
  let unmountUI: (() => void) | undefined;
  let channel: BroadcastChannel | null = null;

  const emit = (event: string, payload: unknown) => {
    for (const fn of [...(listeners[event] ?? [])]) safe(() => fn(payload), undefined);
    safe(() => dispatchEvent(new CustomEvent(EVENT_PREFIX + event, { detail: payload })), true);
  };

  /** Moves to `next`, removes what was withdrawn, and tells everyone. */
  function apply(next: ConsentState, local?: boolean): void {
    const prev = $state.get();
    const categories = diff(prev.categories, next.categories);
    const services = diff(prev.services, next.services);
    const withdrawn = categories.filter((id) => prev.categories[id]);
    const withdrawnServices = services.filter((id) => prev.services[id]);
    $state.set(next);
    clearTrackers(trackersOf(options, withdrawn, withdrawnServices));
    if (!next.decided) return;
    const reloadRecommended = prev.decided && withdrawn.length + withdrawnServices.length > 0;
    if (!prev.decided) emit('first-consent', next);
    emit('consent', next);
    if (categories.length + services.length) {
      emit('change', freeze({ state: next, changed: freeze({ categories, services }), reloadRecommended }) as ConsentChange);
    }
    if (reloadRecommended && local && options.reloadOnWithdraw) setTimeout(() => location.reload());
  }

  /** Records a decision made here: stores it, applies it, tells the other tabs. */
  function decide(categories: Flags, services: Flags, method: Method): void {
    if (destroyed) return;
    const decision: StoredDecision = {
      id: $state.get().id ?? newConsentId(),
      time: Date.now(),
      revision: options.revision,
      method,
      categories: {},
      services: {},
    };
    for (const id of options.optional) decision.categories[id] = !!categories[id];
    for (const service in options.serviceCategory) decision.services[service] = !!services[service];
    stored = encodeDecision(decision);
    if (!storage.write(stored, options.expiresAfterDays)) DEV && warn('the decision could not be stored; it lasts for this page only');
    $view.set('hidden');
    apply(toState(options, decision), true);
    safe(() => channel?.postMessage(1), undefined);
  }

  /** Reads the stored decision; returns it only if it still counts. */
  function readStored(): StoredDecision | null {
    const decision = decodeDecision((stored = storage.read()));
    if (DEV && stored !== null && !decision) warn('the stored decision is malformed; asking again');
    return decision && isDecisionValid(decision, { ...options, now: Date.now() }) ? decision : null;
  }

  /** Picks up a decision made in another tab, or a reset there. */
  function sync(): void {
    if (destroyed || storage.read() === stored) return;
    const decision = readStored();
    apply(toState(options, decision));
    if (!decision) $view.set('banner');
  }

  /** Every optional category (`value`), every service of `only` categories or of all. */
  const all = (value: boolean, only?: string[]): [Flags, Flags] => {
    const categories: Flags = {};
    const services: Flags = {};
    for (const id of only ?? options.optional) categories[id] = value;
    for (const service in options.serviceCategory) {
      if (options.serviceCategory[service]! in categories) services[service] = value;
    }
    return [categories, services];
  };

  const instance: Consent = {
    options,
    state: $state,
    view: $view,
    granted: (category, service) =>
      service === undefined
        ? $state.get().categories[category] === true
        : options.serviceCategory[service] === category && $state.get().services[service] === true,
    acceptAll: () => decide(...all(true), 'accept-all'),
    rejectAll: () => decide(...all(false), 'reject-all'),
    set(choices, extra) {
      const state = $state.get();
      const categories = { ...state.categories };
      const services = { ...state.services };
      for (const id in choices) {
        if (!options.optional.includes(id)) {
          DEV && warn(`set(): "${id}" is not an optional category; ignored`);
          continue;
        }
        const [own, theirs] = all(!!choices[id], [id]);
        Object.assign(categories, own);
        Object.assign(services, theirs);
      }
      for (const service in extra?.services) {
        if (service in options.serviceCategory) services[service] = !!extra!.services[service];
        else DEV && warn(`set(): unknown service "${service}" ignored`);
      }
      decide(categories, services, 'custom');
    },
    withdraw() {
      decide(...all(false), 'withdraw');
      if (!destroyed) clearTrackers(trackersOf(options, [...options.optional], []));
    },
    whenGranted(category, fn, service) {
      const ready = () => instance.granted(category, service) && (off(), safe(fn, undefined), true);
      const off = $state.listen(ready);
      ready();
      return off;
    },
    on(event, fn) {
      (listeners[event] ??= new Set()).add(fn);
      return () => listeners[event]!.delete(fn);
    },
    showBanner: () => !destroyed && $view.set('banner'),
    showPreferences: () => !destroyed && $view.set('preferences'),
    hide: () => $view.set('hidden'),
    reset() {
      if (destroyed) return;
      storage.clear();
      stored = null;
      apply(toState(options, null));
      safe(() => channel?.postMessage(0), undefined);
      $view.set('banner');
    },
    destroy() {
      destroyed = true;
      for (const teardown of teardowns.splice(0)) safe(teardown, undefined);
      for (const event in listeners) listeners[event]!.clear();
      unmountUI?.();
      $view.set('hidden');
    },
  };

  if (destroyed) return instance as unknown as Consent<C>;

  // Add-ons first, so that defaults (Google Consent Mode) precede everything else.
  for (const plugin of [...(setup.plugins?.(options) ?? []), ...options.plugins]) {
    const teardown = safe(() => plugin(instance), undefined);
    if (teardown) teardowns.push(teardown);
  }

  // The UI is loaded the first time it is needed, never for a visitor who already decided.
  let uiRequested = false;
  teardowns.push(
    $view.listen((view) => {
      if (view === 'hidden' || uiRequested || !setup.loadUI) return;
      uiRequested = true;
      setup
        .loadUI()
        .then((mount) => {
          if (!destroyed) unmountUI = mount(instance);
        })
        .catch((error) => {
          // Fail closed: nothing is granted without the UI. Kept in production builds.
          console.warn('[instria-consent] the consent UI could not be loaded; nothing is granted.', error);
        });
    }),
  );

  // Other tabs: a BroadcastChannel message, and a re-read whenever this tab is shown again.
  channel = safe(() => new BroadcastChannel(EVENT_PREFIX + options.cookie.name), null);
  if (channel) {
    channel.onmessage = sync;
    teardowns.push(() => channel!.close());
  }
  const onVisible = () => document.visibilityState === 'visible' && sync();
  document.addEventListener('visibilitychange', onVisible);
  teardowns.push(() => document.removeEventListener('visibilitychange', onVisible));

  const decision = readStored();
  if (decision) {
    $state.set(toState(options, decision));
    // Let code that subscribes right after createConsent() receive the first event.
    queueMicrotask(() => !destroyed && emit('consent', $state.get()));
  } else if (options.gpc && navigator.globalPrivacyControl === true) {
    // GPC is a refusal of optional purposes, with no banner (SPEC: gpc).
    queueMicrotask(() => $state.get().decided || decide(...all(false), 'gpc'));
  } else {
    $view.set('banner');
  }
  // Trackers left from an earlier consent that is now refused or expired go at once.
  clearTrackers(trackersOf(options, options.optional.filter((id) => !$state.get().categories[id]), []));
  return instance as unknown as Consent<C>;
}
