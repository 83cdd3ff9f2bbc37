import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineWithDecisions } from '../../../../src/core/consent';
import { hostsOf, serviceOfUrl } from '../../../../src/core/gating/auto-block';
import { gating } from '../../../../src/core/gating/index';
import { resolveOptions } from '../../../../src/core/options';
import type { Consent, ConsentOptions } from '../../../../src/core/types';
import { memoryStorage } from '../../../../src/storage/memory';
import { consoleSpy, refusedLoads, testConsent } from '../../support';

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
  (consent = testConsent<Cat>({ categories, plugins: [gating()], ...options }));

// The page's own methods, kept before any instance patches them.
const setAttribute = Element.prototype.setAttribute;
const nativeFetch = window.fetch;
const { open, send } = XMLHttpRequest.prototype;
const nativeBeacon = Navigator.prototype.sendBeacon;

/** A tag built the way snippets build one, after the SDK: `createElement`, then its `src`. */
const tag = (name: string, src: string) => Object.assign(document.createElement(name), { src });
const script = (src: string) => tag('script', src);
/** Whether `element` carries its URL (what would make it fetch once inserted). */
const armed = (element: Element) => element.hasAttribute('src');
const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-X';

/** The URLs the page asked happy-dom to load (it loads none): see refusedLoads(). */
let loads: () => string[];
beforeEach(() => {
  loads = refusedLoads();
  document.head.innerHTML = '<script id="first"></script>';
  document.body.innerHTML = '<main><p id="ref"></p></main>';
});
afterEach(() => {
  consent?.destroy();
  vi.restoreAllMocks();
});

describe('hostsOf / serviceOfUrl', () => {
  // Options only: an instance made here would stay installed under the tests' own.
  const hosts = hostsOf(resolveOptions<Cat>({ categories }));

  it('lists every host of every service, lower-cased', () => {
    expect(hosts).toEqual([
      ['google-analytics.com', 'ga4'],
      ['googletagmanager.com', 'ga4'],
      ['connect.facebook.net', 'pixel'],
    ]);
  });

  it('matches a host and its sub-domains, not look-alikes, and says so in development when a URL does not parse', () => {
    const warned = consoleSpy('warn');
    expect(serviceOfUrl(hosts, 'https://www.google-analytics.com/g/collect')).toBe('ga4');
    expect(serviceOfUrl(hosts, 'https://google-analytics.com/')).toBe('ga4');
    expect(serviceOfUrl(hosts, '//connect.facebook.net/en_US/fbevents.js')).toBe('pixel');
    expect(serviceOfUrl(hosts, 'https://notgoogle-analytics.com/x.js')).toBeUndefined();
    expect(serviceOfUrl(hosts, 'https://google-analytics.com.evil.test/x.js')).toBeUndefined();
    expect(serviceOfUrl(hosts, '/local.js')).toBeUndefined();
    expect(serviceOfUrl(hosts, 'http://[bad')).toBeUndefined();
    expect(warned()).toEqual(['TypeError: Invalid URL']);
  });
});

