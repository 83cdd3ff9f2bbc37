// The "Server" snippets of the README and docs/server.md, type-checked by `tsc`; the docs check
// (test/unit/docs.test.ts) holds the pages to this file, and test/unit/server/snippets.test.ts
// runs the server it starts.
import { createServer } from 'node:http';
import { bannerPreload, consentCookieHandler, consentCookieResponse, readConsent } from '@instria/consent/server';

// The options of the page's SDK (the same object, or at least the same categories, revision,
// expiresAfterDays and cookie).
const config = { categories: { essential: { required: true }, analytics: {} }, revision: 1 };

const consentCookie = consentCookieHandler({ ...config, path: '/consent-cookie' });

export const server = createServer(async (req, res) => {
  // The SDK's serverCookie posts: 204 with the consent cookie, set by the server.
  if (await consentCookie(req, res)) return;
  // A first visit: the banner's files, announced before the page (103 Early Hints).
  const hints = bannerPreload(req, { ...config, as: 'header' });
  if (hints) res.writeEarlyHints({ link: hints.split(', ') });
  const consent = readConsent(req, config);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html>
<html lang="en">
<head>
  ${bannerPreload(req, config)}
  <script src="/instria-consent.iife.js" data-server-cookie="/consent-cookie"></script>
  ${consent.categories.analytics ? '<script src="/analytics.js"></script>' : ''}
</head>
<body>…</body>
</html>`);
});

// The same endpoint in a Fetch-API server: a Next.js route handler (app/consent-cookie/route.ts),
// Deno, Bun, Cloudflare Workers.
export const POST = (request: Request) => consentCookieResponse(request, config);
