'use strict';
// Choosing session times for a draft cohort at 375 px with JavaScript disabled: the demo
// coordinator opens a draft, enters two candidate slots and gets the best set with who can
// attend how many sessions. checkPage: no scripts, one h1, axe-core WCAG 2.1 AA, no sideways
// scroll.
const assert = require('node:assert/strict');
const { describe, before, after, test } = require('node:test');

const { url, launch, loggedInOnPhone, navigate, checkPage } = require('./lib/browser');

describe('session times for the shifts at 375×812, JavaScript disabled', () => {
  let browser;

  before(async () => {
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  test('the coordinator chooses among candidate slots of a draft', async () => {
    const pass = await loggedInOnPhone(browser, 'koordination1@demo.example');
    const page = pass.page;
    let res = await navigate(page, () => page.goto(url('/verwaltung/durchgaenge')));
    assert.equal(res.status(), 200);
    const href = await page
      .locator('main tr')
      .filter({ hasText: 'Entwurf' })
      .first()
      .locator('a')
      .first()
      .getAttribute('href');
    assert.ok(href, 'a draft cohort');
    res = await navigate(page, () => page.goto(url(`${href}/zeiten`)));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'slots-form', { h1: /^Kurszeiten für .+ wählen$/ });

    await page.locator('#wd0').selectOption('tue');
    await page.locator('#s0').fill('18:00');
    await page.locator('#e0').fill('21:00');
    await page.locator('#wd1').selectOption('sat');
    await page.locator('#s1').fill('09:00');
    await page.locator('#e1').fill('12:00');
    res = await navigate(page, () => page.getByRole('button', { name: 'Beste Kombination berechnen' }).click());
    assert.equal(res.status(), 200);
    const text = await page.locator('main').innerText();
    assert.match(text, /Die besten Kombinationen/);
    assert.match(text, /Di 18:00–21:00/);
    assert.match(text, /Sa 09:00–12:00/);
    await checkPage(pass, 'slots-result', { h1: /^Kurszeiten für .+ wählen$/ });
  });
});
