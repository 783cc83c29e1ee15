'use strict';
// The staff participant flows at 375 px with JavaScript disabled, through real form posts:
// a new participant (German field errors first, then saved with a contact person), the contact
// log, two readiness checks (the second shows the change), an enrolment through its whole
// lifecycle (with refused steps), a device lent and returned, a referral moved through its
// statuses, and the Auskunft that lists all of it. Every page gets checkPage (no scripts, one
// h1, axe-core WCAG 2.1 AA, no sideways scroll).
//
// Runs in parallel with the other files against one demo server: it works only on its own
// participant (unique name), its own device, its own referral, and a cohort that starts next
// year or later (no sessions yet, so no roll call of the attendance tests changes). One login
// only (the per-account login limit is shared with the other files); beratung2 is the
// counsellor with the fewest logins in the other files.
const assert = require('node:assert/strict');
const nodeTest = require('node:test');

const { describe, before, after } = nodeTest;
const { PASSWORD, url, launch, openPass, navigate, checkPage, submitLogin, h1, pathOf } = require('./lib/browser');

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const COUNSELLOR = 'beratung2@demo.example';
const COUNSELLOR_NAME = 'Olena Shevchenko';
// The contact person is another member of staff, so the page shows what was chosen.
const CONTACT_PERSON = 'Thomas Wagner';
const CONTACT_PERSON_EMAIL = 'koordination2@demo.example';

