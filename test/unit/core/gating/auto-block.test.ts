import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsentEngine } from '../../../../src/core/consent';
import { hostsOf, serviceOfUrl } from '../../../../src/core/gating/auto-block';
import { gating } from '../../../../src/core/gating/index';
import type { Consent, ConsentOptions } from '../../../../src/core/types';
import { memoryStorage } from '../../../../src/storage/memory';

// happy-dom fetches nothing here: these tests check that blocked tags never reach the document
// (or, for images, never get their URL) before consent. Chromium's network log proves the rest
// (test/e2e/gating.spec.ts).

const categories = {
  essential: { required: true },
  analytics: { services: { ga4: { hosts: ['Google-Analytics.com', 'googletagmanager.com'] }, plain: {} } },
  marketing: { services: { pixel: { hosts: ['connect.facebook.net'] } } },
} as const;

type Cat = keyof typeof categories;
let consent: Consent<Cat> | undefined;

const make = (options: ConsentOptions<Cat> = {}) =>
  (consent = createConsentEngine<Cat>({ categories, storage: memoryStorage(), plugins: [gating()], ...options }));

const script = (src: string) => Object.assign(document.createElement('script'), { src });
const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-X';

beforeEach(() => {
  document.head.innerHTML = '<script id="first"></script>';
  document.body.innerHTML = '<main><p id="ref"></p></main>';
});
afterEach(() => consent?.destroy());

describe('hostsOf / serviceOfUrl', () => {
  const hosts = hostsOf(make().options);

  it('lists every host of every service, lower-cased', () => {
    expect(hosts).toEqual([
      ['google-analytics.com', 'ga4'],
      ['googletagmanager.com', 'ga4'],
      ['connect.facebook.net', 'pixel'],
    ]);
  });

  it('matches a host and its sub-domains, not look-alikes', () => {
    expect(serviceOfUrl(hosts, 'https://www.google-analytics.com/g/collect')).toBe('ga4');
    expect(serviceOfUrl(hosts, 'https://google-analytics.com/')).toBe('ga4');
    expect(serviceOfUrl(hosts, '//connect.facebook.net/en_US/fbevents.js')).toBe('pixel');
    expect(serviceOfUrl(hosts, 'https://notgoogle-analytics.com/x.js')).toBeUndefined();
    expect(serviceOfUrl(hosts, 'https://google-analytics.com.evil.test/x.js')).toBeUndefined();
    expect(serviceOfUrl(hosts, '/local.js')).toBeUndefined();
    expect(serviceOfUrl(hosts, 'http://[bad')).toBeUndefined();
  });
});

describe('auto-blocking', () => {
  it('is not installed when no service lists hosts', () => {
    const appendChild = Node.prototype.appendChild;
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
    consent = createConsentEngine({ storage: memoryStorage(), plugins: [gating()] });
    expect(Node.prototype.appendChild).toBe(appendChild);
    expect(Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')).toEqual(src);
  });

  it('holds injected scripts and iframes from listed hosts, by every patched method, and lets others through', () => {
    make();
    const held = [script(GTM), script(GTM), script(GTM), script(GTM)];
    const frame = Object.assign(document.createElement('iframe'), { src: 'https://www.google-analytics.com/frame' });
    const ok = script('https://cdn.test/ok.js');
    const first = document.getElementById('first')!;
    expect(first.parentNode!.insertBefore(held[0]!, first)).toBe(held[0]);
    expect(document.body.appendChild(held[1]!)).toBe(held[1]);
    document.body.append(held[2]!, ok, 'text');
    document.querySelector('main')!.prepend(held[3]!, frame);
    expect([...held, frame].map((node) => node.isConnected)).toEqual([false, false, false, false, false]);
    expect(ok.parentNode).toBe(document.body);
    expect(document.body.lastChild!.textContent).toBe('text');
  });

  it('inserts held tags in order where they were meant to go once granted, at the end of the parent if the reference is gone', () => {
    make();
    const [a, b, c] = [script(`${GTM}&a`), script(`${GTM}&b`), script(`${GTM}&c`)];
    const first = document.getElementById('first')!;
    document.head.insertBefore(a, first);
    const main = document.querySelector('main')!;
    const ref = document.getElementById('ref')!;
    main.insertBefore(b, ref);
    main.insertBefore(c, ref);
    ref.remove();
    consent!.acceptAll();
    expect(a.nextSibling).toBe(first);
    expect([...main.children]).toEqual([b, c]);
  });

  it('drops held tags when their service is refused, and any later ones at once', () => {
    make();
    const gtm = script(GTM);
    const pixel = script('https://connect.facebook.net/fbevents.js');
    document.head.append(gtm, pixel);
    consent!.set({ analytics: true });
    expect(gtm.isConnected).toBe(true);
    expect(pixel.isConnected).toBe(false);
    const late = script('https://connect.facebook.net/again.js');
    document.head.appendChild(late);
    expect(late.isConnected).toBe(false);
    consent!.acceptAll();
    expect(pixel.isConnected).toBe(false);
    expect(late.isConnected).toBe(false);
  });

  it('holds an image URL from a listed host until consent (images fetch as soon as src is set)', () => {
    make();
    const img = new Image();
    img.src = 'https://www.google-analytics.com/collect?v=1';
    expect(img.getAttribute('src')).toBeNull();
    const other = new Image();
    other.src = 'https://cdn.test/a.png';
    expect(other.src).toBe('https://cdn.test/a.png');
    consent!.acceptAll();
    expect(img.src).toBe('https://www.google-analytics.com/collect?v=1');
  });

  it('restores the patched methods on destroy', () => {
    const appendChild = Node.prototype.appendChild;
    const append = Element.prototype.append;
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
    make();
    expect(Node.prototype.appendChild).not.toBe(appendChild);
    consent!.destroy();
    expect(Node.prototype.appendChild).toBe(appendChild);
    expect(Element.prototype.append).toBe(append);
    expect(Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')).toEqual(src);
    document.head.appendChild(script(GTM));
    expect(document.head.lastElementChild!.getAttribute('src')).toBe(GTM);
  });

  it('turns a parser-style script from a listed host into a gated one, activated on consent', async () => {
    make();
    // innerHTML bypasses the patched methods, as the parser does.
    document.body.innerHTML = `<script src="${GTM}" type="module"></script>`;
    await new Promise((resolve) => setTimeout(resolve, 0));
    const parsed = document.body.querySelector('script')!;
    expect(parsed.type).toBe('text/plain');
    expect(parsed.dataset).toMatchObject({ consent: 'analytics', service: 'ga4', type: 'module' });
    consent!.acceptAll();
    const live = document.body.querySelector('script')!;
    expect(live).not.toBe(parsed);
    expect(live.type).toBe('module');
  });
});
