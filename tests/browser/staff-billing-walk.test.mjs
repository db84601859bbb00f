// The staff page's fixes from the billing specialist's walk-through (issue 20, still open after
// session 3; /work/notes/walk-billing.md): what a person sees, in headless Chromium. Expected
// figures by hand from the sample price book (prices in tests/cases/mod.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { answerYes, fillTwoProviderQuote, session, watch } from './browser.mjs';

const shared = session();
const { shots } = shared;

/** The day the staff pages here are opened on: a quote is issued on the page's date. */
const TODAY = new Date(2026, 10, 21, 10, 0); // 2026-11-21, 10:00 on this machine's clock

async function openStaffPage(path = 'staff.html', width = 1280) {
  const page = await shared.browser.newPage();
  await page.clock.setFixedTime(TODAY);
  await page.setViewportSize({ width, height: 900 });
  const seen = await watch(page);
  await page.goto(`${shared.server.url}${path}`);
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  return { page, seen };
}

test('"Other provider" chosen with its fields blank asks for each blank field beside it, not for the choice', async () => {
  for (const width of [360, 1280]) {
    const { page } = await openStaffPage('staff.html', width);
    await fillTwoProviderQuote(page);
    for (const id of ['name', 'npi', 'tin', 'street', 'city', 'state', 'zip', 'evaluation-price', 'session-price']) {
      await page.fill(`#pt-${id}`, '');
    }
    // "Other provider (type it in)" is still the choice shown.
    assert.equal(await page.locator('#pt-partner option:checked').textContent(), 'Other provider (type it in)');
    assert.equal(await page.locator('#pt-partner-error').count(), 0, 'nothing at the choice: it is made');
    const expected = {
      name: 'enter the therapy provider\'s name, as it should print on the estimate',
      npi: 'enter the provider\'s NPI: 10 digits',
      tin: 'enter the provider\'s TIN: 9 digits, as 123456789 or 12-3456789',
      street: 'enter the provider\'s street and number',
      city: 'enter the provider\'s city',
      state: 'enter the provider\'s two-letter state code, like TX',
      zip: 'enter the provider\'s ZIP code, like 78701',
      'evaluation-price': 'enter this provider\'s own price: what it charges a patient who pays it directly',
      'session-price': 'enter this provider\'s own price: what it charges a patient who pays it directly',
    };
    for (const [id, message] of Object.entries(expected)) {
      const error = page.locator(`#pt-${id}-error`);
      assert.equal(await error.textContent(), message, id);
      // Beside its field: just under the input, at the same left edge, within the page's width.
      const input = await page.locator(`#pt-${id}`).boundingBox();
      const box = await error.boundingBox();
      assert.ok(box.y >= input.y + input.height - 1 && box.y - (input.y + input.height) < 40, `${id}: under its field at ${width} px`);
      assert.ok(Math.abs(box.x - input.x) < 2, `${id}: at its field's left edge at ${width} px`);
      assert.ok(box.x + box.width <= width, `${id}: inside ${width} px`);
    }
    assert.equal(await page.getAttribute('#print', 'aria-disabled'), 'true');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'no sideways scrolling');
    await page.locator('#therapist-fields').screenshot({ path: `${shots}walk-other-provider-blank-${width}.png` });
    await page.close();
  }
});

test('the comparison printed with a self-pay Good Faith Estimate has no insurance column and prices the partner\'s therapy at its prices', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  // Lakeshore, a partner of the sample book: 150.00 + 8 × 90.00 = 870.00 (the clinic's own would
  // be 160.00 + 8 × 95.00 = 920.00). Clinic 2,829.81 (staff.test.mjs): total 3,699.81.
  await page.selectOption('#pt-partner', 'lakeshore_pt');
  assert.match(await page.locator('#status').textContent(), /: \$3,699\.81$/);
  await page.check('#include-comparison');
  await page.selectOption('#comparison-plan', '');
  const headers = await page.locator('#comparison thead th').allTextContents();
  assert.deepEqual(headers.slice(1), ['No physical therapy', 'PT in cash']);
  // "1 injection, PT in cash": 250 + 1,475 = 1,725.00 less 5 % (86.25) = 1,638.75 at the clinic,
  // plus Lakeshore's 870.00 = 2,508.75 (at the clinic's price, discounted with the rest, it was
  // (1,725.00 + 920.00) less 5 % = 2,512.75). "2 injections, PT in cash" is this quote, 3,699.81.
  const row = (n) => page.locator('#comparison tbody tr').nth(n).locator('td');
  assert.match(await row(0).nth(1).textContent(), /\$2,508\.75/);
  assert.match(await row(1).nth(1).textContent(), /\$3,699\.81/);
  assert.equal(await page.locator('#comparison td.current').count(), 1);
  const pdf = `${shots}walk-gfe-comparison.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, `${shots}walk-gfe-comparison-page`]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  assert.ok(text.includes('$2,508.75'), 'the comparison prints at Lakeshore\'s price');
  for (const absent of ['PT through insurance', 'plan figures you entered', 'visitor']) {
    assert.ok(!text.includes(absent), `the printout does not say "${absent}"`);
  }
  await page.close();
});

test('a Good Faith Estimate with the foot X-ray does not also list imaging to schedule separately', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  const separately = () => page.locator('.gfe-separate li').allTextContents();
  const imaging = 'Imaging such as X-ray or MRI, if your provider orders it.';
  assert.ok((await separately()).includes(imaging), 'listed while no X-ray is on the estimate');
  // One X-ray, 95.00 less 5 % (4.75) = 90.25: the clinic 2,829.81 + 90.25 = 2,920.06, total 3,840.06.
  await page.fill('#extra-foot_xray', '1');
  assert.match(await page.locator('#status').textContent(), /: \$3,840\.06$/);
  assert.ok(!(await separately()).includes(imaging), 'not listed once the X-ray is itemized');
  assert.ok((await separately()).includes('Follow-up visits after the injection series, if your provider recommends them.'));
  const pdf = `${shots}walk-gfe-x-ray.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, `${shots}walk-gfe-x-ray-page`]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  assert.ok(text.includes('X-ray of the foot, 3 views'), 'the X-ray is itemized');
  assert.ok(!text.includes('Imaging such as X-ray'), 'and not also separate');
  await page.close();
});

