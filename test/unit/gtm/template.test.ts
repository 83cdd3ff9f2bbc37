import { describe, expect, it } from 'vitest';
import { encodeDecision } from '../../../src/core/codec';
import { GTM_EVENT } from '../../../src/core/integrations/google-consent-mode';
import { permissionsOf, runTemplate, templateSections, urlAllowed, type Call } from './sandbox';

const NOW = Date.UTC(2026, 10, 30);
const data = { scriptUrl: 'https://cdn.example.com/consent/instria-consent.iife.js', privacyPolicyUrl: '/privacy', language: 'auto', revision: '1', expiresAfterDays: '182', waitForUpdate: '500' };
const DENIED = {
  security_storage: 'granted',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
};
const cookie = (categories: Record<string, boolean>, { time = NOW - 864e5, revision = 1, services = {} } = {}) =>
  encodeDecision({ id: 'abcdef12-3456', time, revision, method: 'custom', categories, services });

/** The SDK as the injected script defines it: `InstriaConsent.on` keeps its listeners. */
function sdk(listeners: ((state: unknown) => void)[]) {
  return (_url: string, window: Record<string, any>) => {
    window.InstriaConsent = { on: (event: string, fn: (state: unknown) => void) => event === 'consent' && listeners.push(fn) };
  };
}

const named = (calls: Call[], api: string) => calls.filter((call) => call[0] === api);

