import { describe, expect, it } from 'vitest';
import { readTagOptions } from '../../../src/script-tag/boot';

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
