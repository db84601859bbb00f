// The staff page: reads the quote form, hands it to the page's `Quoter` (the Rust module's handle,
// built once with the price book), which renders the quote's Good Faith Estimate, and offers print,
// save, reopen and CSV of the quote on screen. No prices, rules or arithmetic here.
import init, { Quoter } from './pkg-staff/amnion_estimator.js';
import { describe, fillSelect, readForm, showDetail, showErrors, writeForm } from './form.js';
import { loadPriceBook, openPriceBook } from './price-book.js';
import { keptBook, offerBookFile, showBookVersion } from './staff-book.js';
import { languageOf, say, translate, wordsFor } from './language.js';
import { addOnce, allRecords, announceChange, askToPersist, changeRecord, importRecords, onChange, recordsOf, setSetting, setting } from './register.js';

const $ = (id) => document.getElementById(id);
const form = $('quote-form');

function showDependentFields() {
  showDetail($('product'), options.products, $('product-detail'));
  const coverage = form.elements['answers.physical_therapy.coverage'].value;
  $('sessions-field').hidden = coverage === 'none';
  $('insurance-fields').hidden = coverage !== 'insurance';
  $('therapist-fields').hidden = !$('elsewhere').checked;
  // A date for each planned injection after the first: the fields up to the planned count (none
  // while the count is not chosen).
  for (const field of $('later-dates').children) {
    const wanted = $('injections').selectedIndex >= Number(field.dataset.option);
    field.hidden = !wanted;
    field.querySelector('input').disabled = !wanted;
  }
  // A partner from the price book needs nothing typed in; "Other provider" asks for the provider.
  const typed = 'other' in ($('pt-partner').selectedOptions[0]?.dataset ?? {});
  for (const input of $('therapist-fields').querySelectorAll('input')) input.closest('.field').hidden = !typed;
  $('therapist-fields').querySelector('.pt-prices').hidden = !typed;
  // What a plan allows that provider only matters when therapy goes through insurance.
  for (const field of $('therapist-fields').querySelectorAll('.pt-allowed')) field.hidden ||= coverage !== 'insurance';
}

/**
 * Puts a "Choose…" option first in `select`, chosen: a choice that changes a code or an amount
 * starts unchosen on a new quote, and the quote says so at it until staff choose.
 */
function startUnchosen(select) {
  const prompt = new Option(say(words, 'choose', 'Choose…'), '', true, true);
  prompt.disabled = true;
  select.prepend(prompt);
}

let shownTitle = '';

/** What the page says beside the document of `quote` (`{ title, quote_number, total, ... }`). */
function show(quote) {
  // Another kind of document (a self-pay price quote in place of a GFE): show it from its top.
  if (quote.title !== shownTitle) $('document-pane').scrollTop = 0;
  shownTitle = quote.title;
  $('status').textContent = `${quote.title} ${quote.quote_number}: ${quote.total}`;
  $('coverage-notice').textContent = quote.coverage_notice ?? '';
  $('coverage-notice').hidden = !quote.coverage_notice;
  $('range-warning').textContent = quote.range_warning ?? '';
  $('range-warning').hidden = !quote.range_warning;
  $('revision').textContent = quote.revision ?? '';
  $('revision').hidden = !quote.revision;
  $('price-warnings').textContent = quote.price_warnings.join(' ');
  $('price-warnings').hidden = quote.price_warnings.length === 0;
  $('prompt-pay-warning-text').textContent = quote.prompt_pay_warning ?? '';
  $('prompt-pay-warning').hidden = !quote.prompt_pay_warning;
  $('error').hidden = true;
}

// Which problems the form shows: those of the fields staff have changed, and all of them once a
// quote has been shown or an output was asked for (so a new blank form is not a wall of errors).
const touched = new Set();
let showEveryProblem = false;
let matches = false; // whether the document on screen is the form's quote

/**
 * Marks the document as the form's quote, or not: while it is not, the document is greyed under a
 * notice, Print, Save quote and Export CSV are off with the reason beside them, and the browser's
 * own print shows a notice instead of the document (staff.css).
 */
function setMatches(now) {
  matches = now;
  $('document-pane').dataset.matches = String(now);
  for (const button of document.querySelectorAll('.output')) button.setAttribute('aria-disabled', String(!now));
  const shown = $('document').childElementCount > 0;
  $('quote-output').classList.toggle('stale', !now && shown);
  $('stale-notice').hidden = now || !shown;
  $('stale-notice').textContent = say(words, 'quote_does_not_match', 'This quote does not match the form: it was made before the last change. Fix the problems in the form to bring it up to date.');
  $('output-reason').hidden = now;
  $('output-reason-text').textContent = shown
    ? say(words, 'outputs_off', 'Print, Save quote and the exports are off until the problems in the form are fixed.')
    : say(words, 'outputs_off_until_answered', 'Print, Save quote and the exports come on once every answer the quote needs is in.');
}

