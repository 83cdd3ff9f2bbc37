/**
 * The app's analytics client (a stand-in that talks to the demo's local collector). It is a
 * separate chunk: main.ts imports it only after `whenGranted('analytics', …)` fires.
 */

/** Sends one event to the collector. */
export function track(event: string): void {
  const query = new URLSearchParams({ v: '2', tid: 'G-APP42', en: event, dl: location.href, dt: document.title });
  void fetch(`/collect?${query}`, { method: 'POST', keepalive: true }).catch(() => undefined);
}

/** Starts tracking: a page view now, and an event per click on `[data-track]`. */
export function start(): void {
  const status = document.querySelector<HTMLElement>('#analytics-status');
  if (status) {
    status.textContent = 'loaded';
    status.dataset.state = 'loaded';
  }
  track('page_view');
  document.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest<HTMLElement>('[data-track]');
    if (target?.dataset.track) track(target.dataset.track);
  });
}
