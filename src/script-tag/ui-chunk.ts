/**
 * The on-demand UI chunk (`dist/instria-consent.ui.js`), loaded by the script-tag bundle: the
 * banner, the notice and the dialog's shell, with the decision code (`./decisions-chunk.ts`), which
 * a visitor who is shown the banner is about to need: one file after the tag, not two. The
 * dialog itself is `instria-consent.dialog.js` (see `./dialog-lazy.tsx`); it renders with this
 * file's Preact, shared here.
 */
import { Component } from 'preact';
import { jsx } from 'preact/jsx-runtime';
import { mountUI } from '../ui/mount';
import { registerDecisions } from './decisions-chunk';

registerDecisions();
window.InstriaConsentUI = { mount: mountUI, preact: { Component, jsx } };
