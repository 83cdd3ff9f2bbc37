import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Comments and docs cite sources a reader can open: the URL of the regulator's text, the
 * standard or the browser bug. Never the project's internal notes or tracker (a requirements
 * list, a spec, a style guide, "issue 12 item 4"), which a user of the package never sees.
 */

const ROOT = join(__dirname, '../..');
const SCANNED = ['src', 'test', 'docs', 'examples', 'bench', 'scripts', 'README.md', 'CONTRIBUTING.md', 'tsup.config.ts'];
const TEXT = /\.(?:[cm]?[jt]sx?|md|html|css|json|vue|svg|txt)$/;
const SELF = relative(ROOT, __filename);
/** Folders of built or downloaded files (git-ignored), which quote whatever they bundle. */
const GENERATED = ['node_modules', 'dist', 'results', '.next'];

/** What a reader cannot open: the internal notes by name, and bare tracker numbers. */
const UNREACHABLE: RegExp[] = [
  /\b(?:REQUIREMENTS|SPEC|STYLE)\b/, // REQUIREMENTS.md, SPEC.md, STYLE.md, "SPEC 0.2"
  /\bpeers\.md\b/,
  /\b[Ii]ssues? #?\d+/, // "issue 12 item 4", "Issue 13 defect 6", "(issue 8)"
  /\/work\/shared\b/,
];

/** Every text file under `path` (a file or a folder), relative to the repository root. */
function textFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => (GENERATED.includes(name) ? [] : textFiles(join(path, name))));
}

describe('citations', () => {
  it('cite nothing outside the repository (a URL instead)', () => {
    const found: string[] = [];
    for (const file of SCANNED.flatMap(textFiles)) {
      if (!TEXT.test(file) || file === SELF) continue;
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => UNREACHABLE.some((re) => re.test(line)) && found.push(`${file}:${i + 1}: ${line.trim()}`));
    }
    expect(found).toEqual([]);
  });
});
