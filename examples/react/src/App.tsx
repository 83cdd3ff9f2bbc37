import { ConsentGate, useGranted } from '@instria/consent/react';
import { consent } from './consent';

export function App() {
  const analytics = useGranted(consent, 'analytics');
  return (
    <>
      <main>
        <h1>React example</h1>
        <p id="analytics-status">Analytics: {analytics ? 'on' : 'off'}</p>
        <ConsentGate
          consent={consent}
          category="media"
          fallback={
            <button type="button" onClick={() => consent.set({ media: true })}>
              Load the video (YouTube sets cookies)
            </button>
          }
        >
          <iframe
            title="Video"
            width="560"
            height="315"
            src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
            allowFullScreen
          />
        </ConsentGate>
      </main>
      <footer>
        <a href="/privacy">Privacy policy</a>{' '}
        <button type="button" onClick={() => consent.showPreferences()}>
          Cookie preferences
        </button>
      </footer>
    </>
  );
}
