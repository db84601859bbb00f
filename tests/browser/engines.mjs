// The three browser engines behind one small page interface, for the flows that must work in every
// engine a visitor or staff member uses (every-engine.test.mjs; which test runs where and why:
// README.md beside this file):
// - chromium: Debian's Chromium through playwright-core (browser.mjs's launch);
// - firefox: Debian's Firefox ESR through puppeteer-core (WebDriver BiDi), headless;
// - webkit: Debian's WebKitGTK (Safari's engine) through its WebDriver, WebKitWebDriver, with plain
//   HTTP calls; it starts MiniBrowser, which has no headless mode, so under Xvfb.
// What a test reads is the same in each: the page's own state through `evaluate`, what the page
// logged through the recorder the server serves first (WebKit's driver cannot read the console),
// and the requests at the test server. Actions are the same too: a click is the engine's own
// (scrolled to, at the element's centre); `fill` and `select` set the value and fire `input` and
// `change`, as Playwright's `fill` and `selectOption` do, so a date field takes "1970-03-04" in
// every engine whatever its picker looks like.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch as launchChromium } from './browser.mjs';

const require = createRequire(new URL('../../.ci/package.json', import.meta.url));

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/**
 * The element `selector` names, in the document or in an open shadow root (the widget's), as
 * Playwright's locators find it; runs in the page.
 */
