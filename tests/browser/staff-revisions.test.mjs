// The staff page's dates and revisions (DESIGN.md, "Revisions"): a quote is issued on the page's
// date, with no control to backdate it; a reopened file, from this release or an earlier one, shows
// and prints the number the patient holds until staff change something that prints; then it is a
// revised document, issued today, naming the number it replaces and that document's date; and
// Print, Save quote and Export CSV give what is on screen.
//
// Figures by hand from the sample price book (prices in tests/cases/mod.rs), as in
// tests/revisions.rs and tests/saved_quotes.rs; valid until is the issue date plus 60 days.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { session, watch } from './browser.mjs';

const shared = session();
const { shots } = shared;
const fixtures = new URL('../fixtures/saved-quotes/', import.meta.url).pathname;
/** The day these pages are opened on, on this machine's clock: 2026-12-07. */
const DECEMBER_7 = new Date(2026, 11, 7, 10, 0);

async function openStaffPage(path = 'staff.html') {
  const page = await shared.browser.newPage({ acceptDownloads: true });
  await page.clock.setFixedTime(DECEMBER_7);
  await page.setViewportSize({ width: 1300, height: 900 });
  const seen = await watch(page);
  await page.goto(`${shared.server.url}${path}`);
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  return { page, errors: seen.errors };
}

async function reopen(page, name) {
  await page.setInputFiles('#open', `${fixtures}${name}`);
  await page.waitForFunction(() => !document.getElementById('reopened').hidden);
}

