import * as preact from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEngineWithDecisions } from '../../../src/core/consent';
import type { Consent } from '../../../src/core/types';
import { mountUI } from '../../../src/ui/mount';
import { memoryStorage } from '../../../src/storage/memory';

// Counts the UI's Preact renders (src/ui/mount.tsx imports `render` from 'preact').
vi.mock('preact', async (original) => {
  const actual = await original<typeof preact>();
  return { ...actual, render: vi.fn(actual.render) };
});
const renders = vi.mocked(preact.render);

/** A mounted UI over a memory store whose writes are spied on. */
function setup() {
  const store = memoryStorage();
  const write = vi.spyOn(store, 'write');
  const consent = createEngineWithDecisions({ gating: false, controller: 'Instria' }, { storage: () => store }) as Consent;
  const unmount = mountUI(consent);
  const root = document.querySelector('instria-consent')!.shadowRoot!;
  const button = (part: string) => root.querySelector<HTMLButtonElement>(`[data-part=${part}]`)!;
  const status = () => root.querySelector('[data-part=status]')!.textContent;
  return { consent, unmount, root, button, status, write };
}

const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('a decision in the UI', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    cleanup = undefined;
    document.body.innerHTML = '';
    renders.mockClear();
  });

  it('renders once per click on Accept all or Reject all, not once for the state and again for the view', async () => {
    for (const part of ['accept', 'reject']) {
      const { button, root, status, unmount } = setup();
      renders.mockClear();
      button(part).click();
      await microtasks();
      await microtasks();
      expect(renders).toHaveBeenCalledTimes(1);
      expect(root.querySelector('[data-part=banner]')).toBeNull();
      expect(status()).toBe('Choices saved');
      unmount();
    }
  });

  it('renders once for a decision made by the API while the UI is hidden, announced by the end of the task', async () => {
    const { consent, status, unmount } = setup();
    cleanup = unmount;
    consent.hide();
    renders.mockClear();
    consent.acceptAll();
    // The state is the API's guarantee, at once; the UI follows within the same task.
    expect(consent.state.get().method).toBe('accept-all');
    await microtasks();
    expect(renders).toHaveBeenCalledTimes(1);
    expect(status()).toBe('Choices saved');
  });

  it('draws a decision made by the API without queueMicrotask (a page or an old webview without it)', async () => {
    const native = globalThis.queueMicrotask;
    const { consent, status, unmount } = setup();
    cleanup = unmount;
    consent.hide();
    try {
      // @ts-expect-error: the missing global under test
      delete globalThis.queueMicrotask;
      consent.acceptAll();
    } finally {
      globalThis.queueMicrotask = native;
    }
    await microtasks();
    expect(status()).toBe('Choices saved');
  });

  it('draws nothing after unmount for a state change made just before', async () => {
    const { consent, unmount } = setup();
    consent.hide();
    consent.acceptAll();
    unmount();
    renders.mockClear();
    await microtasks();
    expect(renders).not.toHaveBeenCalled();
  });

  it('stores the decision before a task queued right after the click, and returns focus to the page', async () => {
    document.body.innerHTML = '<main><button id="page">page</button></main>';
    const { button, root, write, unmount } = setup();
    cleanup = unmount;
    document.getElementById('page')!.focus();
    button('accept').focus();
    expect(root.activeElement).toBe(button('accept'));
    button('accept').click();
    const writtenBeforeNextTask = await new Promise<number>((resolve) => setTimeout(() => resolve(write.mock.calls.length)));
    expect(writtenBeforeNextTask).toBe(1);
    expect(document.activeElement!.id).toBe('page');
    expect(root.activeElement).toBeNull();
  });
});
