// The staff page in headless Chromium: fill in a two-provider quote, print it to PDF on US Letter
// and turn the pages into PNGs (tests/browser/screenshots/), save it and reopen it, and check that
// a patient name with markup stays text.
//
// Expected figures, by hand from the sample price book (prices in tests/cases/mod.rs):
// plantar fasciitis, 2 injections, consultation, cash PT with 8 sessions at another provider.
// Clinic: 250 + 2 × 1,200 + 2 × 150 + 2 × 125 = 3,200.00; multi-injection 15 % of 1,475 = 221.25
// -> 2,978.75; prompt pay 5 % = 148.9375 -> 148.94 -> 2,829.81.
// Therapy provider: 160 + 8 × 95 = 920.00. Total 3,749.81.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { answerYes, fillTwoProviderQuote, offsite, session, watch } from './browser.mjs';

const shared = session();
const { shots } = shared;

/** The day the staff pages here are opened on: a quote is issued on the page's date. */
const TODAY = new Date(2026, 10, 21, 10, 0); // 2026-11-21, 10:00 on this machine's clock

async function openStaffPage(path = 'staff.html', today = TODAY) {
  const page = await shared.browser.newPage();
  await page.clock.setFixedTime(today);
  await page.setViewportSize({ width: 1300, height: 900 });
  const seen = await watch(page);
  await page.goto(`${shared.server.url}${path}`);
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  return { page, seen, dialogs: seen.dialogs, errors: seen.errors };
}

