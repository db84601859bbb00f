// The price-book editor as an office manager uses it: open the sample, change the clinic and two
// prices in dollars, add a condition, download; open a file with a misspelt field and make two
// more mistakes, see all three at once at their fields, fix them, download again; then the widget
// prices a treatment from the downloaded book, checked against a total worked out by hand. Also the
// layout at 360, 1280 and 1920 px, a file that is not JSON, and the download refused while the
// book has a problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countCrossings, launch, offsite, watch } from './browser.mjs';
import { serve } from './server.mjs';

const fixtures = mkdtempSync(join(tmpdir(), 'editor-fixtures-'));

/** The editor in a fresh browser; with `counted`, its calls into the module counted (`countCrossings`). */
async function start(width = 1280, { counted = false } = {}) {
  const server = await serve(fixtures);
  const browser = await launch();
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  const seen = await watch(page);
  if (counted) await page.addInitScript(countCrossings);
  await page.goto(`${server.url}editor.html`);
  return { server, browser, page, seen, stop: async () => { await browser.close(); await server.close(); } };
}

/**
 * Types into the control named `name` (or picks `text` in a select), opening the sections around
 * it as a person would.
 */
async function type(page, name, text) {
  const control = page.locator(`[name="${name}"]`);
  const tag = await control.evaluate((element) => {
    for (let part = element.closest('details'); part; part = part.parentElement.closest('details')) part.open = true;
    return element.tagName;
  });
  if (tag === 'SELECT') await control.selectOption(text);
  else await control.fill(text);
}

/** The message under the control named `name`, or null. */
function messageOf(page, name) {
  return page.evaluate((name) => {
    const control = document.querySelector(`[name="${name}"]`);
    const id = (control.getAttribute('aria-describedby') ?? '').split(' ').find((token) => token.endsWith('-error'));
    return id ? document.getElementById(id)?.textContent ?? null : null;
  }, name);
}

/** Clicks Download and returns the file's name and its parsed text. */
async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const text = readFileSync(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text, book: JSON.parse(text) };
}

