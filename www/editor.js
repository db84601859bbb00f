// The price-book editor: an office manager's page for the clinic's prices, in dollars and percents.
// It builds the form from the fields the Rust module describes, hands the whole form to the
// module's `BookEditor` on every change (one call), and shows what comes back: each problem under
// its field and in a summary, the likely unit mistakes to confirm, what changed, a sample Good
// Faith Estimate (rendered by the module) and the visitor widget priced from the book. It holds no
// price, limit or rule and does no arithmetic; nothing typed or opened leaves the computer.
import init, { BookEditor, Estimator, readShareFragment, shareFragment } from './pkg-staff/amnion_estimator.js';
import { mount } from './app.js';
import { readForm, showErrors } from './form.js';

const $ = (id) => document.getElementById(id);
const form = $('book-form');
const idOf = (name) => `f-${name}`;
/** The control or part of the form named `name`. */
const byName = (name) => $(idOf(name));

let editor; // the BookEditor of the book being edited
let schema; // its fields, as the module describes them
let last; // what the last update returned
let downloaded = true; // whether the changes on screen were downloaded

// ---------------------------------------------------------------------------------------------
// Building the form from the fields

function element(tag, properties = {}, ...children) {
  const made = Object.assign(document.createElement(tag), properties);
  made.append(...present(...children));
  return made;
}

/** `parts` without the absent ones. */
const present = (...parts) => parts.filter((part) => part !== null && part !== undefined);

function hint(text, id) {
  return text ? element('p', { className: 'hint', id, textContent: text }) : null;
}

/** One input for a text, amount, percent, count, date or code at `name`. */
function leaf(field, value, name, crumb, label = field.label) {
  const id = idOf(name);
  const wrap = element('div', { className: 'field' });
  wrap.dataset.kind = field.kind.type;
  const hintId = field.hint ? `${id}-hint` : undefined;
  let control;
  switch (field.kind.type) {
    case 'flag': {
      control = element('input', { type: 'checkbox', id, name, checked: value === true });
      wrap.className = 'checks';
      wrap.append(element('label', {}, control, ` ${label}`), ...present(hint(field.hint, hintId)));
      control.dataset.label = crumb ? `${crumb} › ${label}` : label;
      return wrap;
    }
    case 'choice':
      control = element('select', { id, name });
      for (const [option, text] of field.kind.options) control.append(new Option(text, option));
      control.value = value ?? '';
      break;
    case 'paragraph':
      control = element('textarea', { id, name, rows: 3, value: value ?? '' });
      break;
    default:
      control = element('input', { id, name, value: value ?? '', autocomplete: 'off', spellcheck: false });
      if (field.kind.type === 'date') control.type = 'date';
      if (field.kind.type === 'money') control.inputMode = 'decimal';
      if (field.kind.type === 'percent') control.inputMode = 'decimal';
      if (field.kind.type === 'count') control.inputMode = 'numeric';
      if (field.kind.type === 'text') control.spellcheck = true;
  }
  if (hintId) control.setAttribute('aria-describedby', hintId);
  control.dataset.label = crumb ? `${crumb} › ${label}` : label;
  const box = field.kind.type === 'money' ? element('span', { className: 'affix money' }, element('span', { textContent: '$', ariaHidden: 'true' }), control)
    : field.kind.type === 'percent' ? element('span', { className: 'affix percent' }, control, element('span', { textContent: '%', ariaHidden: 'true' }))
      : control;
  wrap.append(element('label', { htmlFor: id, textContent: label }), ...present(hint(field.hint, hintId)), box);
  return wrap;
}

/** A text in English and Spanish: two boxes. */
function words(field, value, name, crumb) {
  const long = field.kind.long;
  const group = element('fieldset', { className: 'words' }, element('legend', { textContent: field.label }));
  for (const [language, title] of [['en', 'English'], ['es', 'Spanish (optional)']]) {
    const text = { key: language, label: title, hint: '', kind: { type: long ? 'paragraph' : 'text' } };
    group.append(leaf(text, value?.[language] ?? '', `${name}.${language}`, `${crumb ? `${crumb} › ` : ''}${field.label}`));
  }
  strays(group, value, name, ['en', 'es']);
  return group;
}