test('a two-provider Good Faith Estimate prints on US Letter', async () => {
  const { page, seen, errors } = await openStaffPage();
  await fillTwoProviderQuote(page);
  const status = await page.locator('#status').textContent();
  assert.match(status, /^Good Faith Estimate GFE-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]: \$3,749\.81$/);
  const totals = await page.locator('.gfe-items tfoot td').allTextContents();
  assert.deepEqual(totals, ['$2,829.81', '$920.00']);
  await page.screenshot({ path: `${shots}staff-desktop.png`, fullPage: true });

  const pdf = `${shots}staff-gfe.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, `${shots}staff-gfe-page`]);
  const pages = readdirSync(shots).filter((file) => file.startsWith('staff-gfe-page'));
  assert.ok(pages.length >= 1 && pages.length <= 3, `${pages.length} printed pages`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (const expected of ['Good Faith Estimate', 'Ana Ruiz', 'March 4, 1970', 'NPI 1234567802', '$3,749.81', '120 days']) {
    assert.ok(text.includes(expected), `the printout says ${expected}`);
  }
  assert.ok(!text.includes('Coverage screening'), 'the form does not print');
  // "Page 1 of 2" at the foot of the first page (staff-print.test.mjs reads every page's).
  assert.match(text, new RegExp(`Page 1 of ${pages.length}\\b`), 'each page says which of how many it is');
  assert.deepEqual(errors, []);
  assert.deepEqual(seen.violations, [], 'works under the Content Security Policy');
  assert.deepEqual(offsite(seen, new URL(shared.server.url).origin), [], 'no request leaves the page');
  await page.close();
});

/** The PDF at `pdf` as one line of text, its pages as PNGs beside it (`<pdf>-page-N.png`). */
function printed(pdf) {
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, pdf.replace(/\.pdf$/, '-page')]);
  return execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
}

test('the printed Good Faith Estimate has every element of 45 CFR 149.610(c), and a TRICARE quote never calls itself one', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  await page.fill('#scheduled-on', '2026-12-01');
  await page.fill('#later-date-0', '2026-12-15');
  await page.pdf({ path: `${shots}gfe-self-pay.pdf`, format: 'Letter' });
  const gfe = printed(`${shots}gfe-self-pay.pdf`);
  for (const [element, expected] of [
    ['(1) patient name and date of birth', /Name Ana Ruiz Date of birth March 4, 1970/],
    ['(2) the primary service and its date', /Amniotic tissue injections — Plantar fasciitis \(heel pain\), left side: 2 injections/],
    ['(2) each injection\'s date', /Injection 1: December 1, 2026 Injection 2: December 15, 2026/],
    ['(3) items with service and diagnosis codes and charges', /Amniotic allograft, 1 mL vial Q4139 M72\.2 2 \$2,109\.00/],
    ['(4) the convening provider: name, NPI, TIN, location, state', /Sample Foot & Ankle Clinic NPI 1234567893 · TIN 12-3456789 · 100 Example Ave, Suite 200, Austin, TX 78701 \(state: TX\)/],
    ['(4) the co-provider likewise', /Riverside Physical Therapy NPI 1234567802 · TIN 98-7654321 · 20 River Rd, Austin, TX 78702/],
    ['(5) items to schedule separately', /Items and services to schedule separately/],
    ['(6) other items may be recommended', /Additional items or services may be recommended/],
    ['(6) actual charges may differ', /actual items, services or charges may differ/],
    ['(6) the right to dispute a bill $400 or more above', /\$400 or more above this estimate/],
    ['(6) not a contract', /is not a contract/],
    ['(7) the date issued and the quote number', /Quote GFE-[0-9A-Z-]+ Issued November 21, 2026/],
    ['the prompt-pay condition and the amount without it', /include a 5% discount for paying in full at the visit\. Without it, the clinic's charges are \$2,978\.75/],
    ['the total', /Total estimated charges \$3,749\.81/],
  ]) assert.match(gfe, expected, element);
  assert.equal(gfe.match(/Physical therapy session/g).length, 1, 'therapy by the co-provider is listed once');

  // TRICARE, not Medicare: a Medicare patient's quote offers no discount and no therapy in cash
  // (staff-prompt-pay.test.mjs), so it would not be this quote at the same prices.
  await page.check('input[name="coverage"][value="tricare"]');
  await page.pdf({ path: `${shots}tricare-quote.pdf`, format: 'Letter' });
  const tricare = printed(`${shots}tricare-quote.pdf`);
  // After the running head every page carries (the patient, the birth date, the number).
  assert.match(tricare, /^Ana Ruiz · Date of birth March 4, 1970 Quote (SPQ-[0-9A-Z-]+) Self-pay price quote Quote \1 /, 'titled and numbered as what it is');
  assert.match(tricare, /Total estimated charges \$3,749\.81/, 'the same prices');
  assert.doesNotMatch(tricare, /good faith/i, 'nothing on it calls it a Good Faith Estimate');
  assert.doesNotMatch(tricare, /dispute/i, 'nor offers a dispute right it does not carry');
  await page.close();
});

test('the printed Good Faith Estimate says, in English and Spanish, that starting a dispute does not affect the quality of care, and how to ask for each separate estimate', async () => {
  for (const [language, right, quality, ask] of [
    ['en',
      /You have the right to start the patient-provider dispute resolution process if you are billed \$400 or more above this estimate/,
      /or call 1-800-985-3059\. Starting the patient-provider dispute resolution process will not adversely affect the quality of the health care services you receive from any provider or facility\./,
      /A separate Good Faith Estimate will be given for these when they are scheduled or on request\. To ask for one, call Sample Foot & Ankle Clinic at \(512\) 555-0100 or email estimates@clinic\.example\./],
    ['es',
      /Usted tiene derecho a iniciar el proceso de resolución de disputas entre pacientes y proveedores si se le factura \$400 o más/,
      /o llame al 1-800-985-3059\. Iniciar el proceso de resolución de disputas entre pacientes y proveedores no afectará negativamente la calidad de los servicios de atención médica que reciba de ningún proveedor o centro\./,
      /Se le dará un Estimado de buena fe aparte para estos cuando se programen o si lo solicita\. Para pedir uno, llame a Sample Foot & Ankle Clinic al \(512\) 555-0100 o escriba a estimates@clinic\.example\./],
  ]) {
    const { page } = await openStaffPage(`staff.html?lang=${language}`);
    await fillTwoProviderQuote(page);
    await page.locator('.gfe-number', { hasText: /GFE-/ }).waitFor();
    const pdf = `${shots}gfe-quality-of-care-${language}.pdf`;
    await page.pdf({ path: pdf, format: 'Letter' });
    const text = printed(pdf);
    assert.match(text, right, `${language}: the dispute right`);
    assert.match(text, quality, `${language}: the quality-of-care statement, right after it`);
    assert.match(text, ask, `${language}: how to ask for each separate estimate`);
    await page.close();
  }
});

test('each planned injection can have its own date, none before the one before it or the issue date', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page); // 2 injections, issued 2026-11-21
  assert.equal(await page.locator('#later-date-0').isVisible(), true, 'a date for injection 2');
  assert.equal(await page.locator('#later-date-1').isVisible(), false, 'none for an injection not planned');
  await page.fill('#scheduled-on', '2026-11-20');
  assert.match(await page.locator('#scheduled-on-error').textContent(), /before the quote's issue date \(November 21, 2026\); it is November 20, 2026\. If that injection was given, count only the injections still to come and date the next one$/);
  assert.match(await page.locator('#error-summary').textContent(), /Date of the first injection \(optional\): .*issue date/);
  await page.fill('#scheduled-on', '2026-12-01');
  await page.fill('#later-date-0', '2026-11-30');
  assert.match(await page.locator('#later-date-0-error').textContent(), /cannot be before injection 1 \(December 1, 2026\); it is November 30, 2026$/);
  await page.fill('#later-date-0', '2026-12-15');
  assert.equal(await page.locator('.field-error').count(), 0);
  assert.match(await page.locator('.gfe-primary').textContent(), /Injection 1: December 1, 2026.*Injection 2: December 15, 2026/);
  const [first, second] = await page.locator('.gfe-primary dd').evaluateAll((values) =>
    values.slice(-2).map((value) => value.getBoundingClientRect().x));
  assert.equal(second, first, 'the second date lines up under the first, in the values column');
  await page.selectOption('#injections', '1'); // its date field goes, and is no longer an answer
  assert.equal(await page.locator('#later-date-0').isVisible(), false);
  assert.equal(await page.locator('.field-error').count(), 0);
  await page.close();
});

test('the staff page as a clinic copies it (www/dist-staff) quotes the same, from its own folder only', async () => {
  const { page, seen, errors } = await openStaffPage('dist-staff/staff.html');
  await fillTwoProviderQuote(page);
  assert.match(await page.locator('#status').textContent(), /: \$3,749\.81$/);
  const outside = seen.requests.filter((url) => !url.startsWith(`${shared.server.url}dist-staff/`));
  assert.deepEqual(outside, [], 'every file it loads is in the folder');
  assert.deepEqual([...errors, ...seen.violations], []);
  await page.close();
});

test('staff pick a partner practice from the price book instead of typing it in', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  await page.selectOption('#pt-partner', 'lakeshore_pt');
  assert.equal(await page.locator('#pt-npi').isVisible(), false, 'nothing to type for a partner');
  // Lakeshore's own prices: 150 + 8 × 90 = 870.00; the clinic's 2,829.81 as above: 3,699.81.
  assert.match(await page.locator('#status').textContent(), /: \$3,699\.81$/);
  const coProvider = page.locator('.gfe-provider').nth(1);
  assert.match(await coProvider.locator('h3').textContent(), /Lakeshore Physical Therapy/);
  assert.match(await coProvider.locator('.gfe-identity').textContent(), /NPI 1654321870/);
  assert.equal(await coProvider.locator('tfoot td').textContent(), '$870.00');
  await page.selectOption('#pt-partner', { label: 'Other provider (type it in)' });
  assert.equal(await page.inputValue('#pt-npi'), '1234567802', '"other" brings back what was typed');
  assert.match(await page.locator('#status').textContent(), /: \$3,749\.81$/);
  await page.close();
});

test("a provider typed in needs its own prices, and is priced at them", async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page); // Riverside's own prices typed as the clinic's: $3,749.81
  assert.match(await page.locator('#status').textContent(), /: \$3,749\.81$/);
  // Its prices asked for only for a provider typed in, and what a plan allows only with insurance.
  assert.equal(await page.locator('#pt-session-price').isVisible(), true);
  assert.equal(await page.locator('#pt-session-allowed').isVisible(), false, 'cash therapy: no allowed amount');
  await page.fill('#pt-evaluation-price', '');
  await page.fill('#pt-session-price', '');
  for (const id of ['pt-evaluation-price', 'pt-session-price']) {
    assert.match(await page.locator(`#${id}-error`).textContent(), /enter this provider's own price/, `${id} is asked for at its field`);
    assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), 'true');
  }
  assert.equal(await page.getAttribute('#print', 'aria-disabled'), 'true', 'nothing prints at the clinic\'s prices');
  // Its own prices: 175.50 + 8 × 110.00 = 1,055.50; the clinic's 2,829.81: 3,885.31.
  await page.fill('#pt-evaluation-price', '175.50');
  await page.fill('#pt-session-price', '110');
  assert.match(await page.locator('#status').textContent(), /: \$3,885\.31$/);
  const coProvider = page.locator('.gfe-provider').nth(1);
  assert.deepEqual(await coProvider.locator('tbody td.amount').allTextContents(), ['$175.50', '$880.00']);
  assert.equal(await coProvider.locator('tfoot td').textContent(), '$1,055.50');
  assert.equal(await coProvider.locator('.gfe-note').count(), 0, 'no note that it is at the clinic\'s prices');
  assert.equal(await page.getAttribute('#print', 'aria-disabled'), 'false');
  // Dollars typed as cents: a warning beside the fields, the quote still made.
  await page.fill('#pt-session-price', '1.10');
  assert.match(await page.locator('#price-warnings').textContent(), /session price: is \$1\.10, low for physical therapy \(under \$20\.00\): check for a missing digit/);
  await page.fill('#pt-session-price', '110');
  assert.equal(await page.locator('#price-warnings').isVisible(), false);
  // Through insurance, what a plan allows it is asked for too.
  await page.check('input[name="answers.physical_therapy.coverage"][value="insurance"]');
  assert.equal(await page.locator('#pt-session-allowed').isVisible(), true);
  assert.match(await page.locator('#pt-session-allowed-error').textContent(), /enter what a plan usually allows this provider/);
  // A partner from the book: nothing of its prices to type.
  await page.selectOption('#pt-partner', 'lakeshore_pt');
  assert.equal(await page.locator('#pt-session-price').isVisible(), false);
  assert.equal(await page.locator('#pt-session-allowed').isVisible(), false);
  await page.close();
});

