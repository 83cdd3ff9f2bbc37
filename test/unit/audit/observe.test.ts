// @vitest-environment node
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { writerOf } from '../../../audit/src/observe.mjs';

describe('writerOf', () => {
  const writes = [
    { kind: 'cookie', name: 'id', by: 'https://shop.test/a.js', how: 'script' },
    { kind: 'cookie', name: 'id', by: 'https://t.tracker.test/p', how: 'Set-Cookie', domain: 'tracker.test' },
    { kind: 'localStorage', name: 'id', by: 'https://shop.test/b.js', how: 'script' },
    { kind: 'cookie', name: 'sid', by: 'https://shop.test/login', how: 'Set-Cookie', domain: 'shop.test' },
  ];

  it('gives the last writer of that name and kind', () => {
    expect(writerOf(writes, 'localStorage', 'id')).toEqual({ url: 'https://shop.test/b.js', how: 'script' });
    expect(writerOf(writes, 'sessionStorage', 'id')).toBeNull();
  });

  it('skips a Set-Cookie of another domain than the cookie’s', () => {
    expect(writerOf(writes, 'cookie', 'id', 'shop.test')).toEqual({ url: 'https://shop.test/a.js', how: 'script' });
    expect(writerOf(writes, 'cookie', 'id', '.tracker.test')).toEqual({ url: 'https://t.tracker.test/p', how: 'Set-Cookie' });
    expect(writerOf(writes, 'cookie', 'sid', 'www.shop.test')).toEqual({ url: 'https://shop.test/login', how: 'Set-Cookie' });
    expect(writerOf(writes, 'cookie', 'sid', 'other.test')).toBeNull();
  });
});
