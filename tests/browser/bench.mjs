// The benchmark behind `make bench` (not a test: these machines are shared and noisy, so it only
// prints figures). In headless Chromium, on 127.0.0.1:
// - load: navigation start to the first estimate on screen, against the same host page without
//   the widget, both measured in the same run, median of RUNS fresh page loads each: a returning
//   visitor (HTTP cache warm), a first visit (cache cleared), and a first visit over a slow mobile
//   link (DevTools throttling: 150 ms added to each request, 1.6 Mbit/s down), the files
//   brotli-compressed as a clinic's server would send them;
// - update: one answer changed to the new total on screen (the page's whole input handler:
//   estimate, breakdown, payment options and comparison), median of UPDATES changes;
// - the staff page: one answer changed to a new Good Faith Estimate on screen.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

const RUNS = 15;
const UPDATES = 200;
const fixtures = mkdtempSync(join(tmpdir(), 'estimator-bench-'));
const host = (widget) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
<link rel="stylesheet" href="../page.css">${widget ? '<script type="module" src="../dist/estimator.js"></script>' : ''}</head>
<body><main><h1>Our clinic</h1><p>Some of the clinic's own content.</p>${widget ? '<amnion-estimator></amnion-estimator>' : ''}</main></body></html>`;
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
 * `ready`'s time on `path`, for RUNS fresh pages. Each is a new page in the same browser, so the
 * HTTP cache is warm after the first (a returning visitor) unless `cold` clears it first; `network`
 * throttles the link.
 */
async function loadTimes(path, ready, { cold = false, network = null } = {}) {
  const times = [];
  for (let run = 0; run < RUNS; run += 1) {
    const page = await browser.newPage();
    const devtools = await page.context().newCDPSession(page);
    if (cold) await devtools.send('Network.clearBrowserCache');
    if (network) await devtools.send('Network.emulateNetworkConditions', network);
    const raw = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.wasm') && response.headers()['content-encoding'] !== 'br') raw.push(response.url());
    });
    await page.goto(`${server.url}fixtures/${path}`);
    times.push(await page.evaluate(ready));
    // Over the throttled link the module must come compressed, or the figure would be of raw bytes.
    if (network && raw.length) throw new Error(`not sent brotli-compressed: ${raw.join(', ')}`);
    await page.close();
  }
  return times;
}

const loaded = () => new Promise((resolve) => {
  const done = () => resolve(performance.now());
  if (document.readyState === 'complete') done(); else addEventListener('load', done);
});
const estimateOnScreen = () => new Promise((resolve, reject) => {
  const check = () => {
    const total = document.querySelector('amnion-estimator')?.shadowRoot?.getElementById('total');
    if (total?.textContent.startsWith('$')) resolve(performance.now());
    else if (performance.now() > 60000) reject(new Error('no estimate on screen after 60 s'));
    else requestAnimationFrame(check);
  };
  check();
});
const loads = {};
for (const [name, options] of [
  ['returning visitor', {}],
  ['first visit', { cold: true }],
  ['first visit, slow mobile link', { cold: true, network: SLOW_MOBILE }],
]) {
  loads[name] = {
    without: median(await loadTimes('without.html', loaded, options)),
    with: median(await loadTimes('with.html', estimateOnScreen, options)),
  };
}

async function updateTime(path, select, values, ready, prepare = async () => {}) {
  const page = await browser.newPage();
  await page.goto(`${server.url}${path}`);
  await page.locator(ready).first().waitFor();
  await prepare(page);
  return page.evaluate(({ select, values, updates }) => {
    const root = document.querySelector('amnion-estimator')?.shadowRoot ?? document;
    const control = root.querySelector(select);
    const times = [];
    for (let i = 0; i < updates; i += 1) {
      control.value = values[i % values.length];
      const start = performance.now();
      control.dispatchEvent(new Event('change', { bubbles: true })); // the handler runs synchronously
      times.push(performance.now() - start);
    }
    return times;
  }, { select, values, updates: UPDATES });
}

const visitorUpdates = await updateTime('', '#injections', ['1', '2', '3', 'not_sure'], '#total');
const staffUpdates = await updateTime('staff.html', '#injections', ['1', '2', '3'], '#status', async (page) => {
  await page.fill('#patient-name', 'Ana Ruiz');
  await page.fill('#dob', '1970-03-04');
  await page.locator('.gfe').waitFor(); // a real quote on screen, so each change makes a new one
});

const ms = (value) => `${value.toFixed(1)} ms`;
for (const [name, load] of Object.entries(loads)) {
  console.log(`load, ${name} (median of ${RUNS}): navigation to first estimate ${ms(load.with)}, `
    + `same page without the widget ${ms(load.without)}, the widget's cost ${ms(load.with - load.without)}`);
}
console.log(`update, visitor page, one answer (median of ${UPDATES}):  ${ms(median(visitorUpdates))}`);
console.log(`update, staff page, one answer (median of ${UPDATES}):    ${ms(median(staffUpdates))}`);
await browser.close();
await server.close();
