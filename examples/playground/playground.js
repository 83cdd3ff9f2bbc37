// The configuration playground (demo tooling, not part of the SDK): a form for the public
// options beside the real banner in a preview frame, the configuration as code, the SDK's own
// warnings about it, and the contrast of the chosen colours. State lives in the address.
import { contrastRatio, shownRatio } from './contrast.js';
import { COLOURS, DEFAULT_COLOURS, GCM_TYPES, LANGUAGES, SIGNALS, TEXT_KEYS, decodeState, defaultState, duplicateIds, encodeState } from './model.js';
import { createPreview } from './preview.js';
import { createConsentSnippet, scriptTagSnippet, themeCss } from './snippets.js';

const form = document.getElementById('options');
const $ = (id) => document.getElementById(id);

let state = decodeState(location.hash);
/** What the preview shows besides the options: the visitor's scheme, the screen, the open view. */
const settings = { scheme: 'light', device: 'desktop', view: 'banner' };
/** The warnings of the preview's SDK, in the order it said them. */
let warnings = [];

const preview = createPreview($('frame-box'), (message) => {
  if (message.type === 'warning') {
    warnings.push(message);
    showWarnings();
  } else if (message.type === 'view') {
    if (message.view === 'banner' || message.view === 'preferences') settings.view = message.view;
    const weight = $('equal-weight');
    if (message.view === 'preferences' && !weight.dataset.ok) weight.textContent = 'Measured when the banner shows (“Show the banner”).';
  } else if (message.type === 'buttons') showEqualWeight(message.buttons);
  else if (message.type === 'gcm') {
    const values = Object.entries(message.values).map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(' ') : value}`);
    $('gcm-commands').append(element(`<li><strong>${escapeHtml(message.command)}</strong> — ${escapeHtml(values.join(', '))}</li>`));
  }
});

/** An element from `html`, whose values are all escaped by the caller. */
function element(html) {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  return template.content.firstElementChild;
}
const escapeHtml = (text) => String(text ?? '').replace(/[&"<>']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The value at `path` (`categories.1.services.0.label`) of the state, or sets it. */
function at(path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  if (arguments.length === 1) return keys.reduce((object, key) => object?.[key], state)?.[last];
  // Written, the path's objects are made as needed (`texts.de` on the first German text).
  const parent = keys.reduce((object, key) => (object[key] ??= {}), state);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

/** The state's value for an input of the form, as the state holds it. */
function valueOf(input) {
  if (input.type === 'checkbox') return input.name === 'widget' ? (input.checked ? 'floating' : 'none') : input.checked;
  if (input.type === 'number') return input.value === '' ? null : Number(input.value);
  if (input.type === 'color') {
    const [scheme, name] = input.name.split('.');
    return input.value === DEFAULT_COLOURS[scheme][name] ? undefined : input.value;
  }
  return input.value;
}

/** Puts the state's values into the form's inputs. */
function fill() {
  for (const input of form.querySelectorAll('[name]')) {
    const value = at(input.name);
    if (input.type === 'radio') input.checked = input.value === value;
    else if (input.type === 'checkbox') input.checked = input.name === 'widget' ? value === 'floating' : !!value;
    else if (input.type === 'color') input.value = value ?? DEFAULT_COLOURS[input.name.split('.')[0]][input.name.split('.')[1]];
    else input.value = value ?? '';
  }
}

/** The colour inputs of the schemes the theme uses, with a reset per scheme. */
function renderPalettes() {
  const schemes = state.theme === 'light' || state.theme === 'dark' ? [state.theme] : ['light', 'dark'];
  $('palettes').replaceChildren(
    ...schemes.map((scheme) =>
      element(`<fieldset class="palette">
        <legend>${scheme === 'light' ? 'Light' : 'Dark'} scheme</legend>
        ${COLOURS.map(([name, variable, label]) => `<div class="field colour">
          <input type="color" id="c-${scheme}-${name}" name="${scheme}.${name}">
          <label for="c-${scheme}-${name}">${escapeHtml(label)} <code>${variable}</code></label>
        </div>`).join('')}
        <button type="button" class="secondary" data-reset="${scheme}">Reset the ${scheme} colours</button>
      </fieldset>`),
    ),
  );
}

/** One category's fieldset: id, label, description, required, and its services. */
function categoryFieldset(category, i) {
  const p = `categories.${i}`;
  const services = category.services
    .map((service, j) => `<fieldset class="service" data-warn="service:${escapeHtml(service.id)}">
      <legend>Service ${j + 1}${service.label ? `: ${escapeHtml(service.label)}` : ''}</legend>
      <div class="field"><label for="s-${i}-${j}-id">Id</label><input id="s-${i}-${j}-id" name="${p}.services.${j}.id" type="text" spellcheck="false"></div>
      <div class="field"><label for="s-${i}-${j}-label">Name</label><input id="s-${i}-${j}-label" name="${p}.services.${j}.label" type="text"></div>
      <div class="field"><label for="s-${i}-${j}-description">Description</label><input id="s-${i}-${j}-description" name="${p}.services.${j}.description" type="text"></div>
      <div class="field"><label for="s-${i}-${j}-cookies">Cookies (names, comma-separated)</label><input id="s-${i}-${j}-cookies" name="${p}.services.${j}.cookies" type="text" spellcheck="false"></div>
      <button type="button" class="secondary" data-remove="${p}.services.${j}">Remove this service</button>
    </fieldset>`)
    .join('');
  return element(`<fieldset class="category" data-warn="category:${escapeHtml(category.id)}">
    <legend>Category ${i + 1}: ${escapeHtml(category.id) || '(no id)'}</legend>
    <div class="field"><label for="k-${i}-id">Id</label><input id="k-${i}-id" name="${p}.id" type="text" spellcheck="false" aria-describedby="k-id-hint"></div>
    <div class="field"><label for="k-${i}-label">Name</label><input id="k-${i}-label" name="${p}.label" type="text" placeholder="built-in for essential, analytics, marketing"></div>
    <div class="field"><label for="k-${i}-description">Description</label><input id="k-${i}-description" name="${p}.description" type="text"></div>
    <div class="field check"><label><input type="checkbox" name="${p}.required"> Required (always on; only for what the site cannot work without)</label></div>
    ${services}
    <div class="row">
      <button type="button" class="secondary" data-add-service="${i}">Add a service to ${escapeHtml(category.id) || 'this category'}</button>
      <button type="button" class="secondary" data-remove="${p}">Remove this category</button>
    </div>
  </fieldset>`);
}

function renderCategories() {
  $('category-list').replaceChildren(
    element('<p class="hint" id="k-id-hint">Ids: letters, digits, “_” and “-”. The built-in ids essential, analytics and marketing have built-in names in the 26 languages.</p>'),
    ...state.categories.map(categoryFieldset),
  );
}

function renderTexts() {
  const lang = escapeHtml(state.textsLanguage);
  $('text-fields').replaceChildren(
    ...TEXT_KEYS.map(([key, hint]) =>
      element(`<div class="field"><label for="t-${key}">${key}</label>
        ${key === 'text' || key === 'intro' ? `<textarea id="t-${key}" name="texts.${lang}.${key}" rows="3" placeholder="${escapeHtml(hint)}"></textarea>`
          : `<input id="t-${key}" name="texts.${lang}.${key}" type="text" placeholder="${escapeHtml(hint)}">`}</div>`),
    ),
  );
}

/**
 * Consent Mode's mapping: a list of the categories per storage type, its default first. Shown
 * only while Consent Mode is on; drawn again as categories come and go (not while in use).
 */
function renderConsentMode() {
  $('gcm').hidden = !state.signals.googleConsentMode;
  if ($('gcm-mapping').contains(document.activeElement)) return;
  const ids = state.categories.map((c) => c.id).filter(Boolean);
  $('gcm-mapping').replaceChildren(
    ...GCM_TYPES.map(([type, fallback]) => {
      const choices = ids.map((id) => `<option value="${escapeHtml(id)}">${escapeHtml(id)}</option>`).join('');
      const missing = ids.includes(fallback) ? '' : ', absent: denied';
      const select = element(`<div class="field"><label for="g-${type}"><code>${type}</code> granted by</label>
        <select id="g-${type}" name="gcm.mapping.${type}"><option value="">${fallback} (default${missing})</option>${choices}</select></div>`);
      select.querySelector('select').value = state.gcm.mapping?.[type] ?? '';
      return select;
    }),
  );
}

/** Draws the parts of the form that depend on the state's shape, then its values. */
function render() {
  renderPalettes();
  renderCategories();
  renderTexts();
  renderConsentMode();
  fill();
}

function setUpStaticFields() {
  const languages = LANGUAGES.map(([code, name]) => `<option value="${code}" lang="${code}">${code} — ${escapeHtml(name)}</option>`).join('');
  $('f-language').insertAdjacentHTML('beforeend', languages);
  $('f-texts-language').insertAdjacentHTML('beforeend', languages);
  $('signals').replaceChildren(
    ...SIGNALS.map(([key, label]) =>
      element(`<div class="field check" data-warn="${key}"><label><input type="checkbox" name="signals.${key}"> ${escapeHtml(label)} (<code>${key}</code>)</label></div>`),
    ),
  );
  // Consent Mode's own settings right under its box.
  $('signals').firstElementChild.after($('gcm'));
}

/**
 * Where a warning belongs in the form: `option "revision"` → the revision field,
 * `category "x"` → that category, `service id "x"` / `service "x"` → that service.
 */
function placeOf(text) {
  const option = /option "([\w.]+)/.exec(text);
  if (option) return option[1];
  const service = /service (?:id )?"([^"]*)"/.exec(text);
  if (service) return `service:${service[1]}`;
  const category = /category "([^"]*)"/.exec(text);
  if (category) return `category:${category[1]}`;
  return null;
}

/** The warnings, under the preview and each next to its field (`aria-describedby` on its inputs). */
function showWarnings() {
  for (const old of form.querySelectorAll('.warning')) old.remove();
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.startsWith('w-'));
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  }
  const all = [...duplicateIds(state).map((d) => ({ level: 'warn', text: d.text, where: d.where, own: true })), ...warnings];
  $('warnings').replaceChildren(
    ...all.map((w) => element(`<li class="${w.level}">${w.own ? '<span class="tag">playground</span> ' : ''}${escapeHtml(w.text)}</li>`)),
  );
  $('warnings-summary').textContent = all.length ? `${all.length} warning${all.length > 1 ? 's' : ''} about this configuration.` : 'No warning: the SDK accepts this configuration as it is.';
  all.forEach((w, i) => {
    const place = w.where ?? placeOf(w.text);
    const box = place && [...form.querySelectorAll('[data-warn]')].find((el) => el.dataset.warn === place);
    if (!box) return;
    const note = element(`<p class="warning" id="w-${i}">${escapeHtml(w.text)}</p>`);
    const legend = box.querySelector(':scope > legend');
    if (legend) legend.after(note);
    else box.append(note);
    for (const input of box.querySelectorAll(':scope > input, :scope > select, :scope > textarea, :scope > label > input')) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} w-${i}`.trim());
    }
  });
}

