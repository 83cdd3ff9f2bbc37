import { atom, type WritableAtom } from 'nanostores';
import { decodeDecision, isDecisionValid, type StoredDecision } from './codec';
import { EVENT_PREFIX } from './constants';
import { DEV, failed, isBrowser, safe, warn } from './env';
import { resolveOptions } from './options';
import { uiLanguage } from './language';
import { isAsking } from './pending';
import type {
  Consent,
  ConsentEvents,
  ConsentOptions,
  ConsentState,
  ConsentStorage,
  DefaultCategory,
  InventoryRow,
  MountUI,
  Plugin,
  ResolvedOptions,
  UIView,
} from './types';

export type { DefaultCategory } from './types';

/** What an entry point adds to the engine: where decisions are kept, add-ons, the UI. */
export interface EngineSetup {
  /**
   * Builds the default store from the resolved options (a user's `storage` option wins).
   * Required in a browser (`core/consent.ts` defaults it to the page's memory).
   */
  storage?: (options: ResolvedOptions) => ConsentStorage;
  /** Add-ons derived from the options (integrations, gating), installed before the user's. */
  plugins?: (options: ResolvedOptions) => Plugin[];
  /** Loads the UI when it is first needed; headless setups leave it out. */
  loadUI?: () => Promise<MountUI>;
  /**
   * The decision code (`set`, `acceptAll`, clean-up…): given here (npm entries), or loaded the
   * first time it is needed (the script tag, whose returning visitors never need it).
   */
  decisions?: DecisionsInstaller;
  /** Or loads it (the script tag). One of the two is required. */
  loadDecisions?: (options: ResolvedOptions) => Promise<DecisionsInstaller>;
  /**
   * Whether to load the decision code at start anyway (records waiting to be sent, trackers of
   * a category `state` refuses left over).
   */
  eager?: (options: ResolvedOptions, state: ConsentState) => boolean;
}

/** What the engine lends its decision code (`decisions.ts`): its state and how to change it. */
export interface Engine {
  options: ResolvedOptions;
  storage: ConsentStorage;
  state: WritableAtom<ConsentState>;
  view: WritableAtom<UIView>;
  instance: Consent;
  /** Moves to the state of `decision` (none: nothing granted), cleans up, tells everyone. */
  apply(decision: StoredDecision | null, local?: boolean): void;
  /** Calls the `on()` listeners and dispatches the `window` event of `event`. */
  emit(event: keyof ConsentEvents, payload: unknown): void;
  /** Whether `destroy()` was called (or this is SSR). */
  destroyed(): boolean;
  /** The raw stored value this tab knows, to tell other tabs' changes from its own. */
  stored(value: string | null): void;
  /** Tells the other tabs: 1 a decision, 0 a reset. */
  post(message: 0 | 1): void;
  /** Runs `fn` on `destroy()`. */
  teardown(fn: () => void): void;
}

/** The actions the engine loads on first need. */
export interface Decisions {
  acceptAll(): void;
  rejectAll(): void;
  set: Consent['set'];
  withdraw(): void;
  reset(): void;
  /** Refusal by Global Privacy Control, unless a decision exists. */
  gpc(): void;
  /**
   * After the state moved from `prev` to `next`: removes what was withdrawn and fires the
   * events (`local`: decided in this tab, which may reload the page after a withdrawal).
   */
  applied(prev: ConsentState, next: ConsentState, local?: boolean): void;
  /** Removes the trackers of every category and service refused now. */
  clean(): void;
  /** The cookie table (`consent.inventory()`), here so the script tag need not carry it. */
  inventory(): InventoryRow[];
}

export type DecisionsInstaller = (engine: Engine) => Decisions;

type Flags = Record<string, boolean>;

const freeze = Object.freeze;

const keys = Object.keys as <T extends object>(o: T) => (keyof T & string)[];


/**
 * `store`, whose `set` never throws: nanostores calls every listener synchronously inside `set`
 * and then rethrows what one of them threw, so a page's throwing `consent.state` listener would
 * abort our work after it (clean-up, Consent Mode, events, records). All listeners still run;
 * the error is the page's, reported in development. The store stays a plain nanostores atom.
 */
function guarded<T>(store: WritableAtom<T>, name: string): WritableAtom<T> {
  const set = store.set;
  store.set = (value) => safe(() => set(value), undefined, DEV && `a consent.${name} listener`);
  return store;
}

