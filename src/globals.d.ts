/** Package version, inlined at build time by tsup/vitest `define`. */
declare const __VERSION__: string;

declare module '*.css' {
  const css: string;
  export default css;
}

interface Navigator {
  /** Global Privacy Control. See: https://privacycg.github.io/gpc-spec/ */
  readonly globalPrivacyControl?: boolean;
}
