// The printed Good Faith Estimate in headless Chromium, as a patient holds it: printed to PDF on US
// Letter (page.pdf), its text read back with poppler's pdftotext, page by page, and its pages turned
// into PNGs to look at (tests/browser/screenshots/staff-print-*.png).
// - Every element 45 CFR 149.610(c)(1) asks for (DESIGN.md, "Every element of 45 CFR
//   149.610(c)(1)"), read from the PDF's text, in English and Spanish, the quality-of-care
//   sentence among them.
// - Every printed page carries the patient's name, date of birth and the document's number, and
//   "Page N of M" (in Spanish "Página N de M"), in the margins Rust's words fill.
//
// The quote is browser.mjs's two-provider quote: plantar fasciitis, left, 2 injections with the
// consultation, cash therapy with 8 sessions at Riverside Physical Therapy, typed in with its own
// prices (160.00 and 95.00, the clinic's). By hand from the sample book (tests/cases/mod.rs):
// consultation 250.00; product 2 × 1,200; administration 2 × 150; guidance 2 × 125: 3,200.00.
// Multi-injection 15 % of injection 2 (1,200 + 150 + 125 = 1,475): 221.25, over its parts
// 180.00, 22.50, 18.75; prompt pay 5 % of 2,978.75 = 148.9375 -> 148.94, spread over what each
// still costs. Items: consultation 250 - 12.50 = 237.50; product 2,220.00 - 111.00 = 2,109.00;
// administration 277.50 - 13.88 = 263.62; guidance 231.25 - 11.56 = 219.69 (the 148.94 spread
// 12.50 + 111.00 + 13.875 + 11.5625 = 148.9375, largest remainders to the cents): 2,829.81.
// Riverside: 160.00 + 8 × 95.00 = 920.00. Total 3,749.81.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fillTwoProviderQuote, session } from './browser.mjs';

const shared = session();
const { shots } = shared;

async function staffPage(language) {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width: 1300, height: 900 });
  // A quote is issued on the page's date: the day these documents are issued on.
  await page.clock.setFixedTime(new Date(2026, 10, 21, 10, 0));
  await page.goto(`${shared.server.url}staff.html?lang=${language}`);
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  return page;
}

/** The number the page shows for the quote on screen, as staff read it beside the document. */
async function shownNumber(page) {
  await page.locator('.gfe-number', { hasText: /GFE-/ }).waitFor();
  const [number] = (await page.locator('#status').textContent()).match(/GFE-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]/);
  return number;
}

