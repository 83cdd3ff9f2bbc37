import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_COOKIE } from '../../../src/core/cleanup';
import { encodeDecision, type StoredDecision } from '../../../src/core/codec';
import { createEngineWithDecisions } from '../../../src/core/consent';
import type { CategoryOptions, ConsentMethod, ConsentOptions } from '../../../src/core/types';
import { readConsent } from '../../../src/server';
import { defaultStorage } from '../../../src/storage/index';
import { consoleSpy } from '../support';

/**
 * The server's reader against the browser's, on the codec's corpus (random strings, mutations of
 * valid values, valid values of any revision, age, categories and services) and on several
 * same-name cookies: for one `Cookie` header, `readConsent` gives the state the engine computes
 * when `document.cookie` holds the same cookies (its real cookie store, the npm entries').
 */

const NOW = Date.UTC(2026, 10, 30, 12);
const DAY = 864e5;
const IDS = ['analytics', 'marketing', 'ads', 'ga4', 'matomo', 'hotjar', 'video'];
const METHODS: ConsentMethod[] = ['accept-all', 'reject-all', 'custom', 'gpc', 'withdraw'];

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  localStorage.clear();
});

/** The browser's state for `cookieHeader`: the engine reading it through `document.cookie`. */
function browserState(cookieHeader: string, options: ConsentOptions<string>) {
  const get = vi.spyOn(document, 'cookie', 'get').mockReturnValue(cookieHeader);
  const set = vi.spyOn(document, 'cookie', 'set').mockImplementation(() => {});
  const consent = createEngineWithDecisions(options, { storage: (resolved) => defaultStorage(resolved.cookie, CONSENT_COOKIE) });
  const state = consent.state.get();
  consent.destroy();
  get.mockRestore();
  set.mockRestore();
  return state;
}

/** Options of random categories (some required) and services, a revision and an expiry. */
const optionsArb = fc
  .record({
    categories: fc.uniqueArray(fc.constantFrom('essential', 'analytics', 'marketing', 'ads'), { minLength: 1 }),
    services: fc.uniqueArray(fc.constantFrom('ga4', 'matomo', 'hotjar', 'video'), { maxLength: 4 }),
    required: fc.boolean(),
    revision: fc.integer({ min: 1, max: 2 }),
    expiresAfterDays: fc.constantFrom(1, 30, 182, 395),
    name: fc.constantFrom(undefined, 'site_consent'),
  })
  .map(({ categories, services, required, revision, expiresAfterDays, name }) => {
    const config: Record<string, CategoryOptions> = {};
    categories.forEach((id, i) => (config[id] = { required: required && i === 0, services: {} }));
    services.forEach((service, i) => (config[categories[i % categories.length]!]!.services![service] = {}));
    return { categories: config, revision, expiresAfterDays, gpc: false, cookie: name && { name } } as ConsentOptions<string>;
  });

/** A consent id (compiled once: `stringMatching` is slow to build). */
const consentId = fc.stringMatching(/^[A-Za-z0-9-]{8,40}$/);

const flags = fc.dictionary(fc.constantFrom(...IDS), fc.boolean(), { maxKeys: 5 });

/** A decision as any version of the SDK may have stored it: any revision, age (a day ahead to 400 days old), ids. */
const decisionArb: fc.Arbitrary<StoredDecision> = fc.record({
  id: consentId,
  time: fc.integer({ min: NOW - 400 * DAY, max: NOW + 2 * DAY }),
  revision: fc.integer({ min: 0, max: 3 }),
  method: fc.constantFrom(...METHODS),
  categories: flags,
  services: flags,
});

/**
 * One cookie value: a valid encoding (of a decision made under `options`, or of any decision), a
 * mutation of one, or any string a cookie can carry.
 */
const valueArb = (options: ConsentOptions<string>) => {
  const ids = Object.keys(options.categories!);
  const services = ids.flatMap((id) => Object.keys(options.categories![id]!.services ?? {}));
  const ofOptions = fc.record({
    id: consentId,
    time: fc.integer({ min: NOW - 400 * DAY, max: NOW + 2 * DAY }),
    revision: fc.constantFrom(options.revision!, options.revision! + 1),
    method: fc.constantFrom(...METHODS),
    categories: fc.tuple(...ids.map(() => fc.boolean())).map((grants) => Object.fromEntries(ids.map((id, i) => [id, grants[i]!]))),
    services: fc.tuple(...services.map(() => fc.boolean())).map((grants) => Object.fromEntries(services.map((id, i) => [id, grants[i]!]))),
  });
  const valid = fc.oneof(ofOptions, decisionArb).map(encodeDecision);
  return fc
    .oneof(
      { arbitrary: valid, weight: 3 },
      fc.tuple(valid, fc.nat(200), fc.string({ maxLength: 12 })).map(([value, at, insert]) => value.slice(0, at) + insert + value.slice(at + 1)),
      fc.string({ maxLength: 120 }),
    )
    .map((value) => value.replace(/[;\s]/g, ''));
};

/** Options and the values of their cookie. */
const corpus = (count: number) => optionsArb.chain((options) => fc.tuple(fc.constant(options), fc.array(valueArb(options), { minLength: count ? 1 : 0, maxLength: count || 3 })));

describe('readConsent ≡ the browser', () => {
  // Random configurations warn (a required category holding a tracker service): not the subject here.
  beforeEach(() => {
    consoleSpy('warn');
    consoleSpy('error');
  });

  it('gives the state the engine computes from the same cookies', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    fc.assert(
      fc.property(corpus(0), fc.boolean(), ([options, values], others) => {
        const name = options.cookie?.name ?? 'instria_consent';
        const pairs = values.map((value) => `${name}=${value}`);
        if (others) pairs.splice(1, 0, '_ga=GA1.1.1', 'theme=dark');
        const header = pairs.join('; ');
        expect(readConsent(header, options)).toEqual(browserState(header, options));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees on what the corpus holds: decided, pending and undecided states all occur', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const seen = new Set<string>();
    fc.assert(
      fc.property(corpus(1), ([options, [value]]) => {
        const state = readConsent(`instria_consent=${value}; site_consent=${value}`, options);
        seen.add(!state.decided ? 'undecided' : state.pending.categories.length + state.pending.services.length ? 'pending' : 'decided');
      }),
      { numRuns: 400 },
    );
    expect([...seen].sort()).toEqual(['decided', 'pending', 'undecided']);
  });
});
