import { describe, expectTypeOf, it } from 'vitest';
import { createConsent, type Translations } from '../../../src/index';
import { createConsent as createHeadless } from '../../../src/core';
import type { BundledLanguage } from '../../../src/core/language';
import type { Messages } from '../../../src/core/messages';
import { PLACEHOLDER_MESSAGES } from '../../../src/core/gating/placeholder';
import { DIALOG_MESSAGES } from '../../../src/ui/dialog-messages';
import { UI_MESSAGES } from '../../../src/ui/i18n';
import { LABELS } from '../../../src/ui/label';

describe('translations are typed by the built-in keys and the configured category ids', () => {
  it('rejects a misspelt key', () => {
    createConsent({
      categories: { essential: { required: true }, analytics: {}, social: {} },
      translations: {
        fr: { acceptAll: 'OK pour moi', site: 'Instria', social: 'Réseaux sociaux', 'social.d': 'Partager', placeholderAllow: 'Voir {service}' },
        de: { rejectAll: 'Alle ablehnen' },
      },
    });
    createConsent({
      categories: { essential: { required: true }, analytics: {} },
      // @ts-expect-error a misspelt built-in key does not compile
      translations: { fr: { acceptAl: 'OK pour moi' } },
    });
    createHeadless({
      categories: { essential: { required: true }, analytics: {} },
      // @ts-expect-error nor in the headless entry
      translations: { fr: { acceptAl: 'OK pour moi' } },
    });
  });

  it('takes the category ids from categories, not from the translations', () => {
    createConsent({
      categories: { essential: { required: true }, analytics: {} },
      // @ts-expect-error `social` is not a configured category
      translations: { fr: { social: 'Réseaux sociaux' } },
    });
    // @ts-expect-error with the default categories, a description of an unknown one does not compile either
    createConsent({ translations: { en: { 'media.d': 'Videos' } } });
    createConsent({ translations: { en: { 'analytics.d': 'Visits, counted' } } });
    const consent = createConsent({ categories: { essential: { required: true }, media: {} } });
    expectTypeOf(consent.granted).parameter(0).toEqualTypeOf<'essential' | 'media'>();
  });

  it('Translations is open to any key without category ids, as it was', () => {
    expectTypeOf<{ anything: string }>().toMatchTypeOf<Translations>();
    expectTypeOf<{ acceptAll: string; 'social.d': string }>().toMatchTypeOf<Translations<'social'>>();
    expectTypeOf<{ acceptAl: string }>().not.toMatchTypeOf<Translations<'social'>>();
  });
});

describe('every built-in language has every message', () => {
  it('the UI, dialog, footer link and placeholder catalogs make up Messages in each language', () => {
    const all = (lang: BundledLanguage): Messages => ({ ...UI_MESSAGES[lang], ...DIALOG_MESSAGES[lang], ...LABELS[lang], ...PLACEHOLDER_MESSAGES[lang] });
    expectTypeOf(all).returns.toEqualTypeOf<Messages>();
  });
});
