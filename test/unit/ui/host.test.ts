import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHost, focusedElement, whenBody } from '../../../src/ui/host';
import css from '../../../src/ui/styles.css';

describe('createHost', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  it('adopts the CSS as a constructable stylesheet in an open shadow root, first in <body>', () => {
    document.body.innerHTML = '<main></main>';
    const replace = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    const { host, root } = createHost(css, 'n0nce', 'ui');
    expect(document.body.firstElementChild).toBe(host);
    expect(host.localName).toBe('instria-consent');
    expect(host.dataset.part).toBe('ui');
    expect(host.shadowRoot).toBe(root);
    expect(replace).toHaveBeenCalledWith(expect.stringContaining(':host{all:initial!important}'));
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> carrying the nonce where constructable stylesheets are missing', () => {
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new TypeError('Illegal constructor');
    });
    const { root } = createHost('a{color:red}', 'n0nce', 'ui');
    const style = root.querySelector('style')!;
    expect(style.nonce).toBe('n0nce');
    expect(style.textContent).toBe('a{color:red}');
  });
});

describe('whenBody', () => {
  it('runs at once when <body> exists', () => {
    const fn = vi.fn();
    whenBody(fn);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('waits for DOMContentLoaded when the parser has not reached <body> yet, and runs once', () => {
    // The script tag in <head> of a page still loading: no body yet.
    const body = document.body;
    body.remove();
    try {
      const fn = vi.fn();
      whenBody(fn);
      expect(fn).not.toHaveBeenCalled();
      document.documentElement.append(body);
      document.dispatchEvent(new Event('DOMContentLoaded'));
      expect(fn).toHaveBeenCalledOnce();
      document.dispatchEvent(new Event('DOMContentLoaded'));
      expect(fn).toHaveBeenCalledOnce();
    } finally {
      if (!body.isConnected) document.documentElement.append(body);
    }
  });
});

describe('focusedElement', () => {
  it('finds the focused element inside a shadow root', () => {
    const { root } = createHost('', undefined, 'ui');
    const button = document.createElement('button');
    root.append(button);
    button.focus();
    expect(focusedElement()).toBe(button);
  });
});
