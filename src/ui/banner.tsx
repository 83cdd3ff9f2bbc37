import { pendingChoices } from '../core/pending';
import type { Consent, ConsentState } from '../core/types';
import type { Translate } from './i18n';
import { readableName } from '../core/language';
import { fill } from '../core/messages';
import { noting, shown } from './shown';
import { domId } from './ids';

/** Props of {@link Banner}. */
export interface BannerProps {
  consent: Consent;
  t: Translate;
  /** What the stored decision lacks (`state.pending`): when not empty, the banner asks for it alone. */
  pending?: ConsentState['pending'];
  /** The visitor points at or focuses a button that opens the dialog: its code may be fetched now. */
  onIntent?: () => void;
}

/** Partners named in full in the banner; more are summed up as "N more", a way to the dialog. */
const MAX_PARTNERS = 4;

/**
 * The first layer: what, who, why, to whom, and three buttons of one style — refusing costs exactly
 * what accepting costs (one click; EDPB cookie-banner taskforce report §§8–18, CNIL
 * SAN-2021-023). A labelled region, never a modal, never takes focus: the page stays usable.
 * When only items added since the visitor's decision are `pending`, it names them ("New since
 * your last choice: …"), and "Accept all" and "Reject all" decide those alone (`set()`), every
 * earlier choice kept as it was (consent covers the purposes and recipients it named: EDPB
 * Guidelines 05/2020 on consent, 3.2–3.3).
 * See: https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-052020-consent-under-regulation-2016679_en
 *
 * @example <Banner consent={consent} t={t} />
 */
export function Banner({ consent, t: translate, pending, onIntent }: BannerProps) {
  // What this render shows, for the consent record of the decision a button makes.
  const texts = {};
  const t = noting(translate, texts);
  const { categories, optional, privacyPolicyUrl, controller, services, serviceCategory, logo } = consent.options;
  const label = (id: string) => t(id, categories[id]!.label);
  const name = (service: string) => services[service]!.label || readableName(service);
  const news = pending && pending.categories.length + pending.services.length > 0 && pending;
  // What is new: each service with its category ("Google Ads (Marketing)"), a category alone
  // when it has no service.
  const has = (id: string) => news && news.services.some((service) => serviceCategory[service] === id);
  const items = news
    ? [
        ...news.services.map((service) => `${name(service)} (${label(serviceCategory[service]!)})`),
        ...news.categories.filter((id) => !has(id)).map(label),
      ]
    : [];
  const purposes = (news ? optional.filter((id) => has(id) || news.categories.includes(id)) : optional).map(label).join(', ');
  const decide = (value: boolean) => (
    shown(consent, 'banner', texts),
    news ? consent.set(...pendingChoices(news, value)) : value ? consent.acceptAll() : consent.rejectAll()
  );
  const text = fill(t('text'), { site: t('site', controller || location.hostname), purposes });
  // The recipients, named on the first layer (CNIL guidelines of 17 September 2020, §§ 22-26):
  // every service the visitor is asked about; the dialog lists them all, by category.
  const partners = [
    ...new Set(Object.keys(serviceCategory).filter((id) => optional.includes(serviceCategory[id]!)).map(name)),
  ];
  const named = partners.length > MAX_PARTNERS ? partners.slice(0, MAX_PARTNERS - 1) : partners;
  const [before, after] = t('partners').split('{partners}');
  // The two buttons that open the dialog.
  const opens = { type: 'button', onClick: () => consent.showPreferences(), onPointerEnter: onIntent, onFocus: onIntent } as const;
  return (
    <section data-part="banner" aria-labelledby={domId('banner', 'title')}>
      <div data-part="text">
        {logo && <img data-part="logo" src={logo.src} alt={logo.alt} />}
        <h2 id={domId('banner', 'title')}>{t('title')}</h2>
        <p>
          {text} <a href={privacyPolicyUrl}>{t('policy')}</a>
        </p>
        {news && <p data-part="new">{fill(t('new'), { items: items.join(', ') })}</p>}
        {partners.length > 0 && (
          <p data-part="partners">
            {before}
            {named.join(', ')}
            {named.length < partners.length && (
              <>
                {', '}
                <button data-part="more" {...opens}>
                  {fill(t('morePartners'), { n: String(partners.length - named.length) })}
                </button>
              </>
            )}
            {after}
          </p>
        )}
      </div>
      <div data-part="actions">
        <button type="button" data-part="accept" onClick={() => decide(true)}>
          {t('acceptAll')}
        </button>
        <button type="button" data-part="reject" onClick={() => decide(false)}>
          {t('rejectAll')}
        </button>
        <button data-part="customize" {...opens}>
          {t('customize')}
        </button>
      </div>
    </section>
  );
}