/** When the Good Faith Estimate is due (`due`, sentences from Rust), beside the form; nothing when empty. */
function showDue(due) {
  $('gfe-due').replaceChildren(...due.map((sentence) => Object.assign(document.createElement('p'), { textContent: sentence })));
  $('gfe-due').hidden = due.length === 0;
}

/** One call into Rust per change: the quote, its document and, when asked for, the comparison. */
function update() {
  showDependentFields();
  $('reopened').hidden = true;
  const wanted = $('include-comparison').checked;
  $('comparison').hidden = !wanted;
  const regions = { document: $('document'), comparison: wanted ? $('comparison') : undefined };
  const { refused, quote, issued_on: issuedOn, due, coverage_notice: notice } = quoter.update(readForm(form), regions, $('comparison-plan').value);
  $('issued-on').textContent = issuedOn;
  showDue(due);
  if (quote) show(quote);
  // The notice for the coverage chosen now, even while the quote is refused: never an earlier choice's.
  $('coverage-notice').textContent = notice ?? '';
  $('coverage-notice').hidden = !notice;
  if (quote && refused.length === 0) showEveryProblem = true;
  if (!quote) {
    $('status').textContent = $('document').childElementCount
      ? ''
      // How many answers are still to fill in or fix (the problems list names them): never a
      // fixed list of fields, which named answers already given (billing walk-through).
      : say(words, 'answers_still_needed', 'The quote shows once every answer is in and right. Still to fill in or fix: {count}.', { count: refused.length });
  }
  showErrors(form, $('error-summary'), showEveryProblem ? refused : refused.filter(({ path }) => touched.has(path)));
  setMatches(Boolean(quote) && refused.length === 0);
  followQuote(quote);
  showReplaced(quote?.quote_number);
}

/** Every problem shown, and the summary of them focused. */
function showProblems() {
  showEveryProblem = true;
  update();
  $('error-summary').focus();
}

/** `action` when the document is the form's quote; otherwise every problem shown, and nothing output. */
function output(action) {
  return () => (matches ? action() : showProblems());
}

function download(name, type, text) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The saved quote in `file`, parsed; an Error saying why not if it is not JSON (cut short, or another kind of file). */
async function parsed(file) {
  try {
    return JSON.parse(await file.text());
  } catch (error) {
    throw new Error(say(words, 'file_not_json', 'it is not a complete saved quote file (cut short, or another kind of file): {reason}', { reason: error.message }));
  }
}

let edited = false; // whether staff changed the form since the page opened or a quote was opened
let openedNumber = null; // the number of the quote last opened into the form
const keptHere = new Set(); // the numbers of the quotes printed, saved or exported from this page

/**
 * Whether opening a quote would lose what staff typed: answers changed since the page or the last
 * quote opened, in a quote not kept: not printed, saved or exported (which keeps it in the
 * register), and not the quote opened itself, unchanged.
 */
function wouldLoseWork() {
  if (!edited) return false;
  const number = matches ? quoter.registerRecord()?.quote_number : undefined;
  return !number || !(number === openedNumber || keptHere.has(number) || registerRecords.some((kept) => kept.quote_number === number));
}

async function open(file, question = say(words, 'open_loses_form', 'The form holds answers that are not saved or printed. Opening another quote puts it in their place, and they are lost. Open it anyway?')) {
  // "Print a copy", "Open", "Revise", "Check the bill" and a chosen file all open into the form:
  // asked first when that would lose unsaved answers (billing walk-through 6, item 4).
  if (wouldLoseWork() && !window.confirm(question)) return;
  try {
    const saved = await parsed(file);
    const reopened = quoter.reopen(saved, { document: $('document') });
    $('saved-note').textContent = '';
    writeForm(form, reopened.form); // every choice the quote made, spelled out
    edited = false;
    openedNumber = reopened.quote.quote_number;
    // A provider typed in has no partner (files before partners have none): "Other provider". With
    // neither, the choice is not made, as on a new quote.
    const provider = reopened.form.therapy_provider;
    if (provider.partner) $('pt-partner').value = provider.partner;
    else if (provider.name) $('pt-partner').querySelector('[data-other]').selected = true;
    else $('pt-partner').selectedIndex = 0;
    showDependentFields();
    show(reopened.quote);
    $('issued-on').textContent = reopened.quote.issued_on;
    showDue(reopened.due);
    $('include-comparison').checked = false;
    $('comparison').hidden = true; // a comparison would be at today's prices
    showEveryProblem = true;
    showErrors(form, $('error-summary'), []);
    setMatches(true);
    $('reopened').textContent = [
      say(words, 'reopened', "Reopened quote {number} with the prices it was saved with (price book {version}). Changing anything that prints makes a revised quote: a new number, issued today, at today's prices.", {
        number: reopened.quote.quote_number, version: reopened.quote.price_book_version,
      }),
      reopened.expired ?? '',
      reopened.price_change ?? '',
      reopened.other_language ?? '',
    ].join(' ');
    $('reopened').hidden = false;
    followQuote(reopened.quote);
    showReplaced(reopened.quote.quote_number);
  } catch (error) {
    const reasons = error.fields?.length ? describe(form, error.fields) : error.message;
    $('error').textContent = `${say(words, 'file_not_opened', 'That file could not be opened as a saved quote:')} ${reasons}`;
    $('error').hidden = false;
  }
}

