import { atom, type WritableAtom } from 'nanostores';
import { decodeDecision, isDecisionValid, type StoredDecision } from './codec';
import { emit, listen, type Listeners } from './emitter';
import { DEV, isBrowser, later, safe, warn } from './env';
import type { ConsentHooks, HookedConsent } from './hooks';
import { onDemand, type OnDemand } from './on-demand';
import { resolveOptions } from './options';
import { isAsking } from './pending';
import { guarded, toState } from './state';
import { syncTabs } from './tabs';
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
  /**
   * Loads the UI when it is first needed, with the page's language (`languageReady`); headless
   * setups leave it out.
   */
  loadUI?: (options: ResolvedOptions) => Promise<MountUI>;
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

/**
 * What the engine lends its decision code (`decisions.ts`): its state and how to change it.
 * The engine never calls that code once destroyed, so it need not check.
 */
export interface Engine {
  options: ResolvedOptions;
  storage: ConsentStorage;
  state: WritableAtom<ConsentState>;
  view: WritableAtom<UIView>;
  instance: Consent;
  /**
   * Moves to the state of `decision` (null: nothing granted) at once, then lets the decision
   * code clean up and tell everyone (`Decisions.applied`). `madeHere`: decided in this tab, which
   * a withdrawal may reload (`reloadOnWithdraw`); not for a change picked up from another tab.
   */
  applyDecision(decision: StoredDecision | null, madeHere?: boolean): void;
  /** Calls the `on()` listeners and dispatches the `window` event of `event`. */
  emit(event: keyof ConsentEvents, payload: unknown): void;
  /**
   * This tab wrote `value` to the store (null: cleared it): the other tabs are told to re-read
   * theirs, and this one will not take it for a change of theirs.
   */
  written(value: string | null): void;
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
   * events (`madeHere`: decided in this tab, which may reload the page after a withdrawal).
   */
  applied(prev: ConsentState, next: ConsentState, madeHere?: boolean): void;
  /** Removes the trackers of every category and service refused now. */
  clean(): void;
  /** The cookie table (`consent.inventory()`), here so the script tag need not carry it. */
  inventory(): InventoryRow[];
}

export type DecisionsInstaller = (engine: Engine) => Decisions;

/** Development warnings about options that work but are probably not what the site wants. */
function warnSetup(input: ConsentOptions | undefined, options: ResolvedOptions, setup: EngineSetup): void {
  const language = input?.language;
  // Asked for a language, given English instead.
  if (language && language !== 'auto' && options.language == 'en' && !/^en\b/i.test(language)) {
    warn(`language "${language}" is not built in and translations has no "${language}"; the UI uses English`);
  }
  if (setup.loadUI && !input?.privacyPolicyUrl) {
    warn(`option "privacyPolicyUrl" is not set; the banner and dialog link to "${options.privacyPolicyUrl}": set it to your privacy policy's URL (script tag: data-privacy-policy)`);
  }
}

/** The decision stored as `value` (the raw stored string) if it still counts; else null. */
function validStored(value: string | null, options: ResolvedOptions): StoredDecision | null {
  const decision = decodeDecision(value, Object.keys(options.serviceCategory));
  if (DEV && value !== null && !decision) warn('the stored decision is malformed; asking again');
  return decision && isDecisionValid(decision, options) ? decision : null;
}

/** Runs `run` with the decision code: at once, or once it has loaded (see `onDemand`). */
type Act = (run: (decisions: Decisions) => void, queue?: boolean) => void;

/**
 * The public instance over the engine's `state` and `view`: its actions run with the decision
 * code (`act`, `decisions`), its `whenGranted` through the hook add-ons chain. `live()`: not
 * destroyed; `end()`: the engine's part of `destroy()`.
 */
