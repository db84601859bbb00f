// The benchmark behind `make bench` (not a test: these machines are shared and noisy, so it only
// prints figures). In headless Chromium, on 127.0.0.1:
// - load: navigation start to the first estimate on screen, against the same host page without
//   the widget, both measured in the same run, median of RUNS fresh page loads each: a returning
//   visitor (HTTP cache warm), a first visit (cache cleared), and a first visit over a slow mobile
//   link (DevTools throttling: 150 ms added to each request, 1.6 Mbit/s down), the files
//   brotli-compressed as a clinic's server would send them; with the ratio of the two (the visitor
//   issue's target: at most 1.5 over the slow link), when the widget is ready to take answers, and
//   the bytes that had arrived when the first estimate was on screen and in all. Over the slow link
//   also with a clinic's own price book, which the widget fetches, and each with the README's
//   preload line for the module;
// - update: one answer changed to the new total on screen (the page's whole input handler:
//   estimate, breakdown, payment options and comparison), median of UPDATES changes, on the visitor
//   widget with the sample book and with a clinic's own, and on the staff page (a new Good Faith
//   Estimate on screen); with the calls into the module one change makes, and the validations and
//   estimates it does;
// - the price-book editor: the calls into the module and the validations of each of its actions
//   (a price typed, a warning confirmed, an item moved, removed and added, Download). With
//   BEFORE_WWW (`make bench BEFORE=<git revision>`), the loads, the updates and the editor's
//   counts of that revision's build too, in the same run;
// - validation: reading and checking the sample price book, a book at every list limit, and one
//   far past them (200,000 conditions), median of 50 each;
// - every engine: the first visit over the slow link in Chromium, Firefox and WebKit alike
//   (engines.mjs), the link made by the server instead of DevTools (Chromium's only), median of
//   ENGINE_RUNS fresh browsers each: the page alone, the sample preloaded, a clinic's own book
//   preloaded;
// - the widget's cost to a clinic's article page (bench-article.mjs): its LCP and load event with
//   the widget below the fold and without it, and a scroll to the widget to its first amount.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { countCrossings, launch } from './browser.mjs';
import { ENGINES, closeEngines, launchEngine } from './engines.mjs';
import { articleBench, writeArticle } from './bench-article.mjs';

const RUNS = 15;
const UPDATES = 200;
const fixtures = mkdtempSync(join(tmpdir(), 'estimator-bench-'));
// The host page, alone or with the README's embed for a widget at the top of a page: the script, the
// element (`loading="eager"`; with `book`, a clinic's own price book), and with `preload` the lines
// that start the module's download (and the book's) with the page's.
const host = (widget, { preload = false, book = null } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<link rel="stylesheet" href="../page.css">${preload ? '<link rel="preload" href="../dist/amnion_estimator_bg.wasm" as="fetch">' : ''}${preload && book ? `<link rel="preload" href="${book}" as="fetch">` : ''}${widget ? '<script type="module" src="../dist/estimator.js"></script>' : ''}</head>
<body><main><h1>Our clinic</h1><p>Some of the clinic's own content.</p>${widget ? `<amnion-estimator loading="eager"${book ? ` price-book="${book}"` : ''}></amnion-estimator>` : ''}</main></body></html>`;
writeFileSync(join(fixtures, 'with.html'), host(true));
writeFileSync(join(fixtures, 'without.html'), host(false));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// Brotli-compressed, as a clinic's server sends the files: the throttled loads pay for those bytes.
const server = await serve(fixtures, { compress: true });
const browser = await launch();

/**
 * A slow mobile link, in the units of the DevTools protocol: Lighthouse's "slow 4G" figures (150 ms,
 * 1.6 Mbit/s down, 750 kbit/s up) applied per request. Lighthouse's own DevTools throttling
 * multiplies the latency by 3.75 to stand for the round trips of a new connection, so its figures
 * come out slower than these.
 */
const SLOW_MOBILE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/**
 * `ready`'s result on `path` of the build `at` serves, for RUNS fresh pages. Each is a new page in
 * the same browser, so the HTTP cache is warm after the first (a returning visitor) unless `cold`
 * clears it first; `network` throttles the link.
 */
async function loadTimes(at, path, ready, { cold = false, network = null, marksReady } = {}) {
  const results = [];
  for (let run = 0; run < RUNS; run += 1) {
    const page = await browser.newPage();
    if (marksReady !== undefined) await page.addInitScript(watchLoad, marksReady);
    const devtools = await page.context().newCDPSession(page);
    if (cold) await devtools.send('Network.clearBrowserCache');
    if (network) await devtools.send('Network.emulateNetworkConditions', network);
    const raw = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.wasm') && response.headers()['content-encoding'] !== 'br') raw.push(response.url());
    });
    await page.goto(`${at.url}fixtures/${path}`);
    results.push(await page.evaluate(ready));
    // Over the throttled link the module must come compressed, or the figure would be of raw bytes.
    if (network && raw.length) throw new Error(`not sent brotli-compressed: ${raw.join(', ')}`);
    await page.close();
  }
  return results;
}

