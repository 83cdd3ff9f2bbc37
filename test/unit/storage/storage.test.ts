import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONSENT_COOKIE, newestDecision } from '../../../src/core/cleanup';
import { encodeDecision } from '../../../src/core/codec';
import { cookieStorage } from '../../../src/storage/cookie';
import { defaultStorage, fallbackStorage } from '../../../src/storage/index';
import { lazyDefaultStorage, readCookie } from '../../../src/storage/lazy';
import { localStorageStore } from '../../../src/storage/local';
import { memoryStorage } from '../../../src/storage/memory';
import { consoleSpy, setURL } from '../support';

const cookie = { name: 'instria_consent', path: '/', sameSite: 'Lax' as const };

beforeEach(() => {
  document.cookie = 'instria_consent=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=/';
  localStorage.clear();
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (document as { cookie?: string }).cookie; // drop the own property stubCookie() added
});

/** Replaces document.cookie on this page: a getter/setter pair, as a browser quirk would. */
function stubCookie(get: () => string, set: (value: string) => void) {
  Object.defineProperty(document, 'cookie', { configurable: true, get, set });
}
const sandboxed = () => {
  throw new DOMException('The document is sandboxed', 'SecurityError');
};

describe('cookieStorage', () => {
  it('writes, reads back and clears the consent cookie', () => {
    const store = cookieStorage(cookie, CONSENT_COOKIE);
    expect(store.write('1.abc', 182)).toBe(true);
    expect(document.cookie).toContain('instria_consent=1.abc');
    expect(store.read()).toBe('1.abc');
    store.clear();
    expect(store.read()).toBeNull();
  });

  it('reports a write the browser ignored (cookies disabled)', () => {
    stubCookie(() => '', () => {});
    expect(cookieStorage(cookie, CONSENT_COOKIE).write('1.abc', 182)).toBe(false);
  });

  it('never throws when document.cookie throws (sandboxed iframe), and says so in development', () => {
    const warned = consoleSpy('warn');
    stubCookie(sandboxed, sandboxed);
    const store = cookieStorage(cookie, CONSENT_COOKIE);
    expect(store.read()).toBeNull();
    expect(store.write('1.abc', 182)).toBe(false);
    expect(() => store.clear()).not.toThrow();
    // Erasing the old copies before the write, and on clear(): each refusal is reported once.
    expect(warned()).toEqual(['SecurityError: The document is sandboxed', 'SecurityError: The document is sandboxed']);
  });
});

describe('localStorageStore', () => {
  it('keeps the value until it expires', () => {
    const store = localStorageStore('instria_consent');
    expect(store.write('1.abc', 1)).toBe(true);
    expect(store.read()).toBe('1.abc');
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 2 * 864e5);
    expect(store.read()).toBeNull();
  });

  it('never throws when localStorage itself throws', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('sandboxed', 'SecurityError');
    });
    const store = localStorageStore('instria_consent');
    expect(store.read()).toBeNull();
    expect(store.write('1.abc', 1)).toBe(false);
    expect(() => store.clear()).not.toThrow();
  });

  it('reports a full or disabled storage (Safari private mode)', () => {
    const full = { getItem: () => null, removeItem() {}, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    vi.spyOn(window, 'localStorage', 'get').mockReturnValue(full as unknown as Storage);
    expect(localStorageStore('instria_consent').write('1.abc', 1)).toBe(false);
  });
});

describe('fallbackStorage / defaultStorage', () => {
  it('uses the cookie when it can be written', () => {
    const store = defaultStorage(cookie, CONSENT_COOKIE);
    store.write('1.abc', 182);
    expect(document.cookie).toContain('instria_consent=1.abc');
    expect(localStorage.getItem('instria_consent')).toBeNull();
  });

  it('falls back to localStorage when cookies are disabled', () => {
    stubCookie(() => '', () => {});
    const store = defaultStorage(cookie, CONSENT_COOKIE);
    expect(store.write('1.abc', 182)).toBe(true);
    expect(localStorage.getItem('instria_consent')).toMatch(/ 1\.abc$/);
    expect(store.read()).toBe('1.abc');
  });

  it('falls back to memory when nothing else works', () => {
    const refuse = { read: () => null, write: () => false, clear: () => {} };
    const store = fallbackStorage([refuse, refuse, memoryStorage()]);
    expect(store.write('1.abc', 182)).toBe(true);
    expect(store.read()).toBe('1.abc');
    store.clear();
    expect(store.read()).toBeNull();
  });
});

