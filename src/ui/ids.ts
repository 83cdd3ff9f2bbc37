/**
 * What an id names: the banner's or the dialog's heading (`banner`, `dialog`, with the name
 * `title`), a category's or a service's checkbox (`c`, `s`) and its description (`cd`, `sd`).
 */
export type IdPart = 'banner' | 'dialog' | 'c' | 's' | 'cd' | 'sd';

/**
 * Every DOM id of the UI, made here only (as zag's `dialog.dom.ts` does:
 * https://github.com/chakra-ui/zag/blob/main/packages/machines/dialog/src/dialog.dom.ts).
 * The part comes first and holds no `-`, so two different parts or names never share an id: a
 * category `s-ga4` is `ic-c-s-ga4`, a service `ga4` is `ic-s-ga4`. The ids live in the UI's
 * shadow root, so two instances on a page do not meet either.
 *
 * @example domId('s', 'ga4') // 'ic-s-ga4'
 */
export const domId = (part: IdPart, name: string): string => `ic-${part}-${name}`;