// The clinic's own price book: `<meta name="amnion-price-book" content="prices.json">` on this page,
// or `?price-book=draft.json` to try a draft before publishing it. Without either, a book opened
// from a file on this computer (staff-book.js), or the sample.
const source = new URLSearchParams(location.search).get('price-book')
  ?? document.querySelector('meta[name="amnion-price-book"]')?.content;
// The language: `?lang=es`, else the browser's.
const language = languageOf(new URLSearchParams(location.search).get('lang') || navigator.language);
const words = await wordsFor(language);
document.documentElement.lang = language;
translate(document, words);
document.title = say(words, 'staff_page_title', document.title);
await init();
let quoter;
try {
  const openBook = (book) => new Quoter(book, language);
  // No book on the site: the one opened from a file on this computer before, else the sample.
  if (!source) offerBookFile(openBook, words);
  const file = source ? undefined : await keptBook();
  quoter = source ? await loadPriceBook(new URL(source, location.href), openBook)
    : file ? openPriceBook(file.name, file.book, openBook) : openBook(undefined);
  showBookVersion(words, quoter.priceBookVersion(), source ? { kind: 'site' } : file ? { kind: 'file', name: file.name } : { kind: 'sample' });
} catch (error) {
  // Staff and the clinic's admin are the audience here: show every problem, quote nothing.
  $('error').textContent = `${error.message}\n\n${say(words, 'fix_price_book', 'Fix the price book, then reload this page.')}`;
  $('error').hidden = false;
  form.hidden = true;
  throw error;
}
const options = quoter.choices();
fillSelect($('condition'), options.conditions);
fillSelect($('product'), options.products);
fillSelect($('injections'), options.injections.filter(({ value }) => value !== 'not_sure'));
fillSelect($('up-to'), [{ value: '', label: say(words, 'exactly_as_planned', 'Exactly as planned') }, ...options.injections.filter(({ value }) => value !== 'not_sure')]);
fillSelect($('sessions'), options.pt_sessions.filter(({ value }) => value !== 'typical'));
// "Other provider" has its own value (Rust's TYPED_IN, saved as no partner), so a provider chosen
// but not typed yet is asked for at its blank fields, not at this choice.
fillSelect($('pt-partner'), [...options.therapy_partners, { value: 'typed-in', label: say(words, 'other_provider_type_it_in', 'Other provider (type it in)') }]);
$('pt-partner').lastElementChild.dataset.other = '';
for (const id of ['condition', 'product', 'injections', 'sessions', 'pt-partner']) startUnchosen($(id));
// A date field for each injection after the first the form offers (injection 2, 3, ...), shown
// once that injection's count (its option) or a larger one is chosen.
const counts = [...$('injections').options].filter((option) => !option.disabled);
$('later-dates').replaceChildren(...counts.slice(1).map((option, position) => {
  const field = document.createElement('div');
  field.className = 'field';
  field.dataset.option = option.index;
  const label = document.createElement('label');
  label.htmlFor = `later-date-${position}`;
  label.textContent = say(words, 'date_of_injection_n', 'Date of injection {n} (optional)', { n: option.value });
  const input = document.createElement('input');
  input.type = 'date';
  input.id = `later-date-${position}`;
  input.name = `later_injections_on.${position}`;
  field.append(label, input);
  return field;
}));
$('extras').replaceChildren(...options.extras.map(({ value, label }) => {
  const field = document.createElement('div');
  field.className = 'field';
  const labelElement = document.createElement('label');
  labelElement.htmlFor = `extra-${value}`;
  labelElement.textContent = label;
  const input = document.createElement('input');
  input.id = `extra-${value}`;
  input.name = `extras.${value}`;
  input.inputMode = 'numeric';
  input.placeholder = '0';
  field.append(labelElement, input);
  return field;
}));
// Will the patient pay in full at the visit: the book's choices, none chosen (the choice changes
// the amounts); nothing to ask when the book has no prompt-pay discount.
const promptPay = quoter.promptPayChoices();
if (promptPay) {
  $('prompt-pay-choices').replaceChildren(...promptPay.choices.map(({ value, label }) => {
    const choice = document.createElement('label');
    const input = Object.assign(document.createElement('input'), {
      type: 'radio', name: 'prompt_pay', value, id: `prompt-pay-${value}`,
    });
    choice.append(input, ' ', Object.assign(document.createElement('span'), { textContent: label }));
    return choice;
  }));
  $('prompt-pay-field').hidden = false;
}
fillSelect($('comparison-plan'), quoter.financingChoices());

