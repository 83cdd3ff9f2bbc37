import type { Consent } from '../core/types';
import type { Translate } from './i18n';

/** Props of {@link Banner}. */
export interface BannerProps {
  consent: Consent;
  t: Translate;
}

/** Partners named in full in the banner; more are summed up as "N more", a way to the dialog. */
const MAX_PARTNERS = 4;

/**
 * The first layer: what, who, why, to whom, and three buttons of one style — refusing costs exactly
 * what accepting costs (one click; EDPB cookie-banner taskforce report §§8–18, CNIL
 * SAN-2021-023). A labelled region, never a modal, never takes focus: the page stays usable.
 *
 * @example <Banner consent={consent} t={t} />
 */
export function Banner({ consent, t }: BannerProps) {
  const { categories, optional, privacyPolicyUrl, controller, services, serviceCategory } = consent.options;
  const purposes = optional.map((id) => t(id, categories[id]!.label)).join(', ');
  const text = t('text')
    .replace('{site}', t('site', controller || location.hostname))
    .replace('{purposes}', purposes);
  // The recipients, named on the first layer (CNIL guidelines of 17 September 2020, §§ 22-26):
  // every service the visitor is asked about; the dialog lists them all, by category.
  const partners = [
    ...new Set(Object.keys(serviceCategory).filter((id) => optional.includes(serviceCategory[id]!)).map((id) => services[id]!.label || id)),
  ];
  const shown = partners.length > MAX_PARTNERS ? partners.slice(0, MAX_PARTNERS - 1) : partners;
  const [before, after] = t('partners').split('{partners}');
  return (
    <section data-part="banner" aria-labelledby="ic-banner-title">
      <div data-part="text">
        <h2 id="ic-banner-title">{t('title')}</h2>
        <p>
          {text} <a href={privacyPolicyUrl}>{t('policy')}</a>
        </p>
        {partners.length > 0 && (
          <p data-part="partners">
            {before}
            {shown.join(', ')}
            {shown.length < partners.length && (
              <>
                {', '}
                <button type="button" data-part="more" onClick={() => consent.showPreferences()}>
                  {t('morePartners').replace('{n}', String(partners.length - shown.length))}
                </button>
              </>
            )}
            {after}
          </p>
        )}
      </div>
      <div data-part="actions">
        <button type="button" data-part="accept" onClick={() => consent.acceptAll()}>
          {t('acceptAll')}
        </button>
        <button type="button" data-part="reject" onClick={() => consent.rejectAll()}>
          {t('rejectAll')}
        </button>
        <button type="button" data-part="customize" onClick={() => consent.showPreferences()}>
          {t('customize')}
        </button>
      </div>
    </section>
  );
}
