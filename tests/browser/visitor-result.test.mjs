// The visitor's result as a person reads it, in English and in Spanish, at 360 and 1280 px: what
// the estimate is not (a Good Faith Estimate); the phone bar, shown only while the total is not;
// a typed amount judged when the visitor pauses or leaves its box. axe-core finds no violation in
// any state shown.
//
// Totals by hand from the sample price book (tests/cases/mod.rs): 1 injection with a consultation,
// 250 + 1,200 + 150 + 125 = 1,725.00 - 5 % (86.25) = 1,638.75. Physical therapy through insurance,
// 8 sessions, coinsurance 20 %: the plan allows 110 for the evaluation and 85 a session, 790 in all.
// Deductible not entered: the best case (none left) pays 20 %, 22 + 8 × 17 = 158, so 1,796.75; the
// worst pays all 790, so 2,428.75. With $1,500 of deductible left, the 790 is all deductible:
// 2,428.75.
// The Spanish widget is the one-element embed with `lang="es"` on a host page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { axeViolations, launch, watch } from './browser.mjs';

const shots = new URL('./screenshots/', import.meta.url).pathname;
const fixtures = mkdtempSync(join(tmpdir(), 'estimator-result-'));
let server;
let browser;

before(async () => {
  writeFileSync(join(fixtures, 'es.html'), `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Una clínica</title><script type="module" src="../dist/estimator.js"></script></head>
<body><main><h1>Nuestra clínica</h1><amnion-estimator lang="es"></amnion-estimator></main></body></html>`);
  server = await serve(fixtures);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const LANGUAGES = { en: '', es: 'fixtures/es.html' };

/** The widget in `language` at `width` px, its first estimate shown. */
async function open(language, width, hash = '') {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 800 });
  const seen = await watch(page);
  await page.goto(`${server.url}${LANGUAGES[language]}${hash}`);
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  return { page, seen };
}

/** The box of `selector` inside the widget, or null when it is not rendered. */
const box = (page, selector) => page.locator(selector).first().boundingBox();

