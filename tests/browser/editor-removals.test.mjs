// Two Removes in a row in the price-book editor: each is undone, the last first, each said where
// it was with its own Undo, and both conditions come back at their places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launch, watch } from './browser.mjs';
import { serve } from './server.mjs';

test('two conditions removed in a row come back with two Undos, the last removed first', async () => {
  const server = await serve();
  const browser = await launch();
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const seen = await watch(page);
  await page.goto(`${server.url}editor.html?sample`);
  await page.locator('#editing').waitFor();
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
  await browser.close();
  await server.close();
});