describe('hosts: odd entries and spellings', () => {
  it('drops a bad hosts entry alone, with a warning; gating and the other entries keep working', async () => {
    const warned = consoleSpy('warn');
    const odd = {
      essential: { required: true },
      analytics: { services: { ga4: { hosts: [42, 'googletagmanager.com'] }, bad: { hosts: [null, ''] }, one: { hosts: 'cdn.one.test' } } },
    } as unknown as typeof categories;
    expect(hostsOf(resolveOptions({ categories: odd }))).toEqual([
      ['googletagmanager.com', 'ga4'],
      ['cdn.one.test', 'one'],
    ]);
    expect(warned()).toContain('service "ga4": hosts entry 42 is not a host name; ignored');
    document.body.innerHTML = '<img data-consent="analytics" data-src="/pixel.gif">';
    consent = testConsent<Cat>({ categories: odd, plugins: [gating()] });
    const held = script(GTM);
    document.body.append(held);
    expect(armed(held)).toBe(false);
    consent.acceptAll();
    await flush();
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/pixel.gif');
    expect(held.getAttribute('src')).toBe(GTM);
  });

  it('matches whatever the spelling: trailing dot, capitals, Unicode or punycode, any port', () => {
    const spelled = {
      essential: { required: true },
      analytics: { services: { t: { hosts: ['Tracker.Example.test.', 'bücher.example', 'xn--caf-dma.example:8443'] } } },
    } as unknown as typeof categories;
    const list = hostsOf(resolveOptions({ categories: spelled }));
    expect(list.map(([host]) => host)).toEqual(['tracker.example.test', 'xn--bcher-kva.example', 'xn--caf-dma.example']);
    for (const url of [
      'https://tracker.example.test./t.js',
      'https://TRACKER.example.TEST/t.js',
      'https://cdn.tracker.example.test:8080/t.js',
      'https://BÜCHER.example/t.js',
      'https://xn--bcher-kva.example/t.js',
      'https://café.example/t.js',
    ]) {
      expect([url, serviceOfUrl(list, url)]).toEqual([url, 't']);
    }
  });

  it('holds scripts, iframes and images of such spellings, also in HTML', () => {
    make({
      categories: { ...categories, marketing: { services: { pixel: { hosts: ['Tracker.Example.test.', 'bücher.example'] } } } },
    });
    const urls = ['https://tracker.example.test.:8443/a.js', 'https://TRACKER.EXAMPLE.TEST/f', 'https://xn--bcher-kva.example/i.gif'];
    const tags = [script(urls[0]!), tag('iframe', urls[1]!), tag('img', urls[2]!)];
    document.body.append(...tags);
    expect(tags.map(armed)).toEqual([false, false, false]);
    const main = document.querySelector('main')!;
    main.innerHTML = '<img src="https://b&#xFC;cher.example/x.gif"><img src="https://&#116;racker.example.test/y.gif">';
    expect(main.querySelectorAll('img[src]')).toHaveLength(0);
    expect(main.querySelectorAll('img[data-consent="marketing"]')).toHaveLength(2);
  });
});

