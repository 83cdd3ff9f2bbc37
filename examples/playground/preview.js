// The playground's preview: a sandboxed frame running the script-tag snippet, made again on
// every change, with the development script tag and harness.js, which reports what the SDK
// warns and shows. Sandboxed without `allow-same-origin`, the frame has an opaque origin: the
// SDK finds no cookie or localStorage and keeps its decision in memory, so the preview always
// starts at the banner and the demo's own consent cookie is left alone.
import { LANGUAGES } from './model.js';
import { scriptTagSnippet } from './snippets.js';

const escapeAttribute = (text) => String(text).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The language the preview's page declares: the `language` option's, else the texts' (for `auto`). */
function pageLanguage(state) {
  const codes = LANGUAGES.map(([code]) => code);
  if (codes.includes(state.language)) return state.language;
  return /^[a-z]{2,3}(-[\w]+)*$/i.test(state.textsLanguage) ? state.textsLanguage : 'en';
}

/** The preview's page: a stand-in site with the snippet in its `<head>`, after the harness. */
export function previewDocument(state, { scheme, generation, view }) {
  return `<!doctype html>
<html lang="${escapeAttribute(pageLanguage(state))}" data-generation="${generation}" data-view="${escapeAttribute(view)}" style="color-scheme: ${scheme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview</title>
<link rel="stylesheet" href="/examples/playground/preview-page.css">
<script src="/examples/playground/harness.js"></script>
${scriptTagSnippet(state, { scheme })}
</head>
<body>
<main>
<h1>Your site</h1>
<p>A page of your site, behind the banner.</p>
<div class="block"></div><div class="block"></div><div class="block short"></div>
<div class="block"></div><div class="block"></div><div class="block short"></div>
</main>
</body>
</html>`;
}

/**
 * The preview in `box`: `show(state, settings)` makes a new frame, which opens on
 * `settings.view` (the last one's messages are ignored from then on). `onMessage(message)`
 * gets the current frame's reports.
 */
export function createPreview(box, onMessage) {
  let generation = 0;
  let frame = null;
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!frame || event.source !== frame.contentWindow || message?.generation !== generation) return;
    onMessage(message);
  });
  return {
    show(state, { scheme, device, view }) {
      generation += 1;
      const next = document.createElement('iframe');
      next.title = 'Preview of the banner and the preferences dialog';
      next.setAttribute('sandbox', 'allow-scripts');
      next.dataset.device = device;
      next.srcdoc = previewDocument(state, { scheme, generation, view });
      if (frame) frame.replaceWith(next);
      else box.append(next);
      frame = next;
      return generation;
    },
  };
}
