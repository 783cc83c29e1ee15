'use strict';
// The checks themselves: axe-core must find a known violation and the width check a too wide
// page, or a green run would prove nothing.
const assert = require('node:assert/strict');
const { test, before, after } = require('node:test');
const { url, launch, openPass, checkA11y, checkNoHorizontalScroll, checkPage } = require('./lib/browser');

let browser;
let pass;

before(async () => {
  browser = await launch();
  pass = await openPass(browser, { width: 375, height: 812 });
});

after(async () => {
  await browser?.close();
});

async function show(html) {
  const target = url('/__e2e-selftest');
  await pass.page.route(target, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await pass.page.goto(target);
  await pass.page.unroute(target);
}

test('axe-core reports violations (missing label, missing lang, poor contrast)', async () => {
  await show(`<!doctype html><html><head><title>x</title></head><body><main>
    <h1>Selbsttest</h1><input id="x"><p style="color:#bbb;background:#fff">blass</p></main></body></html>`);
  await assert.rejects(checkA11y(pass, 'selftest'), (err) => {
    assert.match(err.message, /html-has-lang/);
    assert.match(err.message, /label/);
    assert.match(err.message, /color-contrast/);
    return true;
  });
});

test('axe-core passes a clean page', async () => {
  await show(`<!doctype html><html lang="de"><head><title>x</title></head><body><main>
    <h1>Selbsttest</h1><label for="x">Name</label><input id="x"></main></body></html>`);
  await checkA11y(pass, 'selftest-clean');
});

test('the width check catches a page that scrolls sideways', async () => {
  await show(`<!doctype html><html lang="de"><head><title>x</title></head><body>
    <div style="width:600px">breit</div></body></html>`);
  await assert.rejects(checkNoHorizontalScroll(pass, 'selftest-wide'), /page scrolls sideways[\s\S]*too wide[^\n]*div/);
});

test('the width check catches a table that scrolls inside the page and squeezed text', async () => {
  await show(`<!doctype html><html lang="de"><head><title>x</title></head><body>
    <div style="overflow-x:auto"><table style="width:600px"><tr><td>breit</td></tr></table></div>
    <dl style="display:grid;grid-template-columns:max-content minmax(0,1fr);width:240px"><dt>Stunden (ohne abgesagte Termine)</dt><dd style="overflow-wrap:anywhere;margin:0">Abgeschlossen</dd></dl>
    </body></html>`);
  await assert.rejects(checkNoHorizontalScroll(pass, 'selftest-squeezed'), (err) => {
    assert.match(err.message, /div scrolls sideways inside the page/);
    assert.match(err.message, /text squeezed to about one character per line: dd "Abgeschlossen"/);
    return true;
  });
});

test('a grid may scroll only with its caption in view and a visible hint', async () => {
  const grid = (hint) => `<!doctype html><html lang="de"><head><title>x</title></head><body>
    ${hint ? '<p id="h">Seitlich wischen</p>' : ''}
    <div class="scroll-grid" style="overflow-x:auto" aria-describedby="h"><table style="width:600px">
    <caption style="position:sticky;left:0;max-width:300px">Januar</caption><tr><td>1</td></tr></table></div></body></html>`;
  await show(grid(false));
  await assert.rejects(checkNoHorizontalScroll(pass, 'selftest-grid'), /scrolls without a visible hint/);
  await show(grid(true));
  await checkNoHorizontalScroll(pass, 'selftest-grid-hint');
});

test('the no-JavaScript check allows JSON-LD data but catches a real script', async () => {
  const head = '<!doctype html><html lang="de"><head><title>x</title>'
    + '<script type="application/ld+json">{"@type":"Course"}</script>';
  await show(`${head}</head><body><main><h1>Selbsttest</h1></main></body></html>`);
  await checkPage(pass, 'selftest-jsonld', { h1: 'Selbsttest' });
  await show(`${head}<script src="/x.js"></script></head><body><main><h1>Selbsttest</h1></main></body></html>`);
  await assert.rejects(checkPage(pass, 'selftest-script', { h1: 'Selbsttest' }), /uses no JavaScript/);
});
