// The bill checked against the quote on screen, on the staff page in headless Chromium (issue 21):
// a bill $400.00 over for the clinic shows the dispute date and prints alone (PDF text read back,
// pages turned into PNGs in tests/browser/screenshots/); an invalid entry is refused at its field
// with nothing shown or printed; axe finds no violation; the section's boxes fit at 360 and
// 1280 px; the Spanish page says it in Spanish, for an English estimate reopened there too (its
// result, refusals, printout and the check recorded in the register), with a dispute date that has
// passed said to have passed; a clinic in Colorado (a book served on the page's own origin) sees
// its state's cap.
//
// The quote is browser.mjs's two-provider quote, issued 2026-11-21: the clinic's estimate is
// $2,829.81 and Riverside's $920.00 (worked out in staff.test.mjs). The bill, dated 2026-12-15,
// bills the clinic $3,229.81: 3,229.81 − 2,829.81 = 400.00, "at least $400 more", so the patient
// may start a dispute until 2026-12-15 + 120 days: 16 left in December, 31 in January (47), 28 in
// February (75), 31 in March (106), 14 of April: April 14, 2027. Riverside's bill is left blank.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fillTwoProviderQuote, offsite, session, watch } from './browser.mjs';

const require = createRequire(new URL('../../.ci/package.json', import.meta.url));
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const shared = session();
const { shots } = shared;

const TODAY = new Date(2026, 10, 21, 10, 0); // 2026-11-21, 10:00 on this machine's clock
const BILL_DAY = new Date(2026, 11, 15, 10, 0); // 2026-12-15, the day the bill is checked

/** The staff page, with `book` (a price book object) served on its own origin when given. */
async function staffPage({ width = 1280, language = 'en', book = null } = {}) {
  const page = await shared.browser.newPage();
  await page.clock.setFixedTime(TODAY);
  await page.setViewportSize({ width, height: 900 });
  const seen = await watch(page);
  if (book) await page.route('**/test-book.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(book) }));
  await page.goto(`${shared.server.url}staff.html?lang=${language}${book ? '&price-book=test-book.json' : ''}`);
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  return { page, seen };
}

/** The quote, then the bill: dated 2026-12-15, the clinic's total `clinicTotal`. */
async function enterBill(page, clinicTotal = '3,229.81') {
  await fillTwoProviderQuote(page);
  await page.locator('#bill-form').waitFor();
  // The bill comes later: it is checked on its own date (a bill dated after today is refused).
  await page.clock.setFixedTime(BILL_DAY);
  await page.fill('#bill-date', '2026-12-15');
  await page.fill('#bill-0-total', clinicTotal);
  await page.click('#bill-check');
}

async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.flatMap((v) => v.nodes.map((node) => `${v.id} at ${node.target.join(' ')}: ${v.help}`));
  });
}

