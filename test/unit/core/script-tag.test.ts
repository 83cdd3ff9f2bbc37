import { describe, expect, it } from 'vitest';
import { readTagOptions } from '../../../src/core/script-tag';

describe('readTagOptions', () => {
  it('reads data-controller as the controller option (SPEC 0.2)', () => {
    const script = document.createElement('script');
    script.setAttribute('data-controller', 'Instria');
    script.setAttribute('data-privacy-policy', '/privacy');
    expect(readTagOptions(script)).toEqual({ controller: 'Instria', privacyPolicyUrl: '/privacy' });
  });

  it('reads data-layout as the layout option (SPEC 0.2)', () => {
    const script = document.createElement('script');
    script.setAttribute('data-layout', 'box');
    expect(readTagOptions(script)).toEqual({ layout: 'box' });
  });
});