/** The entries of `value` that are not fields: each shown as its text, to rename or remove. */
function strays(container, value, name, keys) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, text] of Object.entries(value)) {
    if (keys.includes(key) || key === '_on') continue;
    const strayName = name ? `${name}.${key}` : key;
    const id = idOf(strayName);
    const box = element('div', { className: 'stray field' });
    box.dataset.stray = strayName;
    const area = element('textarea', { id, name: strayName, readOnly: true, rows: 3, value: text });
    area.dataset.label = `“${key}” in the file`;
    const actions = element('div', { className: 'toolbar' });
    box.append(
      element('label', { htmlFor: id }, 'In the file, but not a price book field: ', element('code', { textContent: key })),
      area,
      actions,
    );
    container.append(box);
  }
}

/** The item buttons of a list: up, down, remove. */
function itemButtons(itemName, title) {
  const bar = element('div', { className: 'item-actions' });
  for (const [action, text] of [['up', 'Move up'], ['down', 'Move down'], ['remove', 'Remove']]) {
    const button = element('button', { type: 'button', textContent: text, className: `item-${action}` });
    button.dataset.action = action;
    button.dataset.item = itemName;
    button.setAttribute('aria-label', `${text}: ${title}`);
    bar.append(button);
  }
  return bar;
}

/** What a list item is called on screen: its English label, name or id. */
function titleOf(noun, value) {
  const label = value?.label?.en || value?.name || value?.en || value?.id || value?.code || value?.product;
  return label ? `${noun}: ${label}` : `New ${noun}`;
}

function list(field, items, name, crumb) {
  const group = element('div', { className: 'list' });
  const holder = element('ol', { className: 'items' });
  const isWords = field.kind.type === 'words_list';
  (items ?? []).forEach((item, index) => {
    // `index` is the item's place in the list the module gave: its name, never computed with.
    const itemName = `${name}.${index}`;
    const title = titleOf(field.kind.noun, item);
    const body = element('div', { className: 'item-body' });
    const shown = element('details', { className: 'item', id: idOf(itemName) }, element('summary', { textContent: title }), body);
    if (isWords) {
      body.append(words({ label: 'Text', kind: { type: 'words', long: true } }, item, itemName, `${field.label} › ${title}`));
    } else {
      fields(body, field.kind.fields, item, itemName, `${field.label} › ${title}`);
    }
    body.append(itemButtons(itemName, title));
    holder.append(element('li', {}, shown));
  });
  const add = element('button', { type: 'button', className: 'add', textContent: `Add a${/^[aeiou]/.test(field.kind.noun) ? 'n' : ''} ${field.kind.noun}` });
  add.dataset.action = 'add';
  add.dataset.list = name;
  group.append(holder, add);
  return group;
}

/** An optional or plain group of fields. */
function group(field, value, name, crumb, legend = true) {
  const box = legend ? element('fieldset', { className: 'group', id: idOf(name) }, element('legend', { textContent: field.label }))
    : element('div', { className: 'group', id: idOf(name) });
  const body = element('div', { className: 'group-body' });
  if (field.optional) {
    const on = element('input', { type: 'checkbox', id: idOf(`${name}._on`), name: `${name}._on`, checked: value?._on === true });
    on.dataset.label = `${crumb ? `${crumb} › ` : ''}${field.label}`;
    on.dataset.switch = 'true';
    box.append(element('div', { className: 'checks' }, element('label', {}, on, ` Offer this: ${field.label.toLowerCase()}`)));
    body.hidden = !on.checked;
  }
  fields(body, field.kind.fields, value, name, crumb ? `${crumb} › ${field.label}` : field.label);
  box.append(body);
  return box;
}

/**
 * The controls of `specs` for `value` (a form object) at `name`, into `container`, then its entries
 * that are not fields (unless `withStrays` is false: the top level shows its own once).
 */
function fields(container, specs, value, name, crumb, withStrays = true) {
  for (const field of specs) {
    const fieldName = name ? `${name}.${field.key}` : field.key;
    const fieldValue = value?.[field.key];
    let made;
    switch (field.kind.type) {
      case 'group': made = group(field, fieldValue, fieldName, crumb); break;
      case 'list': case 'words_list': made = list(field, fieldValue, fieldName, crumb); break;
      case 'words': made = words(field, fieldValue, fieldName, crumb); break;
      default: made = leaf(field, fieldValue, fieldName, crumb);
    }
    if (field.when) {
      made.dataset.whenName = name ? `${name}.${field.when[0]}` : field.when[0];
      made.dataset.whenValue = field.when[1];
    }
    container.append(made);
  }
  if (withStrays) strays(container, value, name, specs.map((field) => field.key));
}