describe('auto-blocking', () => {
  it('is not installed when no service lists hosts', () => {
    const appendChild = Node.prototype.appendChild;
    const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
    consent = createEngineWithDecisions({ storage: memoryStorage(), plugins: [gating()] });
    expect(Node.prototype.appendChild).toBe(appendChild);
    expect(Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')).toEqual(src);
  });

  it('injected scripts and iframes from listed hosts go in without their URL, whatever the method; others untouched', () => {
    make();
    const held = [script(GTM), script(GTM), script(GTM), script(GTM)];
    const frame = tag('iframe', 'https://www.google-analytics.com/frame');
    const ok = script('https://cdn.test/ok.js');
    const first = document.getElementById('first')!;
    expect(first.parentNode!.insertBefore(held[0]!, first)).toBe(held[0]);
    expect(document.body.appendChild(held[1]!)).toBe(held[1]);
    document.body.append(held[2]!, ok, 'text');
    document.querySelector('main')!.prepend(held[3]!, frame);
    expect([...held, frame].map(armed)).toEqual([false, false, false, false, false]);
    expect(armed(ok)).toBe(true);
    expect(document.body.lastChild!.textContent).toBe('text');
    // What the browser was asked for: the other host's script, and a blank frame.
    expect(loads()).toEqual(['https://cdn.test/ok.js', 'about:blank']);
  });

  it('held tags get their URLs in order once granted, where they were inserted', () => {
    make();
    const [a, b] = [script(`${GTM}&a`), script(`${GTM}&b`)];
    const first = document.getElementById('first')!;
    document.head.insertBefore(a, first);
    document.querySelector('main')!.append(b);
    consent!.acceptAll();
    expect(a.nextSibling).toBe(first);
    expect([a, b].map((element) => element.getAttribute('src'))).toEqual([`${GTM}&a`, `${GTM}&b`]);
    expect(loads()).toEqual([`${GTM}&a`, `${GTM}&b`]);
  });

  it('drops held URLs when their service is refused, and any later ones at once', () => {
    make();
    const gtm = script(GTM);
    const pixel = script('https://connect.facebook.net/fbevents.js');
    document.head.append(gtm, pixel);
    consent!.set({ analytics: true });
    expect(armed(gtm)).toBe(true);
    expect(armed(pixel)).toBe(false);
    const late = script('https://connect.facebook.net/again.js');
    document.head.appendChild(late);
    expect(armed(late)).toBe(false);
    consent!.acceptAll();
    expect(armed(pixel)).toBe(false);
    expect(armed(late)).toBe(false);
    expect(loads(), 'only the granted service was fetched').toEqual([GTM]);
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

  it('restores the patched setters on destroy', () => {
    const src = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src');
    make();
    expect(Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')).not.toEqual(src);
    consent!.destroy();
    expect(Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')).toEqual(src);
    expect(Element.prototype.setAttribute).toBe(setAttribute);
    document.head.appendChild(script(GTM));
    expect(document.head.lastElementChild!.getAttribute('src')).toBe(GTM);
    expect(loads()).toEqual([GTM]);
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
    expect(loads()).toEqual([GTM]);
  });
});

/** Lets the MutationObserver and gating's activation run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const GA = 'https://www.google-analytics.com/g/collect?v=2';

describe('auto-blocking: URLs set on elements', () => {
  it('holds a src or href set through the property or setAttribute, in the document or not, and sets it once granted, in order', () => {
    make();
    const sent: string[] = [];
    const img = document.body.appendChild(new Image());
    img.addEventListener('load', () => sent.push('img'));
    const s = document.createElement('script');
    s.src = GTM;
    document.head.appendChild(s);
    const frame = document.body.appendChild(document.createElement('iframe'));
    frame.src = 'https://www.google-analytics.com/frame';
    const link = document.createElement('link');
    link.setAttribute('HREF', 'https://www.googletagmanager.com/style.css');
    img.setAttribute('src', GA);
    expect([s, frame, link, img].map((element) => element.getAttribute('src') ?? element.getAttribute('href'))).toEqual([null, null, null, null]);
    // The script went in, without its URL: nothing to fetch.
    expect(s.isConnected).toBe(true);
    consent!.acceptAll();
    expect(s.getAttribute('src')).toBe(GTM);
    expect(frame.getAttribute('src')).toBe('https://www.google-analytics.com/frame');
    expect(link.getAttribute('href')).toBe('https://www.googletagmanager.com/style.css');
    expect(img.getAttribute('src')).toBe(GA);
    expect(loads()).toEqual(['about:blank', GTM, 'https://www.google-analytics.com/frame']);
  });

  it('leaves other attributes, other elements and other hosts alone', () => {
    make();
    const a = document.createElement('a');
    a.setAttribute('href', GA);
    const img = new Image();
    img.setAttribute('alt', GA);
    img.setAttribute('src', '/local.png');
    const s = document.createElement('script');
    s.src = 'https://cdn.test/ok.js';
    expect([a.getAttribute('href'), img.getAttribute('alt'), img.getAttribute('src'), s.getAttribute('src')]).toEqual([GA, GA, '/local.png', 'https://cdn.test/ok.js']);
  });

  it('drops URLs held for a refused service, and sets none later', () => {
    make();
    const img = new Image();
    img.setAttribute('src', GA);
    consent!.rejectAll();
    img.src = GA;
    consent!.acceptAll();
    expect(img.getAttribute('src')).toBeNull();
  });
});

describe('auto-blocking: before, after, replaceWith, insertAdjacentElement', () => {
  it('tags inserted next to an element go in without their URL, and get it in order once granted', () => {
    make();
    const main = document.querySelector('main')!;
    main.innerHTML = '<p id="a"></p><p id="b"></p><p id="c"></p>';
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id)!) as [HTMLElement, HTMLElement, HTMLElement];
    const held = ['before', 'after', 'replace', 'adjacent'].map((name) => script(`${GTM}&${name}`));
    a.before(held[0]!);
    a.after(held[1]!);
    c.replaceWith(held[2]!);
    expect(b.insertAdjacentElement('afterend', held[3]!)).toBe(held[3]);
    expect(held.map(armed)).toEqual([false, false, false, false]);
    expect(held.every((node) => node.isConnected)).toBe(true);
    consent!.acceptAll();
    expect(held.map((node) => node.getAttribute('src')!.split('&')[1])).toEqual(['before', 'after', 'replace', 'adjacent']);
    expect(loads()).toEqual(['before', 'after', 'replace', 'adjacent'].map((where) => `${GTM}&${where}`));
  });
});

describe('auto-blocking: HTML strings', () => {
  const HTML = `<p>Hi</p><img src="${GA}" alt="pixel"><iframe src="https://www.googletagmanager.com/ns.html" title="GTM"></iframe><img src="/ok.png">`;

  it('innerHTML, insertAdjacentHTML: listed URLs come out gated, and load once granted', async () => {
    make();
    const main = document.querySelector('main')!;
    main.innerHTML = HTML;
    document.head.insertAdjacentHTML('beforeend', `<script src="${GTM}" type="module"></script>`);
    main.insertAdjacentHTML('beforeend', `<img src="https://connect.facebook.net/tr?id=1" alt="meta">`);
    expect(document.querySelectorAll('[src*="google"], [src*="facebook"]')).toHaveLength(0);
    expect(main.querySelector<HTMLElement>('img[alt="pixel"]')!.dataset).toMatchObject({ src: GA, consent: 'analytics', service: 'ga4' });
    expect(main.querySelector('img[src="/ok.png"]')).not.toBeNull();
    expect(main.querySelector('p')!.textContent).toBe('Hi');
    const parsed = document.head.querySelector('script[data-consent]') as HTMLScriptElement;
    expect(parsed.type).toBe('text/plain');
    expect(parsed.dataset).toMatchObject({ src: GTM, type: 'module', service: 'ga4' });
    consent!.set({ analytics: true });
    await flush();
    expect(main.querySelector('img[alt="pixel"]')!.getAttribute('src')).toBe(GA);
    expect(main.querySelector('iframe')!.getAttribute('src')).toBe('https://www.googletagmanager.com/ns.html');
    expect(document.head.querySelector(`script[src="${GTM}"]`)!.getAttribute('type')).toBe('module');
    // Marketing is still refused: the Meta pixel stays inert.
    expect(main.querySelector('img[alt="meta"]')!.hasAttribute('src')).toBe(false);
    expect(loads()).toEqual(['about:blank', GTM, 'https://www.googletagmanager.com/ns.html']);
  });

  it('leaves HTML that names no listed host as it is, and granted hosts too', () => {
    make();
    const main = document.querySelector('main')!;
    main.innerHTML = '<img src="/a.png"><script src="https://cdn.test/x.js"></script>';
    expect(main.innerHTML).toBe('<img src="/a.png"><script src="https://cdn.test/x.js"></script>');
    consent!.acceptAll();
    main.innerHTML = `<img src="${GA}">`;
    expect(main.querySelector('img')!.getAttribute('src')).toBe(GA);
    expect(loads()).toEqual(['https://cdn.test/x.js']);
  });
});

describe('auto-blocking: requests', () => {
  let calls: string[];
  beforeEach(() => {
    calls = [];
    window.fetch = vi.fn(async (input: RequestInfo | URL) => {
      calls.push(`fetch ${input instanceof Request ? input.url : String(input)}`);
      return new Response('ok');
    }) as typeof fetch;
    XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: unknown) {
      calls.push(`xhr ${body}`);
    };
    Navigator.prototype.sendBeacon = (url: string | URL) => (calls.push(`beacon ${url}`), true);
  });
  afterEach(() => {
    consent?.destroy();
    window.fetch = nativeFetch;
    XMLHttpRequest.prototype.send = send;
    Navigator.prototype.sendBeacon = nativeBeacon;
  });

  const xhr = (url: string, body: string) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.send(body);
    return request;
  };

  it('fetch, XHR and beacons to other hosts go at once: relative URLs, URL and Request objects', async () => {
    make();
    const response = await fetch('/api/same-origin');
    expect(await response.text()).toBe('ok');
    await fetch(new URL('https://cdn.test/a'));
    await fetch(new Request('https://cdn.test/b'));
    xhr('/api/x', 'one');
    expect(navigator.sendBeacon('/beacon', 'x')).toBe(true);
    expect(calls).toEqual(['fetch /api/same-origin', 'fetch https://cdn.test/a', 'fetch https://cdn.test/b', 'xhr one', 'beacon /beacon']);
  });

  it('fetch and XHR to a listed host wait for consent, then go in the order they were asked for', async () => {
    make();
    const first = fetch(GA);
    xhr('https://www.google-analytics.com/x', 'second');
    const third = fetch(new Request('https://www.googletagmanager.com/gtm.js'));
    const fourth = fetch(new URL(`${GA}&4`), { method: 'POST' });
    await flush();
    expect(calls).toEqual([]);
    consent!.acceptAll();
    expect(calls).toEqual([`fetch ${GA}`, 'xhr second', 'fetch https://www.googletagmanager.com/gtm.js', `fetch ${GA}&4`]);
    expect(await (await first).text()).toBe('ok');
    await third;
    await fourth;
    expect(window.fetch).not.toBe(nativeFetch);
  });

  it('after a refusal: waiting fetches reject with a TypeError, XHRs stay unsent, later ones too', async () => {
    make();
    const waiting = fetch(GA);
    const request = xhr(GA, 'never');
    const events: string[] = [];
    request.onerror = () => events.push('error');
    consent!.rejectAll();
    await expect(waiting).rejects.toThrow(TypeError);
    await expect(fetch(`${GA}&later`)).rejects.toThrow(/no consent for ga4/);
    xhr(GA, 'never again');
    consent!.acceptAll();
    await flush();
    expect(calls).toEqual([]);
    expect(events).toEqual([]);
  });

  it('a beacon to a listed host is dropped before consent and reports true; it goes once granted', () => {
    make();
    expect(navigator.sendBeacon(GA, 'x')).toBe(true);
    consent!.acceptAll();
    expect(calls).toEqual([]);
    expect(navigator.sendBeacon(GA, 'y')).toBe(true);
    expect(calls).toEqual([`beacon ${GA}`]);
  });

  it('patches nothing without hosts, and restores everything on destroy', () => {
    const names = ['setAttribute', 'before', 'after', 'replaceWith', 'insertAdjacentElement', 'insertAdjacentHTML'] as const;
    const before = [window.fetch, XMLHttpRequest.prototype.open, XMLHttpRequest.prototype.send, Navigator.prototype.sendBeacon, ...names.map((name) => Element.prototype[name])];
    const html = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML');
    const now = () => [window.fetch, XMLHttpRequest.prototype.open, XMLHttpRequest.prototype.send, Navigator.prototype.sendBeacon, ...names.map((name) => Element.prototype[name])];
    consent = createEngineWithDecisions({ storage: memoryStorage(), plugins: [gating()] });
    expect(now()).toEqual(before);
    consent.destroy();
    make();
    expect(now().some((fn, index) => fn !== before[index])).toBe(true);
    consent!.destroy();
    expect(now()).toEqual(before);
    expect(Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')).toEqual(html);
    expect(XMLHttpRequest.prototype.open).toBe(open);
  });
});

describe('auto-blocking and gated scripts', () => {
  it('a gated script whose URL a refused service holds does not stall the scripts after it', async () => {
    document.body.innerHTML = `<script type="text/plain" data-consent="analytics" src="${GTM}"></script><script type="text/plain" data-consent="analytics" id="after">window.after = 1</script>`;
    make();
    await flush();
    consent!.set({ analytics: true }, { services: { ga4: false } });
    await flush();
    let scripts = [...document.body.querySelectorAll('script')];
    // The first one waits for ga4 (live now, its URL would be dropped); the inline one after it went live.
    expect(scripts.map((script) => script.type)).toEqual(['text/plain', '']);
    expect(scripts[1]!.id).toBe('after');
    expect(loads()).toEqual([]);
    consent!.acceptAll();
    scripts = [...document.body.querySelectorAll('script')];
    expect(scripts.map((script) => script.type)).toEqual(['', '']);
    expect(scripts[0]!.getAttribute('src')).toBe(GTM);
    expect(loads()).toEqual([GTM]);
  });
});
