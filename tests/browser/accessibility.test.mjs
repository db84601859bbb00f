// Accessibility: axe-core finds no violations on the visitor page and the staff page, in the states
// a person sees them: the visitor page as loaded, with the PT insurance fields shown and with an
// error shown, at desktop and phone width; the staff page as loaded and with a quote filled in.
//
// axe runs its default rule set (WCAG 2.0, 2.1 and 2.2 A and AA, and best practices), including
// inside the widget's open shadow root. The pages are served under the same strict Content Security
// Policy as in every other browser test (script-src 'self'): axe is not added as a <script> (the
// policy would block an inline one) but evaluated through the DevTools protocol with
// `page.evaluate`, which the policy does not govern, so no CSP bypass is needed. Its CSSOM preload
// is turned off: it copies stylesheets into inline <style> elements, which the policy rightly
// blocks, and only css-orientation-lock uses it, a rule outside the default set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fillTwoProviderQuote, session, watch } from './browser.mjs';
import { CONTENT_SECURITY_POLICY } from './server.mjs';

const require = createRequire(new URL('../../.ci/package.json', import.meta.url));
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Violations known and reported, not yet fixed. Each entry names the page (its path), the axe rule
 * id, and either one element (`target`, axe's selector as printed by `found`) or a container whose
 * contents it covers (`within`, a CSS selector); `why` says what is wrong. Anything else still
 * fails. Remove an entry when its page is fixed (the test then says it no longer matches).
 */
const KNOWN_VIOLATIONS = [];

const shared = session();

/** axe's selector for a node; inside a shadow root axe gives the path, host first. */
const selector = (target) => target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' ');

/** Allow-list entries that matched an element, by index, so the ones that no longer do can be named. */
const used = new Set();

/** Runs axe on `page` and returns its violations not in the allow-list, one line per element. */
async function found(page, path) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const scopes = KNOWN_VIOLATIONS.filter((entry) => entry.page === path && entry.within).map((entry) => entry.within);
  const nodes = await page.evaluate(async (scopes) => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'], elementRef: true, preload: false });
    return violations.flatMap((violation) => violation.nodes.map((node) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      target: node.target,
      summary: node.failureSummary,
      within: scopes.filter((scope) => node.element?.closest(scope)),
    })));
  }, scopes);
  const known = (node) => {
    const index = KNOWN_VIOLATIONS.findIndex((entry) => entry.page === path && entry.rule === node.rule
      && (entry.target === selector(node.target) || node.within.includes(entry.within)));
    if (index >= 0) used.add(index);
    return index >= 0;
  };
  return nodes.filter((node) => !known(node))
    .map((node) => `${node.rule} (${node.impact}) at ${selector(node.target)}: ${node.help}. ${node.summary}`);
}

async function open(path, width) {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  const seen = await watch(page);
  await page.goto(`${shared.server.url}${path}`);
  return { page, seen };
}

for (const [name, width] of [['desktop', 1200], ['phone', 360]]) {
  test(`${name}: the visitor page has no accessibility violations as loaded, with insurance fields and with an error`, async () => {
    const { page, seen } = await open('', width);
    // Locators reach into the widget's open shadow root.
    await page.locator('#total', { hasText: /^\$/ }).waitFor();
    assert.deepEqual(await found(page, '/'), [], 'as loaded');

    for (const id of ['lines-section', 'pay-section', 'compare-section']) {
      await page.locator(`#${id}`).evaluate((details) => { details.open = true; });
    }
    assert.deepEqual(await found(page, '/'), [], 'with every section open');

    await page.check('input[name="physical_therapy.coverage"][value="insurance"]');
    await page.locator('#coinsurance').waitFor();
    assert.deepEqual(await found(page, '/'), [], 'with the PT insurance fields');

    await page.fill('#coinsurance', '120');
    await page.locator('#coinsurance').blur(); // judged as the visitor leaves the box
    await page.locator('#coinsurance-error').waitFor();
    await page.locator('#error-summary').waitFor();
    assert.deepEqual(await found(page, '/'), [], 'with an error under its field and in the summary');

    assert.deepEqual(seen.violations, [], 'axe ran without loosening the Content Security Policy');
    await page.close();
  });
}

test('the staff page has no accessibility violations as loaded, with a quote filled in and refused', async () => {
  const { page, seen } = await open('staff.html', 1300);
  await page.locator('#status', { hasText: /./ }).waitFor();
  assert.deepEqual(await found(page, '/staff.html'), [], 'as loaded');

  await fillTwoProviderQuote(page);
  await page.locator('#status', { hasText: /^Good Faith Estimate GFE-/ }).waitFor();
  assert.deepEqual(await found(page, '/staff.html'), [], 'with a quote filled in');

  // A refused answer after a good quote: the messages, the summary, the outputs marked off and the
  // document marked as not matching the form.
  await page.fill('#pt-npi', '1234567803');
  await page.locator('#pt-npi-error').waitFor();
  await page.locator('#stale-notice').waitFor();
  assert.deepEqual(await found(page, '/staff.html'), [], 'with the form refused');

  assert.deepEqual(seen.violations, [], 'axe ran without loosening the Content Security Policy');
  await page.close();
});

