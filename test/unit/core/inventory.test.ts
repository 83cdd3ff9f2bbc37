import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngineWithDecisions } from '../../../src/core/consent';
import { cookieTable, displayName, renderCookieTable } from '../../../src/core/inventory';
import type { ConsentOptions } from '../../../src/core/types';
import { memoryStorage } from '../../../src/storage/memory';

afterEach(() => vi.restoreAllMocks());

const options = {
  controller: 'Instria',
  expiresAfterDays: 182,
  categories: {
    essential: { required: true, cookies: [{ name: 'session', purpose: 'Keeps you signed in', duration: 'session' }] },
    analytics: {
      label: 'Analytics',
      purpose: 'Audience measurement',
      duration: '13 months',
      cookies: [/^_pk_/],
      services: {
        ga4: {
          label: 'Google Analytics',
          provider: 'Google Ireland Ltd',
          cookies: [{ name: /^_ga($|_)/, purpose: 'Counts visits', duration: '13 months' }, { name: '_gid', duration: '24 hours' }],
        },
        video: { label: 'Product tour video', description: 'Plays the tour' },
      },
    },
  },
} satisfies ConsentOptions;

describe('cookieTable', () => {
  it('lists the consent cookie, then every declared cookie with its provider, purpose, duration and category', () => {
    expect(cookieTable(options)).toEqual([
      { name: 'instria_consent', provider: 'Instria', purpose: 'Remembers your cookie choices', duration: '182 days', category: 'essential' },
      { name: 'session', provider: 'Instria', purpose: 'Keeps you signed in', duration: 'session', category: 'essential' },
      { name: '_pk_*', provider: 'Instria', purpose: 'Audience measurement', duration: '13 months', category: 'analytics' },
      { name: '/^_ga($|_)/', provider: 'Google Ireland Ltd', purpose: 'Counts visits', duration: '13 months', category: 'analytics', service: 'ga4' },
      { name: '_gid', provider: 'Google Ireland Ltd', purpose: 'Audience measurement', duration: '24 hours', category: 'analytics', service: 'ga4' },
      { name: '', provider: 'Product tour video', purpose: 'Plays the tour', duration: '13 months', category: 'analytics', service: 'video' },
    ]);
  });

  it('follows the consent cookie options, and names the host when no controller is set', () => {
    const [own] = cookieTable({ cookie: { name: 'my_choice' }, expiresAfterDays: 30 });
    expect(own).toEqual({ name: 'my_choice', provider: 'localhost', purpose: 'Remembers your cookie choices', duration: '30 days', category: 'essential' });
  });

  it('takes resolved options too (consent.options)', () => {
    const consent = createEngineWithDecisions({ ...options, storage: memoryStorage() });
    expect(cookieTable(consent.options)).toEqual(cookieTable(options));
  });

  it('ignores a detail of the wrong type, with a warning naming it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const rows = cookieTable({ categories: { analytics: { services: { x: { label: 'X', cookies: [{ name: 'a', duration: 13 as never }] } } } } });
    expect(rows[1]).toMatchObject({ name: 'a', duration: '' });
    expect(warn.mock.calls[0]!.join(' ')).toContain('service "x": cookie "a".duration is invalid (13)');
  });
});

describe('consent.inventory()', () => {
  it('resolves with the table of the instance options', async () => {
    const consent = createEngineWithDecisions({ ...options, storage: memoryStorage() });
    expect(await consent.inventory()).toEqual(cookieTable(options));
  });
});

describe('displayName', () => {
  it.each([
    ['_gid', '_gid'],
    [/^_ga_/, '_ga_*'],
    [/^_gid$/, '_gid'],
    [/_hj/, '*_hj*'],
    [/^_pk_(id|ses)/, '/^_pk_(id|ses)/'],
    [/^hj\.x$/, 'hj.x'],
  ])('%s reads %s', (matcher, shown) => {
    expect(displayName(matcher)).toBe(shown);
  });
});

describe('renderCookieTable', () => {
  const rows = [
    { name: '<script>', provider: 'A & B', purpose: 'say "hi" | \'bye\'', duration: '1 day', category: 'analytics' },
    { name: '', provider: 'Video', purpose: 'Plays\nvideos', duration: '', category: 'analytics', service: 'video' },
  ];

  it('renders an HTML table with column headers, every value escaped', () => {
    expect(renderCookieTable(rows)).toBe(
      '<table data-part="cookie-table">\n' +
        '<thead><tr><th scope="col">Name</th><th scope="col">Provider</th><th scope="col">Purpose</th><th scope="col">Duration</th><th scope="col">Category</th></tr></thead>\n' +
        '<tbody>\n' +
        '<tr><td>&lt;script&gt;</td><td>A &amp; B</td><td>say &quot;hi&quot; | &#39;bye&#39;</td><td>1 day</td><td>analytics</td></tr>\n' +
        '<tr><td>—</td><td>Video</td><td>Plays\nvideos</td><td></td><td>analytics</td></tr>\n' +
        '</tbody>\n</table>\n',
    );
  });

  it('renders a Markdown table, cells escaped, with translated headings', () => {
    expect(renderCookieTable(rows, 'markdown', { name: 'Nom', purpose: 'Finalité' })).toBe(
      '| Nom | Provider | Finalité | Duration | Category |\n' +
        '| --- | --- | --- | --- | --- |\n' +
        '| \\<script\\> | A & B | say "hi" \\| \'bye\' | 1 day | analytics |\n' +
        '| — | Video | Plays videos |  | analytics |\n',
    );
  });
});