/**
 * The state for a decision (or for none: every optional category refused). A decision grants
 * only what it lists as granted. A category added since is pending, with its services; a
 * service added since to a category it granted is pending too, one added to a category it
 * refused is refused with it (refusals stay refusals; why: `isDecisionValid` in codec.ts).
 */
function toState<C extends string>(options: ResolvedOptions<C>, decision: StoredDecision | null): ConsentState<C> {
  const categories: Flags = {};
  const services: Flags = {};
  const newCategories: string[] = [];
  const newServices: string[] = [];
  for (const id of keys(options.categories)) {
    const required = options.categories[id].required;
    categories[id] = !!required || decision?.categories[id] === true;
    if (decision && !required && !(id in decision.categories)) newCategories.push(id);
  }
  for (const service of keys(options.serviceCategory)) {
    const category = options.serviceCategory[service]!;
    const required = options.categories[category].required;
    const choice = decision?.services[service];
    services[service] = !!required || choice === true;
    if (decision && !required && choice === undefined && (categories[category] || newCategories.includes(category))) {
      newServices.push(service);
    }
  }
  return freeze({
    decided: !!decision,
    categories: freeze(categories),
    services: freeze(services),
    id: decision?.id ?? null,
    decidedAt: decision?.time ?? null,
    revision: options.revision,
    method: decision?.method ?? null,
    pending: freeze({ categories: newCategories, services: newServices }),
  }) as unknown as ConsentState<C>;
}

/**
 * The consent engine behind every entry point's `createConsent`: the visitor's decision, kept
 * in `setup.storage`, with actions to change it, events when it changes, and the UI state.
 * Safe to call during SSR: it then reports no decision and does nothing.
 */
