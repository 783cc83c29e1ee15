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

/** The page must not scroll sideways (tables may scroll inside their `.table-wrap`). */
async function checkNoHorizontalScroll(pass, label) {
  const { scrollWidth, wide } = await pass.page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > limit + 1 && !el.closest('.table-wrap'))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).replace(/\s+/g, '.') : ''} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`);
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  });
  assert.ok(
    scrollWidth <= pass.viewport.width,
    `${label} scrolls horizontally at ${pass.viewport.width}px: scrollWidth ${scrollWidth}; too wide: ${wide.join(', ')}`,
  );
}

async function screenshot(pass, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  await pass.page.screenshot({
    path: path.join(RESULTS, `${pass.viewport.width}-${name}.png`),
    fullPage: true,
  });
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

/** Fills and submits the login form on the current page. */
async function submitLogin(page, email, password) {
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  return navigate(page, () => page.getByRole('button', { name: 'Anmelden', exact: true }).click());
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
  checkPage,
  screenshot,
  submitLogin,
  h1,
  pathOf,
};
