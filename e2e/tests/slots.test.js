'use strict';
// Choosing session times for a draft cohort at 375 px with JavaScript disabled: the demo
// coordinator opens a draft with the candidate slots weighed before, gets the best sets with
// who can attend how many sessions and applies the best one to the draft. checkPage: no scripts, one h1, axe-core WCAG 2.1 AA, no sideways
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

    // The demo coordinator weighed six slots already: the form offers them again.
    assert.equal(await page.locator('#wd4').inputValue(), 'sat');
    assert.equal(await page.locator('#s4').inputValue(), '09:00');
    assert.equal(await page.locator('#choose').inputValue(), '2');
    res = await navigate(page, () => page.getByRole('button', { name: 'Beste Kombination berechnen' }).click());
    assert.equal(res.status(), 200);
    const text = await page.locator('main').innerText();
    assert.match(text, /Die besten Kombinationen/);
    assert.match(text, /Wer kann mit der besten Kombination/);
    await checkPage(pass, 'slots-result', { h1: /^Kurszeiten für .+ wählen$/ });
    // The best set is applied: the cohort page names the cohort's own session times.
    const best = await page.locator('main tbody tr').first().locator('td').first().innerText();
    res = await navigate(page, () => page.getByRole('button', { name: /^Diese Zeiten übernehmen/ }).first().click());
    assert.equal(res.status(), 200);
    assert.equal(new URL(page.url()).pathname, href);
    const cohort = await page.locator('main').innerText();
    assert.match(cohort, /Eigene Kurszeiten/);
    assert.ok(cohort.includes(best.split(', ')[0]), `${best} applied`);
  });
});
