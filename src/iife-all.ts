/** All-in-one script-tag entry (`dist/instria-consent.all.iife.js`): the split bundle and its UI in one file. */
import { VERSION } from './core/constants';
import { standardPlugins } from './core/plugins';
import { bootScriptTag } from './core/script-tag';
import { defaultStorage } from './storage/index';
import { floatingWidget } from './ui/floating';
import { mountUI } from './ui/mount';

bootScriptTag(
  () => ({
    storage: (options) => defaultStorage(options.cookie),
    plugins: (options) => [...standardPlugins(options), floatingWidget],
    loadUI: () => Promise.resolve(mountUI),
  }),
  VERSION,
);