for (const language of ['en', 'es']) {
  for (const width of [360, 1280]) {
    test(`${language}, ${width} px: the notice says the figures are not a Good Faith Estimate, and that the clinic gives one on request`, async () => {
      const { page, seen } = await open(language, width);
      const lead = page.locator('#gfe-notice h3 + p');
      assert.equal(await lead.textContent(), {
        en: 'The figures above are an estimate, not a Good Faith Estimate. If you pay for your care yourself, we give you one on request, and you can dispute a bill that is $400 or more above it.',
        es: 'Las cifras de arriba son un estimado, no un Estimado de buena fe. Si usted paga su atención por su cuenta, le damos uno si lo pide, y puede disputar una factura que lo supere en $400 o más.',
      }[language]);
      // Right under the notice's heading, inside the notice, within the screen.
      const [heading, said, notice] = [await box(page, '#gfe-notice h3'), await box(page, '#gfe-notice h3 + p'), await box(page, '#gfe-notice')];
      assert.ok(said.y >= heading.y + heading.height && said.y - (heading.y + heading.height) < 24, 'under the heading');
      assert.ok(said.x >= notice.x && said.x + said.width <= notice.x + notice.width + 1, 'inside the notice');
      assert.ok(notice.x + notice.width <= width, `the notice fits the screen (${notice.x + notice.width}px)`);
      await page.locator('#gfe-notice').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}result-notice-${language}-${width}.png` });
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.violations, []);
      await page.close();
    });
  }
}

/**
 * Whether the phone bar is shown and any of the total on screen, once the page has settled at the
 * scroll position it is at: `{ bar, total, overlap }` (`overlap`: the total under the shown bar).
 */
async function barAndTotal(page) {
  // The bar follows an IntersectionObserver, which reports after the next frame: wait for two.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.locator('amnion-estimator').evaluate((host) => {
    const bar = host.shadowRoot.getElementById('peek').getBoundingClientRect();
    const total = host.shadowRoot.getElementById('total').getBoundingClientRect();
    const shown = bar.height > 0;
    return {
      bar: shown,
      total: total.bottom > 0 && total.top < innerHeight,
      overlap: shown && total.bottom > bar.top && total.top < bar.bottom,
    };
  });
}

for (const width of [360, 1280]) {
  test(`${width} px: the phone bar hides while the total it repeats is on screen`, async () => {
    const { page } = await open('en', width);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const seen = [];
    // Every 120 px from the top of the page to its end: the bar is shown exactly when none of the
    // total is on screen (on a phone), so never over it, and never on a wide screen.
    for (let y = 0; y <= height; y += 120) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      const state = await barAndTotal(page);
      seen.push(state);
      assert.equal(state.overlap, false, `at ${y} px the bar covers the total`);
      assert.equal(state.bar, width < 768 && !state.total, `at ${y} px: ${JSON.stringify(state)}`);
    }
    assert.ok(seen.some((state) => state.total), 'the total was on screen at some point');
    if (width < 768) {
      assert.ok(seen.some((state) => state.bar), 'and the bar at another');
      // Shown, it spans the bottom of the screen.
      await page.evaluate(() => window.scrollTo(0, 0));
      await barAndTotal(page);
      const bar = await box(page, '#peek');
      assert.deepEqual([bar.x, bar.width, Math.round(bar.y + bar.height)], [0, width, 800]);
      await page.screenshot({ path: `${shots}result-bar-shown-${width}.png` });
      await page.locator('#total').scrollIntoViewIfNeeded();
      await barAndTotal(page);
      assert.equal(await box(page, '#peek'), null, 'hidden while the total is on screen');
      await page.screenshot({ path: `${shots}result-bar-hidden-${width}.png` });
      assert.deepEqual(await axeViolations(page), [], 'with the bar hidden');
    }
    await page.close();
  });
}

/** What the visitor sees of the total and of the deductible's box. */
const state = (page) => page.locator('amnion-estimator').evaluate((host) => {
  const $ = (id) => host.shadowRoot.getElementById(id);
  return {
    total: $('total').textContent,
    updating: !$('updating').hidden && $('updating').getClientRects().length > 0,
    busy: host.shadowRoot.querySelector('.workspace').getAttribute('aria-busy'),
    error: $('deductible-error')?.textContent ?? null,
  };
});

const TYPED = {
  en: { updating: '(updating…)', refused: 'enter an amount like 1,500.00; you typed "12k0"', check: 'Check your answers' },
  es: { updating: '(actualizando…)', refused: 'escriba una cantidad como 1,500.00; usted escribió "12k0"', check: 'Revise sus respuestas' },
};

for (const language of ['en', 'es']) {
  for (const width of [360, 1280]) {
    test(`${language}, ${width} px: a typed amount is judged when the visitor pauses or leaves the box, and the total waits, marked as updating`, async () => {
      const { page, seen } = await open(language, width);
      const words = TYPED[language];
      await page.selectOption('#injections', '1');
      await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
      await page.selectOption('#sessions', '8');
      await page.fill('#coinsurance', '20');
      await page.locator('#coinsurance').blur();
      const before = { total: '$1,796.75 – $2,428.75', updating: false, busy: 'false', error: null };
      assert.deepEqual(await state(page), before);

      // "1,500" key by key, at a person's pace: no keystroke is judged, "1," included; the total
      // keeps the last estimate, marked as updating.
      // Where the total sits in its box (the page scrolls to the field typed in).
      const totalAt = async () => (await box(page, '#total')).y - (await box(page, '.result')).y;
      const resting = await totalAt();
      await page.locator('#deductible').focus();
      for (const key of '1,500') {
        await page.keyboard.type(key);
        assert.deepEqual(await state(page), { ...before, updating: true, busy: 'true' }, `after "${key}"`);
      }
      // The mark sits on the heading's line: the total does not move.
      assert.equal(await totalAt(), resting, 'the total stays where it was');
      const [heading, mark] = [await box(page, '#total-heading span'), await box(page, '#updating')];
      assert.ok(heading.x + heading.width <= mark.x && Math.abs(heading.y - mark.y) < 12, 'the mark is beside the heading\'s words');
      assert.ok(mark.x + mark.width <= width, 'within the screen');
      await page.locator('#total-heading').evaluate((heading) => heading.scrollIntoView());
      await page.screenshot({ path: `${shots}result-updating-${language}-${width}.png` });
      assert.deepEqual(await axeViolations(page), [], 'while updating');
      // The pause: judged, the new estimate, no mark.
      await page.locator('#updating').waitFor({ state: 'hidden' });
      assert.deepEqual(await state(page), { total: '$2,428.75', updating: false, busy: 'false', error: null });

      // A mistake is named once the visitor pauses, in their words, and no figure comes from it.
      await page.fill('#deductible', '');
      await page.keyboard.type('12k0');
      assert.deepEqual(await state(page), { total: '$2,428.75', updating: true, busy: 'true', error: null }, 'not yet judged');
      await page.locator('#deductible-error').waitFor();
      assert.deepEqual(await state(page), { total: words.check, updating: false, busy: 'false', error: words.refused });
      await page.locator('#deductible').evaluate((box) => box.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: `${shots}result-refused-${language}-${width}.png` });
      assert.deepEqual(await axeViolations(page), [], 'with the message');

      // Leaving the box judges at once: fixed, the message goes.
      await page.fill('#deductible', '1,500');
      await page.keyboard.press('Tab');
      assert.deepEqual(await state(page), { total: '$2,428.75', updating: false, busy: 'false', error: null });
      assert.deepEqual(seen.errors, []);
      await page.close();
    });
  }
}

const RESTORED = {
  en: 'These answers came from a link or a reload, which never keeps insurance figures, tax rates or the plan for monthly payments: those start as on a new page.',
  es: 'Estas respuestas vienen de un enlace o de recargar la página, y así nunca se guardan los datos del seguro, las tasas de impuestos ni el plan de pagos mensuales: esos empiezan como en una página nueva.',
};

for (const language of ['en', 'es']) {
  for (const width of [360, 1280]) {
    test(`${language}, ${width} px: a page opened from a link names what a link never keeps`, async () => {
      // Someone answers, picks a plan and types tax rates, and sends the link.
      const { page: sender } = await open(language, width);
      assert.equal(await sender.locator('#restored').isVisible(), false, 'a new page has nothing to say');
      const fresh = { plan: await sender.inputValue('#plan'), federal: '', state: '' };
      await sender.selectOption('#injections', '2');
      await sender.check('input[name="physical_therapy.coverage"][value="cash"]');
      for (const id of ['pay-section', 'compare-section']) await sender.locator(`#${id}`).evaluate((details) => { details.open = true; });
      const plans = await sender.locator('#plan option').evaluateAll((options) => options.map((option) => option.value));
      await sender.selectOption('#plan', plans.at(-1));
      await sender.fill('#federal-tax', '22');
      await sender.locator('#federal-tax').blur();
      await sender.click('#share'); // the link the visitor copies (the page's address holds no answer)
      const link = await sender.inputValue('#share-link');
      await sender.close();

      const { page, seen } = await open(language, width, new URL(link).hash);
      const notice = page.locator('#restored');
      assert.equal(await notice.textContent(), RESTORED[language]);
      assert.equal(await page.inputValue('#injections'), '2', 'the treatment answers came');
      assert.deepEqual({ plan: await page.inputValue('#plan'), federal: await page.inputValue('#federal-tax'), state: await page.inputValue('#state-tax') }, fresh, 'what it names did not');
      // At the top of the form, before the first answer, within the screen.
      const [said, form, first] = [await box(page, '#restored'), await box(page, '#answers'), await box(page, 'label[for="condition"]')];
      assert.ok(said.y >= form.y && said.y + said.height <= first.y, 'above the first answer, in the form');
      assert.ok(said.x >= form.x && said.x + said.width <= form.x + form.width + 1 && said.x + said.width <= width, 'within the form and the screen');
      await page.locator('#restored').evaluate((element) => element.scrollIntoView());
      await page.screenshot({ path: `${shots}result-restored-${language}-${width}.png` });
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(seen.errors, []);
      await page.close();
    });
  }
}