test('a staff discount that waives the clinic\'s charges needs a reason that says why and who approved it', async () => {
  for (const [language, refused] of [['en', /this discount leaves none of the clinic's charges, so its reason must say why and who approved it/],
    ['es', /este descuento no deja ningún cargo de la clínica, así que su motivo debe decir por qué y quién lo aprobó/]]) {
    const { page } = await openStaffPage(`staff.html?lang=${language}`);
    await fillTwoProviderQuote(page);
    await page.fill('#discount-percent', '100');
    await page.fill('#discount-reason', 'x');
    assert.match(await page.locator('#discount-reason-error').textContent(), refused, `${language}: at the reason`);
    assert.equal(await page.getAttribute('#print', 'aria-disabled'), 'true', `${language}: nothing prints`);
    // Three words: the clinic's charges are waived, the co-provider's 920.00 stay.
    await page.fill('#discount-reason', 'Financial hardship, approved by Dr. Lee');
    assert.equal(await page.locator('#discount-reason-error').count(), 0);
    assert.match(await page.locator('#status').textContent(), /: \$920\.00$/);
    // A smaller discount takes any reason, as it always has.
    await page.fill('#discount-percent', '10');
    await page.fill('#discount-reason', 'x');
    assert.equal(await page.locator('#discount-reason-error').count(), 0, `${language}: 10 % with any reason`);
    await page.close();
  }
});

test('staff can put the scenario comparison on the printout', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  await page.check('#include-comparison');
  await page.selectOption('#comparison-plan', '');
  // Row "1 injection", column "No physical therapy": 250 + 1,475 = 1,725.00 - 5 % (86.25) = 1,638.75.
  const cell = page.locator('#comparison tbody tr').first().locator('td').first();
  assert.match(await cell.textContent(), /\$1,638\.75/);
  // Therapy at another provider is priced at its prices, left out of the clinic's discounts, as
  // on the quote: "2 injections, PT in cash" is 2,829.81 + 920.00 = 3,749.81, this quote, marked.
  assert.equal(await page.locator('#comparison td.current').count(), 1);
  assert.match(await page.locator('#comparison td.current').textContent(), /\$3,749\.81/);
  const pdf = `${shots}staff-gfe-with-comparison.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  assert.ok(text.includes('$1,638.75'), 'the comparison prints');
  await page.close();
});

test('a saved quote reopens with the same numbers', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  const before = await page.locator('#status').textContent();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const file = `${shots}saved-quote.json`;
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(saved.format, 'amnion-estimator/quote/2');
  assert.equal(saved.request.patient.name, 'Ana Ruiz');

  const { page: fresh, seen: freshSeen } = await openStaffPage();
  await fresh.setInputFiles('#open', file);
  await fresh.waitForFunction(() => !document.getElementById('reopened').hidden);
  assert.equal(await fresh.locator('#status').textContent(), before);
  assert.equal(await fresh.inputValue('#patient-name'), 'Ana Ruiz', 'the form is restored');
  assert.equal(await fresh.inputValue('#pt-npi'), '1234567802');
  assert.match(await fresh.locator('#reopened').textContent(), /with the prices it was saved with/);
  // Every choice is kept: a change makes a new quote at once, none of them to choose again.
  assert.equal(await fresh.locator('input[name="coverage"]:checked').getAttribute('value'), 'self_pay');
  assert.equal(await fresh.locator('input[name="side"]:checked').getAttribute('value'), 'left');
  for (const [id, value] of [['condition', 'plantar_fasciitis'], ['product', 'amnion_1ml'], ['injections', '2'], ['sessions', '8']]) {
    assert.equal(await fresh.inputValue(`#${id}`), value, id);
  }
  assert.equal(await fresh.locator('#pt-partner option:checked').textContent(), 'Other provider (type it in)');
  assert.ok(await fresh.locator('#pt-npi').isVisible(), 'the provider typed in shows');
  // Changed, then the same file chosen again: asked first (the change is not saved), it opens
  // again.
  await fresh.fill('#patient-name', 'Someone Else');
  assert.match(await fresh.locator('#status').textContent(), /^Good Faith Estimate GFE-.*: \$3,749\.81$/);
  assert.equal(await fresh.locator('.field-error').count(), 0);
  answerYes(fresh, freshSeen);
  await fresh.setInputFiles('#open', file);
  await fresh.waitForFunction(() => document.getElementById('patient-name').value === 'Ana Ruiz');
  assert.equal(await fresh.locator('#status').textContent(), before);
  assert.equal(freshSeen.dialogs.length, 1, 'asked once, before the unsaved change was replaced');
  await page.close();
  await fresh.close();
});

