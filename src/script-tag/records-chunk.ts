/**
 * Consent records (`dist/instria-consent.records.js`), loaded by the script-tag bundle with the
 * decision chunk on sites that set `recordEndpoint`.
 */
import { withRecords } from '../core/integrations/records';

window.InstriaConsentRecords = withRecords;
