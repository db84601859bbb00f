// Debian's Chromium, headless, driven by playwright-core (which downloads no browser of its own).
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { before, after } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';

const require = createRequire(new URL('../../.ci/package.json', import.meta.url));
const { chromium } = require('playwright-core');

/** A fresh browser context with an empty profile, kept off the network; `options` Playwright's (e.g. `locale`). */
export function launch(options = {}) {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'estimator-chromium-')), {
    ...options,
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic',
    ],
  });
}

/**
 * Starts the static server and the browser before the calling file's tests and stops them after.
 * Returns `{ shots, server, browser }`: the screenshot folder, and the two, set once started.
 */
export function session() {
  const shared = { shots: new URL('./screenshots/', import.meta.url).pathname, server: null, browser: null };
  before(async () => {
    mkdirSync(shared.shots, { recursive: true });
    shared.server = await serve();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/**
 * Records what a page does that a test may need to refuse: requests (to check none leave the
 * page's own origin), script errors, dialogs (e.g. an injected `alert`), and Content Security
 * Policy violations. Call before `page.goto`.
 */
/**
 * From now on answers `page`'s dialogs "yes" (the staff page's question before opening a quote
 * over answers not saved or printed), still noting each in `seen.dialogs` (`watch` answers "no").
 */
export function answerYes(page, seen) {
  page.removeAllListeners('dialog');
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.accept();
  });
}

export async function watch(page) {
  const seen = { requests: [], errors: [], dialogs: [], violations: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('dialog', async (dialog) => {
    seen.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.exposeFunction('__reportViolation', (text) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI}`));
  });
  return seen;
}

/**
 * Counts every call from the page into the module (`page.addInitScript(countCrossings)`, before
 * `page.goto`: the benchmark, and the editor's test): as the module is instantiated, each of its
 * exports is wrapped. The glue's own helpers (the allocator and such, named `__...`) and the
 * benchmark's counters (`...Count`) are not crossings. `window.__module` keeps the raw exports, for
 * reading the module's counts of validations and estimates (not in builds before they existed).
 */
export function countCrossings() {
  window.__crossings = 0;
  const wrap = (result) => {
    const exports = {};
    for (const [name, value] of Object.entries(result.instance.exports)) {
      const crossing = typeof value === 'function' && !name.startsWith('__') && !name.endsWith('Count');
      exports[name] = crossing ? (...args) => { window.__crossings += 1; return value(...args); } : value;
    }
    window.__module = exports;
    return { module: result.module, instance: { exports } };
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiateStreaming = async (...args) => wrap(await instantiateStreaming(...args));
  WebAssembly.instantiate = async (...args) => {
    const result = await instantiate(...args);
    return result instanceof WebAssembly.Instance ? result : wrap(result);
  };
}

/** The requests in `seen` that went anywhere but `origin`. */
export function offsite(seen, origin) {
  return seen.requests.filter((url) => new URL(url).origin !== origin);
}

/**
 * Fills the staff page with the two-provider quote several tests use: Ana Ruiz, self-pay, left
 * side, plantar fasciitis, 2 injections of the 1 mL vial with a consultation, cash physical
 * therapy (8 sessions) at Riverside Physical Therapy, typed in. Every choice is made, as a new
 * quote starts with none. It is issued on the page's date (the browser's clock: staff.test.mjs
 * sets it to 2026-11-21). Its figures are worked out in staff.test.mjs.
 */
export async function fillTwoProviderQuote(page, name = 'Ana Ruiz') {
  await page.check('input[name="coverage"][value="self_pay"]');
  await page.fill('#patient-name', name);
  await page.fill('#dob', '1970-03-04');
  await page.check('input[name="side"][value="left"]');
  await page.selectOption('#condition', 'plantar_fasciitis');
  await page.selectOption('#product', 'amnion_1ml');
  await page.selectOption('#injections', '2');
  await page.check('#consultation');
  await page.check('#prompt-pay-included'); // paid in full at the visit
  await page.check('input[name="answers.physical_therapy.coverage"][value="cash"]');
  await page.selectOption('#sessions', '8');
  await page.check('#elsewhere');
  const other = await page.locator('#pt-partner option[data-other]').evaluate((option) => option.index);
  await page.selectOption('#pt-partner', { index: other }); // "Other provider (type it in)", in any language
  const therapist = {
    '#pt-name': 'Riverside Physical Therapy', '#pt-npi': '1234567802', '#pt-tin': '987654321',
    '#pt-street': '20 River Rd', '#pt-city': 'Austin', '#pt-state': 'TX', '#pt-zip': '78702',
    // Its own prices, here the same as the clinic's: 160.00 and 95.00.
    '#pt-evaluation-price': '160', '#pt-session-price': '95',
  };
  for (const [selector, value] of Object.entries(therapist)) await page.fill(selector, value);
}

/**
 * axe-core's violations on `page` (its default rules, inside the widget's shadow root too), one
 * line per element. Evaluated through the DevTools protocol, which the strict policy does not
 * govern; its CSSOM preload is off, as in accessibility.test.mjs (which says why).
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'], preload: false });
    return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}: ${node.failureSummary}`));
  });
}
