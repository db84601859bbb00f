// "How to pay" in headless Chromium: the financing offers, the HSA/FSA cost and the scenario
// comparison as a visitor reads them, at desktop and at phone width. Screenshots go to
// tests/browser/screenshots/.
//
// Expected figures, by hand from the sample price book (the working is in
// tests/payment_cases/mod.rs): plantar fasciitis, 1 injection, consultation, 8 PT sessions in cash
// is 250 + 1,475 + 160 + 8 × 95 = 2,645.00 − 5 % (132.25) = 2,512.75.
// - 12 months deferred interest: 2,512.75 / 12 = 209.3958... -> 209.40 (up); 11 × 209.40 =
//   2,303.40, the last 209.35; back-interest 2,512.75 × 26.99 % = 678.191225 -> 678.19.
// - 60 months fixed APR needs $3,500.00 or more: not available.
// - HSA at 22 % + 5 % + 7.65 % = 34.65 %: 2,512.75 × 0.3465 = 870.667875 -> 870.66 (down);
//   2,512.75 − 870.66 = 1,642.09.
// - The comparison with no deductible left, 20 % coinsurance and the 12-month plan: each total / 12, rounded up;
//   through insurance, the self-pay lines only (the no-PT column's): the 22.00 + 8 × 17.00 = 158.00 of
//   cost sharing is paid at each visit, not financed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { offsite, session, watch } from './browser.mjs';

const shared = session();
const { shots } = shared;

// [injections, [no PT, PT in cash, PT through insurance] as [total, a month]]
const grid = [
  ['1 injection', [['$1,638.75', '$136.57'], ['$2,512.75', '$209.40'], ['$1,796.75', '$136.57']]],
  ['2 injections', [['$2,829.81', '$235.82'], ['$3,703.81', '$308.66'], ['$2,987.81', '$235.82']]],
  ['3 injections', [['$4,020.87', '$335.08'], ['$4,894.87', '$407.91'], ['$4,178.87', '$335.08']]],
];

