// The prompt-pay discount on the staff page: staff say whether the patient pays in full at the
// visit (the form starts with nothing chosen); charges that include $400 or more of it for a
// provider warn before anything is printed, saved or exported, and one click leaves it out. A
// Medicare patient's quote offers no discount and no therapy in cash.
//
// The issue's case, by hand from the sample price book (prices in tests/cases/mod.rs): ankle
// osteoarthritis (20606, guidance included), the 2 mL vial, 3 injections, consultation, boot,
// 24 therapy sessions in cash at the clinic. One injection 1,900 + 260 = 2,160.00; three 6,480.00
// less 15 % of injections 2 and 3 (2 × 324.00) = 5,832.00; + 250 + 165 + 160 + 24 × 95 (2,280) =
// 8,687.00. Prompt pay 5 % = 434.35 -> 8,252.65. 434.35 >= 400.00: it warns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { session, watch } from './browser.mjs';

const shared = session();
const { shots } = shared;

async function openStaffPage(width = 1280, path = 'staff.html') {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  const seen = await watch(page);
  // A quote is issued on the page's date: the day these quotes are issued on.
  await page.clock.setFixedTime(new Date(2026, 10, 21, 10, 0));
  await page.goto(`${shared.server.url}${path}`);
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  return { page, seen };
}

/** The issue's case, self-pay, on `page`. */
async function fillIssueCase(page) {
  await page.check('input[name="coverage"][value="self_pay"]');
  await page.fill('#patient-name', 'Ana Ruiz');
  await page.fill('#dob', '1970-03-04');
  await page.check('input[name="side"][value="right"]');
  await page.selectOption('#condition', 'ankle_osteoarthritis');
  await page.selectOption('#product', 'amnion_2ml');
  await page.selectOption('#injections', '3');
  await page.check('#consultation');
  await page.check('#walking_boot');
  await page.check('input[name="answers.physical_therapy.coverage"][value="cash"]');
  await page.selectOption('#sessions', '24');
  await page.check('#prompt-pay-included');
}

/** The PDF at `pdf` as one line of text. */
function printed(pdf) {
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, pdf.replace(/\.pdf$/, '-page')]);
  return execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
}

