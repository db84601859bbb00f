// Debian's Chromium, headless, driven by playwright-core (which downloads no browser of its own).
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync } from 'node:fs';
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

/** The requests in `seen` that went anywhere but `origin`. */
export function offsite(seen, origin) {
  return seen.requests.filter((url) => new URL(url).origin !== origin);
}

/**
 * Fills the staff page with the two-provider quote several tests use: Ana Ruiz, plantar fasciitis,
 * 2 injections with a consultation, cash physical therapy (8 sessions) at Riverside Physical
 * Therapy. Its figures are worked out in staff.test.mjs.
 */
export async function fillTwoProviderQuote(page, name = 'Ana Ruiz') {
  await page.fill('#patient-name', name);
  await page.fill('#dob', '1970-03-04');
  await page.fill('#issued-on', '2026-11-21');
  await page.selectOption('#injections', '2');
  await page.check('#consultation');
  await page.check('input[name="answers.physical_therapy.coverage"][value="cash"]');
  await page.selectOption('#sessions', '8');
  await page.check('#elsewhere');
  const therapist = {
    '#pt-name': 'Riverside Physical Therapy', '#pt-npi': '1234567802', '#pt-tin': '987654321',
    '#pt-street': '20 River Rd', '#pt-city': 'Austin', '#pt-state': 'TX', '#pt-zip': '78702',
  };
  for (const [selector, value] of Object.entries(therapist)) await page.fill(selector, value);
}
