// @vitest-environment node
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { givenPages, pageUrl, parseRobots, parseSitemap, scopeOf } from '../../../audit/src/pages.mjs';

describe('pages', () => {
  it('resolves --pages against the start URL', () => {
    expect(givenPages('/, /pricing ,https://a.test/blog,', 'https://a.test/fr/')).toEqual(['https://a.test/', 'https://a.test/pricing', 'https://a.test/blog']);
  });

  it('follows same-origin pages only, without fragments or files', () => {
    expect(pageUrl('/a#top', 'https://a.test')).toBe('https://a.test/a');
    expect(pageUrl('https://b.test/a', 'https://a.test')).toBeNull();
    expect(pageUrl('/brochure.pdf', 'https://a.test')).toBeNull();
    expect(pageUrl('mailto:x@a.test', 'https://a.test')).toBeNull();
  });

  it('scopes the audit to the start URL’s folder', () => {
    expect(scopeOf('http://127.0.0.1:4173/examples/website/')).toBe('http://127.0.0.1:4173/examples/website/');
    expect(scopeOf('https://a.test/docs/intro.html?x=1')).toBe('https://a.test/docs/');
  });
});

describe('parseRobots', () => {
  const robots = parseRobots(
    ['User-agent: Googlebot', 'Disallow: /', '', 'User-agent: *', 'Disallow: /admin', 'Disallow: /*.php$', 'Allow: /admin/public', 'Disallow:', 'Sitemap: https://a.test/s.xml # main'].join('\n'),
  );

  it('applies the group for every agent, the longest rule winning', () => {
    expect(robots.allows('/')).toBe(true);
    expect(robots.allows('/admin/users')).toBe(false);
    expect(robots.allows('/admin/public/x')).toBe(true);
    expect(robots.allows('/index.php')).toBe(false);
    expect(robots.allows('/index.php?x')).toBe(true);
    expect(robots.sitemaps).toEqual(['https://a.test/s.xml']);
  });

  it('prefers a group naming the audit, and allows everything without rules', () => {
    expect(parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: instria-consent-audit\nDisallow: /private').allows('/shop')).toBe(true);
    expect(parseRobots('').allows('/anything')).toBe(true);
  });
});

describe('parseSitemap', () => {
  it('reads <loc> entries, entities decoded, and tells an index apart', () => {
    expect(parseSitemap('<urlset><url><loc> https://a.test/?a=1&amp;b=2 </loc></url></urlset>')).toEqual({ locs: ['https://a.test/?a=1&b=2'], index: false });
    expect(parseSitemap('<sitemapindex><sitemap><loc>https://a.test/s1.xml</loc></sitemap></sitemapindex>').index).toBe(true);
  });
});
