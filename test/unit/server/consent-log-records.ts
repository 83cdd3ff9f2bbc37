// Records for the receiver's tests, built as the SDK builds them (records.ts `buildRecord`).
import type { ConsentRecordV1, ConsentRecordV2 } from '../../../examples/consent-log-server/server.mjs';

/** A schema 1 record of `consentId` decided at `time` (ms): reject-all, analytics and matomo denied. */
export function recordOf(consentId: string, time: number): ConsentRecordV1 {
  return {
    recordId: `${consentId}-${time}-reject-all-gdd`,
    schemaVersion: 1,
    consentId,
    time: new Date(time).toISOString(),
    revision: 1,
    method: 'reject-all',
    categories: { essential: 'granted', analytics: 'denied' },
    services: { matomo: 'denied' },
    language: 'fr',
    sdkVersion: '0.1.0',
    pageUrl: 'https://www.instria.test/tarifs',
  };
}

/** The same decision as SDK 0.2 sends it: schema 2. */
export function recordV2Of(consentId: string, time: number): ConsentRecordV2 {
  return {
    ...recordOf(consentId, time),
    schemaVersion: 2,
    sdkVersion: '0.2.0',
    channel: 'banner',
    textHash: 'a'.repeat(64),
    controller: 'Instria',
    policyUrl: 'https://www.instria.test/confidentialite',
    expiresAt: new Date(time + 182 * 864e5).toISOString(),
    previousRecordId: null,
  };
}
