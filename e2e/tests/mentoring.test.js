'use strict';
// Mentoring at 375 px with JavaScript disabled: the demo mentor's page in plain German (her
// tandems with what the tandem needs of the mentee, a meeting logged with the form, a sign-up
// for an event), and the staff page with the proposals, the running tandems and the budget
// warning. Every page gets checkPage (no scripts, one h1, axe-core WCAG 2.1 AA, no sideways
// scroll).
const assert = require('node:assert/strict');
const { describe, before, after, test } = require('node:test');

const { url, launch, loggedInOnPhone, navigate, checkPage, pathOf } = require('./lib/browser');

describe('mentoring at 375×812, JavaScript disabled', () => {
  let browser;

  before(async () => {
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  test('the mentor logs a meeting and signs up for the networking evening', async () => {
    const pass = await loggedInOnPhone(browser, 'mentorin1@demo.example');
    const page = pass.page;
    assert.equal(pathOf(page), '/mentoring');
    await checkPage(pass, 'mentor-page', { h1: 'Mein Mentoring' });
    const text = await page.locator('main').innerText();
    assert.match(text, /Oleh Bondarenko/, 'her mentee');
    assert.match(text, /Workshops und Netzwerktreffen/);

    const block = page.locator('main section.portal-box').filter({ hasText: 'Oleh Bondarenko' }).first();
    await block.getByLabel('Worum ging es?').fill('Vorstellungsgespräch geübt');
    await block.getByLabel('Dauer in Minuten').fill('45');
    const res = await navigate(page, () => block.getByRole('button', { name: 'Eintragen' }).click());
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/mentoring');
    assert.match(await page.locator('main').innerText(), /Vorstellungsgespräch geübt/);

    const signUp = page.getByRole('button', { name: 'Anmelden', exact: true }).first();
    const signed = await navigate(page, () => signUp.click());
    assert.equal(signed.status(), 200);
    assert.match(await page.locator('main').innerText(), /Sie sind angemeldet\./);
    await checkPage(pass, 'mentor-page-after', { h1: 'Mein Mentoring' });
  });

  test('staff see proposals, running tandems and the budget warning', async () => {
    const pass = await loggedInOnPhone(browser, 'beratung1@demo.example');
    const page = pass.page;
    const res = await navigate(page, () => page.goto(url('/verwaltung/mentoring')));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'mentoring-staff', { h1: 'Mentoring' });
    const text = await page.locator('main').innerText();
    assert.match(text, /Vorschläge/);
    assert.match(text, /Laufende Tandems/);
    assert.match(text, /Zeitbudget überschritten/);
    assert.match(text, /keine Einwilligung/, 'a participant waits for want of consent');
  });
});