test('files saved by earlier releases reopen with their choices: the product they left to the book, a partner, a provider typed in', async () => {
  const { page, seen } = await openStaffPage('staff.html', new Date(2026, 11, 7, 10, 0)); // after they were issued
  const fixtures = new URL('../fixtures/saved-quotes/', import.meta.url).pathname;
  // Saved with no product (the book's first, the 1 mL vial) and a provider typed in; 3,749.81 as
  // worked out above.
  await page.setInputFiles('#open', `${fixtures}format-2-self-pay-with-co-provider.json`);
  await page.waitForFunction(() => !document.getElementById('reopened').hidden);
  assert.equal(await page.locator('#status').textContent(), 'Good Faith Estimate GFE-3DQE-P2KM-1P1Y-G: $3,749.81');
  assert.equal(await page.inputValue('#product'), 'amnion_1ml', 'the product it was priced with');
  assert.equal(await page.locator('#pt-partner option:checked').textContent(), 'Other provider (type it in)');
  // Saved before a provider typed in had prices of its own: it reopened at the clinic's, but
  // changed, it is a new document, which needs that provider's prices, asked for at their fields.
  await page.fill('#patient-name', 'Ana María Ruiz');
  assert.match(await page.locator('#pt-session-price-error').textContent(), /enter this provider's own price/);
  await page.fill('#pt-evaluation-price', '160');
  await page.fill('#pt-session-price', '95');
  assert.match(await page.locator('#status').textContent(), /^Good Faith Estimate GFE-.*: \$3,749\.81$/, 'then a quote at once');
  // A format-1 file with a partner (2,999.81, tests/saved_quotes.rs), with the number it was saved
  // with: opened over the change just made, so asked first.
  answerYes(page, seen);
  await page.setInputFiles('#open', `${fixtures}partner-through-insurance.json`);
  await page.waitForFunction(() => document.getElementById('patient-name').value === 'Ana Ruiz');
  assert.equal(await page.locator('#status').textContent(), 'Good Faith Estimate GFE-F2E1-H5KR-AT66-5: $2,999.81');
  assert.equal(await page.inputValue('#pt-partner'), 'eastside_rehab');
  assert.equal(await page.locator('#pt-npi').isVisible(), false);
  assert.equal(seen.dialogs.length, 1, 'asked once');
  // A file with no therapy elsewhere leaves the provider unchosen, as a new quote has it.
  await page.setInputFiles('#open', `${fixtures}format-2-spanish.json`);
  await page.waitForFunction(() => document.getElementById('patient-name').value === 'María José Núñez');
  assert.equal(await page.locator('#pt-partner option:checked').textContent(), 'Choose…');
  assert.equal(await page.inputValue('#product'), 'amnion_1ml');
  await page.close();
});

test('broken, edited, newer and huge saved files are refused, and the page keeps working', async () => {
  const { page, errors } = await openStaffPage();
  await fillTwoProviderQuote(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const text = readFileSync(await download.path(), 'utf8');
  const good = await page.locator('#status').textContent();
  const edited = JSON.parse(text);
  edited.price_book.products[0].price_cents += 100; // one amount changed by hand
  const newer = { ...JSON.parse(text), format: 'amnion-estimator/quote/3', written_by_release_3: true };
  const huge = JSON.parse(text);
  huge.price_book.conditions = Array.from({ length: 35_000 }, () => huge.price_book.conditions[0]); // about 10 MB
  const files = [
    ['truncated.json', text.slice(0, text.length / 2), /not a complete saved quote file \(cut short, or another kind of file\)/],
    ['edited.json', JSON.stringify(edited), /quote_number: the file's content gives GFE-.*: it was changed after saving/],
    ['newer.json', JSON.stringify(newer), /format: this file was saved by a newer release of the estimator \(amnion-estimator\/quote\/3\)/],
    ['huge.json', JSON.stringify(huge), /must hold at most 20000 values/],
    ['picture.png', '\u0089PNG\r\n\u001a\n not a quote', /not a complete saved quote file/],
  ];
  for (const [name, body, reason] of files) {
    await page.setInputFiles('#open', { name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await page.waitForFunction(() => !document.getElementById('error').hidden);
    const message = await page.locator('#error').textContent();
    assert.match(message, /^That file could not be opened as a saved quote:/, name);
    assert.match(message, reason, `${name}: ${message}`);
    assert.ok(message.length < 400, `${name}: the message is short (${message.length} characters)`);
    // The quote on screen is the one it was; then the form still works.
    assert.equal(await page.locator('#status').textContent(), good, name);
    await page.fill('#patient-name', `Ana Ruiz ${name}`);
    await page.waitForFunction(() => document.getElementById('error').hidden);
    assert.match(await page.locator('#status').textContent(), /^Good Faith Estimate GFE-.*: \$3,749\.81$/, name);
    await page.fill('#patient-name', 'Ana Ruiz');
    assert.equal(await page.locator('#status').textContent(), good, name);
  }
  assert.ok(Buffer.byteLength(JSON.stringify(huge)) > 9_000_000, 'the huge file is about 10 MB');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a patient name with markup shows as text and runs nothing', async () => {
  const { page, dialogs, errors } = await openStaffPage();
  const hostile = '<img src=x onerror=alert(1)>';
  await fillTwoProviderQuote(page, hostile);
  assert.equal(await page.locator('.gfe-patient dd').first().textContent(), hostile);
  assert.equal(await page.locator('#document img').count(), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('screening, range warning and errors speak to staff', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  await page.selectOption('#up-to', '3');
  // Up to 3: clinic 250 + 3 × 1,475 - 2 × 221.25 = 4,232.50 - 5 % (211.625 -> 211.63) = 4,020.87,
  // which is 1,191.06 more than 2,829.81.
  assert.match(await page.locator('#range-warning').textContent(), /would charge \$1,191\.06 more \(\$4,020\.87 in all\)/);

  await page.check('input[name="coverage"][value="tricare"]');
  assert.match(await page.locator('#coverage-notice').textContent(), /does not apply to Medicare, Medicaid or TRICARE/);
  assert.match(await page.locator('.gfe h2').textContent(), /Self-pay price quote/);

  await page.fill('#patient-name', '');
  assert.equal(await page.locator('#patient-name-error').textContent(), "enter the patient's name");
  assert.equal(await page.locator('#error-summary a').textContent(), "Full name: enter the patient's name");
  assert.equal(await page.locator('#patient-name').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.inputValue('#pt-name'), 'Riverside Physical Therapy', 'nothing else is lost');
  await page.close();
});

/** Where `selector`'s box is: `{ x, y, width, height }` in CSS pixels of the viewport. */
const box = (page, selector) => page.locator(selector).first().evaluate((element) => {
  const { x, y, width, height } = element.getBoundingClientRect();
  return { x, y, width, height };
});

for (const width of [360, 1024, 1280, 1920]) {
  test(`at ${width} px the document is where staff look, and nothing in it scrolls sideways`, async () => {
    const { page } = await openStaffPage();
    await page.setViewportSize({ width, height: 900 });
    await fillTwoProviderQuote(page);
    await page.check('#include-comparison');
    const form = await box(page, '#quote-form');
    const pane = await box(page, '#document-pane');
    if (width >= 1024) {
      assert.ok(pane.x >= form.x + form.width, `beside the form (form ends at ${form.x + form.width}, document starts at ${pane.x})`);
      assert.ok(pane.width >= 600, `at least 600 px wide (${pane.width})`);
      assert.ok(pane.x + pane.width <= width, 'inside the window');
      // Staff scroll to the bottom of the long form: the document stays in view. (The bottom of
      // the form, not of the page: the register of estimates given comes after <main>, where the
      // document's column stops.)
      await page.evaluate(() => window.scrollTo(0, window.scrollY + document.getElementById('quote-form').getBoundingClientRect().bottom - window.innerHeight));
      const scrolled = await box(page, '#document-pane');
      assert.ok(scrolled.y >= 0 && scrolled.y <= 20, `still at the top of the window (${scrolled.y})`);
      assert.ok(scrolled.y + scrolled.height <= 900, 'and no taller than it (it scrolls on its own)');
      // Scrolled to the end of the document in its own column: the buttons and the total stay.
      await page.locator('#document-pane').evaluate((element) => { element.scrollTop = element.scrollHeight; });
      const [bar, column] = [await box(page, '#document-pane .toolbar'), await box(page, '#document-pane')];
      assert.ok(bar.y >= column.y && bar.y < column.y + 40, `the buttons stay at the top of the column (${bar.y - column.y} px)`);
      assert.ok(await page.locator('#status').isVisible());
      // Scrolled on until the bill's section is half up the window: the document's column has
      // stopped with the form, above the section, not under it (billing walk-through 5, item 6:
      // the section covered the column's last lines).
      await page.evaluate(() => window.scrollTo(0, window.scrollY + document.getElementById('bill-section').getBoundingClientRect().top - 450));
      const [paneNow, bill] = [await box(page, "#document-pane"), await box(page, "#bill-section")];
      assert.ok(Math.abs(bill.y - 450) < 2, `the bill's section starts half up the window (${bill.y})`);
      assert.ok(paneNow.y + paneNow.height <= bill.y, `the document's column ends at ${paneNow.y + paneNow.height}, above the bill's section at ${bill.y}`);
    } else {
      assert.ok(pane.y >= form.y + form.height, 'under the form');
      assert.ok(await page.locator('.jump').isVisible(), 'the form starts with a link to it');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click('.jump');
      const heading = await box(page, '#document-pane .toolbar');
      assert.ok(heading.y >= 0 && heading.y < 900, `the link brings the quote into view (${heading.y})`);
    }
    if (width === 1280) {
      // 1,280 - 2 × 16 padding - 16 gap = 1,232 px for the columns, 1fr : 1.6fr, so the form gets
      // 1,232 / 2.6 = 473.8 and the document 758.2, starting at 16 + 473.8 + 16 = 505.8.
      assert.ok(Math.abs(pane.x - 505.8) < 1, `left edge ${pane.x}`);
      assert.ok(Math.abs(pane.width - 758.2) < 1, `width ${pane.width}`);
    }
    const wide = await page.evaluate(() => [...document.querySelectorAll('#document-pane table, #document-pane')]
      .filter((element) => element.scrollWidth > element.clientWidth)
      .map((element) => `${element.className || element.id}: ${element.scrollWidth} > ${element.clientWidth}`));
    assert.deepEqual(wide, [], 'no table, and not the document, scrolls sideways');
    assert.ok(await page.locator('#document-pane table').count() >= 3, 'two providers and the comparison');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling of the page (${overflow}px too wide)`);
    await page.screenshot({ path: `${shots}staff-${width}.png`, fullPage: width < 1024 });
    await page.close();
  });
}

test('each problem shows under its field, and the summary at the top of the form links to it', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  await page.fill('#pt-npi', '1234567803');
  const message = page.locator('#pt-npi-error');
  assert.equal(
    await message.textContent(),
    'has a last digit that does not match the other nine: check "1234567803" for a typo',
  );
  assert.equal(await page.locator('#pt-npi').getAttribute('aria-describedby'), 'pt-npi-error');
  const field = await box(page, '#pt-npi');
  const under = await box(page, '#pt-npi-error');
  const gap = under.y - (field.y + field.height);
  assert.ok(gap >= 0 && gap < 24 && Math.abs(under.x - field.x) < 2, `right under its field (${gap}px)`);
  const summary = await box(page, '#error-summary');
  const form = await box(page, '#quote-form');
  assert.ok(summary.y - form.y < 80, 'the summary is at the top of the form');
  const link = page.locator('#error-summary a');
  assert.match(await link.textContent(), /^NPI: has a last digit that does not match the other nine/);
  await page.click('#patient-name');
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pt-npi', 'the link moves focus to the field');
  await page.fill('#pt-npi', '1234567802');
  assert.equal(await page.locator('#pt-npi-error').count(), 0, 'fixed: the message goes');
  assert.equal(await page.locator('#error-summary').isHidden(), true, 'and so does the summary');
  assert.equal(await page.locator('#pt-npi').getAttribute('aria-describedby'), null);
  await page.close();
});

test('a new form shows no errors before staff type, and its outputs are off until every answer is in', async () => {
  const { page } = await openStaffPage();
  assert.equal(await page.locator('#error-summary').isHidden(), true);
  assert.equal(await page.locator('.field-error').count(), 0);
  assert.equal(await page.getAttribute('#print', 'aria-disabled'), 'true');
  assert.match(await page.locator('#output-reason').textContent(), /come on once every answer the quote needs is in/);
  // How many answers are still to give, never a fixed list of fields (which named answers given).
  const needed = await page.locator('#status').textContent();
  assert.match(needed, /^The quote shows once every answer is in and right\. Still to fill in or fix: \d+\.$/);
  assert.ok(Number(needed.match(/(\d+)\.$/)[1]) > 3, needed);
  await page.fill('#patient-name', 'Ana Ruiz');
  assert.equal(await page.locator('#patient-name-error').count(), 0, 'the name is fine');
  assert.equal(await page.locator('#dob-error').count(), 0, 'the date of birth is not touched yet');
  // Asks for output (a person can click a button marked off; Playwright must be told to): every
  // problem shows, and the summary takes focus.
  await page.click('#save', { force: true });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
  assert.equal(await page.locator('#dob-error').textContent(), 'enter the date');
  assert.match(await page.locator('#error-summary').textContent(), /Date of birth: enter the date/);
  await page.close();
});

/** Every answer of a self-pay quote for one plantar fasciitis injection of the 1 mL vial but the side. */
async function fillOneInjection(page) {
  await page.check('input[name="coverage"][value="self_pay"]');
  await page.fill('#patient-name', 'Ana Ruiz');
  await page.fill('#dob', '1970-03-04');
  await page.selectOption('#condition', 'plantar_fasciitis');
  await page.selectOption('#product', 'amnion_1ml');
  await page.selectOption('#injections', '1');
  await page.check('#prompt-pay-included');
}

test('a new quote chooses nothing that changes a code or an amount: with the side not chosen it cannot print, save or export, and says why at the field', async () => {
  const { page } = await openStaffPage();
  assert.equal(await page.locator('input[name="coverage"]:checked').count(), 0, 'no coverage answer');
  assert.equal(await page.locator('input[name="side"]:checked').count(), 0, 'no side');
  for (const id of ['condition', 'product', 'injections', 'sessions', 'pt-partner']) {
    assert.equal(await page.locator(`#${id} option:checked`).textContent(), 'Choose…', `${id} starts unchosen`);
  }
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await fillOneInjection(page);
  assert.equal(await page.locator('#document').textContent(), '', 'no document: the side is not chosen');
  for (const id of ['print', 'save', 'csv']) {
    assert.equal(await page.getAttribute(`#${id}`, 'aria-disabled'), 'true', `${id} is off`);
    await page.click(`#${id}`, { force: true });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary', `${id}: the summary takes focus`);
  }
  await page.waitForTimeout(300); // a download would have started by now
  assert.equal(downloads, 0, 'nothing was saved or exported');
  assert.equal(await page.evaluate(() => window.printed), 0, 'nothing was printed');
  assert.equal(await page.locator('#side-error').textContent(), 'choose the side treated');
  assert.deepEqual(await page.locator('#error-summary a').allTextContents(), ['Side treated: choose the side treated']);
  assert.equal(await page.locator('input[name="side"][value="left"]').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('input[name="side"][value="right"]').getAttribute('aria-describedby'), 'side-error');
  const group = await box(page, '.field .segmented');
  const message = await box(page, '#side-error');
  const gap = message.y - (group.y + group.height);
  assert.ok(gap >= 0 && gap < 24 && Math.abs(message.x - group.x) < 2, `right under the side's buttons (${gap}px)`);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width} px: no sideways scrolling (${overflow}px too wide)`);
    await page.locator('#side-error').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}staff-side-unchosen-${width}.png` });
  }
  await page.setViewportSize({ width: 1300, height: 900 });

  // The right side chosen: the quote, with the right side's code. 1,475.00 less 5 % (73.75) =
  // 1,401.25; plantar fasciitis is M72.2 on either side.
  await page.check('input[name="side"][value="right"]');
  assert.match(await page.locator('#status').textContent(), /^Good Faith Estimate GFE-[0-9A-Z-]+: \$1,401\.25$/);
  assert.match(await page.locator('.gfe-primary').textContent(), /Plantar fasciitis \(heel pain\), right side: 1 injection/);
  assert.equal(await page.locator('.field-error').count(), 0, 'the message goes');
  await page.click('#print');
  assert.equal(await page.evaluate(() => window.printed), 1, 'now it prints');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).request.side, 'right');
  await page.close();
});

test('each unchosen choice says so at its field, in English and Spanish; ticking therapy elsewhere asks for the provider once', async () => {
  for (const [language, expected] of [
    ['en', {
      'coverage-error': 'choose how the patient will pay', 'side-error': 'choose the side treated',
      'condition-error': 'choose a condition', 'product-error': 'choose the product',
      'injections-error': 'choose the planned number of injections',
      'prompt-pay-included-error': 'choose whether the patient will pay in full at the visit ("No prompt-pay discount" for none)',
    }],
    ['es', {
      'coverage-error': 'elija cómo pagará el paciente', 'side-error': 'elija el lado tratado',
      'condition-error': 'elija una afección', 'product-error': 'elija el producto',
      'injections-error': 'elija el número de inyecciones previstas',
      'prompt-pay-included-error': 'elija si el paciente pagará todo en la visita («Sin descuento por pronto pago» si no hay)',
    }],
  ]) {
    const { page } = await openStaffPage(`staff.html?lang=${language}`);
    await page.fill('#patient-name', 'Ana Ruiz');
    await page.fill('#dob', '1970-03-04');
    await page.click('#print', { force: true });
    for (const [id, reason] of Object.entries(expected)) {
      assert.equal(await page.locator(`#${id}`).textContent(), reason, `${language}: ${id}`);
    }
    assert.equal(await page.locator('#error-summary li').count(), Object.keys(expected).length, `${language}: nothing else`);
    await page.screenshot({ path: `${shots}staff-unchosen-${language}.png`, fullPage: true });
    await page.close();
  }

  // Cash therapy by another provider: first the sessions, then the provider, each one message.
  const { page } = await openStaffPage();
  await fillOneInjection(page);
  await page.check('input[name="side"][value="left"]');
  assert.match(await page.locator('#status').textContent(), /: \$1,401\.25$/);
  await page.check('input[name="answers.physical_therapy.coverage"][value="cash"]');
  assert.deepEqual(await page.locator('.field-error').allTextContents(), ['choose the number of sessions']);
  assert.equal(await page.locator('#sessions-error').count(), 1);
  await page.selectOption('#sessions', '8');
  await page.check('#elsewhere');
  assert.deepEqual(
    await page.locator('.field-error').allTextContents(),
    ['choose the therapy provider, or "Other provider" to type one in'],
    'one message, at the provider, not one per empty field',
  );
  assert.equal(await page.locator('#pt-partner-error').count(), 1);
  assert.equal(await page.locator('#pt-name').isVisible(), false, 'nothing to type until "Other provider" is chosen');
  await page.selectOption('#pt-partner', 'lakeshore_pt');
  // 1,401.25 at the clinic; Lakeshore 150.00 + 8 × 90.00 = 870.00. Total 2,271.25.
  assert.match(await page.locator('#status').textContent(), /: \$2,271\.25$/);
  assert.equal(await page.locator('.field-error').count(), 0);
  await page.close();
});

// For each answer made wrong after a good quote: nothing prints, downloads or saves, each output
// says why, and the browser's own print shows the notice instead of the last good document.
for (const [what, breakIt, marked] of [
  ["the patient's name", (page) => page.fill('#patient-name', ''), '#patient-name'],
  ['the date of birth', async (page) => { await page.fill('#patient-name', 'John Smith'); await page.fill('#dob', ''); }, '#dob'],
  ["the co-provider's NPI", (page) => page.fill('#pt-npi', '1234567803'), '#pt-npi'],
  ['the staff discount', (page) => page.fill('#discount-percent', '150'), '#discount-percent'],
  ['a first injection past the last valid day', (page) => page.fill('#scheduled-on', '2027-03-15'), '#scheduled-on'],
]) {
  test(`with ${what} refused, no output gives the last good quote`, async () => {
    const { page } = await openStaffPage();
    await fillTwoProviderQuote(page);
    await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed += 1; }; });
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    await page.click('#print');
    assert.equal(await page.evaluate(() => window.printed), 1, 'a good quote prints');

    await breakIt(page);
    assert.equal(await page.getAttribute(marked, 'aria-invalid'), 'true', `${what} is marked`);
    for (const id of ['print', 'save', 'csv']) {
      assert.equal(await page.getAttribute(`#${id}`, 'aria-disabled'), 'true', `${id} is off`);
      assert.equal(await page.getAttribute(`#${id}`, 'aria-describedby'), 'output-reason-text', `${id} says why`);
      await page.click(`#${id}`, { force: true }); // marked off, not inert: a person can still click it
      assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary', `${id}: the summary takes focus`);
    }
    assert.match(await page.locator('#output-reason').textContent(), /off until the problems in the form are fixed/);
    const toolbar = await box(page, '#document-pane .toolbar');
    const reason = await box(page, '#output-reason');
    assert.ok(reason.y - (toolbar.y + toolbar.height) < 16, 'the reason is right under the buttons');
    assert.ok(await page.locator('#stale-notice').isVisible(), 'the document is marked as not matching the form');
    assert.equal(await page.locator('#quote-output').evaluate((element) => getComputedStyle(element).outlineStyle), 'dashed', 'and outlined');
    if (what === "the co-provider's NPI") await page.locator('#document-pane').screenshot({ path: `${shots}staff-refused-document.png` });
    await page.waitForTimeout(300); // a download would have started by now
    assert.equal(downloads, 0, 'nothing was saved or exported');
    assert.equal(await page.evaluate(() => window.printed), 1, 'nothing more was printed');

    // The browser's own print (Ctrl+P) of the page as it is: the notice, not the document.
    const pdf = `${shots}staff-refused-${marked.slice(1)}.pdf`;
    await page.pdf({ path: pdf, format: 'Letter' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    assert.match(text.replace(/\s+/g, ' '), /This quote does not match the form, so it is not printed/);
    for (const stale of ['Ana Ruiz', 'John Smith', 'March 4, 1970', '1234567802', '$', 'Good Faith Estimate']) {
      assert.ok(!text.includes(stale), `the printout does not say ${stale}`);
    }
    await page.close();
  });
}

