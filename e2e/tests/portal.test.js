'use strict';
// The participant portal at 375 px with JavaScript disabled: entering the demo's printed code,
// choosing a password (the page is Arabic, right to left, because Amina's mother tongue is
// Arabic), the path in Arabic and in plain German, the calendar link, the own readiness check,
// and the printable code sheet on the staff side. Every page gets checkPage (no scripts, one
// h1, axe-core WCAG 2.1 AA, no sideways scroll). Few logins: the demo's login rate limit per
// address is shared with the other test files running in parallel.
const assert = require('node:assert/strict');
const { describe, before, after, test } = require('node:test');

const { url, launch, openPass, loggedInOnPhone, navigate, checkPage, pathOf } = require('./lib/browser');

const DEMO_CODE = 'K7QM-4XPD-2H9R';

describe('participant portal at 375×812, JavaScript disabled', () => {
  let browser;
  let pass;
  let page;

  before(async () => {
    browser = await launch();
    pass = await openPass(browser, { width: 375, height: 812 });
    page = pass.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('the login form takes an e-mail address or a login name', async () => {
    const res = await navigate(page, () => page.goto(url('/anmelden')));
    assert.equal(res.status(), 200);
    assert.equal(await page.getByLabel('E-Mail-Adresse oder Anmeldename').count(), 1);
    assert.equal(await page.locator('main a[href="/code"]').count(), 1, 'a way to enter a code');
  });

  test('entering the printed code (plain German page)', async () => {
    const res = await navigate(page, () => page.goto(url('/code')));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'portal-code', { h1: 'Code eingeben' });
    // Typed as people do: lower case, spaces instead of dashes.
    await page.getByLabel('Code', { exact: true }).fill(DEMO_CODE.toLowerCase().replaceAll('-', ' '));
    const next = await navigate(page, () => page.getByRole('button', { name: 'Weiter' }).click());
    assert.equal(next.status(), 200);
    // Amina's mother tongue is Arabic: the password page is Arabic, right to left.
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await checkPage(pass, 'portal-password-ar');
  });

  test('choosing a password logs in and shows the path in Arabic', async () => {
    await page.locator('#password').fill('aminas-neues-passwort');
    await page.locator('#password_repeat').fill('aminas-neues-passwort');
    const res = await navigate(page, () => page.locator('main button[type="submit"]').click());
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/mein-weg');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await checkPage(pass, 'portal-path-ar', { h1: 'طريقي' });
    // The layout mirrors: the main text starts at the right edge.
    const align = await page.locator('main h1').evaluate((el) => getComputedStyle(el).direction);
    assert.equal(align, 'rtl');
  });

  test('the path in plain German', async () => {
    const res = await navigate(page, () => page.getByRole('button', { name: 'Deutsch' }).click());
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/mein-weg');
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    await checkPage(pass, 'portal-path-de', { h1: 'Mein Weg' });
    const text = await page.locator('main').innerText();
    assert.match(text, /Ihre nächsten Termine/);
    assert.match(text, /Ihre Ansprechperson/);
    assert.match(text, /Jonas Becker/, 'the contact person');
    assert.ok((await page.locator('main figure svg').count()) >= 1, 'the timeline');
  });

  test('the calendar link works', async () => {
    const res = await navigate(page, () => page.getByRole('button', { name: 'Link machen' }).click());
    assert.equal(res.status(), 200);
    await checkPage(pass, 'portal-feed-new', { h1: 'Mein Weg' });
    const href = await page.locator('a.portal-feed-link').getAttribute('href');
    assert.match(href, /\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const ics = await pass.context.request.get(href.startsWith('http') ? href : url(href));
    assert.equal(ics.status(), 200);
    assert.match(await ics.text(), /BEGIN:VCALENDAR/);
  });

  test('the own readiness check in plain words', async () => {
    const link = page.locator('main a[href^="/mein-weg/eignungscheck/"]').first();
    const res = await navigate(page, () => link.click());
    assert.equal(res.status(), 200);
    await checkPage(pass, 'portal-readiness', { h1: 'Ihr Check' });
    assert.match(await page.locator('main').innerText(), /Ihre Antwort:/);
  });
});

describe('the printed code sheet for staff at 375×812', () => {
  let browser;
  let pass;
  let page;

  before(async () => {
    browser = await launch();
    pass = await loggedInOnPhone(browser, 'admin@demo.example');
    page = pass.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('a participant page has the portal access box, and the sheet prints the code', async () => {
    await navigate(page, () => page.goto(url('/verwaltung/teilnehmende')));
    const link = page.locator('main a', { hasText: 'Fatma' }).first();
    const res = await navigate(page, () => link.click());
    assert.equal(res.status(), 200);
    assert.equal(await page.locator('#zugang h2').innerText(), 'Zugang zum Portal');
    const sheet = await navigate(page, () =>
      page.getByRole('button', { name: 'Code zum Ausdrucken erstellen' }).click(),
    );
    assert.equal(sheet.status(), 200);
    await checkPage(pass, 'portal-code-sheet', { h1: 'Zugangscode zum Ausdrucken' });
    const code = await page.locator('.portal-sheet-code').first().innerText();
    assert.match(code, /^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    // Plain German first, then Fatma's own language (Turkish).
    assert.equal(await page.locator('article.portal-sheet[lang="tr"]').count(), 1);
  });
});
