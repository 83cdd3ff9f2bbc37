import type { Consent } from '../core/types';
import type { Translate } from './i18n';
import { noting, shown } from './shown';

/** Props of {@link Banner}. */
export interface BannerProps {
  consent: Consent;
  t: Translate;
}

/**
 * The first layer: what, who, why, and three buttons of one style — refusing costs exactly
 * what accepting costs (one click; EDPB cookie-banner taskforce report §§8–18, CNIL
 * SAN-2021-023). A labelled region, never a modal, never takes focus: the page stays usable.
 *
 * @example <Banner consent={consent} t={t} />
 */
export function Banner({ consent, t: translate }: BannerProps) {
  // What this render shows, for the consent record of the decision a button makes.
  const texts = {};
  const t = noting(translate, texts);
  const decide = (action: () => void) => () => (shown(consent, 'banner', texts), action());
  const { categories, optional, privacyPolicyUrl } = consent.options;
  const purposes = optional.map((id) => t(id, categories[id]!.label)).join(', ');
  const text = t('text')
    .replace('{site}', t('site', location.hostname))
    .replace('{purposes}', purposes);
  return (
    <section data-part="banner" aria-labelledby="ic-banner-title">
      <div data-part="text">
        <h2 id="ic-banner-title">{t('title')}</h2>
        <p>
          {text} <a href={privacyPolicyUrl}>{t('policy')}</a>
        </p>
      </div>
      <div data-part="actions">
        <button type="button" data-part="accept" onClick={decide(() => consent.acceptAll())}>
          {t('acceptAll')}
        </button>
        <button type="button" data-part="reject" onClick={decide(() => consent.rejectAll())}>
          {t('rejectAll')}
        </button>
        <button type="button" data-part="customize" onClick={() => consent.showPreferences()}>
          {t('customize')}
        </button>
      </div>
    </section>
  );
}
