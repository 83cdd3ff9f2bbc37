import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiLanguage } from '../../../src/core/language';
import { createEngineWithDecisions } from '../../../src/core/consent';
import { placeholderFor } from '../../../src/core/gating/placeholder';
import type { Consent } from '../../../src/core/types';
import { memoryStorage } from '../../../src/storage/memory';
import { translator } from '../../../src/ui/i18n';
import { readableName } from '../../../src/core/language';
import { mountUI } from '../../../src/ui/mount';
import { refusedLoads } from '../support';

// Text a visitor must never see (translation keys, raw ids).
/** As resolveOptions leaves them: the language resolved once. */
const options = (language: string) => ({ language: uiLanguage({ language, translations: {} }), translations: {} });

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.lang = '';
  vi.restoreAllMocks();
});

describe('t(): never a translation key', () => {
  it('gives no description, and a readable name, for ids it has no string for', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const lang of ['en', 'fr']) {
      const { t } = translator(options(lang));
      expect(t('media.d')).toBe('');
      expect(t('analytic.d', undefined)).toBe('');
      expect(t('analytic')).toBe('Analytic');
      expect(t('social_media')).toBe('Social media');
      expect(t('media', 'Videos')).toBe('Videos');
    }
  });
});

describe('readableName', () => {
  it('turns an id into words', () => {
    expect(readableName('google-analytics')).toBe('Google analytics');
    expect(readableName('ga4')).toBe('Ga4');
    expect(readableName('social_media.v2')).toBe('Social media v2');
  });
});

describe('the dialog shows labels, never keys or ids', () => {
  it('a category without a description or label, a misspelt one, a service without a label', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = createEngineWithDecisions({
      gating: false,
      storage: memoryStorage(),
      categories: { essential: { required: true }, media: { services: { video_tube: {} } }, analytic: {} },
    }) as Consent;
    const unmount = mountUI(consent);
    consent.showPreferences();
    const dialog = document.querySelector('instria-consent')!.shadowRoot!.querySelector('dialog')!;
    const text = dialog.textContent!;
    expect(text).not.toMatch(/\.d\b|media|analytic\b|video_tube/);
    expect(text).toContain('Media');
    expect(text).toContain('Analytic');
    expect(text).toContain('Video tube');
    expect(dialog.querySelector('input[name=media]')!.hasAttribute('aria-describedby')).toBe(false);
    unmount();
  });
});

describe('the embed placeholder', () => {
  const consentWith = (categories: Record<string, object>) =>
    createEngineWithDecisions({ gating: false, storage: memoryStorage(), categories: { essential: { required: true }, ...categories } as never }) as Consent;

  it('names the category by its label, else a readable name, never the raw id', () => {
    const loads = refusedLoads();
    document.body.innerHTML = '<iframe data-consent="analytics"></iframe><iframe data-consent="media" data-service="video_tube"></iframe>';
    const consent = consentWith({ analytics: {}, media: { label: 'Videos', services: { video_tube: {} } } });
    const [a, b] = [...document.querySelectorAll('iframe')].map((iframe) => placeholderFor(consent, iframe));
    expect(a!.textContent).toMatch(/^Analytics is blocked\./);
    expect(a!.querySelector('button')!.textContent).toBe('Allow Analytics');
    expect(b!.querySelector('button')!.textContent).toBe('Allow Video tube');
    expect(loads(), 'the embeds load nothing').toEqual(['about:blank', 'about:blank']);
  });

  it('has a built-in style, themeable with --ic-* variables, without any style attribute', () => {
    const loads = refusedLoads();
    document.body.innerHTML = '<iframe data-consent="analytics"></iframe>';
    const consent = consentWith({ analytics: {} });
    const box = placeholderFor(consent, document.querySelector('iframe')!);
    const second = document.body.appendChild(document.createElement('iframe'));
    second.dataset.consent = 'analytics';
    placeholderFor(consent, second);
    const rules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    expect(rules).toMatch(/placeholder-allow/);
    expect(rules).toMatch(/var\(--ic-accent/);
    // One sheet for the page, however many placeholders.
    expect(document.adoptedStyleSheets.filter((sheet) => [...sheet.cssRules].some((r) => r.cssText.includes('placeholder'))).length).toBe(1);
    expect(document.querySelector('[style]')).toBeNull();
    expect(box.querySelector('[style]')).toBeNull();
    expect(loads(), 'the embeds load nothing').toEqual(['about:blank', 'about:blank']);
  });
});

describe('the banner names partners by label, never by id', () => {
  it('a service without a label is named in words', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const consent = createEngineWithDecisions({
      gating: false,
      storage: memoryStorage(),
      categories: { essential: { required: true }, media: { services: { video_tube: {} } } },
    }) as Consent;
    const unmount = mountUI(consent);
    const banner = document.querySelector('instria-consent')!.shadowRoot!.querySelector('[data-part=banner]')!;
    expect(banner.textContent).toContain('Video tube');
    expect(banner.textContent).not.toContain('video_tube');
    unmount();
  });
});