/**
 * Each table of the lines as shown: its caption, column headings, the amounts of its lines, its
 * total's row (none in the plan's, whose caption holds it), and how far it is wider than its box.
 */
const tables = (page) => page.locator('amnion-estimator').evaluate((host) =>
  [...host.shadowRoot.querySelectorAll('#breakdown table.breakdown')].map((table) => ({
    caption: table.caption.textContent,
    headings: [...table.tHead.rows[0].cells].map((cell) => cell.textContent),
    amounts: [...table.tBodies[0].rows].map((row) => row.cells[1].textContent),
    total: table.tFoot ? [...table.tFoot.rows[0].cells].map((cell) => cell.textContent) : null,
    over: table.getBoundingClientRect().right - host.shadowRoot.getElementById('breakdown').getBoundingClientRect().right,
  })));

/** "$1,234.56" or "-$86.25" in cents, for adding up a column as a person would. */
const cents = (text) => (text.startsWith('-') ? -1 : 1) * Number(text.replace(/[-$,.]/g, ''));

const PLAN = {
  en: { headings: ['Item', 'Amount'], you: 'You pay', plan: 'Your plan pays: $632.00', caption: 'Itemized estimate' },
  es: { headings: ['Concepto', 'Monto'], you: 'Usted paga', plan: 'Su plan paga: $632.00', caption: 'Estimado detallado' },
};

