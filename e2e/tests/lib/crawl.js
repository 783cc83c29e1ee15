'use strict';
// Every page kind, found by following links: from a role's start page, every same-site link
// that a GET may follow is visited once per page kind (the path with its ids replaced), so
// pages added later are covered without a list to keep up to date.

function isUuidOrNumber(seg) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(seg) || /^\d+$/.test(seg);
}

/** A path segment that names one record (a UUID, a number, a token) rather than a page. */
function isIdSegment(seg) {
  return isUuidOrNumber(seg) || (seg.length >= 16 && /\d/.test(seg) && /^[A-Za-z0-9_-]+$/.test(seg));
}

/** A public offer's address: words joined by at least two hyphens. */
function isSlugSegment(seg) {
  return /^[a-z0-9]+(-[a-z0-9]+){2,}$/.test(seg) || (seg.length >= 24 && /^[a-z0-9]+(-[a-z0-9]+)+$/.test(seg));
}

/** `/verwaltung/teilnehmende/<uuid>/kontakt` → `/verwaltung/teilnehmende/:id/kontakt`. */
function pageKind(pathname) {
  return pathname
    .split('/')
    .map((seg) => decodeURIComponent(seg))
    .map((seg) => (isUuidOrNumber(seg) ? ':id' : isSlugSegment(seg) ? ':slug' : isIdSegment(seg) ? ':id' : seg))
    .join('/');
}

/** Links a crawler must not follow: other sites, downloads and feeds, logging out. */
function followable(href, base) {
  let u;
  try {
    u = new URL(href, base);
  } catch {
    return null;
  }
  if (u.origin !== new URL(base).origin) return null;
  const p = u.pathname;
  if (/\.[a-z0-9]{2,5}$/i.test(p)) return null; // .ics, .csv, .xml, .json, .css …
  if (/^\/(api|feeds|static|healthz|abmelden)(\/|$)/.test(p)) return null;
  u.hash = '';
  return u;
}

/**
 * Visits the pages reachable from `startPath` (one per kind, at most `limit`), calling
 * `check(kind, url)` on each after it loaded as HTML with a status below 400. Returns the kinds
 * seen and the links that failed.
 */
async function crawl(page, base, startPaths, check, { limit = 120 } = {}) {
  const queue = startPaths.map((p) => new URL(p, base));
  const seen = new Set();
  const visited = [];
  const failed = [];
  while (queue.length > 0 && visited.length < limit) {
    const target = queue.shift();
    const kind = pageKind(target.pathname);
    if (seen.has(kind)) continue;
    seen.add(kind);
    let response;
    try {
      response = await page.goto(target.href, { waitUntil: 'load' });
    } catch (err) {
      // A download (a CSV export without an extension) is no page.
      if (/Download is starting/.test(String(err))) continue;
      throw err;
    }
    const type = response?.headers()['content-type'] || '';
    if (!type.startsWith('text/html')) continue;
    if (response.status() >= 400) {
      failed.push(`${target.pathname}${target.search} → ${response.status()}`);
      continue;
    }
    visited.push({ kind, url: target.pathname + target.search });
    await check(kind, target.pathname + target.search);
    const hrefs = await page.locator('a[href]:not([download])').evaluateAll((as) =>
      as.map((a) => a.getAttribute('href')),
    );
    for (const href of hrefs) {
      const u = followable(href, page.url());
      if (u && !seen.has(pageKind(u.pathname))) queue.push(u);
    }
  }
  return { visited, failed };
}

module.exports = { crawl, pageKind, isIdSegment };
