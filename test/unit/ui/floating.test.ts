import { afterEach, describe, expect, it } from 'vitest';
import { createEngineWithDecisions } from '../../../src/core/consent';
import type { Consent, ConsentOptions } from '../../../src/core/types';
import { floatingWidget } from '../../../src/ui/floating';
import { memoryStorage } from '../../../src/storage/memory';

function setup(options: ConsentOptions) {
  const store = memoryStorage();
  return createEngineWithDecisions({ gating: false, ...options }, { storage: () => store, plugins: () => [floatingWidget] }) as Consent;
}

const button = () => document.querySelector('instria-consent[data-part=floating]')?.shadowRoot?.querySelector('button') ?? null;

describe('floatingWidget', () => {
  let consent: Consent | undefined;
  afterEach(() => {
    consent?.destroy();
    document.body.innerHTML = '';
    document.documentElement.lang = '';
  });

  it('does nothing unless widget is "floating"', () => {
    consent = setup({});
    expect(button()).toBeNull();
  });

  it('adds a translated button that opens the preferences, hidden while the banner shows', () => {
    document.documentElement.lang = 'fr';
    consent = setup({ widget: 'floating' });
    expect(button()!.textContent).toBe('Préférences cookies');
    expect(button()!.hidden).toBe(true);
    consent.rejectAll();
    expect(button()!.hidden).toBe(false);
    button()!.click();
    expect(consent.view.get()).toBe('preferences');
  });

  it('goes away with destroy()', () => {
    consent = setup({ widget: 'floating' });
    consent.destroy();
    expect(button()).toBeNull();
  });
});