// One listener per control: `input` fires for every kind (a select fires `change` as well).
form.addEventListener('input', (event) => {
  touched.add(event.target.name);
  edited = true;
  $('saved-note').textContent = ''; // a change is not saved yet
  update();
});
// Print, Save quote and Export CSV output the quote on screen only while it is the form's quote.
$('print').addEventListener('click', output(() => window.print()));
$('save').addEventListener('click', output(() => {
  const saved = quoter.savedQuote();
  const file = `${saved.quote_number}.json`;
  download(file, 'application/json', JSON.stringify(saved, null, 2));
  // Said beside the button (a status, so read out): which document, in which file.
  $('saved-note').textContent = say(words, 'saved_quote_as', 'Saved {number} as the file {file}.', { number: saved.quote_number, file });
}));
$('csv').addEventListener('click', output(() => {
  download(`${quoter.savedQuote().quote_number}.csv`, 'text/csv', quoter.csv());
}));
// Export for the record system (issue 24): the Good Faith Estimate as the Da Vinci PCT GFE Packet,
// FHIR JSON made in Rust. A self-pay price quote is no Good Faith Estimate: refused in words.
$('record-export').addEventListener('click', output(() => {
  const { text, refused } = quoter.recordExport();
  if (refused) $('status').textContent = refused;
  else {
    download(`${quoter.savedQuote().quote_number}.fhir.json`, 'application/fhir+json', text);
    recordShown(); // an estimate given to the record system is in the register, as a printed one
  }
}));
// The prompt-pay warning's one click: the choice that leaves the discount out of the charges.
$('leave-out-prompt-pay').addEventListener('click', () => {
  $('prompt-pay-excluded').checked = true;
  touched.add('prompt_pay');
  update();
  $('prompt-pay-excluded').focus();
});
$('to-problems').addEventListener('click', (event) => {
  event.preventDefault();
  showProblems();
});
$('open').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  event.target.value = ''; // so that choosing the same file again opens it again
  if (file) await open(file);
});

// The bill check (issue 21). The bill's fields follow the quote on screen: one fieldset per
// provider of its estimate, built from the `providers` that `update` and `reopen` give with it. "Check the bill" makes one
// call, `checkBill`, which checks the bill in Rust and renders the result beside the fields; after
// the first check, each change checks again, so the result never disagrees with the fields. Print
// prints the result alone, and only while the bill is checked with no problem.
const billForm = $('bill-form');
let billQuote = null; // the quote number the bill's fields are for
let billChecked = false; // whether staff asked for a check since the fields were built
let billMatches = false; // whether the result on screen is the fields' bill

/** A `.field` holding a label and an input named `name`. */
function billField(id, name, label, { hidden = false, inputMode = '' } = {}) {
  const field = document.createElement('div');
  field.className = 'field';
  const labelElement = document.createElement('label');
  labelElement.htmlFor = id;
  labelElement.textContent = label;
  if (hidden) labelElement.className = 'visually-hidden';
  const input = document.createElement('input');
  input.id = id;
  input.name = name;
  input.autocomplete = 'off';
  if (inputMode) input.inputMode = inputMode;
  field.append(labelElement, input);
  return field;
}

/** The fields of provider `index` of the quote (`{ npi, name, role, total, items }`). */
function billProviderFields(provider, index) {
  const fieldset = document.createElement('fieldset');
  fieldset.className = 'bill-provider-fields';
  const legend = document.createElement('legend');
  legend.textContent = `${provider.name} · ${provider.role} · NPI ${provider.npi}`;
  const npi = Object.assign(document.createElement('input'), { type: 'hidden', name: `providers.${index}.npi`, value: provider.npi });
  const hint = Object.assign(document.createElement('p'), {
    className: 'hint',
    textContent: say(words, 'bill_provider_hint', 'Its estimate: {total}. Enter its billed total, or its billed items.', { total: provider.total }),
  });
  const total = billField(`bill-${index}-total`, `providers.${index}.total`, say(words, 'billed_total', 'Billed total ($)'), { inputMode: 'decimal' });
  const items = document.createElement('div');
  items.className = 'bill-items';
  items.setAttribute('role', 'group');
  items.setAttribute('aria-labelledby', `bill-${index}-items`);
  const heading = Object.assign(document.createElement('p'), { id: `bill-${index}-items`, className: 'label', textContent: say(words, 'billed_items', 'Billed items') });
  const head = document.createElement('div');
  head.className = 'bill-item bill-item-head';
  head.setAttribute('aria-hidden', 'true');
  for (const text of [say(words, 'bill_code', 'Code'), say(words, 'bill_units', 'Units'), say(words, 'bill_amount', 'Amount ($)')]) {
    head.append(Object.assign(document.createElement('span'), { textContent: text }));
  }
  items.append(heading, head);
  // A row per item of the estimate and two more, for codes it did not list (`rows`, from the
  // module); blank rows are skipped.
  for (let row = 0; row < provider.rows; row += 1) {
    const line = document.createElement('div');
    line.className = 'bill-item';
    const at = `providers.${index}.items.${row}`;
    const n = { n: row + 1 };
    line.append(
      billField(`bill-${index}-${row}-code`, `${at}.code`, say(words, 'bill_item_code', 'Item {n}: code', n), { hidden: true }),
      billField(`bill-${index}-${row}-units`, `${at}.units`, say(words, 'bill_item_units', 'Item {n}: units', n), { hidden: true, inputMode: 'numeric' }),
      billField(`bill-${index}-${row}-amount`, `${at}.amount`, say(words, 'bill_item_amount', 'Item {n}: amount ($)', n), { hidden: true, inputMode: 'decimal' }),
    );
    items.append(line);
  }
  fieldset.append(legend, npi, hint, total, items);
  return fieldset;
}

