// The price-book editor as the office manager's walk-through found it: warnings and problems in
// her words (each names its field as the form labels it, its link takes her there, no place in
// the file such as `clinic.name` or `therapy_partners[0]` is shown); two Removes in a row, each
// undone, the last first, each said where it was with its own Undo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations } from './browser.mjs';
import { start } from './editor-page.mjs';

/** Any text of a warning or problem (in the summaries, under the fields) that reads like a place in the file. */
const fileTalk = (page) => page.evaluate(() => {
  const text = [...document.querySelectorAll('#book-problems, #warning-summary, .field-warning, .field-error')].map((part) => part.textContent).join('\n');
  return text.match(/in the file|\b[a-z_]+\.[a-z_]+(?:\.[a-z_]+)*\b|\[\d+\]|_cents|_bp\b/g) ?? [];
});

test('warnings and problems say the field as the form labels it and take her to it, with no file paths', async () => {
  const { page, seen, stop } = await start();

  // The sample's first partner practice: warned about as the practice, at the top of its item.
  const warnings = await page.locator('#warning-summary li').allTextContents();
  const partner = warnings.find((text) => text.includes("sample's partner practices"));
  assert.equal(partner.split(': Still')[0], 'Partner physical therapy providers › Partner: Lakeshore Physical Therapy', warnings.join('\n'));
  const plan = warnings.find((text) => text.includes("sample lender's plans"));
  assert.match(plan, /^Financing › Plans › Plan: /, 'a list inside a group says the group too');
  await page.locator('#warning-summary a', { hasText: 'Lakeshore' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Partner: Lakeshore Physical Therapy', 'the cursor on the practice');
  assert.equal(await page.evaluate(() => document.activeElement.closest('details').open), true);
  const first = await page.evaluate(() => document.activeElement.closest('details').querySelector('.item-body').firstElementChild.textContent);
  assert.match(first, /^Still one of the sample's partner practices/, 'said at the top of the practice');
  // A field's warning: the link puts the cursor in the field.
  await page.locator('#warning-summary a', { hasText: 'Clinic › Phone' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.name), 'clinic.phone');
  assert.deepEqual(await fileTalk(page), []);
  assert.deepEqual(await axeViolations(page), []);

  // Two problems: each under its field and in the summary by the form's words, no file path.
  await page.fill('[name="clinic.name"]', '');
  await page.evaluate(() => { document.getElementById('s-administration_fees').open = true; document.querySelector('[id="f-administration_fees.0"]').open = true; });
  await page.fill('[name="administration_fees.0.price_cents"]', '12x');
  await page.locator('#book-problems li').nth(1).waitFor();
  const problems = await page.locator('#book-problems li').allTextContents();
  assert.match(problems[0], /^Clinic › Clinic name: Must not be empty$/, problems.join('\n'));
  assert.match(problems[1], /^Injection fees › Injection fee: .* › Price: Must be an amount in dollars, like 1,200\.00; it is "12x"$/, problems.join('\n'));
  const under = await page.locator('[name="administration_fees.0.price_cents"]').evaluate((input) => input.closest('.field').innerText);
  assert.doesNotMatch(under, /in the file|cents/, under);
  await page.locator('#book-problems a').nth(1).click();
  assert.equal(await page.evaluate(() => document.activeElement.name), 'administration_fees.0.price_cents');
  assert.deepEqual(await fileTalk(page), []);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(seen.errors, []);
  await stop();
});

test('two conditions removed in a row come back with two Undos, the last removed first', async () => {
  const { page, seen, stop } = await start();
  await page.click('#s-conditions > summary');
  const headings = () => page.locator('#s-conditions .items > li:not(.removed) > details > summary').allTextContents();
  const before = await headings();
  assert.ok(before.length >= 4, before.join('\n'));
  const name = (heading) => heading.replace(/^Condition: /, '');
  const removeAt = async (index) => {
    const item = page.locator(`[id="f-conditions.${index}"]`);
    await item.locator('> summary').click();
    await item.locator('button[data-action="remove"]').click();
  };
  const notice = page.locator('#s-conditions .items > li.removed');
  const noticeAt = () => page.evaluate(() => [...document.querySelectorAll('#s-conditions .items > li')].findIndex((li) => li.classList.contains('removed')));

  // The second condition, then the third of what is left (the fourth of the sample's).
  await removeAt(1);
  await removeAt(2);
  assert.deepEqual(await headings(), [before[0], before[2], ...before.slice(4)]);
  assert.equal(await notice.count(), 1);
  assert.equal(await notice.locator('[role=status]').textContent(), `Removed “${name(before[3])}”. Undo`);
  assert.equal(await noticeAt(), 2, 'said where the fourth was, after the first and the third');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Undo');
  assert.deepEqual(await axeViolations(page), []);

  // The first Undo puts back the last removed; the first removed is then said where it was, with
  // its own Undo.
  await notice.locator('button').click();
  assert.deepEqual(await headings(), [before[0], before[2], before[3], ...before.slice(4)]);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), before[3], 'the cursor on the one put back');
  assert.equal(await notice.locator('[role=status]').textContent(), `Removed “${name(before[1])}”. Undo`);
  assert.equal(await noticeAt(), 1, 'said where the second was');

  // The second Undo: the sample's conditions as they were, no notice left, nothing changed.
  await notice.locator('button').click();
  assert.deepEqual(await headings(), before);
  assert.equal(await notice.count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), before[1]);
  assert.equal(await page.locator('#changes tbody tr').count(), 0, 'nothing changed against the book opened');
  assert.deepEqual(await axeViolations(page), []);

  // Another change of the lists ends what Undo can put back: a Remove, then an Add, leave no notice.
  await removeAt(0);
  await page.click('button[data-list="conditions"]');
  assert.equal(await notice.count(), 0);
  assert.deepEqual(seen.errors, []);
  await stop();
});

