___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "Instria Consent",
  "categories": [
    "TAG_MANAGEMENT",
    "UTILITY"
  ],
  "brand": {
    "id": "github.com_instria",
    "displayName": "Instria"
  },
  "description": "Instria Consent, the cookie banner and consent manager, for the Consent Initialization - All Pages trigger: Google Consent Mode defaults (everything denied but security_storage), a returning visitor's stored decision at once, the Instria Consent script tag loaded with your options, then one consent update and an instria_consent_update dataLayer event after each decision.",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "TEXT",
    "name": "scriptUrl",
    "displayName": "Script URL",
    "simpleValueType": true,
    "help": "Where you host the Instria Consent script tag, dist/instria-consent.iife.js, with its on-demand files beside it (https).",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      },
      {
        "type": "REGEX",
        "args": [
          "^https://.+\\.js$"
        ]
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "privacyPolicyUrl",
    "displayName": "Privacy policy URL",
    "simpleValueType": true,
    "help": "The link of the banner and the preferences dialog.",
    "valueValidators": [
      {
        "type": "NON_EMPTY"
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "controller",
    "displayName": "Controller",
    "simpleValueType": true,
    "help": "Who decides what the cookies are for, as the banner names it. Empty: the page's host name."
  },
  {
    "type": "TEXT",
    "name": "language",
    "displayName": "Language",
    "simpleValueType": true,
    "defaultValue": "auto",
    "help": "auto (the page's lang, then the browser's languages) or a language code."
  },
  {
    "type": "TEXT",
    "name": "revision",
    "displayName": "Revision",
    "simpleValueType": true,
    "defaultValue": "1",
    "help": "Raise it when your policy changes materially: everyone is asked again.",
    "valueValidators": [
      {
        "type": "NON_NEGATIVE_NUMBER"
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "expiresAfterDays",
    "displayName": "Days a decision is kept",
    "simpleValueType": true,
    "defaultValue": "182",
    "valueValidators": [
      {
        "type": "POSITIVE_NUMBER"
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "mapping",
    "displayName": "Which category grants which consent type",
    "groupStyle": "ZIPPY_OPEN",
    "subParams": [
      {
        "type": "TEXT",
        "name": "analyticsCategory",
        "displayName": "analytics_storage",
        "simpleValueType": true,
        "defaultValue": "analytics"
      },
      {
        "type": "TEXT",
        "name": "marketingCategory",
        "displayName": "ad_storage, ad_user_data, ad_personalization",
        "simpleValueType": true,
        "defaultValue": "marketing"
      },
      {
        "type": "TEXT",
        "name": "functionalCategory",
        "displayName": "functionality_storage, personalization_storage",
        "simpleValueType": true,
        "defaultValue": "functional"
      }
    ]
  },
  {
    "type": "TEXT",
    "name": "waitForUpdate",
    "displayName": "wait_for_update (ms)",
    "simpleValueType": true,
    "defaultValue": "500",
    "help": "How long Google tags wait for an update after the default.",
    "valueValidators": [
      {
        "type": "NON_NEGATIVE_NUMBER"
      }
    ]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

// Instria Consent for Google Tag Manager: a tag for the Consent Initialization - All Pages
// trigger. Step by step in docs/gtm.md; tested by test/unit/gtm/template.test.ts.
const callInWindow = require('callInWindow');
const copyFromWindow = require('copyFromWindow');
const createQueue = require('createQueue');
const getCookieValues = require('getCookieValues');
const getTimestampMillis = require('getTimestampMillis');
const injectScript = require('injectScript');
const logToConsole = require('logToConsole');
const makeInteger = require('makeInteger');
const makeNumber = require('makeNumber');
const Object = require('Object');
const setDefaultConsentState = require('setDefaultConsentState');
const setInWindow = require('setInWindow');
const updateConsentState = require('updateConsentState');

/** The SDK's consent cookie (docs/cookie-format.md) and the dataLayer event it sends. */
const COOKIE = 'instria_consent';
const EVENT = 'instria_consent_update';
const METHODS = ['accept-all', 'reject-all', 'custom', 'gpc', 'withdraw'];
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Which category grants which Consent Mode type: the SDK's googleConsentMode defaults, renamable. */
const marketing = data.marketingCategory || 'marketing';
const functional = data.functionalCategory || 'functional';
const CATEGORY_OF = {
  ad_storage: marketing,
  ad_user_data: marketing,
  ad_personalization: marketing,
  analytics_storage: data.analyticsCategory || 'analytics',
  functionality_storage: functional,
  personalization_storage: functional,
};
const revision = makeInteger(data.revision || 1);
const days = makeNumber(data.expiresAfterDays || 182);
const dataLayerPush = createQueue('dataLayer');

/** Every type granted when its category is (`categories` null: the default), security_storage always. */
function consentTypes(categories) {
  const out = { security_storage: 'granted' };
  Object.keys(CATEGORY_OF).forEach(function (type) {
    out[type] = categories && categories[CATEGORY_OF[type]] === true ? 'granted' : 'denied';
  });
  return out;
}

/** `key~1!key~0` as { key: true, key: false }; undefined when malformed. */
function decodeMap(text) {
  const map = {};
  const entries = text ? text.split('!') : [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i].split('~');
    if (entry.length !== 2 || !entry[0] || (entry[1] !== '0' && entry[1] !== '1') || map[entry[0]] !== undefined) return undefined;
    map[entry[0]] = entry[1] === '1';
  }
  return map;
}

/** A lowercase base-36 number (the decision's time); -1 when it is not one. */
function base36(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = DIGITS.indexOf(text.charAt(i));
    if (digit < 0) return -1;
    n = n * 36 + digit;
  }
  return text.length && text.length <= 11 ? n : -1;
}

/** A stored decision (docs/cookie-format.md), or undefined when malformed. */
function decode(value) {
  const fields = (value || '').split('.');
  if (fields.length !== 7 || (fields[0] !== '1' && fields[0] !== '2')) return undefined;
  const time = base36(fields[2]);
  const categories = decodeMap(fields[5]);
  const services = decodeMap(fields[6]);
  if (time < 0 || !categories || !services || METHODS.indexOf(METHODS[makeInteger(fields[4])]) < 0) return undefined;
  // Format 2 keys services by a hash of their ids: the event leaves them out.
  return { time: time, revision: makeInteger(fields[3]), method: METHODS[makeInteger(fields[4])], categories: categories, services: fields[0] === '1' ? services : {} };
}

/** The newest of the consent cookies that still counts: same revision, not expired, not from the future. */
function storedDecision() {
  let newest;
  getCookieValues(COOKIE, false).forEach(function (value) {
    const decision = decode(value);
    if (decision && (!newest || decision.time > newest.time)) newest = decision;
  });
  const age = newest ? getTimestampMillis() - newest.time : 0;
  return newest && newest.revision === revision && age < days * 864e5 && age > -864e5 ? newest : undefined;
}

/** One update of Google's consent state and the SDK's dataLayer event, for a decision. */
function update(decision) {
  updateConsentState(consentTypes(decision.categories));
  dataLayerPush({ event: EVENT, instria_consent: { categories: decision.categories, services: decision.services || {}, method: decision.method } });
}

// 1. Google's defaults, before any other tag: every type denied but security_storage.
const defaults = consentTypes(null);
defaults.wait_for_update = makeInteger(data.waitForUpdate || 500);
setDefaultConsentState(defaults);

// 2. A returning visitor's decision at once, without waiting for the SDK to load.
const stored = storedDecision();
if (stored) update(stored);

// 3. The SDK with the site's options, over what the page set in window.InstriaConsentConfig.
// The updates after each decision are this tag's (updateConsentState), not the SDK's
// googleConsentMode, so that Google gets each update once.
const config = copyFromWindow('InstriaConsentConfig') || {};
config.privacyPolicyUrl = data.privacyPolicyUrl;
config.revision = revision;
config.expiresAfterDays = days;
config.language = data.language || 'auto';
if (data.controller) config.controller = data.controller;
setInWindow('InstriaConsentConfig', config, true);

injectScript(
  data.scriptUrl,
  function () {
    // 4. After each decision made from now on (the stored one was sent above).
    callInWindow('InstriaConsent.on', 'consent', update);
    data.gtmOnSuccess();
  },
  function () {
    logToConsole('Instria Consent: could not load', data.scriptUrl, '; consent stays denied');
    data.gtmOnFailure();
  },
  'instria-consent'
);


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "access_consent",
        "versionId": "1"
      },
      "param": [
        {
          "key": "consentTypes",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_user_data"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_personalization"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "functionality_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "personalization_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "security_storage"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "wait_for_update"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "get_cookies",
        "versionId": "1"
      },
      "param": [
        {
          "key": "cookieAccess",
          "value": {
            "type": 1,
            "string": "specific"
          }
        },
        {
          "key": "cookieNames",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "instria_consent"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "inject_script",
        "versionId": "1"
      },
      "param": [
        {
          "key": "urls",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "https://*/"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_globals",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "InstriaConsentConfig"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "InstriaConsent.on"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "dataLayer"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "logging",
        "versionId": "1"
      },
      "param": [
        {
          "key": "environments",
          "value": {
            "type": 1,
            "string": "debug"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___NOTES___

Instria Consent's Community Template (MIT). Built from the repository's gtm/template.tpl;
docs/gtm.md describes the import step by step, and test/unit/gtm/ runs this sandboxed code
against a harness of the sandbox APIs it uses.
