// A price change with no web person: the price book inside the widget's element on the clinic's
// page, under the strict Content Security Policy (no `.json` downloaded), and the code the editor
// copies for a page editor's HTML block, pasted into a page as it is; the file way's one file name
// across versions; and the staff page quoting from a book opened from a file, after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, offsite, watch } from './browser.mjs';

const fixtures = mkdtempSync(join(tmpdir(), 'inline-book-fixtures-'));
const sample = JSON.parse(readFileSync(new URL('../../src/price_book/default.json', import.meta.url), 'utf8'));
let server;
let browser;

before(async () => {
  server = await serve(fixtures);
  // Clipboard access, for "Copy the code for your website" read back as a person would paste it.
  browser = await launch({ permissions: ['clipboard-read', 'clipboard-write'] });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A clinic's page whose body is `body` (as pasted into a page editor's HTML block). */
function clinicPage(body) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Our prices</title></head>
<body><main><h1>What will it cost?</h1>
${body}
</main></body></html>`;
}

async function open(path) {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  // A staff quote is issued on the page's date: the day these tests quote on.
  await page.clock.setFixedTime(new Date(2026, 11, 7, 10, 0));
  const seen = await watch(page);
  const console = [];
  page.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  await page.goto(`${server.url}${path}`);
  return { page, seen, console };
}

/** One injection of the 1 mL vial for ankle osteoarthritis, with the consultation. */
async function chooseAnkleInjection(page) {
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  await page.selectOption('#condition', 'ankle_osteoarthritis');
  await page.selectOption('#injections', '1');
  await page.selectOption('#product', 'amnion_1ml');
  await page.check('#consultation');
}

test('the book inside the embed only, under the strict policy: the widget prices from it and downloads no .json', async () => {
  // The clinic's own prices, and texts that would end the script element or hide its end if they
  // were not escaped, written as the editor's code writes them (`<` as \u003c, and `>`, `&`).
  const book = structuredClone(sample);
  book.sample_data = false;
  book.version = '2026.12';
  book.products[0].price_cents = 131000;
  book.conditions[2].label.en = 'Ankle </script><!-- <script> arthritis & wear';
  const data = JSON.stringify(book).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  writeFileSync(join(fixtures, 'inside.html'), clinicPage(`<script type="module" src="/estimator/estimator.js"></script>
<amnion-estimator><script type="application/json">${data}</script></amnion-estimator>`));
  server.requests.length = 0;
  const { page, seen, console } = await open('fixtures/inside.html');
  await chooseAnkleInjection(page);
  // Ankle osteoarthritis is injected with 20606 (ultrasound guidance included, no 76942):
  // consultation $250.00 + vial $1,310.00 + 20606 $260.00 = $1,820.00; prompt pay 5 % off
  // = $91.00; total $1,820.00 - $91.00 = $1,729.00.
  await page.locator('#total', { hasText: '$1,729.00' }).waitFor();
  // The label as the clinic wrote it, as text: nothing of it became markup.
  assert.equal(await page.locator('#condition option[value="ankle_osteoarthritis"]').textContent(), 'Ankle </script><!-- <script> arthritis & wear');
  assert.equal(await page.locator('#sample-notice').isVisible(), false, 'the clinic\'s own prices, not the sample');
  assert.deepEqual(server.requests.filter((path) => path.endsWith('.json')), [], 'no price book (nor any .json) downloaded');
  assert.deepEqual(seen.violations, [], 'nothing the policy refuses');
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(console.filter((line) => line.startsWith('error: <amnion-estimator>')), []);
  assert.deepEqual(offsite(seen, new URL(server.url).origin), []);
  await page.close();
});

test('a broken book inside the embed gets the message a broken file gets: every problem by path, and whom to call', async () => {
  const invalid = structuredClone(sample);
  invalid.conditions[2].typical_injections = { min: 2, max: 1 };
  writeFileSync(join(fixtures, 'inside-invalid.html'), clinicPage(`<script type="module" src="/estimator/estimator.js"></script>
<amnion-estimator><script type="application/json">${JSON.stringify(invalid)}</script></amnion-estimator>`));
  const broken = await open('fixtures/inside-invalid.html');
  await broken.page.locator('#fallback').waitFor();
  assert.equal(
    (await broken.page.locator('#fallback').textContent()).trim(),
    'The online estimate is not available right now. Please call Sample Foot & Ankle Clinic at (512) 555-0100 for a price.',
  );
  const report = broken.console.filter((line) => line.startsWith('error: <amnion-estimator>')).join('\n');
  assert.ok(report.includes('the price book inside <amnion-estimator> is not a valid price book'), report);
  assert.ok(report.includes('conditions[2].typical_injections.max: must be at least the fewest (`min`), 2; it is 1'), report);
  await broken.page.close();

  // Not JSON at all (a comma too many, as a hand edit leaves it): said so, as for a file.
  writeFileSync(join(fixtures, 'inside-not-json.html'), clinicPage(`<script type="module" src="/estimator/estimator.js"></script>
<amnion-estimator><script type="application/json">{ "version": "2026.12",, }</script></amnion-estimator>`));
  const notJson = await open('fixtures/inside-not-json.html');
  await notJson.page.locator('#fallback').waitFor();
  const said = notJson.console.filter((line) => line.startsWith('error: <amnion-estimator>')).join('\n');
  assert.match(said, /the price book inside <amnion-estimator> is not JSON: /);
  assert.deepEqual(notJson.seen.errors, [], 'no uncaught error');
  await notJson.page.close();
});

test('a widget script loaded async, defining the element before the book inside it has arrived, still prices from that book', async () => {
  // Over a slow link the page's head (with the script) and the element's opening tag arrive first,
  // then 40 KB of the page's own text inside the element; the script (16 KB, on the same link)
  // is defined well before the book after it arrives. Read at once, the element would have no
  // book yet and would fall back to the sample.
  const book = { ...structuredClone(sample), sample_data: false, version: '2026.12' };
  book.products[0].price_cents = 131000;
  writeFileSync(join(fixtures, 'late-book.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Our prices</title>
<script type="module" async src="/estimator/estimator.js"></script></head>
<body><main><h1>What will it cost?</h1>
<amnion-estimator><!-- ${'a page builder\'s own markup '.repeat(1500)} -->
<script type="application/json">${JSON.stringify(book).replace(/</g, '\\u003c')}</script></amnion-estimator>
</main></body></html>`);
  const slow = await serve(fixtures, { throttle: { latency: 0, bytesPerSecond: 60_000 } });
  const page = await browser.newPage();
  await page.goto(`${slow.url}fixtures/late-book.html`, { waitUntil: 'commit' });
  await chooseAnkleInjection(page);
  // As in the first test: 250 + 1,310 + 260 = 1,820.00 - 5 % (91.00) = 1,729.00.
  await page.locator('#total', { hasText: '$1,729.00' }).waitFor();
  assert.deepEqual(slow.requests.filter((path) => path.endsWith('.json')), [], 'not the sample');
  await page.close();
  await slow.close();
});