/** Marks the result as the fields' bill, or not: Print is off (with its reason) while it is not. */
function setBillMatches(now) {
  billMatches = now;
  $('bill-print').setAttribute('aria-disabled', String(!now));
  $('bill-print-reason').hidden = now;
  $('bill-section').dataset.matches = String(now);
}

/**
 * Follows the quote on screen (`quote` as `update` or `reopen` shows it, with its `providers`, or
 * null while there is none): its providers' fields, rebuilt only when its providers change (what
 * staff typed stays in every field that is still there), and the result, checked again for the new
 * quote once staff have asked for a check (emptied until then).
 */
function followQuote(quote) {
  const number = quote?.quote_number ?? null;
  if (number === billQuote) return;
  billQuote = number;
  billForm.hidden = !quote;
  $('bill-none').hidden = Boolean(quote);
  const providers = JSON.stringify((quote?.providers ?? []).map(({ npi, items }) => [npi, items]));
  if (providers !== $('bill-providers').dataset.providers) {
    const typed = new Map([...billForm.elements].filter((input) => input.name && input.type !== 'hidden').map((input) => [input.name, input.value]));
    $('bill-providers').replaceChildren(...(quote?.providers ?? []).map(billProviderFields));
    $('bill-providers').dataset.providers = providers;
    for (const input of billForm.elements) if (typed.has(input.name)) input.value = typed.get(input.name);
  }
  if (quote && billChecked) {
    checkBill();
    return;
  }
  $('bill-result').replaceChildren();
  showErrors(billForm, $('bill-error-summary'), []);
  setBillMatches(false);
}

/** One call into Rust: the bill checked, its result rendered, or every problem at its field. */
function checkBill() {
  billChecked = true;
  const { refused, check } = quoter.checkBill(readForm(billForm), { bill: $('bill-result') });
  showErrors(billForm, $('bill-error-summary'), refused);
  setBillMatches(Boolean(check));
  return refused.length;
}

billForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (checkBill()) $('bill-error-summary').focus();
});
billForm.addEventListener('input', () => {
  if (billChecked) checkBill();
});
$('bill-print').addEventListener('click', () => {
  if (!billMatches) {
    if (checkBill()) $('bill-error-summary').focus();
    return;
  }
  // The print stylesheet prints the bill check alone while the page is marked so.
  document.body.classList.add('printing-bill');
  window.print();
});
window.addEventListener('afterprint', () => document.body.classList.remove('printing-bill'));
update();

// The register of estimates given (issue 21). Each quote printed, saved or exported is recorded
// once per number, with its whole saved file (register.js stores it in this browser's IndexedDB;
// the module makes the record and holds every rule: what an entry shows, search, sorting, what is
// due or ending, the backup and its import). From an entry staff open the document exactly as it
// was printed (the "Open saved quote" path, so the same number), print a copy, revise it, record
// how it was given, and check the bill against it (the bill section, recorded with the entry).
let registerRecords = []; // as IndexedDB last gave them
let lastBackup = null; // the day of the last backup made in this browser

/** Says `text` under the register's buttons (`error`: as a failure, in red). */
function registerSays(text, { error = false } = {}) {
  const [shown, other] = error ? ['register-error', 'register-message'] : ['register-message', 'register-error'];
  $(shown).textContent = text;
  $(shown).hidden = !text;
  $(other).hidden = true;
}

/** Why a register write failed, in words: a full disk said as such, else the browser's message. */
function registerFailure(error) {
  if (error?.name === 'QuotaExceededError') {
    return say(words, 'register_disk_full', 'this computer has no more space for this browser\'s data. Free some space, then try again; until then, save each quote\'s file as well.');
  }
  const fields = error?.fields?.map(({ reason }) => reason); // each worded to stand alone
  return fields?.length ? fields.join('\n') : (error?.message ?? String(error));
}

