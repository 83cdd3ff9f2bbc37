import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The size figures of the README and docs/ stay in sync with `.size-limit.json` (which `npm run size` enforces
 * on every build), as nanostores' size-synced test does: a budget changed in one place and not
 * the other fails here.
 *
 * The README names a bundle in code: the file's name (`instria-consent.iife.js`, or with its
 * `dist/` folder) or, for an npm import, the quoted import path ('@instria/consent/core').
 * 1. Some README line naming the bundle states its current limit (e.g. "8 kB").
 * 2. A line naming the bundle and speaking of a budget or limit states that limit.
 * 3. A line naming only that bundle claims no size above its limit: the build enforces the
 *    limit, so a bigger figure is stale.
 */

const ROOT = join(__dirname, '../..');

interface Budget {
  name: string;
  path: string | string[];
  import?: string;
  limit: string;
}

const budgets = JSON.parse(readFileSync(join(ROOT, '.size-limit.json'), 'utf8')) as Budget[];
// The README and the pages of docs/ (the size table lives in docs/size-and-performance.md).
const readme = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)]
  .flatMap((file) => readFileSync(join(ROOT, file), 'utf8').split('\n'));

/**
 * How the README names a budget's bundle: the import path for imports, else the file name, or
 * the file names joined by " + " for a budget over several files (a first visit's downloads).
 */
function bundleKey(budget: Budget): string {
  const from = budget.import ? /from '([^']+)'/.exec(budget.name) : null;
  if (from) return from[1]!;
  return Array.isArray(budget.path) ? budget.path.map((path) => basename(path)).join(' + ') : basename(budget.path);
}

/**
 * Whether `line` names the bundle `key` (exactly: '@instria/consent' is not '@instria/consent/core');
 * a sum of files is named by a line naming each of them.
 */
function names(line: string, key: string): boolean {
  if (key.includes(' + ')) return key.split(' + ').every((part) => names(line, part));
  return key.startsWith('@')
    ? line.includes(`'${key}'`) || line.includes(`\`${key}\``)
    : line.includes(`\`${key}\``) || line.includes(`/${key}\``);
}

/** Sizes stated in `line`, in bytes: "7.9 kB" → 7900 (size-limit's kB are 1000 bytes). */
function sizes(line: string): number[] {
  return [...line.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)\s?(kB|B)(?!\w)/g)].map(([, n, unit]) => Number(n) * (unit === 'kB' ? 1000 : 1));
}

/** True when `line` states `limit` ("8 kB") as a whole figure: not inside "18 kB" or "8.5 kB". */
function statesLimit(line: string, limit: string): boolean {
  return sizes(line).includes(sizes(limit)[0]!);
}

describe('README size claims match .size-limit.json', () => {
  it('reads sizes as whole figures', () => {
    expect(sizes('| `x.js` | 7.9 kB | 8 kB |')).toEqual([7900, 8000]);
    expect(statesLimit('| `x.js` | 18 kB |', '8 kB')).toBe(false);
    expect(statesLimit('| `x.js` | 1.8 kB |', '8 kB')).toBe(false);
    expect(statesLimit('| `x.js` | 8 kBit |', '8 kB')).toBe(false);
    expect(statesLimit('| `x.js` | 2.5 kB |', '2.5 kB')).toBe(true);
    expect(names("`import { createConsent } from '@instria/consent/core'`", '@instria/consent')).toBe(false);
    expect(names('`dist/instria-consent.iife.js`', 'instria-consent.iife.js')).toBe(true);
    expect(names('`instria-consent.all.iife.js`', 'instria-consent.iife.js')).toBe(false);
    expect(names('`a.js` + `b.js`', 'a.js + b.js')).toBe(true);
    expect(names('`a.js` alone', 'a.js + b.js')).toBe(false);
  });

  it('has budgets, each naming a distinct bundle', () => {
    expect(budgets.length).toBeGreaterThan(0);
    const keys = budgets.map(bundleKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  for (const budget of budgets) {
    const key = bundleKey(budget);
    const lines = readme.filter((line) => names(line, key));
    const others = budgets.map(bundleKey).filter((other) => other !== key);
    const limit = sizes(budget.limit)[0]!;

    it(`states the ${budget.limit} budget of ${key}`, () => {
      expect(lines.filter((line) => statesLimit(line, budget.limit)), `no README line names ${key} with "${budget.limit}"`).not.toEqual([]);
    });

    it(`states no other budget for ${key}`, () => {
      expect(lines.filter((line) => /budget|limit/i.test(line) && !statesLimit(line, budget.limit))).toEqual([]);
    });

    it(`claims no size above ${budget.limit} for ${key}`, () => {
      const own = lines.filter((line) => !others.some((other) => names(line, other)));
      expect(own.filter((line) => sizes(line).some((size) => size > limit))).toEqual([]);
    });
  }
});
