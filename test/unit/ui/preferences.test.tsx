import { afterEach, describe, expect, it } from 'vitest';
import { createEngineWithDecisions } from '../../../src/core/consent';
import type { Consent } from '../../../src/core/types';
import { mountUI } from '../../../src/ui/mount';
import { memoryStorage } from '../../../src/storage/memory';

const categories = {
  essential: { required: true },
  analytics: {
    services: {
      ga4: { label: 'Google Analytics', description: 'Visits and pages seen.' },
      matomo: { label: 'Matomo' },
    },
  },
  marketing: { description: 'Ads.' },
};

/** The dialog of a consent kept in memory, opened as the footer link would; the site is named. */
function open(decide?: (consent: Consent) => void, extra: Record<string, unknown> = {}) {
  const store = memoryStorage();
  const consent = createEngineWithDecisions({ gating: false, controller: 'Instria', categories, ...extra }, { storage: () => store }) as Consent;
  const unmount = mountUI(consent);
  decide?.(consent);
  consent.showPreferences();
  const root = document.querySelector('instria-consent')!.shadowRoot!;
  const dialog = root.querySelector('dialog')!;
  const box = (name: string) => dialog.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
  /** Clicks a box as a visitor would: the browser toggles it and fires `change`. */
  const toggle = (name: string) => {
    box(name).checked = !box(name).checked;
    box(name).dispatchEvent(new Event('change', { bubbles: true }));
  };
  return { consent, unmount, root, dialog, box, toggle };
}

describe('Preferences: its own strings, which come with the dialog', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('in French, and a site translation of one of them wins', () => {
    const { dialog, unmount } = open(undefined, { language: 'fr', translations: { fr: { save: 'Valider mes choix' } } });
    expect(dialog.querySelector('[data-part=save]')!.textContent).toBe('Valider mes choix');
    expect(dialog.querySelector('[data-part=always]')!.textContent).toBe('Toujours actif');
    expect(dialog.textContent).toContain('Connexion, sécurité et mémorisation de ce choix.');
    expect(dialog.textContent).toContain('Choisissez ce que vous autorisez.');
    unmount();
  });
});

describe('Preferences: semantics', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    document.body.innerHTML = '';
  });

  it('has no <header> (a second banner landmark), only a styled part holding the title and Close', () => {
    const { dialog, unmount } = open();
    cleanup = unmount;
    expect(dialog.querySelector('header')).toBeNull();
    const header = dialog.querySelector('[data-part=header]')!;
    expect(header.querySelector('h2')!.id).toBe(dialog.getAttribute('aria-labelledby'));
    expect(header.querySelector('[data-part=close]')).not.toBeNull();
  });

  it('describes each checkbox by its description, by an id in the same shadow root', () => {
    const { dialog, root, box, unmount } = open();
    cleanup = unmount;
    const description = (name: string) => {
      const id = box(name).getAttribute('aria-describedby');
      return id === null ? null : root.getElementById(id)?.textContent;
    };
    expect(description('analytics')).toBe('Statistics on how the site is used, to improve it.');
    expect(description('marketing')).toBe('Ads.');
    expect(description('ga4')).toBe('Visits and pages seen.');
    expect(description('matomo'), 'no description, no reference to a missing element').toBeNull();
    const ids = [...dialog.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows a category whose services are partly on as mixed, and keeps it in step', () => {
    const { box, toggle, unmount } = open((consent) => consent.set({ analytics: true }, { services: { ga4: true, matomo: false } }));
    cleanup = unmount;
    expect([box('analytics').checked, box('analytics').indeterminate]).toEqual([true, true]);
    expect(box('marketing').indeterminate).toBe(false);
    toggle('matomo');
    expect([box('analytics').checked, box('analytics').indeterminate]).toEqual([true, false]);
    toggle('ga4');
    expect([box('analytics').checked, box('analytics').indeterminate]).toEqual([true, true]);
    toggle('matomo');
    expect([box('analytics').checked, box('analytics').indeterminate]).toEqual([false, false]);
    toggle('analytics');
    expect([box('ga4').checked, box('matomo').checked, box('analytics').indeterminate]).toEqual([true, true, false]);
  });
});
