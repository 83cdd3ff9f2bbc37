import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The docs check: README code cannot drift from code that runs. A fenced block that is a full
 * example (HTML with a `<script>` or a whole document; TS/JS with an `import`) must carry a
 * marker on the line just above it, and its text must be found in the file the marker names:
 *
 *   <!-- example: examples/website/index.html -->   an example file (served by the demo, e2e-tested)
 *   <!-- tested: test/e2e/some.spec.ts -->          a test, or a fixture page a test loads
 *
 * Either marker may name a file under examples/ or test/ (never src/: the README shows usage).
 *
 * "Found" means: the block's lines, each trimmed, appear as consecutive lines of the file (so
 * an excerpt may be re-indented, but not edited). Marked fragments are checked the same way.
 */

const ROOT = join(__dirname, '../..');

interface Marker {
  kind: 'example' | 'tested';
  path: string;
}

interface Block {
  /** The fence's info string, e.g. `html`, `ts`. */
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
  marker: Marker | null;
}

const MARKER = /^<!--\s*(example|tested):\s*(\S+)\s*-->$/;

/** The fenced code blocks of a Markdown text, each with the marker on the line above it. */
function codeBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence); i++) body.push(lines[i]!);
    const above = MARKER.exec(lines[start - 1]?.trim() ?? '');
    blocks.push({
      lang: open[3]!.toLowerCase(),
      code: body.join('\n'),
      line: start + 1,
      marker: above ? { kind: above[1] as Marker['kind'], path: above[2]! } : null,
    });
  }
  return blocks;
}

/** A full example: what a reader would paste as a whole (a page, a script, a module). */
function isFullExample({ lang, code }: Block): boolean {
  if (['html', 'vue', 'svelte'].includes(lang)) return /<script[\s>]|<!doctype|<html[\s>]/i.test(code);
  if (['ts', 'tsx', 'typescript', 'js', 'jsx', 'javascript', 'mjs'].includes(lang)) return /^\s*import[\s{*]/m.test(code);
  return false;
}

/** Why a marked block does not match its file, or null when it does. */
function drift(block: Block, read: (path: string) => string | null): string | null {
  const { kind, path } = block.marker!;
  if (!/^(examples|test)\//.test(normalize(path))) return `"${kind}:" must name a file under examples/ or test/, not ${path}`;
  const text = read(path);
  if (text === null) return `${path} does not exist`;
  const want = block.code.split('\n').map((line) => line.trim());
  const have = text.split('\n').map((line) => line.trim());
  for (let at = 0; at + want.length <= have.length; at++) {
    if (want.every((line, k) => have[at + k] === line)) return null;
  }
  // Point at the first line of the block that the file does not contain at all, if any.
  const missing = want.find((line) => line && !have.includes(line));
  return `its text is not in ${path}${missing ? `; e.g. this line is not: ${missing}` : ' as consecutive lines'}`;
}

/** Every problem of a Markdown text, one message per block. */
function checkDocs(markdown: string, read: (path: string) => string | null): string[] {
  const problems: string[] = [];
  for (const block of codeBlocks(markdown)) {
    if (block.marker) {
      const why = drift(block, read);
      if (why) problems.push(`line ${block.line}: ${why}`);
    } else if (isFullExample(block)) {
      problems.push(`line ${block.line}: a full ${block.lang} example needs <!-- example: … --> or <!-- tested: … --> above it`);
    }
  }
  return problems;
}

const readRepoFile = (path: string) => {
  const file = join(ROOT, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
};

describe('the docs check itself', () => {
  const files: Record<string, string> = {
    'examples/page.html': '<head>\n  <script src="/sdk.js"\n          data-lang="auto"></script>\n</head>',
    'test/e2e/x.spec.ts': "const snippet = `\nimport { a } from 'b';\na();\n`;",
  };
  const read = (path: string) => files[path] ?? null;
  const fence = '```';

  it('accepts a marked block found in its file, even re-indented', () => {
    const md = `<!-- example: examples/page.html -->\n${fence}html\n<script src="/sdk.js"\n  data-lang="auto"></script>\n${fence}\n`;
    expect(checkDocs(md, read)).toEqual([]);
    const tested = `<!-- tested: test/e2e/x.spec.ts -->\n${fence}ts\nimport { a } from 'b';\na();\n${fence}\n`;
    expect(checkDocs(tested, read)).toEqual([]);
  });

  it('reports a marked block that drifted from its file', () => {
    const md = `<!-- example: examples/page.html -->\n${fence}html\n<script src="/sdk.js"\n  data-lang="fr"></script>\n${fence}\n`;
    expect(checkDocs(md, read)).toEqual([
      'line 2: its text is not in examples/page.html; e.g. this line is not: data-lang="fr"></script>',
    ]);
  });

  it('reports lines that exist but not in that order', () => {
    const md = `<!-- example: examples/page.html -->\n${fence}html\n</head>\n<head>\n${fence}\n`;
    expect(checkDocs(md, read)).toEqual(['line 2: its text is not in examples/page.html as consecutive lines']);
  });

  it('reports a missing file and a marker pointing outside examples/ or test/', () => {
    const gone = `<!-- example: examples/gone.html -->\n${fence}html\n<p>x</p>\n${fence}\n`;
    expect(checkDocs(gone, read)).toEqual(['line 2: examples/gone.html does not exist']);
    const outside = `<!-- example: src/index.ts -->\n${fence}ts\nx\n${fence}\n`;
    expect(checkDocs(outside, read)).toEqual(['line 2: "example:" must name a file under examples/ or test/, not src/index.ts']);
    const fixture = `<!-- example: test/e2e/x.spec.ts -->\n${fence}ts\nimport { a } from 'b';\n${fence}\n`;
    expect(checkDocs(fixture, read)).toEqual([]);
  });

  it('requires a marker on full examples only', () => {
    const md = [
      `${fence}html\n<script src="/x.js"></script>\n${fence}`,
      `${fence}ts\nimport { createConsent } from '@instria/consent';\n${fence}`,
      `${fence}ts\nconsent.acceptAll();\n${fence}`,
      `${fence}html\n<a href="#cookie-preferences" data-consent-open>Cookie preferences</a>\n${fence}`,
      `${fence}sh\nnpm install @instria/consent\n${fence}`,
    ].join('\n\n');
    expect(checkDocs(md, read)).toEqual([
      'line 1: a full html example needs <!-- example: … --> or <!-- tested: … --> above it',
      'line 5: a full ts example needs <!-- example: … --> or <!-- tested: … --> above it',
    ]);
  });
});

/** The user documentation: the README, CONTRIBUTING and every page of docs/. */
const DOC_FILES = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

describe.each(DOC_FILES)('%s', (file) => {
  it('has every full example taken from an example file or a test, word for word', () => {
    expect(checkDocs(readFileSync(join(ROOT, file), 'utf8'), readRepoFile)).toEqual([]);
  });
});

describe('README.md', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('stays a short entry point (under 25 kB), with a table of contents', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(25_000);
    expect(readme).toMatch(/^## Contents$/m);
  });

  it('shows the three ways to use the SDK, each from a real example', () => {
    const markers = codeBlocks(readme).flatMap((block) => (block.marker ? [block.marker.path] : []));
    expect(markers).toEqual(
      expect.arrayContaining(['examples/quick-start/index.html', 'examples/website/index.html', 'examples/app/src/main.ts']),
    );
  });
});
