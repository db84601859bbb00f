// The flows a visitor or a staff member depends on, in every engine they use (engines.mjs):
// Chromium, Firefox ESR and WebKit (Safari's engine, as on every iPhone). Each test starts a fresh
// browser with an empty profile, so every visit is a first visit. The pages are served with the
// strict Content Security Policy and recorder.js first (what a page logs, for WebKit too);
// requests are counted at the test server. Screenshots go to tests/browser/screenshots/.
//
// Expected totals, by hand from the sample price book (prices in tests/cases/mod.rs):
// - the widget's first answers (plantar fasciitis, not sure = 1 to 2 injections, consultation):
//   low 250 + 1,200 + 150 + 125 = 1,725.00 - 5 % (86.25) = 1,638.75;
//   high 250 + 2 × 1,475 - 221.25 = 2,978.75 - 5 % (148.9375 -> 148.94) = 2,829.81.
// - 1 injection with a boot: 1,725 + 165 = 1,890.00 - 5 % (94.50) = 1,795.50.
// - plus 8 cash PT sessions: 1,890 + 160 + 8 × 95 = 2,810.00 - 5 % (140.50) = 2,669.50.
// - the staff page's first answers (self-pay, plantar fasciitis, 1 injection, no consultation, no
//   therapy): 1,200 + 150 + 125 = 1,475.00 - 5 % (73.75) = 1,401.25.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, closeEngines, launchEngine } from './engines.mjs';
import { CONTENT_SECURITY_POLICY, serve } from './server.mjs';

const shots = new URL('./screenshots/', import.meta.url).pathname;
const fixtures = mkdtempSync(join(tmpdir(), 'estimator-engines-'));
const sample = JSON.parse(readFileSync(new URL('../../src/price_book/default.json', import.meta.url), 'utf8'));
let server;

// The README's embed lines, as a clinic copies them, with `/estimator/` served from the fixtures:
// the widget's own (it loads when near the screen or once the page has loaded), and those for a
// widget at the top of a page (`loading="eager"`, with the preload lines).
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const embedLines = readme.match(/```html\n(<script type="module" src="\/estimator\/[\s\S]*?<\/amnion-estimator>)\n```/)[1];
const eagerLines = readme.match(/```html\n(<link rel="preload"[\s\S]*?<\/amnion-estimator>)\n```/)[1];
/**
 * A clinic's page with the README's `lines` (the element in the page, the others in the head), the
 * widget's files in `/fixtures/<folder>/`; `first` a script before them.
 */
function hostPage(folder, first = '', readmeLines = embedLines) {
  const lines = readmeLines.replaceAll('/estimator/', `/fixtures/${folder}/`).split('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A clinic's page</title>
${first}${lines.slice(0, -1).join('\n')}
</head><body><main><h1>Our clinic</h1>${lines.at(-1)}</main></body></html>`;
}
/** The widget as `make build` writes it, copied to `/fixtures/<folder>/` with the clinic's book. */
function widgetFolder(folder) {
  cpSync(new URL('../../www/dist/', import.meta.url).pathname, join(fixtures, folder), { recursive: true });
  writeFileSync(join(fixtures, folder, 'price-book.json'), JSON.stringify({
    ...sample, sample_data: false, clinic: { ...sample.clinic, name: 'Hillside Foot & Ankle', phone: '(512) 555-0199' },
  }));
  writeFileSync(join(fixtures, `${folder}.html`), hostPage(folder));
  writeFileSync(join(fixtures, `${folder}-eager.html`), hostPage(folder, '', eagerLines));
  writeFileSync(join(fixtures, `${folder}-spanish.html`), hostPage(folder).replace('<amnion-estimator ', '<amnion-estimator lang="es" '));
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  widgetFolder('estimator');
  // A damaged module: the download cut short, as on a dropped connection.
  widgetFolder('damaged');
  const wasm = readFileSync(join(fixtures, 'damaged', 'amnion_estimator_bg.wasm'));
  writeFileSync(join(fixtures, 'damaged', 'amnion_estimator_bg.wasm'), wasm.subarray(0, wasm.length >> 1));
  // No module at all (a blocked download: HTTP 404).
  widgetFolder('missing');
  rmSync(join(fixtures, 'missing', 'amnion_estimator_bg.wasm'));
  // A browser without WebAssembly (some locked-down ones turn it off), and a site's policy that
  // forbids compiling WebAssembly (no 'wasm-unsafe-eval').
  writeFileSync(join(fixtures, 'no-webassembly.js'), 'delete globalThis.WebAssembly;\n');
  writeFileSync(join(fixtures, 'no-webassembly.html'), hostPage('estimator', '<script src="no-webassembly.js"></script>\n'));
  writeFileSync(join(fixtures, 'wasm-forbidden.html'), hostPage('estimator'));
  // The book inside the widget's element, escaped as the editor's code writes it (`<` as \u003c),
  // with a clinic name that would otherwise end the script element.
  const inside = { ...sample, sample_data: false, clinic: { ...sample.clinic, name: 'Hill & Dale </script> Foot Care', phone: '(512) 555-0199' } };
  inside.products = [{ ...sample.products[0], price_cents: 131000 }, sample.products[1]];
  const data = JSON.stringify(inside).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  writeFileSync(join(fixtures, 'inside.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A clinic's page</title></head><body><main><h1>Our clinic</h1>
<script type="module" src="/fixtures/estimator/estimator.js"></script>
<amnion-estimator><script type="application/json">${data}</script></amnion-estimator></main></body></html>`);
  server = await serve(fixtures, {
    record: true,
    policies: { '/fixtures/wasm-forbidden.html': CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", '') },
  });
});
after(async () => {
  await closeEngines();
  await server?.close();
});

