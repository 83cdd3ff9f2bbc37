import { hydrate, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Consent } from '../../../src/core/types';
import { ConsentGate, useConsent, useGranted } from '../../../src/preact';
import { testConsent } from '../support';

const categories = { essential: { required: true }, analytics: { services: { ga4: {}, matomo: {} } }, media: {} };

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

/**
 * Runs `change`, then lets the adapter re-render: it batches a store's changes into one render
 * in a `setTimeout`, and runs its first effect (mounted: the decision replaces the initial state)
 * after paint, which `act` flushes.
 */
async function settle(change: () => void = () => {}): Promise<void> {
  await act(async () => {
    change();
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

async function mount(element: preact.ComponentChild): Promise<HTMLElement> {
  container = document.body.appendChild(document.createElement('div'));
  await settle(() => render(element, container));
  return container;
}

function Status({ consent }: { consent: Consent<'essential' | 'analytics' | 'media'> }) {
  const state = useConsent(consent);
  const ga4 = useGranted(consent, 'analytics', 'ga4');
  return <p>{`${state.decided} ${state.categories.analytics} ${ga4} ${useGranted(consent, 'media')}`}</p>;
}

const Gate = ({ consent }: { consent: Consent<'essential' | 'analytics' | 'media'> }) => (
  <ConsentGate consent={consent} category="media" fallback={<p>Off</p>}>
    <video title="video" />
  </ConsentGate>
);

describe('@instria/consent/preact', () => {
  it('useConsent and useGranted follow the decision, per category and per service', async () => {
    const consent = testConsent({ categories });
    const page = await mount(<Status consent={consent} />);
    expect(page.textContent).toBe('false false false false');
    await settle(() => consent.acceptAll());
    expect(page.textContent).toBe('true true true true');
    await settle(() => consent.set({}, { services: { ga4: false } }));
    expect(page.textContent).toBe('true true false true');
    await settle(() => consent.rejectAll());
    expect(page.textContent).toBe('true false false false');
  });

  it('ConsentGate renders its children only while granted, else the fallback; a service alone when given one', async () => {
    const consent = testConsent({ categories });
    const page = await mount(
      <>
        <Gate consent={consent} />
        <ConsentGate consent={consent} category="analytics" service="matomo">
          <span>stats</span>
        </ConsentGate>
      </>,
    );
    expect(page.innerHTML).toBe('<p>Off</p>');
    await settle(() => consent.set({ media: true }, { services: { ga4: true } }));
    expect(page.innerHTML).toBe('<video title="video"></video>');
    await settle(() => consent.set({}, { services: { matomo: true } }));
    expect(page.innerHTML).toBe('<video title="video"></video><span>stats</span>');
    await settle(() => consent.withdraw());
    expect(page.innerHTML).toBe('<p>Off</p>');
  });

  it('renders the fallback first, as a server does, even for a visitor who accepted, then hydrates to the decision', async () => {
    // The markup a server sends: its instance knows no decision.
    const server = await mount(<Gate consent={testConsent({ categories })} />);
    const html = server.innerHTML;
    expect(html).toBe('<p>Off</p>');
    render(null, server);
    const consent = testConsent({ categories });
    consent.acceptAll();
    container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = html;
    const first = container.firstChild;
    hydrate(<Gate consent={consent} />, container);
    // The first render (before effects) matches the server's markup and keeps its node.
    expect(container.innerHTML).toBe('<p>Off</p>');
    expect(container.firstChild).toBe(first);
    await settle();
    expect(container.innerHTML).toBe('<video title="video"></video>');
  });
});
