/** All-in-one script-tag entry (`dist/instria-consent.all.iife.js`): the split bundle and its UI in one file. */
import { CONSENT_COOKIE } from '../core/cleanup';
import { VERSION } from '../core/constants';
import { installDecisions } from '../core/decisions';
import { inPageLanguage, languageFiles, loadedLanguages, withLanguage } from '../core/language';
import { withRecords } from '../core/integrations/records';
import { withServerCookie } from '../core/integrations/server-cookie';
import { vendorPlugins } from '../core/integrations/vendors';
import { standardPlugins } from '../core/plugins';
import { bootScriptTag } from './boot';
import { languageUrl, loadChunk } from './load';
import { defaultStorage } from '../storage/index';
import { floatingWidget } from '../ui/floating';
import { mountUI } from '../ui/mount';

bootScriptTag((script) => {
  const tag = script as HTMLScriptElement | null;
  // English and French are inside; another language is fetched from this file's folder.
  languageFiles.load = (lang) => loadChunk(languageUrl(lang, tag), tag?.nonce, () => loadedLanguages()[lang]);
  return {
    storage: (options) => defaultStorage(options.cookie, CONSENT_COOKIE),
    plugins: (options) => [...standardPlugins(options, vendorPlugins), inPageLanguage(floatingWidget)],
    decisions: withRecords(withServerCookie(installDecisions)),
    loadUI: (options) => withLanguage(options, mountUI),
  };
}, VERSION);
