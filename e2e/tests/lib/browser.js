'use strict';
// Shared helpers: Debian's chromium via playwright-core, axe-core, navigation and layout checks.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const BASE_URL = (process.env.LERNWEG_BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RESULTS = path.join(__dirname, '..', '..', 'test-results');
const PASSWORD = process.env.LERNWEG_DEMO_PASSWORD || 'lernweg-demo';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// No network besides localhost on the build machines: chromium must not phone home.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function url(p) {
  return BASE_URL + p;
}

async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * One pass at one viewport: `page` browses with JavaScript DISABLED (the app must work without
 * it); `axeContext` has JavaScript enabled and is used only to run axe-core on exactly the HTML
 * the JS-less page shows.
 */
async function openPass(browser, viewport) {
  const context = await browser.newContext({
    viewport,
    javaScriptEnabled: false,
    locale: 'de-DE',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(10_000);
  const axeContext = await browser.newContext({
    viewport,
    javaScriptEnabled: true,
    bypassCSP: true, // the app's CSP forbids inline scripts; axe is injected as one
    locale: 'de-DE',
  });
  // axe-core is loaded into every document of this context before the page's own content, so
  // that one page can be reused for every check (much faster than a new page and a script tag).
  await axeContext.addInitScript({ content: AXE_SOURCE });
  return { context, page, axeContext, viewport, axePage: null };
}

/** Runs `action` (a click or goto) and waits for the resulting page load; returns its response. */
async function navigate(page, action) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    action(),
  ]);
  return response;
}

function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `      ${n.target.join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, '\n        ')}` : ''}`)
        .join('\n');
      return `  - ${v.id} [${v.impact}]: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on what `pass.page` currently shows: its DOM is
 * served at the same URL in the JS-enabled context (stylesheet and all other requests go to the
 * real server), so pages that are the answer to a POST (a new token's secret, a failed login)
 * are checked too.
 */
async function checkA11y(pass, label) {
  const html = await pass.page.content();
  const pageUrl = pass.page.url();
  if (!pass.axePage || pass.axePage.isClosed()) {
    pass.axePage = await pass.axeContext.newPage();
  }
  const axePage = pass.axePage;
  await axePage.unrouteAll();
  await axePage.route(
    (u) => u.href === pageUrl,
    (route) =>
      route.request().resourceType() === 'document'
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : route.continue(),
  );
  await axePage.goto(pageUrl, { waitUntil: 'load' });
  const result = await axePage.evaluate((tags) => {
    if (!window.axe) throw new Error('axe-core is not loaded');
    return window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
  }, AXE_TAGS);
  await axePage.unrouteAll();
  assert.ok(result.passes.length > 0, `axe ran no passing rules on ${label} – did it run at all?`);
  if (result.violations.length > 0) {
    assert.fail(
      `axe-core found ${result.violations.length} WCAG 2.1 AA violation(s) on ${label} (${pageUrl}) at ${pass.viewport.width}px:\n${formatViolations(result.violations)}`,
    );
  }
}

/**
 * What makes a page hard to read on a narrow screen, as a list of findings (empty: fine):
 * - the page scrolls sideways, or an element sticks out of the viewport;
 * - a box scrolls sideways inside the page (a table in its `.table-wrap`), except a grid that
 *   is the point of its page (`.scroll-grid`, the month grid), which then needs its caption in
 *   view and a visible hint it is described by;
 * - text squeezed so narrow that it wraps about one character per line;
 * - a table cell shown as a card (phones) without its column name in `data-label`.
 */
async function narrowLayoutProblems(page) {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const name = (el) =>
      `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${typeof el.className === 'string' && el.className ? '.' + el.className.trim().replace(/\s+/g, '.') : ''}`;
    const visible = (el) => {
      if (!el.checkVisibility()) return false; // display: none, or a closed <details>
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const problems = [];
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth > limit + 1) problems.push(`the page scrolls sideways (scrollWidth ${scrollWidth}px)`);
    const scrollers = [];
    const sticking = [];
    for (const el of document.querySelectorAll('body *')) {
      if (scrollers.some((s) => s.contains(el))) continue;
      const r = el.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || !el.checkVisibility()) continue;
      if (r.right <= 0 || r.left >= limit) continue; // moved off-screen on purpose (skip link)
      const style = getComputedStyle(el);
      if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        scrollers.push(el);
        if (!el.matches('.scroll-grid')) {
          problems.push(`${name(el)} scrolls sideways inside the page (${el.scrollWidth}px content in ${el.clientWidth}px)`);
          continue;
        }
        const caption = el.querySelector('caption');
        const cr = caption?.getBoundingClientRect();
        if (!caption || cr.left < -1 || cr.right > limit + 1) {
          problems.push(`${name(el)} scrolls, but its caption is not in view`);
        }
        const hints = (el.getAttribute('aria-describedby') || '')
          .split(/\s+/)
          .map((id) => id && document.getElementById(id))
          .filter((h) => h && visible(h));
        if (hints.length === 0) problems.push(`${name(el)} scrolls without a visible hint (aria-describedby)`);
        continue;
      }
      if (r.right > limit + 1 || r.left < -1) {
        sticking.push(`${name(el)} (${Math.round(r.left)}–${Math.round(r.right)}px)`);
      } else if (style.overflowX === 'visible' && r.left + el.scrollWidth > limit + 1 && el.scrollWidth > el.clientWidth + 1) {
        sticking.push(`the content of ${name(el)} (${el.scrollWidth}px in ${el.clientWidth}px)`);
      }
    }
    const unlabelled = [...document.querySelectorAll('td')].filter(
      (td) => getComputedStyle(td).display === 'block' && !td.hasAttribute('data-label') && td.textContent.trim() !== '',
    );
    if (unlabelled.length > 0) {
      problems.push(`${unlabelled.length} table cell(s) shown as a card without a data-label, e.g. "${unlabelled[0].textContent.trim().slice(0, 30)}"`);
    }
    if (sticking.length > 0) problems.push(`too wide for ${limit}px: ${sticking.slice(0, 5).join(', ')}`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const squeezed = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.replace(/\s+/g, '');
      const parent = node.parentElement;
      if (text.length < 4 || !parent || !visible(parent)) continue;
      if (scrollers.some((s) => s.contains(parent))) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      if (lines >= 3 && text.length / lines < 4) squeezed.push(`${name(parent)} "${text.slice(0, 30)}" (${lines} lines)`);
    }
    if (squeezed.length > 0) problems.push(`text squeezed to about one character per line: ${squeezed.slice(0, 5).join(', ')}`);
    return problems;
  });
}

