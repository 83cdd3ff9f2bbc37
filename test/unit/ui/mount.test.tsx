import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngineWithDecisions } from '../../../src/core/consent';
import type { WritableAtom } from 'nanostores';
import type { Consent, UIView } from '../../../src/core/types';
import { mountUI } from '../../../src/ui/mount';
import { memoryStorage } from '../../../src/storage/memory';

/**
 * A consent instance kept in memory, with the UI mounted as the core would. The site is named
 * (`controller`), as the UI asks in development: only the test of that warning leaves it out.
 */
function setup(options: Parameters<typeof createEngineWithDecisions>[0] = {}) {
  const store = memoryStorage();
  const consent = createEngineWithDecisions({ gating: false, controller: 'Instria', ...options }, { storage: () => store }) as Consent;
  const unmount = mountUI(consent);
  const root = () => document.querySelector('instria-consent')?.shadowRoot ?? null;
  const button = (part: string) => root()?.querySelector<HTMLButtonElement>(`[data-part=${part}]`) ?? null;
  return { consent, unmount, root, button };
}

describe('mountUI', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    document.documentElement.removeAttribute('style');
    document.body.innerHTML = '';
  });

  it('shows the banner first in <body>, in a shadow root styled without inline styles', () => {
    document.body.innerHTML = '<main>page</main>';
    const { root, unmount } = setup();
    cleanup = unmount;
    expect(document.body.firstElementChild?.localName).toBe('instria-consent');
    const banner = root()!.querySelector('[data-part=banner]')!;
    expect(banner.textContent).toContain('Accept all');
    expect(root()!.querySelector('[style]')).toBeNull();
    expect(root()!.adoptedStyleSheets.length + root()!.querySelectorAll('style').length).toBe(1);
    expect(root()!.querySelector('[data-part=root]')!.getAttribute('lang')).toBe('en');
    expect(root()!.querySelector('[data-part=root]')!.getAttribute('data-theme')).toBe('auto');
  });

  it('records a decision only from a button, and removes the banner at once', () => {
    const { consent, button, root, unmount } = setup();
    cleanup = unmount;
    expect(consent.state.get().decided).toBe(false);
    button('reject')!.click();
    expect(consent.state.get().method).toBe('reject-all');
    expect(root()!.querySelector('[data-part=banner]')).toBeNull();
  });

  it('opens the dialog from Customize with nothing ticked and saves the boxes as they are', () => {
    const { consent, button, root, unmount } = setup({ categories: { essential: { required: true }, analytics: {}, marketing: {} } });
    cleanup = unmount;
    button('customize')!.click();
    const dialog = root()!.querySelector('dialog')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe(root()!.querySelector('dialog h2')!.id);
    const boxes = [...dialog.querySelectorAll('input')];
    expect(boxes.map((box) => [box.name, box.checked])).toEqual([
      ['analytics', false],
      ['marketing', false],
    ]);
    expect(dialog.textContent).toContain('Always active');
    boxes[1]!.checked = true;
    button('save')!.click();
    expect(consent.state.get().categories).toEqual({ essential: true, analytics: false, marketing: true });
    expect(root()!.querySelector('dialog')).toBeNull();
  });

  it('goes back to the banner when the dialog is closed before any decision', () => {
    const { consent, button, root, unmount } = setup();
    cleanup = unmount;
    consent.showPreferences();
    button('close')!.click();
    expect(consent.view.get()).toBe('banner');
    expect(root()!.querySelector('dialog')).toBeNull();
    expect(consent.state.get().decided).toBe(false);
  });

  it('returns focus to the element that opened the dialog', () => {
    document.body.innerHTML = '<a href="#cookie-preferences" id="opener">Cookie preferences</a>';
    const { consent, button, unmount } = setup();
    cleanup = unmount;
    consent.acceptAll();
    const opener = document.getElementById('opener')!;
    opener.focus();
    consent.showPreferences();
    button('close')!.click();
    expect(consent.view.get()).toBe('hidden');
    expect(document.activeElement).toBe(opener);
  });

  it('unmounts completely', () => {
    const { unmount } = setup();
    unmount();
    expect(document.querySelector('instria-consent')).toBeNull();
  });

  it('warns in development when the controller is not named, not when it is', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = setup({ controller: undefined });
    first.unmount();
    expect(warn.mock.calls.map((call) => call.join(' ')).filter((text) => text.includes('"controller"'))).toEqual([
      '[instria-consent] option "controller" is not set; the banner names the site by its host name ("localhost"): set it to the controller\'s name, e.g. \'Instria\'',
    ]);
    warn.mockClear();
    const second = setup({ controller: 'Instria' });
    cleanup = second.unmount;
    expect(second.root()!.querySelector('[data-part=banner] p')!.textContent).toMatch(/^Instria uses/);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('shows the GPC notice as a polite status that takes no focus, opens the dialog, and closes', async () => {
    document.body.innerHTML = '<button id="page">page</button>';
    document.getElementById('page')!.focus();
    const { consent, root, button, unmount } = setup({ controller: 'Instria' });
    cleanup = unmount;
    consent.rejectAll();
    (consent.view as WritableAtom<UIView>).set('notice');
    const notice = root()!.querySelector('[data-part=notice]')!;
    expect(root()!.querySelector('[data-part=banner]')).toBeNull();
    const status = notice.querySelector('[role=status]')!;
    // The live region exists first, its text comes just after: that is what gets announced.
    expect(status.textContent).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(status.textContent).toBe('Your browser’s Global Privacy Control signal was applied: optional cookies are off.');
    expect(document.activeElement!.id).toBe('page');
    expect(root()!.activeElement).toBeNull();
    button('link')!.click();
    expect(consent.view.get()).toBe('preferences');
    (consent.view as WritableAtom<UIView>).set('notice');
    expect(button('close')!.getAttribute('aria-label')).toBe('Close');
    button('close')!.click();
    expect(consent.view.get()).toBe('hidden');
    expect(root()!.querySelector('[data-part=notice]')).toBeNull();
  });
});
