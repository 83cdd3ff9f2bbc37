import { FORMAT_VERSION } from './constants';
import type { Method } from './types';

/** A decision as stored: the fields of the cookie value. */
export interface StoredDecision {
  /** Random consent id. */
  id: string;
  /** Decision time, ms since the epoch. */
  time: number;
  revision: number;
  method: Method;
  /** Per category id: granted or refused. */
  categories: Record<string, boolean>;
  /** Per service id: granted or refused. */
  services: Record<string, boolean>;
}

const METHOD_CODES: Record<Method, string> = {
  'accept-all': 'a',
  'reject-all': 'r',
  custom: 'c',
  gpc: 'g',
  withdraw: 'w',
};

/** Characters js-cookie (encodeURIComponent) leaves as they are, so the value stays compact. */
const ENTRY = /^([A-Za-z0-9_-]{1,40})~([01])$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const encodeMap = (map: Record<string, boolean>): string =>
  Object.keys(map)
    .map((key) => `${key}~${map[key] ? 1 : 0}`)
    .join('!');

/**
 * Encodes a decision as `1.<id>.<time36>.<revision>.<method>.<cat~0|1!…>.<svc~0|1!…>`:
 * about 90 bytes for the default categories, far below the 4096-byte cookie limit (RFC 6265 §6.1).
 */
export function encodeDecision(decision: StoredDecision): string {
  return [
    FORMAT_VERSION,
    decision.id,
    decision.time.toString(36),
    decision.revision,
    METHOD_CODES[decision.method],
    encodeMap(decision.categories),
    encodeMap(decision.services),
  ].join('.');
}

function decodeMap(text: string | undefined): Record<string, boolean> | null {
  const map: Record<string, boolean> = Object.create(null);
  if (!text) return map;
  for (const entry of text.split('!')) {
    const match = ENTRY.exec(entry);
    if (!match || FORBIDDEN_KEYS.has(match[1]!) || match[1]! in map) return null;
    map[match[1]!] = match[2] === '1';
  }
  return map;
}

/**
 * Decodes a stored value. Returns null for anything malformed, tampered or of an unknown format
 * version; never throws, whatever the input.
 */
export function decodeDecision(value: unknown): StoredDecision | null {
  if (typeof value !== 'string' || value.length > 3000) return null;
  const parts = value.split('.');
  if (parts.length !== 7 || parts[0] !== FORMAT_VERSION) return null;
  const [, id, time36, revision, code, categories, services] = parts as [string, ...string[]];
  if (!/^[A-Za-z0-9-]{8,64}$/.test(id!) || !/^[0-9a-z]{1,11}$/.test(time36!) || !/^\d{1,9}$/.test(revision!)) {
    return null;
  }
  const method = (Object.keys(METHOD_CODES) as Method[]).find((m) => METHOD_CODES[m] === code);
  const categoryMap = decodeMap(categories);
  const serviceMap = decodeMap(services);
  if (!method || !categoryMap || !serviceMap) return null;
  return {
    id: id!,
    time: parseInt(time36!, 36),
    revision: Number(revision),
    method,
    categories: categoryMap,
    services: serviceMap,
  };
}

/** What a stored decision is checked against. */
export interface ValidityRules {
  revision: number;
  expiresAfterDays: number;
  /** Optional category ids: each must have a stored choice, or the visitor is asked again. */
  optional: readonly string[];
  now: number;
}

/** Clock skew tolerated for a decision time in the future (a visitor's clock may be off). */
const FUTURE_SKEW_MS = 864e5;

/**
 * Whether a stored decision still counts: same revision, younger than the expiry, not dated in
 * the future, and a choice for every optional category (a new purpose needs its own consent).
 */
export function isDecisionValid(decision: StoredDecision, rules: ValidityRules): boolean {
  const age = rules.now - decision.time;
  return (
    decision.revision === rules.revision &&
    age < rules.expiresAfterDays * 864e5 &&
    age > -FUTURE_SKEW_MS &&
    rules.optional.every((id) => id in decision.categories)
  );
}