test('at 360 px every select of the form shows its whole chosen text, wrapped, and nothing scrolls sideways', async () => {
  const { page, seen, stop } = await start(360);
  await page.evaluate(() => { for (const part of document.querySelectorAll('#fields details')) part.open = true; });
  const selects = await page.evaluate(() => [...document.querySelectorAll('#book-form select')].filter((select) => select.offsetParent).map((select) => {
    // The chosen text laid out in a box as wide as the select's text can be (its inner width less
    // its padding and the arrow), in its font: the height it needs to show it whole. The arrow is
    // the engine's own where the page draws the select (base-select: the picker icon and the gap
    // before it, about 18 px), else 2 rem allowed for a native arrow.
    const style = getComputedStyle(select);
    const probe = document.createElement('div');
    const inner = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const icon = getComputedStyle(select, '::picker-icon');
    const arrow = style.appearance === 'base-select' ? parseFloat(icon.width) + parseFloat(icon.marginInlineStart || 0) + (parseFloat(style.columnGap) || 0) : 32;
    Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', width: `${inner - arrow}px`, font: style.font, whiteSpace: 'normal', overflowWrap: 'anywhere' });
    probe.textContent = select.selectedOptions[0]?.text ?? '';
    document.body.append(probe);
    const needed = probe.getBoundingClientRect().height;
    probe.remove();
    const shown = select.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return { name: select.name, text: probe.textContent, needed, shown, scroll: select.scrollWidth, client: select.clientWidth };
  }));
  assert.ok(selects.some((select) => select.name === 'discounts.multi_injection.kind'), selects.map((select) => select.name).join('\n'));
  for (const select of selects) {
    assert.ok(select.scroll <= select.client, `${select.name}: ${select.scroll} > ${select.client}`);
    assert.ok(select.shown + 1 >= select.needed, `${select.name} "${select.text}": ${select.shown} px shown, ${select.needed} px needed`);
  }
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(widths[0] <= widths[1], `the page scrolls sideways: ${widths}`);
  assert.deepEqual(seen.errors, []);
  await stop();
});

test("the lender's note replaced in English only is still warned about at the Spanish text; a partner renamed only, at its address", async () => {
  const { page, seen, stop } = await start();
  await page.evaluate(() => { for (const part of document.querySelectorAll('#fields details')) part.open = true; });
  await page.fill('[name="financing.disclaimer.en"]', 'Financing by Sunfield Lending; credit approval required.');
  const spanish = page.locator('[name="financing.disclaimer.es"]');
  assert.match(await spanish.inputValue(), /de ejemplo/);
  await page.waitForFunction(() => document.querySelector('[name="financing.disclaimer.es"]').closest('.field').querySelector('.field-warning'));
  const under = await spanish.evaluate((box) => box.closest('.field').querySelector('.field-warning').textContent);
  assert.match(under, /sample terms/, under);
  const english = await page.locator('[name="financing.disclaimer.en"]').evaluate((box) => box.closest('.field').querySelector('.field-warning')?.textContent ?? '');
  assert.doesNotMatch(english, /sample/, 'the English replaced is not warned about');
  await page.fill('[name="therapy_partners.0.name"]', 'Saguaro Sports Rehab');
  await page.waitForFunction(() => document.querySelector('[name="therapy_partners.0.npi"]').closest('.field').querySelector('.field-warning'));
  const summary = (await page.locator('#warning-summary li').allTextContents()).join('\n');
  assert.match(summary, /Partner: [^›]+ › NPI: Still the sample partner's/, summary);
  assert.doesNotMatch(summary, /Billing code: Still/, 'a billing code is the same at every practice');
  assert.deepEqual(seen.errors, []);
  await stop();
});
