import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Consent } from '../../../src/core/types';
import { Banner } from '../../../src/ui/banner';
import { translator } from '../../../src/ui/i18n';

/** Just what the banner reads and calls. */
const fake = (translations = {}, more: Record<string, unknown> = {}) =>
  ({
    options: {
      categories: { essential: { required: true }, analytics: {}, ads: { label: 'Ads' } },
      optional: ['analytics', 'ads'],
      privacyPolicyUrl: '/legal/privacy',
      language: 'fr',
      translations,
      services: {},
      serviceCategory: {},
      ...more,
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
    expect(text).toMatch(/^Instria utilise des cookies et autres traceurs .*pour\u00a0: Mesure d’audience, Ads\./);
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
    expect(document.getElementById(region.getAttribute('aria-labelledby')!)!.textContent).toBe('Cookies et autres traceurs');
  });
});

describe('Banner: who and to whom (CNIL 2020 §§ 22-26)', () => {
  afterEach(() => render(null, document.body));
  const services = {
    session: { label: 'Sign-in' },
    ga4: { label: 'Google Analytics' },
    hotjar: { label: 'Hotjar' },
    ads1: { label: 'Ad network' },
    video: {},
  };
  const serviceCategory = { session: 'essential', ga4: 'analytics', hotjar: 'analytics', ads1: 'ads', video: 'ads' };
  const draw = (consent: Consent) => render(<Banner consent={consent} t={translator(consent.options).t} />, document.body);

  it('names the controller option, else the host name', () => {
    draw(fake({}, { controller: 'Instria', language: 'en' }));
    expect(document.querySelector('p')!.textContent).toMatch(/^Instria uses cookies and similar technologies \(such as local storage\)/);
    expect(document.querySelector('h2')!.textContent).toBe('Cookies and similar technologies');
    draw(fake({}, { language: 'en' }));
    expect(document.querySelector('p')!.textContent).toMatch(/^localhost uses cookies/);
    // A `site` translation still wins, as in 0.1.
    draw(fake({ en: { site: 'Instria SAS' } }, { controller: 'Instria', language: 'en' }));
    expect(document.querySelector('p')!.textContent).toMatch(/^Instria SAS uses/);
  });

  it('lists the partners of the optional categories, never the essential ones', () => {
    draw(fake({}, { language: 'en', services: { ...services, ads1: undefined, video: undefined }, serviceCategory: { session: 'essential', ga4: 'analytics', hotjar: 'analytics' } }));
    expect(document.querySelector('[data-part=partners]')!.textContent).toBe('Partners: Google Analytics, Hotjar.');
  });

  it('sums up a long list as "N more", a button to the dialog that lists them all', () => {
    const consent = fake({}, { services, serviceCategory });
    draw(consent);
    const line = document.querySelector('[data-part=partners]')!;
    expect(line.textContent).toBe('Partenaires\u00a0: Google Analytics, Hotjar, Ad network, Video.');
    (consent.options.services as Record<string, object>).extra = { label: 'Extra' };
    (consent.options.serviceCategory as Record<string, string>).extra = 'ads';
    draw({ ...consent } as Consent);
    expect(line.textContent).toBe('Partenaires\u00a0: Google Analytics, Hotjar, Ad network, 2 autres.');
    (line.querySelector('button') as HTMLButtonElement).click();
    expect(consent.showPreferences).toHaveBeenCalledTimes(1);
  });

  it('has no partners line when no optional category has services', () => {
    draw(fake());
    expect(document.querySelector('[data-part=partners]')).toBeNull();
  });
});
