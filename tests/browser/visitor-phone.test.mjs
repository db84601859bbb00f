// The visitor on a phone (and a desk): the answer first, sections that open and close from the
// keyboard, select texts that fit their boxes, answers that survive a reload, a share link that
// says what it did not carry, and nothing hidden under the phone's bar.
//
// Totals by hand from the sample price book (tests/cases/mod.rs): the page's first answers,
// plantar fasciitis, not sure (1 to 2 injections) with a consultation: 1,638.75 – 2,829.81 (as in
// widget.test.mjs); 2 injections with a consultation and a boot: 250 + 2 × 1,475 - 221.25 + 165 =
// 3,143.75, less 5 % (157.1875 -> 157.19) = 2,986.56.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, watch } from './browser.mjs';

const shared = session();
const { shots } = shared;

async function open(width, path = '', height = 740, language = 'en-US') {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width, height });
  const seen = await watch(page);
  // The widget speaks the browser's language when its element names none.
  await page.addInitScript((tag) => Object.defineProperty(navigator, 'language', { get: () => tag }), language);
  await page.goto(`${shared.server.url}${path}`);
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  return { page, seen };
}

/** The selects whose option texts (each in turn) do not fit the select's box, with the figures. */
const cutOff = (page) => page.locator('amnion-estimator').evaluate((host) => {
  const measure = document.createElement('canvas').getContext('2d');
  const cut = [];
  for (const select of host.shadowRoot.querySelectorAll('select')) {
    if (!select.offsetParent) continue; // not shown
    const style = getComputedStyle(select);
    measure.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // The text box: the select's inner width less its padding and the drop-down arrow (20 px).
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    for (const option of select.options) {
      const width = measure.measureText(option.text).width;
      if (width > room) cut.push(`${select.id}: "${option.text}" ${Math.round(width)} px in ${Math.round(room)} px`);
    }
  }
  return cut;
});

for (const [language, tag] of [['English', 'en-US'], ['Spanish', 'es-MX']]) {
  for (const width of [360, 1280]) {
    test(`${language} at ${width} px: every select's text fits its box, and the collapsed page is short`, async () => {
      const { page } = await open(width, '', 740, tag);
      assert.equal(await page.locator('#condition option').first().textContent(), tag === 'es-MX' ? 'Fascitis plantar (dolor de talón)' : 'Plantar fasciitis (heel pain)');
      await page.check('input[name="physical_therapy.coverage"][value="cash"]'); // shows the sessions
      for (const id of ['pay-section', 'compare-section']) await page.locator(`#${id} > summary`).click();
      assert.deepEqual(await cutOff(page), [], 'no chosen text is cut off');
      // Through insurance with the plan's figures blank, the comparison's cells are ranges: they
      // wrap, and the grid fits its box.
      await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
      const wide = await page.locator('amnion-estimator').evaluate((host) => [...host.shadowRoot.querySelectorAll('#comparison table')]
        .map((table) => table.scrollWidth - table.parentElement.clientWidth).filter((over) => over > 0));
      assert.deepEqual(wide, [], 'the comparison fits its box');
      // The visitor walk-through's case, whose Spanish last column was cut at 360 px: Achilles, two
      // injections, the plan's figures entered, so every therapy cell is a range with "up to".
      await page.selectOption('#condition', 'achilles_tendinopathy');
      await page.selectOption('#injections', '2');
      for (const [id, value] of [['#deductible', '500'], ['#coinsurance', '20'], ['#copay', '35']]) {
        await page.fill(id, value);
        await page.locator(id).blur();
      }
      const cut = await page.locator('amnion-estimator').evaluate((host) => [...host.shadowRoot.querySelectorAll('#comparison table')]
        .map((table) => table.scrollWidth - table.parentElement.clientWidth).filter((over) => over > 0));
      assert.deepEqual(cut, [], 'the comparison with every range fits its box');
      await page.locator('#compare-section').screenshot({ path: `${shots}phone-comparison-${language}-${width}.png` });
      if (width === 360) {
        await page.check('input[name="physical_therapy.coverage"][value="none"]');
        for (const id of ['pay-section', 'compare-section']) await page.locator(`#${id} > summary`).click();
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height <= 2500, `the page with every section collapsed is ${height} px tall`);
        const total = await page.locator('#total').boundingBox();
        const form = await page.locator('#answers').boundingBox();
        assert.ok(total.y >= form.y + form.height && total.y - (form.y + form.height) < 120, 'the total comes right after the answers');
        await page.screenshot({ path: `${shots}phone-collapsed-${language}.png`, fullPage: true });
      }
      await page.close();
    });
  }
}