// The host page alone: its load event, as the navigation timing recorded it.
const loaded = () => new Promise((resolve) => {
  const done = () => setTimeout(() => resolve({ estimate: performance.getEntriesByType('navigation')[0].loadEventStart }));
  if (document.readyState === 'complete') done(); else addEventListener('load', done);
});
/**
 * Installed in every page before its own scripts: from the first frame on, each frame notes the
 * first with the widget's total on screen (reading `$...`) and the first with the widget ready to
 * take answers (`data-ready` on the element; a build without that mark, `marksReady` false, takes
 * answers from its first estimate on). Polling from the start, not from when the page's load
 * event lets the benchmark in, so an estimate shown before that event is timed as such.
 */
function watchLoad(marksReady) {
  window.__load = {};
  const frame = () => {
    const widget = document.querySelector('amnion-estimator');
    const now = performance.now();
    if (widget?.shadowRoot?.getElementById('total')?.textContent.startsWith('$')) window.__load.estimate ??= now;
    if (window.__load.estimate !== undefined && (!marksReady || widget.hasAttribute('data-ready'))) window.__load.ready ??= now;
    if (window.__load.ready === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * The first estimate on screen and the widget ready (as `watchLoad` noted them), and the bytes
 * downloaded, as sent (brotli, as `make size` counts them): those that had arrived when the first
 * estimate was on screen, and all of them once the widget is ready and half a second has passed,
 * for anything it loads afterwards.
 */
const estimateOnScreen = () => new Promise((resolve, reject) => {
  const check = () => {
    if (window.__load.ready !== undefined) resolve(window.__load);
    else if (performance.now() > 60000) reject(new Error('no estimate on screen after 60 s'));
    else setTimeout(check, 50);
  };
  check();
}).then(async ({ estimate, ready }) => {
  await new Promise((resolve) => { setTimeout(resolve, 500); });
  const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  const bytes = (list) => list.reduce((sum, entry) => sum + entry.encodedBodySize, 0);
  return { estimate, ready, before: bytes(entries.filter((entry) => entry.responseEnd <= estimate)), all: bytes(entries) };
});

// A clinic's own price book (a copy of the sample), as a clinic's site passes it.
writeFileSync(join(fixtures, 'book.json'), readFileSync(new URL('../../src/price_book/default.json', import.meta.url)));
writeFileSync(join(fixtures, 'own-book.html'), host(true, { book: 'book.json' }));
writeFileSync(join(fixtures, 'with-preload.html'), host(true, { preload: true }));
writeFileSync(join(fixtures, 'own-book-preload.html'), host(true, { preload: true, book: 'book.json' }));
// This build, and with BEFORE_WWW another revision's, served alike (brotli) and measured in turn.
const builds = [['after', server]];
if (process.env.BEFORE_WWW) builds.unshift(['before', await serve(fixtures, { www: process.env.BEFORE_WWW, compress: true })]);
const marksReady = (build) => readFileSync(build === 'after' ? new URL('../../www/dist/estimator.js', import.meta.url) : join(process.env.BEFORE_WWW, 'dist/estimator.js'), 'utf8').includes('data-ready');

const loads = [];
for (const [kind, options] of [
  ['returning visitor', {}],
  ['first visit', { cold: true }],
  ['first visit, slow mobile link', { cold: true, network: SLOW_MOBILE }],
]) {
  const without = median((await loadTimes(server, 'without.html', loaded, options)).map((load) => load.estimate));
  for (const [build, at] of builds) {
    for (const [book, path] of [
      ['sample book', 'with.html'], ['sample, preloaded', 'with-preload.html'],
      ['clinic\'s own book', 'own-book.html'], ['own, preloaded', 'own-book-preload.html'],
    ]) {
      // The clinic's own book and the preload line only over the slow link, where a round trip shows.
      if (book !== 'sample book' && !options.network) continue;
      const runs = await loadTimes(at, path, estimateOnScreen, { ...options, marksReady: marksReady(build) });
      const of = (key) => median(runs.map((run) => run[key]));
      loads.push({ kind, build, book, cold: Boolean(options.cold), without, estimate: of('estimate'), ready: of('ready'), before: of('before'), all: of('all') });
    }
  }
}

/**
 * One answer changed UPDATES times on `path` of the build `server` serves, as a visitor changes a
 * select: `input`, then `change`, as the browser fires them. Returns each change's time, and the
 * crossings, validations and estimates of one change.
 */
async function keystrokes(server, path, select, values, ready, prepare = async () => {}) {
  const page = await browser.newPage();
  await page.addInitScript(countCrossings);
  await page.goto(`${server.url}${path}`);
  await page.locator(ready).first().waitFor();
  await prepare(page);
  const result = await page.evaluate(({ select, values, updates }) => {
    const root = document.querySelector('amnion-estimator')?.shadowRoot ?? document;
    const control = root.querySelector(select);
    const counts = () => ({
      crossings: window.__crossings,
      validations: window.__module.validationCount?.() >>> 0,
      estimates: window.__module.estimateCount?.() >>> 0,
      quotes: window.__module.quoteCount?.() >>> 0,
    });
    const change = (value) => {
      control.value = value;
      for (const type of ['input', 'change']) control.dispatchEvent(new Event(type, { bubbles: true }));
    };
    change(values[1]);
    const before = counts();
    change(values[0]); // the handlers run synchronously
    const after = counts();
    const times = [];
    for (let i = 0; i < updates; i += 1) {
      const value = values[i % values.length];
      const start = performance.now();
      change(value);
      times.push(performance.now() - start);
    }
    const counted = window.__module.estimateCount !== undefined;
    return {
      times,
      crossings: after.crossings - before.crossings,
      validations: counted ? after.validations - before.validations : null,
      estimates: counted ? after.estimates - before.estimates : null,
      quotes: counted ? after.quotes - before.quotes : null,
    };
  }, { select, values, updates: UPDATES });
  await page.close();
  return result;
}

const pages = [
  ['visitor, sample book', '', '#injections', ['1', '2', '3', 'not_sure'], '#total'],
  ['visitor, clinic\'s own book', 'fixtures/own-book.html', '#injections', ['1', '2', '3', 'not_sure'], '#total'],
  ['staff, clinic\'s own book', 'staff.html?price-book=fixtures/book.json', '#injections', ['1', '2', '3'], '#status', async (page) => {
    await page.check('input[name="coverage"][value="self_pay"]');
    await page.fill('#patient-name', 'Ana Ruiz');
    await page.fill('#dob', '1970-03-04');
    await page.check('input[name="side"][value="left"]');
    await page.selectOption('#condition', { index: 1 }); // the first of the book's, after "Choose…"
    await page.selectOption('#product', { index: 1 });
    await page.selectOption('#injections', '1');
    await page.check('#prompt-pay-included');
    await page.locator('.gfe').waitFor(); // a real quote on screen, so each change makes a new one
  }],
];
const updates = [];
for (const [name, path, select, values, ready, prepare] of pages) {
  for (const [build, at] of builds) updates.push({ name, build, ...(await keystrokes(at, path, select, values, ready, prepare)) });
}

/**
 * The price-book editor's actions on the sample book, as a person does each (a price typed, a
 * warning's box ticked, an item moved up, removed, added, the new item removed again, Download
 * once the book is ready), with the calls into the module and the validations of each. Counted from
 * just before the action to a second after it, so that what the page does later because of it (a
 * build that rebuilt the widget preview 300 ms after a change) counts with it. `prepare`, when
 * given, runs first and is not counted.
 */
const EDITOR_ACTIONS = [
  ['change a price', () => {
    const price = document.querySelector('[name="products.0.price_cents"]');
    price.value = '1,250.00';
    price.dispatchEvent(new Event('input', { bubbles: true }));
  }],
  ['confirm a warning', () => document.querySelector('.field-warning input[type=checkbox]:not(:checked)').click()],
  ['move an item up', () => document.querySelector('button.item-up[data-item="products.1"]').click()],
  ['remove an item', () => document.querySelector('button.item-remove[data-item="extras.1"]').click()],
  ['add an item', () => document.querySelector('button[data-list="extras"]').click()],
  ['remove the new item', () => [...document.querySelectorAll('button.item-remove[data-item^="extras."]')].at(-1).click()],
  ['download', () => document.getElementById('download').click(), () => {
    const version = document.getElementById('f-version');
    version.value = '2026.12-bench';
    version.dispatchEvent(new Event('input', { bubbles: true }));
    for (let left = 20; left > 0; left -= 1) {
      const box = document.querySelector('.field-warning input[type=checkbox]:not(:checked)');
      if (!box) break;
      box.click();
    }
  }],
];
async function editorActions(server) {
  const page = await browser.newPage();
  await page.addInitScript(countCrossings);
  page.on('pageerror', (error) => console.error(`editor.html: ${error.message}`));
  await page.goto(`${server.url}editor.html?sample`);
  await page.locator('#widget-preview .widget-host').waitFor();
  const counts = () => page.evaluate(() => ({ crossings: window.__crossings, validations: window.__module.validationCount() >>> 0 }));
  const results = [];
  for (const [action, act, prepare] of EDITOR_ACTIONS) {
    if (prepare) {
      await page.evaluate(prepare);
      await page.waitForTimeout(1000);
    }
    const before = await counts();
    await page.evaluate(act);
    await page.waitForTimeout(1000);
    const after = await counts();
    results.push({ action, crossings: after.crossings - before.crossings, validations: after.validations - before.validations });
  }
  // Download's counts are of a book downloaded: the next step (publishing it) shows.
  if (await page.locator('#publish').isHidden()) console.error('editor: Download was refused, so its counts are of a refusal');
  await page.close();
  return results;
}
const editorCounts = [];
for (const [build, at] of builds) editorCounts.push(...(await editorActions(at)).map((result) => ({ build, ...result })));

/**
 * How long the module takes to read and check a price book (`new Estimator(book)`, the full
 * module), median of 50: the sample, a book at every list limit, and one far past them, which must
 * be refused as fast.
 */
async function validationTimes() {
  const sample = JSON.parse(readFileSync(new URL('../../src/price_book/default.json', import.meta.url), 'utf8'));
  const copies = (list, count, change) => Array.from({ length: count }, (_, i) => change(structuredClone(list[i % list.length]), i));
  const atLimits = structuredClone(sample);
  atLimits.conditions = copies(sample.conditions, 100, (c, i) => ({ ...c, id: `condition_${i}` }));
  atLimits.products = copies(sample.products, 50, (p, i) => ({ ...p, id: `product_${i}` }));
  // The sample's own fees first (the conditions' procedure codes), then fees for other codes.
  atLimits.administration_fees = [...sample.administration_fees,
    ...copies(sample.administration_fees, 50 - sample.administration_fees.length, (f, i) => ({ ...f, code: `2${String(i).padStart(4, '0')}` }))];
  atLimits.extras = copies(sample.extras, 100, (e, i) => ({ ...e, id: `extra_${i}` }));
  atLimits.good_faith_estimate.separately_scheduled = copies(sample.good_faith_estimate.separately_scheduled, 20, (t) => t);
  atLimits.financing.plans = copies(sample.financing.plans, 20, (p, i) => ({ ...p, id: `plan_${i}` }));
  atLimits.therapy_partners = copies(sample.therapy_partners, 20, (p, i) => ({ ...p, id: `partner_${i}` }));
  // Two and three vials of each product at the single price: 100 packages, every rule kept.
  atLimits.discounts.multi_injection = {
    kind: 'package_prices', label: 'Package price',
    packages: atLimits.products.flatMap((p) => [2, 3].map((n) => ({ product: p.id, injections: n, price_cents: p.price_cents * n }))),
  };

  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`validate.html: ${error.message}`));
  page.on('console', (message) => console.error(`validate.html: ${message.text()}`));
  await page.goto(`${server.url}fixtures/validate.html`);
  await page.waitForFunction(() => window.Estimator);
  const result = await page.evaluate(({ books, runs }) => {
    // Made here, not sent: 200,000 conditions are too large to pass to the page.
    const huge = structuredClone(books[0][1]);
    huge.conditions = Array.from({ length: 200_000 }, (_, i) => ({ ...books[0][1].conditions[0], id: `condition_${i}` }));
    books.push(['200,000 conditions', huge]);
    return books.map(([name, book]) => {
    const times = [];
    let outcome = 'accepted';
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      try {
        new window.Estimator(book, 'en').free();
      } catch (error) {
        outcome = `refused: ${error.message.split('\n').at(-1)}`;
      }
      times.push(performance.now() - start);
    }
    return { name, times, outcome };
    });
  }, { books: [['the sample book', sample], ['a book at every limit', atLimits]], runs: 50 });
  await page.close();
  return result;
}
writeFileSync(join(fixtures, 'validate.js'), "import init, { Estimator } from '../pkg-staff/amnion_estimator.js'; await init(); window.Estimator = Estimator;");
writeFileSync(join(fixtures, 'validate.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Validate</title><script type="module" src="validate.js"></script></head><body></body></html>');
const validations = await validationTimes();
writeArticle(fixtures);
await articleBench(browser, server, SLOW_MOBILE);

const ms = (value) => `${value.toFixed(1)} ms`;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
console.log(`load, median of ${RUNS} fresh pages: navigation to the first estimate on screen, against the same host page alone (its load event);`);
console.log('"ready": the widget takes answers; bytes as sent (brotli): arrived before the first estimate / in all');
console.log(`${'load'.padEnd(30)} ${'build'.padEnd(7)} ${'price book'.padEnd(18)} ${'alone'.padStart(8)} ${'estimate'.padStart(9)}  ratio ${'ready'.padStart(9)}  bytes before / all`);
for (const { kind, build, book, cold, without, estimate, ready, before, all } of loads) {
  console.log(`${kind.padEnd(30)} ${build.padEnd(7)} ${book.padEnd(18)} ${ms(without).padStart(8)} ${ms(estimate).padStart(9)}  ${`${(estimate / without).toFixed(2)}×`.padStart(5)} `
    + `${ms(ready).padStart(9)}  ${cold ? `${kb(before)} / ${kb(all)}` : '(from the cache)'}`);
}
console.log(`\none answer changed (a select: input and change events), update time the median of ${UPDATES}:`);
console.log(`${'page'.padEnd(28)} ${'build'.padEnd(7)} crossings  validations  estimates  quotes  update`);
for (const { name, build, times, crossings, validations, estimates, quotes } of updates) {
  const count = (value, width) => String(value ?? 'n/a').padStart(width);
  console.log(`${name.padEnd(28)} ${build.padEnd(7)} ${count(crossings, 9)}  ${count(validations, 11)}  `
    + `${count(estimates, 9)}  ${count(quotes, 6)}  ${ms(median(times)).padStart(7)}`);
}
console.log('(n/a: that build does not count its work; its counts are in docs/performance.md, from its code)');
console.log('\nthe price-book editor, sample book: calls into the module and validations per action (until the page is still)');
console.log(`${'action'.padEnd(22)} ${'build'.padEnd(7)} crossings  validations`);
for (const { action, build, crossings, validations } of editorCounts) {
  console.log(`${action.padEnd(22)} ${build.padEnd(7)} ${String(crossings).padStart(9)}  ${String(validations).padStart(11)}`);
}
console.log(`\nreading and checking a price book (new Estimator(book), the full module), median of 50:`);
for (const { name, times, outcome } of validations) console.log(`${name.padEnd(24)} ${ms(median(times)).padStart(9)}  ${outcome}`);

/**
 * The first visit over the slow link in each engine, measured alike: the server makes the link
 * (150 ms before each response, 1.6 Mbit/s shared), a fresh browser per load, the first estimate
 * noted by `watchLoad` served as the page's first script (WebKit's driver has no init script).
 */
const ENGINE_RUNS = 7;
const slowServer = await serve(fixtures, { compress: true, throttle: { latency: SLOW_MOBILE.latency, bytesPerSecond: SLOW_MOBILE.downloadThroughput } });
writeFileSync(join(fixtures, 'watch-load.js'), `(${watchLoad})(${marksReady('after')});`);
const watched = (page) => page.replace('<title>Bench</title>', '<title>Bench</title><script src="watch-load.js"></script>');
writeFileSync(join(fixtures, 'engine-without.html'), host(false));
writeFileSync(join(fixtures, 'engine-sample.html'), watched(host(true, { preload: true })));
writeFileSync(join(fixtures, 'engine-own-book.html'), watched(host(true, { preload: true, book: 'book.json' })));
const engineLoads = [];
for (const engine of ENGINES) {
  const times = { alone: [], sample: [], own: [] };
  let sent; // the sample page's responses: how the engine took them (it asks for the encoding)
  for (let run = 0; run < ENGINE_RUNS; run += 1) {
    for (const [key, path, ready] of [['alone', 'engine-without.html', loaded], ['sample', 'engine-sample.html', estimateOnScreen], ['own', 'engine-own-book.html', estimateOnScreen]]) {
      const opened = await launchEngine(engine);
      const page = await opened.newPage({ width: 1280, height: 900 });
      slowServer.sent.length = 0;
      await page.goto(`${slowServer.url}fixtures/${path}`);
      times[key].push((await page.evaluate(ready)).estimate);
      if (key === 'sample') sent = [...slowServer.sent];
      await page.close();
      await opened.close();
    }
  }
  const encodings = [...new Set(sent.map(({ encoding }) => encoding ?? 'none'))].join(', ');
  const bytes = sent.reduce((sum, response) => sum + response.bytes, 0);
  engineLoads.push({ engine, alone: median(times.alone), sample: median(times.sample), own: median(times.own), encodings, bytes });
}
console.log(`
first visit over the slow link made by the server (150 ms a response, 1.6 Mbit/s shared), every engine alike, median of ${ENGINE_RUNS} fresh browsers:`);
console.log('(over plain HTTP each engine asks for its own encoding: the bytes of the sample page as sent, and how)');
console.log(`${'engine'.padEnd(9)} ${'alone'.padStart(9)} ${'sample, preloaded'.padStart(18)}  ratio ${'own book, preloaded'.padStart(20)}  ratio  sample page as sent`);
for (const { engine, alone, sample, own, encodings, bytes } of engineLoads) {
  console.log(`${engine.padEnd(9)} ${ms(alone).padStart(9)} ${ms(sample).padStart(18)}  ${`${(sample / alone).toFixed(2)}×`.padStart(5)} ${ms(own).padStart(20)}  `
    + `${`${(own / alone).toFixed(2)}×`.padStart(5)}  ${kb(bytes)} (${encodings})`);
}
await closeEngines();
await slowServer.close();
await browser.close();
for (const [, at] of builds) await at.close();