describe('the script tag\'s store (lazyDefaultStorage)', () => {
  it('reads what the full store wrote, cookie first, without loading it', () => {
    cookieStorage(cookie, CONSENT_COOKIE).write('1.from-cookie', 182);
    const load = vi.fn(() => undefined);
    expect(lazyDefaultStorage(cookie, load, newestDecision).read()).toBe('1.from-cookie');
    expect(readCookie('instria_consent', newestDecision)).toBe('1.from-cookie');
    expect(readCookie('instria', newestDecision)).toBeNull();
  });

  it('falls back to an unexpired localStorage value, as the full store does', () => {
    localStorageStore('instria_consent').write('1.from-local', 182);
    expect(lazyDefaultStorage(cookie, () => undefined, newestDecision).read()).toBe('1.from-local');
    localStorage.setItem('instria_consent', `${Date.now() - 1} 1.expired`);
    expect(lazyDefaultStorage(cookie, () => undefined, newestDecision).read()).toBeNull();
  });

  it('writes and clears through the full store once it has loaded, then reads from it', () => {
    const full = memoryStorage();
    let loaded: typeof full | undefined;
    const store = lazyDefaultStorage(cookie, () => loaded, newestDecision);
    expect(store.write('1.x', 182), 'nothing to write with yet').toBe(false);
    loaded = full;
    expect(store.write('1.kept-in-memory', 182)).toBe(true);
    expect(store.read()).toBe('1.kept-in-memory');
    store.clear();
    expect(store.read()).toBeNull();
  });

  it('reads nothing, without throwing, where document.cookie throws', () => {
    stubCookie(sandboxed, sandboxed);
    expect(readCookie('instria_consent', newestDecision)).toBeNull();
    expect(lazyDefaultStorage(cookie, () => undefined, newestDecision).read()).toBeNull();
  });
});

// A withdrawal is never undone: with two consent cookies on the page (host-only and on a parent domain, or on
// two paths), the newest decision counts, and a write leaves only itself.
describe('several consent cookies', () => {
  const initial = location.href;
  const at = setURL;
  const decision = (time: number, method: 'accept-all' | 'withdraw') =>
    encodeDecision({ id: 'abcdefgh-0001', time, revision: 1, method, categories: { analytics: method === 'accept-all' }, services: {} });
  const old = decision(Date.now() - 864e5, 'accept-all');
  const recent = decision(Date.now(), 'withdraw');
  const values = () => document.cookie.split('; ').filter((pair) => pair.startsWith('instria_consent=')).map((pair) => pair.slice(16));
  beforeEach(() => at('http://www.example.test/shop/item'));
  afterEach(() => {
    CONSENT_COOKIE.erase('instria_consent');
    at(initial);
  });

  it('readCookie hands every value, in the order the browser sends them, to pick', () => {
    stubCookie(() => 'a=1; instria_consent=first; b=2; instria_consent=second', () => {});
    const pick = vi.fn((all: string[]) => all[1]!);
    expect(readCookie('instria_consent', pick)).toBe('second');
    expect(pick).toHaveBeenCalledWith(['first', 'second']);
    expect(readCookie('missing', pick)).toBeNull();
  });

  it('the cookie store and the script tag\'s store read the newest decision, wherever each cookie lives', () => {
    document.cookie = `instria_consent=${recent};path=/`;
    document.cookie = `instria_consent=${old};path=/;domain=example.test`;
    document.cookie = `instria_consent=${old};path=/shop`;
    expect(values()).toHaveLength(3);
    expect(cookieStorage(cookie, CONSENT_COOKIE).read()).toBe(recent);
    expect(lazyDefaultStorage(cookie, () => undefined, newestDecision).read()).toBe(recent);
  });

  it('a write erases every other variant first: host-only, parent domain, other paths', () => {
    document.cookie = `instria_consent=${old};path=/;domain=example.test`;
    document.cookie = `instria_consent=${old};path=/shop`;
    document.cookie = `instria_consent=${old};path=/`;
    expect(cookieStorage(cookie, CONSENT_COOKIE).write(recent, 182)).toBe(true);
    expect(values()).toEqual([recent]);
  });

  it('a write on a configured parent domain also removes the host-only copy', () => {
    document.cookie = `instria_consent=${old};path=/`;
    expect(cookieStorage({ ...cookie, domain: 'example.test' }, CONSENT_COOKIE).write(recent, 182)).toBe(true);
    expect(values()).toEqual([recent]);
  });

  it('clear erases every variant', () => {
    document.cookie = `instria_consent=${old};path=/;domain=example.test`;
    document.cookie = `instria_consent=${old};path=/`;
    cookieStorage(cookie, CONSENT_COOKIE).clear();
    expect(values()).toEqual([]);
  });

  it('erases before it writes, through the helpers it was given', () => {
    const calls: string[] = [];
    const store = cookieStorage(cookie, { newest: (all) => all[0]!, erase: (name) => calls.push(`erase ${name}`) });
    store.write('1.abc', 182);
    store.clear();
    expect(calls).toEqual(['erase instria_consent', 'erase instria_consent']);
  });
});
