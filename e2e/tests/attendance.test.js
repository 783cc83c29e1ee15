'use strict';
// The trainer's roll call at 375 px with JavaScript disabled: the overview of their sessions,
// the roll call of a session with large touch targets, saving it, and the session page's link.
// Every page gets checkPage (no scripts, one h1, axe-core WCAG 2.1 AA, no sideways scroll).
// One login only: the demo's login rate limit per address is shared with the other test files.
const assert = require('node:assert/strict');
const { describe, before, after, test } = require('node:test');

const { url, launch, loggedInOnPhone, navigate, checkPage, openMenu, pathOf } = require('./lib/browser');

describe('attendance at 375×812, JavaScript disabled', () => {
  let browser;
  let pass;
  let page;
  let rollCallPath;

  before(async () => {
    browser = await launch();
    pass = await loggedInOnPhone(browser, 'lehrkraft1@demo.example');
    page = pass.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('the overview lists the trainer’s sessions', async () => {
    await openMenu(page);
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    const res = await navigate(page, () => nav.getByRole('link', { name: 'Anwesenheit', exact: true }).click());
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/verwaltung/anwesenheit');
    await checkPage(pass, 'attendance-overview', { h1: 'Anwesenheit' });
    // Today's sessions and those of the last weeks still to record come first.
    const due = page.locator(
      'section[aria-labelledby="att-today-heading"] a.att-session-link, section[aria-labelledby="att-open-heading"] a.att-session-link',
    );
    assert.ok((await due.count()) > 0, 'the demo trainer has a session to record');
    rollCallPath = await due.first().getAttribute('href');
    assert.match(rollCallPath, /^\/verwaltung\/termine\/[0-9a-f-]{36}\/anwesenheit$/);
    // The links are large enough to tap.
    const box = await due.first().boundingBox();
    assert.ok(box.height >= 44, `link height ${box.height}`);
  });

  test('the roll call: one row per participant with three large choices, saved without JavaScript', async () => {
    const res = await navigate(page, () => page.goto(url(rollCallPath)));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'attendance-roll-call', { h1: /^Anwesenheit: / });
    const rows = page.locator('fieldset.att-row');
    const count = await rows.count();
    assert.ok(count >= 1, 'participants are listed');
    const first = rows.first();
    const name = (await first.locator('legend .att-name').textContent()).trim();
    assert.ok(name.length > 0);
    // Three choices, each a touch target of at least 44×44 px, side by side within 375 px.
    const choices = first.locator('label.att-choice');
    assert.equal(await choices.count(), 3);
    assert.deepEqual(
      (await choices.allTextContents()).map((s) => s.trim()),
      ['Anwesend', 'Entschuldigt', 'Abwesend'],
    );
    for (const box of await Promise.all((await choices.all()).map((c) => c.boundingBox()))) {
      assert.ok(box.height >= 44 && box.width >= 44, `choice ${box.width}×${box.height}`);
      assert.ok(box.x + box.width <= 375, 'fits the phone');
    }

    // Nothing is preselected: exactly the recorded people are marked, as the count says.
    const recordedBefore = Number((await page.locator('dl.facts').innerText()).match(/(\d+) von \d+ erfasst/)[1]);
    assert.equal(await page.locator('input.att-radio:checked').count(), recordedBefore, 'only recorded people are marked');
    if (recordedBefore === 0) {
      // Saving with nobody marked asks for a choice in German and keeps the page.
      const refused = await navigate(page, () => page.getByRole('button', { name: 'Anwesenheit speichern' }).click());
      assert.equal(refused.status(), 422);
      assert.match(await page.getByRole('alert').innerText(), /Es ist noch niemand markiert\./);
      await checkPage(pass, 'attendance-roll-call-nothing-marked', { h1: /^Anwesenheit: / });
    }

    // Mark the first person absent with a note, then save: only the marked person is saved.
    await first.locator('label.att-absent').click();
    // The note sits in a <details> (open already when a note exists).
    const details = first.locator('details.att-note');
    if ((await details.getAttribute('open')) === null) {
      await details.locator('summary').click();
    }
    await first.getByLabel(`Notiz zu ${name}`).fill('Nicht erschienen');
    const saved = await navigate(page, () => page.getByRole('button', { name: 'Anwesenheit speichern' }).click());
    assert.equal(saved.status(), 200);
    assert.equal(pathOf(page), rollCallPath);
    assert.match(await page.getByRole('status').innerText(), /Die Anwesenheit ist gespeichert\./);
    const again = page.locator('fieldset.att-row').filter({ hasText: name }).first();
    assert.equal(await again.locator('input[value="absent"]').isChecked(), true);
    assert.equal(await again.getByLabel(`Notiz zu ${name}`).inputValue(), 'Nicht erschienen');
    const marked = await page.locator('input.att-radio:checked').count();
    assert.match(await page.locator('dl.facts').innerText(), new RegExp(`${marked} von ${count} erfasst`));

    // The others present: everybody is recorded.
    for (const row of await page.locator('fieldset.att-row').all()) {
      if ((await row.locator('input.att-radio:checked').count()) === 0) await row.locator('label.att-present').click();
    }
    await navigate(page, () => page.getByRole('button', { name: 'Anwesenheit speichern' }).click());
    assert.match(await page.locator('dl.facts').innerText(), new RegExp(`${count} von ${count} erfasst`));
    await checkPage(pass, 'attendance-roll-call-saved', { h1: /^Anwesenheit: / });
  });

  test('the overview counts the roll call as complete', async () => {
    const res = await navigate(page, () => page.goto(url('/verwaltung/anwesenheit')));
    assert.equal(res.status(), 200);
    const item = page.locator('li.att-session').filter({ has: page.locator(`a[href="${rollCallPath}"]`) });
    // Today's session stays listed (now complete); a past one leaves the "still to record" list.
    for (const li of await item.all()) {
      assert.match(await li.innerText(), /(\d+) von \1 erfasst/);
    }
  });

  test('the session page of the cohort links to the roll call', async () => {
    const sessionPath = rollCallPath.replace(/\/anwesenheit$/, '');
    const res = await navigate(page, () => page.goto(url(sessionPath)));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'attendance-session-link');
    const link = page.getByRole('link', { name: 'Anwesenheit erfassen' });
    assert.equal(await link.getAttribute('href'), rollCallPath);
  });
});