for (const language of ['en', 'es']) {
  for (const width of [360, 1280]) {
    test(`${language}, ${width} px: what the plan pays is a table apart, and the visitor's column adds up to what they pay`, async () => {
      const { page, seen } = await open(language, width);
      const words = PLAN[language];
      await page.locator('#lines-section').evaluate((details) => { details.open = true; });
      await page.selectOption('#injections', '1');
      assert.equal((await tables(page)).length, 1, 'self-pay only: no table of the plan');
      await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
      await page.selectOption('#sessions', '8');
      for (const [id, value] of [['#coinsurance', '20'], ['#deductible', '0']]) {
        await page.fill(id, value);
        await page.locator(id).blur();
      }
      // By hand (the header's figures): the visitor pays 250 + 1,200 + 150 + 125 for the
      // consultation, the vial, the injection and the ultrasound, 20 % of the evaluation's 110
      // (22.00) and of 8 sessions at 85 (8 × 17 = 136.00), less 5 % of the 1,725 self-pay (86.25):
      // 1,796.75. The plan pays the rest of each, 88.00 and 8 × 68 = 544.00, 632.00 in all, in a
      // table of its own and in no sum of the visitor's.
      const [visitor, plan] = await tables(page);
      assert.deepEqual(visitor, {
        caption: words.caption, headings: words.headings, over: visitor.over,
        amounts: ['$250.00', '$1,200.00', '$150.00', '$125.00', '$22.00', '$136.00', '-$86.25'],
        total: [words.you, '$1,796.75'],
      });
      assert.deepEqual(plan, { caption: words.plan, headings: words.headings, over: plan.over, amounts: ['$88.00', '$544.00'], total: null });
      assert.equal(await page.locator('#total').textContent(), '$1,796.75');
      // Adding up the shown cells as a person would gives each total.
      const sum = (table) => table.amounts.reduce((sum, text) => sum + cents(text), 0);
      assert.equal(sum(visitor), cents(visitor.total[1]), 'the visitor\'s column adds up to "You pay"');
      assert.equal(sum(plan), cents(plan.caption.split(' ').at(-1)), 'the plan\'s to its total');
      for (const table of [visitor, plan]) assert.ok(table.over <= 0, `${table.caption} fits its box (${table.over} px over)`);
      // The boxes: the plan's table under the visitor's total, as wide, inside the screen.
      const [total, planBox] = [await box(page, '#breakdown tr.patient-total'), await box(page, '#breakdown table.breakdown >> nth=1')];
      assert.ok(planBox.y >= total.y + total.height, 'the plan table comes after "You pay"');
      assert.ok(planBox.x + planBox.width <= width, 'within the screen');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px)`);
      await page.locator('#breakdown tr.patient-total').evaluate((row) => row.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${shots}result-plan-apart-${language}-${width}.png` });
      assert.deepEqual(await axeViolations(page), []);
      // A range (the deductible not entered): each end's visitor table adds up to its "You pay".
      // The worst case pays every allowed amount: 1,638.75 + 110 + 8 × 85 = 2,428.75.
      await page.fill('#deductible', '');
      await page.locator('#deductible').blur();
      const ends = (await tables(page)).filter((table) => table.total);
      assert.deepEqual(ends.map((end) => end.total[1]), ['$1,796.75', '$2,428.75']);
      for (const end of ends) assert.equal(sum(end), cents(end.total[1]));
      assert.equal(await page.locator('#total').textContent(), '$1,796.75 – $2,428.75');
      assert.deepEqual(await axeViolations(page), [], 'with both ends');
      assert.deepEqual(seen.errors, []);
      await page.close();
    });
  }
}

