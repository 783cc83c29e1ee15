'use strict';
// Working times at 375 px with JavaScript disabled: the check on the participant page of a
// demo participant with a three-shift rotation, then entering working times for another demo
// participant (a refused row first, then saved), and the check that follows on the page.
// Every page gets checkPage (no scripts, one h1, axe-core WCAG 2.1 AA, no sideways scroll).
//
// Works on provider 2's Dawit Tesfaye, whom no other test file touches, and only reads Amina
// Haddad's page. One login (koordination2 logs in nowhere else).
const assert = require('node:assert/strict');
const { describe, test, before, after } = require('node:test');

const { PASSWORD, url, launch, openPass, navigate, checkPage, submitLogin, pathOf } = require('./lib/browser');

const COORDINATOR = 'koordination2@demo.example';

async function text(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

describe('working times at 375×812, JavaScript disabled', { timeout: 180_000 }, () => {
  let browser;
  let pass;
  let page;

  const go = async (path) => {
    const res = await navigate(page, () => page.goto(url(path)));
    assert.equal(res.status(), 200, `GET ${path}`);
  };
  const click = (locator) => navigate(page, () => locator.click());
  const openPerson = async (name) => {
    await go('/verwaltung/teilnehmende');
    await click(page.getByRole('link', { name, exact: true }));
    return pathOf(page);
  };

  before(async () => {
    browser = await launch();
    pass = await openPass(browser, { width: 375, height: 812 });
    page = pass.page;
    await page.goto(url('/anmelden'));
    const res = await submitLogin(page, COORDINATOR, PASSWORD);
    assert.equal(res.status(), 200, `${COORDINATOR} logs in`);
  });

  after(async () => {
    await browser?.close();
  });

  test('a three-shift rotation: sessions in working time and the weekly load', async () => {
    await openPerson('Amina Haddad');
    const section = page.getByRole('region', { name: 'Arbeitszeit', exact: true });
    const all = await text(section);
    assert.match(all, /durchschnittlich 40 Stunden pro Woche\. Wechsel alle 3 Wochen\./);
    assert.match(all, /Belastung mit Arbeit, Terminen, Selbstlernzeit und Weg: durchschnittlich [\d,]+ Stunden pro Woche/);
    assert.match(all, /Termine in der Arbeitszeit: \d+, zusammen [\d,]+ Stunden\./);
    // The sessions in working time and the weeks are behind <details>, open without JavaScript.
    const collisions = section.getByRole('table', { name: 'Termine in der Arbeitszeit' }).first();
    assert.equal(await collisions.isVisible(), false);
    await section.locator('summary', { hasText: 'Termine in der Arbeitszeit anzeigen' }).first().click();
    assert.ok(await collisions.isVisible(), 'the sessions in working time open');
    assert.match(await text(collisions.locator('tbody tr').first()), /\d{2}:\d{2}–\d{2}:\d{2}/, 'a shift with its times');
    await section.locator('summary', { hasText: 'Belastung Woche für Woche' }).first().click();
    assert.ok(await section.getByRole('table', { name: 'Stunden pro Woche' }).first().isVisible(), 'the weekly table opens');
    await checkPage(pass, 'wp-amina', { h1: 'Amina Haddad' });
  });

  test('entering working times: a refused row, then saved, then checked', async () => {
    const detail = await openPerson('Dawit Tesfaye');
    assert.match(
      await text(page.getByRole('region', { name: 'Arbeitszeit', exact: true })),
      /Es ist noch keine Arbeitszeit eingetragen\./,
    );
    await click(page.getByRole('link', { name: 'Arbeitszeit eintragen oder ändern' }));
    assert.equal(pathOf(page), `${detail}/arbeitszeit`);
    await checkPage(pass, 'wp-form', { h1: 'Arbeitszeit: Dawit Tesfaye' });

    // Monday to Sunday are offered; Monday starts and ends at the same time: refused.
    assert.equal(await page.locator('#day_0').inputValue(), 'mon');
    assert.equal(await page.locator('#day_6').inputValue(), 'sun');
    await page.locator('#start_0').fill('14:00');
    await page.locator('#end_0').fill('14:00');
    await page.locator('#start_1').fill('14:00');
    await page.locator('#end_1').fill('22:00');
    await page.locator('#travel_minutes').fill('30');
    let res = await click(page.getByRole('button', { name: 'Arbeitszeit speichern' }));
    assert.equal(res.status(), 422);
    assert.equal(await page.locator('#end_0').getAttribute('aria-invalid'), 'true');
    assert.equal(
      await text(page.locator('#row-0-error')),
      'Zeile 1: Beginn und Ende sind gleich. Eine Schicht dauert weniger als 24 Stunden.',
    );
    assert.equal(await page.locator('#start_1').inputValue(), '14:00', 'input is kept');
    await checkPage(pass, 'wp-form-error', { h1: 'Arbeitszeit: Dawit Tesfaye' });

    // Late shifts Monday to Friday.
    for (let i = 0; i < 5; i += 1) {
      await page.locator(`#start_${i}`).fill('14:00');
      await page.locator(`#end_${i}`).fill('22:00');
    }
    res = await click(page.getByRole('button', { name: 'Arbeitszeit speichern' }));
    assert.equal(res.status(), 200);
    assert.match(await text(page.getByRole('status').first()), /Die Arbeitszeit ist gespeichert\./);
    const current = await text(page.getByRole('region', { name: 'Eingetragene Arbeitszeit' }));
    assert.match(current, /40 Stunden/);
    assert.match(current, /30 Minuten/);
    await checkPage(pass, 'wp-saved', { h1: 'Arbeitszeit: Dawit Tesfaye' });

    await click(page.getByRole('link', { name: 'Zurück zur Person' }));
    const section = await text(page.getByRole('region', { name: 'Arbeitszeit', exact: true }));
    assert.match(section, /durchschnittlich 40 Stunden pro Woche\./);
    assert.doesNotMatch(section, /Es ist noch keine Arbeitszeit eingetragen/);
    await checkPage(pass, 'wp-detail', { h1: 'Dawit Tesfaye' });
  });
});