test('charges with $400 or more of prompt-pay discount warn before any output, and one click leaves it out', async () => {
  const { page, seen } = await openStaffPage();
  assert.equal(await page.locator('input[name="prompt_pay"]:checked').count(), 0, 'the form starts with nothing chosen');
  await fillIssueCase(page);
  assert.match(await page.locator('#status').textContent(), /: \$8,252\.65$/);
  const warning = page.locator('#prompt-pay-warning');
  assert.equal(await warning.isVisible(), true);
  assert.equal(
    await page.locator('#prompt-pay-warning-text').textContent(),
    "Sample Foot & Ankle Clinic's charges include $434.35 off (5%) for paying in full at the visit. A patient who "
      + 'does not pay in full at the visit is billed $8,687.00, $434.35 more than this estimate, and a bill $400.00 '
      + 'or more above the estimate for one provider can be disputed. Unless the patient will pay in full at the '
      + 'visit, leave the discount out of the charges.',
  );
  // Before any output: the warning sits in the pane, just under Print, Save quote and Export CSV,
  // above the document, without a scroll.
  const boxes = await page.evaluate(() => {
    const box = (id) => document.getElementById(id).getBoundingClientRect().toJSON();
    return { print: box('print'), warning: box('prompt-pay-warning'), document: box('document'), viewport: innerHeight };
  });
  assert.ok(boxes.warning.top > boxes.print.bottom && boxes.warning.bottom < boxes.document.top, JSON.stringify(boxes));
  assert.ok(boxes.warning.bottom <= boxes.viewport, 'on screen with the buttons');
  await page.screenshot({ path: `${shots}prompt-pay-warning.png` });

  // Printed as it is, the document says the condition and what the charges are without it.
  await page.pdf({ path: `${shots}prompt-pay-included.pdf`, format: 'Letter' });
  assert.match(printed(`${shots}prompt-pay-included.pdf`), /include a 5% discount for paying in full at the visit\. Without it, the clinic's charges are \$8,687\.00/);

  // One click: the choice is "no", the charges are the full 8,687.00, and there is nothing to warn of.
  await page.click('#leave-out-prompt-pay');
  assert.equal(await page.isChecked('#prompt-pay-excluded'), true);
  assert.equal(await warning.isHidden(), true);
  assert.match(await page.locator('#status').textContent(), /: \$8,687\.00$/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'prompt-pay-excluded', 'focus on the choice it made');
  await page.pdf({ path: `${shots}prompt-pay-excluded.pdf`, format: 'Letter' });
  const excluded = printed(`${shots}prompt-pay-excluded.pdf`);
  assert.match(excluded, /do not include the 5% discount for paying in full at the visit\. Paid in full at the visit, the clinic's charges are \$8,252\.65/);
  assert.match(excluded, /Total estimated charges \$8,687\.00/);
  // What Save writes says so, and reopens with it chosen.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save')]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.request.prompt_pay, 'excluded');
  await page.check('#prompt-pay-included');
  assert.equal(await warning.isVisible(), true, 'chosen back, it warns again');
  await page.setInputFiles('#open', { name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await page.locator('#reopened').waitFor();
  assert.equal(await page.isChecked('#prompt-pay-excluded'), true, 'reopened with its choice');
  assert.equal(await warning.isHidden(), true);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('under $400 of prompt-pay discount there is no warning', async () => {
  const { page } = await openStaffPage();
  await fillIssueCase(page);
  // 2 injections: 2 × 2,160 - 324 = 3,996.00 + 250 + 165 + 2,440 = 6,851.00; 5 % = 342.55 < 400.
  await page.selectOption('#injections', '2');
  assert.match(await page.locator('#status').textContent(), /: \$6,508\.45$/);
  assert.equal(await page.locator('#prompt-pay-warning').isHidden(), true);
  await page.close();
});

test('the warning fits the pane at 360, 1280 and 1920 px', async () => {
  for (const width of [360, 1280, 1920]) {
    const { page } = await openStaffPage(width);
    await fillIssueCase(page);
    const fit = await page.evaluate(() => {
      const warning = document.getElementById('prompt-pay-warning');
      const pane = document.getElementById('document-pane').getBoundingClientRect();
      const box = warning.getBoundingClientRect();
      const button = document.getElementById('leave-out-prompt-pay').getBoundingClientRect();
      return {
        inside: box.left >= pane.left - 0.5 && box.right <= pane.right + 0.5,
        buttonInside: button.left >= box.left && button.right <= box.right + 0.5,
        overflow: warning.scrollWidth > warning.clientWidth || document.documentElement.scrollWidth > innerWidth,
        buttonHeight: button.height,
      };
    });
    assert.deepEqual({ ...fit, buttonHeight: fit.buttonHeight >= 24 }, { inside: true, buttonInside: true, overflow: false, buttonHeight: true }, `${width} px`);
    await page.locator('#prompt-pay-warning').screenshot({ path: `${shots}prompt-pay-warning-${width}.png` });
    await page.close();
  }
});

test('a Medicare patient\'s quote offers no discount and no therapy in cash, and says so at each field', async () => {
  const { page } = await openStaffPage();
  await fillIssueCase(page);
  await page.check('input[name="coverage"][value="medicare"]');
  assert.match(await page.locator('#prompt-pay-included-error').textContent(), /^choose "No prompt-pay discount" for a Medicare patient/);
  assert.match(await page.locator('[id="answers-physical_therapy-coverage-error"]').textContent(), /^choose Insurance for a Medicare patient/);
  assert.equal(await page.locator('#print').getAttribute('aria-disabled'), 'true', 'nothing to print');
  await page.check('#prompt-pay-not_offered');
  await page.check('input[name="answers.physical_therapy.coverage"][value="insurance"]');
  // Medicare Part B's figures: what the patient has left of the deductible, and 20 %.
  await page.fill('#deductible', '0');
  await page.fill('#coinsurance', '20');
  // 5,832.00 + 250 + 165 = 6,247.00 at the clinic, no discount; therapy through Medicare is to
  // schedule separately.
  assert.match(await page.locator('#status').textContent(), /^Self-pay price quote SPQ-[0-9A-Z-]+: \$6,247\.00$/);
  assert.equal(await page.locator('#prompt-pay-warning').isHidden(), true);
  assert.equal(await page.locator('#print').getAttribute('aria-disabled'), 'false');
  await page.close();
});

test('the coverage notice follows the choice made now, even while the form refuses it (walk-through item 3)', async () => {
  const { page } = await openStaffPage();
  await fillIssueCase(page);
  await page.check('input[name="coverage"][value="insured_filing_claim"]');
  assert.match(await page.locator('#coverage-notice').textContent(), /Because you want your plan billed/);
  // Medicare with a prompt-pay discount and therapy in cash: refused, and the notice is Medicare's.
  await page.check('input[name="coverage"][value="medicare"]');
  assert.equal(await page.locator('#print').getAttribute('aria-disabled'), 'true', 'the form is refused');
  const notice = await page.locator('#coverage-notice').textContent();
  assert.doesNotMatch(notice, /Because you want your plan billed/);
  assert.match(notice, /does not apply to Medicare, Medicaid or TRICARE/);
  // Back to self-pay, the case's own: no notice at all.
  await page.check('input[name="coverage"][value="self_pay"]');
  assert.equal(await page.locator('#coverage-notice').isHidden(), true);
  await page.check('input[name="coverage"][value="insured_filing_claim"]');
  await page.fill('#dob', '');
  assert.equal(await page.locator('#print').getAttribute('aria-disabled'), 'true', 'a blank date of birth is refused');
  await page.check('input[name="coverage"][value="self_pay"]');
  assert.equal(await page.locator('#coverage-notice').isHidden(), true, 'self-pay has no notice, refused form or not');
  await page.close();
});

test('no due date is shown from a refused request date; the due line says what to fix (walk-through item 8)', async () => {
  const { page } = await openStaffPage();
  await fillIssueCase(page);
  // Issued Sat Nov 21, 2026; asked on Sun Dec 20, after it: refused at the field.
  await page.fill('#requested-on', '2026-12-20');
  await page.locator('#requested-on').blur();
  const due = await page.locator('#gfe-due').textContent();
  assert.equal(due, 'The date the patient asked for an estimate is refused: fix it to see when the Good Faith Estimate is due.');
  assert.doesNotMatch(due, /December 23/);
  // Asked Wed Nov 18: Thu 19 (1), Fri 20 (2), Mon 23 (3): due Mon Nov 23.
  await page.fill('#requested-on', '2026-11-18');
  assert.match(await page.locator('#gfe-due').textContent(), /^Good Faith Estimate due by Monday, November 23, 2026/);
  await page.close();
});

test('in Spanish, the choice, the warning and its button are Spanish', async () => {
  const { page } = await openStaffPage(1280, 'staff.html?lang=es');
  await fillIssueCase(page);
  assert.equal(await page.locator('#prompt-pay-field legend').textContent(), '¿Pagará el paciente el total en la visita?');
  assert.equal(await page.locator('#prompt-pay-choices span').first().textContent(), 'Sí: los cargos incluyen el descuento del 5%');
  assert.match(await page.locator('#prompt-pay-warning-text').textContent(), /^Los cargos de Sample Foot & Ankle Clinic incluyen \$434\.35 de descuento \(5%\)/);
  assert.equal(await page.locator('#leave-out-prompt-pay').textContent(), 'Dejar el descuento fuera de los cargos');
  await page.close();
});

test('the comparison printed with the quote follows the prompt-pay choice: no discounted figure unless the charges include the discount', async () => {
  const { page, seen } = await openStaffPage();
  await fillIssueCase(page);
  await page.check('#include-comparison');
  // The comparison's first scenario, 1 injection and no therapy: 2,160.00 + 250 + 165 = 2,575.00;
  // 5 % = 128.75, so 2,446.25 paid in full at the visit. Its 3 injections with therapy in cash are
  // the quote: 8,687.00, or 8,252.65 with the discount.
  for (const [choice, full, discounted] of [['included', false, true], ['excluded', true, false], ['not_offered', true, false]]) {
    await page.check(`#prompt-pay-${choice}`);
    const pdf = `${shots}prompt-pay-comparison-${choice}.pdf`;
    await page.pdf({ path: pdf, format: 'Letter' });
    const text = printed(pdf);
    assert.match(text, /what you pay\s+Injections No physical therapy/, `${choice}: the comparison is printed`);
    // A self-pay estimate's grid has no therapy through a plan, and its note says none is left out.
    assert.match(text, /Monthly payments: 6 months, no interest if repaid\.\s/, `${choice}: the plain monthly note`);
    assert.doesNotMatch(text, /through your plan/, `${choice}: no word of a plan`);
    assert.equal(text.includes('$2,575.00'), full, `${choice}: the full price`);
    assert.equal(text.includes('$2,446.25'), discounted, `${choice}: the discounted price`);
    if (choice === 'not_offered') {
      assert.doesNotMatch(text, /in full at the visit|\$8,252\.65/, 'no word of a discount, and no discounted figure');
    }
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});
