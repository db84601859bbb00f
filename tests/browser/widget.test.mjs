// The visitor widget in headless Chromium: change answers, read the total a person sees, see an
// error name its field without losing the answers, at desktop and at phone width. Screenshots go
// to tests/browser/screenshots/.
//
// Expected totals, by hand from the sample price book (see tests/cases/mod.rs for the prices):
// - the page's first answers (plantar fasciitis, not sure = 1 to 2 injections, consultation):
//   low 250 + 1,200 + 150 + 125 = 1,725.00 - 5 % (86.25) = 1,638.75;
//   high 250 + 2 × 1,475 - 221.25 = 2,978.75 - 5 % (148.9375 -> 148.94) = 2,829.81.
// - 1 injection with a boot: 1,725 + 165 = 1,890.00 - 5 % (94.50) = 1,795.50.
// - plus 8 cash PT sessions: 1,890 + 160 + 8 × 95 = 2,810.00 - 5 % (140.50) = 2,669.50.
// - PT through insurance at 20 % with no deductible left instead: self-pay 1,795.50; evaluation
//   20 % of 110 = 22 and 8 × 17 = 136, so 158.00; total 1,953.50; the plan pays 88 + 8 × 68 = 632.00.
// - Blank plan figures are a range: the worst case has the patient pay every allowed amount,
//   110 + 8 × 85 = 790, so 1,795.50 + 790 = 2,585.50; the best case with every box blank pays 0
//   (1,795.50), with 20 % entered 1,953.50 (above).
// - A $30 copay with $1,200 of deductible left: from the first visit 9 × 30 = 270, 2,065.50; the
//   deductible first: the course's 790 is all deductible, 2,585.50; not sure: both. With the 20 %
//   coinsurance still entered, "from the first visit" is a range: the copay alone (2,065.50) to
//   the copay and 20 % of the rest, 30 + 20 % of 80 = 46 for the evaluation and 30 + 20 % of 55 =
//   41 a session, 46 + 8 × 41 = 374, 2,169.50. Cleared, one amount again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offsite, session, watch } from './browser.mjs';

const shared = session();
const { shots } = shared;

/** Opens the widget at `width` px, recording every request and script error. */
async function open(width) {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  const seen = await watch(page);
  await page.goto(shared.server.url);
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  return { page, seen };
}

const total = (page) => page.locator('#total').textContent();

