import { describe, expect, it } from 'vitest';
import * as preact from '../../../src/preact';
import * as react from '../../../src/react';
import * as vue from '../../../src/vue';

// The public API of each binding, by name (as test/unit/exports.test.ts does for the other
// entries): the three are the same API, each in its framework's idiom.
describe('public exports of the framework bindings', () => {
  it('@instria/consent/react, /vue and /preact: useConsent, useGranted, ConsentGate', () => {
    for (const entry of [react, vue, preact]) expect(Object.keys(entry).sort()).toEqual(['ConsentGate', 'useConsent', 'useGranted']);
  });
});