function find(selector) {
  const roots = [document];
  for (let i = 0; i < roots.length; i += 1) {
    const found = roots[i].querySelector(selector);
    if (found) return found;
    for (const element of roots[i].querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  return null;
}

/** `fn` called with `args` in the page, as one expression every driver evaluates the same way. */
function call(fn, args) {
  return `(${fn})(...${JSON.stringify(args)})`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `selector` is in the page and shown (not hidden by itself or a parent); runs in the page. */
const shown = new Function('selector', `const element = (${find})(selector);
  return Boolean(element && element.getClientRects().length > 0);`);

/** The page interface over an engine's `driver` ({ goto, reload, evaluate, element, click, screenshot, close }). */
function page(driver) {
  const self = {
    goto: (url) => driver.goto(url),
    reload: () => driver.reload(),
    /** `fn(...args)` in the page; a promise it returns is awaited. */
    evaluate: (fn, ...args) => driver.evaluate(call(fn, args)),
    /** Polls `fn(...args)` in the page until it is truthy, and returns it. */
    async waitFor(fn, args = [], { timeout = 15000 } = {}) {
      const end = Date.now() + timeout;
      for (;;) {
        const value = await self.evaluate(fn, ...args);
        if (value) return value;
        if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${fn}${args.length ? ` with ${JSON.stringify(args)}` : ''}`);
        await sleep(50);
      }
    },
    /** Waits for `selector` to be in the page and shown. */
    waitForVisible: (selector) => self.waitFor(shown, [selector]),
    /** The text of `selector`, or null when it is not there. */
    text: (selector) => self.evaluate(new Function('selector', `return (${find})(selector)?.textContent ?? null;`), selector),
    value: (selector) => self.evaluate(new Function('selector', `return (${find})(selector)?.value ?? null;`), selector),
    visible: (selector) => self.evaluate(shown, selector),
    /** Clicks `selector` as the engine clicks: scrolled into view, at its centre. */
    click: async (selector) => driver.click(await driver.element(call(find, [selector]), selector)),
    /** Sets the value of the input `selector` and fires `input` and `change`, as Playwright's `fill` does. */
    fill: (selector, value) => self.evaluate(new Function('selector', 'value', `const element = (${find})(selector);
      if (!element) throw new Error('no ' + selector);
      element.focus();
      element.value = value;
      element.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));`), selector, value),
    /** Picks `value` in the select `selector`, as Playwright's `selectOption` does. */
    select: (selector, value) => self.fill(selector, value),
    /** What the page recorded (recorder.js): script errors, unhandled rejections, console.error, CSP violations. */
    recorded: () => self.evaluate(() => window.__recorded ?? null),
    /** The visible part of the page (its viewport), as a PNG at `path`. */
    screenshot: (path) => driver.screenshot(path),
    /** The width of the page's viewport and of its content (more than the viewport: sideways scrolling). */
    widths: () => self.evaluate(() => ({ viewport: window.innerWidth, content: document.documentElement.scrollWidth })),
    close: () => driver.close(),
  };
  return self;
}

/** Polls `dir` until a file whose name `matches` is complete there; returns its path. */
async function waitForFile(dir, matches, timeout = 15000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    // Firefox and WebKit write a partial file under another name, renamed when complete.
    const name = readdirSync(dir).find((file) => matches.test(file));
    if (name) return join(dir, name);
    await sleep(100);
  }
  throw new Error(`no file matching ${matches} in ${dir} after ${timeout} ms`);
}

// ---------------------------------------------------------------------------------------------
// Chromium (playwright-core) and Firefox ESR (puppeteer-core, WebDriver BiDi): their pages' calls
// are the same but for the viewport's.

/** The page interface over a Playwright or Puppeteer page. */
function tabPage(tab) {
  return page({
    goto: (url) => tab.goto(url),
    reload: () => tab.reload(),
    evaluate: (expression) => tab.evaluate(expression),
    element: async (expression, selector) => {
      const handle = (await tab.evaluateHandle(expression)).asElement();
      if (!handle) throw new Error(`no ${selector}`);
      return handle;
    },
    click: (handle) => handle.click(),
    screenshot: (path) => tab.screenshot({ path }),
    close: () => tab.close(),
  });
}

// US English: its date format (12/7/2026) is not the ISO one a date field takes.
const LOCALE = 'en-US';

async function chromium() {
  const context = await launchChromium({ locale: LOCALE, acceptDownloads: true });
  const downloads = mkdtempSync(join(tmpdir(), 'estimator-downloads-'));
  context.on('page', (tab) => tab.on('download', (file) => file.saveAs(join(downloads, file.suggestedFilename()))));
  return {
    downloads,
    async newPage({ width, height }) {
      const tab = await context.newPage();
      await tab.setViewportSize({ width, height });
      return tabPage(tab);
    },
    close: () => context.close(),
  };
}

/**
 * One Firefox for the whole test file, started on first use (a start takes seconds) and stopped
 * by `closeEngines`; each browser is a context of its own in it, with its own cache and cookies.
 */
let firefoxStarted;
const firefoxDownloads = mkdtempSync(join(tmpdir(), 'estimator-downloads-'));
async function firefox() {
  firefoxStarted ??= require('puppeteer-core').launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      // A download goes straight to the test's folder, as a person's goes to Downloads.
      'browser.download.dir': firefoxDownloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'intl.locale.requested': LOCALE,
      'intl.accept_languages': LOCALE,
    },
  });
  const context = await (await firefoxStarted).createBrowserContext();
  return {
    downloads: firefoxDownloads,
    async newPage({ width, height }) {
      const tab = await context.newPage();
      await tab.setViewport({ width, height });
      return tabPage(tab);
    },
    close: () => context.close(),
  };
}

/** Stops what this file's browsers share (Firefox's process); call once, after its tests. */
export async function closeEngines() {
  await (await firefoxStarted)?.close();
}

// ---------------------------------------------------------------------------------------------
// WebKitGTK (WebKitWebDriver, plain WebDriver HTTP)

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/**
 * Starts Xvfb on a free display; resolves to its name (`:N`). Not the first free one, as
 * `-displayfd` would pick: a display another session's X server holds outside this machine's
 * /tmp (the low numbers) would take this one's clients. A number from the process id, the next
 * one if it is taken.
 */
async function startXvfb() {
  for (let n = 100 + (process.pid % 800), tries = 0; tries < 20; n += 1, tries += 1) {
    const child = spawn('Xvfb', [`:${n}`, '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    child.unref(); // the test file's process may end while it runs; it is stopped then
    process.once('exit', () => child.kill());
    for (const end = Date.now() + 5000; Date.now() < end && child.exitCode === null; await sleep(50)) {
      if (existsSync(`/tmp/.X11-unix/X${n}`)) return `:${n}`;
    }
    child.kill();
  }
  throw new Error('Xvfb found no free display');
}

/**
 * One X server and one WebKitWebDriver for the whole test file, started on first use and
 * stopped when the process exits; each browser is a WebDriver session, with its own MiniBrowser.
 */
let webkitDriver;
function webkitDriverStarted() {
  webkitDriver ??= (async () => {
    const display = await startXvfb();
    // A GTK stylesheet lets MiniBrowser's window be narrower than its toolbar (447 px) would have
    // it, for a phone's viewport; the download folder is where MiniBrowser puts a download.
    const home = mkdtempSync(join(tmpdir(), 'estimator-webkit-'));
    const config = join(home, 'config');
    mkdirSync(join(config, 'gtk-3.0'), { recursive: true });
    writeFileSync(join(config, 'gtk-3.0', 'gtk.css'), '* { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; }\n');
    const downloads = join(home, 'Downloads');
    mkdirSync(downloads);
    writeFileSync(join(config, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
    const port = 4400 + (process.pid % 1000);
    const env = { ...process.env, DISPLAY: display, HOME: home, XDG_CONFIG_HOME: config, XDG_CACHE_HOME: join(home, 'cache'), XDG_DATA_HOME: join(home, 'data') };
    // What the driver and its MiniBrowsers say, for the error when a session cannot be had.
    const log = join(home, 'driver.log');
    const output = openSync(log, 'w');
    const driver = spawn('WebKitWebDriver', [`--port=${port}`], { env, stdio: ['ignore', output, output] });
    driver.unref();
    process.once('exit', () => driver.kill()); // with the test file's process, as Xvfb
    const url = `http://127.0.0.1:${port}`;
    // It says nothing when it is ready: ask until it answers.
    for (const end = Date.now() + 20000; ; await sleep(50)) {
      if (await fetch(`${url}/status`).then((response) => response.ok, () => false)) break;
      if (Date.now() > end || driver.exitCode !== null) throw new Error(`WebKitWebDriver did not start (exit code ${driver.exitCode})`);
    }
    return { url, downloads, log };
  })();
  return webkitDriver;
}

async function webdriver(base, method, path, body, timeout = 60000) {
  const response = await fetch(`${base}${path}`, {
    method,
    signal: AbortSignal.timeout(timeout),
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
  return value;
}

// MiniBrowser takes no language: its pages get the machine's locale.
async function webkit() {
  const driver = await webkitDriverStarted();
  const capabilities = {
    alwaysMatch: {
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  };
  // MiniBrowser starts in under a second; now and then a start hangs: ask again, three times.
  let sessionId;
  for (let tries = 1; !sessionId; tries += 1) {
    try {
      ({ sessionId } = await webdriver(driver.url, 'POST', '/session', { capabilities }, 20000));
    } catch (error) {
      if (tries === 3) throw new Error(`${error.message}; the driver said: ${readFileSync(driver.log, 'utf8').slice(-2000)}`);
    }
  }
  const session = (method, path, body) => webdriver(driver.url, method, `/session/${sessionId}${path}`, body);
  let open = false;
  return {
    downloads: driver.downloads,
    async newPage({ width, height }) {
      // One page per session: the window MiniBrowser opened. Its size is set so that the
      // viewport (the window less its toolbar) is width × height.
      if (open) throw new Error('the WebKit driver here holds one page per browser: launch another');
      open = true;
      await session('POST', '/window/rect', { width, height });
      const inner = await session('POST', '/execute/sync', { script: 'return [window.innerWidth, window.innerHeight]', args: [] });
      await session('POST', '/window/rect', { width: width + (width - inner[0]), height: height + (height - inner[1]) });
      return page({
        goto: (url) => session('POST', '/url', { url }),
        reload: () => session('POST', '/refresh', {}),
        evaluate: (expression) => session('POST', '/execute/async', {
          script: `const done = arguments[0];
            Promise.resolve().then(() => ${expression}).then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`,
          args: [],
        }).then((result) => {
          if (result && 'error' in result) throw new Error(result.error);
          return result?.value;
        }),
        element: async (expression, selector) => {
          const handle = await session('POST', '/execute/sync', { script: `return ${expression}`, args: [] });
          if (!handle?.[ELEMENT]) throw new Error(`no ${selector}`);
          return handle[ELEMENT];
        },
        click: (id) => session('POST', `/element/${id}/click`, {}),
        screenshot: async (path) => writeFileSync(path, Buffer.from(await session('GET', '/screenshot'), 'base64')),
        close: async () => { open = false; },
      });
    },
    close: () => session('DELETE', ''),
  };
}

/**
 * A fresh browser of `engine` with an empty profile, its pages told US English (WebKit: the
 * machine's locale). `download(matches)` waits for a downloaded file whose name `matches`.
 */
export async function launchEngine(engine) {
  const launched = await { chromium, firefox, webkit }[engine]();
  return { ...launched, download: (matches) => waitForFile(launched.downloads, matches) };
}
