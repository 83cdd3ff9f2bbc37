import { DEV, safe, warn } from '../env';
import type { DecisionsInstaller } from '../engine';

/**
 * `install`, with the decision's store sending each write (and each clear, as an empty body) to
 * the `serverCookie` endpoint once the script's cookie is written: `fetch` POST, same origin,
 * `keepalive` so that a decision made just before leaving the page still arrives. The endpoint
 * answers with the cookie set by the server (`consentCookieHandler` of `@instria/consent/server`),
 * which Safari keeps for its `Max-Age`, not the 7 days it allows a cookie written by script.
 * See: https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/
 * A failing endpoint loses nothing: the script's cookie is there already (one development warning).
 * Runs with the decision code, which alone writes decisions: a returning visitor's page never sends.
 */
export const withServerCookie =
  (install: DecisionsInstaller): DecisionsInstaller =>
  (engine) => {
    const url = engine.options.serverCookie;
    // Same origin only: the cookie is the page's, and a cross-origin answer could not set it.
    const target = url ? safe(() => new URL(url, location.href), null) : null;
    if (!target || target.origin !== location.origin) {
      DEV && url && warn(`option "serverCookie" must be a URL of this site (got "${url}"); ignored`);
      return install(engine);
    }
    let warned = false;
    const send = (value: string) =>
      Promise.resolve()
        .then(() => fetch(target, { method: 'POST', body: value, credentials: 'same-origin', keepalive: true }))
        .then((response) => response.ok || Promise.reject(response.status))
        .catch((error) => {
          DEV && !warned && warn(`the serverCookie endpoint ${target} failed (${error}); the decision is kept in the cookie written by script (at most 7 days in Safari)`);
          warned = true;
        });
    const { storage } = engine;
    return install({
      ...engine,
      storage: {
        read: () => storage.read(),
        write(value, days) {
          const written = storage.write(value, days);
          send(value);
          return written;
        },
        clear() {
          storage.clear();
          send('');
        },
      },
    });
  };