test('an office manager edits the sample, fixes three mistakes at once, and the widget prices from the download', async () => {
  const { page, seen, server, stop } = await start();
  await page.click('#start-sample');
  await page.locator('#editing').waitFor();
  // The sample's prices, in dollars: 120000 cents is 1,200.00.
  assert.equal(await page.inputValue('[name="products.0.price_cents"]'), '1,200.00');

  // What is still the sample's is to change or confirm before a download: each is marked. The
  // mark, the clinic's name, phone, email, street, ZIP, NPI and TIN (8), the 2 partner practices,
  // the lender's note and its 8 plans: 8 + 2 + 1 + 8 = 19.
  const leftovers = await page.locator('#warning-summary li').allTextContents();
  assert.equal(leftovers.length, 19, leftovers.join('\n'));
  assert.match(leftovers[0], /^These are sample prices, not the clinic's: Visitors and every estimate are told these are sample prices/);
  await type(page, 'clinic.name', 'Hillside Foot & Ankle');
  await type(page, 'clinic.npi', '1245319599'); // its Luhn check digit over 80840124531959 is 9
  await type(page, 'clinic.phone', '(512) 555-0199');
  await type(page, 'clinic.email', 'billing@hillside.example');
  await type(page, 'clinic.address.street', '12 Hill St');
  // The street alone is not enough: with the sample's ZIP the address is still Austin's 78701.
  await page.waitForFunction(() => document.querySelector('[name="clinic.address.zip"]').closest('.field').querySelector('.field-warning')?.textContent.startsWith("Still the sample clinic's"));
  await type(page, 'clinic.address.zip', '78702');
  await type(page, 'clinic.tin', '98-7654321'); // as an EIN is printed; the book keeps 987654321
  await page.uncheck('[name="sample_data"]');
  // What is left of the sample reaches patients too: its two partner practices, and its lender's
  // note (which says the terms are samples) and eight plans, each still to replace or confirm.
  await page.locator('#warning-summary li').nth(10).waitFor();
  const left = await page.locator('#warning-summary li').allTextContents();
  assert.equal(left.length, 11, left.join('\n'));
  assert.equal(left.filter((text) => text.includes("Still one of the sample's partner practices")).length, 2, left.join('\n'));
  assert.equal(left.filter((text) => text.includes("Still the sample's note, which says these are sample terms")).length, 1, left.join('\n'));
  assert.equal(left.filter((text) => text.includes("Still one of the sample lender's plans")).length, 8, left.join('\n'));
  // This clinic offers no financing and sends patients to no partner yet: both go.
  await page.uncheck('[name="financing._on"]');
  for (const _ of [0, 1]) {
    const partner = page.locator('[id="f-therapy_partners.0"]');
    if ((await partner.getAttribute('open')) === null) await partner.locator('> summary').click();
    await partner.locator('button[data-action="remove"]').click();
  }
  await page.locator('#warning-summary').waitFor({ state: 'hidden' });
  await type(page, 'products.0.price_cents', '1,250.00');
  await type(page, 'visits.consultation.price_cents', '$275');
  await page.click('#s-conditions > summary');
  await page.click('button[data-list="conditions"]');
  // The new condition opens with the cursor in its first field, its empty fields not yet marked as
  // mistakes: the summary names it once, and the download waits.
  assert.equal(await page.evaluate(() => document.activeElement.name), 'conditions.5.id');
  assert.deepEqual(await page.locator('#book-problems li').allTextContents(), ['New condition: fill in its fields (the download waits for them).']);
  assert.equal(await messageOf(page, 'conditions.5.id'), null);
  // Its injection fee is picked from the book's injection fees.
  const fees = await page.locator('[name="conditions.5.procedure_code"] option').allTextContents();
  assert.deepEqual(fees, ['Choose one', '20550: Injection, tendon sheath, ligament or plantar fascia',
    '20551: Injection, tendon origin or insertion', '20606: Injection, ankle joint, with ultrasound guidance']);
  for (const [name, text] of [
    ['conditions.5.id', 'heel_spur'], ['conditions.5.label.en', 'Heel spur'], ['conditions.5.label.es', 'Espolón calcáneo'],
    ['conditions.5.icd10.left', 'M77.32'], ['conditions.5.icd10.right', 'M77.31'], ['conditions.5.procedure_code', '20551'],
    ['conditions.5.typical_injections.min', '1'], ['conditions.5.typical_injections.max', '2'],
    ['conditions.5.typical_pt_sessions.min', '6'], ['conditions.5.typical_pt_sessions.max', '10'],
  ]) await type(page, name, text);
  // Its heading takes its name as typed.
  assert.equal(await page.textContent('[id="f-conditions.5"] > summary'), 'Condition: Heel spur');

  // Changed prices under the opened version: the download waits for a new one, said at the
  // version field just above the button (not in the summary at the top: the book has no problem).
  await page.locator('#download-reason', { hasText: 'Give the changed prices a new version, just above.' }).waitFor();
  assert.equal(await page.getAttribute('#download', 'aria-disabled'), 'true');
  assert.match(await messageOf(page, 'version'), /^Give the changed prices a new version: the book you opened is also "2026\.11-sample"/);
  assert.equal(await page.locator('#book-problems').isHidden(), true);
  // Opening another book now would lose the changes: the page asks first, and keeping them keeps them.
  await page.click('#start-sample');
  await page.locator('#replace-dialog[open]').waitFor();
  await page.click('#replace-dialog button[value="keep"]');
  assert.equal(await page.inputValue('[name="clinic.name"]'), 'Hillside Foot & Ankle');
  await page.fill('#f-version', '2026.12');
  await page.fill('#f-effective_date', '2026-12-01');
  await page.locator('#download[aria-disabled=false]').waitFor();
  const changes = await page.locator('#changes tbody tr').allTextContents();
  assert.ok(changes.some((row) => row.includes('$1,200.00') && row.includes('$1,250.00')), changes.join('\n'));
  assert.ok(changes.some((row) => row.includes('$250.00') && row.includes('$275.00')), changes.join('\n'));
  assert.ok(changes.some((row) => row.includes('Added') && row.includes('Heel spur')), changes.join('\n'));
  const first = await download(page);
  // The version is inside the book: the file's name is the same for every version (below too).
  assert.equal(first.name, 'price-book.json');
  // $1,250.00 is 125000 cents; $275 is 27500.
  assert.equal(first.book.products[0].price_cents, 125000);
  assert.equal(first.book.visits.consultation.price_cents, 27500);
  assert.equal(first.book.clinic.name, 'Hillside Foot & Ankle');
  assert.equal(first.book.clinic.tin, '987654321');
  assert.equal(first.book.sample_data, false);
  assert.equal(first.book.conditions.length, 6);
  assert.match(await page.textContent('#snippet'), /price-book="\/estimator\/price-book\.json"/);
  // A message for the clinic's web person, naming the file and where it goes.
  assert.match(await page.inputValue('#web-message'), /Put price-book\.json in \/estimator\/ and in \/staff\/, in place of the one there, on [A-Z][a-z]+ \d{1,2}, \d{4}, not before/);

  // The file opened again with a misspelt field, then a negative price and a bad NPI typed in.
  const misspelt = first.text.replace('"ultrasound_guidance":', '"ultrasound_guidence":');
  assert.notEqual(misspelt, first.text);
  await page.setInputFiles('#open-file', { name: 'our-prices.json', mimeType: 'application/json', buffer: Buffer.from(misspelt) });
  await page.locator('#opened', { hasText: 'our-prices.json' }).waitFor();
  await type(page, 'walking_boot.price_cents', '-165');
  await type(page, 'clinic.npi', '1245319590');
  await page.fill('#f-version', '2026.12b');
  // Three messages at once, each under its field, and three links in the summary.
  const links = await page.locator('#book-problems li').allTextContents();
  assert.equal(links.length, 3, links.join('\n'));
  for (const name of ['ultrasound_guidence', 'walking_boot.price_cents', 'clinic.npi']) {
    const message = await messageOf(page, name);
    assert.ok(message, `a message under ${name}`);
    // The message sits right under its control, within a field's height.
    const [control, box] = await page.evaluate((name) => {
      const control = document.querySelector(`[name="${name}"]`);
      const message = document.getElementById(control.getAttribute('aria-describedby').split(' ').find((t) => t.endsWith('-error')));
      return [control.getBoundingClientRect().toJSON(), message.getBoundingClientRect().toJSON()];
    }, name);
    assert.ok(box.height > 0, `${name}'s message is visible`);
    assert.ok(box.top >= control.bottom - 1 && box.top - control.bottom < control.height, `${name}: message ${box.top} under control ${control.bottom}`);
  }
  assert.match(await messageOf(page, 'ultrasound_guidence'), /ultrasound_guidance/);
  assert.doesNotMatch(await messageOf(page, 'clinic.npi'), /clinic\.npi|in the file/, 'no place in the file: the office manager reads it');
  assert.equal(await page.getAttribute('#download', 'aria-disabled'), 'true');
  // The preview shows no price from a book with a problem.
  assert.equal(await page.locator('#widget-preview .widget-host').count(), 0);
  assert.equal(await page.textContent('#gfe-preview'), '');

  // Download while refused: nothing is downloaded; the problems are shown.
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.click('#download', { force: true });
  await page.waitForTimeout(300);
  assert.equal(downloads, 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'book-problems');

  // Fixed: the stray entry used as the field it meant, the price and the NPI typed again.
  await page.click('[data-stray="ultrasound_guidence"] button:text("Use it as ultrasound_guidance")');
  await type(page, 'walking_boot.price_cents', '165.00');
  await type(page, 'clinic.npi', '1245319599');
  await page.locator('#book-problems').waitFor({ state: 'hidden' });
  await page.locator('#download[aria-disabled=false]').waitFor();
  const fixed = await download(page);
  assert.equal(fixed.name, 'price-book.json');
  assert.equal(fixed.book.ultrasound_guidance.price_cents, 12500);
  assert.equal(fixed.book.walking_boot.price_cents, 16500);
  assert.ok(!('ultrasound_guidence' in fixed.book));
  // The preview is back, priced from the book on screen.
  await page.locator('#widget-preview .widget-host').waitFor();
  assert.match(await page.textContent('#gfe-preview'), /Hillside Foot & Ankle/);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.violations, []);
  assert.deepEqual(offsite(seen, new URL(server.url).origin), [], 'nothing left the page');

  // The downloaded book on a clinic's page: one heel-spur injection of the 1 mL vial with the
  // consultation. Consultation $275.00 + vial $1,250.00 + injection fee 20551 $160.00 (no
  // separate ultrasound for this condition) = $1,685.00; prompt pay 5 % off = $84.25; total
  // $1,685.00 - $84.25 = $1,600.75.
  writeFileSync(join(fixtures, fixed.name), fixed.text);
  writeFileSync(join(fixtures, 'clinic.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
<script type="module" src="../dist/estimator.js"></script></head><body><main>
<amnion-estimator price-book="${fixed.name}"></amnion-estimator></main></body></html>`);
  await page.goto(`${server.url}fixtures/clinic.html`);
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  await page.selectOption('#condition', 'heel_spur');
  await page.selectOption('#injections', '1');
  await page.selectOption('#product', 'amnion_1ml');
  await page.check('#consultation');
  await page.locator('#total', { hasText: '$1,600.75' }).waitFor();
  await stop();
});

test('a file that is not JSON stays on screen to correct, and opens once corrected', async () => {
  const { page, stop } = await start();
  const sample = readFileSync(new URL('../../src/price_book/default.json', import.meta.url), 'utf8');
  const broken = sample.replace('"phone": "(512) 555-0100",', '"phone": "(512) 555-0100",,');
  await page.setInputFiles('#open-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await page.locator('#unreadable').waitFor();
  // Where reading stopped, in plain words: the line of the second comma (line 7 of the sample).
  const line = broken.split('\n').findIndex((text) => text.includes(',,')) + 1;
  assert.match(await page.textContent('#unreadable-reason'), new RegExp(`^broken\\.json could not be opened: line ${line}, column \\d+: the file is not valid JSON: a field name must be in double quotes, or a comma is one too many\\.$`));
  assert.equal(await page.inputValue('#unreadable-text'), broken, 'nothing of the file is lost');
  // The cursor is where reading stopped: at the second comma's line (serde_json stops at the
  // next value, on the line after the doubled comma, or at the comma itself).
  const at = await page.evaluate(() => document.getElementById('unreadable-text').selectionStart);
  const comma = broken.indexOf(',,');
  assert.ok(at > comma && at <= broken.indexOf('\n', broken.indexOf('\n', comma) + 1), `the cursor at ${at}, the doubled comma at ${comma}`);
  await page.fill('#unreadable-text', sample);
  await page.click('#open-text');
  await page.locator('#editing').waitFor();
  assert.equal(await page.inputValue('[name="clinic.phone"]'), '(512) 555-0100');
  // A file that is not a price book is said to be what it is, not opened as a book full of
  // problems, and offers no text to correct: JSON of another kind, a saved quote, the prices as
  // a spreadsheet, a picture.
  const others = [
    ['list.json', '{ "name": "shopping", "items": [1, 2] }', 'it is not a price book: it has none of a price book'],
    ['quote.json', readFileSync(new URL('../fixtures/saved-quotes/spanish.json', import.meta.url), 'utf8'), 'it is a saved quote, not a price book: open it on the staff page'],
    ['prices.csv', 'item,code,description,cash price,allowed amount\nwalking_boot,L4361,Walking boot,170.00,\n', 'it is the prices as a spreadsheet (CSV), not a price book: open the price book first'],
    ['patients.csv', 'name,phone\nAna Ruiz,(512) 555-0100\n', 'it is not a price book: it looks like a spreadsheet (rows of cells)'],
    ['photo.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]), 'it is not a price book: it is not a text file'],
  ];
  for (const [name, content, said] of others) {
    await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await page.locator('#unreadable-reason', { hasText: `${name} could not be opened: ${said}` }).waitFor();
    assert.equal(await page.locator('#unreadable-fix').isHidden(), true, `${name}: no text to correct`);
    assert.equal(await page.locator('#unreadable-other').isVisible(), true, name);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'unreadable-reason', `${name}: the reason is read out`);
  }
  // The book being edited stays while another file could not be opened.
  assert.equal(await page.inputValue('[name="clinic.phone"]'), '(512) 555-0100');
  await stop();
});

for (const width of [360, 1280, 1920]) {
  test(`the editor at ${width} px: no sideways scrolling; the preview beside the form on a wide screen`, async () => {
    const { page, stop } = await start(width);
    await page.click('#start-sample');
    await page.locator('#widget-preview .widget-host').waitFor();
    for (const part of await page.locator('#fields details').all()) await part.evaluate((details) => { details.open = true; });
    // A long text changed and a price: "What changed" stays within the form, its amounts whole.
    await page.fill('[name="discounts.multi_injection.label.en"]', 'Multi-injection discount: 15% off each injection after the first, for every product the clinic injects');
    await page.fill('[name="walking_boot.price_cents"]', '12,345.00');
    await page.locator('#changes tbody tr').nth(1).waitFor();
    const table = await page.evaluate(() => {
      const box = (element) => element.getBoundingClientRect().toJSON();
      const cells = [...document.querySelectorAll('#changes td')].filter((cell) => cell.textContent === '$12,345.00');
      return { table: box(document.getElementById('changes')), form: box(document.getElementById('book-form')), amount: box(cells[0]) };
    });
    assert.ok(table.table.right <= table.form.right + 1, `the changes table inside the form: ${JSON.stringify(table)}`);
    // One line: no taller than two lines of its text would be, with the cell's padding.
    assert.ok(table.amount.height < 40, `"$12,345.00" on one line: ${table.amount.height} px`);
    const layout = await page.evaluate(() => {
      const box = (selector) => document.querySelector(selector).getBoundingClientRect().toJSON();
      const widget = document.querySelector('#widget-preview .widget-host').shadowRoot;
      const inWidget = (selector) => widget.querySelector(selector).getBoundingClientRect().toJSON();
      return {
        scroll: document.documentElement.scrollWidth, view: innerWidth, form: box('#book-form'), pane: box('.preview-pane'),
        answers: inWidget('#answers'), result: inWidget('.result'), csv: box('.csv-step'), save: box('.save-step'),
      };
    });
    // The widget lays out by the pane's width, not the screen's: in a narrow pane its answers and
    // its result one above the other, each about the pane's width; side by side only where each
    // column has room (at 1920 px), never two cramped columns.
    const widgetBoxes = JSON.stringify([layout.pane, layout.answers, layout.result]);
    if (layout.result.top >= layout.answers.bottom) {
      assert.ok(layout.answers.width >= layout.pane.width - 120, `the widget's answers in the pane: ${widgetBoxes}`);
    } else {
      assert.ok(layout.answers.width >= 300 && layout.result.width >= 300, `the widget's two columns have room: ${widgetBoxes}`);
    }
    if (width === 1280) assert.ok(layout.result.top >= layout.answers.bottom, `one column at 1280 px: ${widgetBoxes}`);
    // The spreadsheet step is in the form's column, just before Save.
    assert.ok(layout.csv.left >= layout.form.left && layout.csv.right <= layout.form.right && layout.csv.bottom <= layout.save.top, 'the CSV step sits in the form, before Save');
    assert.ok(layout.scroll <= layout.view, `page ${layout.scroll} px wide in a ${layout.view} px window`);
    if (width >= 1280) {
      assert.ok(layout.pane.left >= layout.form.right, 'the preview sits beside the form');
      assert.ok(layout.form.width >= 500, `the form is ${layout.form.width} px wide`);
      assert.ok(layout.pane.top < 600, `the preview starts ${layout.pane.top} px down`);
    } else {
      assert.ok(layout.pane.top >= layout.form.bottom, `the preview follows the form on a phone: ${JSON.stringify(layout)}`);
    }
    await page.screenshot({ path: new URL(`./screenshots/editor-${width}.png`, import.meta.url).pathname });
    await stop();
  });
}

