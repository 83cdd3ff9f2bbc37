import { Component } from 'preact';
import type { Consent, ConsentState } from '../core/types';
import type { Translate } from './i18n';
import { readableName } from '../core/language';
import { dismissed, noting, shown } from './shown';
import { finderIn } from '../core/messages';
import { DIALOG_MESSAGES } from './dialog-messages';
import { domId } from './ids';


/** Props of {@link Preferences}. */
export interface PreferencesProps {
  consent: Consent;
  state: ConsentState;
  t: Translate;
  /** The language `t` speaks, for the dialog's own strings. */
  lang: string;
  /** Closes without deciding (close button, Escape). */
  onDismiss: () => void;
}

/** Focusable controls of the dialog, for the Tab wrap. */
const FOCUSABLE = 'button,input,a[href]';

/**
 * The second layer: a native `<dialog>` opened with `showModal()` (the page becomes inert,
 * focus moves in), labelled by its heading in the same shadow root, one native checkbox per
 * optional category and per service, ticked only where the visitor already said yes (no
 * pre-ticked boxes: CJEU C-673/17 Planet49). Nothing is recorded until a button is pressed.
 * Follows the WAI-ARIA APG modal dialog: https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/
 *
 * @example <Preferences consent={consent} state={consent.state.get()} t={t} onDismiss={close} />
 */
export class Preferences extends Component<PreferencesProps> {
  /** The strings of the last render: what the visitor sees, for the consent records. */
  texts: Record<string, string> = {};

  /** The `<dialog>`, this component's root element (set by its callback ref before `componentDidMount`). */
  dialog!: HTMLDialogElement;

  override componentDidMount(): void {
    try {
      this.dialog.showModal();
    } catch {
      this.dialog.setAttribute('open', '');
    }
    for (const box of this.boxes()) this.mark(box.name);
  }

  /** Every checkbox, named by its category or service id. */
  boxes(): HTMLInputElement[] {
    return [...this.dialog.querySelectorAll('input')];
  }

  /**
   * A category box is mixed (`indeterminate`) while only some of its services are on; with
   * `follow`, it is also on while any is. Only a property: no HTML attribute exists for it.
   */
  mark(category: string, follow?: boolean): void {
    const boxes = this.boxes();
    const on = boxes.filter((b) => b.dataset.category === category).map((b) => b.checked);
    const box = boxes.find((b) => b.name === category && !b.dataset.category);
    if (!box || !on.length) return;
    if (follow) box.checked = on.includes(true);
    box.indeterminate = on.includes(true) && on.includes(false);
  }

  /** A category box drives its services' boxes; a service box turns its category on. */
  sync(event: Event): void {
    const box = event.target as HTMLInputElement;
    const category = box.dataset.category;
    if (category === undefined) for (const other of this.boxes()) if (other.dataset.category === box.name) other.checked = box.checked;
    this.mark(category ?? box.name, true);
  }

  save(): void {
    const categories: Record<string, boolean> = {};
    const services: Record<string, boolean> = {};
    for (const box of this.boxes()) (box.dataset.category ? services : categories)[box.name] = box.checked;
    this.decide(() => this.props.consent.set(categories, { services }));
  }

  /** Makes a decision, telling the consent records it comes from this dialog. */
  decide(action: () => void): void {
    shown(this.props.consent, 'dialog', this.texts);
    action();
  }

  /**
   * Closes without a choice (close button, Escape): recorded as a dismissal, deciding nothing.
   * Only while the dialog is the view: its `close` event may follow a decision that removed it.
   */
  dismiss(): void {
    const { consent, onDismiss } = this.props;
    if (consent.view.get() === 'preferences') dismissed(consent, this.texts);
    onDismiss();
  }

