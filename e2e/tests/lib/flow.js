'use strict';
// The click-through, defined once and run at each viewport (see *.test.js).
const assert = require('node:assert/strict');
const nodeTest = require('node:test');

const { describe, before, after } = nodeTest;
const {
  PASSWORD,
  url,
  launch,
  openPass,
  navigate,
  checkA11y,
  checkPage,
  submitLogin,
  openMenu,
  closeMenu,
  h1,
  pathOf,
} = require('./browser');

const NAV = 'Hauptnavigation';
const ADMIN_NAV = ['Träger', 'Benutzer', 'Protokoll'];

/**
 * @param {{width: number, height: number}} viewport
 * @param {{coordinator: string, wrongPasswordUser: string}} accounts  each pass uses its own
 *   accounts so that the passes may run in parallel and stay below the per-account login limit.
 */
function definePass(viewport, accounts) {
  // The steps build on each other (logged in, created records): after the first failure the
  // rest of the pass is skipped instead of failing slowly, one timeout after the other.
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

  describe(`Lernweg at ${viewport.width}×${viewport.height}, JavaScript disabled`, { timeout: 180_000 }, () => {
    let browser;
    let pass;
    let page;
    const tag = `${viewport.width}-${Date.now().toString(36)}`;
    const providerName = `E2E-Träger ${tag}`;
    const userName = `E2E Beraterin ${tag}`;
    const userEmail = `e2e-${tag}@demo.example`;
    const userPassword = 'e2e-passwort-123';
    const tokenName = `E2E-Schlüssel ${tag}`;
    let providerPath;

    const nav = () => page.getByRole('navigation', { name: NAV });
    const clickNav = async (label) => {
      await openMenu(page);
      return navigate(page, () => nav().getByRole('link', { name: label, exact: true }).click());
    };

    before(async () => {
      browser = await launch();
      pass = await openPass(browser, viewport);
      page = pass.page;
    });

    after(async () => {
      await browser?.close();
    });

    test('login page: accessible, wrong password shows the German error', async () => {
      const res = await page.goto(url('/anmelden'));
      assert.equal(res.status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'de');
      await checkPage(pass, 'login', { h1: 'Anmelden' });

      const failed = await submitLogin(page, accounts.wrongPasswordUser, 'ganz-falsches-passwort');
      assert.equal(failed.status(), 401);
      assert.equal(pathOf(page), '/anmelden');
      const alert = page.getByRole('alert');
      assert.equal((await alert.textContent()).trim(), 'E-Mail-Adresse oder Passwort stimmen nicht.');
      assert.equal(await page.getByLabel('E-Mail-Adresse').inputValue(), accounts.wrongPasswordUser);
      assert.equal(await page.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid'), 'true');
      await checkPage(pass, 'login-error', { h1: 'Anmelden' });
    });

    test('admin logs in via the form and lands on Start', async () => {
      await page.goto(url('/anmelden'));
      const res = await submitLogin(page, 'admin@demo.example', PASSWORD);
      assert.equal(res.status(), 200);
      assert.equal(pathOf(page), '/start');
      assert.match(await h1(page), /^Willkommen, .+!$/);
      await openMenu(page);
      const labels = (await nav().getByRole('link').allTextContents()).map((s) => s.trim());
      assert.deepEqual(labels, [
        'Start', 'Teilnehmende', 'Angebote', 'Durchgänge', 'Anwesenheit', 'Leihgeräte', 'Verweise', 'Erfolgsfaktoren', 'Team', 'Träger', 'Benutzer',
        'Protokoll',
        'Mein Konto',
      ]);
      await checkPage(pass, 'start', { h1: /^Willkommen, .+!$/ });
    });

    test('legal texts: edited from Start, shown at the footer links', async () => {
      await closeMenu(page);
      await navigate(page, () => page.getByRole('link', { name: 'Impressum, Datenschutz und Barrierefreiheit bearbeiten' }).click());
      assert.equal(pathOf(page), '/verwaltung/rechtstexte');
      await checkPage(pass, 'legal-edit', { h1: 'Rechtstexte' });
      const footer = () => page.getByRole('navigation', { name: 'Rechtliches' });
      await navigate(page, () => footer().getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).click());
      assert.equal(pathOf(page), '/barrierefreiheit');
      await checkPage(pass, 'legal-accessibility', { h1: 'Erklärung zur Barrierefreiheit' });
      await navigate(page, () => footer().getByRole('link', { name: 'Impressum' }).click());
      assert.equal(pathOf(page), '/impressum');
      assert.match(await page.locator('main').textContent(), /Hier fehlt noch das Impressum\./);
      await checkPage(pass, 'legal-imprint', { h1: 'Impressum' });
    });

    const pages = [
      { label: 'Teilnehmende', path: '/verwaltung/teilnehmende', h1: /Teilnehmende/, name: 'participants-admin' },
      { label: 'Angebote', path: '/verwaltung/angebote', h1: 'Angebote', name: 'offers-admin' },
      { label: 'Durchgänge', path: '/verwaltung/durchgaenge', h1: 'Durchgänge', name: 'cohorts-admin' },
      { label: 'Anwesenheit', path: '/verwaltung/anwesenheit', h1: 'Anwesenheit', name: 'attendance-admin' },
      { label: 'Erfolgsfaktoren', path: '/verwaltung/erfolgsfaktoren', h1: 'Erfolgsfaktoren', name: 'success-admin' },
      { label: 'Team', path: '/team', h1: 'Team', name: 'team' },
      { label: 'Träger', path: '/admin/traeger', h1: 'Träger', name: 'providers' },
      { label: 'Benutzer', path: '/admin/benutzer', h1: 'Benutzer', name: 'users' },
      { label: 'Protokoll', path: '/admin/protokoll', h1: 'Protokoll', name: 'audit' },
      { label: 'Mein Konto', path: '/konto', h1: 'Mein Konto', name: 'account' },
      { label: 'Start', path: '/start', h1: /^Willkommen, .+!$/, name: 'start-again' },
    ];
    for (const p of pages) {
      test(`nav link "${p.label}" opens ${p.path}`, async () => {
        const res = await clickNav(p.label);
        assert.equal(res.status(), 200);
        assert.equal(pathOf(page), p.path);
        await openMenu(page);
        const current = nav().locator('[aria-current="page"]');
        assert.equal((await current.textContent()).trim(), p.label);
        await checkPage(pass, p.name, { h1: p.h1 });
        if (p.path !== '/start') {
          // Tables are announced with a caption and scroll inside their own region.
          for (const wrap of await page.locator('.table-wrap').all()) {
            assert.equal(await wrap.getAttribute('role'), 'region');
            assert.equal(await wrap.locator('caption').count(), 1);
          }
        }
      });
    }

    test('admin creates a provider, sees it in the list and opens it', async () => {
      await clickNav('Träger');
      await page.getByLabel('Name', { exact: true }).fill(providerName);
      await page.getByLabel('Bundesland').selectOption({ label: 'Sachsen' });
      const res = await navigate(page, () =>
        page.getByRole('button', { name: 'Träger anlegen' }).click(),
      );
      assert.equal(res.status(), 200);
      assert.match(pathOf(page), /^\/admin\/traeger\/[0-9a-f-]{36}$/);
      const detailPath = pathOf(page);
      providerPath = detailPath;
      assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), providerName);
      assert.match(await page.locator('main').textContent(), /Diesem Träger ist noch niemand zugeordnet\./);
      await checkPage(pass, 'provider-detail', { h1: providerName });

      await navigate(page, () => page.getByRole('link', { name: 'Zurück zu allen Trägern' }).click());
      assert.equal(pathOf(page), '/admin/traeger');
      const link = page.getByRole('link', { name: providerName, exact: true });
      assert.equal(await link.count(), 1, 'the new provider is listed');
      await navigate(page, () => link.click());
      assert.equal(pathOf(page), detailPath);
      assert.equal(await h1(page), providerName);
    });

    test('user form: server-side errors are listed and linked to the fields', async () => {
      await clickNav('Benutzer');
      // Let the browser send what its own validation would stop, to see the server's answer.
      await page.locator('form[action="/admin/benutzer"]').evaluate((f) => { f.noValidate = true; });
      await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
      await page.getByLabel('Name', { exact: true }).fill(userName);
      await page.getByLabel('Erstes Passwort').fill('kurz');
      const res = await navigate(page, () => page.getByRole('button', { name: 'Konto anlegen' }).click());
      assert.equal(res.status(), 422);
      const alert = page.getByRole('alert');
      assert.match(await alert.textContent(), /Bitte korrigieren Sie die markierten Angaben\./);
      assert.ok((await alert.locator('a[href="#email"]').count()) === 1, 'error summary links to the e-mail field');
      assert.equal(await page.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), userName, 'input is kept');
      await checkPage(pass, 'users-errors', { h1: 'Benutzer' });
    });

    test('admin creates a user and opens the user page', async () => {
      await clickNav('Benutzer');
      await page.getByLabel('E-Mail-Adresse').fill(userEmail);
      await page.getByLabel('Name', { exact: true }).fill(userName);
      await page.getByLabel('Rolle').selectOption({ label: 'Beratung' });
      await page.getByLabel('Träger').selectOption({ label: `${providerName} (SN)` });
      await page.getByLabel('Erstes Passwort').fill(userPassword);
      const res = await navigate(page, () => page.getByRole('button', { name: 'Konto anlegen' }).click());
      assert.equal(res.status(), 200);
      assert.match(pathOf(page), /^\/admin\/benutzer\/[0-9a-f-]{36}$/);
      const userPath = pathOf(page);
      assert.equal(await h1(page), userName);

      await navigate(page, () => page.getByRole('link', { name: 'Zurück zu allen Benutzern' }).click());
      const link = page.getByRole('link', { name: userName, exact: true });
      assert.equal(await link.count(), 1, 'the new user is listed');
      await navigate(page, () => link.click());
      assert.equal(pathOf(page), userPath);
      assert.match(await page.locator('.facts').textContent(), new RegExp(providerName));
      assert.equal(await page.getByLabel('Rolle').inputValue(), 'counsellor');
      await checkPage(pass, 'user-detail', { h1: userName });

      // The provider's page now lists the new user and links to the account.
      await page.goto(url(providerPath));
      const staff = page.getByRole('region', { name: 'Mitarbeitende' });
      assert.equal(await staff.getByRole('link', { name: userName, exact: true }).count(), 1);
      await checkPage(pass, 'provider-with-staff', { h1: providerName });
    });

    test('API token: created, secret shown once, revoked', async () => {
      await clickNav('Mein Konto');
      await page.getByLabel('Bezeichnung des Schlüssels').fill(tokenName);
      const res = await navigate(page, () => page.getByRole('button', { name: 'Schlüssel erstellen' }).click());
      assert.equal(res.status(), 200);
      const secret = (await page.locator('#new-token').textContent()).trim();
      assert.ok(secret.length >= 20, `a secret is shown: ${secret}`);
      assert.match(await page.getByRole('status').textContent(), /nur dieses eine Mal/);
      const row = page.locator('tr', { hasText: tokenName });
      assert.equal(await row.count(), 1, 'the token is listed');
      await checkPage(pass, 'account-token-created', { h1: 'Mein Konto' });

      await clickNav('Mein Konto');
      assert.equal(await page.locator('#new-token').count(), 0, 'the secret is not shown again');
      assert.ok(!(await page.content()).includes(secret), 'the secret is nowhere on the page');
      await checkPage(pass, 'account-tokens', { h1: 'Mein Konto' });

      const revoke = page.getByRole('button', { name: `Schlüssel „${tokenName}“ widerrufen` });
      await navigate(page, () => revoke.click());
      assert.equal(pathOf(page), '/konto');
      const after = page.locator('tr', { hasText: tokenName });
      assert.match(await after.textContent(), /Widerrufen/);
      assert.equal(await after.getByRole('button').count(), 0, 'a revoked token has no button');
    });

    test('language switch to English and back', async () => {
      await clickNav('Träger');
      const toEnglish = page.getByRole('button', { name: 'English', exact: true });
      assert.equal(await toEnglish.getAttribute('lang'), 'en');
      await navigate(page, () => toEnglish.click());
      assert.equal(pathOf(page), '/admin/traeger', 'stays on the page');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await h1(page), 'Providers');
      await openMenu(page);
      const labels = (await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allTextContents()).map((s) => s.trim());
      assert.deepEqual(labels, [
        'Start', 'Participants', 'Offers', 'Cohorts', 'Attendance', 'Devices', 'Referrals', 'Success factors', 'Team', 'Providers', 'Users',
        'Audit log',
        'My account',
      ]);
      await checkPage(pass, 'providers-en', { h1: 'Providers' });

      const toGerman = page.getByRole('button', { name: 'Deutsch', exact: true });
      assert.equal(await toGerman.getAttribute('lang'), 'de');
      await navigate(page, () => toGerman.click());
      assert.equal(await page.locator('html').getAttribute('lang'), 'de');
      assert.equal(await h1(page), 'Träger');
    });

    test('an unknown page shows the 404 page', async () => {
      const res = await page.goto(url('/gibt-es-nicht'));
      assert.equal(res.status(), 404);
      assert.match(await page.locator('main').textContent(), /Diese Seite gibt es nicht/);
      assert.equal(await page.getByRole('link', { name: 'Zur Startseite' }).count(), 1);
      await checkPage(pass, 'not-found', { h1: 'Seite nicht gefunden' });
    });

    test('logout ends the session; /start then asks to log in', async () => {
      await page.goto(url('/start'));
      await openMenu(page);
      await navigate(page, () => page.getByRole('button', { name: 'Abmelden' }).click());
      assert.equal(await nav().count(), 0, 'no navigation when logged out');
      const res = await page.goto(url('/start'));
      assert.equal(res.status(), 200);
      assert.equal(pathOf(page), '/anmelden');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/start');
      assert.equal(await h1(page), 'Anmelden');
    });

    test('a visitor at / sees the catalogue, the staff login is in the footer', async () => {
      await page.goto(url('/'));
      assert.equal(pathOf(page), '/angebote');
      await checkPage(pass, 'catalogue-visitor', { h1: 'Angebote' });
      const footer = page.getByRole('navigation', { name: 'Rechtliches' });
      await navigate(page, () => footer.getByRole('link', { name: 'Anmelden für Mitarbeitende' }).click());
      assert.equal(pathOf(page), '/anmelden');
    });

    test('the new user logs in; an account without tokens', async () => {
      await page.goto(url('/anmelden'));
      await submitLogin(page, userEmail, userPassword);
      assert.equal(pathOf(page), '/start');
      await clickNav('Mein Konto');
      assert.match(await page.locator('main').textContent(), /Sie haben noch keine Schlüssel\./);
      assert.equal(await page.locator('table').count(), 0);
      await checkPage(pass, 'account-no-tokens', { h1: 'Mein Konto' });
      await openMenu(page);
      await navigate(page, () => page.getByRole('button', { name: 'Abmelden' }).click());
    });

    test('coordinator: no admin links, admin pages answer 403 "Kein Zugriff"', async () => {
      // Logged out, a deep link leads to the login form and back after logging in.
      await page.goto(url('/team'));
      assert.equal(pathOf(page), '/anmelden');
      await submitLogin(page, accounts.coordinator, PASSWORD);
      assert.equal(pathOf(page), '/team');
      assert.equal(await h1(page), 'Team');
      await openMenu(page);
      const labels = (await nav().getByRole('link').allTextContents()).map((s) => s.trim());
      for (const admin of ADMIN_NAV) {
        assert.ok(!labels.includes(admin), `no "${admin}" link for a coordinator: ${labels}`);
      }
      assert.equal(await page.locator('a[href^="/admin"]').count(), 0, 'no admin links anywhere');
      await checkPage(pass, 'team-coordinator', { h1: 'Team' });

      for (const path of ['/admin/traeger', '/admin/benutzer', '/admin/protokoll']) {
        const res = await page.goto(url(path));
        assert.equal(res.status(), 403, path);
        assert.equal(await h1(page), 'Kein Zugriff', path);
      }
      await checkPage(pass, 'forbidden', { h1: 'Kein Zugriff' });
    });
  });
}

module.exports = { definePass, checkA11y };