test('the prices out as CSV and back: two changes and one refused row shown, nothing changed until applied', async () => {
  const { page, stop } = await start();
  await page.click('#start-sample');
  await page.locator('#editing').waitFor();
  // With a price that is not an amount, the spreadsheet would leave it out: refused, with why.
  await type(page, 'visits.consultation.price_cents', '$12x');
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.click('#export-csv');
  await page.locator('#csv-status', { hasText: /^Not downloaded: fix the problems/ }).waitFor();
  assert.equal(downloads, 0);
  await type(page, 'visits.consultation.price_cents', '250.00');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = readFileSync(await file.path(), 'utf8');
  // Two prices changed in the spreadsheet: the walking boot $165.00 to $170.00, the follow-up
  // visit $120.00 to $125.50; and a row for a code the book does not have.
  const lines = csv.split(/\r?\n/);
  const edit = (code, from, to) => {
    const index = lines.findIndex((line) => line.includes(`,${code},`));
    assert.ok(index > 0 && lines[index].includes(from), `${code}'s row: ${lines[index]}`);
    lines[index] = lines[index].replace(from, to);
  };
  edit('L4361', '165.00', '170.00');
  edit('99213', '120.00', '125.50');
  const changed = [...lines.filter(Boolean), 'mystery,99999,A service the book does not have,50.00,', ''].join('\n');
  await page.setInputFiles('#import-csv', { name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(changed) });
  await page.locator('#csv-preview').waitFor();
  const rows = await page.locator('#csv-changes tbody tr').allTextContents();
  assert.equal(rows.length, 2, rows.join('\n'));
  assert.ok(rows.some((row) => row.includes('$165.00') && row.includes('$170.00')), rows.join('\n'));
  assert.ok(rows.some((row) => row.includes('$120.00') && row.includes('$125.50')), rows.join('\n'));
  const rejected = await page.locator('#csv-rejected li').allTextContents();
  assert.equal(rejected.length, 1, rejected.join('\n'));
  assert.match(rejected[0], /99999/);
  // Nothing changed until applied.
  assert.equal(await page.inputValue('[name="walking_boot.price_cents"]'), '165.00');
  await page.click('#csv-apply');
  // The two changes applied, and said so.
  assert.equal(await page.textContent('#csv-status'), '2 prices changed from the spreadsheet.');
  assert.equal(await page.inputValue('[name="walking_boot.price_cents"]'), '170.00');
  assert.equal(await page.inputValue('[name="extras.0.price_cents"]'), '125.50');
  const changes = await page.locator('#changes tbody tr').allTextContents();
  assert.ok(changes.some((row) => row.includes('$165.00') && row.includes('$170.00')), changes.join('\n'));
  await stop();
});