/** The contrast of each pair the UI draws, per scheme, against WCAG 2.2 AA. */
function showContrast() {
  const schemes = state.theme === 'light' || state.theme === 'dark' ? [state.theme] : ['light', 'dark'];
  const PAIRS = [
    ['Text on the background', 'fg', 'bg', 4.5],
    ['Button text on the buttons', 'accentFg', 'accent', 4.5],
    ['Buttons and switches on the background', 'accent', 'bg', 3],
    ['Borders and switches off on the background', 'border', 'bg', 3],
  ];
  const rows = schemes.flatMap((scheme) =>
    PAIRS.map(([label, a, b, needed]) => {
      const colours = { ...DEFAULT_COLOURS[scheme], ...state[scheme] };
      const ratio = contrastRatio(colours[a], colours[b]);
      const ok = ratio >= needed;
      return `<tr data-pair="${scheme}-${a}-${b}" data-ok="${ok}"><th scope="row">${scheme === 'light' ? 'Light' : 'Dark'}: ${label}</th>
        <td>${shownRatio(ratio)}</td><td>${needed}:1</td><td>${ok ? 'Pass' : '<strong>Fails</strong>'}</td></tr>`;
    }),
  );
  $('contrast').innerHTML = `<table><caption class="visually-hidden">Contrast of the chosen colours</caption>
    <thead><tr><th scope="col">Pair</th><th scope="col">Ratio</th><th scope="col">Needed</th><th scope="col">Result</th></tr></thead>
    <tbody>${rows.join('')}</tbody></table>`;
}

