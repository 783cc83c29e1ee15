'use strict';
// Participant pages for counselling staff at 375 px with JavaScript disabled: list, detail with
// the contact person, readiness check form, data-protection export. Every page gets checkPage
// (no scripts, one h1, axe-core WCAG 2.1 AA, no sideways scroll). One login only: the demo's
// login rate limit per address is shared with the other test files running in parallel.
const assert = require('node:assert/strict');
const { describe, before, after, test } = require('node:test');

const { url, launch, loggedInOnPhone, navigate, checkPage, pathOf } = require('./lib/browser');

describe('participants at 375×812, JavaScript disabled', () => {
  let browser;
  let pass;
  let page;
  let detailPath;

  before(async () => {
    browser = await launch();
    pass = await loggedInOnPhone(browser, 'beratung1@demo.example');
    page = pass.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('the participant list', async () => {
    const res = await navigate(page, () => page.goto(url('/verwaltung/teilnehmende')));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'participants-list', { h1: /Teilnehmende/ });
    const hrefs = await page.locator('main a[href^="/verwaltung/teilnehmende/"]').evaluateAll((links) =>
      links.map((a) => a.getAttribute('href')),
    );
    detailPath = hrefs.find((h) => /^\/verwaltung\/teilnehmende\/[0-9a-f-]{36}$/.test(h));
    assert.ok(detailPath, `a participant link among ${JSON.stringify(hrefs)}`);
  });

  test('a participant with the contact person', async () => {
    const res = await navigate(page, () => page.goto(url(detailPath)));
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), detailPath);
    await checkPage(pass, 'participant-detail');
    assert.match(await page.locator('main').innerText(), /Jonas Becker/, 'the contact person is shown');
  });

  test('the readiness check form', async () => {
    const res = await navigate(page, () => page.goto(url(`${detailPath}/eignungscheck`)));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'participant-readiness');
    assert.ok((await page.locator('main form fieldset').count()) >= 5, 'one fieldset per dimension');
  });

  test('the data-protection export (Auskunft)', async () => {
    const res = await navigate(page, () => page.goto(url(`${detailPath}/auskunft`)));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'participant-export');
  });
});