test('a scheduled date past the last day the estimate is valid is refused beside its field, saying what to do', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page); // issued 2026-11-21: 60 days, valid until January 20, 2027
  await page.fill('#scheduled-on', '2027-01-06');
  await page.fill('#later-date-0', '2027-01-21'); // a day past it
  const expected = 'is after January 20, 2027, the last day this estimate is valid: leave it blank (the injection stays on the estimate as not yet scheduled) or give a new estimate once it is booked';
  assert.equal(await page.locator('#later-date-0-error').textContent(), expected);
  assert.equal(await page.locator('#later-date-0').getAttribute('aria-describedby'), 'later-date-0-error');
  assert.match(await page.locator('#error-summary').textContent(), /Date of injection 2 \(optional\): is after January 20, 2027/);
  for (const width of [360, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    const field = await box(page, '#later-date-0');
    const message = await box(page, '#later-date-0-error');
    const gap = message.y - (field.y + field.height);
    assert.ok(gap >= 0 && gap < 24 && Math.abs(message.x - field.x) < 2, `${width} px: right under its field (${gap}px)`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width} px: no sideways scrolling (${overflow}px too wide)`);
    await page.locator('#later-date-0').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}staff-past-valid-until-${width}.png` });
  }
  await page.setViewportSize({ width: 1300, height: 900 });
  assert.equal(await page.getAttribute('#print', 'aria-disabled'), 'true', 'no document to print');
  // Left blank, as the message says: the quote is back, with both injections, the second not dated.
  await page.fill('#later-date-0', '');
  assert.equal(await page.locator('.field-error').count(), 0);
  assert.match(await page.locator('.gfe-primary').textContent(), /left side: 2 injections.*Scheduled\s*January 6, 2027$/);
  // 2031 for 2027: more than 12 months after the issue date, said as the slip it likely is.
  await page.fill('#scheduled-on', '2031-01-06');
  assert.equal(await page.locator('#scheduled-on-error').textContent(), 'is more than 12 months after the issue date (November 21, 2026): check the year, or leave it blank (the injection stays on the estimate as not yet scheduled)');
  await page.close();
});

