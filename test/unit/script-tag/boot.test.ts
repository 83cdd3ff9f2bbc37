import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeDecision } from '../../../src/core/codec';
import { installDecisions } from '../../../src/core/decisions';
import { gating } from '../../../src/core/gating/index';
import { bootScriptTag, readTagOptions } from '../../../src/script-tag/boot';
import { memoryStorage } from '../../../src/storage/memory';
import { refusedLoads } from '../support';

describe('readTagOptions', () => {
  it('reads data-controller as the controller option (0.2)', () => {
    const script = document.createElement('script');
    script.setAttribute('data-controller', 'Instria');
    script.setAttribute('data-privacy-policy', '/privacy');
    expect(readTagOptions(script)).toEqual({ controller: 'Instria', privacyPolicyUrl: '/privacy' });
  });

  it('reads data-layout as the layout option (0.2)', () => {
    const script = document.createElement('script');
    script.setAttribute('data-layout', 'box');
    expect(readTagOptions(script)).toEqual({ layout: 'box' });
  });
});

describe('readTagOptions: every attribute, with its type', () => {
  it('reads strings, numbers and booleans (a bare boolean attribute means true)', () => {
    const script = document.createElement('script');
    const attributes = {
      'data-privacy-policy': '/p',
      'data-controller': 'Instria',
      'data-lang': 'fr',
      'data-theme': 'dark',
      'data-widget': 'floating',
      'data-layout': 'box',
      'data-record-endpoint': '/records',
      'data-revision': '3',
      'data-expires-after-days': '90',
      'data-google-consent-mode': '',
      'data-gpc': 'false',
      'data-reload-on-withdraw': 'true',
      'data-cookie-domain': 'example.test',
    };
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
    expect(readTagOptions(script)).toEqual({
      privacyPolicyUrl: '/p',
      controller: 'Instria',
      language: 'fr',
      theme: 'dark',
      widget: 'floating',
      layout: 'box',
      recordEndpoint: '/records',
      revision: 3,
      expiresAfterDays: 90,
      googleConsentMode: true,
      gpc: false,
      reloadOnWithdraw: true,
      cookie: { domain: 'example.test' },
    });
  });
});

describe('bootScriptTag', () => {
  afterEach(() => {
    window.InstriaConsent?.destroy?.();
    delete window.InstriaConsent;
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('destroy() leaves no gating wrapper on window.InstriaConsent: a later whenGranted runs at once', async () => {
    // A granted gated script still loading: gating holds whenGranted callbacks behind it.
    const held = (event: Event) => event.stopImmediatePropagation();
    document.addEventListener('error', held, true);
    document.addEventListener('load', held, true);
    const loads = refusedLoads();
    try {
      document.body.innerHTML = '<script type="text/plain" data-consent="analytics" data-src="https://cdn.test/a.js"></script>';
      const stored = encodeDecision({ id: 'abcdef12-3456', time: Date.now(), revision: 1, method: 'accept-all', categories: { analytics: true }, services: {} });
      bootScriptTag(
        () => ({ decisions: installDecisions, storage: () => memoryStorage(stored), plugins: () => [gating()] }),
        'test',
      );
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(loads(), 'the granted script was inserted').toEqual(['https://cdn.test/a.js']);
      const api = window.InstriaConsent!;
      const queued = vi.fn();
      api.whenGranted!('analytics', queued);
      expect(queued, 'behind the loading script').not.toHaveBeenCalled();
      api.destroy!();
      const after = vi.fn();
      api.whenGranted!('analytics', after);
      expect(after).toHaveBeenCalledTimes(1);
    } finally {
      document.removeEventListener('error', held, true);
      document.removeEventListener('load', held, true);
    }
  });
});
