// The command line: options in, progress on stderr, the report on stdout (and in --json /
// --markdown files), and the exit code: 0 clean, 1 a violation, 2 could not audit.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { audit, renderMarkdown, renderText, VERSION } from './index.mjs';

export const HELP = `Usage: instria-consent-audit <url> [options]

Visits the site's pages in Chromium, twice each in fresh contexts, in four phases (before any
choice, after Reject all, after Accept all, after a withdrawal), and lists every cookie, storage
key and request to another site, classified. Exit: 0 clean, 1 a violation, 2 could not audit.

Pages (default: <url>, the pages of its sitemap.xml, then the links found, up to --max-pages):
  --pages <list>            comma-separated paths or URLs, e.g. /,/pricing,/blog
  --max-pages <n>           at most this many pages (default 10)

Site:
  --config <file>           the site's consent configuration (a script setting
                            window.InstriaConsentConfig, an ES module or JSON): compared
                            with what was seen, with a snippet for what is undeclared
  --storage-state <file>    a Playwright storage state (cookies, localStorage) for pages
                            behind a login
  --strict                  unknown cookies, keys and hosts count as violations too

Reports:
  --json <file>             the full report as JSON ("-" for stdout)
  --markdown <file>         the report in Markdown ("-" for stdout)
  --quiet                   no progress on stderr

Browser:
  --browser <path>          Chromium to use (default: /usr/bin/chromium if present, else
                            Playwright's own)
  --host-resolver-rules <r> Chromium's host mapping, e.g. "MAP *.example.test 127.0.0.1"
                            (a staging server under the production names)
  --timeout <s>             per page load (default 20)
  --settle <ms>             wait after the network is quiet (default 500)
  --concurrency <n>         visits run at once (default 2)

  -h, --help                this help
  -v, --version             the version
`;

const OPTIONS = /** @type {const} */ ({
  pages: { type: 'string' },
  'max-pages': { type: 'string' },
  config: { type: 'string' },
  'storage-state': { type: 'string' },
  strict: { type: 'boolean' },
  json: { type: 'string' },
  markdown: { type: 'string' },
  quiet: { type: 'boolean' },
  browser: { type: 'string' },
  'host-resolver-rules': { type: 'string' },
  timeout: { type: 'string' },
  settle: { type: 'string' },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
});

/** A positive number option, or an error that names it. */
function number(values, name, fallback) {
  if (values[name] === undefined) return fallback;
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, not "${values[name]}"`);
  return value;
}

/** Writes `text` to `target` (a file, or stdout for "-"). */
async function output(target, text, stdout) {
  if (target === '-') stdout.write(text);
  else await writeFile(target, text);
}

/**
 * Runs the command; returns the exit code (never calls process.exit: the bin does).
 * @param {string[]} argv the arguments after the command's name
 * @param {{ stdout: NodeJS.WritableStream & { isTTY?: boolean }, stderr: NodeJS.WritableStream & { isTTY?: boolean }, env?: Record<string, string | undefined> }} io
 */
export async function main(argv, { stdout, stderr, env = {} }) {
  let values;
  let positionals;
  let options;
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
    if (values.help) return stdout.write(HELP), 0;
    if (values.version) return stdout.write(`${VERSION}\n`), 0;
    if (positionals.length !== 1) throw new Error(positionals.length ? `one URL only, not ${positionals.length}` : 'the URL of the site to audit is missing');
    const url = new URL(positionals[0]).href;
    options = {
      url,
      pages: values.pages,
      maxPages: number(values, 'max-pages', 10),
      config: values.config,
      storageState: values['storage-state'],
      strict: values.strict ?? false,
      browser: values.browser,
      hostResolverRules: values['host-resolver-rules'],
      timeout: number(values, 'timeout', 20) * 1000,
      settle: number(values, 'settle', 500),
      concurrency: number(values, 'concurrency', 2),
    };
  } catch (error) {
    stderr.write(`instria-consent-audit: ${error.message}\n\n${HELP}`);
    return 2;
  }
  const toStdout = values.json === '-' || values.markdown === '-';
  const progress = values.quiet
    ? undefined
    : (p) => stderr.write(`[${p.done}/${p.total}] ${p.page} · ${p.phases.join(', ')} · ${p.errors.length ? `error: ${p.errors.join('; ')}` : 'ok'} (${(p.ms / 1000).toFixed(1)} s)\n`);
  let report;
  try {
    report = await audit(options, progress);
  } catch (error) {
    stderr.write(`instria-consent-audit: could not audit: ${error.message}\n`);
    return 2;
  }
  const color = !toStdout && Boolean(stdout.isTTY) && !env.NO_COLOR;
  (toStdout ? stderr : stdout).write(renderText(report, { color }));
  if (values.json) await output(values.json, `${JSON.stringify(report, null, 2)}\n`, stdout);
  if (values.markdown) await output(values.markdown, renderMarkdown(report), stdout);
  return report.exitCode;
}