/** Reads the register again (this tab's change, another tab's, or the page's start) and shows it. */
async function loadRegister() {
  try {
    registerRecords = await allRecords();
    lastBackup = (await setting('last_backup')) ?? null;
  } catch (error) {
    registerSays(`${say(words, 'register_unreadable', 'The register could not be read in this browser:')} ${registerFailure(error)}`, { error: true });
    return;
  }
  const { problems } = quoter.registerLoad(registerRecords);
  if (problems.length) {
    registerSays(`${say(words, 'register_refused_records', 'These records are kept but not shown, because their documents do not open as recorded:')}\n${problems.join('\n')}`, { error: true });
  }
  showRegister();
}

/**
 * Works `records` (just written, by this tab or another) into the register on screen: the module
 * reopens only their files, and no other record is read again (a change to one entry of a
 * thousand is one record, not the whole register).
 */
function updateRegister(records) {
  for (const record of records) {
    const at = registerRecords.findIndex((kept) => kept.quote_number === record.quote_number);
    if (at === -1) registerRecords.push(record);
    else registerRecords[at] = record;
  }
  const { problems } = quoter.registerUpdate(records);
  if (problems.length) {
    registerSays(`${say(words, 'register_refused_records', 'These records are kept but not shown, because their documents do not open as recorded:')}\n${problems.join('\n')}`, { error: true });
  }
  showRegister();
}

/** Another tab changed the records of `numbers` (or, with `null`, the register): reads only those. */
async function registerChanged(numbers) {
  if (!numbers) return loadRegister();
  try {
    const records = await recordsOf(numbers);
    lastBackup = (await setting('last_backup')) ?? null;
    updateRegister(records);
  } catch (error) {
    registerSays(`${say(words, 'register_unreadable', 'The register could not be read in this browser:')} ${registerFailure(error)}`, { error: true });
  }
  return undefined;
}

/** A button of the register, `text`, described by the element `describedBy`, doing `action`. */
function registerButton(text, describedBy, action) {
  const button = Object.assign(document.createElement('button'), { type: 'button', textContent: text });
  button.setAttribute('aria-describedby', describedBy);
  button.addEventListener('click', action);
  return button;
}

/** The form recording how and when the entry `number` (heading `headingId`) was given. */
function givenForm(number, headingId, index) {
  const form = document.createElement('form');
  form.className = 'register-given';
  form.noValidate = true;
  const how = document.createElement('select');
  how.id = `given-how-${index}`;
  how.name = 'how';
  how.append(new Option(say(words, 'choose', 'Choose…'), '', true, true));
  how.options[0].disabled = true;
  how.append(
    new Option(say(words, 'given_paper', 'On paper'), 'paper'),
    new Option(say(words, 'given_email', 'By email'), 'email'),
    new Option(say(words, 'given_portal', 'Through the patient portal'), 'portal'),
  );
  const on = Object.assign(document.createElement('input'), { type: 'date', id: `given-on-${index}`, name: 'on' });
  const problem = Object.assign(document.createElement('p'), { className: 'error', id: `given-problem-${index}`, hidden: true });
  problem.setAttribute('role', 'alert');
  const field = (control, text) => {
    const div = document.createElement('div');
    div.className = 'field';
    div.append(Object.assign(document.createElement('label'), { htmlFor: control.id, textContent: text }), control);
    return div;
  };
  const record = Object.assign(document.createElement('button'), { type: 'submit', textContent: say(words, 'given_record', 'Record how it was given') });
  record.setAttribute('aria-describedby', headingId);
  form.append(field(how, say(words, 'given_how', 'How it was given')), field(on, say(words, 'given_on', 'On (blank: today)')), record, problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let changed;
    try {
      changed = await changeRecord(number, (kept) => quoter.registerGiven(kept, how.value, on.value));
    } catch (error) {
      problem.textContent = registerFailure(error);
      problem.hidden = false;
      return;
    }
    announceChange([number]);
    registerSays(say(words, 'given_recorded', 'Recorded how {number} was given.', { number }));
    updateRegister([changed]);
  });
  return form;
}

// How many entries the register lists: 50 (the module's LISTED_AT_A_TIME) more each time staff ask,
// back to 50 when the search or the order changes. A register of thousands drawn whole left the
// page unresponsive after every change.
const LISTED_AT_A_TIME = 50;
let listedUpTo = LISTED_AT_A_TIME;

