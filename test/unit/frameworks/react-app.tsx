/** @jsxImportSource react */
// The README's React quick start, line for line (test/unit/docs.test.ts), rendered by react.test.tsx.
import { createConsent } from '@instria/consent';
import { ConsentGate, useConsent } from '@instria/consent/react';

export const consent = createConsent({
  categories: { essential: { required: true }, analytics: {}, media: {} },
});

export function Video() {
  return (
    <ConsentGate consent={consent} category="media" fallback={<p>Accept media cookies to watch this video.</p>}>
      <iframe src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" title="Big Buck Bunny" />
    </ConsentGate>
  );
}

export function CookieStatus() {
  const { decided, categories } = useConsent(consent);
  return (
    <p>
      {decided ? `Analytics: ${categories.analytics ? 'on' : 'off'}` : 'No choice yet'}
      <button onClick={() => consent.showPreferences()}>Cookie preferences</button>
    </p>
  );
}
