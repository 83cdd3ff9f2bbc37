/**
 * The preferences dialog (`dist/instria-consent.dialog.js`), loaded by the UI chunk when a
 * visitor is about to open it, with its styles. Its `preact` imports are the UI chunk's own
 * Preact (`window.InstriaConsentUI.preact`, see tsup.config.ts): one Preact renders both.
 */
import css from '../ui/dialog.css';
import { addStyles } from '../ui/host';
import { Preferences } from '../ui/preferences';

/** The UI roots that have the dialog's styles (one per mounted UI). */
const styled = new WeakSet<Node>();

window.InstriaConsentDialog = class extends Preferences {
  override componentDidMount(): void {
    const root = this.dialog.getRootNode() as ShadowRoot;
    if (!styled.has(root)) styled.add(root), addStyles(root, css, this.props.consent.options.nonce);
    super.componentDidMount();
  }
};