test('360 px: a copay and a coinsurance rate both entered are priced both ways, with a note', async () => {
  const { page } = await open('en', 360);
  await page.locator('#lines-section').evaluate((details) => { details.open = true; });
  await page.selectOption('#injections', '1');
  await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
  await page.selectOption('#sessions', '8');
  for (const [id, value] of [['#deductible', '0'], ['#copay', '25'], ['#coinsurance', '20']]) {
    await page.fill(id, value);
    await page.locator(id).blur();
  }
  await page.check('input[name="physical_therapy.insurance.copay_before_deductible"][value="yes"]');
  // By hand: the rest is 1,638.75 (the header). Low, the copay alone: 9 visits × 25 = 225;
  // 1,863.75. High, the copay and then 20 % of the rest: the evaluation 25 + 20 % of (110 − 25)
  // = 25 + 17 = 42, a session 25 + 20 % of (85 − 25) = 25 + 12 = 37; 42 + 8 × 37 = 338; 1,976.75.
  assert.equal(await page.locator('#total').textContent(), '$1,863.75 – $1,976.75');
  assert.match(await page.locator('#breakdown .notes').textContent(), /You entered both a copay and coinsurance\. Plans combine them two ways/);
  assert.deepEqual(await axeViolations(page), []);
  // The same figures without the coinsurance: one amount, no note.
  await page.fill('#coinsurance', '');
  await page.locator('#coinsurance').blur();
  assert.equal(await page.locator('#total').textContent(), '$1,863.75');
  assert.doesNotMatch(await page.locator('#breakdown .notes').textContent(), /You entered both a copay/);
  await page.close();
});

const CONDITION = {
  en: ['Assumes you pay in full at the visit (5% off); otherwise $1,725.00.', 'still holds when you finance'],
  es: ['Supone que paga el total en la visita (5% de descuento); si no, $1,725.00.', 'se mantiene aunque financie'],
};

for (const language of ['en', 'es']) {
  test(`${language}, 360 px: the total says it assumes payment in full at the visit, and how to pay whether that holds when financing`, async () => {
    const { page } = await open(language, 360);
    await page.selectOption('#injections', '1');
    // By hand (the header): 1,725.00 before the 5 % prompt-pay discount, 1,638.75 after.
    assert.equal(await page.locator('#total').textContent(), '$1,638.75');
    const [condition, financing] = CONDITION[language];
    assert.equal(await page.locator('#total-condition').textContent(), condition);
    const [total, under] = [await box(page, '#total'), await box(page, '#total-condition')];
    assert.ok(under.y >= total.y + total.height, 'the condition is under the total');
    assert.ok(under.x >= 0 && under.x + under.width <= 360, 'within the screen');
    await page.locator('#pay-section > summary').click();
    assert.match(await page.locator('#payment-options').textContent(), new RegExp(financing));
    assert.deepEqual(await axeViolations(page), []);
    // A refused answer leaves no figure from it: the condition goes with the total.
    await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
    await page.fill('#deductible', '12k0');
    await page.locator('#deductible').blur();
    assert.equal(await page.locator('#total-condition').textContent(), '');
    await page.close();
  });
}