test('the exported CSV adds up to the total whichever way its amounts are summed', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  const [header, ...rows] = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  const names = header.split(',');
  assert.deepEqual(names.slice(0, 8), ['quote_number', 'provider', 'provider_npi', 'service_code', 'diagnosis_code', 'description', 'quantity', 'expected_charge'], 'the first eight columns as every release wrote them');
  assert.deepEqual(names.slice(13), ['line', 'discount_in_expected_charge', 'charge_before_discounts']);
  // Cells counted from the end: no cell after the description holds a comma.
  const cents = (row, name) => {
    const cell = row.split(',').at(names.indexOf(name) - names.length);
    return cell === '' ? 0 : Math.round(Number(cell) * 100);
  };
  const sum = (name) => rows.reduce((total, row) => total + cents(row, name), 0);
  // Before discounts: the clinic 250 + 2 × 1,200 + 2 × 150 + 2 × 125 = 3,200.00, Riverside
  // 160 + 8 × 95 = 920.00: 4,120.00. The discounts the charges include: 15 % of one injection
  // (221.25) and prompt pay 148.94: 370.19. 4,120.00 − 370.19 = 3,749.81, the total.
  assert.equal(sum('charge_before_discounts'), 412_000);
  assert.equal(sum('discount_in_expected_charge'), -37_019);
  assert.equal(sum('expected_charge'), 374_981);
  assert.equal(sum('charge_before_discounts') + sum('discount_in_expected_charge'), 374_981);
  assert.deepEqual(rows.map((row) => row.split(',').at(-3)), ['item', 'item', 'item', 'item', 'discount', 'discount', 'item', 'item']);
  await page.close();
});

/** Where the last word above the page's foot ends on page `n` of `pdf`, in points from the top, and the page's height. */
function lowestText(pdf, n) {
  const boxes = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-bbox', pdf, '-']).toString();
  const height = Number(boxes.match(/<page width="[0-9.]+" height="([0-9.]+)"/)[1]);
  const words = [...boxes.matchAll(/yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</g)]
    .map(([, top, bottom, word]) => ({ top: Number(top), bottom: Number(bottom), word }));
  // The foot ("Page 1 of 3") sits in the bottom margin.
  const body = words.filter(({ top }) => top < height - 40);
  return { bottom: Math.max(...body.map(({ bottom }) => bottom)), height };
}