/** Clicks Download in the editor and returns the file's name and its parsed text. */
async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return { name: file.suggestedFilename(), book: JSON.parse(readFileSync(await file.path(), 'utf8')) };
}

test('the code copied from the editor, pasted into a page as it is, prices from the book inside; the file keeps its name across versions', async () => {
  const { page, seen } = await open('dist-staff/editor.html?sample');
  await page.locator('#editing').waitFor();
  // A vial at $1,310.00, and a clinic name with an ampersand and a would-be closing tag.
  await page.evaluate(() => { for (const part of document.querySelectorAll('#fields details')) part.open = true; });
  await page.fill('[name="products.0.price_cents"]', '1,310.00');
  await page.fill('[name="clinic.name"]', 'Hill & Dale </script> Foot Care');
  await page.fill('#f-version', '2026.12');
  await page.fill('#f-effective_date', '2026-12-01');
  // What is still the sample's is confirmed as meant, as an office manager trying it out would.
  // Each confirmation redraws the warnings: confirm the first one left until none is.
  while (await page.locator('.field-warning input:not(:checked)').count() > 0) {
    await page.locator('.field-warning input:not(:checked)').first().evaluate((box) => box.click());
  }
  await page.locator('#download[aria-disabled=false]').waitFor();
  const first = await download(page);
  assert.equal(first.name, 'price-book.json');
  assert.equal(first.book.version, '2026.12');
  await page.locator('#publish').waitFor();
  assert.equal(await page.textContent('#published-version'), '2026.12');
  await page.click('#copy-code');
  await page.locator('#code-copied', { hasText: 'Copied.' }).waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(code, await page.inputValue('#embed-code'));
  // Two lines: the script from the widget's folder on the clinic's site, named from the site's
  // root, never by the editor's own address; and the element with the book.
  const lines = code.trimEnd().split('\n');
  assert.equal(lines.length, 2, code.slice(0, 300));
  assert.equal(lines[0], '<script type="module" src="/estimator/estimator.js"></script>');
  assert.ok(!code.includes(new URL(server.url).host), 'not the editor\'s address');
  assert.match(lines[1], /^<amnion-estimator><script type="application\/json">\{.*\}<\/script><p>.*<\/p><\/amnion-estimator>$/);
  assert.ok(lines[1].endsWith('<p>The cost estimate is loading. If it does not appear, call Hill &amp; Dale &lt;/script&gt; Foot Care at (512) 555-0100 for a price.</p></amnion-estimator>'), lines[1].slice(-200));
  assert.ok(lines[1].includes('Hill \\u0026 Dale \\u003c/script\\u003e Foot Care'), 'the name escaped inside the code');
  console.log(`the code for the sample book (a vial and a name changed): ${Buffer.byteLength(code)} bytes`);

  // The first-time message for the web person: both folders, where, once; both pages' lines.
  const message = await page.inputValue('#web-message');
  for (const part of [
    'price-book.json (version 2026.12)', 'Copy the folder dist/', 'to the website as /estimator/',
    'Copy the folder dist-staff/', 'to the website as /staff/',
    '<script type="module" src="/estimator/estimator.js"></script>',
    '<amnion-estimator price-book="/estimator/price-book.json"></amnion-estimator>',
    'In /staff/staff.html, inside <head>, put this line: <meta name="amnion-price-book" content="price-book.json">',
    // On the day the prices take effect (2026-12-01, typed above), not before.
    'Put price-book.json in /estimator/ and in /staff/, in place of the one there, on December 1, 2026, not before',
  ]) assert.ok(message.includes(part), `${part} in:\n${message}`);
  // Where the folders are, in plain words: no command to run, no developer's tool.
  assert.ok(message.includes("In the estimator's files the clinic received, open the folder www."), message);
  assert.doesNotMatch(message, /\bmake\b|cargo|npm|build|terminal|command/i);

  // Next month: another version, the same file name, so no line on the site changes.
  await page.fill('[name="walking_boot.price_cents"]', '170.00');
  await page.fill('#f-version', '2027.01');
  await page.locator('#download[aria-disabled=false]').waitFor();
  const second = await download(page);
  assert.equal(second.name, 'price-book.json');
  assert.equal(second.book.version, '2027.01');
  assert.deepEqual(seen.errors, []);
  await page.close();

  // The code as copied, pasted into a clinic's page.
  writeFileSync(join(fixtures, 'pasted.html'), clinicPage(code));
  server.requests.length = 0;
  const pasted = await open('fixtures/pasted.html');
  await chooseAnkleInjection(pasted.page);
  // From the book's prices: consultation $250.00 + vial $1,310.00 (typed in the editor) + 20606
  // $260.00 (ultrasound guidance included) = $1,820.00; prompt pay 5 % of $1,820.00 = $91.00 off;
  // total $1,729.00.
  await pasted.page.locator('#total', { hasText: '$1,729.00' }).waitFor();
  assert.deepEqual(server.requests.filter((path) => path.endsWith('.json')), [], 'no .json downloaded');
  assert.equal(await pasted.page.locator('amnion-estimator > p').isVisible(), false, 'the widget covers the paragraph');
  assert.deepEqual(pasted.seen.violations, []);
  assert.deepEqual(pasted.seen.errors, []);
  await pasted.page.close();

  // Pasted before the widget's files are on the site: the page says whom to call, not nothing.
  writeFileSync(join(fixtures, 'pasted-early.html'), clinicPage(code.replace('/estimator/estimator.js', '/not-there-yet/estimator.js')));
  const early = await open('fixtures/pasted-early.html');
  const waiting = early.page.locator('amnion-estimator > p');
  await waiting.waitFor();
  assert.equal(await waiting.textContent(), 'The cost estimate is loading. If it does not appear, call Hill & Dale </script> Foot Care at (512) 555-0100 for a price.');
  assert.ok(await waiting.isVisible());
  await early.page.screenshot({ path: new URL('./screenshots/embed-pasted-before-the-files.png', import.meta.url).pathname });
  await early.page.close();
});

