'use strict';
// Offers, the public catalogue and cohorts, clicked through with JavaScript disabled, defined
// once and run at each viewport (see offers-*.test.js). Every page visited gets checkPage:
// no scripts, one h1, axe-core WCAG 2.1 AA and, at 375 px, no sideways scroll.
const assert = require('node:assert/strict');
const nodeTest = require('node:test');

const { describe, before, after } = nodeTest;
const {
  BASE_URL,
  PASSWORD,
  url,
  launch,
  openPass,
  navigate,
  checkPage,
  submitLogin,
  openMenu,
  h1,
  pathOf,
} = require('./browser');

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NAV = 'Hauptnavigation';

/** The first Monday of March next year, as the date input wants it (YYYY-MM-DD). */
function mondayNextYear() {
  const d = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** GETs a URL without any session (as a calendar program or feed reader would). */
async function fetchText(href) {
  const res = await fetch(href, { redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') || '', body: await res.text() };
}

/** iCalendar content lines are folded at 75 octets: a line break and a space continue a line. */
function unfold(ics) {
  return ics.replace(/\r?\n[ \t]/g, '');
}

/** Logs in on a fresh pass (its own cookies) and lands on /start. */
async function loginPass(browser, viewport, email) {
  const pass = await openPass(browser, viewport);
  await pass.page.goto(url('/anmelden'));
  const res = await submitLogin(pass.page, email, PASSWORD);
  assert.equal(res.status(), 200, `${email} logs in`);
  assert.equal(pathOf(pass.page), '/start', `${email} lands on /start`);
  return pass;
}

/** The visible text of `main`, with runs of whitespace collapsed. */
async function mainText(page) {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ').trim();
}

/** Tables are announced with a caption and scroll inside their own focusable region. */
async function checkTableWraps(page, name) {
  for (const wrap of await page.locator('.table-wrap').all()) {
    assert.equal(await wrap.getAttribute('role'), 'region', `${name}: .table-wrap is a region`);
    assert.equal(await wrap.getAttribute('tabindex'), '0', `${name}: .table-wrap can be scrolled by keyboard`);
    assert.equal(await wrap.locator('caption').count(), 1, `${name}: the table has a caption`);
  }
}

/**
 * @param {{width: number, height: number}} viewport
 * @param {{coordinator: string, trainer: string, trainerName: string, counsellor: string}} accounts
 */
function defineOffersPass(viewport, accounts) {
  let failedStep = null;
  const test = (name, fn) =>
    nodeTest.test(name, { timeout: 60_000 }, async (t) => {
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

  describe(`Offers and cohorts at ${viewport.width}×${viewport.height}, JavaScript disabled`, { timeout: 240_000 }, () => {
    let browser;
    let pass; // the coordinator
    let page;
    const tag = `${viewport.width}-${Date.now().toString(36)}`;
    const offerTitle = `E2E-Pflegedeutsch am Abend ${tag}`;
    const cohortName = `E2E-Durchgang ${tag}`;
    const startDate = mondayNextYear();
    let offerPath;
    let cohortPath;
    let sessionPath;
    let sessionTitle;

    const check = (name, opts) => checkPage(pass, name, opts);
    const go = async (path, status = 200) => {
      const res = await page.goto(url(path));
      assert.equal(res.status(), status, `GET ${path}`);
      return res;
    };
    const click = (locator) => navigate(page, () => locator.click());
    const button = (name) => page.getByRole('button', { name, exact: true });

    before(async () => {
      browser = await launch();
    });

    after(async () => {
      await browser?.close();
    });

    test('coordinator logs in; offers list, an offer and its edit form (saved unchanged)', async () => {
      pass = await loginPass(browser, viewport, accounts.coordinator);
      page = pass.page;
      await openMenu(page);
      const nav = page.getByRole('navigation', { name: NAV });
      await click(nav.getByRole('link', { name: 'Angebote', exact: true }));
      assert.equal(pathOf(page), '/verwaltung/angebote');
      await check('offers-list', { h1: 'Angebote' });
      await checkTableWraps(page, 'offers-list');
      assert.equal(await page.getByRole('link', { name: 'Neues Angebot' }).count(), 1);

      const demo = page.getByRole('link', { name: 'Fachsprache Technik am Abend', exact: true });
      await click(demo);
      assert.match(pathOf(page), new RegExp(`^/verwaltung/angebote/${UUID}$`));
      const detailPath = pathOf(page);
      for (const heading of ['Einordnung', 'Gelingensfaktoren', 'Einfache Sprache: öffentliche Seite für Teilnehmende']) {
        assert.equal(await page.getByRole('heading', { name: heading, level: 2 }).count(), 1, `section ${heading}`);
      }
      const factors = page.getByRole('region', { name: /^Gelingensfaktoren mit Status/ });
      assert.ok((await factors.locator('tbody tr').count()) > 0, 'the success factors are listed');
      await check('offer-detail', { h1: 'Fachsprache Technik am Abend' });
      await checkTableWraps(page, 'offer-detail');
      const before = await mainText(page);

      await click(page.getByRole('link', { name: 'Angebot bearbeiten' }));
      assert.equal(pathOf(page), `${detailPath}/bearbeiten`);
      assert.equal(await page.locator('#title').inputValue(), 'Fachsprache Technik am Abend');
      await check('offer-edit', { h1: '„Fachsprache Technik am Abend“ bearbeiten' });
      const res = await click(button('Speichern'));
      assert.equal(res.status(), 200);
      assert.equal(pathOf(page), `${detailPath}/bearbeiten`, 'back to the form');
      assert.equal(new URL(page.url()).searchParams.get('gespeichert'), '1');
      assert.match(await page.getByRole('status').first().textContent(), /Das Angebot ist gespeichert\./);
      await check('offer-edit-saved', { h1: '„Fachsprache Technik am Abend“ bearbeiten' });
      await click(page.getByRole('status').first().getByRole('link'));
      assert.equal(pathOf(page), detailPath);
      assert.equal(await mainText(page), before, 'saving the unchanged form changes nothing');
    });

    test('success factors and the readability check (GET form, POST result)', async () => {
      await go('/verwaltung/erfolgsfaktoren');
      await check('success-factors', { h1: 'Erfolgsfaktoren' });
      await checkTableWraps(page, 'success-factors');

      await go('/verwaltung/lesbarkeit');
      await check('readability-form', { h1: 'Lesbarkeit prüfen' });
      await page.getByLabel('Text', { exact: true }).fill(
        'Sie lernen Deutsch. Der Kurs ist am Abend. ' +
          'Wer sich für die berufsbegleitende Anpassungsqualifizierung interessiert, die an zwei Abenden in der Woche ' +
          'und an einzelnen Samstagen im Bildungszentrum stattfindet, meldet sich bitte frühzeitig bei der Ansprechperson.',
      );
      const res = await click(button('Lesbarkeit prüfen'));
      assert.equal(res.status(), 200);
      assert.equal(await page.getByRole('heading', { name: 'Ergebnis', level: 2 }).count(), 1);
      assert.match(await mainText(page), /Langer Satz/);
      assert.match(await page.getByLabel('Text', { exact: true }).inputValue(), /^Sie lernen Deutsch\./, 'the text is kept');
      await check('readability-result', { h1: 'Lesbarkeit prüfen' });
    });

    test('new offer: "Weitere Zeilen", then German errors (422, input kept), then saved', async () => {
      await go('/verwaltung/angebote');
      await click(page.getByRole('link', { name: 'Neues Angebot' }));
      assert.equal(pathOf(page), '/verwaltung/angebote/neu');
      await check('offer-new', { h1: 'Neues Angebot' });
      assert.equal(await page.locator('#module_6_title').count(), 1);
      assert.equal(await page.locator('#module_7_title').count(), 0);

      await page.locator('#title').fill(offerTitle);
      await page.locator('#module_1_title').fill('Fachsprache');
      let res = await click(button('Weitere Zeilen'));
      assert.equal(res.status(), 200);
      assert.match(await page.getByRole('status').first().textContent(), /mehr leere Zeilen/);
      assert.equal(await page.locator('#module_9_title').count(), 1, 'three more module rows');
      assert.equal(await page.locator('#title').inputValue(), offerTitle, 'input is kept');
      assert.equal(await page.locator('#module_1_title').inputValue(), 'Fachsprache');
      await check('offer-new-more-rows', { h1: 'Neues Angebot' });

      // A few fields wrong: no title, hours not a number, a four-digit postcode, end before start.
      await page.locator('#title').fill('');
      await page.locator('#goal').selectOption('language_support');
      await page.locator('#kldb').fill('81302');
      await page.locator('#target_group').fill('Pflegekräfte mit ausländischem Abschluss');
      await page.locator('#description').fill(
        'Sie lernen Deutsch für die Pflege. Der Kurs ist am Abend. So können Sie weiter arbeiten.',
      );
      await page.locator('#delivery_modes_online_live').check();
      await page.locator('#kickoff_in_presence').check();
      await page.locator('#closing_in_presence').check();
      await page.locator('#time_model_kind').selectOption('evening_course');
      await page.locator('#evening_1_weekday').selectOption('tue');
      await page.locator('#evening_1_start').fill('18:00');
      await page.locator('#evening_1_end').fill('17:00');
      await page.locator('#module_1_hours').fill('viele');
      await page.locator('#module_1_milestone').fill('Zertifikat Fachsprache');
      await page.locator('#module_2_title').fill('Praxis');
      await page.locator('#module_2_hours').fill('24,5');
      await page.locator('#exam_1_after_module').fill('2');
      await page.locator('#exam_1_title').fill('Abschlussprüfung');
      await page.locator('#exam_1_hours').fill('3');
      await page.locator('#support_mentoring').check();
      await page.locator('#location_name').fill('Bildungszentrum');
      await page.locator('#location_zip').fill('5066');
      await page.locator('#location_city').fill('Köln');
      await page.locator('#capacity').fill('16');
      await page.locator('#costs_eur').fill('0');
      await page.locator('#contact_name').fill('Aylin Demir');
      await page.locator('#contact_email').fill('a.demir@traeger.example');
      res = await click(button('Speichern'));
      assert.equal(res.status(), 422);
      assert.equal(pathOf(page), '/verwaltung/angebote');
      const alert = page.getByRole('alert');
      const alertText = await alert.textContent();
      for (const msg of [
        'Bitte korrigieren Sie die markierten Angaben.',
        'Bitte geben Sie einen Titel ein.',
        'Bitte geben Sie die Stunden als Zahl ein.',
        'Die Postleitzahl hat 5 Ziffern.',
        'Das Ende muss nach dem Beginn liegen.',
      ]) {
        assert.ok(alertText.includes(msg), `error summary says "${msg}": ${alertText}`);
      }
      for (const href of await alert.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
        assert.equal(await page.locator(href).count(), 1, `the summary link ${href} points at an element`);
      }
      for (const id of ['title', 'module_1_hours', 'location_zip']) {
        assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true', `#${id} is marked`);
      }
      assert.equal(await page.locator('#module_1_hours').inputValue(), 'viele', 'wrong input is kept');
      assert.equal(await page.locator('#target_group').inputValue(), 'Pflegekräfte mit ausländischem Abschluss');
      assert.equal(await page.locator('#module_9_title').count(), 1, 'the added rows stay');
      await check('offer-new-errors', { h1: 'Neues Angebot' });

      await page.locator('#title').fill(offerTitle);
      await page.locator('#evening_1_end').fill('21:00');
      await page.locator('#module_1_hours').fill('30');
      await page.locator('#location_zip').fill('50667');
      res = await click(button('Speichern'));
      assert.equal(res.status(), 200);
      assert.match(pathOf(page), new RegExp(`^/verwaltung/angebote/${UUID}$`));
      offerPath = pathOf(page);
      assert.equal(await h1(page), offerTitle);
      assert.match(await mainText(page), /Berufsbegleitend/);
      await check('offer-created', { h1: offerTitle });
      await checkTableWraps(page, 'offer-created');
    });

    test('publishing: the offer appears in the public catalogue (anonymous, own context)', async () => {
      const res = await click(button('Im öffentlichen Katalog veröffentlichen'));
      assert.equal(res.status(), 200);
      assert.equal(pathOf(page), offerPath);
      assert.match(await mainText(page), /Im öffentlichen Katalog veröffentlicht/);
      assert.equal(await button('Aus dem öffentlichen Katalog nehmen').count(), 1);
      await check('offer-published', { h1: offerTitle });

      const anon = await openPass(browser, viewport);
      try {
        const p = anon.page;
        const r = await p.goto(url('/angebote'));
        assert.equal(r.status(), 200);
        assert.equal(await p.getByRole('navigation', { name: NAV }).count(), 0, 'no staff navigation');
        await checkPage(anon, 'catalogue', { h1: 'Angebote' });
        const card = p.getByRole('link', { name: offerTitle, exact: true });
        assert.equal(await card.count(), 1, 'the new offer is in the catalogue');

        // The filter form is a plain GET form.
        const filterForm = p.locator('form.catalogue-filters');
        assert.equal(await filterForm.getAttribute('method'), 'get');
        await p.getByLabel('Bundesland').selectOption({ label: 'Nordrhein-Westfalen' });
        const filtered = await navigate(p, () => p.getByRole('button', { name: 'Filter anwenden' }).click());
        assert.equal(filtered.status(), 200);
        assert.equal(pathOf(p), '/angebote');
        assert.equal(new URL(p.url()).searchParams.get('state'), 'NW', `the filter is in the URL: ${p.url()}`);
        assert.equal(await p.getByLabel('Bundesland').inputValue(), 'NW', 'the chosen filter stays selected');
        assert.equal(await p.getByRole('link', { name: offerTitle, exact: true }).count(), 1, 'an NRW offer');
        assert.equal(await p.getByRole('link', { name: 'Alle Filter löschen' }).count(), 1);
        await checkPage(anon, 'catalogue-filtered', { h1: 'Angebote' });

        await p.goto(url('/angebote'));
        await navigate(p, () => p.getByRole('link', { name: offerTitle, exact: true }).click());
        assert.match(pathOf(p), /^\/angebote\/[^/]+$/);
        assert.equal(await h1(p), offerTitle);
        const ld = await p.locator('script[type="application/ld+json"]').allTextContents();
        assert.equal(ld.length, 1, 'one JSON-LD block');
        const data = JSON.parse(ld[0]);
        assert.equal(data['@type'], 'Course');
        assert.equal(data.name, offerTitle);
        await checkPage(anon, 'catalogue-offer', { h1: offerTitle });

        const feed = await fetchText(url('/angebote/feed.atom'));
        assert.equal(feed.status, 200);
        assert.match(feed.type, /^application\/atom\+xml/);
        // Parsed by the browser's XML parser (in the JS-enabled context).
        const parsed = await anon.axeContext.newPage();
        try {
          const result = await parsed.evaluate((xml) => {
            const doc = new DOMParser().parseFromString(xml, 'application/xml');
            return {
              error: doc.getElementsByTagName('parsererror').length > 0,
              root: doc.documentElement.localName,
              ns: doc.documentElement.namespaceURI,
              titles: [...doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map(
                (e) => e.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title')[0]?.textContent,
              ),
            };
          }, feed.body);
          assert.equal(result.error, false, 'the Atom feed is well-formed XML');
          assert.equal(result.root, 'feed');
          assert.equal(result.ns, 'http://www.w3.org/2005/Atom');
          assert.ok(result.titles.includes(offerTitle), `the feed lists the new offer: ${result.titles}`);
        } finally {
          await parsed.close();
        }
      } finally {
        await anon.context.close();
        await anon.axeContext.close();
      }
    });

    test('cohort: created for the new offer, with month grid and learning path', async () => {
      await page.goto(url('/verwaltung/angebote'));
      await openMenu(page);
      await click(page.getByRole('navigation', { name: NAV }).getByRole('link', { name: 'Durchgänge', exact: true }));
      assert.equal(pathOf(page), '/verwaltung/durchgaenge');
      await check('cohorts', { h1: 'Durchgänge' });
      await checkTableWraps(page, 'cohorts');

      // The list's search form above has an "Angebot" filter too: the fields of the form
      // that creates a cohort.
      const create = page.locator('form').filter({ has: page.locator('#offer_id') });
      await create.getByLabel('Angebot', { exact: true }).selectOption({ label: offerTitle });
      await create.getByLabel('Bezeichnung', { exact: true }).fill(cohortName);
      await create.getByLabel('Beginn', { exact: true }).fill(startDate);
      await create.getByLabel('Bundesland').selectOption({ label: 'Nordrhein-Westfalen' });
      await create.getByLabel('Raum', { exact: true }).fill('Raum 2.14');
      // The trainer of the later steps teaches this cohort.
      await page.getByRole('group', { name: 'Lehrkräfte' }).getByLabel(accounts.trainerName, { exact: true }).check();
      const res = await click(button('Durchgang anlegen und Stundenplan erzeugen'));
      assert.equal(res.status(), 200);
      assert.match(pathOf(page), new RegExp(`^/verwaltung/durchgaenge/${UUID}$`));
      cohortPath = pathOf(page);
      assert.equal(await h1(page), cohortName);
      assert.match(await page.locator('.facts').innerText(), /Entwurf/);
      const rows = page.getByRole('region', { name: 'Alle Termine, auch abgesagte' }).locator('tbody tr');
      assert.ok((await rows.count()) > 5, 'a timetable was generated');
      assert.equal(await button('Stundenplan verbindlich veröffentlichen').count(), 1);
      await check('cohort-draft', { h1: cohortName });
      await checkTableWraps(page, 'cohort-draft');

      await click(page.getByRole('link', { name: 'Monatsansicht', exact: true }));
      assert.equal(pathOf(page), `${cohortPath}/kalender`);
      const grid = page.locator('table.month-grid');
      assert.equal(await grid.count(), 1);
      assert.equal(await grid.locator('thead th').count(), 8, 'week + seven days');
      assert.ok((await grid.locator('a.session').count()) > 0, 'sessions in the grid');
      await check('cohort-month', { h1: /^Monatsansicht: / });
      await checkTableWraps(page, 'cohort-month');
      const next = page.getByRole('link', { name: 'Nächster Monat', exact: true });
      if ((await next.count()) > 0) {
        await click(next.first());
        assert.match(new URL(page.url()).search, /monat=\d{4}-\d{2}/);
        await check('cohort-month-next', { h1: /^Monatsansicht: / });
      }

      await go(`${cohortPath}/pfad`);
      const svg = page.locator('figure svg');
      assert.equal(await svg.count(), 1, 'the path is an inline SVG');
      const box = await svg.boundingBox();
      assert.ok(box.width > 0 && box.x + box.width <= viewport.width, `the SVG fits: ${JSON.stringify(box)}`);
      assert.ok((await page.locator('main ol li, main ul li').count()) > 0, 'the path as a list too');
      await check('cohort-path', { h1: 'Lernweg' });
    });

    test('cohort: timetable published, a session cancelled (reason required), calendar link', async () => {
      await go(cohortPath);
      let res = await click(button('Stundenplan verbindlich veröffentlichen'));
      assert.equal(res.status(), 200);
      assert.equal(pathOf(page), cohortPath);
      assert.match(await page.locator('.facts').innerText(), /Veröffentlicht/);
      assert.equal(await button('Durchgang starten').count(), 1, 'the next step is offered');
      await check('cohort-published', { h1: cohortName });

      const first = page.getByRole('region', { name: 'Alle Termine, auch abgesagte' }).locator('tbody tr a').first();
      await click(first);
      assert.match(pathOf(page), new RegExp(`^/verwaltung/termine/${UUID}$`));
      sessionPath = pathOf(page);
      sessionTitle = await h1(page);
      await check('session', { h1: sessionTitle });

      // Without a reason: the browser would stop the form (required); send it to see the server.
      const cancelForm = page.locator('form[action$="/absagen"]');
      await cancelForm.evaluate((f) => { f.noValidate = true; });
      res = await navigate(page, () => cancelForm.getByRole('button', { name: 'Termin absagen' }).click());
      assert.equal(res.status(), 422);
      assert.match(await mainText(page), /Bitte geben Sie einen Grund an: Der Stundenplan ist veröffentlicht\./);
      assert.equal(await page.locator('#cancel_reason').getAttribute('aria-invalid'), 'true');
      await check('session-cancel-error', { h1: sessionTitle });

      await page.locator('#cancel_reason').fill('Die Lehrkraft ist krank.');
      res = await navigate(page, () =>
        page.locator('form[action$="/absagen"]').getByRole('button', { name: 'Termin absagen' }).click(),
      );
      assert.equal(res.status(), 200);
      assert.equal(pathOf(page), sessionPath);
      assert.match(await page.locator('.facts').innerText(), /abgesagt/);
      assert.match(await mainText(page), /Die Lehrkraft ist krank\./, 'the reason is in the history');
      assert.equal(await page.locator('form[action$="/absagen"]').count(), 0, 'a cancelled session has no forms');
      await check('session-cancelled', { h1: sessionTitle });

      await click(page.getByRole('link', { name: `Zurück zu ${cohortName}`, exact: true }));
      assert.equal(pathOf(page), cohortPath);
      assert.match(await page.getByRole('region', { name: 'Alle Termine, auch abgesagte' }).innerText(), /abgesagt/);
    });

    test('cohort: a session moved and one added, each with a reason', async () => {
      await go(cohortPath);
      const second = page.getByRole('region', { name: 'Alle Termine, auch abgesagte' }).locator('tbody tr a').nth(1);
      await click(second);
      assert.match(pathOf(page), new RegExp(`^/verwaltung/termine/${UUID}$`));
      const movedPath = pathOf(page);
      const title = await h1(page);
      const date = await page.getByLabel('Datum', { exact: true }).inputValue();
      assert.match(date, /^\d{4}-\d{2}-\d{2}$/, 'the move form is filled with the date');
      const later = new Date(`${date}T12:00:00Z`);
      later.setUTCDate(later.getUTCDate() + 1);
      await page.getByLabel('Datum', { exact: true }).fill(later.toISOString().slice(0, 10));
      await page.locator('#reason').fill('Der Raum ist belegt.');
      let res = await click(button('Termin verschieben'));
      if (await page.getByRole('button', { name: 'Trotzdem verschieben' }).count()) {
        // The new date is a public holiday: the page names it before saving.
        res = await click(button('Trotzdem verschieben'));
      }
      assert.equal(res.status(), 200);
      assert.equal(pathOf(page), movedPath);
      assert.equal(await page.getByLabel('Datum', { exact: true }).inputValue(), later.toISOString().slice(0, 10));
      assert.match(await mainText(page), /Der Raum ist belegt\./, 'the reason is in the history');
      await check('session-moved', { h1: title });

      await go(cohortPath);
      const add = page.locator(`form[action="${cohortPath}/termine"]`);
      await add.getByLabel('Datum', { exact: true }).fill(startDate);
      await add.getByLabel('Beginn', { exact: true }).fill('09:00');
      await add.getByLabel('Ende', { exact: true }).fill('12:00');
      await add.getByLabel('Titel', { exact: true }).fill(`E2E-Nachholtermin ${tag}`);
      await add.getByLabel('Grund der Änderung').fill('Ersatz für den abgesagten Termin.');
      res = await click(add.getByRole('button', { name: 'Termin hinzufügen' }));
      assert.equal(res.status(), 200);
      assert.equal(pathOf(page), cohortPath);
      assert.match(
        await page.getByRole('region', { name: 'Alle Termine, auch abgesagte' }).innerText(),
        new RegExp(`E2E-Nachholtermin ${tag}`),
      );
      await check('cohort-session-added', { h1: cohortName });
    });

    test('cohort: calendar link (iCalendar with the cancelled session), also in English', async () => {
      await go(cohortPath);
      const res = await click(button('Neuen Kalender-Link erzeugen'));
      assert.equal(res.status(), 200);
      const feedUrl = new URL((await page.locator('#feed-url').textContent()).trim(), BASE_URL).href;
      assert.match(feedUrl, /\/feeds\/.+\.ics$/);
      await check('cohort-feed-created', { h1: cohortName });
      const ics = await fetchText(feedUrl);
      assert.equal(ics.status, 200);
      assert.match(ics.type, /^text\/calendar/);
      assert.match(ics.body, /^BEGIN:VCALENDAR\r?\n/);
      assert.match(ics.body, /STATUS:CANCELLED/);
      const summaries = unfold(ics.body).split(/\r?\n/).filter((l) => l.startsWith('SUMMARY'));
      assert.ok(
        summaries.some((l) => l.includes(`E2E-Nachholtermin ${tag}`)),
        `the added session is in the calendar: ${summaries.join(' | ')}`,
      );
      assert.match(ics.body, /END:VCALENDAR\s*$/);

      // The cohort pages in English (the language is a cookie).
      await go('/verwaltung/durchgaenge');
      await click(page.getByRole('button', { name: 'English', exact: true }));
      assert.equal(pathOf(page), '/verwaltung/durchgaenge', 'stays on the page');
      await go(cohortPath);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await openMenu(page);
      const current = page.getByRole('navigation', { name: 'Main navigation' }).locator('[aria-current="page"]');
      assert.equal((await current.textContent()).trim(), 'Cohorts');
      assert.equal(await page.getByRole('region', { name: 'All sessions, cancelled ones included' }).count(), 1);
      await check('cohort-en', { h1: cohortName });
      await go(`${cohortPath}/kalender`);
      await check('cohort-month-en', { h1: /^Month view: / });
      await go(sessionPath);
      await check('session-en', { h1: sessionTitle });
      await click(page.getByRole('button', { name: 'Deutsch', exact: true }));
      await go(cohortPath);
      assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    });

    // The language switch returns to the page itself (Layout.here), not to its section.
    nodeTest.test(
      'the language switch stays on a cohort page',
      { timeout: 30_000 },
      async () => {
        if (failedStep || !cohortPath) return;
        try {
          await go(cohortPath);
          await click(page.getByRole('button', { name: 'English', exact: true }));
          assert.equal(pathOf(page), cohortPath);
        } finally {
          if ((await page.locator('html').getAttribute('lang')) === 'en') {
            await click(page.getByRole('button', { name: 'Deutsch', exact: true }));
          }
        }
      },
    );

    test('trainer: cohort pages read-only, own calendar link', async () => {
      const t = await loginPass(browser, viewport, accounts.trainer);
      try {
        const p = t.page;
        await openMenu(p);
        assert.match(await p.locator('.whoami').innerText(), new RegExp(`${accounts.trainerName} · Lehrkraft`));
        await p.goto(url('/verwaltung/durchgaenge'));
        assert.equal(await p.locator('form[action="/verwaltung/durchgaenge"][method="post"]').count(), 0, 'no create form');
        await checkPage(t, 'trainer-cohorts', { h1: 'Durchgänge' });
        await navigate(p, () => p.getByRole('link', { name: cohortName, exact: true }).click());
        assert.equal(pathOf(p), cohortPath);
        assert.equal(await p.locator('main form').count(), 0, 'no lifecycle button, no forms');
        await checkPage(t, 'trainer-cohort', { h1: cohortName });
        await p.goto(url(`${cohortPath}/kalender`));
        await checkPage(t, 'trainer-cohort-month', { h1: /^Monatsansicht: / });
        await p.goto(url(`${cohortPath}/pfad`));
        await checkPage(t, 'trainer-cohort-path', { h1: 'Lernweg' });
        await p.goto(url(sessionPath));
        assert.equal(await p.locator('main form').count(), 0, 'the session is read-only');
        await checkPage(t, 'trainer-session', { h1: sessionTitle });

        await p.goto(url('/verwaltung/durchgaenge'));
        await navigate(p, () => p.getByRole('button', { name: 'Neuen Kalender-Link erzeugen' }).click());
        const feedUrl = new URL((await p.locator('#feed-url').textContent()).trim(), BASE_URL).href;
        await checkPage(t, 'trainer-feed-created', { h1: 'Durchgänge' });
        const ics = await fetchText(feedUrl);
        assert.equal(ics.status, 200);
        assert.match(ics.type, /^text\/calendar/);
        assert.match(ics.body, /^BEGIN:VCALENDAR\r?\n/);
        assert.ok(ics.body.includes('STATUS:CANCELLED'), 'the cancelled session of the own cohort is in it');
      } finally {
        await t.context.close();
        await t.axeContext.close();
      }
    });

    test('counsellor: may read offers but not create them (403)', async () => {
      const c = await loginPass(browser, viewport, accounts.counsellor);
      try {
        const p = c.page;
        await p.goto(url('/verwaltung/angebote'));
        assert.equal(await p.getByRole('link', { name: 'Neues Angebot' }).count(), 0);
        await checkPage(c, 'counsellor-offers', { h1: 'Angebote' });
        await p.goto(url(offerPath));
        assert.equal(await p.getByRole('link', { name: 'Angebot bearbeiten' }).count(), 0);
        assert.equal(await p.locator('main form').count(), 0, 'no publish button');
        await checkPage(c, 'counsellor-offer', { h1: offerTitle });
        const res = await p.goto(url('/verwaltung/angebote/neu'));
        assert.equal(res.status(), 403);
        assert.equal(await h1(p), 'Kein Zugriff');
        const edit = await p.goto(url(`${offerPath}/bearbeiten`));
        assert.equal(edit.status(), 403);
      } finally {
        await c.context.close();
        await c.axeContext.close();
      }
    });
  });
}

module.exports = { defineOffersPass };
