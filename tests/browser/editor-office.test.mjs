// The price-book editor, from the office manager's walk-through's items still open: a "Yes, this
// is right" kept in the downloaded book and not asked again next month (until the value changes);
// a spreadsheet's likely mistakes said in its preview, before "Apply these changes"; the effective
// date said to be the day to publish, since it does not hold prices back; the financing plans laid
// out across the form at 1280 px. Boxes measured at 360, 1280 and 1920 px.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations } from './browser.mjs';
import { start } from './editor-page.mjs';
import { closeEngines, launchEngine } from './engines.mjs';
import { serve } from './server.mjs';

const shots = (name) => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;

/** Types `text` into the control named `name`, opening the sections around it. */
async function type(page, name, text) {
  const control = page.locator(`[name="${name}"]`);
  await control.evaluate((element) => {
    for (let part = element.closest('details'); part; part = part.parentElement.closest('details')) part.open = true;
  });
  await control.fill(text);
}

/** Ticks "Yes, this is right" under every warning not yet confirmed (each tick redraws them). */
async function confirmAll(page) {
  while (await page.locator('.field-warning input:not(:checked)').count() > 0) {
    await page.locator('.field-warning input:not(:checked)').first().evaluate((box) => box.click());
  }
}

/** Clicks Download and returns the file's text, parsed. */
async function download(page) {
  await page.locator('#download[aria-disabled=false]').waitFor();
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return JSON.parse(readFileSync(await file.path(), 'utf8'));
}

/** The summary's warnings not confirmed, as listed at the top of the form. */
const unconfirmed = (page) => page.evaluate(() => [...document.querySelectorAll('#warning-summary li')]
  .map((li) => li.textContent).filter((text) => !text.endsWith('(confirmed)')));