/** The page must fit a narrow screen (see narrowLayoutProblems). */
async function checkNoHorizontalScroll(pass, label) {
  const problems = await narrowLayoutProblems(pass.page);
  assert.deepEqual(problems, [], `${label} does not fit ${pass.viewport.width}px:\n  ${problems.join('\n  ')}`);
}

// A full-page screenshot of a very long page (the audit log's 500 entries as cards on a
// phone) takes longer than the timeout: such pages are photographed down to this height.
const SHOT_MAX_HEIGHT = 12_000;

/** A screenshot of the whole page, or of its top SHOT_MAX_HEIGHT pixels. */
async function shoot(page, file) {
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  const clip = height > SHOT_MAX_HEIGHT ? { clip: { x: 0, y: 0, width, height: SHOT_MAX_HEIGHT } } : {};
  await page.screenshot({ path: file, fullPage: true, ...clip });
}

async function screenshot(pass, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  await shoot(pass.page, path.join(RESULTS, `${pass.viewport.width}-${name}.png`));
}

/** Every check a page gets: no scripts, h1, axe, sideways scroll at small widths, screenshot. */
async function checkPage(pass, name, { h1 } = {}) {
  const page = pass.page;
  await screenshot(pass, name);
  // JSON-LD (structured data for search engines) is data, not a script that runs.
  assert.equal(
    await page.locator('script:not([type="application/ld+json"])').count(),
    0,
    `${name}: the app uses no JavaScript`,
  );
  const headings = await page.locator('h1').allTextContents();
  assert.equal(headings.length, 1, `${name}: exactly one h1, got ${JSON.stringify(headings)}`);
  if (h1 instanceof RegExp) {
    assert.match(headings[0].trim(), h1, `${name}: h1`);
  } else if (h1 !== undefined) {
    assert.equal(headings[0].trim(), h1, `${name}: h1`);
  }
  if (pass.viewport.width <= 480) {
    await checkNoHorizontalScroll(pass, name);
  }
  await checkA11y(pass, name);
}

async function h1(page) {
  return (await page.locator('h1').first().textContent()).trim();
}

/**
 * Opens the staff menu if it is collapsed (on phones the navigation and the logout button sit
 * in a <details> that opens without JavaScript); nothing to do where it is always shown.
 */
async function openMenu(page) {
  const menu = page.locator('details.site-menu');
  if ((await menu.count()) === 0 || (await menu.getAttribute('open')) !== null) return;
  const summary = menu.locator('summary');
  if (await summary.isVisible()) await summary.click();
}

/** Closes the phone menu if it is open (it covers the top of the page below the header). */
async function closeMenu(page) {
  const menu = page.locator('details.site-menu');
  if ((await menu.count()) === 0 || (await menu.getAttribute('open')) === null) return;
  await menu.locator('summary').click();
}

/** Fills and submits the login form on the current page. */
async function submitLogin(page, email, password) {
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  return navigate(page, () => page.getByRole('button', { name: 'Anmelden', exact: true }).click());
}

/** A new pass at 375×812 with the demo user `email` logged in through the form. */
async function loggedInOnPhone(browser, email) {
  const pass = await openPass(browser, { width: 375, height: 812 });
  await pass.page.goto(url('/anmelden'));
  const res = await submitLogin(pass.page, email, PASSWORD);
  assert.equal(res.status(), 200);
  return pass;
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

module.exports = {
  BASE_URL,
  PASSWORD,
  url,
  launch,
  openPass,
  navigate,
  checkA11y,
  checkNoHorizontalScroll,
  narrowLayoutProblems,
  checkPage,
  screenshot,
  shoot,
  submitLogin,
  loggedInOnPhone,
  openMenu,
  closeMenu,
  h1,
  pathOf,
};
