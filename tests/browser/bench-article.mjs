// The widget's cost to a clinic's page (issue 22, item 12), part of `make bench`: a realistic host,
// a clinic's article on amnion injections with a 250 KB hero image and a 30 KB stylesheet (both as
// sent, made here, not committed), the widget below the fold after "Cost Considerations", loaded
// over a slow mobile link (DevTools: 150 ms a request, 1.6 Mbit/s down) on a phone-sized screen
// with the CPU slowed 4× (DevTools), a fresh cache each load. Measured, median of ARTICLE_RUNS:
// - the host's Largest Contentful Paint and load event, the page alone, with the README's lines
//   (the widget loads when near the screen or once the page has loaded), and with the README's eager
//   lines (`loading="eager"` and the preload lines: every widget's load before this change);
// - when the widget's first estimate was ready, off screen;
// - the time from a scroll to the widget, after the page's load event, to its first amount on
//   screen: scrolled at once, and after a reader's pause.
// Run alone: `node tests/browser/bench-article.mjs` (after `make build`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, crc32, deflateSync } from 'node:zlib';

const ARTICLE_RUNS = Number(process.env.ARTICLE_RUNS ?? 9);
/** A phone's screen (Lighthouse's mobile one), CSS pixels. */
const PHONE = { width: 412, height: 823 };
/** How long a reader is taken to pause after the page loads before scrolling to the widget. */
const PAUSES = [0, 1000, 3000];

/** A seeded random number generator (mulberry32), so every run makes the same files. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A `width` × `height` PNG of about `bytes` bytes, however it is sent: a flat photo-like tone with
 * evenly spread rows of noise, which no compression shrinks.
 */
export function heroImage(bytes, width = 1200, height = 900) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  const make = (noisy) => {
    const next = random(22);
    const raw = Buffer.alloc(height * (1 + width * 3));
    for (let row = 0; row < height; row += 1) {
      const at = row * (1 + width * 3);
      raw[at] = 0; // no filter
      const noise = Math.floor(((row + 1) * noisy) / height) > Math.floor((row * noisy) / height);
      for (let x = 0; x < width * 3; x += 1) raw[at + 1 + x] = noise ? Math.floor(next() * 256) : [150, 180, 190][x % 3];
    }
    return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
  };
  let noisy = Math.round(bytes / (width * 3));
  let image = make(noisy);
  while (image.length < bytes) image = make(++noisy);
  return image;
}

/**
 * A theme's stylesheet of about `bytes` bytes as sent (brotli, as the bench's server sends it):
 * rules for classes, colours, spacing and breakpoints with varied names and values.
 */