test('"Yes, this is right" is kept in the downloaded book: next month nothing is asked again, until the value changes', async () => {
  const { page, seen, stop } = await start();
  // Her NPI is the sample's, 1234567893; the boot really is $1,000,000.00 (to be asked again below).
  await type(page, 'walking_boot.price_cents', '1000000');
  await type(page, 'version', '2026.12');
  await page.locator('#warning-summary li', { hasText: 'walking boot' }).waitFor();
  await confirmAll(page);
  const book = await download(page);
  const npi = book.confirmed.find((entry) => entry.field === 'clinic.npi');
  assert.deepEqual(npi, { field: 'clinic.npi', value: '"1234567893"', warning: "Still the sample clinic's: put the clinic's own here" });
  // $1,000,000.00 is 100,000,000 cents.
  assert.equal(book.confirmed.find((entry) => entry.field === 'walking_boot.price_cents').value, '100000000');

  // Next month: the downloaded book opened in a fresh page. Every warning is there, each confirmed.
  await page.goto(page.url().replace('?sample', ''));
  await page.setInputFiles('#open-file', { name: 'price-book.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(book, null, 2)) });
  await page.locator('#editing').waitFor();
  await page.locator('#warning-summary li').first().waitFor();
  assert.ok(await page.locator('#warning-summary li').count() >= 19);
  assert.deepEqual(await unconfirmed(page), []);
  // Beside her NPI: ticked, and saying it is confirmed before the sample's warning.
  const npiNote = page.locator('[name="clinic.npi"] >> xpath=ancestor::div[contains(@class,"field")] >> .field-warning');
  assert.equal(await npiNote.locator('input').isChecked(), true);
  assert.match(await npiNote.locator('p').textContent(), /^Confirmed as right: the downloaded price book keeps this, and it is not asked again while it stays as it is\.Still the sample clinic's/);
  await page.evaluate(() => {
    const npi = document.querySelector('[name="clinic.npi"]');
    for (let part = npi.closest('details'); part; part = part.parentElement.closest('details')) part.open = true;
    npi.scrollIntoView({ block: 'center' });
  });
  await page.screenshot({ path: shots('editor-npi-confirmed-1280') });
  assert.deepEqual(await axeViolations(page), [], 'the confirmed notes shown');
  assert.equal(await page.textContent('#download-reason'), '', 'nothing to confirm before the download');
  assert.deepEqual(await axeViolations(page), []);

  // The boot's price changed: asked again, and only it; the download waits for it.
  await type(page, 'walking_boot.price_cents', '900000');
  await page.locator('#warning-summary li', { hasText: '$900,000.00' }).waitFor();
  const open = await unconfirmed(page);
  assert.equal(open.length, 1, open.join('\n'));
  assert.match(open[0], /^Walking boot › Price: Is \$900,000\.00, high for a walking boot/);
  assert.equal(await page.getAttribute('#download', 'aria-disabled'), 'true');
  assert.deepEqual(seen.errors, []);
  await stop();
});

for (const width of [360, 1280, 1920]) {
  test(`at ${width} px the spreadsheet's likely mistakes are said in its preview, before Apply, under the new price`, async () => {
    const { page, seen, stop } = await start(width);
    const csv = 'item,code,cash price\nwalking_boot,L4361,1000000\nphysical_therapy.session,97110,11\nfollow_up,99213,125.00\n';
    await page.setInputFiles('#import-csv', { name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('#csv-preview').waitFor();
    // Each change, with the note in the row under it if it has one.
    const rows = await page.locator('#csv-changes tbody tr:not(.csv-note)').evaluateAll((rows) => rows.map((row) => ({
      text: row.cells[0].textContent,
      warning: row.nextElementSibling?.classList.contains('csv-note') ? row.nextElementSibling.textContent : null,
    })));
    // 1000000 dollars is over a boot's $2,000.00; 11 under therapy's $20.00; $125.00 for a
    // follow-up visit inside an extra's range.
    assert.deepEqual(rows.map((row) => row.warning), [
      'Is $1,000,000.00, high for a walking boot (over $2,000.00): check for extra zeros',
      'Is $11.00, low for physical therapy (under $20.00): check for a missing digit',
      null,
    ], JSON.stringify(rows));
    assert.match(await page.textContent('#csv-unusual'), /^2 new prices look like mistakes/);
    // Each note inside its row's "Now" cell, the table inside the form, nothing sideways.
    const boxes = await page.evaluate(() => {
      const box = (element) => element.getBoundingClientRect().toJSON();
      const notes = [...document.querySelectorAll('#csv-changes .csv-warning')];
      return {
        notes: notes.map((note) => ({ note: box(note), cell: box(note.closest('td')), scroll: note.scrollWidth, client: note.clientWidth })),
        table: box(document.getElementById('csv-changes')), form: box(document.getElementById('book-form')),
        apply: box(document.getElementById('csv-apply')), unusual: box(document.getElementById('csv-unusual')),
        page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      };
    });
    for (const { note, cell, scroll, client } of boxes.notes) {
      assert.ok(note.left >= cell.left - 1 && note.right <= cell.right + 1, `the note inside its cell: ${JSON.stringify({ note, cell })}`);
      assert.ok(scroll <= client, `the note's words wrap: ${scroll} > ${client}`);
    }
    assert.ok(boxes.table.right <= boxes.form.right + 1, `the table inside the form: ${JSON.stringify(boxes)}`);
    assert.ok(boxes.unusual.bottom <= boxes.table.top + 1 && boxes.table.bottom <= boxes.apply.top, 'said above the changes, which are above Apply');
    assert.ok(boxes.page[0] <= boxes.page[1], `the page scrolls sideways: ${boxes.page}`);
    await page.locator('#csv-preview').screenshot({ path: shots(`editor-csv-warnings-${width}`) });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(seen.errors, []);
    await stop();
  });
}

test('a spreadsheet with usual prices says no mistake in its preview', async () => {
  const { page, stop } = await start();
  await page.setInputFiles('#import-csv', { name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from('item,code,cash price\nwalking_boot,L4361,175.00\n') });
  await page.locator('#csv-preview').waitFor();
  assert.equal(await page.locator('#csv-changes .csv-warning').count(), 0);
  assert.equal(await page.isVisible('#csv-unusual'), false);
  await stop();
});

test('"Prices take effect on" says to publish on that day, and the publishing step says the day in words', async () => {
  const { page, seen, stop } = await start();
  const hint = await page.evaluate(() => {
    const input = document.getElementById('f-effective_date');
    return document.getElementById(input.getAttribute('aria-describedby').split(' ')[0]).textContent;
  });
  assert.match(hint, /as soon as it is put on the site, so put it there on this day, not before/);
  await type(page, 'version', '2026.12');
  await page.fill('#f-effective_date', '2026-12-15');
  await page.dispatchEvent('#f-effective_date', 'input');
  await confirmAll(page);
  const book = await download(page);
  assert.equal(book.effective_date, '2026-12-15');
  await page.locator('#publish').waitFor();
  assert.equal(await page.textContent('#published-from'), 'December 15, 2026');
  assert.match(await page.textContent('.publish-when'), /^Put them on the site on December 15, 2026, the day they take effect, not before:/);
  assert.match(await page.inputValue('#web-message'), /in place of the one there, on December 15, 2026, not before/);
  assert.deepEqual(seen.errors, []);
  await stop();
});

for (const width of [360, 1280, 1920]) {
  test(`at ${width} px the financing plans take the form's width, each plan's name whole`, async () => {
    const { page, seen, stop } = await start(width);
    await page.evaluate(() => {
      document.getElementById('s-financing').open = true;
      document.querySelector('[id="f-financing.plans.0"]').open = true;
    });
    const boxes = await page.evaluate(() => {
      const box = (element) => element.getBoundingClientRect().toJSON();
      const section = document.querySelector('#s-financing .group-body');
      const plans = document.querySelector('[id="f-financing.plans.0"]').closest('.list-field, .field');
      const note = document.querySelector('[name="financing.disclaimer.en"]').closest('fieldset, .words');
      return {
        section: box(section), plans: box(plans), note: box(note),
        names: [...document.querySelectorAll('#s-financing details.item > summary')].map((summary) => ({
          text: summary.textContent, scroll: summary.scrollWidth, client: summary.clientWidth, box: box(summary),
        })),
        page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      };
    });
    // The plans' list as wide as the financing part of the form (the note above them is), not
    // one 14 rem column of it.
    assert.ok(boxes.plans.width >= boxes.section.width - 2, `the plans ${boxes.plans.width} px wide in a ${boxes.section.width} px part: ${JSON.stringify(boxes.plans)}`);
    assert.ok(Math.abs(boxes.plans.left - boxes.note.left) <= 1 && Math.abs(boxes.plans.right - boxes.note.right) <= 1, 'the plans line up with the note above them');
    assert.equal(boxes.names.length, 8);
    for (const name of boxes.names) {
      assert.ok(name.scroll <= name.client, `"${name.text}" cut off: ${name.scroll} > ${name.client}`);
      assert.ok(name.box.right <= boxes.section.right + 1, `"${name.text}" inside the form`);
    }
    assert.ok(boxes.page[0] <= boxes.page[1], `the page scrolls sideways: ${boxes.page}`);
    // The section's first screenful: the note and the first plans (every sample plan is open, at
    // its warning).
    const clip = await page.evaluate(() => {
      const section = document.getElementById('s-financing');
      section.scrollIntoView({ block: 'start' });
      const { x, y, width } = section.getBoundingClientRect();
      return { x, y: Math.max(0, y), width, height: innerHeight - Math.max(0, y) };
    });
    await page.screenshot({ path: shots(`editor-financing-${width}`), clip });
    assert.deepEqual(seen.errors, []);
    await stop();
  });
}

/**
 * Every select of the form shown, as a person reads it: its chosen text, how wide that text is on
 * one line in the select's font, the room the select has for it (its inner width less its padding
 * and 32 px for the arrow), whether the engine wraps it, and the line under it, if any, with its
 * text and box. Runs in the page.
 */
function selectsAsSeen() {
  for (const part of document.querySelectorAll('#fields details')) part.open = true;
  const box = (element) => element.getBoundingClientRect().toJSON();
  // A box of its own in each entry: Firefox's driver sends an object met twice as a reference.
  const form = () => box(document.getElementById('book-form'));
  return [...document.querySelectorAll('#book-form select')].filter((select) => select.offsetParent).map((select) => {
    const style = getComputedStyle(select);
    const probe = document.createElement('span');
    Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'nowrap', font: style.font });
    probe.textContent = select.selectedOptions[0]?.text ?? '';
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    const next = select.nextElementSibling;
    const line = next?.classList.contains('chosen-text') && next.getClientRects().length > 0 ? next : null;
    return {
      name: select.name, text: probe.textContent, width, wraps: style.whiteSpace === 'normal',
      room: select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 32,
      line: line && { text: line.textContent, box: box(line), scroll: line.scrollWidth, client: line.clientWidth, below: box(line).top >= box(select).bottom - 1 },
      form: form(),
    };
  });
}

// Firefox's one process, shared by the tests below, stopped after the file's tests.
after(closeEngines);

for (const width of [360, 1280]) {
  test(`in Firefox ESR at ${width} px every select's chosen text can be read whole`, async () => {
    const server = await serve();
    const browser = await launchEngine('firefox');
    try {
      const page = await browser.newPage({ width, height: 900 });
      await page.goto(`${server.url}editor.html?sample`);
      await page.waitForVisible('#editing');
      const selects = await page.evaluate(selectsAsSeen);
      // The long ones are cut in the select itself here (Firefox does not wrap a select's text):
      // a pick's "20550: Injection, tendon sheath, ligament or plantar fascia" is wider than the
      // select at both widths.
      const cut = selects.filter((select) => !select.wraps && select.width > select.room);
      assert.ok(cut.some((select) => select.name === 'conditions.0.procedure_code'), JSON.stringify(selects.map(({ name, width, room }) => ({ name, width, room }))));
      if (width === 360) assert.ok(cut.some((select) => select.name === 'discounts.multi_injection.kind'));
      for (const select of cut) {
        assert.ok(select.line, `${select.name}: "${select.text}" is cut off, ${Math.round(select.width)} px in ${Math.round(select.room)} px, with no line under it`);
        assert.equal(select.line.text, select.text);
        assert.ok(select.line.below, `${select.name}: the line is under the select`);
        assert.ok(select.line.scroll <= select.line.client && select.line.box.right <= select.form.right + 1, `${select.name}: the line wraps inside the form`);
      }
      // What fits has no line.
      for (const select of selects.filter((select) => select.width <= select.room)) assert.equal(select.line, null, select.name);
      // Another choice: the line follows it.
      await page.select('[name="discounts.multi_injection.kind"]', 'package_prices');
      await page.select('[name="discounts.multi_injection.kind"]', 'later_injections_percent_off');
      const after = (await page.evaluate(selectsAsSeen)).find((select) => select.name === 'discounts.multi_injection.kind');
      assert.equal(after.line?.text ?? after.text, 'A percent off each later injection');
      const shot = shots(`editor-firefox-selects-${width}`);
      await page.evaluate(() => document.querySelector('[name="discounts.multi_injection.kind"]').scrollIntoView({ block: 'center' }));
      await page.screenshot(shot);
    } finally {
      await browser.close();
      await server.close();
    }
  });
}