test('beside the form, never on the document, the staff page says when the Good Faith Estimate is due', async () => {
  const { page, errors } = await openStaffPage();
  await fillTwoProviderQuote(page); // issued Saturday, November 21, 2026
  assert.equal(await page.locator('#gfe-due').isHidden(), true, 'nothing to say without a booking or a request');
  //      November 2026                December 2026
  // Mo Tu We Th Fr Sa Su          Mo Tu We Th Fr Sa Su
  // 16 17 18 19 20 21 22           30  1  2  3  4  5  6
  // 23 24 25 26 27 28 29            7  8  9 10 11 12 13
  // (26: Thanksgiving.) Booked Fri Nov 20 for Mon Dec 7: Mon 23 (1), Tue 24 (2), Wed 25 (3), Fri 27
  // (4), Mon 30 (5), Tue 1 (6), Wed 2 (7), Thu 3 (8), Fri 4 (9), Mon 7 (10): 10 business days
  // ahead, so within 3, by Wed Nov 25.
  await page.fill('#scheduled-on', '2026-12-07');
  await page.fill('#booked-on', '2026-11-20');
  assert.equal(await page.locator('#gfe-due').textContent(), 'Good Faith Estimate due by Wednesday, November 25, 2026: booked on Friday, November 20, 2026, at least 10 business days before the injection, so within 3 business days of booking (45 CFR 149.610(b)(1)(vi)).');
  const form = await box(page, '#quote-form');
  const due = await box(page, '#gfe-due');
  assert.ok(due.x >= form.x && due.x + due.width <= form.x + form.width, 'in the form\'s column');
  await page.locator('#gfe-due').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}staff-gfe-due.png` });
  const pdf = `${shots}staff-gfe-due.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  const printedText = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  assert.ok(printedText.includes('Ana Ruiz') && !printedText.includes('due by'), 'the document prints, the due line does not');
  // For Tue Nov 24 it is 2 business days ahead (the 3rd is Wed 25): none is required.
  await page.fill('#scheduled-on', '2026-11-24');
  assert.equal(await page.locator('#gfe-due').textContent(), 'No Good Faith Estimate is required by 45 CFR 149.610(b)(1)(vi): booked on Friday, November 20, 2026, fewer than 3 business days before the injection on Tuesday, November 24, 2026. The patient may still ask for one.');
  // A booking after the issue date is refused at its field.
  await page.fill('#booked-on', '2026-11-23');
  assert.equal(await page.locator('#booked-on-error').textContent(), 'cannot be after the issue date (November 21, 2026)');
  // Asked Mon Nov 16, not booked: Tue 17 (1), Wed 18 (2), Thu 19 (3): past by the issue date.
  await page.fill('#booked-on', '');
  await page.fill('#requested-on', '2026-11-16');
  assert.deepEqual(await page.locator('#gfe-due p').allTextContents(), [
    'Good Faith Estimate due by Thursday, November 19, 2026: the patient asked for one on Monday, November 16, 2026, so within 3 business days of the request (45 CFR 149.610(b)(1)(vi)).',
    'That day has passed: give it to the patient today.',
  ]);
  // Not a Good Faith Estimate: nothing is due.
  await page.check('input[name="coverage"][value="medicare"]');
  assert.equal(await page.locator('#gfe-due').isHidden(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reopened quote being changed says its revision is due the business day before the injection, in Spanish too', async () => {
  const { page } = await openStaffPage('staff.html?lang=es');
  assert.equal(await page.locator('label[for="booked-on"]').textContent(), 'Fecha en que se reservó la primera inyección (opcional)');
  await fillTwoProviderQuote(page);
  await page.fill('#scheduled-on', '2026-12-07');
  await page.fill('#booked-on', '2026-11-20');
  assert.match(await page.locator('#gfe-due').textContent(), /^Estimado de buena fe a más tardar el miércoles 25 de noviembre de 2026: la cita se reservó el viernes 20 de noviembre de 2026/);
  const number = (await page.locator('#status').textContent()).match(/GFE-[0-9A-Z-]+/)[0];
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const file = `${shots}saved-quote-booked.json`;
  await download.saveAs(file);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).request.booked_on, '2026-11-20', 'the booking is saved');

  const { page: fresh } = await openStaffPage('staff.html?lang=es');
  await fresh.setInputFiles('#open', file);
  await fresh.waitForFunction(() => !document.getElementById('reopened').hidden);
  assert.equal(await fresh.inputValue('#booked-on'), '2026-11-20', 'and comes back');
  assert.doesNotMatch(await fresh.locator('#gfe-due').textContent(), /revisado/, 'reopened as it was: no revision yet');
  // Changed (the boot added): a revision, due by the business day before Mon Dec 7, Fri Dec 4.
  await fresh.check('#walking_boot');
  assert.equal(
    (await fresh.locator('#gfe-due p').allTextContents()).at(-1),
    `Esto cambia la cotización ${number}. Si cambian la atención, los cargos o los proveedores, el paciente debe tener el Estimado de buena fe revisado a más tardar 1 día hábil antes de la primera inyección: el viernes 4 de diciembre de 2026 (45 CFR 149.610(b)(1)(vii)).`,
  );
  await fresh.locator('#gfe-due').scrollIntoViewIfNeeded();
  await fresh.screenshot({ path: `${shots}staff-revision-due-es.png` });
  // Reopened on Tue Dec 1, after it was due (Nov 25) and given: the note says when it was due, as
  // issued, not that the day has passed (billing walk-through 7, item 1: it worked the deadline out
  // from today's issue date), also after a change undone.
  const { page: later } = await openStaffPage('staff.html?lang=es', new Date(2026, 11, 1, 10, 0));
  await later.setInputFiles('#open', file);
  await later.waitForFunction(() => !document.getElementById('reopened').hidden);
  const due = () => later.locator('#gfe-due').textContent();
  assert.match(await due(), /^Estimado de buena fe a más tardar el miércoles 25 de noviembre de 2026/);
  assert.doesNotMatch(await due(), /Ese día ya pasó/);
  await later.check('#walking_boot');
  await later.uncheck('#walking_boot');
  assert.equal(await later.locator('#status').textContent(), `Estimado de buena fe ${number}: $3,749.81`);
  assert.doesNotMatch(await due(), /Ese día ya pasó/);
  await later.close();
  await page.close();
  await fresh.close();
});

