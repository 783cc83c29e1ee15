'use strict';
// Every page kind at 375 px, found by following the links each role sees (lib/crawl.js): no
// page scrolls sideways, no table scrolls inside it (except a grid marked `.scroll-grid` with
// its caption in view and a hint), no text is squeezed to one character per line, and axe-core
// finds nothing. The key pages are also photographed at 375 px and 1280 px into
// e2e/artifacts/screenshots/ for reviewers (see e2e/README.md).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, before, after, test } = require('node:test');

const { BASE_URL, PASSWORD, url, launch, openPass, navigate, checkA11y, narrowLayoutProblems, shoot, submitLogin } = require('./lib/browser');
const { crawl } = require('./lib/crawl');

const SCREENSHOTS = path.join(__dirname, '..', 'artifacts', 'screenshots');
const NARROW = { width: 375, height: 812 };
const WIDE = { width: 1280, height: 800 };

const ROLES = [
  { who: 'visitor', start: ['/', '/angebote', '/anmelden', '/code'] },
  { who: 'admin', login: 'admin@demo.example', start: ['/start'] },
  { who: 'coordinator', login: 'koordination1@demo.example', start: ['/start'] },
  { who: 'counsellor', login: 'beratung1@demo.example', start: ['/start'] },
  { who: 'trainer', login: 'lehrkraft1@demo.example', start: ['/start'] },
  { who: 'participant', login: 'samuel.mensah1@mail.demo.example', start: ['/mein-weg'] },
  { who: 'employer', login: 'pflegedirektion@klinikum-essen-nord.demo.example', start: ['/betrieb'] },
  { who: 'mentor', login: 'mentorin1@demo.example', start: ['/mentoring'] },
];

// The pages reviewers look at first (by kind; ids replaced by :id, offer addresses by :slug).
const KEY_KINDS = new Set([
  '/anmelden',
  '/start',
  '/angebote',
  '/angebote/:slug',
  '/verwaltung/teilnehmende',
  '/verwaltung/teilnehmende/:id',
  '/verwaltung/angebote',
  '/verwaltung/angebote/:id',
  '/verwaltung/durchgaenge',
  '/verwaltung/durchgaenge/:id',
  '/verwaltung/durchgaenge/:id/kalender',
  '/verwaltung/anwesenheit',
  '/verwaltung/termine/:id',
  '/verwaltung/termine/:id/anwesenheit',
  '/mein-weg',
  '/verwaltung/mentoring',
  '/mentoring',
]);

const fileName = (who, kind, width) =>
  `${who}${kind.replace(/[/:]+/g, '-').replace(/-$/, '') || '-root'}-${width}.png`;

/** Logs in through the form; waits out the shared per-address login limit (429) if need be. */
async function logIn(page, email) {
  for (let attempt = 0; ; attempt += 1) {
    await navigate(page, () => page.goto(url('/anmelden')));
    const res = await submitLogin(page, email, PASSWORD);
    if (res.status() !== 429 || attempt === 5) {
      assert.equal(res.status(), 200, `login of ${email}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 11_000));
  }
}

describe('every page kind at 375×812, JavaScript disabled', { timeout: 900_000 }, () => {
  let browser;
  const kinds = new Set();
  const photographed = new Set(); // each key page once (the start page once per role)
  const failing = new Set();

  before(async () => {
    browser = await launch();
    fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    console.log(`# page kinds checked at 375 px: ${kinds.size}, not fitting: ${failing.size}`);
  });

  for (const role of ROLES) {
    test(`${role.who}: every page kind fits 375 px and passes axe-core`, { timeout: 600_000 }, async (t) => {
      const pass = await openPass(browser, NARROW);
      const { page } = pass;
      try {
        if (role.login) await logIn(page, role.login);
        const problems = [];
        const keyPages = [];
        const { visited, failed } = await crawl(page, BASE_URL, role.start, async (kind, address) => {
          kinds.add(kind);
          const found = await narrowLayoutProblems(page);
          try {
            await checkA11y(pass, kind);
          } catch (err) {
            found.push(err.message);
          }
          if (found.length > 0) {
            failing.add(kind);
            problems.push(`${address} (${kind}):\n    ${found.join('\n    ')}`);
          }
          const shot = kind === '/start' ? `${role.who}${kind}` : kind;
          if (KEY_KINDS.has(kind) && !photographed.has(shot)) {
            photographed.add(shot);
            keyPages.push({ kind, address });
            await shoot(page, path.join(SCREENSHOTS, fileName(role.who, kind, NARROW.width)));
          }
        });
        // The same key pages at desktop width.
        await page.setViewportSize(WIDE);
        for (const { kind, address } of keyPages) {
          await page.goto(url(address));
          await shoot(page, path.join(SCREENSHOTS, fileName(role.who, kind, WIDE.width)));
        }
        t.diagnostic(`${role.who}: ${visited.length} page kinds, ${problems.length} not fitting: ${visited.map((v) => v.kind).join(" ")}`);
        assert.ok(visited.length >= role.start.length, `${role.who}: the crawl found the start pages`);
        assert.deepEqual(failed, [], `${role.who}: links that answer with an error`);
        assert.equal(problems.length, 0, `${role.who}: ${problems.length} page kind(s) do not fit 375 px:\n  ${problems.join('\n  ')}`);
      } finally {
        await pass.context.close();
        await pass.axeContext.close();
      }
    });
  }
});
