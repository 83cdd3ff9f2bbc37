import type { WritableAtom } from 'nanostores';
import type { StoredDecision } from './codec';
import { DEV, safe } from './env';
import type { ConsentState, ResolvedOptions } from './types';

type Flags = Record<string, boolean>;

/** Category ids and service ids, as `ConsentChange['changed']` lists them. */
export interface Ids {
  categories: string[];
  services: string[];
}

/** What a move from one state to the next means (`transition`). */
export interface Transition {
  /** Categories and services whose grant changed. */
  changed: Ids;
  /** Of those, the ones granted before and refused now: their trackers must go. */
  withdrawn: Ids;
  /** A decision replaced by one that withdraws something: scripts that ran cannot be unloaded. */
  reload: boolean;
}

const freeze = Object.freeze;

/**
 * A copy of `from` without a prototype: a page's `Object.prototype.marketing = true` is never
 * read as a grant (`granted('marketing')`, `'marketing' in flags`).
 */
export const flags = (from?: Readonly<Flags>): Flags => Object.assign(Object.create(null), from);

const keys = Object.keys as <T extends object>(o: T) => (keyof T & string)[];

/**
 * The state for a decision (or for none: every optional category refused). A decision grants
 * only what it lists as granted. A category added since is pending, with its services; a
 * service added since to a category it granted is pending too, one added to a category it
 * refused is refused with it (refusals stay refusals; why: `isDecisionValid` in codec.ts).
 */
export function toState<C extends string>(options: ResolvedOptions<C>, decision: StoredDecision | null): ConsentState<C> {
  const categories = flags();
  const services = flags();
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

/** Keys whose value differs between two flag maps, in the order of `b`. */
export const diff = (a: Readonly<Flags>, b: Readonly<Flags>): string[] => keys(b).filter((key) => a[key] !== b[key]);

/** Whether `ids` names any category or service. */
export const hasAny = (ids: Ids): boolean => !!(ids.categories[0] || ids.services[0]);


/** What changed from `prev` to `next`, what was withdrawn, and whether a reload is recommended. */
export function transition(prev: ConsentState, next: ConsentState): Transition {
  const changed = {} as Ids;
  const withdrawn = {} as Ids;
  for (const kind of ['categories', 'services'] as const) {
    changed[kind] = diff(prev[kind], next[kind]);
    withdrawn[kind] = changed[kind].filter((id) => prev[kind][id]);
  }
  return { changed, withdrawn, reload: prev.decided && hasAny(withdrawn) };
}

/**
 * `store`, whose `set` never throws: nanostores calls every listener synchronously inside `set`
 * and then rethrows what one of them threw, so a page's throwing `consent.state` listener would
 * abort our work after it (clean-up, Consent Mode, events, records). All listeners still run;
 * the error is the page's, reported in development. The store stays a plain nanostores atom.
 */
export function guarded<T>(store: WritableAtom<T>, name: string): WritableAtom<T> {
  const set = store.set;
  store.set = (value) => safe(() => set(value), undefined, DEV && `a consent.${name} listener`);
  return store;
}
