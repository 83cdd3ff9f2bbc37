import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/**
 * The consent audit CLI (`audit/`, `instria-consent-audit`), run for real, in its own Chromium,
 * against the test server: the website example must come out clean (exit 0), and the leaky
 * example (examples/leaky/) must fail (exit 1) with each planted violation named, and nothing
 * else; on a page without window.InstriaConsent it clicks the banner's buttons, and a page
 * that does not load is reported while the others are audited. The leaky page's trackers live
 * on *.example.test (port 80 in its markup), which Chromium's --host-resolver-rules maps to the
 * test server.
 */

type Finding = { phase: string; kind: string; name: string; classification: { vendor: string | null; category: string }; setBy: { url: string | null; how: string } | null };
type Report = { exitCode: number; violations: Finding[]; review: Finding[]; errors: Array<{ page: string; phase: string | null; message: string }>; pages: Array<{ url: string; phases: Record<string, { via: string | null; cookies: Array<{ name: string; httpOnly: boolean; setBy: Finding['setBy']; classification: Finding['classification'] }> }> }>; config: { undeclared: Array<{ name: string }>; snippet: string | null } | null };

/** Runs the CLI; resolves with its exit code, output and JSON report. */
function runAudit(args: string[], json: string): Promise<{ code: number; stdout: string; stderr: string; report: Report }> {
  return new Promise((done) => {
    execFile(process.execPath, ['audit/bin/instria-consent-audit.mjs', ...args, '--json', json], { timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: unknown }).code ?? -1) : 0;
      done({ code, stdout, stderr, report: JSON.parse(readFileSync(json, 'utf8')) as Report });
    });
  });
}

test.describe('instria-consent-audit', () => {
  test.setTimeout(120_000);

  test('passes the website example: its three pages, every phase, exit code 0', async ({ baseURL }, testInfo) => {
    const markdown = testInfo.outputPath('website.md');
    const { code, stdout, stderr, report } = await runAudit(
      [`${baseURL}/examples/website/`, '--config', 'examples/website/assets/consent-config.js', '--markdown', markdown],
      testInfo.outputPath('website.json'),
    );
    expect(report.violations, stdout).toEqual([]);
    expect(report.errors, stdout).toEqual([]);
    expect(code, stderr).toBe(0);
    expect(report.pages.map((page) => new URL(page.url).pathname).sort()).toEqual(['/examples/website/', '/examples/website/pricing.html', '/examples/website/privacy.html']);
    expect(stdout).toContain('Clean: nothing that needs consent');
    expect(stderr).toMatch(/\[6\/6\] .* ok/);
    expect(readFileSync(markdown, 'utf8')).toContain('## Result');
  });

  test('fails the leaky example with each planted violation named, and nothing else', async ({ baseURL }, testInfo) => {
    const port = new URL(baseURL!).port;
    const { code, stdout, report } = await runAudit(
      [
        `${baseURL}/examples/leaky/`,
        '--pages',
        '/examples/leaky/',
        '--config',
        'examples/leaky/assets/consent-config.js',
        '--host-resolver-rules',
        `MAP *.example.test:80 127.0.0.1:${port}`,
      ],
      testInfo.outputPath('leaky.json'),
    );
    expect(code, stdout).toBe(1);
    const named = (phase: string) => report.violations.filter((v) => v.phase === phase).map((v) => `${v.kind} ${v.name}`).sort();
    // 1. The pixel above the consent script: its host, before any choice and on the page after a
    //    refusal (the SDK deletes its declared _fbp cookie, but cannot stop the request).
    // 2. The recorder the site's script injects at load: its host and its Hotjar cookie.
    const leaks = ['cookie _hjSessionUser_1234', 'request pixel.example.test', 'request rec.example.test'];
    expect(named('before')).toEqual(leaks);
    expect(named('reject')).toEqual(leaks);
    // 3. The ads cookie the configuration forgot, left after the withdrawal (with the two
    //    ungated tags, which run again on the next load).
    expect(named('withdraw')).toEqual(['cookie _uetvid', ...leaks].sort());
    expect(report.violations.find((v) => v.name === 'rec.example.test')?.classification).toMatchObject({ vendor: 'Hotjar', category: 'analytics' });
    // Who wrote the cookie: the script, read from the call stack as it wrote document.cookie.
    expect(report.violations.find((v) => v.name === '_uetvid')?.setBy).toEqual({ url: `http://ads.example.test/examples/leaky/trackers/ads.js`, how: 'script' });
    // The shop's session cookie, set by its server (HttpOnly): listed with the response that set it, essential.
    expect(report.pages[0]!.phases.before!.cookies.find((c) => c.name === 'PHPSESSID')).toMatchObject({
      httpOnly: true,
      setBy: { url: `${baseURL}/examples/leaky/`, how: 'Set-Cookie' },
      classification: { vendor: 'PHP', category: 'essential' },
    });
    expect(report.errors).toEqual([]);
    // The configuration check names what no service declares, with a snippet to paste.
    expect(report.config?.undeclared.map((u) => u.name).sort()).toEqual(['_hjSessionUser_1234', '_uetvid', 'rec.example.test']);
    expect(report.config?.snippet).toContain("hotjar: { label: 'Hotjar', cookies: [/^_hj/], hosts: ['rec.example.test'] },");
  });

  test('clicks the banner’s buttons where the page has no window.InstriaConsent (the npm app example), with --storage-state, and reports a page that does not load', async ({ baseURL }, testInfo) => {
    // A signed-in session, as `--storage-state` takes it (Playwright's format): its cookie is in every phase.
    const state = testInfo.outputPath('state.json');
    const session = { name: 'app_session', value: 'signed-in', domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' };
    writeFileSync(state, JSON.stringify({ cookies: [session], origins: [] }));
    const { code, stdout, report } = await runAudit(
      [`${baseURL}/examples/app/`, '--pages', '/examples/app/,/examples/missing.html', '--storage-state', state],
      testInfo.outputPath('app.json'),
    );
    // Reject all, Accept all, then "Cookie preferences" and Reject all: each found by its name.
    const app = report.pages.find((page) => page.url.endsWith('/examples/app/'))!;
    expect([app.phases.reject?.via, app.phases.accept?.via, app.phases.withdraw?.via]).toEqual(['button', 'button', 'button']);
    expect(report.violations).toEqual([]);
    expect(app.phases.before!.cookies.map((c) => c.name)).toEqual(['app_session']);
    expect(report.review.map((f) => `${f.phase} ${f.name}`).sort()).toEqual(['before app_session', 'reject app_session', 'withdraw app_session']);
    // The missing page: a message per phase, in the order the visits ended (sorted here), and
    // exit code 2: the audit is incomplete.
    expect(report.errors.map((e) => `${new URL(e.page).pathname} ${e.phase} ${e.message.replace(baseURL!, '')}`).sort()).toEqual(
      [
        '/examples/missing.html before HTTP 404 on /examples/missing.html: the page did not load',
        '/examples/missing.html reject not reached: HTTP 404 on /examples/missing.html: the page did not load',
        '/examples/missing.html accept HTTP 404 on /examples/missing.html: the page did not load',
        '/examples/missing.html withdraw not reached: HTTP 404 on /examples/missing.html: the page did not load',
      ].sort(),
    );
    expect(code, stdout).toBe(2);
    expect(stdout).toContain('Incomplete: some pages or phases could not be audited');
  });
});