for (const [name, width] of [['desktop', 1200], ['phone', 360]]) {
  test(`${name}: offers, HSA cost and the comparison table follow the answers`, async () => {
    const page = await shared.browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    const seen = await watch(page);
    await page.goto(shared.server.url);
    await page.locator('#total', { hasText: /^\$/ }).waitFor();

    await page.selectOption('#injections', '1');
    await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
    await page.selectOption('#sessions', '8');
    await page.fill('#deductible', '0');
    await page.locator('#deductible').blur(); // judged as the visitor leaves the box
    await page.fill('#coinsurance', '20');
    await page.locator('#coinsurance').blur();
    await page.check('input[name="physical_therapy.coverage"][value="cash"]');
    // "How to pay" and the comparison are collapsed sections: the visitor opens them.
    for (const id of ['pay-section', 'compare-section']) await page.locator(`#${id} > summary`).click();
    await page.selectOption('#plan', 'deferred_12');
    assert.equal(await page.locator('#total').textContent(), '$2,512.75');
    assert.equal(await page.locator('.pay-in-full .pay-amount').textContent(), '$2,512.75');

    const deferred = page.locator('.offer[data-plan="deferred_12"]');
    assert.equal(await deferred.locator('.offer-payment').textContent(), '$209.40 a month');
    assert.equal(await deferred.locator('.offer-detail').first().textContent(), '11 payments of $209.40, then $209.35');
    assert.match(await deferred.locator('.offer-warning').textContent(), /up to \$678\.19 of interest, charged from the purchase date \(26\.99% APR\)/);
    const fixed60 = page.locator('.offer[data-plan="fixed_60"]');
    assert.equal(await fixed60.getAttribute('class'), 'offer unavailable');
    assert.equal(await fixed60.locator('.offer-reason').textContent(), 'Not available. Needs a purchase of $3,500.00 or more.');

    const rows = page.locator('.comparison-table tbody tr');
    assert.equal(await rows.count(), grid.length);
    for (const [i, [label, cells]] of grid.entries()) {
      const row = rows.nth(i);
      // The count shows under "Injections", and the row is read out as its label.
      assert.equal(await row.locator('th').textContent(), label.split(' ')[0]);
      assert.equal(await row.locator('th').getAttribute('aria-label'), label);
      assert.equal(await row.getByRole('rowheader', { name: label }).count(), 1);
      for (const [j, [total, monthly]] of cells.entries()) {
        const cell = row.locator('td').nth(j);
        assert.equal(await cell.locator('.cell-total').textContent(), total, `${label}, column ${j}`);
        assert.equal(await cell.locator('.cell-monthly').textContent(), `${monthly} a\u00a0month`, `${label}, column ${j}`);
      }
    }
    assert.equal(await page.locator('td.current .cell-total').textContent(), '$2,512.75', 'the visitor’s own answers are marked');

    // No federal bracket yet: no saving is shown, only what to enter; the payroll question starts
    // unanswered.
    const enter = 'Enter your federal income tax bracket to see what paying from an HSA or FSA saves.';
    assert.equal(await page.locator('#hsa-effective').textContent(), '');
    assert.equal(await page.locator('#hsa-summary').textContent(), enter);
    assert.doesNotMatch(await page.locator('.hsa').textContent(), /Saves|\$/, 'no amount in the HSA box');
    assert.equal(await page.locator('input[name="payment.through_payroll"]:checked').count(), 0);
    await page.fill('#state-tax', '5');
    await page.locator('#state-tax').blur();
    assert.equal(await page.locator('#hsa-summary').textContent(), enter, 'a state rate alone is no figure');
    await page.fill('#federal-tax', '22');
    await page.locator('#federal-tax').blur();
    // Payroll not answered: 22 % + 5 % = 27 % of $2,512.75 = 678.4425 -> $678.44 (down);
    // $2,512.75 − $678.44 = $1,834.31, and the summary says payroll tax is not counted.
    assert.equal(await page.locator('#hsa-effective').textContent(), '$1,834.31');
    assert.match(await page.locator('#hsa-summary').textContent(), /Payroll tax is not counted until you say/);
    // Through payroll: 22 + 5 + 7.65 = 34.65 %; 2,512.75 × 0.3465 = 870.667875 -> 870.66;
    // $1,642.09.
    await page.check('input[name="payment.through_payroll"][value="yes"]');
    assert.equal(await page.locator('#hsa-effective').textContent(), '$1,642.09');
    assert.equal(
      await page.locator('#hsa-summary').textContent(),
      'Saves $870.66: 22% federal + 5% state + 7.65% Social Security and Medicare tax = 34.65% of the total, rounded down to the cent.',
    );
    // At 37 %, Social Security is past its wage base: 37 + 5 + 1.45 = 43.45 %; 2,512.75 × 0.4345
    // = 1,091.789875 -> 1,091.78; $1,420.97.
    await page.fill('#federal-tax', '37');
    await page.locator('#federal-tax').blur();
    assert.equal(await page.locator('#hsa-effective').textContent(), '$1,420.97');
    assert.match(await page.locator('#hsa-summary').textContent(), /Social Security tax is not counted/);
    await page.fill('#federal-tax', '22');
    await page.locator('#federal-tax').blur();
    assert.match(await page.locator('#hsa-caveat').textContent(), /plan administrator/);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling of the page (${overflow}px too wide)`);
    await page.locator('#payment').screenshot({ path: `${shots}${name}-payment.png` });

    await page.fill('#federal-tax', '140');
    await page.locator('#federal-tax').blur();
    assert.equal(await page.locator('#federal-tax-error').textContent(), 'enter a percentage from 0 to 100; you typed "140"');
    assert.equal(
      await page.locator('#error-summary li').textContent(),
      'Federal income tax bracket (%): enter a percentage from 0 to 100; you typed "140"',
    );
    assert.equal(await page.locator('#federal-tax').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#total').textContent(), '$2,512.75', 'the estimate is unaffected');
    // The refused rate stops only the HSA/FSA figure; paying in full and the offers stay.
    assert.equal(await page.locator('#hsa-effective').textContent(), '');
    assert.equal(await page.locator('#hsa-summary').textContent(), 'Fix the tax rate to see what paying from an HSA or FSA saves.');
    assert.equal(await page.locator('.pay-in-full .pay-amount').textContent(), '$2,512.75');
    assert.equal(await page.locator('#federal-tax-error').evaluate((box) => getComputedStyle(box.closest('.payment')).filter), 'none', 'the error is not greyed');
    await page.fill('#federal-tax', '22');
    await page.locator('#federal-tax').blur();
    assert.equal(await page.locator('#federal-tax-error').count(), 0, 'the message goes once the answer is right');
    assert.equal(await page.locator('#error-summary').isHidden(), true);
    assert.equal(await page.locator('#federal-tax').getAttribute('aria-describedby'), null);
    assert.equal(await page.locator('#federal-tax').getAttribute('aria-invalid'), null);

    const unlabelled = await page.locator('amnion-estimator').evaluate((host) =>
      [...host.shadowRoot.querySelectorAll('#payment input, #payment select')]
        .filter((control) => control.labels.length === 0 || control.form?.id !== 'answers')
        .map((control) => control.name));
    assert.deepEqual(unlabelled, [], 'every payment control is labelled and belongs to the form');

    await page.selectOption('#plan', '');
    assert.equal(await page.locator('.cell-monthly').count(), 0, 'no plan: totals only');
    assert.deepEqual(offsite(seen, new URL(shared.server.url).origin), [], 'no request leaves the page');
    assert.deepEqual([...seen.errors, ...seen.dialogs, ...seen.violations], []);
    await page.close();
  });
}

test('360 px: with typical sessions the comparison reaches the estimate\'s high end, and a range\'s monthly payment says "up to"', async () => {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(shared.server.url);
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  await page.selectOption('#condition', 'partial_tendon_tear');
  await page.selectOption('#injections', 'not_sure');
  await page.check('input[name="physical_therapy.coverage"][value="cash"]');
  await page.selectOption('#sessions', 'typical');
  for (const id of ['pay-section', 'compare-section']) await page.locator(`#${id} > summary`).click();
  await page.selectOption('#plan', 'deferred_24');
  // By hand: 1 injection with the consultation (the form's start) and cash PT, 10 to 16
  // sessions: 250 + 1,475 + 160 + 10 × 95 = 2,835.00 less 5 % (141.75) = 2,693.25; with 16,
  // 3,405.00 less 170.25 = 3,234.75; 3,234.75 / 24 = 134.78125 -> up to 134.79 a month.
  const cell = page.locator('.comparison-table tbody tr').nth(0).locator('td').nth(1);
  assert.equal(await cell.locator('.cell-monthly').textContent(), 'up to $134.79 a\u00a0month');
  assert.match(await cell.textContent(), /\$2,693\.25/);
  assert.match(await cell.textContent(), /\$3,234\.75/);
  // The headline's high end is in the grid: 3 injections, 16 sessions, in cash.
  const high = (await page.locator('#total').textContent()).split(' – ')[1];
  const corner = page.locator('.comparison-table tbody tr').nth(2).locator('td').nth(1);
  assert.match(await corner.textContent(), new RegExp(high.replace(/[$.]/g, '\\$&')));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px)`);
  await page.locator('#compare-section').screenshot({ path: new URL('./screenshots/compare-range-360.png', import.meta.url).pathname });
  await page.close();
});

test('360 px: therapy through a plan is paid at each visit: financing covers the self-pay lines, and says so', async () => {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(shared.server.url);
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  await page.selectOption('#injections', '1');
  await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
  await page.selectOption('#sessions', '8');
  for (const [box, value] of [['#deductible', '0'], ['#coinsurance', '20']]) {
    await page.fill(box, value);
    await page.locator(box).blur();
  }
  await page.locator('#pay-section > summary').click();
  // 1,638.75 of self-pay lines + 158.00 of cost sharing (20 % of 110 and 8 × 20 % of 85).
  assert.equal(await page.locator('.pay-in-full .pay-amount').textContent(), '$1,796.75');
  const notes = await page.locator('#payment-options > .payment-options > p.hint').allTextContents();
  assert.ok(
    notes.includes('Worked out on $1,638.75. Your share of physical therapy through your plan, $158.00, is paid at each visit, not financed.'),
    notes.join('\n'),
  );
  // 1,638.75 / 12 = 136.5625 -> 136.57 a month (up), not 1,796.75 / 12 = 149.73.
  assert.equal(await page.locator('.offer[data-plan="deferred_12"] .offer-payment').textContent(), '$136.57 a month');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  await page.locator('#payment-options').screenshot({ path: `${shots}phone-payment-insurance.png` });
  await page.close();
});