/** The register as the module shows it for the search and sort on screen. */
function showRegister() {
  const { view, backup_reminder: reminder } = quoter.registerView($('register-query').value, $('register-sort').value, lastBackup, listedUpTo);
  $('register-summary').textContent = view.summary;
  $('register-listed').textContent = view.listed ?? '';
  $('register-listed').hidden = !view.listed;
  $('register-more').hidden = view.more === 0;
  showReplaced(quoter.savedQuote()?.quote_number);
  $('register-reminder').textContent = reminder ?? '';
  $('register-reminder').hidden = !reminder;
  // A Good Faith Estimate due or overdue is to be given, not revised: record how, or open it to
  // print; one ending with care still planned is to be revised.
  const actions = [...view.due.map((action) => ({ ...action, due: true })), ...view.expiring];
  $('register-actions').hidden = actions.length === 0;
  $('register-action-list').replaceChildren(...actions.map(({ quote_number: number, patient_name: name, says, due }, index) => {
    const item = document.createElement('li');
    const text = Object.assign(document.createElement('span'), { id: `register-action-${index}`, textContent: `${name} · ${number}: ${says}` });
    if (due) {
      item.append(text, ' ',
        registerButton(say(words, 'given_record', 'Record how it was given'), text.id, () => toGivenForm(number)),
        ' ', registerButton(say(words, 'register_open', 'Open'), text.id, () => reviseRecord(number)));
    } else {
      item.append(text, ' ', registerButton(say(words, 'register_revise', 'Revise'), text.id, () => reviseRecord(number)));
    }
    return item;
  }));
  $('register-list').replaceChildren(...view.entries.map((entry, index) => {
    const item = document.createElement('li');
    item.className = 'register-entry';
    item.dataset.number = entry.quote_number;
    const headingId = `register-entry-${index}`;
    const heading = Object.assign(document.createElement('h3'), { id: headingId, textContent: `${entry.patient_name} · ${entry.quote_number}` });
    const title = Object.assign(document.createElement('p'), { className: 'register-title', textContent: entry.title });
    const lines = entry.lines.map((line) => Object.assign(document.createElement('p'), { textContent: line }));
    const buttons = document.createElement('div');
    buttons.className = 'toolbar';
    buttons.append(
      registerButton(say(words, 'register_open', 'Open'), headingId, () => openRecord(entry.quote_number, $('document-heading'))),
      registerButton(say(words, 'register_print', 'Print a copy'), headingId, async () => {
        const question = say(words, 'print_copy_loses_form', 'Printing a copy of {number} opens it in the form, in place of answers that are not saved or printed, and they are lost. Print it anyway?', { number: entry.quote_number });
        if (await openRecord(entry.quote_number, undefined, question)) window.print();
      }),
      registerButton(say(words, 'register_check_bill', 'Check the bill'), headingId, () => checkBillOf(entry.quote_number)),
    );
    item.append(heading, title, ...lines, buttons, givenForm(entry.quote_number, headingId, index));
    return item;
  }));
}

/** Focuses the "how it was given" fields of the entry `number`, clearing the search if it hides it. */
function toGivenForm(number) {
  const entryOf = () => [...document.querySelectorAll('#register-list li.register-entry')].find((li) => li.dataset.number === number);
  for (const query of ['', number]) { // the whole register, or, past its first 50, the number alone
    if (entryOf()) break;
    $('register-query').value = query;
    listedUpTo = LISTED_AT_A_TIME;
    showRegister();
  }
  entryOf()?.querySelector('select[name="how"]')?.focus();
}

/**
 * When a revision in the register replaces the quote `number` on screen: a warning beside the
 * document, and a line printed above it saying the copy is for the record (item 1 of the billing
 * walk-through). Hidden otherwise.
 */
function showReplaced(number) {
  const replaced = number ? quoter.registerReplaced(number) : null;
  $('replaced-warning').textContent = replaced?.page ?? '';
  $('replaced-warning').hidden = !replaced;
  $('replaced-copy').textContent = replaced?.printed ?? '';
  $('replaced-copy').hidden = !replaced;
}

/**
 * Opens the register's entry `number` into the form as it was printed; focuses `focus` after.
 * `question`: what to ask first when that would lose unsaved answers (else `open`'s own).
 */
async function openRecord(number, focus, question) {
  const record = registerRecords.find((kept) => kept.quote_number === number);
  if (!record) return false;
  await open(new File([JSON.stringify(record.saved)], `${number}.json`, { type: 'application/json' }), question);
  const opened = !$('reopened').hidden && quoter.savedQuote()?.quote_number === number;
  if (opened) focus?.focus();
  return opened;
}

/** Opens the entry `number` to change it: any change that prints makes a revision of it. */
async function reviseRecord(number) {
  if (!(await openRecord(number))) return;
  $('reopened').tabIndex = -1;
  $('reopened').focus();
}

/** Opens the entry `number` with its bill section, filled with the bill recorded with it, if any. */
async function checkBillOf(number) {
  if (!(await openRecord(number))) return;
  const recorded = registerRecords.find((kept) => kept.quote_number === number)?.bill;
  if (recorded) {
    writeForm(billForm, recorded.bill);
    checkBill();
  }
  $('bill-heading').tabIndex = -1;
  $('bill-heading').focus();
}

