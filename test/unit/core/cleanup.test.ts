import { describe, expect, it } from 'vitest';
import { KNOWN_ANALYTICS, cookieDomains, cookiePaths, matchesName } from '../../../src/core/cleanup';

// REQUIREMENTS.md item 49: deletion must try every domain and path a tracker may have used.
describe('cookieDomains', () => {
  it('tries host-only, the host and every parent domain (GA writes at the highest level)', () => {
    expect(cookieDomains('app.example.co.uk')).toEqual([undefined, 'app.example.co.uk', 'example.co.uk', 'co.uk']);
    expect(cookieDomains('www.example.test')).toEqual([undefined, 'www.example.test', 'example.test']);
  });

  it('tries host-only alone for an IP address or a single-label host', () => {
    expect(cookieDomains('127.0.0.1')).toEqual([undefined]);
    expect(cookieDomains('[::1]')).toEqual([undefined]);
    expect(cookieDomains('localhost')).toEqual([undefined]);
  });
});

describe('cookiePaths', () => {
  it('tries / and every ancestor of the current path, and the path itself', () => {
    expect(cookiePaths('/')).toEqual(['/']);
    expect(cookiePaths('/blog/2026/post')).toEqual(['/', '/blog', '/blog/2026', '/blog/2026/post']);
    expect(cookiePaths('/docs/')).toEqual(['/', '/docs']);
  });
});

describe('KNOWN_ANALYTICS', () => {
  it.each(['_ga', '_ga_ABC123', '_gid', '_gat_UA-1', '_dc_gtm_UA-1', '_pk_id.1.abcd', '_pk_ses.1.abcd', '_hjSessionUser_1', '_clck'])(
    'matches %s',
    (name) => expect(matchesName(name, KNOWN_ANALYTICS)).toBe(true),
  );

  it.each(['session', 'instria_consent', '_gallery', 'mtm_consent_removed', 'gamer'])('leaves %s alone', (name) => {
    expect(matchesName(name, KNOWN_ANALYTICS)).toBe(false);
  });
});
