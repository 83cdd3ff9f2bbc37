/**
 * The endpoint behind the `serverCookie` option: the browser SDK posts the encoded decision
 * after each decision, and the answer's `Set-Cookie` (from `consentCookie`) gives the cookie the
 * server's lifetime, which Safari does not cap at 7 days as it caps cookies written by script.
 * See: https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/ ("7-Day Cap on All Script-Writeable Storage")
 */
import { DEV, warn } from '../core/env';
import type { DefaultCategory } from '../core/types';
import { header, optionsOf, setCookie, validDecision, type RequestLike, type ServerOptions } from './cookie';

/** Longest body read: a decision is at most 3,000 bytes (`encodeDecision`). */
const MAX_BODY = 4096;

/** Options of the handler: the SDK's options (the same object as the page's) and where it answers. */
export interface HandlerOptions<C extends string = DefaultCategory> extends ServerOptions<C> {
  /** Answer only this path (`/consent-cookie`); other requests go to `next()` (or resolve false). Default: every request given. */
  path?: string;
  /** Add `Secure`. Default: inferred from the request (https URL, encrypted socket, `X-Forwarded-Proto: https`). */
  secure?: boolean;
}

/** What the handler answers: a status and its headers (with `Set-Cookie` on success). */
interface Answer {
  status: number;
  headers: Record<string, string>;
}

/**
 * Whether a browser sent this request from another site. `Sec-Fetch-Site` where the browser sends
 * it (every current browser), else `Origin` against the request's host: a cross-site form must
 * not set a visitor's consent.
 * See: https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header
 */
function isCrossSite(request: RequestLike, host: string): boolean {
  const site = header(request, 'sec-fetch-site');
  if (site) return site !== 'same-origin';
  const origin = header(request, 'origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== (header(request, 'x-forwarded-host') || host);
  } catch {
    return true;
  }
}

/**
 * The answer to a post of `body`: 204 with `Set-Cookie` for a decision valid under `options` (or
 * an empty body: the decision was cleared, the cookie is deleted), 400 for anything else, 405 for
 * a method other than POST, 403 for a post from another site.
 */
function answer(method: string | undefined, request: RequestLike, host: string, body: string | null, options: HandlerOptions<string>): Answer {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (method !== 'POST') return { status: 405, headers: { ...headers, allow: 'POST' } };
  if (isCrossSite(request, host)) return { status: 403, headers };
  const resolved = optionsOf(options);
  const value = body?.trim() ?? null;
  const now = options.now ?? Date.now();
  // Decoded and checked once; the cookie is written from the decision, never from the body.
  const decision = value ? validDecision(value, resolved, now) : null;
  if (value === null || (value && !decision)) {
    DEV && warn('consent cookie endpoint: the posted value is not a valid decision under these options (same categories, revision and expiry as the page?); 400');
    return { status: 400, headers };
  }
  return { status: 204, headers: { ...headers, 'set-cookie': setCookie(decision, resolved, { now, secure: options.secure, request }) } };
}

/** A Node `IncomingMessage` as the handler reads it (Express's `req` too, with `req.body` if a body parser ran). */
export interface NodeRequest extends RequestLike {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  /** Set by a body parser (`express.text()`): the body as text. */
  body?: unknown;
  on(event: string, listener: (...args: any[]) => void): unknown;
}

/** A Node `ServerResponse` as the handler writes it. */
export interface NodeResponse {
  writeHead(status: number, headers: Record<string, string>): { end(): unknown };
}

/** `(req, res)` for `node:http`, `(req, res, next)` as Express middleware; resolves true when it answered. */
export type ConsentCookieHandler = (req: NodeRequest, res: NodeResponse, next?: (error?: unknown) => void) => Promise<boolean>;

/** The request's body as text, null when it is larger than `MAX_BODY` or cannot be read. */
function readBody(req: NodeRequest): Promise<string | null> {
  if (typeof req.body === 'string') return Promise.resolve(req.body.length > MAX_BODY ? null : req.body);
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: string | Uint8Array) => {
      // Past the limit the rest is drained, not kept.
      if (text.length <= MAX_BODY) text += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
    });
    req.on('end', () => resolve(text.length > MAX_BODY ? null : text));
    req.on('error', () => resolve(null));
  });
}

/**
 * The `serverCookie` endpoint for `node:http` and Express-style servers: a `POST` of the encoded
 * decision (what the SDK sends) is answered `204` with the `Set-Cookie` of {@link consentCookie};
 * the value is decoded and checked first (same categories, revision and expiry as `options`), and
 * anything else is answered `400` without a cookie; other methods `405`, a post from another site
 * `403`. An empty body deletes the cookie (the visitor's decision was reset).
 *
 * @example
 * // node:http
 * const handle = consentCookieHandler({ ...config, path: '/consent-cookie' });
 * createServer(async (req, res) => (await handle(req, res)) || serveTheSite(req, res));
 * // Express
 * app.post('/consent-cookie', consentCookieHandler(config));
 */
export function consentCookieHandler<const C extends string = DefaultCategory>(options?: HandlerOptions<C>): ConsentCookieHandler {
  const own = (options ?? {}) as HandlerOptions<string>;
  return async (req, res, next) => {
    if (own.path && (req.url ?? '').split('?')[0] !== own.path) {
      next?.();
      return false;
    }
    const body = req.method === 'POST' ? await readBody(req) : null;
    const { status, headers } = answer(req.method, req, header(req, 'host'), body, own);
    res.writeHead(status, headers).end();
    return true;
  };
}

/**
 * The same endpoint for Fetch-API servers (Next.js route handlers, Deno, Bun, Cloudflare Workers):
 * the `Response` to a request.
 *
 * @example
 * // app/consent-cookie/route.ts (Next.js)
 * export const POST = (request: Request) => consentCookieResponse(request, config);
 */
export async function consentCookieResponse<const C extends string = DefaultCategory>(request: Request, options?: HandlerOptions<C>): Promise<Response> {
  const tooLong = Number(request.headers.get('content-length') ?? 0) > MAX_BODY;
  const body = request.method === 'POST' && !tooLong ? await request.text().catch(() => null) : null;
  const { status, headers } = answer(
    request.method,
    request,
    new URL(request.url).host,
    body !== null && body.length > MAX_BODY ? null : body,
    (options ?? {}) as HandlerOptions<string>,
  );
  return new Response(null, { status, headers });
}