/** A fresh `engine` browser on `path`, `width` px wide; the server's request list starts empty. */
async function visit(engine, path, { width = 1280, height = 900 } = {}) {
  const browser = await launchEngine(engine);
  const page = await browser.newPage({ width, height });
  server.requests.length = 0;
  await page.goto(`${server.url}${path}`);
  return { browser, page, close: async () => { await page.close(); await browser.close(); } };
}

/** How many times each file was asked for, by path (the page's icon aside). */
function counts() {
  const seen = {};
  for (const path of server.requests) if (!path.startsWith('/favicon.')) seen[path] = (seen[path] ?? 0) + 1;
  return seen;
}

/** The widget's total once it shows an amount. */
const shownTotal = (page) => page.waitFor(() => {
  const total = document.querySelector('amnion-estimator')?.shadowRoot?.getElementById('total')?.textContent;
  return total?.startsWith('$') && total;
});

/** Nothing went wrong in the page: no script error, no unhandled rejection, no console.error, no CSP violation. */
async function assertClean(page) {
  assert.deepEqual(await page.recorded(), { errors: [], console: [], violations: [] });
}

// One test at a time, as the server's request list is one for all.
for (const engine of ENGINES) {
  describe(engine, { concurrency: 1 }, () => {
    test('the visitor at 360 px: an estimate, a changed answer, a reload, a share link', async () => {
      const { page, close } = await visit(engine, '', { width: 360, height: 800 });
      try {
        assert.equal(await shownTotal(page), '$1,638.75 – $2,829.81');
        await page.select('#injections', '1');
        await page.click('#walking_boot');
        assert.equal(await page.text('#total'), '$1,795.50');
        await page.click('input[name="physical_therapy.coverage"][value="cash"]');
        await page.select('#sessions', '8');
        assert.equal(await page.text('#total'), '$2,669.50');
        assert.equal(await page.text('#peek-total'), '$2,669.50', 'the phone bar follows');
        const { viewport, content } = await page.widths();
        assert.equal(viewport, 360);
        assert.ok(content <= viewport, `no sideways scrolling (${content}px of content)`);
        await page.screenshot(`${shots}every-engine-${engine}-visitor-phone.png`);
        await assertClean(page);

        // A reload keeps the answers (in the tab, not in the address).
        assert.equal(new URL(await page.evaluate(() => location.href)).hash, '');
        await page.reload();
        assert.equal(await shownTotal(page), '$2,669.50');
        assert.equal(await page.value('#injections'), '1');
        assert.equal(await page.evaluate(() => document.querySelector('amnion-estimator').shadowRoot.getElementById('walking_boot').checked), true);
        assert.equal(await page.value('#sessions'), '8');

        // A share link opened afresh gives the same answers and total.
        await page.click('#share');
        const link = await page.waitFor(() => document.querySelector('amnion-estimator').shadowRoot.getElementById('share-link').value);
        assert.match(link, /#condition=plantar_fasciitis&injections=1&/);
        await page.goto('about:blank');
        await page.goto(link);
        assert.equal(await shownTotal(page), '$2,669.50');
        assert.equal(await page.value('#injections'), '1');
        await assertClean(page);
      } finally {
        await close();
      }
    });

    for (const [lines, path] of [['README\'s lines', 'estimator.html'], ['README\'s eager lines, preloads too', 'estimator-eager.html']]) {
      test(`a clinic's page with the ${lines}: one download of each file, the clinic's book, under the strict policy`, async () => {
        const { page, close } = await visit(engine, `fixtures/${path}`);
        try {
          assert.equal(await shownTotal(page), '$1,638.75 – $2,829.81');
          assert.equal(await page.text('#clinic-contact'), 'Questions? Call Hillside Foot & Ankle at (512) 555-0199.');
          assert.deepEqual(counts(), {
            [`/fixtures/${path}`]: 1, '/__recorder.js': 1, '/fixtures/estimator/estimator.js': 1,
            '/fixtures/estimator/amnion_estimator_bg.wasm': 1, '/fixtures/estimator/price-book.json': 1,
            '/fixtures/estimator/widget.html': 1, '/fixtures/estimator/style.css': 1,
          });
          await assertClean(page);
        } finally {
          await close();
        }
      });
    }

    test('a Spanish widget: its markup and module in Spanish, one download of each, the same amounts', async () => {
      const { page, close } = await visit(engine, 'fixtures/estimator-spanish.html');
      try {
        assert.equal(await shownTotal(page), '$1,638.75 – $2,829.81');
        assert.equal(await page.text('.title'), '¿Cuánto me costaría el tratamiento?'); // the markup's
        assert.equal(await page.text('#breakdown caption'), 'Mínimo: 1 inyección'); // the module's
        assert.equal(await page.text('#clinic-contact'), '¿Tiene preguntas? Llame a Hillside Foot & Ankle al (512) 555-0199.'); // the script's
        assert.deepEqual(counts(), {
          '/fixtures/estimator-spanish.html': 1, '/__recorder.js': 1, '/fixtures/estimator/estimator.js': 1,
          '/fixtures/estimator/amnion_estimator_es_bg.wasm': 1, '/fixtures/estimator/price-book.json': 1,
          '/fixtures/estimator/widget-es.html': 1, '/fixtures/estimator/style.css': 1,
        });
        await assertClean(page);
      } finally {
        await close();
      }
    });

    test('the book inside the embed, under the strict policy: the clinic\'s prices, no .json downloaded', async () => {
      const { page, close } = await visit(engine, 'fixtures/inside.html');
      try {
        // The first answers (as above) with a vial at $1,310.00: low 250 + 1,310 + 150 + 125 =
        // 1,835.00 - 5 % (91.75) = 1,743.25; high 250 + 2 × 1,585 - 15 % of 1,585 (237.75) =
        // 3,182.25 - 5 % (159.1125 -> 159.11) = 3,023.14.
        assert.equal(await shownTotal(page), '$1,743.25 – $3,023.14');
        await page.select('#injections', '1');
        assert.equal(await page.text('#total'), '$1,743.25');
        assert.equal(await page.text('#clinic-contact'), 'Questions? Call Hill & Dale </script> Foot Care at (512) 555-0199.');
        assert.deepEqual(Object.keys(counts()).filter((path) => path.endsWith('.json')), []);
        await assertClean(page);
      } finally {
        await close();
      }
    });

    test('the demo page: one download of each file, the sample book too', async () => {
      const { page, close } = await visit(engine, '');
      try {
        await shownTotal(page);
        const seen = counts();
        assert.equal(seen['/dist/amnion_estimator_bg.wasm'], 1, JSON.stringify(seen));
        assert.equal(seen['/dist/sample-price-book.json'], 1, JSON.stringify(seen));
        assert.ok(Object.values(seen).every((count) => count === 1), JSON.stringify(seen));
      } finally {
        await close();
      }
    });

    for (const [cause, path, logged] of [
      // Firefox calls this one "InternalError: out of memory", the others a CompileError.
      ['a damaged module (cut short)', 'fixtures/damaged.html', /the estimate's module could not start: \w+Error: /],
      ['a module that cannot be downloaded', 'fixtures/missing.html', /the estimate's module could not start: could not load http:\/\/127\.0\.0\.1:\d+\/fixtures\/missing\/amnion_estimator_bg\.wasm: HTTP 404/],
      ['a browser without WebAssembly', 'fixtures/no-webassembly.html', /the estimate's module could not start: ReferenceError: /],
      ['a policy that forbids WebAssembly', 'fixtures/wasm-forbidden.html', /the estimate's module could not start: CompileError: /],
    ]) {
      test(`${cause}: the "call us" message with the clinic's phone, and why in the console`, async () => {
        const { page, close } = await visit(engine, path);
        try {
          await page.waitForVisible('#fallback');
          // The book could be read: whom to call.
          assert.equal((await page.text('#fallback')).trim(), 'The online estimate is not available right now. Please call Hillside Foot & Ankle at (512) 555-0199 for a price.');
          assert.equal(await page.visible('#answers'), false, 'no form to fill in for nothing');
          const { errors, console, violations } = await page.recorded();
          assert.deepEqual(errors, [], 'no uncaught error');
          assert.equal(console.length, 1, console.join('\n'));
          assert.match(console[0], /^<amnion-estimator>: /);
          assert.match(console[0], logged);
          if (!path.includes('forbidden')) assert.deepEqual(violations, []);
          if (path.includes('damaged')) await page.screenshot(`${shots}every-engine-${engine}-damaged-module.png`);
        } finally {
          await close();
        }
      });
    }

    test('the staff page: a quote with its number after a name and a date of birth, issued today', async () => {
      const { page, close } = await visit(engine, 'staff.html');
      try {
        await page.waitFor(() => document.getElementById('status').textContent.length > 0);
        // Today on this machine's calendar, here as in the page (both in its time zone): the
        // quote is issued on it, and the page says so as text, whatever the locale writes.
        const today = new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
        assert.equal(await page.text('#issued-on'), today, 'the issue date is today');
        // Nothing that changes a code or an amount starts chosen: the coverage, the side, the
        // condition, the product and the count are the staff's to pick. One plantar fasciitis
        // injection, self-pay: 1,475.00 - 5 % (73.75) = 1,401.25.
        await page.click('input[name="coverage"][value="self_pay"]');
        await page.click('input[name="side"][value="left"]');
        await page.select('#condition', 'plantar_fasciitis');
        await page.select('#product', 'amnion_1ml');
        await page.select('#injections', '1');
        await page.click('#prompt-pay-included');
        await page.fill('#patient-name', 'Ana Ruiz');
        await page.fill('#dob', '1970-03-04');
        const status = await page.waitFor(() => /^Good Faith Estimate /.test(document.getElementById('status').textContent) && document.getElementById('status').textContent);
        assert.match(status, /^Good Faith Estimate GFE-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]: \$1,401\.25$/);
        const number = status.match(/GFE-[0-9A-Z-]+/)[0];
        assert.ok((await page.text('#document')).includes(number), 'the document carries the number');
        assert.equal(await page.visible('#error-summary'), false, 'no problem');
        await page.screenshot(`${shots}every-engine-${engine}-staff.png`);
        await assertClean(page);
      } finally {
        await close();
      }
    });

    test('the editor: the sample opens with both previews, and the changed book downloads', async () => {
      const { browser, page, close } = await visit(engine, 'editor.html');
      try {
        // Its buttons work once its module is ready (editor.js waits for it before wiring them),
        // which nothing on the page shows: click until the sample opens.
        for (let tries = 0; !(await page.visible('#editing')); tries += 1) {
          assert.ok(tries < 50, 'the sample opens');
          await page.click('#start-sample');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        // The widget's preview prices the sample; the Good Faith Estimate's preview is drawn.
        assert.equal(await page.waitFor(() => {
          const total = document.querySelector('#widget-preview .widget-host')?.shadowRoot?.getElementById('total')?.textContent;
          return total?.startsWith('$') && total;
        }), '$1,638.75 – $2,829.81');
        assert.match(await page.text('#gfe-preview'), /Good Faith Estimate/);
        // The sample's clinic replaced, a price changed, a new version: ready to download.
        for (const [name, text] of [
          ['clinic.name', 'Hillside Foot & Ankle'], ['clinic.phone', '(512) 555-0199'], ['clinic.email', 'billing@hillside.example'],
          ['clinic.address.street', '12 Hill St'], ['clinic.address.zip', '78702'], ['clinic.npi', '1245319599'], ['clinic.tin', '98-7654321'],
          ['walking_boot.price_cents', '170.00'],
        ]) await page.fill(`[name="${name}"]`, text);
        await page.click('[name="sample_data"]');
        // The rest of the sample that would reach patients: its lender's plans (this clinic
        // offers no financing) and its two partner practices (it has none yet).
        await page.click('[name="financing._on"]');
        for (const _ of [0, 1]) {
          // Its item open (a warning may have opened it already), then its Remove button.
          await page.evaluate(() => {
            for (let part = document.getElementById('f-therapy_partners.0'); part; part = part.parentElement.closest('details')) part.open = true;
            document.querySelector('[id="f-therapy_partners.0"] button[data-action="remove"]').scrollIntoView({ block: 'center' });
          });
          await page.waitForVisible('[id="f-therapy_partners.0"] button[data-action="remove"]');
          await page.click('[id="f-therapy_partners.0"] button[data-action="remove"]');
        }
        await page.fill('#f-version', '2026.12');
        await page.fill('#f-effective_date', '2026-12-01');
        await page.waitFor(() => document.getElementById('download').getAttribute('aria-disabled') === 'false');
        await page.click('#download');
        await page.waitForVisible('#publish');
        const book = JSON.parse(readFileSync(await browser.download(/^price-book\.json$/), 'utf8'));
        // $170.00 is 17000 cents.
        assert.equal(book.walking_boot.price_cents, 17000);
        assert.equal(book.clinic.name, 'Hillside Foot & Ankle');
        assert.equal(book.version, '2026.12');
        await assertClean(page);
      } finally {
        await close();
      }
    });
  });
}