describe('gtm/template.tpl (run in the sandbox harness)', () => {
  it('is a web tag template with the sections Tag Manager imports', () => {
    const sections = templateSections();
    expect(Object.keys(sections)).toEqual(['TERMS_OF_SERVICE', 'INFO', 'TEMPLATE_PARAMETERS', 'SANDBOXED_JS_FOR_WEB_TEMPLATE', 'WEB_PERMISSIONS', 'NOTES']);
    const info = JSON.parse(sections.INFO!);
    expect(info).toMatchObject({ type: 'TAG', containerContexts: ['WEB'], displayName: 'Instria Consent' });
    const names = (JSON.parse(sections.TEMPLATE_PARAMETERS!) as { name: string; subParams?: { name: string }[] }[]).flatMap((p) => [p.name, ...(p.subParams ?? []).map((s) => s.name)]);
    // Every field the code reads is a parameter of the tag.
    for (const [, field] of sections.SANDBOXED_JS_FOR_WEB_TEMPLATE!.matchAll(/data\.(\w+)/g)) {
      if (!/^gtmOn/.test(field!)) expect(names).toContain(field);
    }
  });

  it('sets the default first (all denied but security_storage, wait_for_update), then loads the SDK with the options', async () => {
    const { calls, window, result } = await runTemplate({ data, now: NOW, load: () => {} });
    expect(calls[0]).toEqual(['setDefaultConsentState', { ...DENIED, wait_for_update: 500 }]);
    expect(named(calls, 'updateConsentState')).toEqual([]);
    expect(named(calls, 'dataLayer.push')).toEqual([]);
    expect(window.InstriaConsentConfig).toEqual({ privacyPolicyUrl: '/privacy', revision: 1, expiresAfterDays: 182, language: 'auto' });
    expect(named(calls, 'injectScript')).toEqual([['injectScript', data.scriptUrl, 'instria-consent']]);
    expect(result).toBe('success');
  });

  it("keeps the page's own InstriaConsentConfig (categories…), the tag's fields over it", async () => {
    const categories = { essential: { required: true }, analytics: {}, marketing: {} };
    const { window } = await runTemplate({ data: { ...data, controller: 'Instria' }, window: { InstriaConsentConfig: { categories, revision: 7 } } });
    expect(window.InstriaConsentConfig).toMatchObject({ categories, revision: 1, controller: 'Instria' });
  });

  it('a returning visitor: the stored decision is sent at once, after the default and before the SDK loads, with the SDK event', async () => {
    const value = cookie({ analytics: true, marketing: false }, { services: { ga4: true } });
    const { calls } = await runTemplate({ data, now: NOW, cookies: { instria_consent: [value] } });
    const order = calls.map((call) => call[0]).filter((api) => api !== 'getCookieValues');
    expect(order.slice(0, 4)).toEqual(['setDefaultConsentState', 'updateConsentState', 'dataLayer.push', 'setInWindow']);
    expect(named(calls, 'updateConsentState')).toEqual([['updateConsentState', { ...DENIED, analytics_storage: 'granted' }]]);
    expect(named(calls, 'dataLayer.push')).toEqual([
      ['dataLayer.push', { event: GTM_EVENT, instria_consent: { categories: { analytics: true, marketing: false }, services: { ga4: true }, method: 'custom' } }],
    ]);
  });

  it('takes the newest of several consent cookies, and ignores one malformed, expired or of another revision', async () => {
    const newer = cookie({ analytics: false, marketing: true }, { time: NOW - 1000 });
    const older = cookie({ analytics: true, marketing: true }, { time: NOW - 864e5 });
    let { calls } = await runTemplate({ data, now: NOW, cookies: { instria_consent: [older, 'junk', newer] } });
    expect(named(calls, 'updateConsentState')).toEqual([['updateConsentState', { ...DENIED, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }]]);
    for (const value of ['1.x.y', cookie({ analytics: true }, { time: NOW - 200 * 864e5 }), cookie({ analytics: true }, { revision: 2 }), cookie({ analytics: true }, { time: NOW + 2 * 864e5 })]) {
      ({ calls } = await runTemplate({ data, now: NOW, cookies: { instria_consent: [value] } }));
      expect(named(calls, 'updateConsentState')).toEqual([]);
    }
  });

  it('after each decision the SDK makes: exactly one update and one instria_consent_update event', async () => {
    const listeners: ((state: unknown) => void)[] = [];
    const { calls } = await runTemplate({ data, now: NOW, load: sdk(listeners) });
    expect(named(calls, 'callInWindow')).toEqual([['callInWindow', 'InstriaConsent.on', 'consent', '<function>']]);
    expect(listeners).toHaveLength(1);
    listeners[0]!({ decided: true, categories: { essential: true, analytics: true, marketing: true }, services: {}, method: 'accept-all' });
    listeners[0]!({ decided: true, categories: { essential: true, analytics: false, marketing: false }, services: {}, method: 'withdraw' });
    expect(named(calls, 'updateConsentState')).toEqual([
      ['updateConsentState', { ...DENIED, analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }],
      ['updateConsentState', DENIED],
    ]);
    expect(named(calls, 'dataLayer.push').map((call) => (call[1] as { instria_consent: { method: string } }).instria_consent.method)).toEqual(['accept-all', 'withdraw']);
  });

  it('a mapping renames the categories', async () => {
    const value = cookie({ statistics: true, ads: true });
    const { calls } = await runTemplate({ data: { ...data, analyticsCategory: 'statistics', marketingCategory: 'ads' }, now: NOW, cookies: { instria_consent: [value] } });
    expect(named(calls, 'updateConsentState')[0]![1]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'granted', functionality_storage: 'denied' });
  });

  it('a script that fails to load: gtmOnFailure, and consent stays denied', async () => {
    const { calls, result } = await runTemplate({ data, now: NOW, load: () => false });
    expect(result).toBe('failure');
    expect(named(calls, 'updateConsentState')).toEqual([]);
    expect(named(calls, 'logToConsole')).toHaveLength(1);
  });

  it('declares every permission it uses, and no more (the harness refuses anything undeclared)', async () => {
    const permissions = permissionsOf(templateSections().WEB_PERMISSIONS!);
    expect(Object.keys(permissions).sort()).toEqual(['access_consent', 'access_globals', 'get_cookies', 'inject_script', 'logging']);
    expect(permissions.get_cookies).toEqual({ cookieAccess: 'specific', cookieNames: ['instria_consent'] });
    // http, or a page that is not a script URL the permission covers, is refused.
    await expect(runTemplate({ data: { ...data, scriptUrl: 'http://cdn.example.com/instria-consent.iife.js' } })).rejects.toThrow('permission denied: inject');
    expect(urlAllowed('https://cdn.example.com/a/instria-consent.iife.js', 'https://*/')).toBe(true);
    expect(urlAllowed('https://cdn.example.com/a.js', 'https://*.example.org/')).toBe(false);
  });
});