/**
 * The whole form: each top-level part in a section of its own, which opens on a click (and by
 * itself when it holds a problem); the version and date are in the Save step. Sections and items
 * that were open stay open when the form is rebuilt.
 */
function render(values) {
  const open = new Set([...document.querySelectorAll('#fields details[open]')].map((part) => part.id));
  const sections = [];
  const about = element('details', { className: 'book-section', id: 's-about' }, element('summary', { textContent: 'About this price book' }));
  for (const field of schema) {
    if (field.key === 'version' || field.key === 'effective_date') continue;
    if (['group', 'list', 'words_list'].includes(field.kind.type)) {
      const section = element('details', { className: 'book-section', id: `s-${field.key}` }, element('summary', { textContent: field.label }));
      const body = element('div', { className: 'section-body' });
      if (field.kind.type === 'group') body.append(group(field, values[field.key], field.key, '', false));
      else body.append(list(field, values[field.key], field.key, field.label));
      section.append(body);
      sections.push(section);
    } else {
      fields(about, [field], values, '', '', false);
    }
  }
  const top = element('div');
  strays(top, values, '', schema.map((field) => field.key));
  $('fields').replaceChildren(top, about, ...sections);
  for (const part of document.querySelectorAll('#fields details')) part.open = open.has(part.id);
  $('f-version').value = values.version ?? '';
  $('f-effective_date').value = values.effective_date ?? '';
  showParts();
}

/** Opens every section and item around `control`, so that it and its message can be seen. */
function reveal(control) {
  for (let part = control?.closest('details'); part; part = part.parentElement.closest('details')) part.open = true;
}

/** Shows an optional group's fields only while it is switched on, and a discount's fields of its kind. */
function showParts() {
  for (const on of form.querySelectorAll('[data-switch]')) on.closest('.group').querySelector('.group-body').hidden = !on.checked;
  for (const part of form.querySelectorAll('[data-when-name]')) {
    part.hidden = form.elements.namedItem(part.dataset.whenName)?.value !== part.dataset.whenValue;
  }
}

// ---------------------------------------------------------------------------------------------
// Checking, after every change

/** The problems as `showErrors` takes them, each with its place in the file for a web admin. */
function asRefusals(problems) {
  return problems.map(({ name, path, reason }) => ({ path: name, reason: `${reason} (in the file: ${path})` }));
}

function update() {
  showParts();
  last = editor.update(readForm(form), { document: $('gfe-preview') });
  showErrors(form, $('error-summary'), asRefusals(last.problems));
  for (const control of form.querySelectorAll('[aria-invalid=true]')) reveal(control);
  showWarnings(last.warnings);
  showStrays(last.unknown);
  showChanges(last.changes);
  const waiting = last.problems.length > 0 ? `${last.problems.length === 1 ? 'A problem stops' : 'Problems stop'} the download: see the list at the top of the form.`
    : last.warnings.some((warning) => !warning.confirmed) ? 'Confirm each unusual amount under its field before downloading.' : '';
  $('download').setAttribute('aria-disabled', String(!last.ready));
  $('download-reason').textContent = waiting;
  $('file-name').textContent = last.file_name;
  showPreview(last.book);
}

/** Each warning under its field, with a box to confirm it, and in the warning summary. */
function showWarnings(warnings) {
  for (const old of form.querySelectorAll('.field-warning')) old.remove();
  const list = $('warning-summary').querySelector('ul');
  list.replaceChildren();
  for (const warning of warnings) {
    const control = warning.name ? byName(warning.name) : null;
    const note = element('div', { className: 'field-warning' });
    const box = element('input', { type: 'checkbox', checked: warning.confirmed });
    box.addEventListener('change', () => {
      editor.confirm(warning.path, warning.message, box.checked);
      update();
    });
    note.append(element('p', { textContent: `${warning.message} (in the file: ${warning.path})` }), element('label', {}, box, ' Yes, this amount is right'));
    (control?.closest('.field, .checks') ?? $('warning-summary')).append(note);
    if (!warning.confirmed) reveal(control);
    const link = element('a', { href: `#${control?.id ?? ''}`, textContent: `${control?.dataset.label ?? warning.path}: ${warning.message}${warning.confirmed ? ' (confirmed)' : ''}` });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      reveal(control);
      control?.focus();
    });
    list.append(element('li', {}, link));
  }
  $('warning-summary').hidden = warnings.length === 0;
}

