// The register's benchmark, part of `make bench` (figures, not a test: these machines are shared
// and noisy). In headless Chromium, on the staff page with its register holding RECORDS records
// (distinct Good Faith Estimates of three injections, each about 15 KB with its whole price book,
// priced by `cargo run --example save_quote` from one request with the patient's name changed):
// - first load: the page opened to the register listing its records (the first 50 since the
//   list went 50 at a time);
// - a change here: "Record how it was given" submitted to the entry showing it, median of CHANGES;
// - a change in another tab: recorded in a second tab to the first tab showing it, median of CHANGES.
// With BEFORE_WWW (`make bench BEFORE=<git revision>`), that revision's build too, in the same run.
// `node tests/browser/bench-register.mjs` runs it alone on the current build (`make build` first).
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { records, seed, TODAY } from './register-records.mjs';

const RECORDS = (process.env.REGISTER_RECORDS ?? '200,1000').split(',').map(Number);
const CHANGES = 7;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * A staff page in `context`, its clock fixed, waiting until the register holds `count` entries and
 * lists them (all of them before the list went 50 at a time, the first 50 since).
 */
async function staffPage(context, url, count) {
  const page = await context.newPage();
  await page.clock.setFixedTime(TODAY);
  await page.setViewportSize({ width: 1280, height: 900 });
  const started = Date.now();
  await page.goto(`${url}staff.html`);
  await page.waitForFunction((n) => document.getElementById('register-summary').textContent.startsWith(`${n} estimate`)
    && document.querySelectorAll('#register-list li.register-entry').length === Math.min(n, document.getElementById('register-more') ? 50 : n), count, { timeout: 600_000, polling: 20 });
  return { page, loaded: Date.now() - started };
}

/**
 * Records on paper the entry `index` of `page`'s list; resolves to the milliseconds from submit to
 * `shown`'s list showing it given (`shown` another tab, or the same page).
 */
async function recordGiven(page, shown, index) {
  const number = await page.locator('#register-list li.register-entry').nth(index).getAttribute('data-number');
  const watching = shown.evaluate((number) => new Promise((resolve) => {
    const given = () => [...document.querySelectorAll('#register-list li.register-entry')]
      .find((li) => li.dataset.number === number)?.textContent.includes('Given on paper');
    const check = () => (given() ? resolve(performance.timeOrigin + performance.now()) : requestAnimationFrame(check));
    check();
  }), number);
  const form = page.locator('#register-list li.register-entry').nth(index).locator('form');
  await form.locator('select').selectOption('paper');
  const start = await form.evaluate((form) => { const at = performance.timeOrigin + performance.now(); form.requestSubmit(); return at; });
  return (await watching) - start;
}

const builds = [['after', await serve(null)]];
if (process.env.BEFORE_WWW) builds.unshift(['before', await serve(null, { www: process.env.BEFORE_WWW })]);
for (const count of RECORDS) {
  const all = records(count);
  const bytes = JSON.stringify(all).length;
  for (const [build, server] of builds) {
    const context = await launch();
    const { page: first } = await staffPage(context, server.url, 0);
    await seed(first, all);
    await first.close();
    const loads = [];
    let page;
    for (let run = 0; run < 3; run += 1) {
      const opened = await staffPage(context, server.url, count);
      loads.push(opened.loaded);
      if (page) await page.close();
      page = opened.page;
    }
    const here = [];
    for (let change = 0; change < CHANGES; change += 1) here.push(await recordGiven(page, page, change));
    const { page: other } = await staffPage(context, server.url, count);
    const there = [];
    for (let change = CHANGES; change < 2 * CHANGES; change += 1) there.push(await recordGiven(other, page, change));
    console.log(`register ${build}: ${count} records (${(bytes / 1e6).toFixed(1)} MB): first load ${median(loads)} ms (${loads.join(', ')}); `
      + `a change here ${Math.round(median(here))} ms (${here.map(Math.round).join(', ')}); `
      + `in another tab ${Math.round(median(there))} ms (${there.map(Math.round).join(', ')})`);
    await context.close();
  }
}
for (const [, server] of builds) await server.close();