/** Prints `page` to `<name>.pdf`, turns its pages into PNGs beside it, and returns each page's text, whitespace collapsed. */
async function printPages(page, name) {
  const pdf = `${shots}${name}.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, `${shots}${name}-page`]);
  const count = Number(execFileSync('pdfinfo', [pdf]).toString().match(/^Pages:\s+(\d+)/m)[1]);
  return Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'])
    .toString().replace(/\s+/g, ' ').trim());
}

/** `text` as a regular expression matching it literally. */
const literally = (text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** One element per item row: its description's start, then (after what wraps of it) its codes, quantity and charge. */
const rows = (element, items) => items.map(([description, code, quantity, charge]) => [
  `${element}: ${code}`,
  new RegExp(`${literally(description).source}[^$]{0,40}? ${code} M72\\.2 ${quantity} ${literally(`$${charge}`).source}`),
]);

// Each element in the words the document prints, in each language: the book's texts (the sample's
// English and Spanish, src/price_book/default.json) and the crate's (src/language.rs).
const ELEMENTS = {
  en: (number) => [
    ['(i) the patient\'s name and date of birth', /Patient Name Ana Ruiz Date of birth March 4, 1970/],
    ['(ii) the primary service, in plain words, and its date', /Primary service Service Amniotic tissue injections — Plantar fasciitis \(heel pain\), left side: 2 injections Service code 20550 Diagnosis code M72\.2 Scheduled December 1, 2026/],
    ['(iii) the items grouped by provider: the convening provider', /Convening provider: Sample Foot & Ankle Clinic/],
    ['(iii) ... and the co-provider', /Co-provider: Riverside Physical Therapy/],
    // A long description wraps in its cell, so the rest of it may follow the row's other cells.
    ...rows('(iv) each item\'s service code, diagnosis code, quantity and expected charge', [
      ['New-patient consultation', '99204', 1, '237.50'], ['Amniotic allograft, 1 mL vial', 'Q4139', 2, '2,109.00'],
      ['Injection, tendon sheath,', '20550', 2, '263.62'], ['Ultrasound guidance for', '76942', 2, '219.69'],
      ['Physical therapy evaluation', '97162', 1, '160.00'], ['Physical therapy session', '97110', 8, '760.00'],
    ]),
    ['(iv) ... each provider\'s total', /Total for Sample Foot & Ankle Clinic \$2,829\.81 .*Total for Riverside Physical Therapy \$920\.00/],
    ['(v) the convening provider\'s name, NPI, TIN, location and state', /NPI 1234567893 · TIN 12-3456789 · 100 Example Ave, Suite 200, Austin, TX 78701 \(state: TX\)/],
    ['(v) ... and the co-provider\'s', /NPI 1234567802 · TIN 98-7654321 · 20 River Rd, Austin, TX 78702 \(state: TX\)/],
    ['(vi) the items to schedule separately', /Items and services to schedule separately Follow-up visits after the injection series, if your provider recommends them\. Imaging such as X-ray or MRI, if your provider orders it\./],
    ['(vii) that separate estimates will be given, and how to ask for one', /A separate Good Faith Estimate will be given for these when they are scheduled or on request\. To ask for one, call Sample Foot & Ankle Clinic at \(512\) 555-0100 or email estimates@clinic\.example\./],
    ['(viii) other items may be recommended', /Additional items or services may be recommended as part of your care that are not included in this Good Faith Estimate\. They would be estimated separately\./],
    ['(ix) only an estimate; actual charges may differ', /This Good Faith Estimate shows the costs of items and services that are reasonably expected for your health care needs\. It is an estimate; actual items, services or charges may differ\./],
    ['(x) the dispute right, where to learn how to start it, and the quality of care', /You have the right to start the patient-provider dispute resolution process if you are billed \$400 or more above this estimate for any one provider or facility\. You must start it within 120 days of the date on the bill\. To learn more and get a form, visit www\.cms\.gov\/nosurprises or call 1-800-985-3059\. Starting the patient-provider dispute resolution process will not adversely affect the quality of the health care services you receive from any provider or facility\./],
    ['not a contract', /This Good Faith Estimate is not a contract and does not require you to obtain the items or services from any of the providers or facilities listed\./],
    ['the title and the number', literally(`Good Faith Estimate Quote ${number}`)],
    ['the total', /Total estimated charges \$3,749\.81/],
  ],
  es: (number) => [
    ['(i) el nombre y la fecha de nacimiento', /Paciente Nombre Ana Ruiz Fecha de nacimiento 4 de marzo de 1970/],
    ['(ii) el servicio principal y su fecha', /Servicio principal Servicio Inyecciones de tejido amniótico — Fascitis plantar \(dolor de talón\), lado izquierdo: 2 inyecciones Código de servicio 20550 Código de diagnóstico M72\.2 Programado 1 de diciembre de 2026/],
    ['(iii) el proveedor convocante', /Proveedor convocante: Sample Foot & Ankle Clinic/],
    ['(iii) el coproveedor', /Coproveedor: Riverside Physical Therapy/],
    ...rows('(iv) el código de servicio, el de diagnóstico, la cantidad y el cargo previsto de cada artículo', [
      ['Consulta de paciente nuevo', '99204', 1, '237.50'], ['Aloinjerto amniótico de 1 mL', 'Q4139', 2, '2,109.00'],
      ['Inyección en vaina tendinosa,', '20550', 2, '263.62'], ['Guía por ultrasonido para', '76942', 2, '219.69'],
      ['Evaluación de fisioterapia', '97162', 1, '160.00'], ['Sesión de fisioterapia', '97110', 8, '760.00'],
    ]),
    ['(iv) el total de cada proveedor', /Total de Sample Foot & Ankle Clinic \$2,829\.81 .*Total de Riverside Physical Therapy \$920\.00/],
    ['(v) la identidad del proveedor convocante', /NPI 1234567893 · TIN 12-3456789 · 100 Example Ave, Suite 200, Austin, TX 78701 \(estado: TX\)/],
    ['(v) la del coproveedor', /NPI 1234567802 · TIN 98-7654321 · 20 River Rd, Austin, TX 78702 \(estado: TX\)/],
    ['(vi) lo que se programa por separado', /Artículos y servicios que se programan por separado Visitas de seguimiento después de la serie de inyecciones, si su proveedor las recomienda\. Estudios de imagen como radiografías o resonancia magnética, si su proveedor los ordena\./],
    ['(vii) estimados aparte, y cómo pedirlos', /Se le dará un Estimado de buena fe aparte para estos cuando se programen o si lo solicita\. Para pedir uno, llame a Sample Foot & Ankle Clinic al \(512\) 555-0100 o escriba a estimates@clinic\.example\./],
    ['(viii) otros artículos', /Es posible que se recomienden artículos o servicios adicionales como parte de su atención que no están incluidos en este Estimado de buena fe\. Se estimarían por separado\./],
    ['(ix) solo un estimado', /Este Estimado de buena fe muestra los costos de los artículos y servicios que razonablemente se espera que necesite para su atención médica\. Es un estimado; los artículos, servicios o cargos reales pueden ser diferentes\./],
    ['(x) la disputa y la calidad de la atención', /Usted tiene derecho a iniciar el proceso de resolución de disputas entre pacientes y proveedores si se le factura \$400 o más por encima de este estimado para cualquier proveedor o centro\. Debe iniciarlo dentro de los 120 días siguientes a la fecha de la factura\. Para obtener más información y un formulario, visite www\.cms\.gov\/nosurprises o llame al 1-800-985-3059\. Iniciar el proceso de resolución de disputas entre pacientes y proveedores no afectará negativamente la calidad de los servicios de atención médica que reciba de ningún proveedor o centro\./],
    ['no es un contrato', /Este Estimado de buena fe no es un contrato y no le obliga a obtener los artículos o servicios de ninguno de los proveedores o centros indicados\./],
    ['el título y el número', literally(`Estimado de buena fe Cotización ${number}`)],
    ['el total', /Total de cargos estimados \$3,749\.81/],
  ],
};

for (const language of ['en', 'es']) {
  test(`a self-pay Good Faith Estimate printed to PDF carries every element of 45 CFR 149.610(c)(1) (${language})`, async () => {
    const page = await staffPage(language);
    await fillTwoProviderQuote(page);
    await page.fill('#scheduled-on', '2026-12-01');
    const number = await shownNumber(page);
    const text = (await printPages(page, `staff-print-elements-${language}`)).join(' ');
    for (const [element, expected] of ELEMENTS[language](number)) assert.match(text, expected, element);
    await page.close();
  });
}

const RUNNING = {
  en: { head: (name) => `${name} · Date of birth March 4, 1970`, number: (number) => `Quote ${number}`, page: (n, m) => `Page ${n} of ${m}` },
  es: { head: (name) => `${name} · Fecha de nacimiento 4 de marzo de 1970`, number: (number) => `Cotización ${number}`, page: (n, m) => `Página ${n} de ${m}` },
};

for (const language of ['en', 'es']) {
  test(`every printed page carries the patient's name, date of birth, the number and "page N of M" (${language})`, async () => {
    const page = await staffPage(language);
    // A name with the characters a CSS string must escape: it prints as typed.
    const name = 'Ana "Annie" Ruiz \\ Lee';
    await fillTwoProviderQuote(page, name);
    await page.check('#include-comparison'); // the comparison starts a page of its own
    await page.selectOption('#comparison-plan', '');
    const number = await shownNumber(page);
    const pages = await printPages(page, `staff-print-pages-${language}`);
    assert.ok(pages.length >= 2, `${pages.length} pages: more than one to check`);
    const { head, number: quoteNumber, page: pageOf } = RUNNING[language];
    pages.forEach((text, index) => {
      assert.ok(text.includes(head(name)), `page ${index + 1} names the patient and the birth date: ${text.slice(0, 200)}`);
      assert.ok(text.includes(quoteNumber(number)), `page ${index + 1} carries the number: ${text.slice(0, 200)}`);
      assert.ok(text.includes(pageOf(index + 1, pages.length)), `page ${index + 1} says ${pageOf(index + 1, pages.length)}`);
    });
    await page.close();
  });
}