test('each action is one call into the module, which validates the book once, and the previews price from it', async () => {
  const { page, seen, stop } = await start(1280, { counted: true });
  await page.click('#start-sample');
  await page.locator('#widget-preview .widget-host').waitFor();
  /**
   * The calls into the module and the validations that clicking `selector` (or typing `text` into
   * it) makes, counted around the page's handler, which runs to the end before the click returns.
   */
  const made = (selector, text) => page.evaluate(([selector, text]) => {
    const counts = () => [window.__crossings, window.__module.validationCount()];
    const [crossings, validations] = counts();
    const control = document.querySelector(selector);
    if (text === undefined) {
      for (let part = control.closest('details'); part; part = part.parentElement.closest('details')) part.open = true;
      control.click();
    } else {
      control.value = text;
      control.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const [after, validated] = counts();
    return { crossings: after - crossings, validations: validated - validations };
  }, [selector, text]);
  const once = { crossings: 1, validations: 1 };
  assert.deepEqual(await made('[name="products.0.price_cents"]', '1,250.00'), once, 'a price typed');
  // The widget preview priced from the book on screen by that same call, its low end (the sample's
  // first condition, one injection of the 1 mL vial it shows first): consultation $250.00 + vial
  // $1,250.00 + injection fee 20550 $150.00 + ultrasound guidance $125.00 = $1,775.00; prompt pay
  // 5 % off = $88.75; $1,775.00 - $88.75 = $1,686.25.
  const preview = () => page.evaluate(() => document.querySelector('#widget-preview .widget-host').shadowRoot.getElementById('breakdown').textContent);
  assert.match(await preview(), /Amniotic allograft, 1 mL vialQ4139 · 1 × \$1,250\.00.*You pay\$1,686\.25High end/);
  assert.deepEqual(await made('.field-warning input[type=checkbox]'), once, 'a warning confirmed');
  assert.deepEqual(await made('button.item-up[data-item="products.1"]'), once, 'an item moved up');
  assert.deepEqual(await made('button.item-remove[data-item="extras.1"]'), once, 'an item removed');
  assert.deepEqual(await made('#download'), once, 'Download, refused while the version is the opened one');
  assert.deepEqual(await made('button[data-list="extras"]'), once, 'an item added');
  assert.equal(await page.locator('#widget-preview .widget-host').count(), 0, 'no preview while the new item is empty');
  // The new item removed, the book has no problem again: the widget preview is mounted anew and
  // renders its own answers once, with a call of its own; still one validation.
  const added = await page.locator('button.item-remove[data-item^="extras."]').last().getAttribute('data-item');
  const removed = await made(`button.item-remove[data-item="${added}"]`);
  assert.deepEqual(removed, { crossings: 2, validations: 1 }, 'the new item removed');
  // Its first product is now the 2 mL vial moved up: consultation $250.00 + vial $1,900.00 + $150.00
  // + $125.00 = $2,425.00; 5 % off = $121.25; $2,425.00 - $121.25 = $2,303.75.
  assert.match(await preview(), /Amniotic allograft, 2 mL vialQ4139 · 1 × \$1,900\.00.*You pay\$2,303\.75High end/);
  assert.deepEqual(seen.errors, []);
  await stop();
});

test('an implausible price is a warning to confirm, naming the item and the amount, before the download', async () => {
  const { page, seen, stop } = await start();
  await page.click('#start-sample');
  await page.locator('#editing').waitFor();
  // $1,000,000.00 for the walking boot: over the $2,000.00 a boot is expected to cost at most.
  await type(page, 'walking_boot.price_cents', '1,000,000.00');
  const warning = page.locator('.field-warning', { hasText: 'high for a walking boot' });
  await warning.waitFor();
  assert.match(await warning.textContent(), /Is \$1,000,000\.00, high for a walking boot \(over \$2,000\.00\): check for extra zeros/);
  // It sits with its field, and the summary links to it.
  assert.equal(await warning.evaluate((note) => note.closest('.field').querySelector('[name="walking_boot.price_cents"]') !== null), true);
  const links = await page.locator('#warning-summary li').allTextContents();
  assert.ok(links.some((text) => text.includes('high for a walking boot')), links.join('\n'));
  // A PT session at $11.00 is low for physical therapy: a digit left out (like $110.00), not a
  // hundred times it ($1,100.00, past what a session costs).
  await type(page, 'physical_therapy.session.cash_price_cents', '11');
  const low = page.locator('.field-warning', { hasText: 'low for physical therapy' });
  await low.waitFor();
  assert.match(await low.textContent(), /Is \$11\.00, low for physical therapy \(under \$20\.00\): check for a missing digit\b/);
  assert.deepEqual(seen.errors, []);
  await stop();
});

test('Remove says what it removed, where it was, with Undo there; Undo puts it back with what was typed since', async () => {
  const { page, seen, stop } = await start();
  await page.click('#start-sample');
  await page.locator('#editing').waitFor();
  await page.click('#s-conditions > summary');
  const headings = () => page.locator('#s-conditions .items > li:not(.removed) > details > summary').allTextContents();
  const before = await headings();
  assert.ok(before.length >= 3, before.join('\n'));
  const second = page.locator('[id="f-conditions.1"]');
  await second.locator('> summary').click();
  const removedName = (await second.locator('> summary').textContent()).replace(/^Condition: /, '');
  await second.locator('button[data-action="remove"]').click();
  // Said where the condition was, between the first and the one that slid up, the cursor on Undo.
  const note = page.locator('#s-conditions .items > li.removed');
  assert.equal(await note.locator('[role=status]').textContent(), `Removed “${removedName}”. Undo`);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Undo');
  const place = await page.evaluate(() => [...document.querySelectorAll('#s-conditions .items > li')].findIndex((li) => li.classList.contains('removed')));
  assert.equal(place, 1, 'the notice is where the condition was');
  assert.deepEqual(await headings(), [before[0], ...before.slice(2)]);
  const changes = await page.locator('#changes tbody tr').allTextContents();
  assert.ok(changes.some((row) => row.includes(removedName)), changes.join('\n'));
  // A keyboard press on Undo, after a price typed elsewhere: both kept.
  await type(page, 'walking_boot.price_cents', '170.00');
  await page.locator('#s-conditions .removed button').focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await headings(), before, 'back at its place');
  assert.equal(await page.locator('#s-conditions .items > li.removed').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), `Condition: ${removedName}`, 'the cursor on it');
  assert.equal(await page.inputValue('[name="walking_boot.price_cents"]'), '170.00');
  const now = await page.locator('#changes tbody tr').allTextContents();
  assert.ok(!now.some((row) => row.includes(removedName)), now.join('\n'));
  assert.deepEqual(seen.errors, []);
  await stop();
});

