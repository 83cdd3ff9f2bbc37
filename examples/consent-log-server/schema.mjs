// The record format the SDK sends (src/core/integrations/records.ts), as JSON Schema for the
// checks a schema can express, plus the few that tie fields together (the record id is derived
// from the content; an expiry follows the decision). Field limits are what the SDK can send, so a
// genuine record is never refused; MAX_BODY_BYTES is the largest such record, rounded up.
import Ajv from 'ajv';

/** The record format the SDK sends (records.ts `RECORD_SCHEMA_VERSION`). */
export const SCHEMA_VERSION = 2;

/** Formats accepted: 2, and 1 from SDK 0.1 pages still cached or outboxes still draining. */
export const SCHEMA_VERSIONS = [1, 2];

/**
 * Entries accepted in `categories` and in `services`. The SDK sets no ceiling, but its cookie
 * holds some 290 services in the compact form (codec.ts); beyond that a decision lasts for the
 * page only. 1,000 services and 200 categories leave every working configuration far inside.
 */
export const MAX_SERVICES = 1000;
export const MAX_CATEGORIES = 200;

/**
 * Longest `pageUrl` and `policyUrl`: a page path the site's own server accepted. nginx answers 414
 * beyond 8 kB of request line (`large_client_header_buffers 4 8k`), Apache beyond 8,190 bytes.
 * See: https://nginx.org/en/docs/http/ngx_http_core_module.html#large_client_header_buffers
 * See: https://httpd.apache.org/docs/2.4/mod/core.html#limitrequestline
 */
export const MAX_URL = 8192;

/** Longest `controller` (a company name, or the page's host name: 253 characters at most). */
export const MAX_CONTROLLER = 500;

/** Ids of categories and services: the SDK's `ID_PATTERN` (src/core/constants.ts). */
const ID = '^[A-Za-z0-9_-]{1,40}$';
const CONSENT_ID = '^[A-Za-z0-9-]{8,64}$';
const ISO_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$';
const LANGUAGE = '^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$';
const VERSION = '^[0-9A-Za-z.+-]{1,40}$';
const METHODS = ['accept-all', 'reject-all', 'custom', 'gpc', 'withdraw'];
const CHANNELS = ['banner', 'dialog', 'placeholder', 'api', 'gpc'];

/** `consentId-time-method-choices`: 64 + 16 digits + the longest method + one letter per entry. */
const MAX_RECORD_ID = 64 + 1 + 16 + 1 + 10 + 1 + MAX_CATEGORIES + MAX_SERVICES;

/**
 * The largest record the SDK can send, in bytes of JSON: each grant `"<40-character id>":"granted",`
 * (53 bytes), two record ids, two URLs (ASCII: percent-encoded by the browser), a controller of
 * characters JSON escapes as `\u001f` (6 bytes each), and 1 kB for the keys and short fields.
 */
const LARGEST_RECORD = (MAX_CATEGORIES + MAX_SERVICES) * 53 + 2 * MAX_RECORD_ID + 2 * MAX_URL + 6 * MAX_CONTROLLER + 1024;

/** Largest body accepted, in bytes: the largest record, rounded up to a whole kB (85 kB). */
export const MAX_BODY_BYTES = Math.ceil(LARGEST_RECORD / 1024) * 1024;

const grants = (max) => ({
  type: 'object',
  maxProperties: max,
  propertyNames: { pattern: ID },
  additionalProperties: { enum: ['granted', 'denied'] },
});

const V1_PROPERTIES = {
  recordId: { type: 'string', maxLength: MAX_RECORD_ID },
  schemaVersion: { const: 1 },
  consentId: { type: 'string', pattern: CONSENT_ID },
  time: { type: 'string', pattern: ISO_TIME },
  // Any revision the SDK takes (a non-negative integer), up to what a double holds exactly.
  revision: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  method: { enum: METHODS },
  categories: grants(MAX_CATEGORIES),
  services: grants(MAX_SERVICES),
  language: { type: 'string', pattern: LANGUAGE },
  sdkVersion: { type: 'string', pattern: VERSION },
  pageUrl: { type: 'string', maxLength: MAX_URL },
};

