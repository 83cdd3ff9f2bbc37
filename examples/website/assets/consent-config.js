// The website's consent configuration, read by the script tag when it starts (it must load
// before /dist/instria-consent.iife.js). An external file rather than an inline <script>, so the
// pages keep a strict Content-Security-Policy (script-src 'self'). The privacy page's cookie
// table is generated from it (see privacy.html).
window.InstriaConsentConfig = {
  // Who decides what the cookies are for: the banner names it (CNIL 2020 §§ 22-26).
  controller: 'Instria',
  privacyPolicyUrl: '/examples/website/privacy.html',
  categories: {
    essential: { required: true },
    analytics: {
      services: {
        ga4: {
          label: 'Google Analytics',
          provider: 'Google Ireland Ltd',
          purpose: 'Audience measurement: pages viewed and visit length',
          cookies: [
            { name: /^_ga$/, duration: '13 months', purpose: 'Tells visits apart' },
            { name: /^_ga_/, duration: '13 months', purpose: 'Keeps the state of a visit' },
            { name: '_gid', duration: '24 hours', purpose: 'Tells visits of the day apart' },
          ],
        },
        video: {
          label: 'Product tour video',
          provider: 'Instria (embedded player)',
          purpose: 'Plays the product tour and counts its views',
          duration: 'session',
        },
      },
    },
  },
  // Proof of consent: each decision is sent to the example receiver (examples/consent-log-server),
  // which the demo server mounts at /records (same origin: the page's CSP allows it).
  recordEndpoint: '/records',
};