function facade(
  options: ResolvedOptions,
  state: WritableAtom<ConsentState>,
  view: WritableAtom<UIView>,
  act: Act,
  decisions: OnDemand<Decisions>,
  listeners: Listeners,
  live: () => boolean,
  end: () => void,
): HookedConsent {
  const granted: Consent['granted'] = (category, service) =>
    service === undefined
      ? state.get().categories[category] === true
      : options.serviceCategory[service] === category && state.get().services[service] === true;
  /** The engine's own `whenGranted`: runs `fn` once, now or when granted. */
  const whenGranted: Consent['whenGranted'] = (category, fn, service) => {
    const ready = () => granted(category, service) && (off(), safe(fn, undefined, DEV && `a whenGranted('${category}') callback`), true);
    const off = state.listen(ready);
    ready();
    return off;
  };
  /** Add-ons chain these; `destroy()` puts the engine's own back. */
  const hooks: ConsentHooks = { whenGranted };
  return {
    options,
    state,
    view,
    _hooks: hooks,
    granted,
    acceptAll: () => act((d) => d.acceptAll()),
    rejectAll: () => act((d) => d.rejectAll()),
    set: (choices, extra) => act((d) => d.set(choices, extra)),
    withdraw: () => act((d) => d.withdraw()),
    // The hook's: add-ons chain it (gating), the engine's own runs below.
    whenGranted: (category, fn, service) => hooks.whenGranted(category, fn, service),
    on: (event, fn) => listen(listeners, event, fn),
    showBanner: () => live() && view.set('banner'),
    showPreferences: () => live() && view.set('preferences'),
    hide: () => view.set('hidden'),
    inventory: () => new Promise((resolve) => decisions((d) => resolve(d.inventory()))),
    reset: () => act((d) => d.reset()),
    destroy() {
      end();
      for (const event in listeners) listeners[event]!.clear();
      // Unchains every add-on from the hooks.
      hooks.whenGranted = whenGranted;
      view.set('hidden');
    },
  };
}

/** Installs `plugins` on `instance`, in order; their teardowns go to `teardown`. */
function installPlugins(plugins: Plugin[], instance: Consent, teardown: Engine['teardown']): void {
  for (const plugin of plugins) {
    const stop = safe(() => plugin(instance));
    if (stop) teardown(stop);
  }
}

/**
 * The first read, once the add-ons are in: a `decision` that still counts becomes the state, and
 * its `consent` event follows for code that subscribes right after createConsent(). No decision,
 * or one that lacks what was added since: GPC refuses it with no banner (option `gpc`), else the
 * banner asks. Then, on every page view, trackers of what is refused now (never granted,
 * withdrawn in another tab or on another sub-domain, expired) go: at once with the npm entries
 * and the all-in-one; `lazy(state)` true only queues it behind a load someone else starts (the
 * script tag, unless something seems left: `EngineSetup.eager`).
 */
function boot(
  engine: Engine,
  decision: StoredDecision | null,
  act: Act,
  live: () => boolean,
  lazy: (state: ConsentState) => boolean,
): void {
  const { options, state, view } = engine;
  if (decision) {
    state.set(toState(options, decision));
    later(() => live() && engine.emit('consent', state.get()));
  }
  if (isAsking(state.get())) {
    if (options.gpc && navigator.globalPrivacyControl === true) later(() => act((d) => d.gpc()));
    else view.set('banner');
  }
  act((d) => d.clean(), lazy(state.get()));
}

/**
 * The consent engine behind every entry point's `createConsent`: the visitor's decision, kept
 * in `setup.storage`, with actions to change it, events when it changes, and the UI state.
 * This is wiring: the state is `toState`'s (./state.ts), the events `emit`'s (./emitter.ts), the code
 * loaded on first need `onDemand`'s, the other tabs `syncTabs`'s. The decision code comes with
 * `setup` (`createEngineWithDecisions` in ./consent.ts) or is loaded on first need (the script tag).
 * Safe to call during SSR: it then reports no decision and does nothing.
 */
