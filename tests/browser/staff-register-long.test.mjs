// A long register on the staff page (issue 21): 60 estimates recorded, the list shows the first
// 50 and says so, "Show 50 more" lists the rest and takes focus to the first new entry, a search
// finds an entry wherever it sits, and recording how one was given redraws only the 50 listed.
// The records are real saved quotes (register-records.mjs); the page's clock is their issue day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, session, watch } from './browser.mjs';
import { records, seed, TODAY } from './register-records.mjs';

const shared = session();
const { shots } = shared;
const COUNT = 60;
const all = records(COUNT);

/** The staff page in `context` at `width`, its clock fixed, once the register holds COUNT. */
async function staffPage(context, width) {
  const page = await context.newPage();
  await page.clock.setFixedTime(TODAY);
  await page.setViewportSize({ width, height: 900 });
  const seen = await watch(page);
  await page.goto(`${shared.server.url}staff.html`);
  await page.locator('#register-summary', { hasText: `${COUNT} estimates in the register.` }).waitFor();
  return { page, seen };
}

const entries = (page) => page.locator('#register-list li.register-entry');

for (const width of [360, 1280]) {
  test(`at ${width} px: 50 listed of ${COUNT}, the rest on asking, a search finds any, a change redraws 50`, async () => {
    const context = await launch();
    try {
      // The page makes the register's database; then the records go in, as the page keeps them.
      const first = await context.newPage();
      await first.clock.setFixedTime(TODAY);
      await first.goto(`${shared.server.url}staff.html`);
      await first.waitForFunction(() => document.getElementById('register-summary').textContent.length > 0);
      await seed(first, all);
      await first.close();
      const { page, seen } = await staffPage(context, width);
      assert.equal(await entries(page).count(), 50);
      assert.equal(await page.textContent('#register-listed'), `Showing the first 50 of ${COUNT}: search above to find one, or show more.`);
      assert.ok(await page.locator('#register-more').isVisible());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'nothing scrolls sideways');
      await page.locator('#register-more').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}register-long-${width}.png` });

      // The rest, on asking: all 60, nothing more to show, focus on the 51st.
      const fiftyFirst = await entries(page).nth(50).count();
      assert.equal(fiftyFirst, 0, 'the 51st is not drawn before asking');
      await page.click('#register-more');
      assert.equal(await entries(page).count(), COUNT);
      assert.equal(await page.locator('#register-more').isVisible(), false);
      assert.equal(await page.locator('#register-listed').isVisible(), false);
      assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.dataset.number), await entries(page).nth(50).getAttribute('data-number'));

      // A search finds one wherever it sits, and lists 50 again once cleared.
      const last = await entries(page).nth(COUNT - 1).getAttribute('data-number');
      await page.fill('#register-query', last);
      assert.equal(await entries(page).count(), 1);
      await page.fill('#register-query', '');
      assert.equal(await entries(page).count(), 50);

      // Recording how the first was given: it says so, and the list is still the first 50.
      const form = entries(page).first().locator('form');
      await form.locator('select').selectOption('paper');
      await form.locator('button[type="submit"]').click();
      await entries(page).first().filter({ hasText: 'Given on paper' }).waitFor();
      assert.equal(await entries(page).count(), 50);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });
}
