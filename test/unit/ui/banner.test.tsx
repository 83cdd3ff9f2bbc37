import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Consent } from '../../../src/core/types';
import { Banner } from '../../../src/ui/banner';
import { translator } from '../../../src/ui/i18n';

/** Just what the banner reads and calls. */
const fake = (translations = {}) =>
  ({
    options: {
      categories: { essential: { required: true }, analytics: {}, ads: { label: 'Ads' } },
      optional: ['analytics', 'ads'],
      privacyPolicyUrl: '/legal/privacy',
      language: 'fr',
      translations,
    },
    acceptAll: vi.fn(),
    rejectAll: vi.fn(),
    showPreferences: vi.fn(),
  }) as unknown as Consent;

describe('Banner', () => {
  afterEach(() => render(null, document.body));

  it('names the site, the purposes and the privacy policy, with three buttons', () => {
    const consent = fake({ fr: { site: 'Instria' } });
    render(<Banner consent={consent} t={translator(consent.options).t} />, document.body);
    const text = document.querySelector('p')!.textContent!;
    expect(text).toMatch(/^Instria utilise des cookies essentiels.*pour\u00a0: Mesure d’audience, Ads\./);
    expect(document.querySelector('a')!.getAttribute('href')).toBe('/legal/privacy');
    const buttons = [...document.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Tout accepter', 'Tout refuser', 'Personnaliser']);
    buttons[0]!.click();
    buttons[1]!.click();
    buttons[2]!.click();
    expect([consent.acceptAll, consent.rejectAll, consent.showPreferences].map((fn) => vi.mocked(fn).mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('is a region labelled by its heading, never a dialog', () => {
    const consent = fake();
    render(<Banner consent={consent} t={translator(consent.options).t} />, document.body);
    const region = document.querySelector('section')!;
    expect(region.getAttribute('role')).toBeNull();
    expect(document.getElementById(region.getAttribute('aria-labelledby')!)!.textContent).toBe('Nous utilisons des cookies');
  });
});
