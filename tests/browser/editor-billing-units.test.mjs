// The price-book editor shows a product's billing units (declared once in
// src/price_book/document.rs): off until switched on, and written to the download when filled in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, watch } from './browser.mjs';
import { serve } from './server.mjs';

test('a product\'s billing units are on the editor\'s form, off until switched on, and downloaded', async () => {
  const server = await serve();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const seen = await watch(page);
    await page.goto(`${server.url}editor.html`);
    await page.click('#start-sample');
    await page.locator('#editing').waitFor();
    const on = page.locator('[name="products.1.billing_units._on"]');
    await on.waitFor({ state: 'attached' });
    await on.evaluate((element) => {
      for (let part = element.closest('details'); part; part = part.parentElement.closest('details')) part.open = true;
    });
    assert.equal(await on.isChecked(), false, 'the sample bills its codes one per product');
    assert.match(await on.evaluate((element) => element.closest('label').textContent), /Its HCPCS code is billed in other units than one per product/);
    await on.check();
    await page.fill('[name="products.1.billing_units.unit.en"]', '1 cc');
    await page.fill('[name="products.1.billing_units.unit.es"]', '1 cc');
    await page.fill('[name="products.1.billing_units.per_product"]', '2');
    await page.fill('[name="version"]', '2026.12');
    // No problem at them; the sample's leftovers (its clinic, partners, lender) confirmed as they are.
    assert.deepEqual((await page.locator('.field-error').allTextContents()).filter(Boolean), []);
    for (const box of await page.locator('.field-warning input[type=checkbox]').all()) await box.check();
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const book = JSON.parse(readFileSync(await file.path(), 'utf8'));
    assert.deepEqual(book.products[1].billing_units, { unit: { en: '1 cc', es: '1 cc' }, per_product: 2 });
    assert.equal(book.products[0].billing_units, undefined, 'written only where given');
    assert.deepEqual(seen.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
