// Which pages to audit: the ones given (`--pages`), else the site's sitemap.xml (or the
// sitemaps robots.txt names), else the same-origin links found on the pages as they are
// audited, up to `--max-pages`. robots.txt rules apply to the pages the audit finds itself;
// a page given by name is audited whatever robots.txt says (it is the site's own audit).

/** Files that are not pages: a link to one is never followed. */
const NOT_A_PAGE = /\.(?:pdf|zip|gz|tgz|png|jpe?g|gif|webp|avif|svg|ico|mp[34]|webm|mov|avi|woff2?|ttf|css|js|mjs|json|xml|txt|csv|docx?|xlsx?|pptx?)$/i;

/** A page's URL without its fragment, or null when it is not an http(s) page of `origin`. */
export function pageUrl(href, origin) {
  let url;
  try {
    url = new URL(href, origin);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== origin || NOT_A_PAGE.test(url.pathname)) return null;
  url.hash = '';
  return url.href;
}

/** `--pages /,/pricing,https://…`: each resolved against the start URL. */
export function givenPages(list, start) {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => new URL(part, start).href);
}

/**
 * The rules of robots.txt that apply to us: the group for `instria-consent-audit` when there is
 * one, else the group for `*`. `Allow`/`Disallow` paths with `*` and `$`, the longest match wins.
 * See: https://www.rfc-editor.org/rfc/rfc9309#section-2.2.2
 * @param {string} text
 * @returns {{ allows: (path: string) => boolean, sitemaps: string[] }}
 */
export function parseRobots(text) {
  /** @type {Map<string, Array<{ allow: boolean, pattern: string }>>} */
  const groups = new Map();
  const sitemaps = [];
  let agents = [];
  let inRules = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const field = match[1].toLowerCase();
    const value = match[2].trim();
    if (field === 'sitemap') sitemaps.push(value);
    else if (field === 'user-agent') {
      if (inRules) agents = [];
      inRules = false;
      agents.push(value.toLowerCase());
      for (const agent of agents) if (!groups.has(agent)) groups.set(agent, []);
    } else if (field === 'allow' || field === 'disallow') {
      inRules = true;
      if (field === 'disallow' && !value) continue;
      for (const agent of agents) groups.get(agent)?.push({ allow: field === 'allow', pattern: value });
    }
  }
  const rules = groups.get('instria-consent-audit') ?? groups.get('*') ?? [];
  const toRegExp = (pattern) =>
    new RegExp(`^${pattern.replace(/[.+?^{}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\\\$$|\$$/, '$')}`);
  const compiled = rules.map((rule) => ({ ...rule, test: toRegExp(rule.pattern) }));
  return {
    allows(path) {
      let best = null;
      for (const rule of compiled) {
        if (!rule.test.test(path)) continue;
        if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
      }
      return !best || best.allow;
    },
    sitemaps,
  };
}

/** The `<loc>` URLs of a sitemap, and whether it is a sitemap index. */
export function parseSitemap(xml) {
  const locs = [...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/gi)].map((match) =>
    match[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
  );
  return { locs, index: /<sitemapindex[\s>]/i.test(xml) };
}

/** A text file of the site, or null (missing, not text, unreachable, slow). */
async function fetchText(url, timeout) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeout), redirect: 'follow' });
    if (!response.ok) return null;
    return await response.text();
  } catch {
    return null;
  }
}

/**
 * robots.txt and the pages of the sitemap(s), same-origin only, at most `max`.
 * @param {string} start
 * @param {{ max: number, timeout: number }} options
 */
export async function discover(start, { max, timeout }) {
  const { origin } = new URL(start);
  const robots = parseRobots((await fetchText(`${origin}/robots.txt`, timeout)) ?? '');
  const queue = robots.sitemaps.length ? robots.sitemaps : [`${origin}/sitemap.xml`];
  const pages = [];
  const read = new Set();
  while (queue.length && pages.length < max && read.size < 10) {
    const url = queue.shift();
    if (read.has(url)) continue;
    read.add(url);
    const xml = await fetchText(url, timeout);
    if (!xml) continue;
    const { locs, index } = parseSitemap(xml);
    if (index) queue.push(...locs);
    else for (const loc of locs) {
      const page = pageUrl(loc, origin);
      if (page && !pages.includes(page) && pages.length < max) pages.push(page);
    }
  }
  return { robots, sitemapPages: pages };
}

/**
 * The page a visitor goes to next from `page`: the first link to another page under `scope`,
 * else the page itself (reloaded).
 * @param {import('playwright-core').Page} page
 */
export async function nextPage(page, scope = new URL(page.url()).origin) {
  const current = pageUrl(page.url(), new URL(page.url()).origin);
  for (const link of await pageLinks(page)) if (link !== current && link.startsWith(scope)) return link;
  return page.url();
}

/**
 * The part of the site an audit covers: the start URL's folder (`https://a.com/docs/x.html` →
 * `https://a.com/docs/`). Pages found in the sitemap or in links are audited under it only.
 */
export function scopeOf(start) {
  const url = new URL(start);
  return `${url.origin}${url.pathname.replace(/[^/]*$/, '')}`;
}

/** The same-origin page links of `page`, in document order, without duplicates. */
export async function pageLinks(page) {
  const { origin } = new URL(page.url());
  const hrefs = await page.$$eval('a[href]', (links) => links.map((link) => link.href)).catch(() => []);
  return [...new Set(hrefs.map((href) => pageUrl(href, origin)).filter((url) => url !== null))];
}
