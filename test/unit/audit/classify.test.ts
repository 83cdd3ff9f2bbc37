// @vitest-environment node
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { classifyCookie, classifyKey, classifyRequest, siteOf } from '../../../audit/src/classify.mjs';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { declaredBy } from '../../../audit/src/config.mjs';

const bare = declaredBy({});
const site = declaredBy({
  cookie: { name: 'shop_consent' },
  categories: {
    essential: { required: true, cookies: ['cart'] },
    stats: { services: { counter: { label: 'Counter', cookies: [/^cnt_/], hosts: ['count.example.test'] } } },
  },
});

describe('classifyCookie', () => {
  it('knows the site’s own consent cookie as essential', () => {
    expect(classifyCookie({ name: 'instria_consent' }, bare)).toMatchObject({ category: 'essential', needsConsent: false });
    expect(classifyCookie({ name: 'shop_consent' }, site)).toMatchObject({ category: 'essential', needsConsent: false });
  });

  it('takes the list first, then the configuration, then the entity of a third-party domain', () => {
    expect(classifyCookie({ name: '_fbp' }, site)).toMatchObject({ vendor: 'Meta Pixel', category: 'marketing', needsConsent: true });
    expect(classifyCookie({ name: 'cnt_id' }, site)).toMatchObject({ vendor: 'Counter', category: 'stats', needsConsent: true, source: 'site configuration: categories.stats.services.counter' });
    expect(classifyCookie({ name: 'cart' }, site)).toMatchObject({ category: 'essential', needsConsent: false });
    expect(classifyCookie({ name: 'xyz', domain: '.doubleclick.net' }, bare)).toMatchObject({ category: 'ad', needsConsent: true });
  });

  it('says unknown rather than guess', () => {
    expect(classifyCookie({ name: 'tracking_id', domain: '127.0.0.1' }, bare)).toMatchObject({ category: 'unknown', needsConsent: null, vendor: null });
  });
});

describe('classifyKey', () => {
  it('classifies storage keys like cookies, by the frame’s origin last', () => {
    expect(classifyKey('_hjLocalStorageTest', 'https://shop.test', bare)).toMatchObject({ vendor: 'Hotjar', needsConsent: true });
    expect(classifyKey('cnt_last', 'https://shop.test', site)).toMatchObject({ vendor: 'Counter' });
    expect(classifyKey('anything', 'https://www.youtube.com', bare)).toMatchObject({ category: 'video', needsConsent: true });
    expect(classifyKey('theme', 'https://shop.test', bare).category).toBe('unknown');
  });
});

describe('classifyRequest', () => {
  it('uses third-party-web for known hosts', () => {
    expect(classifyRequest('https://www.google-analytics.com/g/collect?v=2', bare)).toMatchObject({ category: 'analytics', needsConsent: true });
    expect(classifyRequest('https://cdn.jsdelivr.net/npm/x.js', bare)).toMatchObject({ category: 'cdn', needsConsent: false });
  });

  it('leaves tag managers to review unless the site declares them, and declared hosts need consent', () => {
    expect(classifyRequest('https://www.googletagmanager.com/gtm.js', bare)).toMatchObject({ category: 'tag-manager', needsConsent: null });
    expect(classifyRequest('http://count.example.test/hit', site)).toMatchObject({ vendor: 'Counter', needsConsent: true });
    expect(classifyRequest('http://sub.count.example.test/hit', site).vendor).toBe('Counter');
    expect(classifyRequest('http://other.example.test/hit', site).category).toBe('unknown');
  });

  it('tells sites apart by registrable domain', () => {
    expect(siteOf('https://a.shop.co.uk/x')).toBe(siteOf('https://b.shop.co.uk/'));
    expect(siteOf('http://127.0.0.1:4173/')).toBe('127.0.0.1');
    expect(siteOf('http://pixel.example.test/')).not.toBe(siteOf('http://127.0.0.1/'));
  });
});
