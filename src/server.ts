/**
 * `@instria/consent/server`: the consent cookie read and written on a server, with no DOM, for
 * Node, Deno, Bun and edge runtimes. The same codec, validity rules and state as the browser's
 * (`src/core/codec.ts`, `src/core/state.ts`), so a page rendered on the server agrees with the
 * SDK that takes over in the browser. The cookie's format: docs/cookie-format.md; the guide:
 * docs/server.md.
 */
export { bannerPreload, consentCookie, needsBanner, readConsent } from './server/cookie';
export { consentCookieHandler, consentCookieResponse } from './server/handler';

export type { ConsentCookieOptions, CookieSource, PreloadOptions, RequestLike, ServerOptions } from './server/cookie';
export type { ConsentCookieHandler, HandlerOptions, NodeRequest, NodeResponse } from './server/handler';
export type { ConsentMethod, ConsentOptions, ConsentState, CookieOptions, DefaultCategory } from './core/types';