test('a 60-character patient name wraps in the running head, and the quote number never breaks', async () => {
  const page = await staffPage('en');
  const name = 'Maria Guadalupe Fernandez-Castellanos de la Torre Villanueva';
  assert.equal(name.length, 60);
  await fillTwoProviderQuote(page, name);
  await page.check('#include-comparison'); // a second page, to check every page's head
  const number = await shownNumber(page);
  const pdf = `${shots}staff-print-long-name.pdf`;
  await page.pdf({ path: pdf, format: 'Letter' });
  execFileSync('pdftoppm', ['-r', '70', '-png', pdf, `${shots}staff-print-long-name-page`]);
  const count = Number(execFileSync('pdfinfo', [pdf]).toString().match(/^Pages:\s+(\d+)/m)[1]);
  assert.ok(count >= 2, `${count} pages`);
  for (let i = 1; i <= count; i += 1) {
    // Line by line as laid out: the number whole on one line of every page.
    const lines = execFileSync('pdftotext', ['-layout', '-f', String(i), '-l', String(i), pdf, '-']).toString().split('\n');
    assert.ok(lines.some((line) => line.includes(`Quote ${number}`)), `page ${i}: "Quote ${number}" on one line: ${lines.slice(0, 4).join(' | ')}`);
    assert.ok(lines.join(' ').replace(/\s+/g, ' ').includes('Date of birth March 4, 1970'), `page ${i}: the birth date`);
  }
  await page.close();
});

