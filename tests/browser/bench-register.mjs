// The register's benchmark, part of `make bench` (figures, not a test: these machines are shared
// and noisy). In headless Chromium, on the staff page with its register holding RECORDS records
// (distinct Good Faith Estimates of three injections, each about 15 KB with its whole price book,
// priced by `cargo run --example save_quote` from one request with the patient's name changed):
// - first load: the page opened to the register listing every record;
// - a change here: "Record how it was given" submitted to the entry showing it, median of CHANGES;
// - a change in another tab: recorded in a second tab to the first tab showing it, median of CHANGES.
// With BEFORE_WWW (`make bench BEFORE=<git revision>`), that revision's build too, in the same run.
// `node tests/browser/bench-register.mjs` runs it alone on the current build (`make build` first).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const RECORDS = (process.env.REGISTER_RECORDS ?? '200,1000').split(',').map(Number);
const CHANGES = 7;
const TODAY = new Date(2026, 11, 2, 10, 0); // the request's issue date, 2026-12-02
const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'register-bench-'));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `count` records, each a quote priced natively for its own patient, recorded on its issue day. */
function records(count) {
  execFileSync('cargo', ['build', '--quiet', '--example', 'save_quote'], { cwd: root, stdio: 'inherit' });
  const { request } = JSON.parse(readFileSync(join(root, 'tests/fixtures/saved-quotes/format-2-injection-dates.json'), 'utf8'));
  request.prompt_pay = 'included';
  const made = [];
  for (let index = 0; index < count; index += 1) {
    request.patient.name = `Patient ${String(index).padStart(5, '0')}`;
    const [requestPath, out] = [join(work, `request-${count}-${index}.json`), join(work, `saved-${count}-${index}.json`)];
    writeFileSync(requestPath, JSON.stringify(request));
    execFileSync(join(root, 'target/debug/examples/save_quote'), [requestPath, out]);
    const saved = JSON.parse(readFileSync(out, 'utf8'));
    made.push({ quote_number: saved.quote_number, recorded_on: request.issued_on, saved, given: [] });
  }
  return made;
}

/** A staff page in `context`, its clock fixed, waiting until the register lists `count` entries. */
async function staffPage(context, url, count) {
  const page = await context.newPage();
  await page.clock.setFixedTime(TODAY);
  await page.setViewportSize({ width: 1280, height: 900 });
  const started = Date.now();
  await page.goto(`${url}staff.html`);
  await page.waitForFunction((n) => document.querySelectorAll('#register-list li.register-entry').length === n, count, { timeout: 600_000, polling: 20 });
  return { page, loaded: Date.now() - started };
}

/** Puts `all` in the page's register database, as the page keeps them, in one transaction. */
function seed(page, all) {
  return page.evaluate((all) => new Promise((resolve, reject) => {
    const opening = indexedDB.open('amnion-estimator-register', 1);
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const tx = opening.result.transaction(['records'], 'readwrite');
      for (const record of all) tx.objectStore('records').put(record);
      tx.oncomplete = () => { opening.result.close(); resolve(); };
      tx.onabort = () => reject(tx.error);
    };
  }), all);
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
