import { VERSION } from '../constants';
import { newConsentId } from '../decisions';
import { DEV, hex, safe, warn } from '../env';
import type { DecisionsInstaller } from '../engine';
import type { Consent, ConsentState, ConsentMethod, Plugin, ResolvedOptions } from '../types';

/** Version of the record format below (2 since 0.2: `channel`, `textHash`, …); receivers accept 1 and 2. */
export const RECORD_SCHEMA_VERSION = 2;

/** localStorage key of the outbox: records not yet acknowledged, and the last one made. */
export const OUTBOX_KEY = 'instria_consent_records';

/** Records kept at most while the endpoint is unreachable; the oldest are dropped first. */
export const OUTBOX_LIMIT = 20;

/** A grant as an auditor reads it: explicit both ways (ISO/IEC TS 27560 event states). See: https://w3c.github.io/dpv/guides/consent-27560 */
export type Grant = 'granted' | 'denied';

/**
 * Where a decision was collected: the banner, the preferences dialog, an embed placeholder's
 * "Allow", a call of the API (`acceptAll()`, `set()`…) or the Global Privacy Control signal.
 */
export type Channel = 'banner' | 'dialog' | 'placeholder' | 'api' | 'gpc';

/** A record's `method`: a decision's, or `dismiss` (the dialog closed without a choice: no consent, no state change). */
export type RecordMethod = ConsentMethod | 'dismiss';

/** UI strings shown, keyed by their translation key (`acceptAll`, `text`, `analytics.d`…), after the site's overrides. */
export type ShownTexts = Record<string, string>;

/** What the UI showed before the decision it is about to make. */
export interface Shown {
  channel: Channel;
  texts: ShownTexts;
}

/**
 * Internal, not public API: how the UI and the embed placeholders tell the records sender where
 * the next decision comes from. They set `_shown` on the instance just before they call an action
 * (the placeholder sets its own element, whose `[data-part]` texts are read from it); the next
 * `consent` event takes it, and a decision without one is an `api` (or `gpc`) decision. The sender
 * sets `_dismissed` for the dialog to report a close without a choice.
 */
export interface RecordHooks {
  _shown?: Shown | HTMLElement;
  _dismissed?: (texts: ShownTexts) => void;
}

/**
 * One proof-of-consent record (GDPR Art. 7(1)): what was decided, when, how, where, under which
 * policy revision and texts, on which page. Minimised: no IP address, no user agent, no query string.
 * Each field and why: README, "Consent records (proof of consent)".
 * @example
 * { recordId: '3f0c…-1795000000000-reject-all-gd', schemaVersion: 2, consentId: '3f0c…', time: '2026-11-16T…Z',
 *   revision: 1, method: 'reject-all', categories: { essential: 'granted', analytics: 'denied' },
 *   services: {}, language: 'fr', sdkVersion: '0.2.0', pageUrl: 'https://instria.fr/tarifs',
 *   channel: 'banner', textHash: '9f86d0…', controller: 'Instria', policyUrl: 'https://instria.fr/confidentialite',
 *   expiresAt: '2027-05-17T…Z', previousRecordId: null }
 */
export interface ConsentRecord {
  /**
   * `consentId-timeInMs-method-choices` (choices: `g`/`d` per category, then per service): the
   * same decision always gets the same id, so a receiver keyed on it stores it once.
   */
  recordId: string;
  schemaVersion: number;
  /** The consent cookie's random id; for a dismissal before any decision, a random id of its own. */
  consentId: string;
  /** Time of the decision (or dismissal), ISO 8601 (UTC). */
  time: string;
  revision: number;
  method: RecordMethod;
  categories: Record<string, Grant>;
  services: Record<string, Grant>;
  /** Language the choice was offered in (`en` or `fr`). */
  language: string;
  sdkVersion: string;
  /** Origin and path of the page; never the query string or fragment, which may identify. */
  pageUrl: string;
  /** Where the decision was collected. */
  channel: Channel;
  /** SHA-256 (hex) of {@link hashInput}: the texts and options shown; null where Web Crypto is missing (http pages). */
  textHash: string | null;
  /** Who collects the consent: the `controller` option, else the page's host name. */
  controller: string;
  /** The privacy policy linked from the banner, as an absolute URL. */
  policyUrl: string;
  /** When the decision lapses and the visitor is asked again (`time` + `expiresAfterDays`); null for a dismissal before any decision. */
  expiresAt: string | null;
  /** The record made before this one for the same consent id, in this browser; null for the first. */
  previousRecordId: string | null;
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

/** Fields of an option object that are shown as they are (strings, numbers, booleans), not lists or patterns. */
const scalars = (value: object): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (/^[sbn]/.test(typeof field)) out[key] = field;
  return out;
};