/**
 * The rows of page `n` of `pdf`, at 50 dpi, where at least a quarter of the row is the clinic's
 * note's yellow (#fdf6e7, staff.css `.gfe-note`): printed with backgrounds, as the walk-through's was.
 */
function noteRows(pdf, n) {
  const base = `${shots}staff-print-note-rows`;
  execFileSync('pdftoppm', ['-r', '50', '-f', String(n), '-l', String(n), '-singlefile', pdf, base]);
  const data = readFileSync(`${base}.ppm`);
  const [, width, height] = data.toString('latin1', 0, 20).split(/\s+/).map(Number);
  const start = data.length - width * height * 3;
  const yellow = (i) => Math.abs(data[i] - 253) < 3 && Math.abs(data[i + 1] - 246) < 3 && Math.abs(data[i + 2] - 231) < 3;
  const rows = [];
  for (let y = 0; y < height; y += 1) {
    let count = 0;
    for (let x = 0; x < width; x += 1) if (yellow(start + 3 * (y * width + x))) count += 1;
    if (count > width / 4) rows.push(y);
  }
  return rows;
}

test('a long estimate\'s note box prints whole on one page, wherever the page breaks near it', async () => {
  // The billing walk-through's Maria Lopez (walk-through 5, section 7): 2 mL vial, 2 injections,
  // consultation, 2 follow-ups, an X-ray, cash therapy with 8 sessions, no prompt-pay discount.
  // By hand: 250 + vials 1,900 + 1,900 × 0.85 = 3,515.00 + 20550 150 + 127.50 = 277.50 + 76942
  // 125 + 106.25 = 231.25 + 2 × 120 + 95 + 160 + 8 × 95 = 5,528.75. Its clinic note ("These charges
  // already reflect…") ended at the foot of page 1 with a strip of it atop page 2.
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.clock.setFixedTime(new Date(2026, 11, 7, 10, 0));
  await page.goto(`${shared.server.url}staff.html`);
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  await page.check('input[name="coverage"][value="self_pay"]');
  await page.fill('#patient-name', 'Maria Lopez');
  await page.fill('#dob', '1968-03-14');
  await page.check('input[name="side"][value="left"]');
  await page.fill('#scheduled-on', '2026-12-21');
  await page.fill('#booked-on', '2026-12-07');
  await page.selectOption('#condition', 'plantar_fasciitis');
  await page.selectOption('#product', 'amnion_2ml');
  await page.selectOption('#injections', '2');
  await page.check('#consultation');
  await page.getByLabel(/Follow-up visit/).fill('2');
  await page.getByLabel(/X-ray of the foot/).fill('1');
  await page.check('input[name="answers.physical_therapy.coverage"][value="cash"]');
  await page.selectOption('#sessions', '8');
  await page.getByLabel('Date of injection 2 (optional)').fill('2027-01-18');
  await page.check('#prompt-pay-not_offered');
  await page.waitForFunction(() => /\$5,528\.75$/.test(document.getElementById('status').textContent));
  // As printed, then with the note moved down 2 px at a time (its top margin, through a sheet of
  // the test's own) across the foot of page 1: it is on one page each time, never on two.
  const seen = [];
  for (let shift = 0; shift <= 40; shift += 2) {
    await page.evaluate((shift) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(shift ? `.gfe-note { margin-top: calc(.5rem + ${shift}px) !important; }` : '');
      document.adoptedStyleSheets = [sheet];
    }, shift);
    const pdf = `${shots}staff-print-note.pdf`;
    await page.pdf({ path: pdf, format: 'Letter', printBackground: true });
    if (shift === 0) execFileSync('pdftoppm', ['-r', '60', '-png', pdf, `${shots}staff-print-note-page`]);
    const pages = [1, 2].filter((n) => noteRows(pdf, n).length > 0);
    assert.equal(pages.length, 1, `moved ${shift} px: the note is on page ${pages.join(' and ')}`);
    seen.push(pages[0]);
  }
  // The shifts did carry it over the break: on page 1 first, then whole on page 2.
  assert.equal(seen[0], 1);
  assert.equal(seen.at(-1), 2);
  await page.close();
});
