'use strict';
// The staff header on a phone (a menu that opens without JavaScript, by mouse and keyboard) and
// at desktop width (navigation always shown), and a focus ring with at least 3:1 contrast
// against the page around it and against the focused element on every kind of background.
const assert = require('node:assert/strict');
const { describe, before, after, test } = require('node:test');

const { url, launch, loggedInOnPhone, navigate } = require('./lib/browser');

const NAV = 'Hauptnavigation';

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Focuses `locator` by keyboard (Tab from the element before it) and reads its focus ring. */
async function ringOf(page, locator) {
  await locator.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  return locator.evaluate((el) => {
    const opaque = (node) => {
      for (let n = node; n; n = n.parentElement) {
        const bg = getComputedStyle(n).backgroundColor;
        if (!/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const style = getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      outer: style.outlineColor,
      outerWidth: parseFloat(style.outlineWidth),
      inner: (style.boxShadow.match(/rgba?\([^)]*\)/) || [null])[0],
      element: opaque(el),
      around: opaque(el.parentElement),
    };
  });
}

function assertRing(ring, label) {
  assert.ok(ring.focusVisible, `${label}: focused by keyboard`);
  assert.ok(ring.outerWidth >= 2, `${label}: outline ${ring.outerWidth}px`);
  assert.ok(ring.inner, `${label}: inner ring`);
  const onPage = contrast(ring.outer, ring.around);
  assert.ok(onPage >= 3, `${label}: ring ${ring.outer} on ${ring.around} only ${onPage.toFixed(2)}:1`);
  const onElement = Math.max(contrast(ring.inner, ring.element), contrast(ring.outer, ring.element));
  assert.ok(onElement >= 3, `${label}: ring on the element ${ring.element} only ${onElement.toFixed(2)}:1`);
}

describe('staff header and focus ring, JavaScript disabled', () => {
  let browser;
  let pass;
  let page;

  before(async () => {
    browser = await launch();
    pass = await loggedInOnPhone(browser, 'koordination2@demo.example');
    page = pass.page;
  });

  after(async () => {
    await browser?.close();
  });

  test('on a phone the header is one short row and the menu opens by click and keyboard', async () => {
    await navigate(page, () => page.goto(url('/verwaltung/durchgaenge')));
    const header = await page.locator('header.site-header').boundingBox();
    assert.ok(header.height <= 80, `header ${header.height}px high`);
    const nav = page.getByRole('navigation', { name: NAV });
    assert.equal(await nav.count(), 0, 'the navigation is folded away');
    const summary = page.locator('details.site-menu > summary');
    assert.equal((await summary.textContent()).trim(), 'Menü');
    await summary.click();
    assert.equal(await nav.getByRole('link').count() > 5, true, 'the links show');
    assert.equal(await page.getByRole('button', { name: 'Abmelden' }).isVisible(), true);
    await summary.click();
    assert.equal(await nav.count(), 0, 'closed again');
    // Keyboard: Enter on the focused summary opens it, the first link follows in tab order.
    await summary.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('details.site-menu').getAttribute('open'), '');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Start');
    const link = await nav.getByRole('link', { name: 'Durchgänge', exact: true });
    const res = await navigate(page, () => link.click());
    assert.equal(res.status(), 200);
  });

  test('the focus ring contrasts on white, on the grey header and on a blue button', async () => {
    await navigate(page, () => page.goto(url('/verwaltung/durchgaenge')));
    assertRing(await ringOf(page, page.locator('main a').first()), 'a link in the page');
    assertRing(await ringOf(page, page.locator('details.site-menu > summary')), 'the menu button in the header');
    assertRing(await ringOf(page, page.locator('main button.button').first()), 'a blue button');
  });

  test('at desktop width the navigation is always shown and the menu button hidden', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await navigate(page, () => page.goto(url('/start')));
    assert.equal(await page.locator('details.site-menu > summary').isVisible(), false);
    const nav = page.getByRole('navigation', { name: NAV });
    assert.ok((await nav.getByRole('link').count()) > 5);
    const header = await page.locator('header.site-header').boundingBox();
    assert.ok(header.height <= 120, `header ${header.height}px high`);
  });
});
