/** All-in-one script-tag entry (`dist/instria-consent.all.iife.js`): the split bundle and its UI in one file. */
import { CONSENT_COOKIE } from '../core/cleanup';
import { VERSION } from '../core/constants';
import { installDecisions } from '../core/decisions';
import { withRecords } from '../core/integrations/records';
import { standardPlugins } from '../core/plugins';
import { bootScriptTag } from './boot';
import { defaultStorage } from '../storage/index';
import { floatingWidget } from '../ui/floating';
import { mountUI } from '../ui/mount';

bootScriptTag(
  () => ({
    storage: (options) => defaultStorage(options.cookie, CONSENT_COOKIE),
    plugins: (options) => [...standardPlugins(options), floatingWidget],
    decisions: withRecords(installDecisions),
    loadUI: () => Promise.resolve(mountUI),
  }),
  VERSION,
);
