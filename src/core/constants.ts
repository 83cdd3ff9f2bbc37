/** Default name of the consent cookie (and of the localStorage fallback key). */
export const COOKIE_NAME = 'instria_consent';

/** Version of the stored format; a stored value of another version counts as no decision. */
export const FORMAT_VERSION = '1';

/** Version of the compact stored format (service ids as short codes), for decisions too large in full. */
export const COMPACT_FORMAT_VERSION = '2';

/**
 * Days a decision is kept: 6 months, as the CNIL recommends (recommendation of 17 September 2020).
 * See: https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000042388197
 */
export const DEFAULT_EXPIRY_DAYS = 182;

/** Ceiling of `expiresAfterDays`: 13 months, the CNIL maximum for audience-measurement trackers. See: https://www.cnil.fr/fr/cookies-solutions-pour-les-outils-de-mesure-daudience */
export const MAX_EXPIRY_DAYS = 395;

/** Categories when none are configured: the privacy policy's two. */
export const DEFAULT_CATEGORIES = { essential: { required: true }, analytics: {} } as const;

/** Category and service ids: safe in the cookie value, in attribute selectors and as object keys. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** Ids refused all the same: the stored value's decoder refuses them (prototype pollution). */
export const RESERVED_ID = /^(__proto__|constructor|prototype)$/;

/** The options of the vendor signals beyond Google (`instria-consent.vendors.js` in the script tag). */
export const VENDOR_OPTIONS = ['microsoftConsentMode', 'clarity', 'metaPixel', 'tiktokPixel'] as const;

/** Prefix of the `window` CustomEvents mirroring the instance events. */
export const EVENT_PREFIX = 'instria-consent:';

/** SDK version, replaced at build time. */
export const VERSION: string = __VERSION__;
