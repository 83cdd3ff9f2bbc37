import { isAsking } from '../core/pending';
import type { Consent, ConsentState, UIView } from '../core/types';
import { Banner } from './banner';
import type { Translate } from './i18n';
import { Notice } from './notice';
import { Preferences, preload } from './preferences';

/** Props of {@link App}. */
export interface AppProps {
  consent: Consent;
  view: UIView;
  state: ConsentState;
  t: Translate;
  /** The language `t` speaks (the dialog looks its own strings up in it). */
  lang: string;
}

/**
 * What `consent.view` asks for: the banner, the dialog, or the Global Privacy Control notice.
 * The banner stays under the dialog while no decision exists (or something added since it is
 * pending),
 * so closing the dialog (× or Escape) goes back to it: dismissing is not deciding
 * (silence is not consent: GDPR recital 32), and the visitor must still be asked.
 * See: https://eur-lex.europa.eu/eli/reg/2016/679/oj
 *
 * @example render(<App consent={consent} view="banner" state={consent.state.get()} t={t} lang={lang} />, root)
 */
export function App({ consent, view, state, t, lang }: AppProps) {
  const dismiss = () => {
    if (consent.view.get() !== 'preferences') return;
    if (isAsking(consent.state.get())) consent.showBanner();
    else consent.hide();
  };
  return (
    <>
      {(view === 'banner' || (view === 'preferences' && isAsking(state))) && <Banner consent={consent} t={t} pending={state.pending} onIntent={preload && (() => preload!(consent.options.nonce))} />}
      {view === 'preferences' && <Preferences consent={consent} state={state} t={t} lang={lang} onDismiss={dismiss} />}
      {view === 'notice' && <Notice consent={consent} t={t} />}
    </>
  );
}
