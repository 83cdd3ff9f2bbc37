/**
 * The language to show: `option` if it is a language code, else (for `auto`) the page's
 * `<html lang>`, then the browser's languages, then English. Only languages in `available`
 * are returned; `fr-CA` matches `fr`.
 */
export function resolveLanguage(option: string, available: readonly string[]): string {
  const candidates =
    option === 'auto'
      ? [document.documentElement.lang, ...(navigator.languages ?? [navigator.language])]
      : [option];
  for (const candidate of candidates) {
    const code = (candidate || '').toLowerCase();
    const match = available.find((lang) => code === lang || code.startsWith(`${lang}-`));
    if (match) return match;
  }
  return 'en';
}