const V2_PROPERTIES = {
  ...V1_PROPERTIES,
  schemaVersion: { const: 2 },
  // Schema 2 adds `dismiss`: the preferences dialog closed without a choice (no consent).
  method: { enum: [...METHODS, 'dismiss'] },
  channel: { enum: CHANNELS },
  // null only where the page had no Web Crypto (not https).
  textHash: { type: ['string', 'null'], pattern: '^[0-9a-f]{64}$' },
  controller: { type: 'string', minLength: 1, maxLength: MAX_CONTROLLER },
  policyUrl: { type: 'string', maxLength: MAX_URL },
  expiresAt: { type: ['string', 'null'], pattern: ISO_TIME },
  previousRecordId: { type: ['string', 'null'], maxLength: MAX_RECORD_ID },
};

const strict = (properties) => ({ type: 'object', required: Object.keys(properties), additionalProperties: false, properties });

/**
 * The record as JSON Schema (draft 2020-12 keywords Ajv 8 reads): schema 1 when `schemaVersion`
 * is 1, else schema 2. Every field required, no other field accepted.
 */
export const RECORD_SCHEMA = {
  $id: 'consent-record',
  type: 'object',
  allOf: [
    { required: ['schemaVersion'], properties: { schemaVersion: { enum: SCHEMA_VERSIONS } } },
    { if: { properties: { schemaVersion: { const: 1 } } }, then: strict(V1_PROPERTIES), else: strict(V2_PROPERTIES) },
  ],
};

/** The six fields schema 2 adds, in record order; null in the store for schema 1 records. */
export const V2_FIELDS = ['channel', 'textHash', 'controller', 'policyUrl', 'expiresAt', 'previousRecordId'];

// Strict validation: no type coercion, no removal of unknown fields (Fastify's defaults do both).
const ajv = new Ajv({ allErrors: false, coerceTypes: false, removeAdditional: false, useDefaults: false });
const checkSchema = ajv.compile(RECORD_SCHEMA);

/**
 * The id a record must carry: `consentId-timeInMs-method-choices`, choices being `g` (granted)
 * or `d` (denied) per category then per service, in the record's order. Derived from the content,
 * so two different decisions never share an id and a retried one always has the same.
 */
export const recordIdOf = (record) =>
  [
    record.consentId,
    Date.parse(record.time),
    record.method,
    [...Object.values(record.categories), ...Object.values(record.services)].map((grant) => grant[0]).join(''),
  ].join('-');

/** An absolute http(s) URL without credentials; a page URL also without query string or fragment (they may identify). */
const isUrl = (value, page) => {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && !url.username && !url.password && (!page || !/[?#]/.test(value));
  } catch {
    return false;
  }
};

/** What JSON Schema cannot say: the checks that read two fields, or parse one. */
const RELATIONS = {
  time: (r) => !Number.isNaN(Date.parse(r.time)),
  pageUrl: (r) => isUrl(r.pageUrl, true),
  policyUrl: (r) => isUrl(r.policyUrl, false),
  channel: (r) => (r.method !== 'gpc' || r.channel === 'gpc') && (r.method !== 'dismiss' || r.channel === 'dialog'),
  // After the decision, at most 13 months later (the SDK's ceiling, 395 days); null only for a
  // dismissal made before any decision (nothing to expire).
  expiresAt: ({ expiresAt: at, time, method }) =>
    at === null ? method === 'dismiss' : Date.parse(at) > Date.parse(time) && Date.parse(at) <= Date.parse(time) + 396 * 864e5,
  previousRecordId: (r) => r.previousRecordId === null || (r.previousRecordId.startsWith(`${r.consentId}-`) && r.previousRecordId !== r.recordId),
  // Last: it is derived from the other fields, so a retry cannot differ.
  recordId: (r) => r.recordId === recordIdOf(r),
};

/** An Ajv error as the field it is about: `unknown field "ip"`, `missing field "language"`, `invalid field "time"`. */
function describe(error) {
  if (error.keyword === 'additionalProperties') return `unknown field "${error.params.additionalProperty}"`;
  if (error.keyword === 'required') return `missing field "${error.params.missingProperty}"`;
  const field = error.instancePath.split('/')[1];
  return field ? `invalid field "${field}"` : 'the record must be a JSON object';
}

/**
 * Checks a parsed record against the schema.
 * @returns {string | null} what is wrong, or null when the record is valid
 * @example validateRecord(JSON.parse(body)) // → null, or 'unknown field "ip"'
 */
export function validateRecord(record) {
  if (!checkSchema(record)) return describe(checkSchema.errors[0]);
  for (const [field, valid] of Object.entries(RELATIONS)) {
    if (field in record && !valid(record)) return `invalid field "${field}"`;
  }
  return null;
}