/** A date `days` from today as the date input wants it (YYYY-MM-DD) and as pages show it. */
// Today plus `days` as the server counts days: in Europe/Berlin (between 23:00 and 24:00
// UTC the machine's date is a day behind).
function day(days = 0) {
  const berlin = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const d = new Date(`${berlin}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const iso = d.toISOString().slice(0, 10);
  return { iso, de: iso.split('-').reverse().join('.') };
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The visible text of a locator, with runs of whitespace collapsed. */
async function text(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** The rows of a table as arrays of cell texts. */
async function rowsOf(table) {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((td) => td.textContent.replace(/\s+/g, ' ').trim())),
  );
}

/** The labels of a select's options. */
async function optionLabels(select) {
  return select.locator('option').evaluateAll((os) => os.map((o) => o.textContent.trim()));
}

/**
 * Adds an option the page does not offer to a select and chooses it, as a stale page or a
 * hand-made request would send it: the server must refuse it on its own.
 */
async function forceOption(select, value) {
  await select.evaluate((s, v) => {
    const o = s.ownerDocument.createElement('option');
    o.value = v;
    o.textContent = v;
    s.appendChild(o);
    s.value = v;
  }, value);
}

describe('participant flows at 375×812, JavaScript disabled', { timeout: 300_000 }, () => {
  // The steps build on each other: after the first failure the rest is skipped.
  let failedStep = null;
  const test = (name, fn) =>
    nodeTest.test(name, { timeout: 90_000 }, async (t) => {
      if (failedStep) {
        t.skip(`skipped: the earlier step "${failedStep}" failed`);
        return;
      }
      try {
        await fn(t);
      } catch (err) {
        failedStep = name;
        throw err;
      }
    });

  const tag = Date.now().toString(36);
  const givenName = 'Ayşe';
  const familyName = `Demir-E2E-${tag}`;
  const fullName = `${givenName} ${familyName}`;
  // How the participant selects of the loan and referral forms name people.
  const listName = `${familyName}, ${givenName}`;
  const email = `ayse.demir.${tag}@mail.example`;
  const topic = `Erstgespräch ${tag}`;
  const note = 'Arbeitet im Schichtdienst; abends erreichbar.';
  const deviceLabel = `E2E-Tablet ${tag}`;
  const reason = `Fragen zu Mietschulden ${tag}`;

  let browser;
  let pass;
  let page;
  let detailPath;
  let cohortName;

  const check = (name, opts) => checkPage(pass, name, opts);
  const click = (locator) => navigate(page, () => locator.click());
  const go = async (path, status = 200) => {
    const res = await navigate(page, () => page.goto(url(path)));
    assert.equal(res.status(), status, `GET ${path}`);
    return res;
  };
  const button = (name, scope = page) => scope.getByRole('button', { name, exact: true });
  // The search above a form's participant select (loans, referrals), for this test's person.
  const findPerson = async () => {
    const picker = page.locator('form[role="search"]').filter({ has: page.locator('#person-q') });
    await picker.getByLabel('Teilnehmende für das Formular suchen (Name, E-Mail, Telefon)').fill(familyName);
    return click(button('Suchen', picker));
  };
  const contactBox = () => page.getByRole('region', { name: 'Feste Ansprechperson' });

  before(async () => {
    browser = await launch();
    pass = await openPass(browser, { width: 375, height: 812 });
    page = pass.page;
    await page.goto(url('/anmelden'));
    const res = await submitLogin(page, COUNSELLOR, PASSWORD);
    assert.equal(res.status(), 200, `${COUNSELLOR} logs in`);
    assert.equal(pathOf(page), '/start');
  });

  after(async () => {
    await browser?.close();
  });

  test('new participant: German errors next to the fields (422, input kept)', async () => {
    await go('/verwaltung/teilnehmende');
    await click(page.getByRole('link', { name: 'Neue Person eintragen' }));
    assert.equal(pathOf(page), '/verwaltung/teilnehmende/neu');
    await check('pf-new', { h1: 'Neue Person eintragen' });

    await page.getByLabel('Vorname', { exact: false }).fill(givenName);
    await page.getByLabel('Nachname', { exact: false }).fill(familyName);
    await page.getByLabel('Muttersprache', { exact: true }).fill('Klingonisch');
    await page.getByLabel('E-Mail', { exact: true }).fill('ayse.demir-at-mail.example');
    await page.getByLabel('Bevorzugter Kontaktweg').selectOption({ label: 'Messenger' });
    await page.getByLabel('Ansprechperson', { exact: true }).selectOption({ label: CONTACT_PERSON });
    await page.getByLabel('Erreichbar', { exact: true }).fill('Mo–Fr ab 18 Uhr');
    // A level the select does not offer (a stale form): the server checks it too.
    await forceOption(page.getByLabel('Deutschniveau', { exact: true }), 'B4');
    await page.getByLabel('Einwilligung Datenverarbeitung liegt vor').check();

    const res = await click(button('Speichern'));
    assert.equal(res.status(), 422);
    assert.equal(pathOf(page), '/verwaltung/teilnehmende');
    const expected = {
      email: /^„ayse\.demir-at-mail\.example“ ist keine gültige E-Mail-Adresse\.$/,
      mother_tongue: /^Die Sprache „Klingonisch“ kennen wir nicht\./,
      german_level: /^„B4“ ist kein Sprachniveau\. Möglich sind A1, A2, B1, B2, C1 und C2\.$/,
    };
    for (const [field, message] of Object.entries(expected)) {
      const input = page.locator(`#${field}`);
      assert.equal(await input.getAttribute('aria-invalid'), 'true', `${field} is marked invalid`);
      assert.equal(await input.getAttribute('aria-describedby'), `${field}-error`, `${field} names its error`);
      // The message sits right after the field, inside the same .field.
      const error = page.locator(`.field:has(#${field}) > #${field}-error.field-error`);
      assert.match(await text(error), message, `${field}: German message next to the field`);
      // The summary at the top links to the field.
      assert.equal(await page.getByRole('alert').locator(`a[href="#${field}"]`).count(), 1, `${field} in the summary`);
    }
    for (const field of ['given_name', 'family_name', 'preferred_channel', 'contact_person']) {
      assert.equal(await page.locator(`#${field}`).getAttribute('aria-invalid'), null, `${field} is fine`);
    }
    assert.equal(await page.locator('#given_name').inputValue(), givenName, 'input is kept');
    assert.equal(await page.locator('#family_name').inputValue(), familyName);
    assert.equal(await page.locator('#email').inputValue(), 'ayse.demir-at-mail.example');
    assert.equal(await page.locator('#preferred_channel').inputValue(), 'messenger');
    assert.equal(
      (await page.locator('#contact_person option:checked').textContent()).trim(),
      CONTACT_PERSON,
      'the contact person is kept',
    );
    assert.equal(await page.locator('#consent').isChecked(), true, 'the consent is kept');
    await check('pf-new-errors', { h1: 'Neue Person eintragen' });
  });

  test('new participant: saved; the record shows the contact box with person and channel', async () => {
    await page.getByLabel('Muttersprache', { exact: true }).fill('Türkisch');
    await page.getByLabel('E-Mail', { exact: true }).fill(email);
    await page.getByLabel('Deutschniveau', { exact: true }).selectOption('B1');
    const res = await click(button('Speichern'));
    assert.equal(res.status(), 200);
    assert.match(pathOf(page), new RegExp(`^/verwaltung/teilnehmende/${UUID}$`));
    detailPath = pathOf(page);
    assert.equal(await h1(page), fullName);

    const box = contactBox();
    const facts = await box.locator('dl').evaluate((dl) =>
      Object.fromEntries(
        [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.replace(/\s+/g, ' ').trim()]),
      ),
    );
    assert.equal(facts['Teilnehmende Person'], fullName);
    assert.equal(facts.Ansprechperson, `${CONTACT_PERSON} · ${CONTACT_PERSON_EMAIL}`);
    assert.equal(facts['Bevorzugter Kontaktweg'], 'Messenger');
    assert.equal(facts.Erreichbar, 'Mo–Fr ab 18 Uhr');
    assert.equal(facts['E-Mail'], email);
    assert.equal(await box.getByRole('link', { name: CONTACT_PERSON_EMAIL }).getAttribute('href'), `mailto:${CONTACT_PERSON_EMAIL}`);

    const record = await text(page.getByRole('region', { name: 'Angaben', exact: true }));
    assert.match(record, /Muttersprache Türkisch\b/, 'the language by its name in the page language');
    assert.match(record, /Deutschniveau B1\b/);
    const consents = await rowsOf(page.getByRole('region', { name: 'Einwilligungen mit Datum' }).locator('table'));
    assert.deepEqual(consents.map((r) => r.slice(0, 3)), [['Verarbeitung der Daten', day().de, '–']]);
    await check('pf-detail', { h1: fullName });

    // The list shows the person with the contact person and the level.
    await go('/verwaltung/teilnehmende');
    const row = page.locator('tbody tr').filter({ has: page.getByRole('link', { name: fullName, exact: true }) });
    assert.equal(await row.count(), 1, 'listed once');
    assert.deepEqual(
      (await row.locator('td').allTextContents()).map((s) => s.trim()),
      [fullName, CONTACT_PERSON, 'B1', '–'],
    );
  });

  test('contact log: a topic is required, then the entry is in the table', async () => {
    await go(detailPath);
    const form = () => page.locator(`form[action="${detailPath}/kontakte"]`);
    assert.match(await text(page.getByRole('region', { name: 'Kontakte', exact: true })), /Noch keine Kontakte eingetragen\./);
    assert.equal(await form().getByLabel('Datum', { exact: true }).inputValue(), day().iso, 'today is preset');
    await form().getByLabel('Kontaktweg', { exact: true }).selectOption({ label: 'Telefon' });
    await form().getByLabel('Notiz', { exact: true }).fill(note);
    let res = await click(button('Kontakt speichern', form()));
    assert.equal(res.status(), 422);
    assert.equal(await page.locator('#contact_topic').getAttribute('aria-invalid'), 'true');
    assert.equal(await text(page.locator('#contact_topic-error')), 'Bitte ein Thema eintragen.');
    await check('pf-contact-error', { h1: fullName });

    await form().getByLabel('Kontaktweg', { exact: true }).selectOption({ label: 'Telefon' });
    await form().getByLabel('Thema', { exact: true }).fill(topic);
    await form().getByLabel('Notiz', { exact: true }).fill(note);
    res = await click(button('Kontakt speichern', form()));
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), detailPath);
    const rows = await rowsOf(page.getByRole('region', { name: 'Kontakte, neueste zuerst' }).locator('table'));
    assert.deepEqual(rows, [[day().de, 'Telefon', topic, note, COUNSELLOR_NAME]]);
    await check('pf-contact-saved', { h1: fullName });
  });

  test('readiness check: traffic lights, recommendation and suggested actions', async () => {
    await go(detailPath);
    await click(page.getByRole('link', { name: 'Eignungs- und Belastungscheck', exact: true }).first());
    assert.equal(pathOf(page), `${detailPath}/eignungscheck`);
    assert.match(await text(contactBox()), new RegExp(CONTACT_PERSON));
    // Without a consent to health data the health question is hidden and explained.
    assert.equal(await page.locator('input[name="health"]').count(), 0);
    assert.match(await text(page.locator('#health-notice')), /Fragen zur Gesundheit sind ausgeblendet/);
    await check('pf-readiness-form', { h1: 'Eignungs- und Belastungscheck' });

    const answer = (question, label) =>
      page.getByRole('group', { name: question, exact: true }).getByLabel(label, { exact: true }).check();
    await page.getByLabel('Wie viele Stunden pro Woche sind frei zum Lernen?').fill('6');
    await page.getByLabel('Wie viele Stunden pro Woche braucht das Angebot?').fill('8');
    await page.getByLabel('Wie viele Minuten dauert der Weg zum Kurs?').fill('75');
    await answer('Sind die Kinder zu den Kurszeiten betreut?', 'Nur zum Teil.');
    await answer('Pflegt die Person Angehörige?', 'Nein.');
    await answer('Gibt es zu Hause einen ruhigen Platz zum Lernen?', 'Nein.');
    await answer('Wie ist das Internet zu Hause?', 'Gut.');
    await answer('Gibt es ein Gerät zum Lernen (Laptop oder Tablet)?', 'Nein.');
    await answer('Wie gut klappt der Umgang mit dem Computer?', 'Ein wenig.');
    await answer('Reicht das Geld, wenn die Person weniger Stunden arbeitet?', 'Es wird knapp.');
    // "Gibt es Schulden?" and "Passt die jetzige Arbeit …?" stay unanswered.
    const res = await click(button('Check auswerten und speichern'));
    assert.equal(res.status(), 200);
    assert.match(pathOf(page), new RegExp(`^${detailPath}/eignungscheck/${UUID}$`));
    assert.match(await text(page.locator('main')), new RegExp(`Check vom ${escapeRegExp(day().de)}\\. Beratung: ${COUNSELLOR_NAME}\\.`));

    const lights = page.getByRole('region', { name: 'Ampel je Bereich' });
    const items = await lights.locator('li.pp-light').evaluateAll((lis) =>
      lis.map((li) => ({ light: [...li.classList].find((c) => /^pp-light-(green|yellow|red)$/.test(c)), text: li.textContent.replace(/\s+/g, ' ').trim() })),
    );
    const lightOf = (dimension) => items.find((i) => new RegExp(`^[●▲■] ${dimension}:`).test(i.text));
    assert.equal(lightOf('Zeit')?.light, 'pp-light-red', JSON.stringify(items));
    assert.match(lightOf('Zeit').text, /Rot: braucht eine Lösung\. 6 Stunden pro Woche sind frei\. Das Angebot braucht 8 Stunden\./);
    assert.equal(lightOf('Gerät')?.light, 'pp-light-red');
    assert.match(lightOf('Gerät').text, /Es gibt kein Gerät\./);
    assert.equal(lightOf('Internet')?.light, 'pp-light-green');
    assert.match(lightOf('Internet').text, /Grün: passt\. Das Internet ist gut\./);
    assert.equal(lightOf('Kinderbetreuung')?.light, 'pp-light-yellow');
    // The light is not told by colour alone: every item has a symbol and the words.
    for (const i of items) assert.match(i.text, /^[●▲■] .+: (Grün|Gelb|Rot): /, i.text);
    assert.match(await text(lights), /Ohne Antwort: .*Bezug zur Arbeit/);

    // The recommendation is the strong line of its section (more may follow, e.g. its basis).
    const overall = await text(page.getByRole('region', { name: 'Empfehlung', exact: true }).locator('strong').first());
    assert.match(
      overall,
      /^(Die Teilnahme passt gut\.|Die Teilnahme passt, mit Unterstützung\.|Besser ein längeres Zeitmodell wählen\.|Besser jetzt noch nicht starten\. Später noch einmal prüfen\.)$/,
    );
    assert.doesNotMatch(overall, /passt gut/, 'with two red lights the fit is not plain good');
    const actions = await page.getByRole('region', { name: 'Vorschläge für die nächsten Schritte' }).locator('li').allTextContents();
    assert.ok(actions.includes('Ein Gerät ausleihen.'), `actions: ${actions}`);
    assert.ok(actions.includes('Einen ruhigen Raum mit Internet beim Träger anbieten.'), `actions: ${actions}`);
    assert.equal(await page.getByRole('heading', { name: /^Änderungen seit dem Check vom/ }).count(), 0, 'the first check has nothing to compare');
    await check('pf-readiness-result-1', { h1: 'Ergebnis des Checks' });
  });

  test('readiness check: a second check shows the change against the first', async () => {
    await click(page.getByRole('link', { name: 'Zurück zur Person' }));
    assert.equal(pathOf(page), detailPath);
    await click(page.getByRole('link', { name: 'Eignungs- und Belastungscheck', exact: true }).first());
    const answer = (question, label) =>
      page.getByRole('group', { name: question, exact: true }).getByLabel(label, { exact: true }).check();
    await page.getByLabel('Wie viele Stunden pro Woche sind frei zum Lernen?').fill('12');
    await page.getByLabel('Wie viele Stunden pro Woche braucht das Angebot?').fill('8');
    await page.getByLabel('Wie viele Minuten dauert der Weg zum Kurs?').fill('75');
    await answer('Sind die Kinder zu den Kurszeiten betreut?', 'Nur zum Teil.');
    await answer('Pflegt die Person Angehörige?', 'Nein.');
    await answer('Gibt es zu Hause einen ruhigen Platz zum Lernen?', 'Ja.');
    await answer('Wie ist das Internet zu Hause?', 'Nicht stabil.');
    await answer('Gibt es ein Gerät zum Lernen (Laptop oder Tablet)?', 'Ja, ein eigenes.');
    await answer('Wie gut klappt der Umgang mit dem Computer?', 'Ein wenig.');
    await answer('Reicht das Geld, wenn die Person weniger Stunden arbeitet?', 'Es wird knapp.');
    await answer('Passt die jetzige Arbeit zum Inhalt der Qualifizierung?', 'Ja.');
    const res = await click(button('Check auswerten und speichern'));
    assert.equal(res.status(), 200);
    assert.match(pathOf(page), new RegExp(`^${detailPath}/eignungscheck/${UUID}$`));

    const heading = page.getByRole('heading', { name: `Änderungen seit dem Check vom ${day().de}`, level: 2 });
    assert.equal(await heading.count(), 1, 'the change against the first check');
    const changes = await rowsOf(page.getByRole('region', { name: 'Bereiche mit einer anderen Ampel als beim letzten Check' }).locator('table'));
    const change = (dimension) => changes.find((r) => r[0] === dimension);
    assert.deepEqual(change('Zeit'), ['Zeit', 'Rot: braucht eine Lösung', 'Grün: passt', 'Besser'], JSON.stringify(changes));
    assert.deepEqual(change('Gerät'), ['Gerät', 'Rot: braucht eine Lösung', 'Grün: passt', 'Besser']);
    assert.equal(change('Internet')?.[3], 'Schlechter', JSON.stringify(changes));
    assert.equal(change('Bezug zur Arbeit')?.[3], 'Neu beantwortet', JSON.stringify(changes));
    assert.equal(change('Kinderbetreuung'), undefined, 'unchanged lights are not listed');
    const actions = await page.getByRole('region', { name: 'Vorschläge für die nächsten Schritte' }).locator('li').allTextContents();
    assert.ok(!actions.includes('Ein Gerät ausleihen.'), `no device needed any more: ${actions}`);
    await check('pf-readiness-result-2', { h1: 'Ergebnis des Checks' });

    // The record lists both checks, newest first.
    await go(detailPath);
    const checks = await rowsOf(page.getByRole('region', { name: 'Bisherige Checks, neueste zuerst' }).locator('table'));
    assert.equal(checks.length, 2, JSON.stringify(checks));
    for (const r of checks) assert.deepEqual(r.slice(0, 2), [day().de, COUNSELLOR_NAME]);
  });

  test('enrolment: a cohort chosen; only possible steps offered, an impossible one refused', async () => {
    await go(detailPath);
    const cohort = page.getByLabel('Durchgang', { exact: true });
    // A cohort that starts next year or later: it has no sessions yet, so no other test's roll
    // call or attendance count changes when this person takes part.
    const year = new Date().getFullYear();
    cohortName = (await optionLabels(cohort)).find(
      (l) => !/^E2E/.test(l) && (l.match(/\b20\d\d\b/g) || []).some((y) => Number(y) > year),
    );
    assert.ok(cohortName, `a future cohort among ${JSON.stringify(await optionLabels(cohort))}`);
    await cohort.selectOption({ label: cohortName });
    let res = await click(button('Für diesen Durchgang vormerken'));
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), detailPath);
    const enrolment = enrolmentArticle();
    assert.equal(await enrolment.count(), 1);
    assert.equal(await text(enrolment.getByRole('heading', { level: 3 })), `${cohortName}: Interessiert`);
    // From "interested" only counselling (or dropping out) can follow.
    assert.deepEqual(await optionLabels(enrolment.getByLabel('Schritt', { exact: true })), ['Beratung eingetragen', 'Abgebrochen']);
    await check('pf-enrolled', { h1: fullName });

    // Enrolling the same person twice in one cohort is refused next to the select.
    await page.getByLabel('Durchgang', { exact: true }).selectOption({ label: cohortName });
    res = await click(button('Für diesen Durchgang vormerken'));
    assert.equal(res.status(), 422);
    assert.equal(await page.locator('#cohort_id').getAttribute('aria-invalid'), 'true');
    assert.equal(await text(page.locator('#cohort_id-error')), 'Die Person ist für diesen Durchgang schon vorgemerkt.');
    assert.equal(await enrolmentArticle().count(), 1, 'still one enrolment');
    await check('pf-enrol-duplicate', { h1: fullName });

    // A step the page does not offer (a stale page): refused with a clear message.
    await forceOption(enrolmentArticle().getByLabel('Schritt', { exact: true }), 'activate');
    res = await click(button('Schritt speichern', enrolmentArticle()));
    assert.equal(res.status(), 422);
    const alert = enrolmentArticle().getByRole('alert');
    assert.equal(
      await text(alert),
      'Die Person ist noch nicht angemeldet. Bitte zuerst die Anmeldung eintragen.',
    );
    const select = enrolmentArticle().getByLabel('Schritt', { exact: true });
    assert.equal(await select.getAttribute('aria-invalid'), 'true');
    assert.equal(await select.getAttribute('aria-describedby'), await alert.locator('p').getAttribute('id'));
    assert.equal(await text(enrolmentArticle().getByRole('heading', { level: 3 })), `${cohortName}: Interessiert`, 'nothing changed');
    await check('pf-step-refused', { h1: fullName });
  });

  /** The article of this person's enrolment in `cohortName`. */
  function enrolmentArticle() {
    return page.locator('article.pp-enrolment').filter({
      has: page.getByRole('heading', { level: 3, name: new RegExp(`^${escapeRegExp(cohortName)}: `) }),
    });
  }

  /** Chooses the next step (and fills what it needs), saves, and returns the response. */
  async function step(label, fill = async () => {}) {
    await go(detailPath);
    const article = enrolmentArticle();
    await article.getByLabel('Schritt', { exact: true }).selectOption({ label });
    await fill(article);
    return click(button('Schritt speichern', article));
  }

  async function status() {
    return text(enrolmentArticle().getByRole('heading', { level: 3 }));
  }

  test('enrolment lifecycle: counselled → enrolled → active → paused (reason, return) → resumed', async () => {
    for (const [label, after] of [
      ['Beratung eingetragen', 'Beraten'],
      ['Angemeldet', 'Angemeldet'],
      ['Teilnahme begonnen', 'Nimmt teil'],
    ]) {
      const res = await step(label);
      assert.equal(res.status(), 200, `${label}: saved`);
      assert.equal(pathOf(page), detailPath);
      assert.equal(await status(), `${cohortName}: ${after}`);
    }
    assert.deepEqual(await optionLabels(enrolmentArticle().getByLabel('Schritt', { exact: true })), [
      'Pause',
      'Abgeschlossen',
      'Abgebrochen',
    ]);
    await check('pf-active', { h1: fullName });

    // A pause needs its reason: refused without one, the status stays.
    let res = await step('Pause', async (a) => {
      await a.getByLabel('Geplante Rückkehr').fill(day(42).iso);
    });
    assert.equal(res.status(), 422);
    assert.equal(await text(enrolmentArticle().getByRole('alert')), 'Bitte einen Grund für die Pause wählen.');
    assert.equal(await status(), `${cohortName}: Nimmt teil`);
    await check('pf-pause-refused', { h1: fullName });

    res = await step('Pause', async (a) => {
      await a.getByLabel('Grund der Pause').selectOption({ label: 'Elternzeit' });
      await a.getByLabel('Geplante Rückkehr').fill(day(42).iso);
    });
    assert.equal(res.status(), 200);
    assert.equal(await status(), `${cohortName}: Pausiert`);
    assert.deepEqual(await optionLabels(enrolmentArticle().getByLabel('Schritt', { exact: true })), [
      'Zurück nach der Pause',
      'Abgebrochen',
    ]);
    await check('pf-paused', { h1: fullName });

    res = await step('Zurück nach der Pause');
    assert.equal(res.status(), 200);
    assert.equal(await status(), `${cohortName}: Nimmt teil`);
  });

  test('enrolment lifecycle: dropped with a reason from the list and own words; the history lists every step', async () => {
    // "Anderer Grund" needs own words.
    let res = await step('Abgebrochen', async (a) => {
      await a.getByLabel('Grund für den Abbruch').selectOption({ label: 'Anderer Grund' });
    });
    assert.equal(res.status(), 422);
    assert.equal(await text(enrolmentArticle().getByRole('alert')), 'Bei „Anderer Grund“ bitte den Grund kurz beschreiben.');
    assert.equal(await status(), `${cohortName}: Nimmt teil`);

    res = await step('Abgebrochen', async (a) => {
      await a.getByLabel('Grund für den Abbruch').selectOption({ label: 'Zu viel Belastung' });
      await a.getByLabel('Grund in eigenen Worten').fill('Neue Schichten im Pflegeheim');
      await a.getByLabel('Weiter beschäftigt').selectOption({ label: 'Ja' });
    });
    assert.equal(res.status(), 200);
    assert.equal(await status(), `${cohortName}: Abgebrochen`);
    const article = enrolmentArticle();
    assert.match(await text(article), /Weiter beschäftigt: Ja/);
    assert.equal(await article.locator('form').count(), 0, 'a finished enrolment offers no further step');

    const today = day().de;
    const history = await rowsOf(article.getByRole('region', { name: 'Verlauf der Teilnahme' }).locator('table'));
    assert.deepEqual(history, [
      [today, 'Beratung eingetragen', 'Interessiert', 'Beraten', ''],
      [today, 'Angemeldet', 'Beraten', 'Angemeldet', ''],
      [today, 'Teilnahme begonnen', 'Angemeldet', 'Nimmt teil', ''],
      [today, 'Pause', 'Nimmt teil', 'Pausiert', `Elternzeit. Rückkehr geplant am ${day(42).de}`],
      [today, 'Zurück nach der Pause', 'Pausiert', 'Nimmt teil', ''],
      [today, 'Abgebrochen', 'Nimmt teil', 'Abgebrochen', 'Zu viel Belastung. Neue Schichten im Pflegeheim. Weiter beschäftigt: Ja'],
    ]);
    await check('pf-dropped', { h1: fullName });

    // The list shows the enrolment with its status.
    await go('/verwaltung/teilnehmende');
    const row = page.locator('tbody tr').filter({ has: page.getByRole('link', { name: fullName, exact: true }) });
    assert.equal(await text(row.locator('td').nth(3)), `${cohortName}: Abgebrochen`);
  });

  test('device loans: a new device lent to the participant (due date checked), then returned', async () => {
    await go('/verwaltung/teilnehmende');
    await click(page.getByRole('navigation', { name: 'Unterstützung' }).getByRole('link', { name: 'Leihgeräte' }));
    assert.equal(pathOf(page), '/verwaltung/leihgeraete');
    await check('pf-loans', { h1: 'Leihgeräte' });

    // An own device, so that no other test's device is touched.
    const add = page.locator('form[action="/verwaltung/leihgeraete"][method="post"]');
    await add.getByLabel('Art des Geräts').selectOption({ label: 'Tablet' });
    await add.getByLabel('Bezeichnung', { exact: true }).fill(deviceLabel);
    await add.getByLabel('Seriennummer').fill(`SN-${tag}`);
    let res = await click(button('Gerät hinzufügen', add));
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/verwaltung/leihgeraete');
    const inventory = () => page.getByRole('region', { name: 'Alle Geräte mit ihrem Status' });
    const deviceRow = () => inventory().locator('tbody tr').filter({ hasText: deviceLabel });
    assert.deepEqual((await rowsOf(inventory().locator('table'))).find((r) => r[0] === deviceLabel), [
      deviceLabel,
      'Tablet',
      `SN-${tag}`,
      'verfügbar',
      '–',
    ]);

    // Due before lent: refused next to the field, the choices kept.
    const lend = () => page.locator('form[action="/verwaltung/leihgeraete/ausleihen"]');
    // The form offers the first participants by name; a search narrows them to the person.
    res = await findPerson();
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/verwaltung/leihgeraete');
    assert.deepEqual(await optionLabels(lend().getByLabel('Teilnehmende Person')), [listName]);
    await lend().getByLabel('Gerät', { exact: true }).selectOption({ label: deviceLabel });
    await lend().getByLabel('Teilnehmende Person').selectOption({ label: listName });
    assert.equal(await lend().getByLabel('Ausgeliehen am').inputValue(), day().iso, 'today is preset');
    await lend().getByLabel('Rückgabe fällig am').fill(day(-1).iso);
    res = await click(button('Ausleihe speichern', lend()));
    assert.equal(res.status(), 422);
    assert.equal(await page.locator('#due_on').getAttribute('aria-invalid'), 'true');
    assert.equal(await text(page.locator('#due_on-error')), 'Das Fälligkeitsdatum darf nicht vor dem Ausleihdatum liegen.');
    assert.equal((await lend().locator('#device_id option:checked').textContent()).trim(), deviceLabel, 'device kept');
    assert.equal((await lend().locator('#participant_id option:checked').textContent()).trim(), listName, 'person kept');
    await check('pf-loan-error', { h1: 'Leihgeräte' });

    await lend().getByLabel('Rückgabe fällig am').fill(day(28).iso);
    await lend().getByLabel('Notiz', { exact: true }).fill('Mit Ladekabel');
    res = await click(button('Ausleihe speichern', lend()));
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/verwaltung/leihgeraete');
    assert.equal(await text(deviceRow().locator('td').nth(3)), `ausgeliehen: ${fullName}, fällig am ${day(28).de}`);
    assert.ok(
      !(await optionLabels(lend().getByLabel('Gerät', { exact: true }))).includes(deviceLabel),
      'a lent device cannot be lent again',
    );
    await check('pf-loan-lent', { h1: 'Leihgeräte' });

    const back = deviceRow().locator('form');
    assert.equal(await back.getByLabel('Zurückgegeben am').inputValue(), day().iso);
    res = await click(button('Rückgabe speichern', back));
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/verwaltung/leihgeraete');
    assert.equal(await text(deviceRow().locator('td').nth(3)), 'verfügbar');
    assert.equal(await deviceRow().locator('form').count(), 0, 'nothing left to return');
    assert.ok((await optionLabels(lend().getByLabel('Gerät', { exact: true }))).includes(deviceLabel), 'available again');
    await check('pf-loan-returned', { h1: 'Leihgeräte' });
  });

  test('referrals: the participant referred to a debt counselling service; its status moves on', async () => {
    await go('/verwaltung/teilnehmende');
    await click(page.getByRole('navigation', { name: 'Unterstützung' }).getByRole('link', { name: 'Verweise' }));
    assert.equal(pathOf(page), '/verwaltung/verweise');
    await check('pf-referrals', { h1: 'Verweise an Fachberatungen' });

    const services = await optionLabels(page.getByLabel('Beratungsstelle', { exact: true }));
    const service = services.find((s) => s.endsWith('(Schuldnerberatung)')) || services[0];
    assert.ok(service, `a counselling service among ${JSON.stringify(services)}`);
    const serviceName = service.replace(/ \([^)]*\)$/, '');
    let res = await findPerson();
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/verwaltung/verweise');
    await page.getByLabel('Teilnehmende Person', { exact: true }).selectOption({ label: listName });
    await page.getByLabel('Beratungsstelle', { exact: true }).selectOption({ label: service });
    assert.equal(await page.getByLabel('Verwiesen am').inputValue(), day().iso, 'today is preset');
    await page.getByLabel('Anlass', { exact: true }).fill(reason);
    res = await click(button('Verweis anlegen'));
    assert.equal(res.status(), 200);
    assert.equal(pathOf(page), '/verwaltung/verweise');

    const row = () => page.locator('tbody tr').filter({ has: page.getByRole('link', { name: fullName, exact: true }) });
    const cells = async () => (await row().locator('td').allTextContents()).slice(0, 5).map((s) => s.replace(/\s+/g, ' ').trim());
    assert.equal(await row().count(), 1, 'the new referral is listed once');
    assert.deepEqual(await cells(), [day().de, fullName, serviceName, reason, 'vorgeschlagen']);
    assert.equal(await row().getByRole('link', { name: fullName }).getAttribute('href'), detailPath);
    const next = () => row().getByLabel('Neuer Stand');
    assert.deepEqual(await optionLabels(next()), ['vermittelt', 'abgelehnt']);
    await check('pf-referral-created', { h1: 'Verweise an Fachberatungen' });

    // A jump the page does not offer is refused next to the row's select.
    await forceOption(next(), 'done');
    res = await click(button('Stand speichern', row()));
    assert.equal(res.status(), 422);
    assert.equal(await next().getAttribute('aria-invalid'), 'true');
    assert.match(await text(row().locator('.field-error')), /^Dieser Statuswechsel ist nicht möglich/);
    assert.equal((await cells())[4], 'vorgeschlagen', 'the status stays');
    await check('pf-referral-refused', { h1: 'Verweise an Fachberatungen' });

    for (const [to, outcome] of [
      ['vermittelt', ''],
      ['Termin vereinbart', 'Termin am Donnerstag, 10 Uhr'],
    ]) {
      await next().selectOption({ label: to });
      if (outcome) await row().getByLabel('Ergebnis (optional)').fill(outcome);
      res = await click(button('Stand speichern', row()));
      assert.equal(res.status(), 200, `to ${to}`);
      assert.equal(pathOf(page), '/verwaltung/verweise');
      assert.equal((await cells())[4], to);
    }
    assert.deepEqual(await optionLabels(next()), ['erledigt', 'abgelehnt']);
    await check('pf-referral-appointment', { h1: 'Verweise an Fachberatungen' });

    await next().selectOption({ label: 'erledigt' });
    await row().getByLabel('Ergebnis (optional)').fill('Ratenzahlung vereinbart');
    res = await click(button('Stand speichern', row()));
    assert.equal(res.status(), 200);
    assert.equal(await row().count(), 0, 'a finished referral leaves the open list');
  });

  test('Auskunft: contact log, checks, enrolment history, loan and referral of the person', async () => {
    await go(detailPath);
    await click(page.getByRole('navigation', { name: 'Aktionen zur Person' }).getByRole('link', { name: 'Auskunft (alle gespeicherten Daten)' }));
    assert.equal(pathOf(page), `${detailPath}/auskunft`);
    const section = (name) => page.getByRole('region', { name, exact: true });
    assert.match(await text(section('Kontakte')), new RegExp(escapeRegExp(topic)));
    assert.equal((await rowsOf(section('Eignungs- und Belastungschecks').locator('table'))).length, 2);
    assert.match(await text(section('Teilnahmen')), new RegExp(`${escapeRegExp(cohortName)}: Abgebrochen`));
    assert.equal((await rowsOf(section('Teilnahmen').locator('table'))).length, 6);
    // Their tables are captioned like their sections: found by the section's heading id.
    assert.deepEqual(await rowsOf(page.locator('section[aria-labelledby="ak-loans"] table')), [
      [`${deviceLabel} (Tablet)`, day().de, day(28).de, day().de],
    ]);
    const referrals = await rowsOf(page.locator('section[aria-labelledby="ak-referrals"] table'));
    assert.equal(referrals.length, 1, JSON.stringify(referrals));
    assert.deepEqual(referrals[0].slice(1), [day().de, 'erledigt', reason]);
    await check('pf-auskunft', { h1: 'Auskunft über gespeicherte Daten' });
  });
});
