#!/usr/bin/env node
// Package checks on the packed tarball: publint (package.json and files), Are The Types Wrong
// (ESM-only profile), and an SSR smoke test: every entry imports in plain Node, without a DOM,
// createConsent() there returns an instance that reports no decision, the React and Vue
// gates render their fallback, and the server entry reads and writes the consent cookie.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });
const dir = mkdtempSync(join(tmpdir(), 'instria-pack-'));
try {
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
  const tarball = join(dir, name);
  run('npx', ['--no-install', 'publint', '--strict', tarball]);
  run('npx', ['--no-install', 'attw', tarball, '--profile', 'esm-only', '--format', 'table-flipped']);
  run(process.execPath, [
    '--input-type=module',
    '-e',
    `
    if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('a DOM is present');
    for (const entry of ['@instria/consent', '@instria/consent/core']) {
      const mod = await import(entry);
      const consent = mod.createConsent();
      if (consent.state.get().decided !== false || consent.granted('analytics')) throw new Error(entry + ': SSR instance decided');
      consent.acceptAll();
      if (consent.granted('analytics')) throw new Error(entry + ': SSR instance granted');
      console.log('SSR ok:', entry, Object.keys(mod).length, 'exports');
    }
    // The framework bindings import on a server too, and their gates render there (the fallback:
    // a server's instance grants nothing).
    const consent = (await import('@instria/consent/core')).createConsent();
    consent.acceptAll();
    const react = await import('@instria/consent/react');
    const { createElement } = await import('react');
    const { renderToString } = await import('react-dom/server');
    const reactHtml = renderToString(createElement(react.ConsentGate, { consent, category: 'analytics', fallback: 'off' }, 'on'));
    const vue = await import('@instria/consent/vue');
    const { createSSRApp, h } = await import('vue');
    const vueHtml = await (await import('vue/server-renderer')).renderToString(
      createSSRApp({ render: () => h(vue.ConsentGate, { consent, category: 'analytics' }, { default: () => 'on', fallback: () => 'off' }) }),
    );
    const preact = await import('@instria/consent/preact');
    if (reactHtml !== 'off' || vueHtml.replace(/<!--[^]*?-->/g, '') !== 'off' || typeof preact.useGranted !== 'function') throw new Error('SSR gate: ' + reactHtml + ' ' + vueHtml);
    console.log('SSR ok: @instria/consent/react, /vue, /preact (the gate renders its fallback)');
    // The server entry: the browser's state from a Cookie header, and its Set-Cookie back.
    const server = await import('@instria/consent/server');
    const value = '1.3f0c8f0e-4d6b.' + Date.now().toString(36) + '.1.0.analytics~1.';
    const state = server.readConsent('instria_consent=' + value);
    if (!state.decided || !state.categories.analytics) throw new Error('@instria/consent/server: the cookie was not read');
    if (!server.consentCookie(value).startsWith('instria_consent=' + value + '; Path=/; Max-Age=')) throw new Error('@instria/consent/server: bad Set-Cookie');
    console.log('server ok: @instria/consent/server', Object.keys(server).length, 'exports');`,
  ]);
  // An edge runtime without `process` (Cloudflare Workers): the server entry still imports and reads.
  run(process.execPath, [
    '--input-type=module',
    '-e',
    `
    delete globalThis.process;
    const server = await import('@instria/consent/server');
    if (server.readConsent('').decided !== false) throw new Error('@instria/consent/server without process: bad state');
    console.log('server ok without process');`,
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
