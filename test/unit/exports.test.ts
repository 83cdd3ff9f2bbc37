import { describe, expect, it } from 'vitest';
import * as core from '../../src/core';
import * as full from '../../src/index';

// The public API of each entry, by name: growing it is a decision that shows up in review.
describe('public exports', () => {
  it('@instria/consent', () => {
    expect(Object.keys(full).sort()).toEqual([
      'VERSION',
      'consentRecords',
      'cookieTable',
      'createConsent',
      'footerLinks',
      'gating',
      'googleConsentMode',
      'matomo',
      'mountPreferencesLink',
      'renderCookieTable',
    ]);
  });

  it('@instria/consent/core', () => {
    expect(Object.keys(core).sort()).toEqual([
      'VERSION',
      'consentRecords',
      'cookieTable',
      'createConsent',
      'footerLinks',
      'gating',
      'googleConsentMode',
      'matomo',
      'renderCookieTable',
    ]);
  });
});