/** The page printed to PDF at `name`.pdf, as one line of text; its pages as PNGs beside it. */
async function printed(page, name) {
  const pdf = `${shots}${name}.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, `${shots}${name}-page`]);
  return execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
}

/** What Save quote and Export CSV download for the quote on screen: the parsed file and the CSV. */
async function outputs(page) {
  const [save] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  return {
    name: save.suggestedFilename(),
    saved: JSON.parse(readFileSync(await save.path(), 'utf8')),
    csvName: csv.suggestedFilename(),
    rows: readFileSync(await csv.path(), 'utf8').trim().split('\r\n').slice(1),
  };
}

/** `saved` is the revision in the fixture `name`: its format, number, date, chain and price book. */
function sameRevision(saved, name) {
  const committed = JSON.parse(readFileSync(`${fixtures}${name}`, 'utf8'));
  for (const key of ['format', 'quote_number', 'price_book']) assert.deepEqual(saved[key], committed[key], key);
  for (const key of ['issued_on', 'replaces']) assert.deepEqual(saved.request[key], committed.request[key], key);
}

test('a new quote is issued today: the page shows the date as text, has no control to backdate it, and does not honour another date sent from the page', async () => {
  const { page, errors } = await openStaffPage();
  assert.equal(await page.locator('[name="issued_on"]').count(), 0, 'no date control');
  assert.equal(await page.locator('#issued-on').textContent(), 'December 7, 2026', 'before any answer');
  // One plantar fasciitis injection, self-pay: 1,475.00 less 5 % (73.75) = 1,401.25.
  await page.check('input[name="coverage"][value="self_pay"]');
  await page.fill('#patient-name', 'Ana Ruiz');
  await page.fill('#dob', '1970-03-04');
  await page.check('input[name="side"][value="left"]');
  await page.selectOption('#condition', 'plantar_fasciitis');
  await page.selectOption('#product', 'amnion_1ml');
  await page.selectOption('#injections', '1');
  await page.check('#prompt-pay-included');
  // Dec 7 + 60 days: Dec 31 is +24, Jan 31 +55, Feb 5 +60.
  assert.equal(await page.locator('.gfe-dates').textContent(), 'Issued December 7, 2026 · Valid until February 5, 2027 · Price book 2026.11-sample');
  const status = await page.locator('#status').textContent();
  assert.match(status, /^Good Faith Estimate GFE-[0-9A-Z-]+: \$1,401\.25$/);
  // A page (or a tampered one) that sends a backdated issue date and a chain of its own: neither
  // is read. The quote, its document and its file are today's, as before.
  await page.evaluate(() => {
    const form = document.getElementById('quote-form');
    for (const [name, value] of [['issued_on', '2026-01-15'], ['replaces.0.quote_number', 'GFE-FAKE-FAKE-FAKE-F'], ['replaces.0.issued_on', '2026-01-01']]) {
      const input = Object.assign(document.createElement('input'), { type: 'hidden', name, value });
      form.append(input);
    }
    form.querySelector('#patient-name').dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.equal(await page.locator('#status').textContent(), status, 'the same quote');
  assert.match(await page.locator('.gfe-dates').textContent(), /^Issued December 7, 2026 · Valid until February 5, 2027/);
  assert.equal(await page.locator('.gfe-revised').count(), 0, 'not a revision');
  const { saved } = await outputs(page);
  assert.equal(saved.request.issued_on, '2026-12-07');
  assert.equal(saved.request.replaces, undefined, 'a document that replaces none saves no chain');
  await page.screenshot({ path: `${shots}staff-issued-today.png` });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file saved by an earlier release (format 1) keeps the number the patient holds, on screen, in print, saved and exported, until something that prints changes', async () => {
  const { page, errors } = await openStaffPage();
  // Release 3613b6a's file of the two-provider quote issued December 2, 2026: 3,749.81 (worked out
  // in staff.test.mjs). Dec 2 + 60: Dec 31 is +29, Jan 31 +60.
  await reopen(page, 'release-3613b6a-self-pay-with-co-provider.json');
  const number = 'GFE-C25T-AE6J-31CV-F';
  assert.equal(await page.locator('#status').textContent(), `Good Faith Estimate ${number}: $3,749.81`);
  assert.equal(await page.locator('.gfe-number').textContent(), `Quote ${number}`);
  assert.match(await page.locator('.gfe-dates').textContent(), /^Issued December 2, 2026 · Valid until January 31, 2027/);
  assert.equal(await page.locator('#issued-on').textContent(), 'December 2, 2026', 'its own issue date, not today');
  assert.doesNotMatch(await page.locator('#reopened').textContent(), /upgraded|earlier format/);
  // Touching what does not print (the printout's comparison, a name typed again) keeps it.
  await page.check('#include-comparison');
  await page.uncheck('#include-comparison');
  await page.fill('#patient-name', 'Ana Ruiz');
  assert.equal(await page.locator('#status').textContent(), `Good Faith Estimate ${number}: $3,749.81`);
  assert.equal(await page.locator('#revision').isHidden(), true);
  const text = await printed(page, 'reopened-format-1');
  assert.match(text, new RegExp(`Quote ${number} Issued December 2, 2026 · Valid until January 31, 2027`));
  assert.doesNotMatch(text, /Revised/);
  const { name, saved, csvName, rows } = await outputs(page);
  assert.equal(name, `${number}.json`);
  assert.equal(csvName, `${number}.csv`);
  assert.equal(saved.quote_number, number);
  assert.equal(saved.format, 'amnion-estimator/quote/1', 'the file as it was');
  assert.ok(rows.length > 0 && rows.every((row) => row.startsWith(`${number},`)), rows.join('\n'));
  // Saved again and reopened on another page, it is the same document.
  const again = await openStaffPage();
  await again.page.setInputFiles('#open', { name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await again.page.waitForFunction(() => !document.getElementById('reopened').hidden);
  assert.equal(await again.page.locator('#status').textContent(), `Good Faith Estimate ${number}: $3,749.81`);
  assert.deepEqual(errors, []);
  await again.page.close();
  await page.close();
});

test('a changed reopened quote is a revision: a new number, issued today, naming the number it replaces and its date, on screen and in print, saved and exported as shown', async () => {
  const { page, errors } = await openStaffPage();
  // Issued December 1, 2026: consultation, one plantar fasciitis injection and the boot, 1,795.50.
  await reopen(page, 'revision-chain-1-original.json');
  assert.equal(await page.locator('#status').textContent(), 'Good Faith Estimate GFE-AAJ8-1STR-C4FQ-G: $1,795.50');
  assert.match(await page.locator('.gfe-dates').textContent(), /^Issued December 1, 2026 · Valid until January 30, 2027/);
  // The boot removed: 1,725.00 less 5 % (86.25) = 1,638.75, a revision issued today. The same
  // change on the same day as the committed revision, so the same number (tests/revisions.rs).
  await page.uncheck('#walking_boot');
  assert.equal(await page.locator('#status').textContent(), 'Good Faith Estimate GFE-FVJM-TR82-0AVD-X: $1,638.75');
  assert.equal(await page.locator('#issued-on').textContent(), 'December 7, 2026');
  assert.match(await page.locator('.gfe-dates').textContent(), /^Issued December 7, 2026 · Valid until February 5, 2027/);
  const revised = 'Revised Good Faith Estimate. Replaces GFE-AAJ8-1STR-C4FQ-G issued December 1, 2026.';
  assert.equal(await page.locator('.gfe-revised').textContent(), revised);
  assert.equal(await page.locator('#revision').textContent(), `${revised} The quote has changed since it was issued: this is a revised Good Faith Estimate, with a new number, issued today. Give it to the patient.`);
  assert.equal(await page.locator('#revision').isVisible(), true);
  await page.screenshot({ path: `${shots}staff-revision.png` });
  const text = await printed(page, 'revision');
  assert.match(text, /Quote GFE-FVJM-TR82-0AVD-X Issued December 7, 2026 · Valid until February 5, 2027/);
  assert.ok(text.includes(revised), 'the printout names what it replaces');
  assert.doesNotMatch(text, /Give it to the patient/, 'the staff notice does not print');
  const { saved, rows } = await outputs(page);
  // The page's Save writes the revision examples/save_quote.rs wrote for the same change (the
  // request as the form words it, with the same number, date, chain and book).
  sameRevision(saved, 'revision-chain-2-boot-removed.json');
  assert.ok(rows.every((row) => row.startsWith('GFE-FVJM-TR82-0AVD-X,')), rows.join('\n'));
  // The boot back: the original document again.
  await page.check('#walking_boot');
  assert.equal(await page.locator('#status').textContent(), 'Good Faith Estimate GFE-AAJ8-1STR-C4FQ-G: $1,795.50');
  assert.equal(await page.locator('#revision').isHidden(), true);
  assert.equal(await page.locator('#issued-on').textContent(), 'December 1, 2026');
  // The revision's file reopened (a later day, say): its document still names what it replaces,
  // but the page no longer says it was issued today and is to be given (billing walk-through 6,
  // item 5: it did, for a revision issued and given days before).
  await reopen(page, 'revision-chain-2-boot-removed.json');
  assert.equal(await page.locator('#status').textContent(), 'Good Faith Estimate GFE-FVJM-TR82-0AVD-X: $1,638.75');
  assert.equal(await page.locator('.gfe-revised').textContent(), revised);
  assert.equal(await page.locator('#revision').isHidden(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on the Spanish page, a changed file of an earlier release is a revised price quote naming the number the patient holds', async () => {
  const { page, errors } = await openStaffPage('staff.html?lang=es');
  // Release 729d275's Medicaid quote in Spanish, issued December 2, 2026, 3,303.39; with 4
  // therapy sessions where it had 6: 2,747.25 + 160 + 4 × 95 = 3,287.25, less 5 % (164.3625 ->
  // 164.36) = 3,122.89 (tests/revisions.rs).
  await reopen(page, 'release-729d275-spanish-medicaid.json');
  assert.match(await page.locator('#status').textContent(), /GFE-B8H3-F1A3-DFG3-E: \$3,303\.39$/);
  await page.selectOption('#sessions', '4');
  assert.match(await page.locator('#status').textContent(), /SPQ-A5RV-PZ5G-M3QC-Y: \$3,122\.89$/);
  assert.equal(await page.locator('.gfe-revised').textContent(), 'Cotización de pago directo revisada. Reemplaza el documento GFE-B8H3-F1A3-DFG3-E emitido el 2 de diciembre de 2026.');
  assert.match(await page.locator('#revision').textContent(), /esta es una cotización revisada, con un número nuevo, emitida hoy\. Entréguesela al paciente\.$/);
  assert.equal(await page.locator('#issued-on').textContent(), '7 de diciembre de 2026');
  const { saved } = await outputs(page);
  sameRevision(saved, 'revision-of-release-729d275-spanish-medicaid.json');
  assert.deepEqual(errors, []);
  await page.close();
});

test('on the Spanish page, an English estimate reopens as it was given: its document in English, the page\'s own words beside it in Spanish', async () => {
  const { page, errors } = await openStaffPage('staff.html?lang=es');
  // The English original of the revision chain: issued December 1, 2026, $1,795.50.
  await reopen(page, 'revision-chain-1-original.json');
  // The patient holds an English document: it stays English, on screen and in print.
  assert.match(await page.locator('.gfe-dates').textContent(), /^Issued December 1, 2026 · Valid until January 30, 2027/);
  // The page's status and the form's issue date are in the page's words (billing walk-through 4,
  // item 1: they said "Good Faith Estimate" and "December 1, 2026" on the Spanish page).
  assert.equal(await page.locator('#status').textContent(), 'Estimado de buena fe GFE-AAJ8-1STR-C4FQ-G: $1,795.50');
  assert.equal(await page.locator('#issued-on').textContent(), '1 de diciembre de 2026');
  // The page says the document is English, and that a change here makes a Spanish revision
  // (billing walk-through 6, item 7).
  assert.match(await page.locator('#reopened').textContent(), /Este documento está en inglés\. Un cambio crea su revisión en español, el idioma de esta página; para entregar al paciente una revisión en inglés, ábralo en la página del personal en inglés\.$/);
  // Revised here (the boot removed, as in the test above: GFE-FVJM-TR82-0AVD-X, now in Spanish,
  // the page's language) and saved, so the register holds what replaces the original.
  await page.uncheck('#walking_boot');
  assert.equal(await page.locator('#status').textContent(), 'Estimado de buena fe GFE-FVJM-TR82-0AVD-X: $1,638.75');
  await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  await page.waitForFunction(() => document.getElementById('register-list').textContent.includes('GFE-FVJM-TR82-0AVD-X'));
  // The original opened again: the notice beside it is Spanish; the line printed on it is English.
  await reopen(page, 'revision-chain-1-original.json');
  await page.waitForFunction(() => !document.getElementById('replaced-warning').hidden);
  assert.match(await page.locator('#replaced-warning').textContent(), /^El documento GFE-AAJ8-1STR-C4FQ-G fue reemplazado por GFE-FVJM-TR82-0AVD-X, emitido el 7 de diciembre de 2026\./);
  const text = await printed(page, 'english-on-spanish-page');
  assert.match(text, /Replaced by GFE-FVJM-TR82-0AVD-X issued December 7, 2026: this copy is for the record\. Good Faith Estimate Quote GFE-AAJ8-1STR-C4FQ-G/);
  assert.doesNotMatch(text, /Reemplazado|Estimado de buena fe|de diciembre de/, 'one language in the printout');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a document reopened after its last valid day says it expired, and that care from now on needs a revision', async () => {
  const page = await shared.browser.newPage();
  // Release 3613b6a's file, issued December 2, 2026, valid until January 31, 2027 (Dec 2 + 60 days:
  // 29 more in December, 31 in January); opened on February 10, 2027.
  await page.clock.setFixedTime(new Date(2027, 1, 10, 10, 0));
  await page.goto(`${shared.server.url}staff.html`);
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  await reopen(page, 'release-3613b6a-self-pay-with-co-provider.json');
  assert.match(await page.locator('#reopened').textContent(), /This Good Faith Estimate expired on January 31, 2027, the last day it was valid\. Print it only as a copy of what the patient was given/);
  // Still the number the patient holds: a copy of what was given.
  assert.equal(await page.locator('.gfe-number').textContent(), 'Quote GFE-C25T-AE6J-31CV-F');
  await page.close();
  // On its last valid day, nothing is said of it.
  const valid = await shared.browser.newPage();
  await valid.clock.setFixedTime(new Date(2027, 0, 31, 10, 0));
  await valid.goto(`${shared.server.url}staff.html`);
  await valid.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  await reopen(valid, 'release-3613b6a-self-pay-with-co-provider.json');
  assert.doesNotMatch(await valid.locator('#reopened').textContent(), /expired/);
  await valid.close();
});
