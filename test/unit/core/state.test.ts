import { atom } from 'nanostores';
import { describe, expect, it, vi } from 'vitest';
import type { StoredDecision } from '../../../src/core/codec';
import { resolveOptions } from '../../../src/core/options';
import { diff, guarded, toState, transition } from '../../../src/core/state';

// Pure functions of their inputs: no DOM, no instance.

const options = resolveOptions({
  categories: {
    essential: { required: true },
    analytics: { services: { ga4: {}, hotjar: {} } },
    marketing: {},
  },
});

const decision = (categories: Record<string, boolean>, services: Record<string, boolean> = {}): StoredDecision => ({
  id: 'abcdef12-3456',
  time: 1_000,
  revision: 1,
  method: 'custom',
  categories,
  services,
});

describe('toState', () => {
  it('refuses every optional category and service without a decision, and grants the required ones', () => {
    expect(toState(options, null)).toEqual({
      decided: false,
      categories: { essential: true, analytics: false, marketing: false },
      services: { ga4: false, hotjar: false },
      id: null,
      decidedAt: null,
      revision: 1,
      method: null,
      pending: { categories: [], services: [] },
    });
  });

  it('grants only what the decision lists as granted, and is frozen', () => {
    const state = toState(options, decision({ analytics: true, marketing: false }, { ga4: true, hotjar: false }));
    expect(state).toMatchObject({
      decided: true,
      categories: { analytics: true, marketing: false },
      services: { ga4: true, hotjar: false },
      id: 'abcdef12-3456',
      decidedAt: 1_000,
      method: 'custom',
    });
    expect(Object.isFrozen(state) && Object.isFrozen(state.categories) && Object.isFrozen(state.pending)).toBe(true);
  });

  it('leaves what was added since pending: a category, and a service of a category it granted (not of one it refused)', () => {
    expect(toState(options, decision({ analytics: true }, { ga4: true })).pending).toEqual({ categories: ['marketing'], services: ['hotjar'] });
    expect(toState(options, decision({ analytics: false, marketing: true }, {})).pending).toEqual({ categories: [], services: [] });
  });
});

describe('diff', () => {
  it('lists the keys whose value differs, in the order of the second map', () => {
    expect(diff({ a: true, b: false, c: true }, { c: false, b: false, a: false })).toEqual(['c', 'a']);
    expect(diff({}, { a: false })).toEqual(['a']);
  });
});

describe('transition', () => {
  const none = toState(options, null);
  const all = toState(options, decision({ analytics: true, marketing: true }, { ga4: true, hotjar: true }));
  const some = toState(options, decision({ analytics: true, marketing: false }, { ga4: false, hotjar: true }));

  it('a first decision: what changed, nothing withdrawn, no reload', () => {
    expect(transition(none, all)).toEqual({
      changed: { categories: ['analytics', 'marketing'], services: ['ga4', 'hotjar'] },
      withdrawn: { categories: [], services: [] },
      reload: false,
    });
  });

  it('a decision that withdraws something: what was granted and is refused now, and a reload', () => {
    expect(transition(all, some)).toEqual({
      changed: { categories: ['marketing'], services: ['ga4'] },
      withdrawn: { categories: ['marketing'], services: ['ga4'] },
      reload: true,
    });
  });

  it('a reset after a decision withdraws what it granted; a grant alone recommends no reload', () => {
    expect(transition(all, none)).toMatchObject({ withdrawn: { categories: ['analytics', 'marketing'] }, reload: true });
    expect(transition(some, all)).toMatchObject({ withdrawn: { categories: [], services: [] }, reload: false });
    expect(transition(some, some).changed).toEqual({ categories: [], services: [] });
  });
});

describe('guarded', () => {
  it('runs every listener and sets the value even when one throws', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = guarded(atom(0), 'state');
    const after = vi.fn();
    store.listen(() => {
      throw new Error('page bug');
    });
    store.listen(after);
    expect(() => store.set(1)).not.toThrow();
    expect(store.get()).toBe(1);
    expect(after.mock.calls[0]![0]).toBe(1);
  });
});