/** The buttons of each entry that is not a field: use it as the field it likely means, or remove it. */
function showStrays(unknown) {
  for (const { name, suggestion } of unknown) {
    const box = document.querySelector(`[data-stray="${CSS.escape(name)}"]`);
    if (!box || box.dataset.wired === 'true') continue;
    box.dataset.wired = 'true';
    const actions = box.querySelector('.toolbar');
    if (suggestion) {
      const use = element('button', { type: 'button', textContent: `Use it as ${suggestion}` });
      use.addEventListener('click', () => rebuild(editor.rename(readForm(form), name, suggestion)));
      actions.append(use);
    }
    const drop = element('button', { type: 'button', textContent: 'Remove it' });
    drop.addEventListener('click', () => rebuild(editor.removeStray(readForm(form), name)));
    actions.append(drop);
  }
}

function showChanges(changes) {
  $('no-changes').hidden = changes.length > 0;
  $('changes').hidden = changes.length === 0;
  $('changes').tBodies[0].replaceChildren(...changes.map(({ item, field, old, new: now }) => element('tr', {},
    element('td', { textContent: item }), element('td', { textContent: field }),
    element('td', { textContent: old }), element('td', { textContent: now }))));
  if (changes.length > 0) downloaded = false;
}

// The widget preview: the visitor's own markup and script, with a handle built from the book on
// screen. Rebuilt a moment after typing stops, and only from a book with no problem.
let previewTimer;
let previewed;
const widgetMarkup = fetch('widget.html')
  .then((response) => response.text())
  .then((html) => new DOMParser().parseFromString(html, 'text/html').getElementById('amnion-estimator'));

function showPreview(book) {
  clearTimeout(previewTimer);
  const status = $('preview-status');
  if (!book) {
    previewed = undefined;
    $('widget-preview').replaceChildren();
    status.textContent = 'The preview waits until the problems are fixed: no price is shown from a book with a problem.';
    return;
  }
  status.textContent = '';
  const text = JSON.stringify(book);
  if (text === previewed) return;
  previewTimer = setTimeout(async () => {
    previewed = text;
    const host = element('div', { className: 'widget-host' });
    const root = host.attachShadow({ mode: 'open' });
    const style = element('link', { rel: 'stylesheet', href: 'style.css' });
    root.append(style, document.importNode((await widgetMarkup).content, true));
    mount(root, new Estimator(book, 'en'), {}, { share: { shareFragment, readShareFragment }, address: false });
    // The phone's total bar would float over the editor: the preview has none.
    root.getElementById('peek').style.display = 'none';
    host.style.paddingBottom = '0';
    $('widget-preview').replaceChildren(host);
  }, 300);
}

// ---------------------------------------------------------------------------------------------
// Opening

/** Opens `book` (a parsed file; the sample when undefined), however wrong it is. */
function open(book, description) {
  editor?.free();
  editor = new BookEditor(book);
  const opened = editor.form();
  schema = opened.schema;
  previewed = undefined;
  render(opened.values);
  $('unreadable').hidden = true;
  $('editing').hidden = false;
  $('publish').hidden = true;
  $('opened').textContent = description;
  update();
  downloaded = true;
  if (last.problems.length > 0) $('error-summary').focus();
}

/** Opens a file's text; text that is not JSON stays on screen, with where reading stopped. */
function openText(text, name) {
  let book;
  try {
    book = JSON.parse(text);
  } catch (error) {
    $('unreadable-reason').textContent = `${name}: ${error.message}`;
    $('unreadable-text').value = text;
    $('unreadable').hidden = false;
    $('opened').textContent = '';
    $('unreadable-text').focus();
    return;
  }
  open(book, `Opened ${name}.`);
}

async function openFile(file) {
  if (!file) return;
  openText(await file.text(), file.name);
}