test('a revised Good Faith Estimate uses its first printed page: the convening provider\'s items start on it', async () => {
  const { page } = await openStaffPage();
  await fillTwoProviderQuote(page);
  // The walk-through's long first page: 3 dated injections, the boot and an X-ray.
  await page.selectOption('#injections', '3');
  await page.fill('#scheduled-on', '2026-11-30');
  await page.fill('#later-date-0', '2026-12-14');
  await page.fill('#later-date-1', '2026-12-28');
  await page.check('#walking_boot');
  await page.fill('#extra-foot_xray', '1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  await page.setInputFiles('#open', await download.path());
  await page.waitForFunction(() => !document.getElementById('reopened').hidden);
  await page.selectOption('#pt-partner', 'lakeshore_pt'); // another provider: a revision
  assert.match(await page.locator('.gfe-revised').textContent(), /^Revised Good Faith Estimate\. Replaces GFE-/);
  const pdf = `${shots}walk-revised.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, `${shots}walk-revised-page`]);
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-']).toString();
  assert.match(first, /Convening provider: Sample Foot & Ankle Clinic/, 'the convening provider starts on page 1');
  assert.match(first, /New-patient consultation/, 'with its first items');
  // Measured: page 1's text runs to within a fifth of the page's foot (it stopped at 49 % of the
  // page when the whole table moved to page 2).
  const { bottom, height } = lowestText(pdf, 1);
  assert.ok(bottom > height * 0.8, `page 1's text ends at ${Math.round(bottom)} of ${Math.round(height)} pt`);
  // Where the clinic's table goes on over the break, page 2 repeats its header; its total prints
  // once, after its last row, not at the foot of page 1 too.
  const second = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-']).toString();
  assert.match(second, /^\s*Item or service\s+Service code/m);
  const whole = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  assert.equal(whole.match(/Total for Sample Foot & Ankle Clinic/g).length, 1);
  await page.close();
});

test('Save says beside its button, as a status, which document it saved in which file; refused, it says nothing of the kind', async () => {
  for (const width of [360, 1280]) {
    const { page } = await openStaffPage('staff.html', width);
    await fillTwoProviderQuote(page);
    const note = page.locator('#saved-note');
    assert.equal(await note.getAttribute('role'), 'status', 'read out by screen readers');
    assert.equal(await note.textContent(), '');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
    const number = (await page.locator('#status').textContent()).match(/GFE-[0-9A-Z-]+/)[0];
    assert.equal(download.suggestedFilename(), `${number}.json`);
    assert.equal(await note.textContent(), `Saved ${number} as the file ${number}.json.`);
    // Beside the button: just under the toolbar that holds it, inside the page's width.
    const button = await page.locator('#save').boundingBox();
    const toolbar = await page.locator('#save').locator('xpath=..').boundingBox();
    const box = await note.boundingBox();
    assert.ok(box.y >= toolbar.y + toolbar.height - 1 && box.y - (toolbar.y + toolbar.height) < 20, `under the buttons at ${width} px`);
    assert.ok(box.x <= button.x + 1 && box.x + box.width <= width, `in view at ${width} px`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'no sideways scrolling');
    await page.locator('.pane-head').screenshot({ path: `${shots}walk-saved-note-${width}.png` });
    // A change is not saved: the note goes.
    await page.fill('#patient-name', 'Ana Ruiz-Soto');
    assert.equal(await note.textContent(), '');
    // Refused (no name): Save downloads nothing and says nothing was saved.
    await page.fill('#patient-name', '');
    let downloaded = false;
    page.on('download', () => { downloaded = true; });
    await page.click('#save', { force: true }); // marked off (aria-disabled), still clickable
    await page.waitForTimeout(300);
    assert.equal(downloaded, false);
    assert.equal(await note.textContent(), '');
    await page.close();
  }
});

test('on the Spanish page Save says it in Spanish', async () => {
  const { page } = await openStaffPage('staff.html?lang=es');
  await fillTwoProviderQuote(page);
  await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  assert.match(await page.locator('#saved-note').textContent(), /^Se guardó GFE-[0-9A-Z-]+ en el archivo GFE-[0-9A-Z-]+\.json\.$/);
  await page.close();
});

test('on the Spanish staff page, why a file cannot be reopened is said in Spanish', async () => {
  const { page, seen } = await openStaffPage('staff.html?lang=es');
  // Each file after the first is opened over a name typed and not saved: asked first, "yes".
  answerYes(page, seen);
  await fillTwoProviderQuote(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const text = readFileSync(await download.path(), 'utf8');
  const edited = JSON.parse(text);
  edited.price_book.products[0].price_cents += 100; // one amount changed by hand
  const newer = { ...JSON.parse(text), format: 'amnion-estimator/quote/3' };
  const backup = { format: 'amnion-estimator/register/1', entries: [] };
  const damaged = JSON.parse(text);
  damaged.request.therapy_elsewhere = 'sí';
  const files = [
    ['edited.json', edited, /el contenido del archivo da GFE-[0-9A-Z-]+, no GFE-[0-9A-Z-]+: se modificó después de guardarlo/],
    ['newer.json', newer, /este archivo lo guardó una versión más reciente del estimador \(amnion-estimator\/quote\/3\)/],
    ['backup.json', backup, /esto es una copia de seguridad del registro, no una cotización guardada: impórtela con «Importar una copia de seguridad» en el registro/],
    ['damaged.json', damaged, /este valor no se puede leer: el archivo se modificó después de guardarlo, o está dañado/],
  ];
  for (const [name, file, reason] of files) {
    await page.setInputFiles('#open', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForFunction(() => !document.getElementById('error').hidden);
    const message = await page.locator('#error').textContent();
    assert.match(message, reason, `${name}: ${message}`);
    // The reason is Spanish: none of the English words it had.
    assert.doesNotMatch(message, /\b(the|this|was|file|changed|after|saving|saved|newer|release|backup|cannot|read)\b/i, `${name}: ${message}`);
    await page.fill('#patient-name', `Ana Ruiz ${name}`); // the page goes on working
    await page.waitForFunction(() => document.getElementById('error').hidden);
  }
  assert.equal(seen.dialogs.length, files.length - 1, 'asked before each file opened over a change');
  await page.close();
});
