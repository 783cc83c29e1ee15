'use strict';
// CSV import of participants at 375 px with JavaScript disabled: the upload form, a real file
// chosen in the file input (Windows-1252, semicolons, one faulty row), the preview with the
// errors per row, the confirmation and the result. Every page gets checkPage (no scripts, one
// h1, axe-core WCAG 2.1 AA, no sideways scroll). One login only (shared rate limit); the
// account belongs to the second demo provider so the other tests' lists stay as they are.
const assert = require('node:assert/strict');
const { describe, before, after, test } = require('node:test');

const { url, launch, loggedInOnPhone, navigate, checkPage, pathOf } = require('./lib/browser');

/** Windows-1252 bytes of `text` (only Latin-1 letters are used here). */
function windows1252(text) {
  return Buffer.from(text, 'latin1');
}

describe('CSV import at 375×812, JavaScript disabled', () => {
  let browser;
  let pass;
  let page;
  let jobPath;
  const stamp = Date.now();
  const csv = [
    'Vorname;Nachname;E-Mail;Deutschniveau;Muttersprache;Wochenstunden;Einwilligung Datenverarbeitung',
    `Jürgen;Zöllner;zoellner.${stamp}@example.org;B1;Türkisch;19,5;01.09.2026`,
    `Sören;Zweig;zweig.${stamp}@example.org;A2;pl;30;2026-09-02`,
    `Olena;Zadorozhna;zadorozhna.${stamp}@example.org;X9;uk;20;01.09.2026`,
  ].join('\r\n') + '\r\n';

  before(async () => {
    browser = await launch();
    pass = await loggedInOnPhone(browser, 'beratung2@demo.example');
    page = pass.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('the participant list links to the upload form', async () => {
    await navigate(page, () => page.goto(url('/verwaltung/teilnehmende')));
    const res = await navigate(page, () => page.getByRole('link', { name: 'CSV importieren' }).click());
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/verwaltung/teilnehmende/import');
    await checkPage(pass, 'imports-form', { h1: /importieren/ });
    assert.match(await page.locator('main').innerText(), /Erwartete Spalten/);
  });

  test('uploading a file shows the preview with the errors per row', async () => {
    await page.getByLabel('CSV-Datei').setInputFiles({
      name: 'Teilnehmende Büro.csv',
      mimeType: 'text/csv',
      buffer: windows1252(csv),
    });
    const res = await navigate(page, () => page.getByRole('button', { name: 'Vorschau anzeigen' }).click());
    assert.equal(res.status(), 200);
    jobPath = pathOf(page);
    assert.match(jobPath, /^\/verwaltung\/teilnehmende\/import\/[0-9a-f-]{36}$/);
    await checkPage(pass, 'imports-preview', { h1: 'Vorschau des Imports' });
    const main = await page.locator('main').innerText();
    assert.match(main, /„X9“ ist kein Sprachniveau/);
    assert.match(main, /Jürgen Zöllner/, 'umlauts of the Windows-1252 file');
    assert.equal(await page.locator('table.imports-errors tbody tr').count(), 1);
  });

  test('confirming imports the valid rows and shows the result', async () => {
    await navigate(page, () => page.getByRole('button', { name: 'Importieren bestätigen' }).click());
    // While it runs the page reloads itself (Refresh header); wait for the result.
    for (let i = 0; i < 20 && !/Import abgeschlossen/.test(await page.locator('h1').innerText()); i++) {
      await navigate(page, () => page.goto(url(jobPath)));
    }
    await checkPage(pass, 'imports-result', { h1: 'Import abgeschlossen' });
    assert.match(await page.locator('main').innerText(), /Importierte Teilnehmende: 2/);
    const res = await navigate(page, () => page.getByRole('link', { name: 'Zur Liste der Teilnehmenden' }).click());
    assert.equal(res.status(), 200);
    const list = await page.locator('main').innerText();
    assert.match(list, /Jürgen Zöllner/);
    assert.match(list, /Sören Zweig/);
    assert.doesNotMatch(list, /Zadorozhna/);
  });
});
