import { safe } from './env';

/** The policy, once made: null where Trusted Types are absent or the page refuses the name. */
let policy: Record<string, (value: string) => unknown> | null | undefined;

/**
 * `value` as a Trusted Types value, made by the SDK's one policy, `instria-consent`, for what the
 * SDK itself puts in a script sink: the URL of an on-demand file it loads, and the URL and text
 * (`script` true) of a gated script it activates (which the page wrote, in its HTML or by code;
 * the copy's other attributes are cloned as the page set them). The policy is private to the SDK and made on first need, so a page that
 * activates nothing makes none. Without Trusted Types, or when the page's `trusted-types`
 * directive does not allow the name, the plain string: the browser then
 * applies the page's own default policy, or blocks, as for any script; the SDK never throws over it.
 * See: https://w3c.github.io/trusted-types/dist/spec/ and https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy/trusted-types
 */
export function trusted(value: string, script?: boolean): string {
  // Read on first need, never earlier: where Trusted Types are absent, markup that names an
  // element `trustedTypes` makes a global without `createPolicy` (it throws: no policy). What
  // throws is warned in development (a directive without "instria-consent": add it).
  const pass = (text: string) => text;
  const types = (window as { trustedTypes?: { createPolicy(name: string, rules: object): typeof policy } }).trustedTypes;
  if (policy === undefined) policy = safe(() => types?.createPolicy('instria-consent', { createScriptURL: pass, createScript: pass }), null) ?? null;
  return (policy ? policy[script ? 'createScript' : 'createScriptURL']!(value) : value) as string;
}
