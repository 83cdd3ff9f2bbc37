// The website's consent configuration, read by the script tag when it starts (it must load
// before /dist/instria-consent.iife.js). An external file rather than an inline <script>, so the
// pages keep a strict Content-Security-Policy (script-src 'self').
window.InstriaConsentConfig = {
  categories: {
    essential: { required: true },
    analytics: {
      services: {
        ga4: { label: 'Google Analytics', cookies: [/^_ga/, '_gid'] },
        video: { label: 'Product tour video' },
      },
    },
  },
  // Proof of consent: each decision is sent to the example receiver (examples/consent-log-server),
  // which the demo server mounts at /records (same origin: the page's CSP allows it).
  recordEndpoint: '/records',
};