test('a bill $400 over for the clinic shows the dispute date, and prints alone', async () => {
  const { page, seen } = await staffPage();
  await enterBill(page);
  const result = page.locator('#bill-result');
  const clinic = result.locator('.bill-provider').first();
  assert.equal(await result.locator('.bill-provider').count(), 1, 'only the clinic was billed');
  assert.equal(await clinic.getAttribute('data-over'), 'true');
  assert.deepEqual(await clinic.locator('.bill-amounts dd').allTextContents(), ['$2,829.81', '$3,229.81', '$400.00']);
  const text = (await result.textContent()).replace(/\s+/g, ' ');
  assert.match(text, /Billed \$3,229\.81: \$400\.00 more than the estimate of \$2,829\.81\./);
  assert.match(text, /the patient may start a patient-provider dispute until April 14, 2027\. First, Sample Foot & Ankle Clinic can adjust the bill to the estimate of \$2,829\.81\./);
  assert.equal(await page.getAttribute('#bill-print', 'aria-disabled'), 'false');
  assert.deepEqual(await axe(page), [], 'axe: the checked bill');
  await page.locator('#bill-section').screenshot({ path: `${shots}staff-bill-1280.png` });

  // "Print the bill check": the page is marked, then the browser prints (stubbed here, and printed
  // to PDF instead, as the browser's print dialog would).
  await page.evaluate(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
  await page.click('#bill-print');
  assert.equal(await page.evaluate(() => window.printed), 1);
  assert.ok(await page.evaluate(() => document.body.classList.contains('printing-bill')));
  const pdf = `${shots}staff-bill.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, `${shots}staff-bill-page`]);
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
  assert.match(printed, /The bill checked against GFE-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/);
  assert.match(printed, /Ana Ruiz · Date of birth March 4, 1970 · Quote GFE-/);
  assert.match(printed, /Bill dated December 15, 2026\./);
  assert.match(printed, /Sample Foot & Ankle Clinic · Convening provider · NPI 1234567893/);
  assert.match(printed, /dispute until April 14, 2027/);
  assert.ok(!printed.includes('Coverage screening'), 'the quote form does not print');
  assert.ok(!printed.includes('Items and services to schedule separately'), 'the Good Faith Estimate does not print with it');
  assert.ok(!printed.includes('Date on the bill'), 'the bill\'s fields do not print');
  // The browser's own print, with the page not marked, prints the quote and not the bill check.
  await page.evaluate(() => document.body.classList.remove('printing-bill'));
  const quotePdf = `${shots}staff-bill-quote.pdf`;
  await page.pdf({ path: quotePdf, format: 'Letter' });
  const quote = execFileSync('pdftotext', ['-layout', quotePdf, '-']).toString();
  assert.ok(quote.includes('Good Faith Estimate') && !quote.includes('The bill checked against'), 'the quote prints alone');

  assert.deepEqual(offsite(seen, new URL(shared.server.url).origin), [], 'no outside requests');
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.violations, [], 'the strict Content Security Policy held');
  await page.close();
});

test('an invalid bill entry is refused at its field, and nothing shows or prints', async () => {
  const { page, seen } = await staffPage();
  await enterBill(page);
  // A good check first, then a bad entry: the result goes, and Print is off.
  await page.fill('#bill-0-total', '');
  await page.fill('#bill-0-0-code', 'Q4139');
  await page.fill('#bill-0-0-units', '1.5');
  await page.fill('#bill-0-0-amount', '12k');
  const units = page.locator('#bill-0-0-units');
  assert.equal(await units.getAttribute('aria-invalid'), 'true');
  const message = await page.locator(`#${await units.getAttribute('aria-describedby')}`).textContent();
  assert.equal(message, 'must be a whole number of units, 1 to 999; it is "1.5"');
  assert.match(await page.locator('#bill-0-0-amount-error').textContent(), /^enter an amount like 1,500\.00; you typed "12k"$/);
  assert.equal(await page.locator('#bill-result').textContent(), '', 'no result from a refused bill');
  assert.equal(await page.getAttribute('#bill-print', 'aria-disabled'), 'true');
  assert.ok(await page.locator('#bill-print-reason').isVisible());
  // Print outputs nothing and shows the problems. (Playwright waits for an aria-disabled button
  // to be enabled; staff can still click it, to learn why it is off.)
  await page.evaluate(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
  await page.click('#bill-print', { force: true });
  assert.equal(await page.evaluate(() => window.printed ?? 0), 0, 'nothing printed');
  assert.ok(await page.evaluate(() => document.activeElement.id === 'bill-error-summary'), 'the problems are focused');
  assert.match(await page.locator('#bill-error-summary').textContent(), /Item 1: units: must be a whole number of units/);
  assert.deepEqual(await axe(page), [], 'axe: a refused bill');
  // A date before the estimate was issued is refused at the date.
  await page.fill('#bill-0-0-units', '2');
  await page.fill('#bill-0-0-amount', '2109');
  await page.fill('#bill-date', '2026-11-01');
  assert.match(await page.locator('#bill-date-error').textContent(), /before the estimate was issued \(November 21, 2026\)/);
  assert.equal(await page.locator('#bill-result').textContent(), '');
  // A date after today (checked on 2026-12-15): refused at the date, in words, and no dispute deadline.
  await page.fill('#bill-date', '2027-02-10');
  await page.click('#bill-check');
  assert.match(await page.locator('#bill-date-error').textContent(), /is after today \(December 15, 2026\)/);
  assert.equal(await page.locator('#bill-result').textContent(), '');
  assert.doesNotMatch(await page.locator('#bill-section').textContent(), /June 10, 2027/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

for (const width of [360, 1280]) {
  test(`the bill's fields and result fit at ${width} px`, async () => {
    const { page } = await staffPage({ width });
    await enterBill(page);
    const boxes = await page.evaluate(() => {
      const box = (element) => element.getBoundingClientRect();
      const section = box(document.getElementById('bill-section'));
      const inside = [...document.querySelectorAll('#bill-section input, #bill-section button, .bill-provider, .bill-amounts')]
        .filter((element) => element.type !== 'hidden')
        .map((element) => ({ id: element.id || element.className, left: box(element).left, right: box(element).right }))
        .filter(({ left, right }) => left < section.left - 0.5 || right > section.right + 0.5);
      return {
        page: { scroll: document.documentElement.scrollWidth, inner: window.innerWidth },
        section: { left: section.left, right: section.right, width: section.width },
        outside: inside,
        fields: box(document.getElementById('bill-form')),
        result: box(document.getElementById('bill-result')),
      };
    });
    assert.ok(boxes.page.scroll <= boxes.page.inner, `no horizontal overflow: ${JSON.stringify(boxes.page)}`);
    assert.ok(boxes.section.left >= 0 && boxes.section.right <= width, `the section is on screen: ${JSON.stringify(boxes.section)}`);
    assert.deepEqual(boxes.outside, [], 'every field and result box is inside the section');
    if (width >= 1280) {
      // Side by side: the result beside the fields, at the same height.
      assert.ok(boxes.result.left >= boxes.fields.right, `result beside the fields: ${JSON.stringify(boxes)}`);
      assert.ok(boxes.section.width > 900, 'the section spans the page');
    } else {
      assert.ok(boxes.result.top >= boxes.fields.bottom, `result under the fields: ${JSON.stringify(boxes)}`);
    }
    await page.locator('#bill-section').screenshot({ path: `${shots}staff-bill-${width}.png` });
    await page.close();
  });
}

test('the Spanish staff page checks the bill in Spanish', async () => {
  const { page, seen } = await staffPage({ language: 'es' });
  assert.equal(await page.locator('#bill-heading').textContent(), 'Revisar la factura');
  await enterBill(page);
  const text = (await page.locator('#bill-result').textContent()).replace(/\s+/g, ' ');
  assert.match(text, /Facturado \$3,229\.81: \$400\.00 más que el estimado de \$2,829\.81\./);
  assert.match(text, /hasta el 14 de abril de 2027/);
  assert.equal(await page.locator('label[for="bill-date"]').textContent(), 'Fecha de la factura');
  assert.deepEqual(await axe(page), [], 'axe: the Spanish page');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a clinic in Colorado sees its state\'s cap beside the federal threshold', async () => {
  // The sample book with the clinic in Denver and Colorado's row, served on the page's own origin.
  const book = JSON.parse(readFileSync(new URL('../../src/price_book/default.json', import.meta.url), 'utf8'));
  book.clinic.address = { street: '1 Main St', city: 'Denver', state: 'CO', zip: '80202' };
  book.state_bill_caps = [{ state: 'CO', percent_over_bp: 1500, amount_over_cents: 40000, citation: 'C.R.S. 25-49-106(1)(b)' }];
  const { page: staff, seen } = await staffPage({ book });
  // The clinic's estimate is $2,829.81 (the same prices): 15 % of it is $424.4715, rounded down
  // $424.47, more than $400.00, so the cap is 2,829.81 + 400.00 = $3,229.81. A bill of $3,229.82 is
  // $0.01 over it, and $400.01 over the estimate: a dispute too.
  await enterBill(staff, '3229.82');
  const text = (await staff.locator('#bill-result').textContent()).replace(/\s+/g, ' ');
  assert.match(text, /CO law \(C\.R\.S\. 25-49-106\(1\)\(b\)\) caps a self-pay bill at \$3,229\.81: the estimate plus 15% of it \(\$424\.47\) or \$400\.00, whichever is less\. This bill is \$0\.01 over the cap\./);
  assert.match(text, /dispute until April 14, 2027/);
  await staff.locator('#bill-section').screenshot({ path: `${shots}staff-bill-colorado.png` });
  assert.deepEqual(seen.errors, []);
  await staff.close();
});

test('on the Spanish page, an English estimate\'s bill check is in Spanish, and a dispute date that has passed is said to have passed', async () => {
  // The English original of the revision chain (tests/fixtures/saved-quotes/): Lucía Herrera, born
  // 1981-05-14, issued December 1, 2026, the clinic alone, $1,795.50 (staff-revisions.test.mjs).
  const { page, seen } = await staffPage({ language: 'es' });
  await page.clock.setFixedTime(new Date(2026, 11, 7, 10, 0));
  await page.setInputFiles('#open', new URL('../fixtures/saved-quotes/revision-chain-1-original.json', import.meta.url).pathname);
  await page.waitForFunction(() => !document.getElementById('reopened').hidden);
  // The estimate keeps its own language; the bill's fields name the role in the page's.
  assert.match(await page.locator('#quote-output').textContent(), /Convening provider: Sample Foot & Ankle Clinic/);
  assert.equal(await page.locator('#bill-providers legend').first().textContent(), 'Sample Foot & Ankle Clinic · Proveedor convocante · NPI 1234567893');
  // Checked on Dec 20, 2027 (the walk-through's day), a bill dated Feb 10, 2027: 120 days from it
  // (18 left in February, 31 + 30 + 31, then 10 of June) ended on June 10, 2027.
  await page.clock.setFixedTime(new Date(2027, 11, 20, 10, 0));
  await page.fill('#bill-date', '2027-02-10');
  // A total that is not the items' sum (one item of $50.00) is refused at the total, in Spanish.
  await page.fill('#bill-0-total', '100');
  await page.fill('#bill-0-0-code', '99204');
  await page.fill('#bill-0-0-units', '1');
  await page.fill('#bill-0-0-amount', '50');
  await page.click('#bill-check');
  assert.equal(await page.locator('#bill-0-total-error').textContent(), 'no es la suma de los artículos escritos abajo ($50.00): revise ambos, o deje el total en blanco');
  assert.match(await page.locator('#bill-error-summary').textContent(), /Total facturado \(\$\): no es la suma de los artículos/);
  assert.equal(await page.locator('#bill-result').textContent(), '');
  // Only the total: 2,195.50 − 1,795.50 = 400.00 over, "at least $400 more".
  for (const field of ['code', 'units', 'amount']) await page.fill(`#bill-0-0-${field}`, '');
  await page.fill('#bill-0-total', '2,195.50');
  const result = page.locator('#bill-result');
  await page.waitForFunction(() => document.getElementById('bill-result').textContent.length > 0);
  const text = (await result.textContent()).replace(/\s+/g, ' ');
  assert.match(text, /^La factura comparada con GFE-AAJ8-1STR-C4FQ-G/);
  assert.match(text, /Lucía Herrera · Fecha de nacimiento 14 de mayo de 1981 · Cotización GFE-AAJ8-1STR-C4FQ-G/);
  assert.match(text, /Factura con fecha del 10 de febrero de 2027\./);
  assert.equal(await result.locator('.bill-provider h4').textContent(), 'Sample Foot & Ankle Clinic · Proveedor convocante · NPI 1234567893');
  assert.deepEqual(await result.locator('.bill-amounts dt').allTextContents(), ['Estimado', 'Facturado', 'Diferencia']);
  assert.match(text, /Facturado \$2,195\.50: \$400\.00 más que el estimado de \$1,795\.50\./);
  assert.match(text, /pero los 120 días desde la fecha de la factura para iniciar una disputa entre paciente y proveedor terminaron el 10 de junio de 2027\. Sample Foot & Ankle Clinic todavía puede ajustar la factura al estimado de \$1,795\.50\./);
  assert.doesNotMatch(text, /hasta el 10 de junio/, 'not said as if still open');
  await page.locator('#bill-section').screenshot({ path: `${shots}staff-bill-es-english-estimate.png` });

  // Its printout: Spanish, with no English sentence of the check.
  await page.evaluate(() => { window.print = () => {}; });
  await page.click('#bill-print');
  const pdf = `${shots}staff-bill-es-english-estimate.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, `${shots}staff-bill-es-english-estimate-page`]);
  const printed = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
  assert.match(printed, /La factura comparada con GFE-AAJ8-1STR-C4FQ-G/);
  assert.match(printed, /Proveedor convocante/);
  assert.match(printed, /terminaron el 10 de junio de 2027/);
  assert.doesNotMatch(printed, /The bill checked|Date of birth|Quote GFE|Bill dated|Convening provider|\bEstimate\b|\bBilled\b|\bDifference\b|dispute|calendar days|June/);
  await page.evaluate(() => document.body.classList.remove('printing-bill'));

  // Saved, it is in the register; the bill checked again is recorded with it
  // (`registerBill`), and shown again from the register after a reload, in Spanish.
  await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  await page.waitForFunction(() => document.getElementById('register-list').textContent.includes('GFE-AAJ8-1STR-C4FQ-G'));
  await page.click('#bill-check');
  await page.waitForFunction(() => document.getElementById('register-message').textContent.includes('factura'));
  assert.equal(await page.locator('#register-message').textContent(), 'La factura revisada quedó registrada con GFE-AAJ8-1STR-C4FQ-G.');
  await page.reload();
  const entry = page.locator('#register-list li', { hasText: 'GFE-AAJ8-1STR-C4FQ-G' });
  await entry.getByRole('button', { name: 'Revisar la factura' }).click();
  await page.waitForFunction(() => document.getElementById('bill-result').textContent.includes('terminaron el 10 de junio de 2027'));
  assert.equal(await page.locator('#bill-result .bill-provider h4').textContent(), 'Sample Foot & Ankle Clinic · Proveedor convocante · NPI 1234567893');
  assert.doesNotMatch(await page.locator('#bill-result').textContent(), /The bill checked|Convening provider|dispute/);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
