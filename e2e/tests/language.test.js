'use strict';
// Language competence at 375 px with JavaScript disabled: staff open a participant's language
// page (chart and table, certificates); the demo participant Samuel answers a can-do statement
// on /mein-weg and finds his certificate, whose credential Node's own Ed25519 (OpenSSL) checks
// against the provider's published JWKS; the public verify page says valid. Every page gets
// checkPage (no scripts, one h1, axe-core WCAG 2.1 AA, no sideways scroll).
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { describe, before, after, test } = require('node:test');

const { url, launch, loggedInOnPhone, navigate, checkPage, pathOf } = require('./lib/browser');

function b64url(s) {
  return Buffer.from(s, 'base64url');
}

describe('language competence at 375×812, JavaScript disabled', () => {
  let browser;

  before(async () => {
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  test('staff see levels over time and the certificates', async () => {
    const pass = await loggedInOnPhone(browser, 'beratung1@demo.example');
    const page = pass.page;
    let res = await navigate(page, () => page.goto(url('/verwaltung/teilnehmende?q=Mensah')));
    assert.equal(res.status(), 200);
    const href = await page
      .locator('main a[href^="/verwaltung/teilnehmende/"]')
      .filter({ hasText: 'Mensah' })
      .first()
      .getAttribute('href');
    res = await navigate(page, () => page.goto(url(`${href}/sprache`)));
    assert.equal(res.status(), 200);
    await checkPage(pass, 'language-staff', { h1: 'Sprachstand von Samuel Mensah' });
    assert.equal(await page.locator('main figure svg').count(), 1, 'the chart');
    const text = await page.locator('main').innerText();
    assert.match(text, /telc Deutsch B1·B2 Beruf/);
    assert.match(text, /Einstufungstest/);
    assert.match(text, /Ausgestellt am/);
  });

  test('Samuel answers a statement and his certificate verifies', async () => {
    const pass = await loggedInOnPhone(browser, 'samuel.mensah1@mail.demo.example');
    const page = pass.page;
    assert.equal(pathOf(page), '/mein-weg');
    const box = page.locator('#sprache');
    assert.match(await box.innerText(), /Ich kann/, 'plain German beside his language');
    await box.locator('fieldset.can-do label.att-choice').first().click();
    const res = await navigate(page, () => box.locator('button[type="submit"]').click());
    assert.equal(res.status(), 200);
    assert.equal(await page.locator('#sprache [role="status"]').count(), 1, 'saved');
    await checkPage(pass, 'portal-language');

    const credentialHref = await page.locator('#sprache a[href*="/credential"]').first().getAttribute('href');
    const jwt = await (await fetch(url(new URL(credentialHref).pathname))).text();
    const [h, p, s] = jwt.split('.');
    const header = JSON.parse(b64url(h));
    const claims = JSON.parse(b64url(p));
    assert.equal(header.alg, 'EdDSA');
    assert.deepEqual(claims.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    const provider = claims.iss.split('/').pop();
    const jwks = await (await fetch(url(`/api/v1/public/issuers/${provider}/jwks.json`))).json();
    const jwk = jwks.keys.find((k) => k.kid === header.kid);
    assert.ok(jwk, 'the JWKS names the key');
    const key = crypto.createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
    assert.ok(crypto.verify(null, Buffer.from(`${h}.${p}`), key, b64url(s)), 'the signature holds');
    const altered = Buffer.from(`${h}.${p.slice(0, -2)}${p.endsWith('A') ? 'B' : 'A'}${p.slice(-1)}`);
    assert.ok(!crypto.verify(null, altered, key, b64url(s)), 'an altered token fails');

    const verifyHref = await page.locator('#sprache a[href*="/nachweise/"]').first().getAttribute('href');
    const checked = await navigate(page, () => page.goto(url(new URL(verifyHref).pathname)));
    assert.equal(checked.status(), 200);
    await checkPage(pass, 'certificate-verify');
    const text = await page.locator('main').innerText();
    assert.match(text, /Dieser Nachweis ist echt und gültig\./);
    assert.match(text, /This certificate is genuine and valid\./);
  });
});
