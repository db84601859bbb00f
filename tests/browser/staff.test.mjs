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
import { fillTwoProviderQuote, offsite, session, watch } from './browser.mjs';

const shared = session();
const { shots } = shared;

async function openStaffPage() {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width: 1300, height: 900 });
  const seen = await watch(page);
  await page.goto(`${shared.server.url}staff.html`);
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
  assert.deepEqual(errors, []);
  assert.deepEqual(seen.violations, [], 'works under the Content Security Policy');
  assert.deepEqual(offsite(seen, new URL(shared.server.url).origin), [], 'no request leaves the page');
  await page.close();
});

test('staff can put the scenario comparison on the printout', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  await page.check('#include-comparison');
  await page.selectOption('#comparison-plan', '');
  // Row "1 injection", column "No physical therapy": 250 + 1,475 = 1,725.00 - 5 % (86.25) = 1,638.75.
  const cell = page.locator('#comparison tbody tr').first().locator('td').first();
  assert.match(await cell.textContent(), /\$1,638\.75/);
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

  const { page: fresh } = await openStaffPage();
  await fresh.setInputFiles('#open', file);
  await fresh.waitForFunction(() => !document.getElementById('reopened').hidden);
  assert.equal(await fresh.locator('#status').textContent(), before);
  assert.equal(await fresh.inputValue('#patient-name'), 'Ana Ruiz', 'the form is restored');
  assert.equal(await fresh.inputValue('#pt-npi'), '1234567802');
  assert.match(await fresh.locator('#reopened').textContent(), /with the prices it was saved with/);
  // Changed, then the same file chosen again: it opens again.
  await fresh.fill('#patient-name', 'Someone Else');
  await fresh.setInputFiles('#open', file);
  await fresh.waitForFunction(() => document.getElementById('patient-name').value === 'Ana Ruiz');
  assert.equal(await fresh.locator('#status').textContent(), before);
  await page.close();
  await fresh.close();
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
    ['huge.json', JSON.stringify(huge), /the document is too large: more than 20000 values/],
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

  await page.check('input[name="coverage"][value="medicare"]');
  assert.match(await page.locator('#coverage-notice').textContent(), /does not apply to Medicare, Medicaid or TRICARE/);
  assert.match(await page.locator('.gfe h2').textContent(), /Self-pay price quote/);

  await page.fill('#patient-name', '');
  assert.equal(await page.locator('#error').textContent(), "Full name: enter the patient's name");
  assert.equal(await page.locator('#patient-name').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.inputValue('#pt-name'), 'Riverside Physical Therapy', 'nothing else is lost');
  await page.close();
});

test('the staff page fits a phone screen', async () => {
  const { page } = await openStaffPage();
  await page.setViewportSize({ width: 360, height: 800 });
  await fillTwoProviderQuote(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  await page.screenshot({ path: `${shots}staff-phone.png`, fullPage: true });
  await page.close();
});
