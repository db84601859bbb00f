// The staff page: reads the quote form, asks the Rust module for the quote and its Good Faith
// Estimate, and offers print, save, reopen and CSV. No prices, rules or arithmetic here.
import init, { choices, financingChoices, showComparison, showQuote, showSavedQuote } from './pkg-staff/amnion_estimator.js';
import { describe, fillSelect, markInvalid, readForm, writeForm } from './form.js';
import { loadPriceBook } from './price-book.js';
import { languageOf, say, translate, wordsFor } from './language.js';

const $ = (id) => document.getElementById(id);
const form = $('quote-form');
let current = null; // the quote on screen

function showDependentFields() {
  const coverage = form.elements['answers.physical_therapy.coverage'].value;
  $('sessions-field').hidden = coverage === 'none';
  $('insurance-fields').hidden = coverage !== 'insurance';
  $('therapist-fields').hidden = !$('elsewhere').checked;
}

function show(quote) {
  current = quote;
  const gfe = quote.good_faith_estimate;
  $('status').textContent = `${gfe.title} ${quote.quote_number}: ${gfe.total.formatted}`;
  $('coverage-notice').textContent = gfe.coverage_notice ?? '';
  $('coverage-notice').hidden = !gfe.coverage_notice;
  $('range-warning').textContent = quote.range_warning ?? '';
  $('range-warning').hidden = !quote.range_warning;
  $('error').hidden = true;
  $('document').classList.remove('stale');
  markInvalid(form, []);
}

/** The scenario comparison for the printout, when asked for; it prices the same answers. */
function showComparisonFor(request) {
  const wanted = $('include-comparison').checked;
  $('comparison').hidden = !wanted;
  if (wanted) showComparison($('comparison'), request.answers, { plan: $('comparison-plan').value }, book);
}

function update({ quiet = false } = {}) {
  showDependentFields();
  $('reopened').hidden = true;
  try {
    const request = readForm(form);
    request.answers.language = language;
    show(showQuote($('document'), request, book));
    showComparisonFor(request);
  } catch (error) {
    if (quiet) {
      $('status').textContent = say(words, 'enter_patient', "Enter the patient's name and date of birth to see the quote.");
      return;
    }
    $('error').textContent = describe(form, error);
    $('error').hidden = false;
    $('document').classList.add('stale');
    markInvalid(form, error.fields ?? []);
  }
}

function download(name, type, text) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

async function open(file) {
  try {
    const saved = JSON.parse(await file.text());
    const reopened = showSavedQuote($('document'), saved, book);
    writeForm(form, saved.request);
    showDependentFields();
    show(reopened.quote);
    $('comparison').hidden = true; // a comparison would be at today's prices
    $('reopened').textContent = [
      say(words, 'reopened', "Reopened quote {number} with the prices it was saved with (price book {version}). Changing any answer makes a new quote at today's prices.", {
        number: reopened.quote.quote_number, version: reopened.quote.price_book_version,
      }),
      reopened.price_change ?? '',
    ].join(' ');
    $('reopened').hidden = false;
  } catch (error) {
    $('error').textContent = `${say(words, 'file_not_opened', 'That file could not be opened as a saved quote:')} ${error.message}`;
    $('error').hidden = false;
  }
}

// The clinic's own price book: `<meta name="amnion-price-book" content="prices.json">` on this page,
// or `?price-book=draft.json` to try a draft before publishing it. Without either, the sample.
const source = new URLSearchParams(location.search).get('price-book')
  ?? document.querySelector('meta[name="amnion-price-book"]')?.content;
let book;
// The language: `?lang=es`, else the browser's.
const language = languageOf(new URLSearchParams(location.search).get('lang') || navigator.language);
const words = await wordsFor(language);
document.documentElement.lang = language;
translate(document, words);
await init();
if (source) {
  try {
    book = await loadPriceBook(new URL(source, location.href), choices);
  } catch (error) {
    // Staff and the clinic's admin are the audience here: show every problem, quote nothing.
    $('error').textContent = `${error.message}\n\n${say(words, 'fix_price_book', 'Fix the price book, then reload this page.')}`;
    $('error').hidden = false;
    form.hidden = true;
    throw error;
  }
}
const options = choices(book, language);
fillSelect($('condition'), options.conditions);
fillSelect($('product'), options.products);
fillSelect($('injections'), options.injections.filter(({ value }) => value !== 'not_sure'), '1');
fillSelect($('up-to'), [{ value: '', label: say(words, 'exactly_as_planned', 'Exactly as planned') }, ...options.injections.filter(({ value }) => value !== 'not_sure')]);
fillSelect($('sessions'), options.pt_sessions.filter(({ value }) => value !== 'typical'), '8');
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
fillSelect($('comparison-plan'), financingChoices(book, language));
$('issued-on').value = new Date().toLocaleDateString('en-CA'); // today, as YYYY-MM-DD

form.addEventListener('input', update);
form.addEventListener('change', update);
$('print').addEventListener('click', () => window.print());
$('save').addEventListener('click', () => current && download(`${current.quote_number}.json`, 'application/json', JSON.stringify(current.saved, null, 2)));
$('csv').addEventListener('click', () => current && download(`${current.quote_number}.csv`, 'text/csv', current.csv));
$('open').addEventListener('change', (event) => event.target.files[0] && open(event.target.files[0]));
update({ quiet: true });