export function createEngine<const C extends string = DefaultCategory>(input: ConsentOptions<C> | undefined, setup: EngineSetup): Consent<C> {
  const options = resolveOptions(input) as ResolvedOptions;
  const browser = isBrowser();
  DEV && browser && warnSetup(input, options, setup);
  // During SSR there is none: the instance returns below before anything reads or writes.
  const storage = (browser && (input?.storage ?? setup.storage!(options))) as ConsentStorage;
  const $state = guarded(atom<ConsentState>(toState(options, null)), 'state');
  const $view = guarded(atom<UIView>('hidden'), 'view');
  const listeners: Listeners = {};
  const teardowns: (() => void)[] = [];
  /** The raw stored value this tab knows, to tell other tabs' changes from its own. */
  let known: string | null = null;
  let destroyed = !browser;
  let unmountUI: (() => void) | undefined;
  let notify: (() => void) | undefined;

  const install = (installer: DecisionsInstaller) => (destroyed ? undefined : installer(engine));
  // If it cannot load, the decision is not made and nothing is granted (fail closed) until a
  // later action loads it.
  const decisions = onDemand<Decisions>(
    () => (setup.decisions ? install(setup.decisions) : setup.loadDecisions!(options).then(install)),
    'the consent code',
  );
  /** Runs `run` with the decision code, unless destroyed: at once, or once it has loaded. */
  const act: Act = (run, queue) => decisions((d) => destroyed || run(d), queue);

  function applyDecision(decision: StoredDecision | null, madeHere?: boolean): void {
    const prev = $state.get();
    const next = toState(options, decision);
    $state.set(next);
    // Withdrawn stops being granted now; the clean-up and the events follow with the decision
    // code: a returning visitor's page, which never decides, need not carry it.
    act((d) => d.applied(prev, next, madeHere));
  }

  /** Reads the stored decision (or takes `value`, just read); returns it only if it still counts. */
  const readStored = (value = storage.read()) => validStored((known = value), options);

  // The engine's part of destroy() last: the facade's clears the listeners and unchains the hooks.
  const instance = facade(options, $state, $view, act, decisions, listeners, () => !destroyed, () => {
    destroyed = true;
    for (const teardown of teardowns.splice(0)) safe(teardown);
    unmountUI?.();
  });

  const engine: Engine = {
    options,
    storage,
    state: $state,
    view: $view,
    instance,
    applyDecision,
    emit: (event, payload) => emit(listeners, event, payload),
    written(value) {
      known = value;
      notify?.();
    },
    teardown: (fn) => teardowns.push(fn),
  };

  if (destroyed) return instance as unknown as Consent<C>;

  // Add-ons first, so that defaults (Google Consent Mode) precede everything else.
  installPlugins([...(setup.plugins?.(options) ?? []), ...options.plugins], instance, engine.teardown);

  // The UI is loaded the first time it is needed, never for a visitor who already decided;
  // the decision code with it, as the visitor is about to use it.
  const ui = setup.loadUI && onDemand(() => setup.loadUI!(options), 'the consent UI');
  teardowns.push(
    $view.listen((view) => {
      if (view === 'hidden') return;
      ui?.((mount) => destroyed || unmountUI || (unmountUI = mount(instance)));
      // Requested second: the banner is what the visitor waits for.
      decisions(() => {});
    }),
  );

  notify = syncTabs(options.cookie.name, () => {
    // A decision made in another tab, or a reset there.
    const value = storage.read();
    if (destroyed || value === known) return;
    applyDecision(readStored(value));
    // The view follows: the banner asks when something is undecided (a reset there, say), and
    // goes after a decision there (an open dialog stays).
    if (isAsking($state.get())) $view.set('banner');
    else if ($view.get() == 'banner') $view.set('hidden');
  }, engine.teardown);

  boot(engine, readStored(), act, () => !destroyed, (state) => !setup.decisions && !setup.eager?.(options, state));
  return instance as unknown as Consent<C>;
}
