import { atom } from 'nanostores';
import { KNOWN_ANALYTICS, KNOWN_MARKETING, clearTrackers } from './cleanup';
import { decodeDecision, encodeDecision, isDecisionValid, type StoredDecision } from './codec';
import { EVENT_PREFIX } from './constants';
import { DEV, isBrowser, safe, warn } from './env';
import { resolveOptions } from './options';
import type {
  Consent,
  ConsentChange,
  ConsentEvents,
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

type Listeners<C extends string> = { [E in keyof ConsentEvents<C>]: Set<(payload: ConsentEvents<C>[E]) => void> };

/** A random consent id: a UUID where available, else 128 random bits in hex. */
function newConsentId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The state for a decision (or for none: every optional category refused). */
function toState<C extends string>(options: ResolvedOptions<C>, decision: StoredDecision | null): ConsentState<C> {
  const categories = {} as Record<C, boolean>;
  const services: Record<string, boolean> = {};
  for (const id of Object.keys(options.categories) as C[]) {
    categories[id] = !!options.categories[id].required || decision?.categories[id] === true;
  }
  for (const [service, category] of Object.entries(options.serviceCategory) as [string, C][]) {
    const stored = decision?.services[service];
    services[service] = options.categories[category].required ? true : stored ?? categories[category];
  }
  return Object.freeze({
    decided: !!decision,
    categories: Object.freeze(categories),
    services: Object.freeze(services),
    id: decision?.id ?? null,
    decidedAt: decision?.time ?? null,
    revision: options.revision,
    method: decision?.method ?? null,
  });
}

/** Cookie and storage names of a whole category: its own, its services', and the built-in lists. */
function trackersOf<C extends string>(options: ResolvedOptions<C>, category: C): NameMatcher[] {
  const config = options.categories[category];
  const names: NameMatcher[] = [...(config.cookies ?? [])];
  if (category === 'analytics') names.push(...KNOWN_ANALYTICS);
  if (category === 'marketing') names.push(...KNOWN_MARKETING);
  for (const service of Object.values(config.services ?? {})) names.push(...(service.cookies ?? []));
  return names;
}

/** Keeps the decision for this page only: the SSR default and the last fallback. */
function pageStorage(): ConsentStorage {
  let value: string | null = null;
  return { read: () => value, write: (v) => ((value = v), true), clear: () => (value = null) };
}

/** What an entry point adds to the engine: where decisions are kept, add-ons, the UI. */
export interface EngineSetup {
  /** Builds the default store from the resolved options (a user's `storage` option wins). */
  storage?: (options: ResolvedOptions) => ConsentStorage;
  /** Add-ons derived from the options (integrations, gating), installed before the user's. */
  plugins?: (options: ResolvedOptions) => Plugin[];
  /** Loads the UI when it is first needed; headless setups leave it out. */
  loadUI?: () => Promise<MountUI>;
}

/**
 * Creates a consent instance: the visitor's decision, kept in a first-party cookie, with actions
 * to change it and events when it changes. Safe to call during SSR (it then does nothing).
 *
 * @example
 * const consent = createConsent({ categories: { essential: { required: true }, analytics: {} } });
 * consent.whenGranted('analytics', () => loadAnalytics());
 */
export function createConsentEngine<const C extends string = DefaultCategory>(
  input?: ConsentOptions<C>,
  setup: EngineSetup = {},
): Consent<C> {
  const options = resolveOptions(input);
  const browser = isBrowser();
  const storage = (browser && (input?.storage ?? setup.storage?.(options as ResolvedOptions))) || pageStorage();
  const $state = atom<ConsentState<C>>(toState(options, null));
  const $view = atom<UIView>('hidden');
  const listeners: Listeners<C> = { consent: new Set(), change: new Set(), 'first-consent': new Set() };
  const teardowns: (() => void)[] = [];
  let stored: string | null = null;
  let destroyed = false;
  let unmountUI: (() => void) | undefined;
  let uiRequested = false;

  function emit<E extends keyof ConsentEvents<C>>(event: E, payload: ConsentEvents<C>[E]): void {
    for (const fn of [...listeners[event]]) safe(() => fn(payload), undefined);
    if (browser) safe(() => window.dispatchEvent(new CustomEvent(EVENT_PREFIX + event, { detail: payload })), undefined);
  }

  /** Moves to `next`, cleans up what was withdrawn, and tells everyone. */
  function apply(next: ConsentState<C>, local: boolean): void {
    const prev = $state.get();
    const categories = (Object.keys(next.categories) as C[]).filter((id) => next.categories[id] !== prev.categories[id]);
    const services = Object.keys(next.services).filter((id) => next.services[id] !== prev.services[id]);
    const withdrawn = categories.filter((id) => prev.categories[id]);
    const withdrawnServices = services.filter((id) => prev.services[id]);
    $state.set(next);
    clearRefused(withdrawn, withdrawnServices);
    const reloadRecommended = prev.decided && (withdrawn.length > 0 || withdrawnServices.length > 0);
    if (!next.decided) return;
    if (!prev.decided) emit('first-consent', next);
    emit('consent', next);
    if (categories.length || services.length) {
      const change: ConsentChange<C> = Object.freeze({
        state: next,
        changed: Object.freeze({ categories: Object.freeze(categories), services: Object.freeze(services) }),
        reloadRecommended,
      });
      emit('change', change);
    }
    if (reloadRecommended && local && options.reloadOnWithdraw) setTimeout(() => location.reload(), 0);
  }

  /** Deletes the cookies and storage of refused categories and services. */
  function clearRefused(categories: C[], services: string[]): void {
    if (!browser) return;
    const names = categories.flatMap((id) => trackersOf(options, id));
    for (const service of services) {
      names.push(...(options.categories[options.serviceCategory[service]!].services?.[service]?.cookies ?? []));
    }
    clearTrackers(names);
  }

  /** Records a decision made here: stores it, applies it, tells the other tabs. */
  function decide(categories: Record<C, boolean>, services: Record<string, boolean>, method: Method): void {
    if (destroyed || !browser) return;
    const decision: StoredDecision = {
      id: $state.get().id ?? newConsentId(),
      time: Date.now(),
      revision: options.revision,
      method,
      categories: {},
      services: {},
    };
    for (const id of options.optional) decision.categories[id] = !!categories[id];
    for (const service of Object.keys(options.serviceCategory)) decision.services[service] = !!services[service];
    stored = encodeDecision(decision);
    if (!storage.write(stored, options.expiresAfterDays)) DEV && warn('the decision could not be stored; it lasts for this page only');
    $view.set('hidden');
    apply(toState(options, decision), true);
    safe(() => channel?.postMessage(stored), undefined);
  }

  /** Reads the stored decision; returns it only if it still counts. */
  function readStored(): StoredDecision | null {
    stored = storage.read();
    const decision = decodeDecision(stored);
    if (stored !== null && !decision) DEV && warn('the stored decision is malformed; asking again');
    return decision && isDecisionValid(decision, { ...options, now: Date.now() }) ? decision : null;
  }

  /** Picks up a decision made in another tab (or a reset there). */
  function sync(): void {
    if (destroyed || storage.read() === stored) return;
    const decision = readStored();
    apply(toState(options, decision), false);
    if (!decision && $view.get() === 'hidden') $view.set('banner');
  }

  const allServices = (value: boolean, only?: C[]) =>
    Object.fromEntries(
      Object.entries(options.serviceCategory)
        .filter(([, category]) => !only || only.includes(category as C))
        .map(([service]) => [service, value]),
    );
  const allCategories = (value: boolean) =>
    Object.fromEntries(options.optional.map((id) => [id, value])) as Record<C, boolean>;

  const instance: Consent<C> = {
    options,
    state: $state,
    view: $view,
    granted(category, service) {
      const state = $state.get();
      if (service === undefined) return state.categories[category] === true;
      return options.serviceCategory[service] === category && state.services[service] === true;
    },
    acceptAll: () => decide(allCategories(true), allServices(true), 'accept-all'),
    rejectAll: () => decide(allCategories(false), allServices(false), 'reject-all'),
    set(choices, extra) {
      const state = $state.get();
      const categories = { ...state.categories } as Record<C, boolean>;
      const services = { ...state.services };
      for (const id of Object.keys(choices ?? {}) as C[]) {
        if (!options.optional.includes(id)) {
          DEV && warn(`set(): "${id}" is not an optional category; ignored`);
          continue;
        }
        categories[id] = !!choices[id];
        Object.assign(services, allServices(!!choices[id], [id]));
      }
      for (const [service, value] of Object.entries(extra?.services ?? {})) {
        if (service in options.serviceCategory) services[service] = !!value;
        else DEV && warn(`set(): unknown service "${service}" ignored`);
      }
      decide(categories, services, 'custom');
    },
    withdraw() {
      decide(allCategories(false), allServices(false), 'withdraw');
      clearRefused([...options.optional], []);
    },
    whenGranted(category, fn, service) {
      if (instance.granted(category, service)) {
        safe(fn, undefined);
        return () => {};
      }
      const off = $state.listen(() => {
        if (!instance.granted(category, service)) return;
        off();
        safe(fn, undefined);
      });
      return off;
    },
    on(event, fn) {
      listeners[event].add(fn);
      return () => listeners[event].delete(fn);
    },
    showBanner: () => !destroyed && $view.set('banner'),
    showPreferences: () => !destroyed && $view.set('preferences'),
    hide: () => $view.set('hidden'),
    reset() {
      if (!browser) return;
      storage.clear();
      stored = null;
      apply(toState(options, null), true);
      safe(() => channel?.postMessage(null), undefined);
      $view.set('banner');
    },
    destroy() {
      destroyed = true;
      for (const teardown of teardowns.splice(0)) safe(teardown, undefined);
      for (const set of Object.values(listeners)) set.clear();
      unmountUI?.();
      $view.set('hidden');
    },
  };

  if (!browser) return instance;

  // Add-ons first, so that defaults (Google Consent Mode) precede everything else.
  for (const plugin of [...(setup.plugins?.(options as ResolvedOptions) ?? []), ...options.plugins]) {
    const teardown = safe(() => plugin(instance as unknown as Consent), undefined);
    if (teardown) teardowns.push(teardown);
  }

  // The UI is loaded the first time it is needed, never for a visitor who already decided.
  teardowns.push(
    $view.subscribe((view) => {
      if (view === 'hidden' || uiRequested || !setup.loadUI) return;
      uiRequested = true;
      setup
        .loadUI()
        .then((mount) => {
          if (!destroyed) unmountUI = mount(instance as unknown as Consent);
        })
        .catch((error) => {
          // Fail closed: nothing is granted without the UI. Kept in production builds.
          console.warn('[instria-consent] the consent UI could not be loaded; nothing is granted', error);
        });
    }),
  );

  // Other tabs: a message where BroadcastChannel exists, and a re-read when this tab is shown.
  const channel = safe(() => new BroadcastChannel(`${EVENT_PREFIX}${options.cookie.name}`), null);
  if (channel) {
    channel.onmessage = sync;
    teardowns.push(() => channel.close());
  }
  const onVisible = () => document.visibilityState === 'visible' && sync();
  document.addEventListener('visibilitychange', onVisible);
  teardowns.push(() => document.removeEventListener('visibilitychange', onVisible));

  const decision = readStored();
  if (decision) {
    const state = toState(options, decision);
    $state.set(state);
    // Let code that subscribes right after createConsent() receive the first event.
    queueMicrotask(() => !destroyed && emit('consent', $state.get()));
  } else if (options.gpc && navigator.globalPrivacyControl === true) {
    // GPC is a refusal of optional purposes; no banner (REQUIREMENTS.md items 41, 44).
    queueMicrotask(() => !destroyed && !$state.get().decided && decide(allCategories(false), allServices(false), 'gpc'));
  } else {
    $view.set('banner');
  }
  // Trackers left from an earlier, now refused or expired, consent are removed at once.
  clearRefused(options.optional.filter((id) => !$state.get().categories[id]), []);
  return instance;
}