  /** Tab and Shift+Tab wrap inside the dialog instead of leaving for the browser's UI. */
  trap(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const dialog = this.dialog;
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const active = (dialog.getRootNode() as ShadowRoot).activeElement;
    const edge = event.shiftKey ? items[0] : items[items.length - 1];
    if (active === edge || !dialog.contains(active)) {
      event.preventDefault();
      (event.shiftKey ? items[items.length - 1] : items[0])!.focus();
    }
  }

  override render({ consent, state, t: translate }: PreferencesProps) {
    // The dialog's own strings (DIALOG_MESSAGES) through the same chain; any other key the UI's.
    const find = finderIn(this.props.lang, consent.options, DIALOG_MESSAGES);
    const t = noting((key, fallback) => find(key, fallback) || translate(key, fallback), (this.texts = {}));
    const { categories, privacyPolicyUrl, logo } = consent.options;
    const ids = Object.keys(categories);
    return (
      <dialog
        ref={(el) => void (el && (this.dialog = el))}
        data-part="dialog"
        aria-labelledby={domId('dialog', 'title')}
        onKeyDown={(e) => this.trap(e)}
        // Escape: the browser closes the dialog (and may skip `cancel`), so react to `close`.
        // See: https://html.spec.whatwg.org/multipage/interaction.html#close-requests
        onClose={() => this.dismiss()}
        onChange={(e) => this.sync(e)}
      >
        {/* Not <header>: inside <dialog> it would be a second page-level `banner` landmark. */}
        <div data-part="header">
          {logo && <img data-part="logo" src={logo.src} alt={logo.alt} />}
          <h2 id={domId('dialog', 'title')}>{t('preferences')}</h2>
          <button type="button" data-part="close" aria-label={t('close')} onClick={() => this.dismiss()}>
            ×
          </button>
        </div>
        <div data-part="content">
          <p>
            {t('intro')} <a href={privacyPolicyUrl}>{t('policy')}</a>
          </p>
          {ids.map((id) => {
            const category = categories[id]!;
            const services = Object.entries(category.services || {});
            const box = domId('c', id);
            const description = t(`${id}.d`, category.description);
            return (
              <div data-part="category" key={id}>
                <div data-part="row">
                  <h3>{category.required ? t(id, category.label) : <label for={box}>{t(id, category.label)}</label>}</h3>
                  {category.required ? (
                    <span data-part="always">{t('alwaysActive')}</span>
                  ) : (
                    <input
                      type="checkbox"
                      id={box}
                      name={id}
                      defaultChecked={state.categories[id]}
                      aria-describedby={description ? domId('cd', id) : undefined}
                    />
                  )}
                </div>
                {description && <p id={domId('cd', id)}>{description}</p>}
                {!category.required && services.length > 0 && (
                  <ul>
                    {services.map(([service, options]) => (
                      <li key={service}>
                        <div data-part="row">
                          <label for={domId('s', service)}>{options.label || readableName(service)}</label>
                          <input
                            type="checkbox"
                            id={domId('s', service)}
                            name={service}
                            data-category={id}
                            defaultChecked={state.services[service]}
                            aria-describedby={options.description ? domId('sd', service) : undefined}
                          />
                        </div>
                        {options.description && <p id={domId('sd', service)}>{options.description}</p>}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
        <div data-part="footer">
          {/* The banner's order: Accept all, Reject all, then Save. */}
          <button type="button" data-part="accept" onClick={() => this.decide(() => consent.acceptAll())}>
            {t('acceptAll')}
          </button>
          <button type="button" data-part="reject" onClick={() => this.decide(() => consent.rejectAll())}>
            {t('rejectAll')}
          </button>
          <button type="button" data-part="save" onClick={() => this.save()}>
            {t('save')}
          </button>
        </div>
      </dialog>
    );
  }
}

/**
 * Nothing to fetch: this dialog is bundled with the banner. The script tag's UI chunk swaps this
 * module for `script-tag/dialog-lazy.tsx`, whose `preload` fetches the dialog's own file.
 */
export const preload: ((nonce?: string) => unknown) | undefined = undefined;