export function createConsentEngine<const C extends string = DefaultCategory>(
  input: ConsentOptions<C> | undefined,
  setup: EngineSetup,
): Consent<C> {
  const options = resolveOptions(input) as ResolvedOptions;
  const browser = isBrowser();
  if (DEV && browser) {
    const { language } = options;
    if (language !== 'auto' && uiLanguage(options) !== language.toLowerCase().split('-')[0]) {
      warn(`language "${language}" is not built in (en, fr) and translations has no "${language}"; the UI uses ${uiLanguage(options)}`);
    }
    if (setup.loadUI && !input?.privacyPolicyUrl) {
      warn(`option "privacyPolicyUrl" is not set; the banner and dialog link to "${options.privacyPolicyUrl}": set it to your privacy policy's URL (script tag: data-privacy-policy)`);
    }
  }
  // During SSR there is none: the instance returns below before anything reads or writes.
  const storage = (browser && (input?.storage ?? setup.storage!(options))) as ConsentStorage;
  const $state = guarded(atom<ConsentState>(toState(options, null)), 'state');
  const $view = guarded(atom<UIView>('hidden'), 'view');
  const listeners: Record<string, Set<(payload: any) => void>> = {};
  const teardowns: (() => void)[] = [];
  let stored: string | null = null;
  let destroyed = !browser;
  let unmountUI: (() => void) | undefined;
  let channel: BroadcastChannel | null = null;
  let decisions: Decisions | undefined;
  let waiting: ((decisions: Decisions) => void)[] | undefined;
  let loading = false;

  const emit = (event: string, payload: unknown) => {
    for (const fn of [...(listeners[event] ?? [])]) safe(() => fn(payload), undefined, DEV && `a consent.on('${event}') listener`);
    safe(() => dispatchEvent(new CustomEvent(EVENT_PREFIX + event, { detail: payload })));
  };

  /**
   * Runs `run` with the decision code: at once when it is here, else once it has loaded (which
   * `load` starts). If it cannot load, the decision is not made and nothing is granted (fail
   * closed) until a later action loads it.
   */
  function withDecisions(run: (decisions: Decisions) => void, load = true): void {
    if (decisions) return run(decisions);
    (waiting ??= []).push(run);
    if (!load || loading) return;
    loading = true;
    const install = (installer: DecisionsInstaller) => {
      if (destroyed) return;
      decisions = installer(engine);
      for (const next of waiting!.splice(0)) safe(() => next(decisions!));
    };
    if (setup.decisions) return install(setup.decisions);
    setup.loadDecisions!(options).then(install, (error) => {
      // The choices waiting are dropped, not granted; the next one tries to load it again.
      waiting = undefined;
      loading = false;
      failed('the consent code could not be loaded')(error);
    });
  }

  /**
   * Moves to the state of `decision` at once (what is withdrawn stops being granted now), then
   * lets the decision code clean up and tell everyone (`Decisions.applied`): a returning
   * visitor's page, which never decides, need not carry that code.
   */
  function apply(decision: StoredDecision | null, local?: boolean): void {
    const prev = $state.get();
    const next = toState(options, decision);
    $state.set(next);
    withDecisions((d) => d.applied(prev, next, local));
  }

  /** Reads the stored decision; returns it only if it still counts. */
  function readStored(): StoredDecision | null {
    const decision = decodeDecision((stored = storage.read()), keys(options.serviceCategory));
    if (DEV && stored !== null && !decision) warn('the stored decision is malformed; asking again');
    return decision && isDecisionValid(decision, options) ? decision : null;
  }

  /** Picks up a decision made in another tab, or a reset there. */
  function sync(): void {
    if (destroyed || storage.read() === stored) return;
    apply(readStored());
    // The view follows: the banner asks when something is undecided (a reset there, say), and
    // goes after a decision there (an open dialog stays).
    if (isAsking($state.get())) $view.set('banner');
    else if ($view.get() == 'banner') $view.set('hidden');
  }

  const instance: Consent = {
    options,
    state: $state,
    view: $view,
    granted: (category, service) =>
      service === undefined
        ? $state.get().categories[category] === true
        : options.serviceCategory[service] === category && $state.get().services[service] === true,
    acceptAll: () => withDecisions((d) => d.acceptAll()),
    rejectAll: () => withDecisions((d) => d.rejectAll()),
    set: (choices, extra) => withDecisions((d) => d.set(choices, extra)),
    withdraw: () => withDecisions((d) => d.withdraw()),
    whenGranted(category, fn, service) {
      const ready = () =>
        instance.granted(category, service) && (off(), safe(fn, undefined, DEV && `a whenGranted('${category}') callback`), true);
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
    inventory: () => new Promise((resolve) => withDecisions((d) => resolve(d.inventory()))),
    reset: () => withDecisions((d) => d.reset()),
    destroy() {
      destroyed = true;
      for (const teardown of teardowns.splice(0)) safe(teardown);
      for (const event in listeners) listeners[event]!.clear();
      unmountUI?.();
      $view.set('hidden');
    },
  };

  const engine: Engine = {
    options,
    storage,
    state: $state,
    view: $view,
    instance,
    apply,
    emit,
    destroyed: () => destroyed,
    stored: (value) => (stored = value),
    post: (message) => safe(() => channel?.postMessage(message)),
    teardown: (fn) => teardowns.push(fn),
  };

  if (destroyed) return instance as unknown as Consent<C>;

  // Add-ons first, so that defaults (Google Consent Mode) precede everything else.
  for (const plugin of [...(setup.plugins?.(options) ?? []), ...options.plugins]) {
    const teardown = safe(() => plugin(instance));
    if (teardown) teardowns.push(teardown);
  }

  // The UI is loaded the first time it is needed, never for a visitor who already decided;
  // the decision code with it, as the visitor is about to use it.
  let uiRequested = false;
  teardowns.push(
    $view.listen((view) => {
      if (view === 'hidden' || uiRequested) return;
      uiRequested = true;
      setup
        .loadUI?.()
        .then((mount) => {
          if (!destroyed) unmountUI = mount(instance);
        })
        .catch((error: unknown) => {
          // Asked for again (the footer link, say), it is tried again.
          uiRequested = false;
          failed('the consent UI could not be loaded')(error);
        });
      // Requested second: the banner is what the visitor waits for.
      withDecisions(() => {});
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
  }
  // No decision, or one that lacks what was added since: GPC refuses it with no banner (option
  // gpc), else the banner asks.
  if (isAsking($state.get())) {
    if (options.gpc && navigator.globalPrivacyControl === true) queueMicrotask(() => withDecisions((d) => d.gpc()));
    else $view.set('banner');
  }
  // On every page view, trackers of what is refused now (never granted, withdrawn in another
  // tab or on another sub-domain, expired) go: at once with the npm entries and the all-in-one;
  // the script tag loads its decision code for it only when something seems left (`eager`).
  withDecisions((d) => d.clean(), !!setup.decisions || !!setup.eager?.(options, $state.get()));
  return instance as unknown as Consent<C>;
}
