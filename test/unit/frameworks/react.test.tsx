/** @jsxImportSource react */
import { act } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Consent } from '../../../src/core/types';
import { ConsentGate, useConsent, useGranted } from '../../../src/react';
import { refusedLoads, testConsent } from '../support';

// The README's quick start imports the package by name (the sources here, vitest.config.ts), and
// its `createConsent` is the unit tests' instance here (decision in memory, no UI).
vi.mock('@instria/consent', async () => ({ createConsent: (await import('../support')).testConsent }));


const categories = { essential: { required: true }, analytics: { services: { ga4: {}, matomo: {} } }, media: {} };

let root: Root | null = null;
let container: HTMLElement;
beforeAll(() => {
  // Tells React that `act` flushes its work here, as in a test renderer. See:
  // https://react.dev/reference/react/act#error-the-current-testing-environment-is-not-configured-to-support-act
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
// The apps embed a video: happy-dom loads no iframe and reports each refusal on Node's console.
beforeEach(() => void refusedLoads());

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  container?.remove();
  vi.restoreAllMocks();
});

function render(element: React.ReactNode): HTMLElement {
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  act(() => root!.render(element));
  return container;
}

function Status({ consent }: { consent: Consent<'essential' | 'analytics' | 'media'> }) {
  const state = useConsent(consent);
  const ga4 = useGranted(consent, 'analytics', 'ga4');
  return <p>{`${state.decided} ${state.categories.analytics} ${ga4} ${useGranted(consent, 'media')}`}</p>;
}

describe('@instria/consent/react', () => {
  it('useConsent and useGranted follow the decision, per category and per service', () => {
    const consent = testConsent({ categories });
    const page = render(<Status consent={consent} />);
    expect(page.textContent).toBe('false false false false');
    act(() => consent.acceptAll());
    expect(page.textContent).toBe('true true true true');
    act(() => consent.set({}, { services: { ga4: false } }));
    expect(page.textContent).toBe('true true false true');
    act(() => consent.rejectAll());
    expect(page.textContent).toBe('true false false false');
  });

  it('useGranted is false for a service of another category, as consent.granted() is', () => {
    const consent = testConsent({ categories });
    consent.acceptAll();
    function Wrong() {
      return <p>{String(useGranted(consent, 'media', 'ga4'))}</p>;
    }
    expect(render(<Wrong />).textContent).toBe(String(consent.granted('media', 'ga4')));
    expect(container.textContent).toBe('false');
  });

  it('ConsentGate renders its children only while granted, else the fallback', () => {
    const consent = testConsent({ categories });
    const page = render(
      <ConsentGate consent={consent} category="media" fallback={<p>Off</p>}>
        <video title="video" />
      </ConsentGate>,
    );
    expect(page.innerHTML).toBe('<p>Off</p>');
    act(() => consent.set({ media: true }));
    expect(page.innerHTML).toBe('<video title="video"></video>');
    act(() => consent.withdraw());
    expect(page.innerHTML).toBe('<p>Off</p>');
  });

  it('ConsentGate gates on one service when given one, and renders nothing without a fallback', () => {
    const consent = testConsent({ categories });
    const page = render(
      <ConsentGate consent={consent} category="analytics" service="matomo">
        <span>stats</span>
      </ConsentGate>,
    );
    expect(page.innerHTML).toBe('');
    act(() => consent.set({}, { services: { ga4: true } }));
    expect(page.innerHTML).toBe('');
    act(() => consent.set({}, { services: { matomo: true } }));
    expect(page.innerHTML).toBe('<span>stats</span>');
  });

  it('renders the fallback on the server, even for a visitor who accepted', () => {
    const consent = testConsent({ categories });
    consent.acceptAll();
    const gate = (
      <ConsentGate consent={consent} category="analytics" fallback={<p>Off</p>}>
        <span>stats</span>
      </ConsentGate>
    );
    expect(renderToString(gate)).toBe('<p>Off</p>');
    expect(renderToString(<Status consent={consent} />)).toBe('<p>false false false false</p>');
  });

  it('hydrates the server HTML without a mismatch, then shows what the visitor accepted', () => {
    const app = (consent: Consent<'essential' | 'analytics' | 'media'>) => (
      <div>
        <Status consent={consent} />
        <ConsentGate consent={consent} category="media" fallback={<p>Off</p>}>
          <video title="video" />
        </ConsentGate>
      </div>
    );
    // A server's instance knows no decision (no cookie there); the browser's reads the visitor's.
    const server = testConsent({ categories });
    container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = renderToString(app(server));
    const consent = testConsent({ categories });
    consent.acceptAll();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const recoverable = vi.fn();
    act(() => {
      root = hydrateRoot(container, app(consent), { onRecoverableError: recoverable });
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe('<div><p>true true true true</p><video title="video"></video></div>');
  });

  it('runs the README quick start', async () => {
    const { consent, CookieStatus, Video } = await import('./react-app');
    const page = render(
      <>
        <Video />
        <CookieStatus />
      </>,
    );
    expect(page.querySelector('iframe')).toBeNull();
    expect(page.textContent).toBe('Accept media cookies to watch this video.No choice yetCookie preferences');
    act(() => consent.acceptAll());
    expect(page.querySelector('iframe')?.title).toBe('Big Buck Bunny');
    expect(page.textContent).toBe('Analytics: onCookie preferences');
    act(() => page.querySelector('button')!.click());
    expect(consent.view.get()).toBe('preferences');
  });
});