test('the sections open and close from the keyboard, and say whether they are open', async () => {
  const { page } = await open(360);
  const section = page.locator('#pay-section');
  assert.equal(await section.evaluate((details) => details.open), false, 'How to pay starts closed on a phone');
  assert.equal(await page.locator('#lines-section').evaluate((details) => details.open), false);
  await page.locator('#pay-section > summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await section.evaluate((details) => details.open), true, 'Enter opens it');
  assert.ok(await page.locator('#federal-tax').isVisible());
  await page.keyboard.press('Space');
  assert.equal(await section.evaluate((details) => details.open), false, 'Space closes it');
  // A screen reader hears a button that is expanded or collapsed: the summary's built-in role.
  const role = await page.locator('#pay-section > summary').evaluate((summary) => summary.computedRole ?? 'n/a');
  assert.ok(['button', 'DisclosureTriangle', 'n/a'].includes(role), role);
  await page.close();

  const { page: desk } = await open(1280);
  assert.equal(await desk.locator('#lines-section').evaluate((details) => details.open), true, 'a desk shows every line at once');
  await desk.close();
});

test('a reload keeps the treatment answers, in the tab, never in the address, and never an insurance figure', async () => {
  const { page } = await open(360);
  const kept = () => page.evaluate(() => Object.values(sessionStorage).join('\n'));
  assert.equal(await kept(), '', 'nothing is kept before the visitor answers');
  await page.selectOption('#injections', '2');
  await page.check('#walking_boot');
  await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
  await page.fill('#deductible', '1234.56');
  await page.locator('#deductible').blur(); // judged as the visitor leaves the box
  await page.fill('#coinsurance', '27');
  await page.locator('#coinsurance').blur();
  // The page's address, which the host page's analytics records, carries no answer.
  assert.equal(new URL(page.url()).hash, '');
  assert.match(await kept(), /^condition=plantar_fasciitis&injections=2&/);
  assert.doesNotMatch(await kept(), /1234|27|deductible|coinsurance/, 'no insurance figure kept');
  await page.reload();
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  assert.equal(await page.inputValue('#injections'), '2');
  assert.equal(await page.isChecked('#walking_boot'), true);
  assert.equal(await page.inputValue('#deductible'), '', 'insurance figures are not kept');
  assert.match(await page.locator('#restored').textContent(), /never keeps insurance figures, tax rates or the plan for monthly payments/);
  assert.ok(await page.locator('#restored').isVisible());
  await page.check('input[name="physical_therapy.coverage"][value="none"]');
  // 2 injections with a consultation and a boot: 2,986.56 (worked out above).
  assert.equal(await page.locator('#total').textContent(), '$2,986.56');
  await page.reload();
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  assert.equal(await page.locator('#total').textContent(), '$2,986.56', 'the same total after a reload');
  assert.equal(await page.locator('#restored').isVisible(), true, 'no insurance: the tax rates and the plan are still not kept');
  await page.close();
});

test("a host page's own fragment is left alone", async () => {
  const { page } = await open(1280, '#contact');
  await page.selectOption('#injections', '2');
  assert.equal(new URL(page.url()).hash, '#contact');
  await page.close();
});

test('a focused answer is never under the phone bar', async () => {
  const { page } = await open(360, '', 640);
  const bar = await page.locator('#peek').boundingBox();
  for (const selector of ['input[name="physical_therapy.coverage"][value="none"]', '#walking_boot', '#pay-section > summary']) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator(selector).focus();
    const box = await page.locator(selector).boundingBox();
    assert.ok(box.y + box.height <= bar.y, `${selector} ends at ${box.y + box.height}, the bar starts at ${bar.y}`);
  }
  await page.close();
});