test('problems and warnings are listed in the order of the page, both languages of a name at once', async () => {
  const { page, seen, stop } = await start();
  await page.click('#start-sample');
  await page.locator('#editing').waitFor();
  // Typed in the reverse of the page's order: an injection fee, then the clinic's name.
  await type(page, 'administration_fees.0.price_cents', '12x');
  await type(page, 'clinic.name', '');
  await page.locator('#book-problems li').nth(1).waitFor();
  const problems = await page.locator('#book-problems li').allTextContents();
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /^Clinic › Clinic name/, problems.join('\n'));
  assert.match(problems[1], /Injection fees/, problems.join('\n'));
  await type(page, 'clinic.name', 'Lakeside Foot & Ankle');
  await type(page, 'administration_fees.0.price_cents', '150.00');
  // The multi-injection discount made 10 %: its name says 15 % in English and in Spanish, and
  // both are warned about at once, each under its own box.
  await type(page, 'discounts.multi_injection.percent_off_bp', '10');
  const said = page.locator('.field-warning', { hasText: 'says 15%, but the discount is 10%' });
  await said.nth(1).waitFor();
  assert.equal(await said.count(), 2);
  for (const language of ['en', 'es']) {
    assert.equal(await page.locator(`[name="discounts.multi_injection.label.${language}"]`).evaluate((box) => box.closest('.field').querySelector('.field-warning')?.textContent.startsWith('Says 15%') ?? false), true, language);
  }
  assert.deepEqual(seen.errors, []);
  await stop();
});

