import { Component, type ComponentType } from 'preact';
import { loadChunk } from './load';
import { DEV, failed, fromDocument } from '../core/env';
import type { PreferencesProps } from '../ui/preferences';

/**
 * The script tag's UI chunk leaves the dialog to `instria-consent.dialog.js`, in the chunk's
 * own folder (tsup.config.ts swaps `./preferences` for this module there): most visitors answer
 * the banner with one click and never open it. The npm entries and the all-in-one file import
 * the dialog itself.
 */
const src = new URL(`instria-consent.${DEV ? 'dev.' : ''}dialog.js`, (fromDocument('currentScript') as HTMLScriptElement | null)?.src || location.href).href;

let loading: Promise<ComponentType<PreferencesProps>> | undefined;

/**
 * Fetches the dialog, with the page's nonce: once, and again after a failure. Called when the
 * visitor points at or focuses a button that opens it, and when it opens.
 */
export const preload = (nonce?: string): Promise<ComponentType<PreferencesProps>> =>
  (loading ||= loadChunk(src, nonce, () => window.InstriaConsentDialog).catch((error) => {
    loading = undefined;
    throw error;
  }));

/**
 * The dialog, drawn once its code is here. If it cannot be fetched, the visitor is where they
 * were before opening it (`onDismiss`: the banner while undecided) with one warning, and the next
 * opening tries again: nothing is granted by a dialog that never showed. Unmounted meanwhile (the
 * view changed), `setState` draws nothing and `onDismiss` sees that the dialog is not the view.
 */
export class Preferences extends Component<PreferencesProps, { dialog?: ComponentType<PreferencesProps> }> {
  override componentDidMount(): void {
    preload(this.props.consent.options.nonce).then(
      (dialog) => this.setState({ dialog }),
      (error) => (failed('the preferences dialog could not be loaded')(error), this.props.onDismiss()),
    );
  }

  override render(props: PreferencesProps, { dialog: Dialog }: { dialog?: ComponentType<PreferencesProps> }) {
    return Dialog ? <Dialog {...props} /> : null;
  }
}
