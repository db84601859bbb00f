// Debian's Chromium, headless, driven by playwright-core (which downloads no browser of its own).
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('../../.ci/package.json', import.meta.url));
const { chromium } = require('playwright-core');

/** A fresh browser context with an empty profile, kept off the network. */
export function launch() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'estimator-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic',
    ],
  });
}
