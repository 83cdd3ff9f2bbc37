/** Package version, inlined at build time by tsup/vitest `define`. */
declare const __VERSION__: string;

/**
 * True in the script-tag files (`dist/instria-consent.*.js`), inlined at build time by tsup's
 * `define`: they run in a page only (the tag returns at once without `window`), so their SSR
 * branches are dead code. False in the npm entries and in tests.
 */
declare const __SCRIPT_TAG__: boolean;

declare module '*.css' {
  const css: string;
  export default css;
}

interface Navigator {
  /** Global Privacy Control. See: https://privacycg.github.io/gpc-spec/ */
  readonly globalPrivacyControl?: boolean;
}
