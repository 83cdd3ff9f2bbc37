import { VERSION } from '../constants';
import { DEV, safe, warn } from '../env';
import { uiLanguage } from '../language';
import type { DecisionsInstaller } from '../engine';
import type { ConsentState, Method, Plugin } from '../types';

/** Version of the record format below; the receiver rejects any other. */
export const RECORD_SCHEMA_VERSION = 1;

/** localStorage key of the outbox: records not yet acknowledged, and the last one made. */
export const OUTBOX_KEY = 'instria_consent_records';

/** Records kept at most while the endpoint is unreachable; the oldest are dropped first. */
export const OUTBOX_LIMIT = 20;

/** A grant as an auditor reads it: explicit both ways (REQUIREMENTS.md item 31). */
export type Grant = 'granted' | 'denied';

/**
 * One proof-of-consent record (GDPR Art. 7(1)): what was decided, when, how, under which policy
 * revision, on which page. Minimised: no IP address, no user agent, no query string.
 * @example
 * { recordId: '3f0c…-1795000000000-reject-all-gd', schemaVersion: 1, consentId: '3f0c…', time: '2026-11-16T…Z',
 *   revision: 1, method: 'reject-all', categories: { essential: 'granted', analytics: 'denied' },
 *   services: {}, language: 'fr', sdkVersion: '0.1.0', pageUrl: 'https://instria.fr/tarifs' }
 */
export interface ConsentRecord {
  /**
   * `consentId-timeInMs-method-choices` (choices: `g`/`d` per category, then per service): the
   * same decision always gets the same id, so a receiver keyed on it stores it once.
   */
  recordId: string;
  schemaVersion: number;
  consentId: string;
  /** Time of the decision, ISO 8601 (UTC). */
  time: string;
  revision: number;
  method: Method;
  categories: Record<string, Grant>;
  services: Record<string, Grant>;
  /** Language the choice was offered in (`en` or `fr`). */
  language: string;
  sdkVersion: string;
  /** Origin and path of the page; never the query string or fragment, which may identify. */
  pageUrl: string;
}

/** What the outbox holds: unacknowledged records (oldest first) and the last record id made. */
interface Outbox {
  last?: string;
  queue: ConsentRecord[];
}

/** The choices as one letter each (`g`ranted/`d`enied), categories then services, in record order. */
const recordChoices = (categories: Record<string, Grant>, services: Record<string, Grant>) =>
  [...Object.values(categories), ...Object.values(services)].map((grant) => grant[0]).join('');

const grants = (values: Readonly<Record<string, boolean>>) => {
  const out: Record<string, Grant> = {};
  for (const key in values) out[key] = values[key] ? 'granted' : 'denied';
  return out;
};

/**
 * Builds the record of a decision, in `language` (the one the visitor was shown). Pure apart from reading `location`.
 * @example buildRecord(consent.state.get(), 'fr') // → ConsentRecord
 */
export function buildRecord(state: ConsentState, language: string): ConsentRecord {
  const categories = grants(state.categories);
  const services = grants(state.services);
  return {
    // Two decisions in the same millisecond (API calls) still get distinct ids; a retry, the same.
    recordId: [state.id, state.decidedAt, state.method, recordChoices(categories, services)].join('-'),
    schemaVersion: RECORD_SCHEMA_VERSION,
    consentId: state.id!,
    time: new Date(state.decidedAt!).toISOString(),
    revision: state.revision,
    method: state.method!,
    categories,
    services,
    language,
    sdkVersion: VERSION,
    pageUrl: location.origin + location.pathname,
  };
}

/**
 * Proof-of-consent records: one JSON record per decision made on this site (acceptance,
 * refusal, custom choice, withdrawal, GPC), POSTed to `endpoint` with `fetch(…, { keepalive })`.
 * Records wait in a localStorage outbox until a 2xx arrives: retried with backoff while the page
 * lives, sent with `sendBeacon` when it is hidden, and again on the next page load. The record
 * id is deterministic, so a receiver keyed on it stores each decision once however often it is sent.
 *
 * @example
 * createConsent({ plugins: [consentRecords('https://consent-log.example.com/records')] });
 */
