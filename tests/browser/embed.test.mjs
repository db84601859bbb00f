// The widget embedded in someone else's page: one element and one script, styles isolated both
// ways, themable, pointed at the clinic's own price book, safe with hostile labels, and honest
// about an invalid price book (every error to the console, a calm fallback for the visitor).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { fillTwoProviderQuote, launch, offsite, watch } from './browser.mjs';

const fixtures = mkdtempSync(join(tmpdir(), 'estimator-fixtures-'));
const sample = JSON.parse(readFileSync(new URL('../../src/price_book/default.json', import.meta.url), 'utf8'));
let server;
let browser;

/** A host page with hostile styles of its own, a theme, and the one-element embed. */
function hostPage(attributes) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A clinic's page</title>
<link rel="stylesheet" href="host.css"><script type="module" src="../dist/estimator.js"></script></head>
<body><main><h1>Our clinic</h1><p class="error" id="host-error">The host's own paragraph.</p>
<amnion-estimator ${attributes}></amnion-estimator></main></body></html>`;
}

before(async () => {
  writeFileSync(join(fixtures, 'host.css'), [
    'body { color: rgb(255, 0, 0); font-family: serif; letter-spacing: 3px; }',
    'p, td, select { color: rgb(255, 0, 0) !important; background: rgb(255, 255, 0) !important; }',
    'amnion-estimator { --amnion-accent: rgb(120, 20, 140); --amnion-radius: 0px; }',
  ].join('\n'));
  const hostile = structuredClone(sample);
  hostile.conditions[0].label = '<img src=x onerror=alert(1)>Heel pain';
  hostile.products[0].label = '<script>alert(2)</script>Vial';
  hostile.disclaimers.self_pay = '<b onmouseover=alert(3)>Self-pay</b>';
  hostile.clinic.name = '<iframe src="javascript:alert(4)"></iframe>Clinic';
  writeFileSync(join(fixtures, 'hostile-prices.json'), JSON.stringify(hostile));
  const invalid = structuredClone(sample);
  invalid.clinic.npi = '1234567890';
  invalid.conditions[2].typical_injections = { min: 2, max: 1 };
  writeFileSync(join(fixtures, 'invalid-prices.json'), JSON.stringify(invalid));
  writeFileSync(join(fixtures, 'hostile.html'), hostPage('price-book="hostile-prices.json"'));
  writeFileSync(join(fixtures, 'invalid.html'), hostPage('price-book="invalid-prices.json"'));
  // The widget copied without its sample price book, as a clinic might copy it.
  mkdirSync(join(fixtures, 'no-sample'));
  for (const file of ['estimator.js', 'widget.html', 'style.css', 'amnion_estimator_bg.wasm']) {
    copyFileSync(new URL(`../../www/dist/${file}`, import.meta.url), join(fixtures, 'no-sample', file));
  }
  writeFileSync(join(fixtures, 'no-sample.html'), hostPage('').replace('../dist/estimator.js', 'no-sample/estimator.js'));
  server = await serve(fixtures);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The names of the files a page asked for whose names match `pattern`, sorted. */
const filesIn = (seen, pattern) => seen.requests.map((url) => url.slice(url.lastIndexOf('/') + 1)).filter((name) => pattern.test(name)).sort();
const modulesIn = (seen) => filesIn(seen, /\.wasm$/);
const markupsIn = (seen) => filesIn(seen, /^widget|^es\.json$/);

async function open(path, { before, today } = {}) {
  const page = await browser.newPage();
  if (today) await page.clock.setFixedTime(today); // the day a staff quote is issued on
  await page.setViewportSize({ width: 1200, height: 900 });
  if (before) await page.addInitScript(before);
  const seen = await watch(page);
  const console = [];
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  await page.goto(`${server.url}${path}`);
  return { page, seen, console };
}

test('hostile labels from a price book render as text and run nothing; styles stay apart', async () => {
  const { page, seen } = await open('fixtures/hostile.html');
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  assert.equal(await page.locator('#condition option').first().textContent(), '<img src=x onerror=alert(1)>Heel pain');
  assert.ok((await page.locator('#breakdown').textContent()).includes('<script>alert(2)</script>Vial'));
  assert.ok((await page.locator('#breakdown .notes').textContent()).includes('<b onmouseover=alert(3)>Self-pay</b>'));
  const injected = await page.locator('amnion-estimator').evaluate((host) =>
    host.shadowRoot.querySelectorAll('img, script, iframe, b').length);
  assert.equal(injected, 0, 'no element was made from a label');
  assert.deepEqual(seen.dialogs, [], 'no script ran');
  assert.deepEqual(seen.violations, []);

  // Nothing leaks in: the host's red text, serif font and yellow backgrounds stop at the widget.
  const inside = await page.locator('#summary').evaluate((element) => {
    const style = getComputedStyle(element);
    return { color: style.color, font: style.fontFamily, spacing: style.letterSpacing, background: style.backgroundColor };
  });
  assert.notEqual(inside.color, 'rgb(255, 0, 0)');
  assert.ok(!inside.font.startsWith('serif'), inside.font);
  assert.equal(inside.spacing, 'normal');
  assert.notEqual(inside.background, 'rgb(255, 255, 0)');
  // Nothing leaks out: the host's own .error paragraph keeps the host's styles, not the widget's.
  assert.equal(await page.locator('#host-error').evaluate((element) => getComputedStyle(element).color), 'rgb(255, 0, 0)');
  // The theme reaches in through the custom properties.
  assert.equal(await page.locator('#total').evaluate((element) => getComputedStyle(element).color), 'rgb(120, 20, 140)');
  assert.equal(await page.locator('.answers').evaluate((element) => getComputedStyle(element).borderTopLeftRadius), '0px');
  assert.deepEqual(offsite(seen, new URL(server.url).origin), []);
  await page.close();
});

test('an invalid price book: every error to the console, a calm fallback for the visitor', async () => {
  const { page, console } = await open('fixtures/invalid.html');
  await page.locator('#fallback').waitFor();
  // The book's clinic section is fine (its problems are the NPI and a condition): whom to call.
  assert.equal(
    (await page.locator('#fallback').textContent()).trim(),
    'The online estimate is not available right now. Please call Sample Foot & Ankle Clinic at (512) 555-0100 for a price.',
  );
  assert.equal(await page.locator('#answers').isVisible(), false);
  const report = console.filter((line) => line.startsWith('error: <amnion-estimator>')).join('\n');
  assert.ok(report.includes('invalid-prices.json is not a valid price book'), report);
  assert.ok(report.includes('conditions[2].typical_injections.max: must be at least the fewest (`min`), 2; it is 1'), report);
  // The NPI is on Good Faith Estimates only: the visitor's module neither reads nor checks it (the
  // staff page's test below finds it), so the widget's report is only what it would show.
  assert.ok(!report.includes('clinic.npi'), report);
  await page.close();
});

test('a book whose only problems are in parts a visitor never sees still prices for visitors, and is refused by the staff page', async () => {
  const staffOnly = structuredClone(sample);
  staffOnly.clinic.npi = '1234567890';
  staffOnly.extras[0].price_cents = -100;
  staffOnly.good_faith_estimate.dispute_rights = { en: 'Ask us.' };
  staffOnly.therapy_partners[0].address.zip = '7870';
  staffOnly.conditions[0].icd10.left = 'heel';
  writeFileSync(join(fixtures, 'staff-only-problems.json'), JSON.stringify(staffOnly));
  writeFileSync(join(fixtures, 'staff-only-problems.html'), hostPage('price-book="staff-only-problems.json"'));
  const { page, console } = await open('fixtures/staff-only-problems.html');
  // The same first total as the sample's: nothing a visitor sees comes from those parts.
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  assert.equal(await page.locator('#total').textContent(), '$1,638.75 – $2,829.81');
  assert.deepEqual(console.filter((line) => line.startsWith('error:')), []);
  await page.close();

  const staff = await open('staff.html?price-book=fixtures/staff-only-problems.json');
  await staff.page.locator('#error').waitFor();
  const text = await staff.page.locator('#error').textContent();
  for (const path of ['clinic.npi', 'conditions[0].icd10.left', 'extras[0].price_cents', 'good_faith_estimate.dispute_rights', 'therapy_partners[0].address.zip']) {
    assert.ok(text.includes(`${path}:`), `${path} in ${text}`);
  }
  await staff.page.close();
});

test('the price book downloads beside the module, not after it; the sample only when no book is named', async () => {
  // When the module is ready: the moment its instantiation resolves (before this change, the book
  // was asked for only after that).
  const noteReady = () => {
    for (const name of ['instantiateStreaming', 'instantiate']) {
      const original = WebAssembly[name];
      WebAssembly[name] = async (...args) => {
        const result = await original(...args);
        window.__moduleReady ??= performance.now();
        return result;
      };
    }
  };
  const { page, seen } = await open('fixtures/hostile.html', { before: noteReady });
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  const { book, ready } = await page.evaluate(() => ({
    book: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/hostile-prices.json'))?.startTime,
    ready: window.__moduleReady,
  }));
  assert.ok(book !== undefined && ready !== undefined, `book ${book}, module ready ${ready}`);
  assert.ok(book < ready, `the book was asked for at ${book} ms, the module was ready at ${ready} ms`);
  assert.deepEqual(seen.requests.filter((url) => url.endsWith('sample-price-book.json')), [], 'no sample with a book of its own');
  await page.close();

  const sample = await open('');
  await sample.page.locator('#total', { hasText: /^\$/ }).waitFor();
  assert.equal(sample.seen.requests.filter((url) => url.endsWith('/dist/sample-price-book.json')).length, 1);
  assert.equal(await sample.page.locator('#sample-notice').isVisible(), true, 'the sample says it is one');
  await sample.page.close();
});

test('a widget copied without its sample price book says so: the fallback, and why in the console', async () => {
  const { page, console, seen } = await open('fixtures/no-sample.html');
  await page.locator('#fallback').waitFor();
  assert.equal(
    (await page.locator('#fallback').textContent()).trim(),
    'The online estimate is not available right now. Please call the clinic for a price.',
  );
  assert.equal(await page.locator('#answers').isVisible(), false);
  const report = console.filter((line) => line.startsWith('error: <amnion-estimator>')).join('\n');
  assert.match(report, /could not load http:\/\/127\.0\.0\.1:\d+\/fixtures\/no-sample\/sample-price-book\.json: HTTP 404/);
  assert.deepEqual(seen.errors, [], 'no uncaught error');
  await page.close();
});

test('the staff page shows every error of an invalid price book', async () => {
  const { page } = await open('staff.html?price-book=fixtures/invalid-prices.json');
  await page.locator('#error').waitFor();
  const text = await page.locator('#error').textContent();
  assert.ok(text.includes('invalid-prices.json is not a valid price book'), text);
  assert.ok(text.includes('clinic.npi: has a last digit that does not match the other nine: check "1234567890" for a typo'), text);
  assert.ok(text.includes('conditions[2].typical_injections.max: must be at least the fewest (`min`), 2; it is 1'), text);
  assert.equal(await page.locator('#quote-form').isVisible(), false, 'nothing is quoted from a bad book');
  await page.close();
});

test('the staff page quotes from a clinic price book given to it', async () => {
  const { page } = await open('staff.html?price-book=fixtures/hostile-prices.json');
  const first = page.locator('#condition option:not([disabled])').first(); // after "Choose…"
  await first.waitFor({ state: 'attached' });
  assert.equal(await first.textContent(), '<img src=x onerror=alert(1)>Heel pain');
  await page.close();
});

test('one module a page, with the words of its widgets\' languages; each language its markup', async () => {
  // A module with one language's words leaves the other's out (DESIGN.md, "Why a visitor's module
  // per language?"); a page with widgets in both takes the module with both.
  writeFileSync(join(fixtures, 'english.html'), hostPage('lang="en"'));
  writeFileSync(join(fixtures, 'both.html'), hostPage('lang="en"').replace('</main>', '<amnion-estimator lang="es"></amnion-estimator></main>'));
  const english = await open('fixtures/english.html');
  await english.page.locator('#total', { hasText: /^\$/ }).waitFor();
  assert.equal(await english.page.locator('#breakdown caption').first().textContent(), 'Low end: 1 injection');
  assert.deepEqual(modulesIn(english.seen), ['amnion_estimator_bg.wasm']);
  assert.deepEqual(markupsIn(english.seen), ['widget.html']);
  await english.page.close();
  const both = await open('fixtures/both.html');
  const [first, second] = [both.page.locator('amnion-estimator').nth(0), both.page.locator('amnion-estimator').nth(1)];
  await first.locator('#total', { hasText: /^\$/ }).waitFor();
  await second.locator('#total', { hasText: /^\$/ }).waitFor();
  // The page's first answers, as in widget.test.mjs: $1,638.75 – $2,829.81 in either language.
  assert.equal(await first.locator('#total').textContent(), '$1,638.75 – $2,829.81');
  assert.equal(await second.locator('#total').textContent(), '$1,638.75 – $2,829.81');
  assert.equal(await first.locator('#breakdown caption').first().textContent(), 'Low end: 1 injection');
  assert.equal(await second.locator('#breakdown caption').first().textContent(), 'Mínimo: 1 inyección');
  assert.deepEqual(modulesIn(both.seen), ['amnion_estimator_en_es_bg.wasm']);
  assert.deepEqual(markupsIn(both.seen), ['widget.html', 'widget-es.html'].sort());
  assert.deepEqual([...both.seen.errors, ...both.seen.violations, ...both.seen.dialogs], []);
  await both.page.close();
});

test('in Spanish by attribute: the page, the lines and the notes; the same amounts', async () => {
  writeFileSync(join(fixtures, 'spanish.html'), hostPage('lang="es"'));
  const { page, seen } = await open('fixtures/spanish.html');
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  // The page's first answers, as in widget.test.mjs: $1,638.75 – $2,829.81 in either language.
  assert.equal(await page.locator('#total').textContent(), '$1,638.75 – $2,829.81');
  assert.equal(await page.locator('.title').textContent(), '¿Cuánto me costaría el tratamiento?');
  assert.equal(await page.locator('label[for="condition"]').textContent(), 'Su afección');
  assert.equal(await page.locator('#condition option').first().textContent(), 'Fascitis plantar (dolor de talón)');
  assert.equal(await page.locator('#injections option').last().textContent(), 'Todavía no lo sé');
  assert.equal(await page.locator('#breakdown caption').first().textContent(), 'Mínimo: 1 inyección');
  assert.match(await page.locator('#breakdown .notes').textContent(), /Por lo general, el seguro médico no cubre/);
  assert.match(await page.locator('#payment').textContent(), /Pago total/);
  assert.equal(await page.locator('amnion-estimator').evaluate((host) => host.shadowRoot.querySelector('.estimator').lang), 'es');
  assert.deepEqual(modulesIn(seen), ['amnion_estimator_es_bg.wasm']);
  assert.deepEqual(markupsIn(seen), ['widget-es.html'], 'the markup in Spanish, and no es.json');
  // "each" agrees with the product (un aloinjerto): cada uno, beside the select.
  assert.equal(await page.locator('#product option').first().textContent(), 'Aloinjerto amniótico de 1 mL');
  assert.equal(await page.locator('#product-detail').textContent(), '$1,200.00 cada uno');
  assert.equal(await page.locator('#gfe-notice h3').textContent(), 'Su derecho a un Estimado de buena fe');
  assert.match(await page.locator('#gfe-notice').textContent(), /al menos \$400 más alta que su Estimado de buena fe, puede disputar la factura/);
  assert.equal(
    await page.locator('#gfe-notice .how-to-ask').textContent(),
    'Para pedir un Estimado de buena fe, llame a Sample Foot & Ankle Clinic al (512) 555-0100 o escriba a estimates@clinic.example.',
  );
  assert.equal(await page.locator('#hsa-summary').textContent(), 'Ingrese su tramo del impuesto federal sobre la renta para ver cuánto ahorra al pagar con una HSA o FSA.');
  await page.screenshot({ path: new URL('./screenshots/widget-spanish.png', import.meta.url).pathname, fullPage: true });
  await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
  await page.fill('#coinsurance', '120');
  await page.locator('#coinsurance').blur(); // judged as the visitor leaves the box
  assert.equal(
    await page.locator('#error-summary li').textContent(),
    'Su coseguro (%): escriba un porcentaje de 0 a 100; usted escribió "120"',
    'the field and the reason, both in Spanish',
  );
  assert.equal(await page.locator('#error-summary h3').textContent(), 'Hay un problema');
  assert.equal(await page.locator('#coinsurance-error').textContent(), 'escriba un porcentaje de 0 a 100; usted escribió "120"');
  // The lines no therapy answer touches stay, in Spanish, then what to fix; no total.
  assert.match(await page.locator('#breakdown table.breakdown').first().textContent(), /Aloinjerto amniótico de 1 mL/);
  assert.equal(await page.locator('#breakdown .what-to-fix').textContent(), 'Corrija la respuesta marcada arriba para ver el estimado línea por línea.');
  assert.equal(await page.locator('#total').textContent(), 'Revise sus respuestas');
  await page.fill('#coinsurance', '20');
  await page.locator('#coinsurance').blur();
  assert.equal(await page.locator('fieldset.copay-timing legend').textContent(), '¿Su copago se aplica antes de cubrir el deducible?');
  assert.match(await page.locator('#breakdown .notes').textContent(), /No se ingresó el deducible de su plan/);
  assert.match(await page.locator('#breakdown .notes').textContent(), /La fisioterapia se muestra con los precios propios de Sample Foot & Ankle Clinic\. Si la recibe en otro consultorio, se aplican los precios de ese consultorio\./);
  await page.locator('#pay-section > summary').click();
  await page.fill('#federal-tax', '140');
  await page.locator('#federal-tax').blur();
  assert.equal(
    await page.locator('#error-summary li').textContent(),
    'Tramo del impuesto federal sobre la renta (%): escriba un porcentaje de 0 a 100; usted escribió "140"',
  );
  assert.deepEqual([...seen.errors, ...seen.violations, ...seen.dialogs], []);
  await page.close();
});

test('the staff page in Spanish, Good Faith Estimate and all', async () => {
  const { page } = await open('staff.html?lang=es', { today: new Date(2026, 10, 21, 10, 0) });
  await page.locator('#status', { hasText: /./ }).waitFor();
  assert.equal(await page.locator('h1').textContent(), 'Cotización y Estimado de buena fe');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await page.locator('#condition option:checked').textContent(), 'Elija…', 'a choice not made yet');
  await fillTwoProviderQuote(page);
  await page.locator('.gfe').waitFor();
  assert.equal(await page.locator('.gfe h2').textContent(), 'Estimado de buena fe');
  assert.match(await page.locator('.gfe-dates').textContent(), /^Emitido el 21 de noviembre de 2026 · Válido hasta el 20 de enero de 2027/);
  assert.match(await page.locator('.gfe-disclaimers').textContent(), /resolución de disputas/);
  await page.screenshot({ path: new URL('./screenshots/staff-spanish.png', import.meta.url).pathname, fullPage: true });
  await page.close();
});