/** `JSON.stringify` replacer that sorts object keys, so the same content always gives the same text. */
const sortKeys = (_key: string, value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, (value as Record<string, unknown>)[key]]))
    : value;

/**
 * The text whose SHA-256 is a record's `textHash`: canonical JSON (`JSON.stringify(…, sortKeys)`)
 * of `{ options, texts }`. `options` is `{ revision, categories }`, each category reduced to its
 * string/number/boolean fields (`label`, `description`, `required`…) plus `services`, each
 * service likewise (`label`, `description`…); cookie lists and hosts are not shown, so not hashed.
 * `texts` (left out for `api` and `gpc` decisions, where nothing was shown) are the UI strings
 * the visitor saw, keyed by translation key, after the site's overrides.
 *
 * @example hashInput(consent.options, { acceptAll: 'Accept all' }) // '{"options":{…},"texts":{"acceptAll":"Accept all"}}'
 */
export function hashInput(options: Pick<ResolvedOptions, 'revision' | 'categories'>, texts?: ShownTexts | null): string {
  const categories: Record<string, unknown> = {};
  for (const [id, category] of Object.entries(options.categories)) {
    const services: Record<string, unknown> = {};
    for (const [service, config] of Object.entries(category.services ?? {})) services[service] = scalars(config ?? {});
    categories[id] = { ...scalars(category), services };
  }
  return JSON.stringify({ options: { revision: options.revision, categories }, texts: texts ?? undefined }, sortKeys);
}

/**
 * SHA-256 (lower-case hex) of {@link hashInput} in UTF-8, with `crypto.subtle.digest`; null
 * where Web Crypto is unavailable (pages not served over https or from localhost).
 * @example await textHash(consent.options) // '3b1f…' (64 hex digits)
 */
export async function textHash(options: Pick<ResolvedOptions, 'revision' | 'categories'>, texts?: ShownTexts | null): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(hashInput(options, texts)));
    return hex(new Uint8Array(digest));
  } catch {
    DEV && warn('Web Crypto is unavailable (not https?): consent records carry textHash null');
    return null;
  }
}

/** The texts of an embed placeholder: each `[data-part]` element inside it, by part. */
const placeholderTexts = (box: HTMLElement): ShownTexts => {
  const texts: ShownTexts = {};
  for (const part of box.querySelectorAll<HTMLElement>('[data-part]')) texts[part.dataset.part!] = part.textContent!;
  return texts;
};

/** What a record says about how the decision was collected, from the UI's hint (none: the API). */
const collected = (shown: Shown | HTMLElement | undefined, method: RecordMethod): [Channel, ShownTexts | null] =>
  method === 'gpc'
    ? ['gpc', null]
    : !shown
      ? ['api', null]
      : 'channel' in shown
        ? [shown.channel, shown.texts]
        : ['placeholder', placeholderTexts(shown)];

/** `privacyPolicyUrl` made absolute against the page. */
const absolute = (url: string) => safe(() => new URL(url, location.href).href, url);

/**
 * Builds the record of a decision (or, with `method` `dismiss`, of a dismissal at `time`), in
 * `language` (the one the visitor was shown). `textHash` and `previousRecordId` are filled in by
 * the sender. Pure apart from reading `location`.
 * @example buildRecord(consent.state.get(), 'fr', consent.options) // → ConsentRecord
 */
export function buildRecord(
  state: ConsentState,
  language: string,
  options: Pick<ResolvedOptions, 'expiresAfterDays' | 'privacyPolicyUrl'> & { controller?: unknown },
  channel: Channel = state.method === 'gpc' ? 'gpc' : 'api',
  method: RecordMethod = state.method!,
  time: number = state.decidedAt!,
): ConsentRecord {
  const categories = grants(state.categories);
  const services = grants(state.services);
  // A dismissal made before any decision has no consent id yet: one of its own.
  const consentId = state.id ?? newConsentId();
  const { controller } = options;
  return {
    // Two decisions in the same millisecond (API calls) still get distinct ids; a retry, the same.
    recordId: [consentId, time, method, recordChoices(categories, services)].join('-'),
    schemaVersion: RECORD_SCHEMA_VERSION,
    consentId,
    time: new Date(time).toISOString(),
    revision: state.revision,
    method,
    categories,
    services,
    language,
    sdkVersion: VERSION,
    pageUrl: location.origin + location.pathname,
    channel,
    textHash: null,
    controller: typeof controller === 'string' && controller ? controller : location.hostname,
    policyUrl: absolute(options.privacyPolicyUrl),
    expiresAt: state.decidedAt === null ? null : new Date(state.decidedAt + options.expiresAfterDays * 864e5).toISOString(),
    previousRecordId: null,
  };
}

