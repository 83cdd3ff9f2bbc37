/** All-in-one script-tag entry (`dist/instria-consent.all.iife.js`): the split bundle and its UI in one file. */
import { VERSION } from './core/constants';
import { bootScriptTag } from './core/script-tag';
import { defaultStorage } from './storage/index';
import { mountUI } from './ui/mount';

bootScriptTag(
  () => ({
    storage: (options) => defaultStorage(options.cookie),
    loadUI: () => Promise.resolve(mountUI),
  }),
  VERSION,
);
