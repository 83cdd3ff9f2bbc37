import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineWithDecisions } from '../../../src/core/consent';
import { ID_PATTERN } from '../../../src/core/constants';
import type { Consent } from '../../../src/core/types';
import { domId, type IdPart } from '../../../src/ui/ids';
import { mountUI } from '../../../src/ui/mount';

const PARTS: IdPart[] = ['banner', 'dialog', 'c', 's', 'cd', 'sd'];

describe('domId', () => {
  it('gives two different parts or names two different ids', () => {
    const name = fc.stringMatching(ID_PATTERN);
    const part = fc.constantFrom(...PARTS);
    fc.assert(
      fc.property(part, name, part, name, (p1, n1, p2, n2) => {
        fc.pre(p1 !== p2 || n1 !== n2);
        expect(domId(p1, n1)).not.toBe(domId(p2, n2));
      }),
      // The case ids made by hand once got wrong: a category "s-ga4" next to a service "ga4".
      { examples: [['c', 's-ga4', 's', 'ga4'], ['c', 'd-x', 'cd', 'x']] },
    );
  });
});

describe('the UI: one element per id', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  /** The banner and the dialog of a consent kept in memory, both drawn. */
  function draw(categories: Record<string, object>) {
    let value: string | null = null;
    const consent = createEngineWithDecisions(
      { gating: false, controller: 'Instria', categories },
      { storage: () => ({ read: () => value, write: (v) => ((value = v), true), clear: () => (value = null) }) },
    ) as Consent;
    const unmount = mountUI(consent);
    const root = document.querySelector('instria-consent')!.shadowRoot!;
    return { consent, unmount, root };
  }

  /** Ids used by more than one element, and references (`for`, `aria-*`) to no element. */
  function problems(root: ShadowRoot): string[] {
    const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `twice: ${id}`);
    const refs = [...root.querySelectorAll('[for],[aria-labelledby],[aria-describedby]')].flatMap((el) =>
      ['for', 'aria-labelledby', 'aria-describedby'].map((name) => el.getAttribute(name)).filter((id) => id !== null),
    );
    return [...twice, ...refs.filter((id) => !ids.includes(id!)).map((id) => `dangling: ${id}`)];
  }

  it('keeps a category "s-ga4" apart from a service "ga4" (and "title" apart from the headings)', () => {
    const { consent, unmount, root } = draw({
      essential: { required: true },
      's-ga4': { description: 'A category whose id reads like a service id.' },
      'sd-x': {},
      title: { services: { ga4: { description: 'Visits.' }, x: { description: 'Another.' } } },
    });
    expect(problems(root)).toEqual([]);
    consent.showPreferences();
    expect(root.querySelector('dialog')).not.toBeNull();
    expect(problems(root)).toEqual([]);
    unmount();
  });
});