for (const [name, width] of [['desktop', 1280], ['phone', 360]]) {
  test(`${name}: the price-book editor has no accessibility violations opened, with every section open, and with problems and a warning`, async () => {
    const { page, seen } = await open('editor.html', width);
    assert.deepEqual(await found(page, '/editor.html'), [], 'before a book is opened');
    await page.click('#start-sample');
    await page.locator('#widget-preview .widget-host').waitFor();
    assert.deepEqual(await found(page, '/editor.html'), [], 'with the sample opened');
    for (const part of await page.locator('#fields details').all()) await part.evaluate((details) => { details.open = true; });
    assert.deepEqual(await found(page, '/editor.html'), [], 'with every section open');
    // Problems: a price that is not an amount and a bad NPI, each under its field and in the summary.
    await page.fill('[name="walking_boot.price_cents"]', '12o0');
    await page.fill('[name="clinic.npi"]', '1234567890');
    await page.locator('#book-problems li').nth(1).waitFor();
    assert.deepEqual(await found(page, '/editor.html'), [], 'with problems at their fields');
    // A likely unit mistake: a vial at $11.00, to confirm.
    await page.fill('[name="walking_boot.price_cents"]', '165.00');
    await page.fill('[name="clinic.npi"]', '1234567893');
    await page.fill('[name="products.0.price_cents"]', '11');
    await page.fill('#f-version', '2026.12');
    await page.locator('#book-problems').waitFor({ state: 'hidden' });
    assert.deepEqual(await found(page, '/editor.html'), [], 'with a warning to confirm');
    // Opening another book with changes not downloaded: the dialog that asks first.
    await page.click('#start-sample');
    await page.locator('#replace-dialog[open]').waitFor();
    assert.deepEqual(await found(page, '/editor.html'), [], 'with the dialog asking before replacing changes');
    await page.click('#replace-dialog button[value="keep"]');
    // Downloaded: the message for the web person and the lines for the site.
    // Each confirmation redraws the warnings: confirm the first one left until none is.
    while (await page.locator('.field-warning input:not(:checked)').count() > 0) {
      await page.locator('.field-warning input:not(:checked)').first().evaluate((box) => box.click());
    }
    await page.locator('#download[aria-disabled=false]').waitFor();
    await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    await page.locator('#publish').waitFor();
    for (const part of await page.locator('#publish details').all()) await part.evaluate((details) => { details.open = true; });
    assert.deepEqual(await found(page, '/editor.html'), [], 'with the book downloaded and the message for the web person');
    assert.deepEqual(seen.violations, [], 'axe ran without loosening the Content Security Policy');
    await page.close();
  });
}

test('the widget with its book inside the embed, and the staff page with a book opened from a file, have no accessibility violations', async () => {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const seen = await watch(page);
  // A clinic's page with the book inside the widget's element (as the editor's code writes it),
  // served under the same policy as every page here.
  const book = JSON.parse(readFileSync(new URL('../../src/price_book/default.json', import.meta.url), 'utf8'));
  const address = `${shared.server.url}clinic-with-the-book-inside.html`;
  await page.route(address, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    headers: { 'content-security-policy': CONTENT_SECURITY_POLICY },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our prices</title></head><body><main><h1>Our prices</h1>
<script type="module" src="/estimator/estimator.js"></script>
<amnion-estimator><script type="application/json">${JSON.stringify({ ...book, sample_data: false }).replace(/</g, '\\u003c')}</script></amnion-estimator></main></body></html>`,
  }));
  await page.goto(address);
  await page.locator('#total', { hasText: /^\$/ }).waitFor();
  assert.deepEqual(await found(page, '/clinic-with-the-book-inside.html'), [], 'the widget priced from the book inside');

  await page.goto(`${shared.server.url}staff.html`);
  await page.locator('#book-version', { hasText: 'sample price book' }).waitFor();
  await page.setInputFiles('#open-book', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ "conditions": 3 }') });
  await page.locator('#book-file-error').waitFor();
  assert.deepEqual(await found(page, '/staff.html'), [], 'with a file refused as a price book');
  await Promise.all([
    page.waitForEvent('load'),
    page.setInputFiles('#open-book', { name: 'price-book.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...book, version: '2026.12' })) }),
  ]);
  await page.locator('#book-version', { hasText: 'price book 2026.12, opened from price-book.json' }).waitFor();
  assert.deepEqual(await found(page, '/staff.html'), [], 'quoting from a book opened from a file');
  // The next test's staff page starts with no book kept.
  await page.evaluate(() => new Promise((resolve) => { indexedDB.deleteDatabase('amnion-estimator').onsuccess = resolve; }));
  assert.deepEqual(seen.violations, [], 'axe ran without loosening the Content Security Policy');
  await page.close();
});

// Runs last (node:test keeps a file's order), after every state above was checked.
test('every allow-listed violation still occurs', () => {
  const fixed = KNOWN_VIOLATIONS.filter((_, index) => !used.has(index));
  assert.deepEqual(fixed, [], 'fixed: take these out of KNOWN_VIOLATIONS');
});
