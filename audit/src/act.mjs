// Making the visitor's choice on a page: through the page's Instria Consent instance
// (`window.InstriaConsent`, which the script tag sets) when it has one, else by clicking the
// visible button whose accessible name says "reject" (or "accept") in one of the languages
// below, in the page or in one of its frames (many consent tools draw their banner in one).

/**
 * Accessible names of the buttons, in the page's language first. A name matches when it is one
 * of these, whole, ignoring case and surrounding spaces.
 * @type {Record<'reject' | 'accept' | 'reopen', Record<string, string[]>>}
 */
export const BUTTON_NAMES = {
  reject: {
    en: ['reject all', 'reject', 'decline all', 'decline', 'deny all', 'deny', 'refuse all', 'refuse', 'necessary only', 'only necessary', 'essential only', 'only essential', 'use necessary cookies only', 'reject all cookies', 'decline all cookies'],
    fr: ['tout refuser', 'refuser', 'refuser tout', 'tout rejeter', 'rejeter', 'continuer sans accepter', 'refuser les cookies', 'nécessaires uniquement'],
    de: ['alle ablehnen', 'ablehnen', 'nur notwendige', 'nur notwendige cookies', 'nur essenzielle cookies', 'alle cookies ablehnen'],
    es: ['rechazar todo', 'rechazar todas', 'rechazar', 'solo necesarias'],
    it: ['rifiuta tutto', 'rifiuta tutti', 'rifiuta', 'solo necessari'],
    nl: ['alles weigeren', 'alle weigeren', 'weigeren', 'afwijzen', 'alleen noodzakelijk'],
    pt: ['rejeitar tudo', 'rejeitar todos', 'rejeitar', 'recusar tudo', 'recusar'],
    pl: ['odrzuć wszystko', 'odrzuć wszystkie', 'odrzuć'],
    sv: ['avvisa alla', 'neka alla', 'avvisa', 'neka'],
    da: ['afvis alle', 'afvis'],
    nb: ['avvis alle', 'avvis'],
    fi: ['hylkää kaikki', 'hylkää'],
    cs: ['odmítnout vše', 'odmítnout'],
  },
  accept: {
    en: ['accept all', 'accept', 'allow all', 'allow all cookies', 'accept all cookies', 'agree', 'i agree', 'ok', 'got it'],
    fr: ['tout accepter', 'accepter', 'accepter tout', 'accepter et fermer', "j'accepte", 'j’accepte', 'autoriser tous les cookies'],
    de: ['alle akzeptieren', 'akzeptieren', 'alle annehmen', 'annehmen', 'alle zulassen', 'zustimmen', 'alle cookies akzeptieren'],
    es: ['aceptar todo', 'aceptar todas', 'aceptar'],
    it: ['accetta tutto', 'accetta tutti', 'accetta'],
    nl: ['alles accepteren', 'alle accepteren', 'accepteren', 'akkoord'],
    pt: ['aceitar tudo', 'aceitar todos', 'aceitar'],
    pl: ['zaakceptuj wszystko', 'akceptuj wszystkie', 'akceptuję'],
    sv: ['godkänn alla', 'acceptera alla', 'acceptera'],
    da: ['accepter alle', 'tillad alle'],
    nb: ['godta alle', 'aksepter alle'],
    fi: ['hyväksy kaikki', 'hyväksy'],
    cs: ['přijmout vše', 'souhlasím'],
  },
  reopen: {
    en: ['cookie preferences', 'cookie settings', 'manage cookies', 'cookies settings', 'privacy settings', 'manage consent', 'change consent', 'cookie policy settings'],
    fr: ['préférences cookies', 'préférences des cookies', 'paramètres des cookies', 'gérer les cookies', 'gestion des cookies', 'paramétrer les cookies'],
    de: ['cookie-einstellungen', 'cookie einstellungen', 'datenschutzeinstellungen', 'cookies verwalten'],
    es: ['configuración de cookies', 'preferencias de cookies', 'gestionar cookies'],
    it: ['preferenze cookie', 'impostazioni cookie', 'gestisci cookie'],
    nl: ['cookie-instellingen', 'cookievoorkeuren'],
    pt: ['preferências de cookies', 'definições de cookies', 'configurações de cookies'],
    pl: ['ustawienia cookies', 'ustawienia plików cookie'],
    sv: ['cookie-inställningar', 'cookieinställningar'],
    da: ['cookie-indstillinger'],
    nb: ['cookie-innstillinger'],
    fi: ['evästeasetukset'],
    cs: ['nastavení cookies'],
  },
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names for `what`, the page's language (`lang`, e.g. `fr-CA`) first, as one RegExp. */
export function namePattern(what, lang = '') {
  const table = BUTTON_NAMES[what];
  const first = table[lang.toLowerCase().split('-')[0]] ?? [];
  const all = [...new Set([...first, ...Object.values(table).flat()])];
  return new RegExp(`^\\s*(?:${all.map(escape).join('|')})\\s*$`, 'i');
}

/** Whether the page runs Instria Consent's script tag (its instance is on `window`). */
export async function hasInstriaConsent(page) {
  const present = await page.evaluate(() => typeof window.InstriaConsent === 'object' && window.InstriaConsent !== null).catch(() => false);
  if (!present) return false;
  // The instance's methods arrive when it has started (at once, unless `data-manual`).
  return page
    .waitForFunction(() => typeof window.InstriaConsent?.rejectAll === 'function' && typeof window.InstriaConsent?.state?.get === 'function', null, { timeout: 3000 })
    .then(() => true, () => false);
}

/**
 * Accept or reject everything through the page's instance, and wait until the decision is
 * stored (the decision code may load on demand). `withdraw` first reopens the preferences, as a
 * visitor does, then rejects.
 * @param {import('playwright-core').Page} page
 * @param {'accept' | 'reject' | 'withdraw'} action
 */
async function decideWithApi(page, action) {
  await page.evaluate(async (action) => {
    const consent = window.InstriaConsent;
    const before = consent.state.get().decidedAt;
    if (action === 'withdraw') consent.showPreferences?.();
    await (action === 'accept' ? consent.acceptAll() : consent.rejectAll());
    await new Promise((done, fail) => {
      const stop = setTimeout(() => fail(new Error('the decision was not recorded within 5 s')), 5000);
      const check = () => {
        const state = consent.state.get();
        if (!state.decided || (action === 'withdraw' && state.decidedAt === before)) return setTimeout(check, 50);
        clearTimeout(stop);
        consent.hide?.();
        done(undefined);
      };
      check();
    });
  }, action);
}

/**
 * The first visible element named by `pattern` (a button or a link), in the page or a frame,
 * waiting up to `timeout` ms for a banner that shows late.
 * @param {import('playwright-core').Page} page
 * @param {RegExp} pattern
 */
async function findControl(page, pattern, timeout) {
  const end = Date.now() + timeout;
  do {
    for (const frame of page.frames()) {
      for (const role of /** @type {const} */ (['button', 'link'])) {
        const candidates = frame.getByRole(role, { name: pattern });
        const count = await candidates.count().catch(() => 0);
        for (let i = 0; i < count; i++) {
          const candidate = candidates.nth(i);
          if (await candidate.isVisible().catch(() => false)) return candidate;
        }
      }
    }
    await page.waitForTimeout(250);
  } while (Date.now() < end);
  return null;
}

/** An error the audit reports for one page, and goes on. */
export class PageError extends Error {}

/**
 * Makes the choice on `page`: `reject` (Reject all), `accept` (Accept all) or `withdraw` (reopen
 * the preferences, then Reject all). Returns how: `api` or `button`.
 * @param {import('playwright-core').Page} page
 * @param {'accept' | 'reject' | 'withdraw'} action
 * @param {{ bannerTimeout: number }} options
 * @returns {Promise<'api' | 'button'>}
 */
export async function decide(page, action, { bannerTimeout }) {
  if (await hasInstriaConsent(page)) {
    await decideWithApi(page, action).catch((error) => {
      throw new PageError(`Instria Consent did not record the choice (${action}): ${error.message.split('\n')[0]}`);
    });
    return 'api';
  }
  const lang = await page.evaluate(() => document.documentElement.lang).catch(() => '');
  if (action === 'withdraw') {
    const reopen = await findControl(page, namePattern('reopen', lang), bannerTimeout);
    if (!reopen) throw new PageError('cannot withdraw: no “Cookie preferences” link or button found, and the page has no Instria Consent instance');
    await reopen.click();
  }
  const what = action === 'accept' ? 'accept' : 'reject';
  const control = await findControl(page, namePattern(what, lang), bannerTimeout);
  if (!control) {
    throw new PageError(
      `banner not found: no visible “${what === 'accept' ? 'Accept all' : 'Reject all'}” button (in ${lang || 'any'} language or another) within ${bannerTimeout / 1000} s, and the page has no Instria Consent instance`,
    );
  }
  await control.click();
  return 'button';
}