/** The sample opened in the editor on `page`, its version changed, what is still the sample's confirmed, downloaded. */
async function downloadSample(page) {
  await page.locator('#editing').waitFor();
  await page.fill('#f-version', '2026.12');
  while (await page.locator('.field-warning input:not(:checked)').count() > 0) {
    await page.locator('.field-warning input:not(:checked)').first().evaluate((box) => box.click());
  }
  await page.locator('#download[aria-disabled=false]').waitFor();
  return download(page);
}

for (const width of [360, 1280, 1920]) {
  test(`the editor's last step at ${width} px: the code and the message within the form, nothing scrolls sideways`, async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${server.url}dist-staff/editor.html?sample`);
    await downloadSample(page);
    await page.locator('#embed-code').scrollIntoViewIfNeeded();
    const boxes = await page.evaluate(() => {
      const box = (id) => document.getElementById(id).getBoundingClientRect().toJSON();
      return { form: box('book-form'), code: box('embed-code'), copy: box('copy-code'), message: box('web-message'), scroll: document.documentElement.scrollWidth };
    });
    for (const part of ['code', 'copy', 'message']) {
      assert.ok(boxes[part].left >= boxes.form.left - 1 && boxes[part].right <= boxes.form.right + 1, `${part} within the form: ${JSON.stringify(boxes)}`);
    }
    assert.ok(boxes.code.width >= boxes.form.width * 0.8, `the code box takes the form's width: ${JSON.stringify(boxes)}`);
    assert.ok(boxes.scroll <= width, `page ${boxes.scroll} px wide in a ${width} px window`);
    await page.screenshot({ path: new URL(`./screenshots/editor-publish-${width}.png`, import.meta.url).pathname });
    await page.close();
  });
}

