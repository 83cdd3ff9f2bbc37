// @ts-nocheck -- React and @nanostores/react are not dependencies of this repository; this file
// is the README's React snippet, kept here so the docs check (test/unit/docs.test.ts) can hold
// the README to it. It is not built by the demo.
import { useStore } from '@nanostores/react';
import { consent } from './consent';

export function ConsentStatus() {
  const state = useStore(consent.state);
  return (
    <p>
      Analytics: {state.categories.analytics ? 'on' : 'off'}{' '}
      <button type="button" onClick={() => consent.showPreferences()}>
        Cookie preferences
      </button>
    </p>
  );
}
