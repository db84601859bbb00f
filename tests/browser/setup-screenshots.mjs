// The screenshots of docs/setup.md, taken from the editor as it is: `make setup-screenshots`
// (after `make build`). Not a test: it writes docs/setup-opened.png, setup-problem.png,
// setup-csv.png, setup-save.png and setup-staff-book.png, for a person to look at before
// committing them. Each waits for what it shows, so a rerun stops where the editor no longer
// shows it.
import { readFileSync } from 'node:fs';
import { launch } from './browser.mjs';
import { serve } from './server.mjs';

const docs = new URL('../../docs/', import.meta.url).pathname;
const server = await serve();
const browser = await launch();
const page = await browser.newPage();
await page.setViewportSize({ width: 1280, height: 800 });
await page.goto(`${server.url}editor.html`);
await page.click('#start-sample');
await page.locator('#widget-preview .widget-host').waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: `${docs}setup-opened.png` });

/** Opens the sections around the control `name` and types `text` into it. */
async function type(name, text) {
  const control = page.locator(`[name="${name}"]`);
  await control.evaluate((element) => {
    for (let part = element.closest('details'); part; part = part.parentElement.closest('details')) part.open = true;
  });
  await control.fill(text);
}

await type('walking_boot.price_cents', '16x5');
await page.locator('[name="walking_boot.price_cents"]').scrollIntoViewIfNeeded();
await page.evaluate(() => document.querySelector('[name="walking_boot.price_cents"]').closest('fieldset, .group').scrollIntoView({ block: 'center' }));
await page.screenshot({ path: `${docs}setup-problem.png` });

// A spreadsheet brought back with a typo'd boot price: questioned in its preview, then cancelled.
await type('walking_boot.price_cents', '165.00');
const csv = 'item,code,cash price\nwalking_boot,L4361,1000000\nfollow_up,99213,125.00\n';
await page.setInputFiles('#import-csv', { name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
await page.locator('#csv-changes .csv-warning').waitFor();
await page.locator('#csv-preview').screenshot({ path: `${docs}setup-csv.png` });
await page.click('#csv-cancel');

await type('walking_boot.price_cents', '170.00');
await type('clinic.name', 'Hillside Foot & Ankle');
await type('clinic.phone', '(512) 555-0199');
await type('clinic.email', 'billing@hillside.example');
await type('clinic.address.street', '12 Hill St');
await type('clinic.address.zip', '78702');
await type('clinic.npi', '1245319599');
await type('clinic.tin', '98-7654321');
await page.uncheck('[name="sample_data"]');
await page.fill('#f-version', '2026.12');
await page.fill('#f-effective_date', '2026-12-01');
// What is left of the sample (its lender's plans, its partner practices) confirmed, as a clinic
// that keeps them would.
while (await page.locator('.field-warning input:not(:checked)').count() > 0) {
  await page.locator('.field-warning input:not(:checked)').first().evaluate((box) => box.click());
}
await page.locator('#download[aria-disabled=false]').waitFor();
const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
await page.locator('#publish').waitFor();
await page.locator('.publish-when', { hasText: 'December 1, 2026' }).waitFor();
await page.locator('.save-step').screenshot({ path: `${docs}setup-save.png` });

// The staff page of a site with no price book file: the book opened from the downloaded file.
await page.goto(`${server.url}staff.html`);
await page.locator('#book-version', { hasText: 'sample' }).waitFor();
await Promise.all([page.waitForEvent('load'), page.setInputFiles('#open-book', { name: file.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await file.path()) })]);
await page.locator('#book-version', { hasText: '2026.12' }).waitFor();
await page.locator('.intro').screenshot({ path: `${docs}setup-staff-book.png` });
await browser.close();
await server.close();
console.log('wrote docs/setup-opened.png, setup-problem.png, setup-csv.png, setup-save.png, setup-staff-book.png');
