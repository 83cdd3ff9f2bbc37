// Recomputes a consent record's `textHash` from your configuration and the texts you show, so
// you can tie a record to the exact version of your banner (CNIL
// recommendation on cookies, § 48: proof by a timestamped hash of what was shown).
// See: https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042388197
//
//   node text-hash.mjs config.json [texts.json]   # prints the SHA-256 (hex)
//
// config.json: { "revision": 1, "categories": { … } } as passed to the SDK (cookie patterns may
// be left out: lists and patterns are not hashed). texts.json: the UI strings shown, keyed by
// translation key, after your overrides; leave it out for `api` and `gpc` records.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `JSON.stringify` replacer that sorts object keys (the SDK's `sortKeys`). */
const sortKeys = (_key, value) =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, value[key]]))
    : value;

/** The fields shown as they are: strings, numbers and booleans (not cookie lists or hosts). */
const scalars = (value) => Object.fromEntries(Object.entries(value).filter(([, field]) => ['string', 'number', 'boolean'].includes(typeof field)));

/**
 * The hashed text: canonical JSON of `{ options: { revision, categories }, texts }`, each category
 * and service reduced to its string/number/boolean fields, services under `services`.
 * @example hashInput({ revision: 1, categories: { analytics: { label: 'Analytics' } } })
 */
export function hashInput({ revision = 1, categories }, texts) {
  const shown = {};
  for (const [id, category] of Object.entries(categories)) {
    const services = {};
    for (const [service, config] of Object.entries(category.services ?? {})) services[service] = scalars(config ?? {});
    shown[id] = { ...scalars(category), services };
  }
  return JSON.stringify({ options: { revision, categories: shown }, texts: texts ?? undefined }, sortKeys);
}

/**
 * A record's `textHash`: SHA-256, lower-case hex, of {@link hashInput} in UTF-8.
 * @example textHash(config, { acceptAll: 'Accept all', … }) // '9f86d0…'
 */
export const textHash = (options, texts) => createHash('sha256').update(hashInput(options, texts), 'utf8').digest('hex');

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [config, texts] = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, 'utf8')));
  console.log(textHash(config, texts));
}