test('the clinic adds a day it is closed, checked as a date where it is typed', async () => {
  const { page, stop } = await start();
  await page.click('#start-sample');
  await page.locator('#editing').waitFor();
  await page.evaluate(() => { document.getElementById('s-clinic').open = true; }); // open (the sample's details open it already)
  assert.equal(await page.locator('#s-clinic .list-label').textContent(), 'Days the clinic is closed');
  // The sample has none: the list has no item, and so no control, until one is added
  // (tests/editor.rs checks the book it makes).
  await page.click('button[data-list="clinic.closed_dates"]');
  await type(page, 'clinic.closed_dates.0.date', '2026-11-31'); // November has 30 days
  assert.match(await messageOf(page, 'clinic.closed_dates.0.date'), /date like 2026-11-01/i);
  await type(page, 'clinic.closed_dates.0.date', '2026-11-27');
  assert.equal(await messageOf(page, 'clinic.closed_dates.0.date'), null);
  await page.locator('[name="clinic.closed_dates.0.date"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: new URL('./screenshots/editor-closed-day.png', import.meta.url).pathname });
  await stop();
});

test('the clinic sets the days between register backups: labelled, checked as 1 to 90 where it is typed, empty allowed', async () => {
  const { page, stop } = await start();
  await page.click('#start-sample');
  await page.locator('#editing').waitFor();
  const name = 'clinic.backup_reminder_days';
  await page.evaluate(() => { document.getElementById('s-clinic').open = true; });
  const control = page.locator(`[name="${name}"]`);
  // The sample has no setting: the box is empty and its hint says what empty means.
  assert.equal(await control.inputValue(), '');
  const { label, hint } = await control.evaluate((input) => ({
    label: document.querySelector(`label[for="${input.id}"]`)?.textContent,
    hint: document.getElementById(input.getAttribute('aria-describedby').split(' ')[0])?.textContent,
  }));
  assert.equal(label, 'Days between backups of the register');
  assert.match(hint, /Left empty: 7 days/);
  await type(page, name, '0');
  assert.match(await messageOf(page, name), /1.*90/);
  await type(page, name, '91');
  assert.match(await messageOf(page, name), /1.*90/);
  await type(page, name, '14');
  assert.equal(await messageOf(page, name), null);
  await type(page, name, '');
  assert.equal(await messageOf(page, name), null, 'empty is not a mistake: 7 days');
  await control.scrollIntoViewIfNeeded();
  await page.screenshot({ path: new URL('./screenshots/editor-backup-days.png', import.meta.url).pathname });
  await stop();
});

test('on a phone, "See the preview" goes down to it and "Back to the form" returns to the field the person was in', async () => {
  const { page, seen, stop } = await start(360);
  await page.click('#start-sample');
  await page.locator('#widget-preview .widget-host').waitFor();
  await type(page, 'walking_boot.price_cents', '170.00');
  await page.click('.to-preview a');
  const inView = (selector) => page.evaluate((selector) => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  }, selector);
  assert.equal(await inView('#preview-heading'), true, 'the preview on screen');
  assert.equal(await inView('[name="walking_boot.price_cents"]'), false, 'the field far above it');
  await page.click('#back-to-form');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'walking_boot.price_cents');
  assert.equal(await inView('[name="walking_boot.price_cents"]'), true, 'back at the field');
  // On a wide screen the preview is beside the form: neither link shows.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.equal(await page.locator('#back-to-form').isVisible(), false);
  assert.deepEqual(seen.errors, []);
  await stop();
});
