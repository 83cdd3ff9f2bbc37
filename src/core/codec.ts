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

/** Methods by their one-digit code in the stored value (the index). Append only. */
const METHODS: Method[] = ['accept-all', 'reject-all', 'custom', 'gpc', 'withdraw'];

/** The whole value (the leading `1` is FORMAT_VERSION); ids and flags use only characters js-cookie leaves unescaped. */
const FORMAT = /^1\.([A-Za-z0-9-]{8,64})\.([0-9a-z]{1,11})\.(\d{1,9})\.([0-4])\.([\w~!-]*)\.([\w~!-]*)$/;
const ENTRY = /^([\w-]{1,40})~([01])$/;

const encodeMap = (map: Record<string, boolean>): string =>
  Object.keys(map)
    .map((key) => `${key}~${+map[key]!}`)
    .join('!');

/**
 * Encodes a decision as `1.<id>.<time36>.<revision>.<method>.<cat~0|1!…>.<svc~0|1!…>`:
 * about 90 bytes for the default categories, far below the 4096-byte cookie limit (RFC 6265 §6.1).
 */
export const encodeDecision = (decision: StoredDecision): string =>
  [
    FORMAT_VERSION,
    decision.id,
    decision.time.toString(36),
    decision.revision,
    METHODS.indexOf(decision.method),
    encodeMap(decision.categories),
    encodeMap(decision.services),
  ].join('.');

/** Decodes `key~0!key~1`; null on any bad entry, a duplicate, or a prototype-polluting key. */
function decodeMap(text: string): Record<string, boolean> | null {
  const map: Record<string, boolean> = Object.create(null);
  for (const entry of text ? text.split('!') : []) {
    const match = ENTRY.exec(entry);
    if (!match || match[1]! in map || /^(__proto__|constructor|prototype)$/.test(match[1]!)) return null;
    map[match[1]!] = match[2] === '1';
  }
  return map;
}

/**
 * Decodes a stored value. Returns null for anything malformed, tampered or of an unknown format
 * version; never throws, whatever the input.
 */
export function decodeDecision(value: unknown): StoredDecision | null {
  const match = typeof value === 'string' && value.length < 3000 ? FORMAT.exec(value) : null;
  const categories = match && decodeMap(match[5]!);
  const services = match && decodeMap(match[6]!);
  return categories && services
    ? {
        id: match[1]!,
        time: parseInt(match[2]!, 36),
        revision: +match[3]!,
        method: METHODS[+match[4]!]!,
        categories,
        services,
      }
    : null;
}

/** What a stored decision is checked against. */
export interface ValidityRules {
  revision: number;
  expiresAfterDays: number;
  /** Optional category ids: each must have a stored choice, or the visitor is asked again. */
  optional: readonly string[];
  now: number;
}

/**
 * Whether a stored decision still counts: same revision, younger than the expiry, not dated more
 * than a day in the future (clock skew), and a choice for every optional category (a new purpose
 * needs its own consent, REQUIREMENTS.md item 24).
 */
export function isDecisionValid(decision: StoredDecision, rules: ValidityRules): boolean {
  const age = rules.now - decision.time;
  return (
    decision.revision === rules.revision &&
    age < rules.expiresAfterDays * 864e5 &&
    age > -864e5 &&
    rules.optional.every((id) => id in decision.categories)
  );
}
