import { COMPACT_FORMAT_VERSION, FORMAT_VERSION, RESERVED_ID } from './constants';
import { DEV, warn } from './env';
import type { ConsentMethod } from './types';

/** A decision as stored: the fields of the cookie value. */
export interface StoredDecision {
  /** Random consent id. */
  id: string;
  /** Decision time, ms since the epoch. */
  time: number;
  revision: number;
  method: ConsentMethod;
  /** Per category id: granted or refused. */
  categories: Record<string, boolean>;
  /** Per service id: granted or refused. */
  services: Record<string, boolean>;
}

/** Methods by their one-digit code in the stored value (the index). Append only. */
const METHODS: ConsentMethod[] = ['accept-all', 'reject-all', 'custom', 'gpc', 'withdraw'];

/**
 * The whole value: the format version, then the fields. Version 1 keys services by their ids,
 * version 2 (the compact form) by their {@link serviceCode}. Ids and flags use only characters
 * a cookie value carries unescaped (RFC 6265 `cookie-octet`).
 */
const FORMAT = /^([12])\.([A-Za-z0-9-]{8,64})\.([0-9a-z]{1,11})\.(\d{1,16})\.([0-4])\.([\w~!-]*)\.([\w~!-]*)$/;
const ENTRY = /^([\w-]{1,40})~([01])$/;

/**
 * Longest value written in full, and longest value read: browsers keep a cookie whose name and
 * value take up to 4096 bytes (RFC 6265 §6.1, RFC 6265bis §5.4). This leaves room for the name
 * and bounds the work a hostile value can cause.
 */
const MAX_LENGTH = 3000;

/**
 * A service id's short code in the compact form: its 32-bit FNV-1a hash in base 36, at most 7
 * characters whatever the id's length.
 * See: http://www.isthe.com/chongo/tech/comp/fnv/index.html#FNV-1a
 */
export const serviceCode = (id: string): string => {
  let hash = 2166136261;
  for (let i = 0; i < id.length; ) hash = Math.imul(hash ^ id.charCodeAt(i++), 16777619);
  return (hash >>> 0).toString(36);
};

const encodeMap = (map: Record<string, boolean>): string =>
  Object.keys(map)
    .map((key) => `${key}~${+map[key]!}`)
    .join('!');

/**
 * Encodes a decision as `1.<id>.<time36>.<revision>.<method>.<cat~0|1!…>.<svc~0|1!…>`:
 * about 90 bytes for the default categories, far below the 4096-byte cookie limit (RFC 6265 §6.1).
 * A value of 3,000 bytes or more (many services with long ids) is written in the compact form
 * instead, with a development warning: version `2`, each service id replaced by its
 * {@link serviceCode}, about 10 bytes a service, so some 290 services fit. Every service stays
 * listed, so what the decision covered is still known (a service added later is asked for).
 */
export function encodeDecision(decision: StoredDecision): string {
  const value = (version: string, services: Record<string, boolean>) =>
    [
      version,
      decision.id,
      decision.time.toString(36),
      decision.revision,
      METHODS.indexOf(decision.method),
      encodeMap(decision.categories),
      encodeMap(services),
    ].join('.');
  const full = value(FORMAT_VERSION, decision.services);
  if (full.length < MAX_LENGTH) return full;
  // Two ids of one code (about one chance in 4 billion a pair) are both stored as refused: never
  // granted by mistake.
  const codes: Record<string, boolean> = {};
  for (const id in decision.services) {
    const code = serviceCode(id);
    codes[code] = !(code in codes) && decision.services[id]!;
  }
  const compact = value(COMPACT_FORMAT_VERSION, codes);
  DEV &&
    warn(
      compact.length < MAX_LENGTH
        ? `the decision takes ${full.length} bytes, too many for a cookie; it is stored in the compact form (service codes, ${compact.length} bytes)`
        : `the decision takes ${compact.length} bytes even in the compact form; it lasts for this page only (too many services)`,
    );
  return compact;
}

/** Decodes `key~0!key~1`; null on any bad entry, a duplicate, or a prototype-polluting key. */
function decodeMap(text: string): Record<string, boolean> | null {
  const map: Record<string, boolean> = Object.create(null);
  for (const entry of text ? text.split('!') : []) {
    const match = ENTRY.exec(entry);
    if (!match || match[1]! in map || RESERVED_ID.test(match[1]!)) return null;
    map[match[1]!] = match[2] === '1';
  }
  return map;
}

/**
 * Decodes a stored value, in the full or the compact form. `services`, the configured service
 * ids, turns the compact form's codes back into ids; a service whose code is not there reads as
 * undecided (a service added later whose code equals a removed one's, about one chance in 4
 * billion, would take its choice). Returns null for anything malformed, tampered or of an
 * unknown format version; never throws, whatever the input.
 */
export function decodeDecision(value: unknown, services: readonly string[] = []): StoredDecision | null {
  const match = typeof value === 'string' && value.length < MAX_LENGTH ? FORMAT.exec(value) : null;
  const categories = match && decodeMap(match[6]!);
  let choices = match && decodeMap(match[7]!);
  if (choices && match![1] === COMPACT_FORMAT_VERSION) {
    const byCode = choices;
    choices = Object.create(null);
    for (const id of services) if (serviceCode(id) in byCode) choices![id] = byCode[serviceCode(id)]!;
  }
  return categories && choices
    ? {
        id: match![2]!,
        time: parseInt(match![3]!, 36),
        revision: +match![4]!,
        method: METHODS[+match![5]!]!,
        categories,
        services: choices,
      }
    : null;
}

/** What a stored decision is checked against. */
export interface ValidityRules {
  revision: number;
  expiresAfterDays: number;
  /** The time to judge at; by default now. */
  now?: number;
}

/**
 * Whether a stored decision still counts: same revision, younger than the expiry and not dated
 * more than a day in the future (clock skew). A decision that lacks a category or a service
 * added since stays valid for what it covers: those are undecided (`pending` on the state) and
 * asked for alone (EDPB Guidelines 05/2020 on consent, 3.2–3.3: a new purpose or vendor needs its own consent;
 * refusals stay refusals).
 * See: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-052020-consent-under-regulation-2016679_en
 */
export function isDecisionValid(decision: StoredDecision, rules: ValidityRules): boolean {
  const age = (rules.now ?? Date.now()) - decision.time;
  return (
    decision.revision === rules.revision &&
    age < rules.expiresAfterDays * 864e5 &&
    age > -864e5
  );
}