/**
 * The outbox, in localStorage: `load()` reads it (a bad value reads as empty), `save(box)` writes
 * it. Where storage fails (quota, privacy mode) it lives for this page only.
 */
function outbox(): [load: () => Outbox, save: (box: Outbox) => void] {
  let memory: Outbox = { queue: [] };
  let memoryOnly = false;
  return [
    () => {
      const box = memoryOnly ? memory : safe(() => JSON.parse(localStorage.getItem(OUTBOX_KEY)!), null) || memory;
      return Array.isArray(box.queue) ? box : { queue: [] };
    },
    (box) => {
      memory = box;
      memoryOnly ||= !safe(() => (localStorage.setItem(OUTBOX_KEY, JSON.stringify(box)), true), false);
    },
  ];
}

/** POSTs `record` as JSON to `endpoint`, kept alive past the page; the HTTP status, 0 without a response. */
async function post(endpoint: string, record: ConsentRecord): Promise<number> {
  try {
    return (
      await fetch(endpoint, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(record),
      })
    ).status;
  } catch {
    return 0;
  }
}

/**
 * Proof-of-consent records: one JSON record per decision made on this site (acceptance,
 * refusal, custom choice, withdrawal, GPC) and per dismissal of the preferences dialog, POSTed to
 * `endpoint` with `fetch(…, { keepalive })`. Each says where it was collected (`channel`, from
 * the UI's {@link RecordHooks}) and carries the SHA-256 of what was shown ({@link hashInput}).
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
    const [load, save] = outbox();
    let busy = false;
    let stopped = false;
    let sending: string | undefined;
    let delay = 1e3;
    let timer: ReturnType<typeof setTimeout> | undefined;

    /** Sends the outbox in order, one at a time; on a failure, tries again later (1 s, 2 s, … 1 min). */
    async function flush(): Promise<void> {
      if (busy || stopped) return;
      busy = true;
      clearTimeout(timer);
      for (let record: ConsentRecord | undefined, status; (record = load().queue[0]); delay = 1e3) {
        sending = record.recordId;
        status = await post(endpoint, record);
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

    const hooks = consent as Consent & RecordHooks;
    const { options } = consent;
    // Hashing is asynchronous (Web Crypto): records join the outbox in the order they were made.
    let hashed: Promise<unknown> = Promise.resolve();

    /** Makes the record of a decision (or dismissal) and queues it; `method`/`time` default to the state's. */
    function add(state: ConsentState, [channel, texts]: [Channel, ShownTexts | null], method?: RecordMethod, time?: number): void {
      const record = buildRecord(state, options.language, options, channel, method, time);
      const box = load();
      // One another tab already recorded (the same decision has the same id).
      if (box.last === record.recordId) return;
      // The chain of one consent id's records, kept across page loads with the outbox.
      if (box.last?.startsWith(`${record.consentId}-`)) record.previousRecordId = box.last;
      box.last = record.recordId;
      save(box);
      hashed = hashed
        .then(() => textHash(options, texts))
        .then((hash) => {
          record.textHash = hash;
          const box = load();
          if (box.queue.push(record) > OUTBOX_LIMIT) {
            const dropped = box.queue.shift();
            DEV && warn(`consent records outbox full; the oldest record ${dropped!.recordId} is dropped`);
          }
          save(box);
          void flush();
        })
        // Never a rejected chain, which would silently drop every later record.
        .catch((error) => DEV && warn(error));
    }

    const off = consent.on('consent', (state) => {
      // The UI's hint is for this decision only: taken now, whatever happens next.
      const shown = hooks._shown;
      hooks._shown = undefined;
      // A stored decision shown again on this page load is not a new decision.
      if (state.decidedAt! >= since) add(state, collected(shown, state.method!));
    });
    // A dismissal of the dialog: recorded, but it decides nothing (silence is not consent: GDPR recital 32).
    // See: https://eur-lex.europa.eu/eli/reg/2016/679/oj
    hooks._dismissed = (texts) => add(consent.state.get(), ['dialog', texts], 'dismiss', Date.now());

    // Last chance before the page goes away; kept in the outbox, as a beacon's fate is unknown.
    const onHide = () => {
      for (const record of load().queue) {
        if (record.recordId !== sending) safe(() => navigator.sendBeacon(endpoint, JSON.stringify(record)), false);
      }
    };
    addEventListener('pagehide', onHide);
    void flush();
    return () => {
      stopped = true;
      off();
      hooks._dismissed = undefined;
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
