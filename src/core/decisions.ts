import { clearTrackers, trackersOf } from './cleanup';
import { encodeDecision, type StoredDecision } from './codec';
import { DEV, hex, isObject, warn } from './env';
import { inventoryOf } from './inventory';
import type { Decisions, DecisionsInstaller, Engine } from './engine';
import { isAsking, pendingChoices } from './pending';
import { flags, hasAny, transition } from './state';
import type { ConsentMethod, ConsentState, ResolvedOptions, UIView } from './types';

type Flags = Record<string, boolean>;

/** Grants per category and per service: what a decision records. */
interface Grants {
  categories: Flags;
  services: Flags;
}

/** A random consent id: a UUID where available, else 128 random bits in hex. */
export const newConsentId = (): string =>
  crypto.randomUUID?.() ??
  hex(crypto.getRandomValues(new Uint8Array(16)));

/** `value` for every optional category of `options` and every service of those. */
function grantAll(options: ResolvedOptions, value: boolean): Grants {
  const categories: Flags = {};
  const services: Flags = {};
  for (const id of options.optional) categories[id] = value;
  for (const service in options.serviceCategory) {
    if (options.serviceCategory[service]! in categories) services[service] = value;
  }
  return { categories, services };
}

/** A map of true/false: only `true` grants, only `false` refuses (`'false'`, `1`, `[]` are neither). */
const isFlags = (map: unknown): map is Flags => isObject(map) && Object.values(map).every((value) => typeof value == 'boolean');

/**
 * The grants of a decision on the categories `choices` names (each with all its services) and
 * the services `extra` names, from `state`: everything else keeps its choice, and what is
 * pending and not named stays pending (left out). Own keys only, so a page's
 * `Object.prototype.marketing = true` grants nothing. Null (no decision, a development warning)
 * when the arguments are not maps of true/false.
 */
function chosen(options: ResolvedOptions, state: ConsentState, choices: unknown, extra?: any): Grants | null {
  if (!isFlags(choices) || !(extra === undefined || (isObject(extra) && isFlags(extra.services ?? {})))) {
    return DEV && warn('set() takes maps of true/false (set({ analytics: true }, { services: { ga4: false } })); nothing changes', choices, extra), null;
  }
  const categories = flags(state.categories);
  const services = flags(state.services);
  // What is pending stays undecided unless named here.
  for (const id of state.pending.categories) delete categories[id];
  for (const id of state.pending.services) delete services[id];
  for (const id of Object.keys(choices)) {
    const value = choices[id]!;
    if (!options.optional.includes(id)) {
      DEV && warn(`set(): "${id}" is not an optional category; ignored`);
      continue;
    }
    categories[id] = value;
    for (const service in options.serviceCategory) if (options.serviceCategory[service] === id) services[service] = value;
  }
  for (const service of Object.keys(extra?.services ?? {})) {
    if (service in options.serviceCategory) services[service] = extra.services[service];
    else DEV && warn(`set(): unknown service "${service}" ignored`);
  }
  return { categories, services };
}

/**
 * The decision half of the engine: recording a choice, forgetting it, cleaning up after a
 * withdrawal. The script tag loads it only when a visitor decides (or must be asked), so a
 * returning visitor's page never downloads it.
 */
export const installDecisions: DecisionsInstaller = (engine: Engine): Decisions => {
  const { options, storage, state: $state } = engine;

  /**
   * Records a decision made here: stores it, applies it, shows `view` (the banner while
   * something is still undecided), tells the other tabs. It lists what it covers, which the next
   * page view relies on: every optional category and every service of one that `categories` and
   * `services` name. What they leave out (still pending) stays unlisted, so undecided, and the
   * banner keeps asking for it.
   */
  function decide(grants: Grants | null, method: ConsentMethod, view: UIView = 'hidden'): void {
    if (!grants) return;
    const { categories, services } = grants;
    const decision: StoredDecision = {
      id: $state.get().id ?? newConsentId(),
      time: Date.now(),
      revision: options.revision,
      method,
      categories: Object.create(null),
      services: Object.create(null),
    };
    for (const id of options.optional) if (id in categories) decision.categories[id] = categories[id]!;
    for (const service in options.serviceCategory) {
      // Services of required categories are always granted: nothing to store.
      if (service in services && !options.categories[options.serviceCategory[service]!]!.required) {
        decision.services[service] = services[service]!;
      }
    }
    const value = encodeDecision(decision);
    if (!storage.write(value, options.expiresAfterDays)) DEV && warn('the decision could not be stored; it lasts for this page only');
    engine.applyDecision(decision, true);
    // The view after the state: the UI then draws once, with both (ui/mount.tsx).
    engine.view.set(isAsking($state.get()) ? 'banner' : view);
    engine.written(value);
  }

  // What a still-granted category or service claims stays (the built-in lists in cleanup.ts share names).
  const clean = (categories?: string[], services?: string[]) => {
    const state = $state.get();
    const refused = (flags: Flags) => Object.keys(flags).filter((id) => !flags[id]);
    clearTrackers(...trackersOf(options, state, categories ?? refused(state.categories), services ?? refused(state.services)));
  };

  return {
    acceptAll: () => decide(grantAll(options, true), 'accept-all'),
    rejectAll: () => decide(grantAll(options, false), 'reject-all'),
    set: (choices, extra) => decide(chosen(options, $state.get(), choices, extra), 'custom'),
    withdraw() {
      decide(grantAll(options, false), 'withdraw');
      // Also what was refused already: leftovers set by scripts that ran before (all is refused now).
      clean();
    },
    reset() {
      storage.clear();
      engine.applyDecision(null);
      engine.written(null);
      engine.view.set('banner');
    },
    // GPC refuses what is undecided: everything (and the notice says so, once: a stored decision
    // keeps it from showing again; see ui/notice.tsx), or only what is pending (earlier choices stay).
    gpc() {
      const state = $state.get();
      if (!state.decided) decide(grantAll(options, false), 'gpc', 'notice');
      else if (isAsking(state)) decide(chosen(options, state, ...pendingChoices(state.pending, false)), 'gpc');
    },
    applied(prev, next, madeHere) {
      const { changed, withdrawn, reload } = transition(prev, next);
      if (hasAny(withdrawn)) clean(withdrawn.categories, withdrawn.services);
      if (!next.decided) return;
      if (!prev.decided) engine.emit('first-consent', next);
      engine.emit('consent', next);
      if (hasAny(changed)) {
        engine.emit('change', Object.freeze({ state: next, changed: Object.freeze(changed), reloadRecommended: reload }));
      }
      if (reload && madeHere && options.reloadOnWithdraw) setTimeout(() => location.reload());
    },
    clean,
    inventory: () => inventoryOf(options),
  };
};