export function themeStylesheet(bytes) {
  const next = random(30);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const word = () => Array.from({ length: 4 + Math.floor(next() * 8) }, () => pick('abcdefghijklmnopqrstuvwxyz-')).join('');
  const colour = () => `#${Math.floor(next() * 0xffffff).toString(16).padStart(6, '0')}`;
  const properties = [
    () => `color: ${colour()}`, () => `background-color: ${colour()}`, () => `margin: ${Math.floor(next() * 48)}px ${Math.floor(next() * 32)}px`,
    () => `padding: ${(next() * 3).toFixed(2)}rem`, () => `font-size: ${(0.7 + next() * 2).toFixed(3)}rem`, () => `line-height: ${(1 + next()).toFixed(2)}`,
    () => `border: ${1 + Math.floor(next() * 3)}px solid ${colour()}`, () => `border-radius: ${Math.floor(next() * 24)}px`,
    () => `display: ${pick(['block', 'flex', 'grid', 'inline-block', 'none'])}`, () => `max-width: ${Math.floor(200 + next() * 1200)}px`,
    () => `box-shadow: 0 ${Math.floor(next() * 8)}px ${Math.floor(next() * 24)}px rgba(0, 0, 0, ${next().toFixed(2)})`,
    () => `transition: ${pick(['color', 'opacity', 'transform', 'background-color'])} ${Math.floor(next() * 400)}ms ease`,
  ];
  const rule = () => `.${word()}${next() < 0.4 ? ` .${word()}` : ''}${next() < 0.2 ? `:${pick(['hover', 'focus', 'first-child', 'last-child'])}` : ''} { ${
    Array.from({ length: 2 + Math.floor(next() * 5) }, () => pick(properties)()).join('; ')}; }`;
  const rules = ['body { margin: 0; font: 17px/1.6 Georgia, "Times New Roman", serif; color: #222; background: #fff; }',
    'article { max-width: 42rem; margin: 0 auto; padding: 0 1rem; } img { max-width: 100%; height: auto; display: block; }',
    'header, footer { padding: 1rem; background: #1d3b4a; color: #fff; } h1 { font-size: 1.9rem; line-height: 1.2; } h2 { margin-top: 2rem; }'];
  let css = '';
  const sent = () => brotliCompressSync(css, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  while (sent() < bytes) {
    for (let i = 0; i < 50; i += 1) rules.push(next() < 0.1 ? `@media (min-width: ${Math.floor(480 + next() * 900)}px) { ${rule()} }` : rule());
    css = `${rules.join('\n')}\n`;
  }
  return css;
}

/** The article's text, as a podiatry clinic writes it: before the widget, then after it. */
const BEFORE = [
  ['h2', 'What are amnion injections?'],
  ['p', 'Amniotic tissue comes from the inner lining of the placenta, donated by healthy mothers after a planned caesarean birth and processed by a regulated tissue bank. It contains collagen, growth factors and proteins that help to calm inflammation and support the body\'s own repair of tendons and the tissue under the heel. Our podiatrists use it for foot and ankle problems that have not settled with months of simpler care.'],
  ['p', 'The injection is not a steroid. Steroid injections can ease pain quickly, but repeated steroid injections near the plantar fascia or the Achilles tendon may weaken those tissues, and many patients come to us after they have had as many as their doctor advises. Amniotic tissue works differently: it aims to help the tissue heal rather than to switch off the inflammation for a few weeks.'],
  ['h2', 'Which conditions do we treat with it?'],
  ['p', 'Most of our patients have plantar fasciitis: a sharp pain under the heel with the first steps in the morning or after sitting, which has lasted longer than six months despite stretching, supportive shoes, orthotics and rest. Others have Achilles tendinopathy, a thickened and sore tendon at the back of the ankle, often in runners and in people who have recently become more active. We also use amniotic tissue for some cases of chronic ankle sprain pain and for tendon problems on the inside of the ankle.'],
  ['p', 'Before we recommend an injection, your podiatrist examines your foot, watches you walk, and may order an ultrasound or an X-ray to confirm the diagnosis and to rule out a stress fracture, a trapped nerve or arthritis, which need different treatment. An injection is one part of a plan: it works best together with the right footwear, calf and plantar fascia stretches, and, for many patients, a short course of physical therapy.'],
  ['h2', 'What happens on the day?'],
  ['p', 'The appointment takes about forty-five minutes. We clean the skin and numb the area with a small injection of local anaesthetic. Using ultrasound to see the thickened fascia or tendon, the podiatrist places the amniotic tissue exactly where it is needed. Most patients describe a feeling of pressure rather than pain. You walk out of the clinic, sometimes in a walking boot for a few days if the heel is very sore.'],
  ['p', 'For the first two or three days the area may ache more than before, as the tissue responds. We ask you to avoid anti-inflammatory tablets such as ibuprofen for two weeks, because they can dampen the healing response; paracetamol is fine. Ice and elevation help. Gentle walking is encouraged, but running, jumping and long hikes should wait until your podiatrist clears you, usually after four to six weeks.'],
  ['h2', 'How well does it work?'],
  ['p', 'Studies of amniotic tissue for plantar fasciitis report less pain and better function for many patients over the following months, and our own patients often notice the first change after three to six weeks. Results vary: some people need a second injection, and a few do not improve enough and go on to other treatments such as shockwave therapy or, rarely, surgery. Your podiatrist will tell you honestly what to expect in your case.'],
  ['p', 'Physical therapy makes a real difference. Strengthening the calf and the small muscles of the foot, and learning how to load the tendon gradually, helps the treated tissue become stronger and lowers the chance of the pain coming back. We work with local therapists and can arrange sessions at our clinic.'],
  ['h2', 'Cost Considerations'],
  ['p', 'Amniotic tissue injections are often not covered by insurance plans, which may consider them investigational, so many patients pay for them themselves. The total depends on how many injections you need, whether you add a walking boot, and how many physical therapy sessions you choose, which your plan may cover. Use the estimator below to see what you would pay, with your own plan\'s deductible and copay if you have them.'],
];
const AFTER = [
  ['p', 'The estimate is a guide, not a bill. Before your treatment we give you a written Good Faith Estimate with the exact services and prices, as federal law requires for patients who pay for their own care.'],
  ['h2', 'Book a consultation'],
  ['p', 'Call us or use our online booking to see one of our podiatrists. Bring your current shoes, any orthotics, and the results of earlier scans if you have them.'],
];
const html = (blocks) => blocks.map(([tag, text]) => `<${tag}>${text}</${tag}>`).join('\n');

/**
 * The article page: `widget` null (the page alone), `'lazy'` (the README's lines) or `'eager'` (the
 * README's eager lines, preloads too); the widget's files in `../dist/`, the clinic's book `book`.
 */
export function articlePage(widget, book = 'book.json') {
  const embed = widget === 'eager'
    ? `<link rel="preload" href="../dist/amnion_estimator_bg.wasm" as="fetch">\n<link rel="preload" href="${book}" as="fetch">\n<script type="module" src="../dist/estimator.js"></script>`
    : widget ? '<script type="module" src="../dist/estimator.js"></script>' : '';
  const element = widget ? `<amnion-estimator price-book="${book}"${widget === 'eager' ? ' loading="eager"' : ''}></amnion-estimator>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Amnion injections for heel and Achilles pain | Hillside Foot &amp; Ankle</title>
<link rel="stylesheet" href="article-theme.css">
${embed}</head>
<body><header>Hillside Foot &amp; Ankle · Austin, Texas</header>
<main><article>
<h1>Amnion injections for heel and Achilles pain</h1>
<img src="hero.png" width="1200" height="900" alt="A podiatrist examining a patient's heel with an ultrasound probe">
${html(BEFORE)}
${element}
${html(AFTER)}
</article></main>
<footer>Hillside Foot &amp; Ankle · (512) 555-0199</footer>
</body></html>`;
}

/** Writes the article's files into `fixtures`: the image, the stylesheet, and the three pages. */
export function writeArticle(fixtures) {
  writeFileSync(join(fixtures, 'hero.png'), heroImage(250_000));
  writeFileSync(join(fixtures, 'article-theme.css'), themeStylesheet(30_000));
  writeFileSync(join(fixtures, 'article-alone.html'), articlePage(null));
  writeFileSync(join(fixtures, 'article-lazy.html'), articlePage('lazy'));
  writeFileSync(join(fixtures, 'article-eager.html'), articlePage('eager'));
}

/**
 * Installed before the page's scripts: notes the largest contentful paint as the page reports it,
 * and from the first frame on the first frame with the widget's amount in its total (on screen or
 * not).
 */
function watchArticle() {
  window.__article = { lcp: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) Object.assign(window.__article, { lcp: entry.startTime, element: entry.element?.tagName });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const frame = () => {
    if (document.querySelector('amnion-estimator')?.shadowRoot?.getElementById('total')?.textContent.startsWith('$')) {
      window.__article.estimate ??= performance.now();
    }
    if (window.__article.estimate === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * In the page, once it has loaded and `pause` ms have passed: the widget scrolled into view, and
 * the time from then to the first frame that shows its amount on screen (its total, or on a phone
 * the bar that repeats it while the total is out of view), kept in `window.__scrolled`.
 */
function scrollToWidget(pause) {
  const shows = (element) => {
    const box = element?.getBoundingClientRect();
    return element?.textContent.startsWith('$') && element.checkVisibility() && box.height > 0 && box.top < innerHeight && box.bottom > 0;
  };
  const scroll = () => setTimeout(() => {
    const widget = document.querySelector('amnion-estimator');
    const start = performance.now();
    widget.scrollIntoView({ block: 'start' });
    const frame = () => {
      if (['total', 'peek-total'].some((id) => shows(widget.shadowRoot?.getElementById(id)))) {
        window.__scrolled = { shown: performance.now() - start, at: start - performance.getEntriesByType('navigation')[0].loadEventStart };
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, pause);
  if (document.readyState === 'complete') scroll(); else addEventListener('load', scroll, { once: true });
}

/** The page's figures once it has loaded and settled: LCP, load event, the widget's first estimate. */
function settled() {
  return new Promise((resolve) => {
    const done = () => setTimeout(() => resolve({
      lcp: window.__article.lcp,
      element: window.__article.element,
      load: performance.getEntriesByType('navigation')[0].loadEventStart,
      estimate: window.__article.estimate ?? null,
    }), 3000);
    if (document.readyState === 'complete') done(); else addEventListener('load', done, { once: true });
  });
}

/**
 * One cold load of `path` over the slow link with the CPU slowed 4×, on a phone-sized page of
 * `browser`; `measure` runs in the page.
 */
async function load(browser, server, network, path, measure, argument) {
  const page = await browser.newPage();
  await page.setViewportSize(PHONE);
  await page.addInitScript(watchArticle);
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Network.clearBrowserCache');
  await devtools.send('Network.emulateNetworkConditions', network);
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const started = Date.now();
  await page.goto(`${server.url}fixtures/${path}`, { waitUntil: 'commit' });
  let result;
  if (measure === scrollToWidget) {
    // Started, then read back once set: a long evaluate across the scroll lost the page.
    await page.evaluate(measure, argument);
    await page.waitForFunction(() => window.__scrolled, null, { timeout: 120_000, polling: 100 });
    result = await page.evaluate(() => window.__scrolled);
  } else result = await page.evaluate(measure, argument);
  await page.close();
  if (process.env.ARTICLE_PROGRESS) console.error(`${path} ${JSON.stringify(argument ?? '')}: ${JSON.stringify(result)} (${Date.now() - started} ms)`);
  return result;
}

/**
 * The article's figures in `browser`, served by `server` (brotli) from the fixtures `writeArticle`
 * wrote; `network` the slow link in DevTools' terms. Prints them and returns them.
 */
export async function articleBench(browser, server, network) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const pages = { alone: 'article-alone.html', lazy: 'article-lazy.html', eager: 'article-eager.html' };
  // Once each first, unmeasured: the server compresses each file on its first request.
  for (const path of Object.values(pages)) {
    const page = await browser.newPage();
    await page.goto(`${server.url}fixtures/${path}`);
    await page.close();
  }
  const runs = { alone: [], lazy: [], eager: [] };
  for (let run = 0; run < ARTICLE_RUNS; run += 1) {
    // In turn, so that the machine's load falls on each alike.
    for (const [kind, path] of Object.entries(pages)) runs[kind].push(await load(browser, server, network, path, settled));
  }
  const scrolls = {};
  for (const pause of PAUSES) {
    scrolls[pause] = [];
    for (let run = 0; run < ARTICLE_RUNS; run += 1) scrolls[pause].push(await load(browser, server, network, pages.lazy, scrollToWidget, pause));
  }
  const sent = (path) => server.sent.findLast((response) => response.path.endsWith(path))?.bytes;
  const of = (kind, key) => median(runs[kind].map((run) => run[key]));
  const ms = (value) => (value === null ? 'n/a' : `${value.toFixed(0)} ms`);
  const elements = [...new Set(Object.values(runs).flat().map((run) => run.element))].join(', ');
  const figures = Object.fromEntries(Object.keys(pages).map((kind) => [kind, { lcp: of(kind, 'lcp'), load: of(kind, 'load'), estimate: kind === 'alone' ? null : of(kind, 'estimate') }]));
  console.log(`\nthe widget on a clinic's article (hero image ${(sent('hero.png') / 1000).toFixed(1)} KB and stylesheet ${(sent('article-theme.css') / 1000).toFixed(1)} KB as sent; `
    + `the widget below the fold after "Cost Considerations"), ${PHONE.width} × ${PHONE.height} px, slow 4G (150 ms, 1.6 Mbit/s), CPU 4×, cold, median of ${ARTICLE_RUNS}:`);
  console.log(`(the largest contentful paint was of: ${elements})`);
  console.log(`${'host page'.padEnd(44)} ${'LCP'.padStart(8)}  ratio ${'load'.padStart(8)}  ratio  widget's first estimate (off screen)`);
  for (const [kind, label] of [['alone', 'alone'], ['lazy', 'with the README\'s lines (lazy)'], ['eager', 'with the eager lines (preloads, loading="eager")']]) {
    const { lcp, load: loaded, estimate } = figures[kind];
    console.log(`${label.padEnd(44)} ${ms(lcp).padStart(8)}  ${`${(lcp / figures.alone.lcp).toFixed(2)}×`.padStart(5)} ${ms(loaded).padStart(8)}  `
      + `${`${(loaded / figures.alone.load).toFixed(2)}×`.padStart(5)}  ${ms(estimate)}`);
  }
  console.log('a scroll to the widget after the load event, to its first amount on screen (the README\'s lines):');
  for (const pause of PAUSES) {
    const times = scrolls[pause].map((run) => run.shown);
    console.log(`  scrolled ${String(pause).padStart(4)} ms after load: median ${ms(median(times))}, slowest ${ms(Math.max(...times))}`);
  }
  return { figures, scrolls };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { serve } = await import('./server.mjs');
  const { launch } = await import('./browser.mjs');
  const fixtures = mkdtempSync(join(tmpdir(), 'estimator-article-'));
  writeFileSync(join(fixtures, 'book.json'), readFileSync(new URL('../../src/price_book/default.json', import.meta.url)));
  writeArticle(fixtures);
  const server = await serve(fixtures, { compress: true });
  const browser = await launch();
  await articleBench(browser, server, { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await browser.close();
  await server.close();
}
