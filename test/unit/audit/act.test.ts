// @vitest-environment node
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the audit package is plain JavaScript with JSDoc types, which tsc here does not read
import { BUTTON_NAMES, namePattern } from '../../../audit/src/act.mjs';

describe('namePattern', () => {
  it('matches whole button names, in any listed language, ignoring case and spaces', () => {
    const reject = namePattern('reject', 'fr-FR');
    for (const name of ['Tout refuser', ' Reject all ', 'ALLE ABLEHNEN', 'Continuer sans accepter', 'Rechazar todo']) expect(reject.test(name), name).toBe(true);
    for (const name of ['Rejected orders', 'Accept all', 'Refuser les cookies tiers et plus']) expect(reject.test(name), name).toBe(false);
    expect(namePattern('accept').test('Tout accepter')).toBe(true);
    expect(namePattern('reopen').test('Cookie preferences')).toBe(true);
  });

  it('has the same languages for each control', () => {
    expect(Object.keys(BUTTON_NAMES.accept)).toEqual(Object.keys(BUTTON_NAMES.reject));
    expect(Object.keys(BUTTON_NAMES.reopen)).toEqual(Object.keys(BUTTON_NAMES.reject));
  });
});