/** Whether the preview's three banner buttons were drawn alike (font, colours, border, size). */
function showEqualWeight(buttons) {
  const [first] = buttons;
  const same = buttons.length === 3 && buttons.every((b) => b.style === first.style && Math.abs(b.width * b.height - first.width * first.height) <= 0.1 * first.width * first.height);
  $('equal-weight').dataset.ok = String(same);
  $('equal-weight').textContent = same
    ? `Pass: ${buttons.map((b) => `“${b.name}”`).join(', ')} are drawn alike (one colour pair, font and size).`
    : `Fails: the banner's buttons differ (${buttons.map((b) => `“${b.name}”: ${b.style}`).join('; ')}).`;
}

let timer = 0;
/** After each change: the code, the address and the checks now; the preview a moment later. */
function update({ now = false } = {}) {
  $('tag-code').textContent = scriptTagSnippet(state);
  $('npm-code').textContent = createConsentSnippet(state);
  const css = themeCss(state);
  $('css-code').textContent = css;
  $('css-snippet').hidden = !css;
  history.replaceState(null, '', `#${encodeState(state)}`);
  $('scheme-note').hidden = !(state.theme === 'light' || state.theme === 'dark');
  renderConsentMode();
  showContrast();
  clearTimeout(timer);
  timer = setTimeout(refresh, now ? 0 : 300);
}