test('the staff page with no book on the site quotes from a book opened from a file, after a reload too', async () => {
  const { page, seen } = await open('dist-staff/staff.html');
  await page.locator('#book-version', { hasText: 'Prices from the sample price book (2026.11-sample)' }).waitFor();
  // A file that is not a price book is refused beside the button; the page keeps its book.
  await page.setInputFiles('#open-book', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ "conditions": 3 }') });
  await page.locator('#book-file-error', { hasText: 'notes.json is not a valid price book' }).waitFor();
  assert.match(await page.textContent('#book-version'), /sample price book/);

  const book = structuredClone(sample);
  book.version = '2026.12-hillside';
  book.products[0].price_cents = 131000;
  await Promise.all([
    page.waitForEvent('load'),
    page.setInputFiles('#open-book', { name: 'price-book.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(book)) }),
  ]);
  const said = 'Prices from price book 2026.12-hillside, opened from price-book.json on this computer and kept in this browser until another is opened.';
  await page.locator('#book-version', { hasText: said }).waitFor();
  await page.reload();
  await page.locator('#book-version', { hasText: said }).waitFor();
  await page.check('input[name="coverage"][value="self_pay"]');
  await page.fill('#patient-name', 'Ana Ruiz');
  await page.fill('#dob', '1970-03-04');
  await page.check('input[name="side"][value="left"]');
  await page.selectOption('#condition', 'ankle_osteoarthritis');
  await page.selectOption('#product', 'amnion_1ml');
  await page.selectOption('#injections', '1');
  await page.check('input[name="answers.physical_therapy.coverage"][value="none"]');
  await page.check('#prompt-pay-included');
  // No consultation: vial $1,310.00 (the file's, not the sample's $1,200.00) + 20606 $260.00 =
  // $1,570.00; prompt pay 5 % = $78.50 off; total $1,491.50.
  await page.locator('#status', { hasText: '$1,491.50' }).waitFor();
  // Another book opened now would start a new quote: the page asks first, and keeps the quote
  // when told to.
  book.version = '2027.01-hillside';
  const another = { name: 'price-book.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(book)) };
  await page.setInputFiles('#open-book', another);
  await page.locator('#book-dialog[open]').waitFor();
  await page.click('#book-dialog button[value="keep"]');
  assert.equal(await page.inputValue('#patient-name'), 'Ana Ruiz');
  assert.match(await page.textContent('#status'), /\$1,491\.50/);
  // Told to open it, the page starts again with it.
  await page.setInputFiles('#open-book', another);
  await page.locator('#book-dialog[open]').waitFor();
  await Promise.all([page.waitForEvent('load'), page.click('#book-dialog button[value="open"]')]);
  await page.locator('#book-version', { hasText: 'Prices from price book 2027.01-hillside' }).waitFor();
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('both ways on one page: the book inside the element wins, the file is not read, and the widget says so to the web person', async () => {
  // The file the attribute names has the vial at $1,200.00; the book inside has it at $1,310.00.
  const file = { ...sample, sample_data: false };
  writeFileSync(join(fixtures, 'both-file.json'), JSON.stringify(file));
  const inside = structuredClone(file);
  inside.products[0].price_cents = 131000;
  writeFileSync(join(fixtures, 'both.html'), clinicPage(`<script type="module" src="/estimator/estimator.js"></script>
<amnion-estimator price-book="/fixtures/both-file.json"><script type="application/json">${JSON.stringify(inside).replace(/</g, '\\u003c')}</script></amnion-estimator>`));
  server.requests.length = 0;
  const { page, seen, console } = await open('fixtures/both.html');
  await chooseAnkleInjection(page);
  // The inside book's prices, as in the first test: 250 + 1,310 + 260 = 1,820.00, less 5 %
  // prompt pay (91.00) = 1,729.00; the file's vial would give 250 + 1,200 + 260 = 1,710.00 - 85.50.
  await page.locator('#total', { hasText: '$1,729.00' }).waitFor();
  assert.deepEqual(server.requests.filter((path) => path.endsWith('.json')), [], 'the file is not read');
  assert.ok(console.some((line) => line.startsWith('warning: amnion-estimator: this element holds its price book inside it, so the file its price-book attribute names (/fixtures/both-file.json) is not read')), console.join('\n'));
  assert.deepEqual(seen.violations, []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test("where the widget's files are: the code names them, a bad address copies nothing and says why, the address is kept", async () => {
  const { page, seen } = await open('dist-staff/editor.html?sample');
  await downloadSample(page);
  await page.locator('#publish').waitFor();
  assert.equal(await page.inputValue('#widget-folder'), '/estimator/');
  assert.match(await page.inputValue('#embed-code'), /^<script type="module" src="\/estimator\/estimator\.js"><\/script>\n/);
  // A Squarespace or Wix site: the files on another server, its address written in full (no
  // slash at the end: one is put there).
  await page.fill('#widget-folder', 'https://files.mesaverdefoot.example/estimator');
  assert.match(await page.inputValue('#embed-code'), /^<script type="module" src="https:\/\/files\.mesaverdefoot\.example\/estimator\/estimator\.js"><\/script>\n/);
  assert.equal(await page.locator('#widget-folder-problem').isVisible(), false);
  // Not an address: said beside the box, no code in it, and Copy copies nothing.
  await page.fill('#widget-folder', 'my website');
  assert.ok(await page.locator('#widget-folder-problem').isVisible());
  assert.equal(await page.getAttribute('#widget-folder', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#embed-code'), '');
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  await page.click('#copy-code');
  assert.equal(await page.textContent('#code-copied'), "Not copied: fix where the widget's files are, just above.");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'before', 'nothing copied');
  // Kept for next month, in this browser.
  await page.fill('#widget-folder', 'https://files.mesaverdefoot.example/estimator/');
  await page.reload();
  await page.locator('#editing').waitFor();
  assert.equal(await page.inputValue('#widget-folder'), 'https://files.mesaverdefoot.example/estimator/');
  assert.deepEqual(seen.errors, []);
  await page.close();
});
