/**
 * Script-tag entry (`dist/instria-consent.iife.js`): core, gating and integrations. The UI
 * (`instria-consent.ui.js`, beside this file unless `data-ui-src` says otherwise) is fetched
 * only when the banner or the preferences must be shown.
 */
import { VERSION } from './core/constants';
import { DEV } from './core/env';
import { standardPlugins } from './core/plugins';
import { bootScriptTag } from './core/script-tag';
import type { MountUI } from './core/types';
import { defaultStorage } from './storage/index';
import { floatingWidget } from './ui/floating';

declare global {
  interface Window {
    /** Set by the UI chunk (`instria-consent.ui.js`) when it has loaded. */
    InstriaConsentUI?: { mount: MountUI };
  }
}

/** Loads the UI chunk with a `<script>` carrying the page's nonce. Rejects if it cannot load. */
function loadChunk(src: string, nonce: string | undefined): Promise<MountUI> {
  return new Promise((resolve, reject) => {
    const loaded = () => window.InstriaConsentUI?.mount;
    const ready = loaded();
    if (ready) return resolve(ready);
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    if (nonce) script.nonce = nonce;
    script.onload = () => {
      const mount = loaded();
      if (mount) resolve(mount);
      else reject(new Error(`${src} did not register the UI`));
    };
    script.onerror = () => reject(new Error(`${src} could not be loaded`));
    document.head.appendChild(script);
  });
}

bootScriptTag((script) => {
  const tag = script as HTMLScriptElement | null;
  // The development script tag loads the development UI chunk, which keeps its warnings too.
  const chunk = DEV ? 'instria-consent.dev.ui.js' : 'instria-consent.ui.js';
  const src = tag?.dataset.uiSrc || new URL(chunk, tag?.src || location.href).href;
  return {
    storage: (options) => defaultStorage(options.cookie),
    plugins: (options) => [...standardPlugins(options), floatingWidget],
    loadUI: () => loadChunk(src, tag?.nonce || undefined),
  };
}, VERSION);
