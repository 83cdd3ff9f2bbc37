// What a browser context does, recorded as it happens: every request, every cookie a response
// sets (Set-Cookie) and every cookie or storage key a script writes (document.cookie,
// cookieStore.set, Storage#setItem), with the script that wrote it; then, on demand, a snapshot
// of the cookie jar and of each frame's storage.

/** The name our init script's frames carry in stack traces, to skip them. */
const INIT_URL = 'instria-consent-audit-init.js';
/** The binding the init script reports to. */
const BINDING = '__instriaConsentAudit';

/**
 * Runs in every frame before the page's own scripts: wraps the writers of cookies and storage
 * so each write is reported with the URL of the script that made it (the first stack frame
 * that is not ours). The wrappers call the originals unchanged: the page behaves as without.
 */
function instrument(binding, initUrl) {
  const report = window[binding];
  if (typeof report !== 'function') return;
  const URL_IN_FRAME = /((?:https?|file):\/\/[^\s()]+?):\d+:\d+/;
  const writer = () => {
    for (const line of String(new Error().stack).split('\n').slice(1)) {
      const url = URL_IN_FRAME.exec(line)?.[1];
      if (url && !url.endsWith(initUrl)) return url;
    }
    return null;
  };
  const send = (kind, name) => {
    try {
      report({ kind, name, script: writer(), page: location.href }).catch(() => {});
    } catch {}
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie?.set) {
    Object.defineProperty(Document.prototype, 'cookie', {
      ...cookie,
      set(value) {
        send('cookie', String(value).split(';')[0].split('=')[0].trim());
        return cookie.set.call(this, value);
      },
    });
  }
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    send(this === window.sessionStorage ? 'sessionStorage' : 'localStorage', String(key));
    return setItem.call(this, key, value);
  };
  const store = window.CookieStore?.prototype;
  if (store?.set) {
    const set = store.set;
    store.set = function (name, value) {
      send('cookie', String(typeof name === 'object' && name ? name.name : name));
      return set.call(this, name, value);
    };
  }
}

/**
 * @typedef {{ kind: 'cookie' | 'localStorage' | 'sessionStorage', name: string, by: string | null, how: 'script' | 'Set-Cookie', domain?: string }} Write
 * @typedef {{ url: string, type: string, frame: string | null }} Sent
 * @typedef {{ name: string, domain: string, path: string, expires: number, httpOnly: boolean, secure: boolean, sameSite: string }} JarCookie
 * @typedef {{ area: 'localStorage' | 'sessionStorage' | 'indexedDB', origin: string, key: string }} StoredKey
 */

/**
 * Starts recording a context (before its first page). `reset()` forgets the requests sent so
 * far (writes are kept: a cookie's writer is needed whenever the cookie is listed).
 * @param {import('playwright-core').BrowserContext} context
 */
export async function observe(context) {
  /** @type {Write[]} */
  const writes = [];
  /** @type {Sent[]} */
  let requests = [];
  /** @type {Promise<unknown>[]} */
  const pending = [];
  await context.exposeBinding(BINDING, (_source, write) => {
    writes.push({ kind: write.kind, name: write.name, by: write.script ?? write.page, how: 'script' });
  });
  await context.addInitScript({ content: `(${instrument})(${JSON.stringify(BINDING)}, ${JSON.stringify(INIT_URL)});\n//# sourceURL=${INIT_URL}` });
  context.on('request', (request) => {
    let frame = null;
    try {
      frame = request.frame().url();
    } catch {}
    requests.push({ url: request.url(), type: request.resourceType(), frame });
  });
  context.on('response', (response) => {
    const reading = response
      .headersArray()
      .then((headers) => {
        for (const header of headers) {
          if (header.name.toLowerCase() !== 'set-cookie') continue;
          for (const line of header.value.split('\n')) {
            const name = line.split(';')[0].split('=')[0].trim();
            const domain = /;\s*domain=([^;]+)/i.exec(line)?.[1]?.trim().replace(/^\./, '') ?? new URL(response.url()).hostname;
            if (name) writes.push({ kind: 'cookie', name, by: response.url(), how: 'Set-Cookie', domain });
          }
        }
      })
      .catch(() => {});
    pending.push(reading);
  });
  return {
    writes,
    get requests() {
      return requests;
    },
    reset() {
      requests = [];
    },
    /** Waits for the response headers still being read. */
    flush: () => Promise.all(pending.splice(0)),
  };
}

/**
 * The cookie jar and each frame's localStorage, sessionStorage and IndexedDB database names.
 * A frame that cannot be read (detached, sandboxed) is skipped.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ cookies: JarCookie[], storage: StoredKey[] }>}
 */
export async function snapshot(page) {
  const cookies = await page.context().cookies();
  /** @type {StoredKey[]} */
  const storage = [];
  const seen = new Set();
  for (const frame of page.frames()) {
    const found = await frame
      .evaluate(async () => {
        const keys = (area) => {
          try {
            return Object.keys(window[area]);
          } catch {
            return [];
          }
        };
        let databases = [];
        try {
          databases = (await indexedDB.databases()).map((db) => db.name).filter(Boolean);
        } catch {}
        return { origin: location.origin, localStorage: keys('localStorage'), sessionStorage: keys('sessionStorage'), indexedDB: databases };
      })
      .catch(() => null);
    if (!found || found.origin === 'null') continue;
    for (const area of /** @type {const} */ (['localStorage', 'sessionStorage', 'indexedDB'])) {
      for (const key of found[area]) {
        const id = `${area} ${found.origin} ${key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        storage.push({ area, origin: found.origin, key });
      }
    }
  }
  return { cookies: cookies.map(({ value: _value, ...cookie }) => cookie), storage };
}

/**
 * Who wrote a cookie or a key: the last write of that name (for a cookie set by a response,
 * one whose domain matches the cookie's), or null.
 * @param {Write[]} writes
 * @param {'cookie' | 'localStorage' | 'sessionStorage' | 'indexedDB'} kind
 * @param {string} name
 * @param {string} [domain]
 * @returns {{ url: string | null, how: 'script' | 'Set-Cookie' } | null}
 */
export function writerOf(writes, kind, name, domain) {
  const bare = domain?.replace(/^\./, '');
  for (let i = writes.length - 1; i >= 0; i--) {
    const write = writes[i];
    if (write.kind !== kind || write.name !== name) continue;
    if (write.how === 'Set-Cookie' && bare && write.domain !== bare && !write.domain?.endsWith(`.${bare}`) && !bare.endsWith(`.${write.domain}`)) continue;
    return { url: write.by, how: write.how };
  }
  return null;
}