export const consentRecords =
  (endpoint: string): Plugin =>
  (consent) => {
    const since = Date.now();
    let memory: Outbox = { queue: [] };
    let memoryOnly = false;
    let busy = false;
    let sending: string | undefined;
    let delay = 1e3;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const load = (): Outbox => {
      const box = memoryOnly ? memory : safe(() => JSON.parse(localStorage.getItem(OUTBOX_KEY)!), null) || memory;
      return Array.isArray(box.queue) ? box : { queue: [] };
    };
    const save = (box: Outbox) => {
      memory = box;
      // Where storage fails (quota, privacy mode) the outbox lives for this page only.
      memoryOnly ||= !safe(() => (localStorage.setItem(OUTBOX_KEY, JSON.stringify(box)), true), false);
    };

    /** Sends the outbox in order, one at a time; on a failure, tries again later (1 s, 2 s, … 1 min). */
    async function flush(): Promise<void> {
      if (busy) return;
      busy = true;
      clearTimeout(timer);
      for (let record: ConsentRecord | undefined, status; (record = load().queue[0]); delay = 1e3) {
        sending = record.recordId;
        try {
          status = (
            await fetch(endpoint, {
              method: 'POST',
              keepalive: true,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(record),
            })
          ).status;
        } catch {
          status = 0;
        }
        sending = undefined;
        // A 4xx other than 408/429 is a refusal of this record that no retry will change: drop
        // it rather than hold back every later record behind it.
        const refused = status >= 400 && status < 500 && status !== 408 && status !== 429;
        if (refused) DEV && warn(`the consent record endpoint refused a record (${status}); dropped`, record);
        if (status < 200 || (status > 299 && !refused)) {
          timer = setTimeout(flush, delay);
          delay = Math.min(delay * 2, 6e4);
          break;
        }
        const box = load();
        box.queue = box.queue.filter((r) => r.recordId !== record!.recordId);
        save(box);
      }
      busy = false;
    }

    const off = consent.on('consent', (state) => {
      const box = load();
      const record = buildRecord(state, uiLanguage(consent.options));
      // A stored decision shown again on this page load, or one another tab already recorded.
      if (state.decidedAt! < since || box.last === record.recordId) return;
      box.last = record.recordId;
      if (box.queue.push(record) > OUTBOX_LIMIT) {
        const dropped = box.queue.shift();
        DEV && warn(`consent records outbox full; the oldest record ${dropped!.recordId} is dropped`);
      }
      save(box);
      void flush();
    });

    // Last chance before the page goes away; kept in the outbox, as a beacon's fate is unknown.
    const onHide = () => {
      for (const record of load().queue) {
        if (record.recordId !== sending) safe(() => navigator.sendBeacon(endpoint, JSON.stringify(record)), false);
      }
    };
    addEventListener('pagehide', onHide);
    void flush();
    return () => {
      off();
      clearTimeout(timer);
      removeEventListener('pagehide', onHide);
    };
  };

/** Whether the outbox holds records still to send (the script tag then loads the sender at once). */
export const outboxPending = (): boolean => safe(() => /"queue":\[\{/.test(localStorage.getItem(OUTBOX_KEY)!), false);

/**
 * `install`, plus consent records when `recordEndpoint` is set. Records follow decisions made
 * in this tab, so they start with the decision code: for the script tag, when it first loads.
 */
export const withRecords =
  (install: DecisionsInstaller): DecisionsInstaller =>
  (engine) => {
    const endpoint = engine.options.recordEndpoint;
    const stop = endpoint && consentRecords(endpoint)(engine.instance);
    if (stop) engine.teardown(stop);
    return install(engine);
  };