/** Records the quote on screen in the register, unless it has that number already. */
const recording = new Map(); // number → the recording under way (Print fires a click and `beforeprint`)
function recordShown() {
  const record = matches ? quoter.registerRecord() : null;
  if (!record) return undefined;
  const number = record.quote_number;
  keptHere.add(number); // kept at once, whatever the register's write then says
  if (!recording.has(number)) recording.set(number, recordOnce(record).finally(() => recording.delete(number)));
  return recording.get(number);
}

async function recordOnce(record) {
  const number = record.quote_number;
  let added;
  try {
    added = await addOnce(record);
  } catch (error) {
    registerSays(say(words, 'register_not_recorded', '{number} could not be recorded in the register: {reason}', { number, reason: registerFailure(error) }), { error: true });
    return;
  }
  if (!added) {
    registerSays(say(words, 'register_already', '{number} is in the register: an estimate is kept once, however often it is printed or saved.', { number }));
    return;
  }
  announceChange([number]);
  registerSays(say(words, 'register_recorded', 'Recorded {number} in the register.', { number }));
  updateRegister([record]);
}

/** Records the bill on screen with the quote on screen's entry, when the register holds it. */
async function recordBill() {
  const number = billQuote;
  if (!billMatches || !registerRecords.some((kept) => kept.quote_number === number)) return;
  const bill = readForm(billForm);
  let changed;
  try {
    changed = await changeRecord(number, (kept) => quoter.registerBill(kept, bill));
  } catch (error) {
    registerSays(say(words, 'register_bill_not_recorded', 'The bill could not be recorded with {number}: {reason}', { number, reason: registerFailure(error) }), { error: true });
    return;
  }
  announceChange([number]);
  registerSays(say(words, 'register_bill_recorded', 'The bill checked is recorded with {number}.', { number }));
  updateRegister([changed]);
}

window.addEventListener('beforeprint', () => {
  if (!document.body.classList.contains('printing-bill')) recordShown();
});
for (const id of ['print', 'save', 'csv']) $(id).addEventListener('click', recordShown);
billForm.addEventListener('submit', recordBill);
$('bill-print').addEventListener('click', recordBill);
for (const [id, event] of [['register-query', 'input'], ['register-sort', 'change']]) {
  $(id).addEventListener(event, () => {
    listedUpTo = LISTED_AT_A_TIME;
    showRegister();
  });
}
$('register-more').addEventListener('click', () => {
  const first = $('register-list').children.length; // the first entry not listed before
  listedUpTo += LISTED_AT_A_TIME;
  showRegister();
  $('register-list').children[first]?.querySelector('h3')?.setAttribute('tabindex', '-1');
  $('register-list').children[first]?.querySelector('h3')?.focus();
});
$('register-export').addEventListener('click', async () => {
  try {
    const { name, file, exported_on: exportedOn } = quoter.registerBackup(await allRecords());
    download(name, 'application/json', JSON.stringify(file, null, 2));
    await setSetting('last_backup', exportedOn);
    lastBackup = exportedOn;
  } catch (error) {
    registerSays(`${say(words, 'register_backup_failed', 'The backup could not be made:')} ${registerFailure(error)}`, { error: true });
    return;
  }
  announceChange();
  registerSays(say(words, 'register_backup_made', 'Backup exported: keep the file somewhere safe, away from this computer.'));
  showRegister();
});
$('register-import').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  event.target.value = ''; // so that choosing the same file again imports it again
  if (!file) return;
  let result;
  try {
    let backup;
    try {
      backup = JSON.parse(await file.text());
    } catch {
      // In words only: the parser's own message ("Unexpected token …") means nothing to staff.
      throw new Error(say(words, 'register_backup_not_json', 'this file is not a backup: it is cut short, or another kind of file. Choose a file made with “Export a backup” (its name starts with “estimate-register-”).'));
    }
    result = await importRecords((existing) => quoter.registerImport(backup, existing));
  } catch (error) {
    registerSays(`${say(words, 'register_not_imported', 'The backup was not imported, and the register is as it was:')}\n${registerFailure(error)}`, { error: true });
    return;
  }
  announceChange(result.write.map((record) => record.quote_number));
  registerSays(result.says);
  updateRegister(result.write);
});
onChange(registerChanged);
askToPersist().then((kept) => {
  $('register-storage').dataset.persisted = String(kept);
  $('register-storage').textContent = kept === true
    ? say(words, 'register_persisted', 'This browser has agreed to keep the register: it will not clear it to free space. Clearing the browser\'s data by hand still deletes it, so keep backups.')
    : say(words, 'register_not_persisted', 'This browser has not agreed to keep the register: it may clear it when the disk runs short of space, or when its data is cleared. Export a backup regularly and keep it away from this computer.');
});
loadRegister();