for (const [name, width] of [['desktop', 1200], ['phone', 360]]) {
  test(`${name}: the total follows every answer, and a bad answer is named without losing the form`, async () => {
    const { page, seen } = await open(width);
    assert.equal(await total(page), '$1,638.75 – $2,829.81');
    assert.equal(await page.locator('#total').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('table.breakdown').count(), 2, 'a range shows the lines of both ends');
    // The right to a Good Faith Estimate, under the breakdown, inside the result column.
    const notice = page.locator('#gfe-notice');
    assert.equal(await notice.locator('h3').textContent(), 'Your right to a Good Faith Estimate');
    assert.match(await notice.textContent(), /at least \$400 more than your Good Faith Estimate, you can dispute the bill/);
    assert.equal(
      await notice.locator('.how-to-ask').textContent(),
      'To ask for a Good Faith Estimate, call Sample Foot & Ankle Clinic at (512) 555-0100 or email estimates@clinic.example.',
    );
    // A phone can call the clinic or write to it from the notice.
    assert.equal(await notice.locator('a[href="tel:5125550100"]').textContent(), '(512) 555-0100');
    // On one line at every phone width (320 to 480 px, every 4): a number broken across lines
    // reads as two. (Where the line ends depends on the width, so each is tried.)
    if (width < 600) {
      const broken = [];
      for (let phone = 320; phone <= 480; phone += 4) {
        await page.setViewportSize({ width: phone, height: 900 });
        if (await notice.locator('a[href="tel:5125550100"]').evaluate((link) => link.getClientRects().length) !== 1) broken.push(phone);
      }
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(broken, [], 'widths at which the phone number breaks');
    }
    assert.equal(await notice.locator('a[href="mailto:estimates@clinic.example"]').textContent(), 'estimates@clinic.example');
    const [noticeBox, breakdownBox, resultBox] = await Promise.all(
      [notice, page.locator('#breakdown'), page.locator('.result')].map((region) => region.boundingBox()),
    );
    assert.ok(noticeBox.y >= breakdownBox.y + breakdownBox.height - 1, 'the notice is under the breakdown');
    assert.ok(noticeBox.x >= resultBox.x && noticeBox.x + noticeBox.width <= resultBox.x + resultBox.width + 1, 'inside the result column');
    assert.ok(noticeBox.x + noticeBox.width <= width, `the notice fits the screen (${noticeBox.x + noticeBox.width}px)`);

    await page.selectOption('#injections', '1');
    await page.check('#walking_boot');
    assert.equal(await total(page), '$1,795.50');

    await page.check('input[name="physical_therapy.coverage"][value="cash"]');
    await page.selectOption('#sessions', '8');
    assert.equal(await total(page), '$2,669.50');
    // "Not included: … care from other providers" beside therapy lines: whose prices they are.
    assert.match(await page.locator('#breakdown .notes').textContent(), /other providers\.Physical therapy is shown at Sample Foot & Ankle Clinic's own prices\. If you have it at another practice, that practice's prices apply instead\./);
    if (width < 768) assert.equal(await page.locator('#peek-total').textContent(), '$2,669.50', 'the phone bar follows');
    await page.screenshot({ path: `${shots}${name}-cash-pt.png`, fullPage: true });

    await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
    // Every plan box blank is not "the plan pays everything": the best case to the worst, named.
    assert.equal(await total(page), '$1,795.50 – $2,585.50');
    assert.match(await page.locator('#breakdown .notes').textContent(), /Your plan's deductible, coinsurance and copay were not entered, so physical therapy is shown from the plan's best case to its worst; enter them for one figure\./);
    // The low end's therapy lines name the case, never a rate not entered ("0% coinsurance").
    const lowEnd = page.locator('table.breakdown').first();
    assert.match(await lowEnd.locator('tr.line', { hasText: 'Physical therapy session' }).textContent(), /visits 2–9 · the plan's best case \(coinsurance and copay not entered\)\$0\.00$/);
    assert.doesNotMatch(await page.locator('#breakdown').textContent(), /\d% coinsurance/);
    // Each end's lines, and after the best case's, what the plan pays there (it pays all of it).
    assert.equal(await page.locator('table.breakdown').count(), 3);
    assert.equal(await page.locator('table.breakdown caption').nth(1).textContent(), 'Your plan pays: $790.00');
    assert.equal(await page.isVisible('fieldset.copay-timing'), false, 'no copay entered: the copay question waits');
    assert.equal(await page.isChecked('input[name="physical_therapy.insurance.copay_before_deductible"][value="not_sure"]'), true);
    await page.screenshot({ path: `${shots}${name}-insurance-blank.png`, fullPage: true });
    await page.fill('#coinsurance', '120');
    await page.locator('#coinsurance').blur(); // judged as the visitor leaves the box
    // The message sits right under its field, which names it; the summary links to the field.
    const message = page.locator('#coinsurance-error');
    assert.equal(await message.textContent(), 'enter a percentage from 0 to 100; you typed "120"');
    assert.equal(await page.locator('#coinsurance').getAttribute('aria-describedby'), 'coinsurance-error');
    const [field, under] = [await page.locator('#coinsurance').boundingBox(), await message.boundingBox()];
    assert.ok(under.y >= field.y + field.height && under.y - (field.y + field.height) < 24, `the message is under its field (${under.y - field.y - field.height}px below)`);
    assert.ok(Math.abs(under.x - field.x) < 2, 'and lined up with it');
    const link = page.locator('#error-summary a');
    assert.equal(await link.textContent(), 'Your coinsurance (%): enter a percentage from 0 to 100; you typed "120"');
    await page.focus('#condition');
    await link.click();
    assert.equal(await page.evaluate(() => document.querySelector('amnion-estimator').shadowRoot.activeElement?.id), 'coinsurance', 'the summary link moves focus to the field');
    const tooWide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(tooWide <= 0, `the error fits the screen (${tooWide}px too wide)`);
    assert.equal(await page.locator('#coinsurance').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.inputValue('#coinsurance'), '120', 'the answer is kept');
    assert.equal(await page.inputValue('#sessions'), '8', 'other answers are kept');
    // No figure from the refused answer: how to pay, the HSA/FSA figure and the comparison say
    // what to fix instead of showing amounts.
    for (const id of ['payment-options', 'hsa-effective', 'hsa-summary', 'comparison']) {
      assert.doesNotMatch(await page.locator(`#${id}`).textContent(), /\$/, `no amount in #${id}`);
    }
    assert.equal(await page.locator('#payment-options').textContent(), 'Fix the answer marked above to see how to pay.');
    assert.equal(await page.locator('#comparison').textContent(), 'Fix the answer marked above to compare scenarios.');
    // The lines no therapy answer touches stay: the consultation 250, the product 1,200, the
    // injection 150, the guidance 125, the boot 165; no therapy, no prompt-pay discount (a share of
    // self-pay lines therapy can add to) and no "You pay".
    const kept = page.locator('#breakdown table.breakdown');
    assert.equal(await kept.count(), 1);
    assert.deepEqual(await kept.locator('tr.line td.amount').allTextContents(), ['$250.00', '$1,200.00', '$150.00', '$125.00', '$165.00']);
    assert.doesNotMatch(await page.locator('#breakdown').textContent(), /You pay|Prompt-pay|therapy/);
    assert.equal(await page.locator('#breakdown .what-to-fix').textContent(), 'Fix the answer marked above to see every line of the estimate.');
    assert.equal(await total(page), 'Check your answers');
    if (width < 768) {
      await page.locator('#lines-section > summary').click();
      await page.locator('#breakdown').screenshot({ path: `${shots}${name}-therapy-refused-lines.png` });
    }
    await page.screenshot({ path: `${shots}${name}-error.png`, fullPage: true });

    await page.fill('#coinsurance', '20');
    await page.locator('#coinsurance').blur();
    assert.equal(await message.count(), 0, 'fixed: the message goes');
    assert.equal(await page.locator('#error-summary').isHidden(), true, 'and so does the summary');
    assert.equal(await page.locator('#coinsurance').getAttribute('aria-invalid'), null);
    assert.equal(await total(page), '$1,953.50 – $2,585.50', 'the deductible is still not entered');
    assert.match(await page.locator('#breakdown .notes').textContent(), /Your plan's deductible was not entered/);
    await page.fill('#deductible', '0');
    await page.locator('#deductible').blur();
    assert.equal(await total(page), '$1,953.50');
    assert.doesNotMatch(await page.locator('#breakdown .notes').textContent(), /not entered/);
    assert.equal(await page.locator('table.breakdown caption').last().textContent(), 'Your plan pays: $632.00');
    await page.screenshot({ path: `${shots}${name}-insurance.png`, fullPage: true });

    // A copay plan: whether the deductible comes first, as the visitor answers.
    await page.fill('#deductible', '1200');
    await page.locator('#deductible').blur();
    await page.fill('#copay', '30');
    await page.locator('#copay').blur();
    assert.equal(await page.isVisible('fieldset.copay-timing'), true, 'a copay: the question is asked');
    assert.equal(await total(page), '$2,065.50 – $2,585.50', 'not sure: both');
    assert.match(await page.locator('#breakdown .notes').textContent(), /not sure whether your copay applies before your deductible/);
    await page.check('input[name="physical_therapy.insurance.copay_before_deductible"][value="no"]');
    assert.equal(await total(page), '$2,585.50');
    await page.check('input[name="physical_therapy.insurance.copay_before_deductible"][value="yes"]');
    assert.equal(await total(page), '$2,065.50 – $2,169.50', 'a copay and 20 %: both readings');
    await page.fill('#coinsurance', '');
    await page.locator('#coinsurance').blur();
    assert.equal(await total(page), '$2,065.50');

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
    assert.deepEqual(offsite(seen, new URL(shared.server.url).origin), [], 'no request leaves the page');
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.violations, [], 'works under the Content Security Policy');
    await page.close();
  });
}

test('keyboard only: every control is reachable and labelled', async () => {
  const { page } = await open(1200);
  // The widget's controls are in its shadow root.
  const unlabelled = await page.locator('amnion-estimator').evaluate((host) =>
    [...host.shadowRoot.querySelectorAll('#answers input, #answers select')]
      .filter((control) => control.labels.length === 0)
      .map((control) => control.name));
  assert.deepEqual(unlabelled, []);
  await page.focus('#injections');
  await page.keyboard.press('ArrowUp'); // "Not sure yet" -> "3 injections"
  // 3 injections with a consultation: 250 + 3 × 1,475 - 2 × 221.25 = 4,232.50; 5 % = 211.625 ->
  // 211.63; 4,020.87
  assert.equal(await total(page), '$4,020.87');
  await page.close();
});

test('a share link restores the treatment answers and never carries insurance figures', async () => {
  const { page } = await open(1200);
  await page.selectOption('#injections', '2');
  await page.check('#walking_boot');
  await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
  await page.selectOption('#sessions', '8');
  await page.fill('#deductible', '1234.56');
  await page.locator('#deductible').blur();
  await page.fill('#coinsurance', '27');
  await page.locator('#coinsurance').blur();
  await page.click('#share');
  const link = await page.inputValue('#share-link');
  const fragment = new URL(link).hash;
  assert.ok(fragment.startsWith('#condition=plantar_fasciitis&injections=2&'), link);
  assert.ok(!fragment.includes('1234') && !fragment.includes('27') && !fragment.includes('deductible'), fragment);

  const opened = await shared.browser.newPage();
  await opened.goto(link);
  await opened.locator('#total', { hasText: /^\$/ }).waitFor();
  assert.equal(await opened.inputValue('#injections'), '2');
  assert.equal(await opened.isChecked('#walking_boot'), true);
  assert.equal(await opened.inputValue('#sessions'), '8');
  assert.equal(await opened.inputValue('#deductible'), '', 'insurance figures are not restored: they never left');
  assert.equal(new URL(opened.url()).hash, '', 'the answers leave the address once read');
  await page.close();
  await opened.close();
});
