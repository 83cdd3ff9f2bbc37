import { DEV, warn } from './env';

/** What our policy makes: a script's URL, or a script's text. */
type Kind = 'createScriptURL' | 'createScript';

/** The policy, once made: null where Trusted Types are absent or the page refuses the name. */
let policy: Record<Kind, (value: string) => unknown> | null | undefined;

/**
 * `value` as a Trusted Types value of `kind`, made by the SDK's one policy, `instria-consent`,
 * for what the SDK itself puts in a script sink: the URL of an on-demand file it loads, and the
 * URL or text of a gated script it activates (which the page wrote, in its HTML or by code).
 * The policy is private to the SDK and made on first need, so a page that activates nothing
 * makes none. Without Trusted Types, or when the page's `trusted-types` directive does not allow
 * the name (a development warning), the plain string: the browser then applies the page's
 * policy (its default one) or blocks, as for any script. The SDK never throws over it.
 * See: https://w3c.github.io/trusted-types/dist/spec/ and https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy/trusted-types
 */
export function trusted(value: string, kind: Kind = 'createScriptURL'): string {
  if (policy === undefined) {
    policy = null;
    try {
      // Read here, never earlier: a page without Trusted Types has no such global, and markup
      // that names an element `trustedTypes` there makes one without `createPolicy`.
      const pass = (text: string) => text;
      policy = (window as { trustedTypes?: { createPolicy: (name: string, rules: object) => typeof policy } }).trustedTypes?.createPolicy('instria-consent', { createScriptURL: pass, createScript: pass }) ?? null;
    } catch (error) {
      DEV && warn("Trusted Types: the page's CSP does not allow the policy \"instria-consent\"; add it to the trusted-types directive", error);
    }
  }
  return (policy ? policy[kind](value) : value) as string;
}