/** A new preview frame of the state; its warnings replace the last frame's. */
function refresh() {
  warnings = [];
  $('gcm-commands').replaceChildren();
  $('gcm-check').hidden = !state.signals.googleConsentMode;
  $('equal-weight').textContent = 'Measuring the banner…';
  delete $('equal-weight').dataset.ok;
  preview.show(state, settings);
  $('frame-box').dataset.device = settings.device;
  showWarnings();
}

/** An input of the form changed: the state follows, and what shows it. */
function onInput(event) {
  const input = event.target;
  if (!input.name || !form.contains(input)) return;
  if (input.type === 'radio' && !input.checked) return;
  at(input.name, valueOf(input));
  // An id names its fieldset (and the warnings that find it): both follow without redrawing the form.
  const id = /^categories\.(\d+)(?:\.services\.(\d+))?\.id$/.exec(input.name);
  if (id) {
    const box = input.closest('fieldset');
    box.dataset.warn = `${id[2] === undefined ? 'category' : 'service'}:${input.value}`;
    if (id[2] === undefined) box.querySelector(':scope > legend').textContent = `Category ${Number(id[1]) + 1}: ${input.value || '(no id)'}`;
  }
  if (input.name === 'theme') renderPalettes(), fill();
  // A language chosen for the banner is the one whose texts one wants to edit next.
  if (input.name === 'language' && input.value !== 'auto') state.textsLanguage = input.value;
  if (input.name === 'textsLanguage' || input.name === 'language') renderTexts(), fill();
  update();
}

/** The form's buttons: add and remove categories and services, reset colours, start again. */
function onClick(event) {
  const button = event.target.closest('button');
  if (!button) return;
  const { remove, addService, reset } = button.dataset;
  let focus = null;
  if (remove) {
    const keys = remove.split('.');
    const index = Number(keys.pop());
    at(keys.join('.')).splice(index, 1);
    focus = keys.length > 1 ? `[data-add-service="${keys[1]}"]` : '#add-category';
  } else if (addService !== undefined) {
    const services = state.categories[Number(addService)].services;
    services.push({ id: `service${services.length + 1}`, label: '', description: '', cookies: '' });
    focus = `[name="categories.${addService}.services.${services.length - 1}.id"]`;
  } else if (button.id === 'add-category') {
    state.categories.push({ id: `category${state.categories.length + 1}`, label: '', description: '', required: false, services: [] });
    focus = `[name="categories.${state.categories.length - 1}.id"]`;
  } else if (reset) {
    state[reset] = {};
    focus = `[data-reset="${reset}"]`;
  } else if (button.id === 'reset') {
    state = defaultState();
    focus = '#reset';
  } else return;
  render();
  form.querySelector(focus)?.focus();
  update();
}

/** Copies a snippet (or the address) and says so in a live region. */
async function copy(text, what) {
  try {
    await navigator.clipboard.writeText(text);
    $('copied').textContent = `${what} copied.`;
  } catch {
    $('copied').textContent = `Could not copy: select the ${what.toLowerCase()} and copy it by hand.`;
  }
}

function start() {
  setUpStaticFields();
  render();
  form.addEventListener('input', onInput);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const radio of document.querySelectorAll('.toolbar input[type=radio]')) {
    radio.addEventListener('change', () => {
      settings[radio.name] = radio.value;
      update({ now: true });
    });
  }
  // A new frame rather than a call into the old one: after a decision, or a click on the
  // policy link that took the frame elsewhere, the old one has nothing left to show.
  for (const view of ['banner', 'preferences']) {
    $(`show-${view}`).addEventListener('click', () => {
      settings.view = view;
      update({ now: true });
    });
  }
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', () => copy($(button.dataset.copy).textContent, button.dataset.what));
  }
  $('copy-link').addEventListener('click', () => copy(location.href, 'Link'));
  // A shared link opened in this tab (or the address edited): its configuration replaces this one.
  window.addEventListener('hashchange', () => {
    state = decodeState(location.hash);
    render();
    update({ now: true });
  });
  update({ now: true });
}

start();
