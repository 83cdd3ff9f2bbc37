import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_MESSAGES } from '../../../src/core/gating/placeholder';
import type { Messages } from '../../../src/core/messages';
import { DIALOG_MESSAGES } from '../../../src/ui/dialog-messages';
import { UI_MESSAGES } from '../../../src/ui/i18n';
import { LABELS } from '../../../src/ui/label';

/**
 * The built-in translations beyond English and French (`src/ui/i18n/<code>.ts`): the official
 * languages of the EEA. Their type makes every key of `Messages` present; this checks what a
 * type cannot: the values put in, the footer link named in the text, nothing left in English.
 */
const EEA = ['bg', 'cs', 'da', 'de', 'el', 'es', 'et', 'fi', 'ga', 'hr', 'hu', 'is', 'it', 'lt', 'lv', 'mt', 'nb', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv'];
const ENGLISH: Messages = { ...UI_MESSAGES.en, ...DIALOG_MESSAGES.en, ...LABELS.en, ...PLACEHOLDER_MESSAGES.en };
/** Words a language takes from English on purpose (as French keeps "Marketing"). */
const LOANWORDS: Record<string, string[]> = { marketing: ['cs', 'da', 'de', 'hr', 'hu', 'it', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk'], partners: ['nl'] };
const dir = join(__dirname, '../../../src/ui/i18n');
const values = (text: string) => [...text.matchAll(/\{\w+\}/g)].map(String).sort();

const languages = Object.fromEntries(
  await Promise.all(
    readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .map(async (file) => {
        const code = file.slice(0, -3);
        return [code, (await import(/* @vite-ignore */ join(dir, file)))[code] as Messages] as const;
      }),
  ),
);

describe('the built-in translations of the EEA languages', () => {
  it('are every official EEA language but English and French, each one file exporting its code', () => {
    expect(Object.keys(languages).sort()).toEqual(EEA);
    for (const code of EEA) expect(languages[code], code).toBeTypeOf('object');
  });

  for (const code of EEA) {
    it(`${code}: every key, the same {values} as English, the footer link named, nothing left in English`, () => {
      const messages = languages[code]!;
      expect(Object.keys(messages).sort()).toEqual(Object.keys(ENGLISH).sort());
      for (const key of Object.keys(ENGLISH) as (keyof Messages)[]) {
        const text = messages[key];
        expect(text.trim(), `${code}.${key}`).not.toBe('');
        expect(values(text), `${code}.${key}`).toEqual(values(ENGLISH[key]));
        if (!LOANWORDS[key]?.includes(code)) expect(text, `${code}.${key} is the English text`).not.toBe(ENGLISH[key]);
      }
      // The first layer says how to change one's mind: by the footer link's own words.
      expect(messages.text).toContain(messages.preferences);
      // Accept and Reject are built alike: neither is more than twice the other's length.
      expect(Math.max(messages.acceptAll.length, messages.rejectAll.length) / Math.min(messages.acceptAll.length, messages.rejectAll.length)).toBeLessThan(2);
    });
  }
});
