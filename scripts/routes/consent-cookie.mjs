// The `serverCookie` endpoint, as a site mounts it: `consentCookieHandler` of the BUILT
// `@instria/consent/server` (dist/server.js), with the options of the test pages (the defaults).
//   POST /consent-cookie        the encoded decision → 204 + Set-Cookie (400 for junk, 405 for GET)
//   POST /consent-cookie/fail   always 500: an endpoint that is down, for the "loses nothing" tests
// dist/ is loaded on first use only, so the other routes work before a build.

let handler;

/** @param {import('node:http').IncomingMessage} req */
export async function handle(req, res, url) {
  if (url.pathname === '/consent-cookie/fail') {
    req.resume();
    res.writeHead(500, { 'cache-control': 'no-store' }).end('injected failure');
    return true;
  }
  if (url.pathname !== '/consent-cookie') return false;
  handler ??= import('../../dist/server.js').then(({ consentCookieHandler }) => consentCookieHandler({}));
  return (await handler)(req, res);
}
