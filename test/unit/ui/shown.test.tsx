import { atom } from 'nanostores';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RecordHooks } from '../../../src/core/integrations/records';
import type { Consent, UIView } from '../../../src/core/types';
import { Banner } from '../../../src/ui/banner';
import { translator } from '../../../src/ui/i18n';
import { Preferences } from '../../../src/ui/preferences';

/** Just what the banner and the dialog read and call, with the records' hooks. */
const fake = (translations = {}) => {
  const consent = {
    options: {
      categories: { essential: { required: true }, analytics: { services: { ga4: { label: 'Google Analytics' } } } },
      optional: ['analytics'],
      services: { ga4: { label: 'Google Analytics' } },
      serviceCategory: { ga4: 'analytics' },
      privacyPolicyUrl: '/privacy',
      language: 'en',
      translations,
    },
    view: atom<UIView>('preferences'),
    state: atom({ decided: false, categories: { essential: true, analytics: false }, services: { ga4: false } }),
    _dismissed: vi.fn(),
  } as unknown as Consent & RecordHooks & { _dismissed: ReturnType<typeof vi.fn> };
  // Each action notes the hint it found, as the records sender does on the `consent` event.
  const seen: unknown[] = [];
  for (const action of ['acceptAll', 'rejectAll', 'set', 'showPreferences'] as const) {
    (consent as unknown as Record<string, unknown>)[action] = vi.fn(() => {
      seen.push(consent._shown);
      consent._shown = undefined;
    });
  }
  return { consent, seen };
};

afterEach(() => render(null, document.body));

describe('UI → consent records: the channel and the texts shown', () => {
  it('the banner marks its decisions as channel banner, with the strings it showed after overrides', () => {
    const { consent, seen } = fake({ en: { acceptAll: 'OK for me', site: 'Instria' } });
    render(<Banner consent={consent} t={translator(consent.options).t} />, document.body);
    const [accept, reject, customize] = document.querySelectorAll('button');
    accept!.click();
    reject!.click();
    customize!.click();
    const [accepted, rejected, opened] = seen as { channel: string; texts: Record<string, string> }[];
    expect(accepted!.channel).toBe('banner');
    expect(accepted!.texts).toMatchObject({ acceptAll: 'OK for me', rejectAll: 'Reject all', site: 'Instria', analytics: 'Analytics', title: 'Cookies and similar technologies', partners: expect.stringContaining('{partners}') });
    expect(accepted!.texts.text).toMatch(/^\{site\} uses cookies and similar technologies/);
    expect(rejected!.channel).toBe('banner');
    // Opening the dialog decides nothing: no hint is left for a later API call.
    expect(opened).toBeUndefined();
  });

  it('the dialog marks Save, Accept all and Reject all as channel dialog, with its own strings', () => {
    const { consent, seen } = fake();
    render(<Preferences consent={consent} state={consent.state.get()} {...translator(consent.options)} onDismiss={() => {}} />, document.body);
    const button = (part: string) => document.querySelector<HTMLButtonElement>(`[data-part="${part}"]`)!;
    button('save').click();
    button('accept').click();
    button('reject').click();
    expect(seen.map((hint) => (hint as { channel: string }).channel)).toEqual(['dialog', 'dialog', 'dialog']);
    expect((seen[0] as { texts: Record<string, string> }).texts).toMatchObject({ save: 'Save my choices', intro: expect.stringMatching(/^Choose/), 'analytics.d': expect.any(String) });
    expect(consent._dismissed).not.toHaveBeenCalled();
  });

  it('a close without a choice is reported as a dismissal (once), deciding nothing', () => {
    const { consent, seen } = fake();
    const onDismiss = vi.fn(() => (consent.view as ReturnType<typeof atom<UIView>>).set('banner'));
    render(<Preferences consent={consent} state={consent.state.get()} {...translator(consent.options)} onDismiss={onDismiss} />, document.body);
    document.querySelector<HTMLButtonElement>('[data-part="close"]')!.click();
    // The `close` event that may follow once the dialog is gone is not a second dismissal.
    document.querySelector('dialog')!.dispatchEvent(new Event('close'));
    expect(onDismiss).toHaveBeenCalledTimes(2);
    expect(consent._dismissed).toHaveBeenCalledTimes(1);
    expect(consent._dismissed.mock.calls[0]![0]).toMatchObject({ close: 'Close', save: 'Save my choices' });
    expect(seen).toEqual([]);
  });
});