test('on the Spanish staff page a bad ZIP, a bad NPI and a date of birth after today are refused in Spanish beside their fields', async () => {
  for (const width of [360, 1280]) {
    const { page, errors } = await openStaffPage('staff.html?lang=es');
    await page.setViewportSize({ width, height: 900 });
    await fillTwoProviderQuote(page);
    await page.fill('#pt-zip', '7870');
    await page.fill('#pt-npi', '1234567890'); // ten digits, but 123456789's check digit is 3
    await page.fill('#dob', '2027-01-02'); // the page's today is 2026-11-21
    const expected = {
      '#pt-zip': 'escriba un código postal (ZIP) como 78701 o 78701-1234; usted escribió "7870"',
      '#pt-npi': 'el último dígito no corresponde a los otros nueve: revise si hay un error al escribir "1234567890"',
      '#dob': 'no puede ser posterior a la fecha de emisión (21 de noviembre de 2026)',
    };
    for (const [field, message] of Object.entries(expected)) {
      const shown = page.locator(`${field}-error`);
      assert.equal(await shown.textContent(), message, `${field} at ${width} px`);
      assert.equal(await page.locator(field).getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator(field).getAttribute('aria-describedby'), new RegExp(`${field.slice(1)}-error`));
      // Beside its field: right under the box, as wide as the field at most, inside the page.
      const input = await page.locator(field).boundingBox();
      const box = await shown.boundingBox();
      assert.ok(box.y >= input.y + input.height - 1 && box.y - (input.y + input.height) < 24, `${field} message under its box at ${width} px`);
      assert.ok(box.x >= input.x - 1 && box.x + box.width <= width, `${field} message within the page at ${width} px`);
    }
    const summary = await page.locator('#error-summary').textContent();
    for (const english of [' must ', 'enter ', 'cannot', 'it is "']) assert.ok(!summary.includes(english), `no English in the summary: ${summary}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'nothing overflows sideways');
    await page.locator('#error-summary').screenshot({ path: `${shots}staff-refusals-es-summary-${width}.png` });
    await page.locator('#pt-zip').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}staff-refusals-es-${width}.png` });
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('therapy through insurance with the plan figures left blank cannot print, and says at each field why', async () => {
  const { page } = await openStaffPage();
  await fillOneInjection(page);
  await page.check('input[name="side"][value="left"]');
  await page.check('input[name="answers.physical_therapy.coverage"][value="insurance"]');
  await page.selectOption('#sessions', '4');
  assert.match(await page.locator('#deductible-error').textContent(), /^enter the deductible the patient has left this year, 0 if it is met: left blank, therapy would be priced as if it were met$/);
  assert.match(await page.locator('#coinsurance-error').textContent(), /^enter the coinsurance, or the copay per visit \(0 for none\): with both blank, therapy would be priced as if the plan paid all of it$/);
  assert.equal(await page.getAttribute('#print', 'aria-disabled'), 'true', 'nothing prints');
  await page.locator('#deductible-error').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}staff-plan-figures-blank.png` });
  // 0 is an answer: the deductible met, 20 % coinsurance. Therapy through insurance is not in the
  // estimate's total: one injection, 1,475.00 less 5 % (73.75) = 1,401.25.
  await page.fill('#deductible', '0');
  await page.fill('#coinsurance', '20');
  assert.equal(await page.locator('.field-error').count(), 0);
  assert.match(await page.locator('#status').textContent(), /: \$1,401\.25$/);
  assert.equal(await page.getAttribute('#print', 'aria-disabled'), 'false');
  await page.close();
});

test('"Other provider (type it in)" with the name left blank says so at the name', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  await page.fill('#pt-name', '');
  assert.equal(await page.locator('#pt-name-error').textContent(), 'enter the therapy provider\'s name, as it should print on the estimate');
  assert.equal(await page.getAttribute('#print', 'aria-disabled'), 'true');
  await page.close();
});

test('on the Spanish staff page a co-provider\'s unusual price and a reopened quote\'s price change are said in Spanish', async () => {
  const { page, seen } = await openStaffPage('staff.html?lang=es');
  await fillTwoProviderQuote(page);
  // Dollars typed as cents: $1.10 for a session, a hundred times that is $110.00.
  await page.fill('#pt-session-price', '1.10');
  const warning = await page.locator('#price-warnings').textContent();
  assert.equal(warning, 'Precio por sesión del proveedor de fisioterapia: es $1.10, bajo para fisioterapia (menos de $20.00): revise si falta un dígito');
  // A file whose charges today's book would price otherwise (it left the prompt-pay discount out:
  // $1,890.00; the sample book's setting today includes it: $1,795.50), opened over the quote typed
  // and not saved: asked first, in Spanish.
  answerYes(page, seen);
  await page.setInputFiles('#open', new URL('../fixtures/saved-quotes/format-2-prompt-pay-excluded.json', import.meta.url).pathname);
  await page.waitForFunction(() => !document.getElementById('reopened').hidden);
  assert.deepEqual(seen.dialogs, ['El formulario tiene respuestas que no se han guardado ni impreso. Abrir otra cotización las reemplaza, y se pierden. ¿Abrirla de todos modos?']);
  const reopened = await page.locator('#reopened').textContent();
  assert.match(reopened, /Los precios han cambiado desde que se emitió esta cotización\. Conserva los precios de la lista 2026\.11-sample \(\$1,890\.00\); la lista de precios de hoy, 2026\.11-sample, daría \$1,795\.50\./);
  for (const text of [warning, reopened]) {
    assert.doesNotMatch(text, /\b(the|is|was|this|today|prices|price book|have|would)\b/i, `no English: ${text}`);
  }
  await page.screenshot({ path: `${shots}staff-spanish-price-change.png` });
  await page.close();
});