/** Puts a changed form on screen (after a list or stray-entry action) and the cursor where it belongs. */
function rebuild({ values, focus }) {
  render(values);
  update();
  const target = focus ? byName(focus) ?? form.querySelector(`[name="${CSS.escape(focus)}"]`) : null;
  reveal(target);
  if (target?.tagName === 'DETAILS') target.open = true;
  target?.focus();
}

function download(name, type, text) {
  const link = element('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  link.click();
  URL.revokeObjectURL(link.href);
}

// ---------------------------------------------------------------------------------------------
// Wiring

await init();

$('start-sample').addEventListener('click', () => open(undefined, 'Opened the sample prices. Change them to the clinic\'s own, then download.'));
$('open-file').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  event.target.value = '';
  await openFile(file);
});
$('open-text').addEventListener('click', () => openText($('unreadable-text').value, 'The corrected text'));
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dropping');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dropping'));
document.addEventListener('drop', async (event) => {
  event.preventDefault();
  document.body.classList.remove('dropping');
  await openFile(event.dataTransfer.files[0]);
});

form.addEventListener('input', update);
form.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const values = readForm(form);
  switch (button.dataset.action) {
    case 'add': rebuild(editor.add(values, button.dataset.list)); break;
    case 'remove': rebuild(editor.remove(values, button.dataset.item)); break;
    case 'up': case 'down': rebuild(editor.moveItem(values, button.dataset.item, button.dataset.action === 'up')); break;
  }
});

$('download').addEventListener('click', () => {
  update();
  if (!last.ready) {
    // Nothing to download yet: take the person to what stops it.
    const summary = last.problems.length > 0 ? $('error-summary') : $('warning-summary');
    summary.tabIndex = -1;
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
    return;
  }
  const book = editor.book(readForm(form));
  download(last.file_name, 'application/json', `${JSON.stringify(book, null, 2)}\n`);
  downloaded = true;
  $('snippet').textContent = [
    '<link rel="preload" href="/estimator/amnion_estimator_bg.wasm" as="fetch" crossorigin>',
    '<script type="module" src="/estimator/estimator.js"></script>',
    `<amnion-estimator price-book="/estimator/${last.file_name}"></amnion-estimator>`,
  ].join('\n');
  $('staff-snippet').textContent = `<meta name="amnion-price-book" content="${last.file_name}">`;
  $('publish').hidden = false;
});
// The prices as a spreadsheet: out as CSV; back in as a preview of each change and each row not
// used, applied only when confirmed.
$('export-csv').addEventListener('click', () => {
  download(last.file_name.replace(/\.json$/, '.csv'), 'text/csv', editor.exportCsv(readForm(form)));
});
$('import-csv').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  event.target.value = '';
  if (!file) return;
  const { changes, rejected } = editor.previewCsv(readForm(form), await file.text());
  $('csv-none').hidden = changes.length > 0;
  $('csv-changes').hidden = changes.length === 0;
  $('csv-changes').tBodies[0].replaceChildren(...changes.map((change) => element('tr', {},
    element('td', { textContent: `${change.description} (${change.code})` }),
    element('td', { textContent: change.price === 'allowed' ? 'Allowed amount' : 'Cash price' }),
    element('td', { textContent: change.old_dollars }), element('td', { textContent: change.new_dollars }))));
  $('csv-rejected-heading').hidden = rejected.length === 0;
  $('csv-rejected').replaceChildren(...rejected.map(({ line, code, item, reason }) => element('li', {
    textContent: `Line ${line}${code || item ? ` (${[code, item].filter(Boolean).join(', ')})` : ''}: ${reason}`,
  })));
  $('csv-apply').hidden = changes.length === 0;
  $('csv-preview').hidden = false;
  $('csv-preview').scrollIntoView({ block: 'nearest' });
});
$('csv-apply').addEventListener('click', () => {
  rebuild(editor.applyCsv(readForm(form)));
  $('csv-preview').hidden = true;
});
$('csv-cancel').addEventListener('click', () => {
  $('csv-preview').hidden = true;
});
$('copy-snippet').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('snippet').textContent);
    $('copied').textContent = 'Copied.';
  } catch {
    $('copied').textContent = 'Select the lines above and copy them.';
  }
});
window.addEventListener('beforeunload', (event) => {
  if (!downloaded) event.preventDefault();
});

// `?sample` opens the sample at once (as the setup guide's links do).
if (new URLSearchParams(location.search).has('sample')) $('start-sample').click();
