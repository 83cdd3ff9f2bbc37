import { Component } from 'preact';
import type { Consent } from '../core/types';
import type { Translate } from './i18n';

/** Props of {@link Notice}. */
export interface NoticeProps {
  consent: Consent;
  t: Translate;
}

/**
 * Says, once, that the browser's Global Privacy Control signal was applied as a refusal, with
 * the way to change it (as 11 CCR § 7025(c)(6) suggests): a polite status, never a dialog, never taking focus,
 * dismissed with its close button; in the bottom corner opposite the floating button. The text arrives just after the empty live region, so that
 * screen readers announce it (a region inserted with its text is often read by none).
 * See: https://www.w3.org/WAI/WCAG22/Techniques/aria/ARIA22
 * See: https://www.law.cornell.edu/regulations/california/11-CCR-7025
 *
 * @example <Notice consent={consent} t={t} />
 */
export class Notice extends Component<NoticeProps, { ready?: boolean }> {
  timer?: ReturnType<typeof setTimeout>;

  override componentDidMount(): void {
    this.timer = setTimeout(() => this.setState({ ready: true }), 100);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render({ consent, t }: NoticeProps, { ready }: { ready?: boolean }) {
    return (
      <div data-part="notice">
        <p role="status">{ready && t('gpc')}</p>
        <button type="button" data-part="link" onClick={() => consent.showPreferences()}>
          {t('preferences')}
        </button>
        <button type="button" data-part="close" aria-label={t('close')} onClick={() => consent.hide()}>
          ×
        </button>
      </div>
    );
  }
}
