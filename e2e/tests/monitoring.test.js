'use strict';
// Monitoring at 375 px with JavaScript disabled: the demo coordinator sees the finished
// evening course of shift workers flagged "not run part-time" with its causes, two bar charts
// each with its table, and downloads the CSV; the admin's network view. checkPage: no
// scripts, one h1, axe-core WCAG 2.1 AA, no sideways scroll.
const assert = require('node:assert/strict');
const { describe, before, after, test } = require('node:test');

const { url, launch, loggedInOnPhone, navigate, checkPage } = require('./lib/browser');

function period() {
  const to = new Date();
  const from = new Date(to.getTime() - 700 * 24 * 3600 * 1000);
  const day = (d) => d.toISOString().slice(0, 10);
  return `from=${day(from)}&to=${day(to)}`;
}

describe('monitoring at 375×812, JavaScript disabled', () => {
  let browser;

  before(async () => {
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  test('the coordinator sees the cohort that was not run part-time', async () => {
    const pass = await loggedInOnPhone(browser, 'koordination1@demo.example');
    const page = pass.page;
    const res = await navigate(page, () => page.goto(url(`/verwaltung/monitoring?${period()}`)));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'monitoring', { h1: /^Monitoring/ });
    const flagged = await page.locator('section[aria-labelledby="flagged-heading"]').innerText();
    assert.match(flagged, /Frühjahr 2026 – Essen, Schichtgruppe/);
    assert.match(flagged, /der Stunden lagen ohne Freistellung in der Arbeitszeit/);
    assert.match(flagged, /Werkstattraum belegt/);
    assert.equal(await page.locator('main svg').count(), 2, 'two charts');
    const csv = await page.request.get(url(`/verwaltung/monitoring.csv?${period()}`));
    assert.equal(csv.status(), 200);
    assert.match(await csv.text(), /Frühjahr 2026 – Essen, Schichtgruppe/);
  });

  test('the admin sees the network without people', async () => {
    const pass = await loggedInOnPhone(browser, 'admin@demo.example');
    const page = pass.page;
    const res = await navigate(page, () => page.goto(url(`/admin/netzwerk?${period()}`)));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'network', { h1: /^Netzwerk/ });
    const text = await page.locator('main').innerText();
    assert.match(text, /Gesamt/);
    assert.doesNotMatch(text, /Schichtgruppe/, 'no cohorts');
  });
});
