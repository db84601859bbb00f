// The price-book editor: an office manager's page for the clinic's prices, in dollars and percents.
// It builds the form from the fields the Rust module describes, hands the whole form to the
// module's `BookEditor` on every action (one call: a change, a list edit, a confirmation,
// Download), and shows what comes back: each problem under its field and in a summary, the likely
// unit mistakes to confirm, what changed, a sample Good Faith Estimate and the visitor widget
// priced from the book (both rendered by that same call). It holds no price, limit or rule and does
// no arithmetic; nothing typed or opened leaves the computer.
import init, { BookEditor, readShareFragment, shareFragment } from './pkg-staff/amnion_estimator.js';
import { mount } from './app.js';
import { readForm, showErrors } from './form.js';
import { showPublish } from './publish.js';


const $ = (id) => document.getElementById(id);
const form = $('book-form');
const idOf = (name) => `f-${name}`;
/** The control or part of the form named `name`. */
const byName = (name) => $(idOf(name));

let editor; // the BookEditor of the book being edited
let schema; // its fields, as the module describes them
let last; // what the last update returned
let downloaded = true; // whether the changes on screen were downloaded
let downloadReason = ''; // what stops the download, as the page says it beside the button
// The items just added, by name (`conditions.5`), and the controls typed in since: a new item's
// empty fields are not marked as mistakes before the person has reached them (the summary says
// the item is to fill in, and the download waits for it).
const fresh = new Set();
const touched = new Set();

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
    case 'pick':
      // Its options are another list's items, as the form has them now (`showPicks`).
      control = element('select', { id, name });
      control.dataset.pickList = field.kind.list;
      control.dataset.pickValue = field.kind.value;
      control.dataset.value = value ?? '';
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
function itemButtons(itemName, title, first, last) {
  const bar = element('div', { className: 'item-actions' });
  for (const [action, text] of [['up', 'Move up'], ['down', 'Move down'], ['remove', 'Remove']]) {
    // The first item cannot go up, nor the last down.
    const button = element('button', { type: 'button', textContent: text, className: `item-${action}`, disabled: (action === 'up' && first) || (action === 'down' && last) });
    button.dataset.action = action;
    button.dataset.item = itemName;
    button.setAttribute('aria-label', `${text}: ${title}`);
    bar.append(button);
  }
  return bar;
}

/** What a list item is called on screen: "Condition: Heel spur", from its English label, name or id. */
function titleOf(noun, value) {
  const label = labelOf(value);
  return label ? `${noun.charAt(0).toUpperCase()}${noun.slice(1)}: ${label}` : `New ${noun}`;
}

/** What names a list item: its English label, name, text, id, code or product. */
const labelOf = (value) => value?.label?.en?.trim() || value?.name?.trim() || value?.en?.trim() || value?.id?.trim() || value?.code?.trim() || value?.product;

/** The value at a control name (`conditions.5`) in the form's values. */
const valueAt = (values, name) => name.split('.').reduce((node, key) => node?.[key], values);

/** Each item's heading, as it is typed: a new condition takes its name as soon as it has one. */
function showTitles(values) {
  for (const heading of form.querySelectorAll('summary[data-noun]')) {
    heading.textContent = titleOf(heading.dataset.noun, valueAt(values, heading.dataset.item));
  }
}

/**
 * The options of each picked field: the items of its list as the form has them now ("20550:
 * Injection, tendon sheath…"). A value no item has any more stays, said to be missing, so nothing
 * typed is lost; an empty one asks to choose.
 */
function showPicks(values) {
  for (const select of form.querySelectorAll('select[data-pick-list]')) {
    const current = select.options.length ? select.value : select.dataset.value;
    const key = select.dataset.pickValue;
    const options = (values[select.dataset.pickList] ?? []).filter((item) => item?.[key]?.trim()).map((item) => {
      const words = item.label?.en?.trim() || item.name?.trim();
      return new Option(words ? `${item[key].trim()}: ${words}` : item[key].trim(), item[key].trim());
    });
    if (!current) options.unshift(new Option('Choose one', ''));
    else if (!options.some((option) => option.value === current)) options.unshift(new Option(`${current} (not in the list any more)`, current));
    const same = options.length === select.options.length && options.every((option, i) => option.value === select.options[i].value && option.text === select.options[i].text);
    if (!same) select.replaceChildren(...options);
    select.value = current;
  }
}

/**
 * Firefox keeps a select's chosen text on one line whatever the page's style says (its own style
 * sheet's `white-space: nowrap !important`; Chromium and WebKit wrap it, editor.css), so a long one
 * is cut off ("A percent off each later injectior", a pick's "20550: Injection, tendon sheath,
 * ligamen"). There, and only for a text longer than the select shows, the whole text is written
 * under it, where it wraps. A select in a closed section is measured when it is opened.
 */
const ARROW = 32; // the room a native select's arrow takes, at most
const measure = document.createElement('canvas').getContext('2d');
function showChosenTexts() {
  for (const select of form.querySelectorAll('select')) {
    const style = getComputedStyle(select);
    const text = select.selectedOptions[0]?.text ?? '';
    measure.font = style.font;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ARROW;
    const cut = style.whiteSpace !== 'normal' && select.clientWidth > 0 && measure.measureText(text).width > room;
    let line = select.nextElementSibling?.classList.contains('chosen-text') ? select.nextElementSibling : null;
    if (!cut) {
      line?.remove();
      continue;
    }
    // Said by the select itself to a screen reader: hidden from one here, so it is not said twice.
    line ??= element('p', { className: 'chosen-text', ariaHidden: 'true' });
    line.textContent = text;
    select.after(line);
  }
}
form.addEventListener('toggle', showChosenTexts, true);
form.addEventListener('change', (event) => { if (event.target.tagName === 'SELECT') showChosenTexts(); });
window.addEventListener('resize', showChosenTexts);

function list(field, items, name, crumb) {
  const group = element('div', { className: 'list' });
  const holder = element('ol', { className: 'items' });
  const isWords = field.kind.type === 'words_list';
  (items ?? []).forEach((item, index, all) => {
    // `index` is the item's place in the list the module gave: its name, never computed with.
    const itemName = `${name}.${index}`;
    const title = titleOf(field.kind.noun, item);
    const body = element('div', { className: 'item-body' });
    const heading = element('summary', { textContent: title });
    heading.dataset.noun = field.kind.noun;
    heading.dataset.item = itemName;
    const shown = element('details', { className: 'item', id: idOf(itemName) }, heading, body);
    // Named as the form shows it: a list inside a group after the group ("Financing › Plans › …").
    shown.dataset.label = `${crumb ? `${crumb} › ` : ''}${field.label} › ${title}`;
    if (isWords) {
      body.append(words({ label: 'Text', kind: { type: 'words', long: true } }, item, itemName, shown.dataset.label));
    } else {
      fields(body, field.kind.fields, item, itemName, shown.dataset.label);
    }
    body.append(itemButtons(itemName, title, item === all[0], item === all.at(-1)));
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
    box.append(element('div', { className: 'checks' }, element('label', {}, on, ` ${field.switch || `Include: ${field.label}`}`)));
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
      // A list inside a group says what it is, with its hint (a top-level one is its section's title).
      case 'list': case 'words_list':
        made = element('div', { className: 'field list-field' }, element('p', { className: 'list-label', textContent: field.label }),
          ...present(hint(field.hint, `${idOf(fieldName)}-hint`)), list(field, fieldValue, fieldName, crumb));
        break;
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
    if (field.kind.type === 'kept') continue; // no control: the module keeps it (what was confirmed)
    if (['group', 'list', 'words_list'].includes(field.kind.type)) {
      const section = element('details', { className: 'book-section', id: `s-${field.key}` }, element('summary', { textContent: field.label }));
      const body = element('div', { className: 'section-body' });
      if (field.kind.type === 'group') body.append(group(field, values[field.key], field.key, '', false));
      else body.append(list(field, values[field.key], field.key, ''));
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
  showPicks(values);
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

/**
 * `entries` in the order their controls are on the page (the clinic before an injection fee;
 * the version, in the Save step, last); those with no control after them, as they came.
 */
function inPageOrder(entries) {
  const placed = entries.map((entry, index) => ({ entry, index, control: entry.name ? byName(entry.name) : null }));
  return placed.sort((a, b) => {
    if (a.control && b.control && a.control !== b.control) {
      return a.control.compareDocumentPosition(b.control) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    }
    if (!a.control !== !b.control) return a.control ? -1 : 1;
    return 0; // the sort is stable: as they came
  }).map(({ entry }) => entry);
}

/** The problems as `showErrors` takes them: each named by its field's label, as the form has it. */
function asRefusals(problems) {
  return problems.map(({ name, reason }) => ({ path: name, reason }));
}

/**
 * Runs an action: `call` is the one call into the module, given the page as it is (`{ form,
 * regions, preview }`: the form, where the sample Good Faith Estimate goes, and the widget
 * preview's answers and regions, none while it is not shown). Then shows all it returned: the form
 * the action changed, if it did, the problems and warnings, what changed, and the preview.
 */
function act(call) {
  showParts();
  const values = readForm(form);
  showPicks(values);
  showTitles(values);
  last = call({ form: values, regions: { document: $('gfe-preview') }, preview: widget && { answers: widget.answers(), regions: widget.regions } });
  if (last.values) render(last.values);
  showChosenTexts();
  keepRemovals();
  // A new item's problems wait until its field is typed in (or Download is pressed); until then
  // the summary names the item once.
  const waiting = (problem) => [...fresh].some((item) => problem.name?.startsWith(`${item}.`) && !touched.has(problem.name));
  for (const item of fresh) if (!last.problems.some((problem) => problem.name?.startsWith(`${item}.`))) fresh.delete(item);
  const shown = inPageOrder(last.problems.filter((problem) => !waiting(problem)));
  const items = [...fresh].filter((item) => last.problems.some(waiting)).map((item) => ({
    path: '', reason: `${byName(item)?.querySelector('summary')?.textContent ?? 'The new item'}: fill in its fields (the download waits for them).`,
  }));
  showErrors(form, $('book-problems'), [...asRefusals(shown), ...items], asRefusals(last.save));
  for (const control of form.querySelectorAll('[aria-invalid=true]')) reveal(control);
  showWarnings(inPageOrder(last.warnings));
  showStrays(last.unknown);
  showChanges(last.changes);
  const reason = last.problems.length > 0 ? `${last.problems.length === 1 ? 'A problem stops' : 'Problems stop'} the download: see the list at the top of the form.`
    : last.save.length > 0 ? 'Give the changed prices a new version, just above.'
      : last.warnings.some((warning) => !warning.confirmed) ? 'Confirm each amount or detail listed at the top of the form, under its field, before downloading.' : '';
  $('download').setAttribute('aria-disabled', String(!last.ready));
  downloadReason = reason;
  $('download-reason').textContent = reason;
  $('file-name').textContent = last.file_name;
  showPreview(last.preview);
}

/** After a change typed: the form as it is. */
const update = () => act((page) => editor.update(page));

/** Each warning under its field, with a box to confirm it, and in the warning summary. */
function showWarnings(warnings) {
  for (const old of form.querySelectorAll('.field-warning')) old.remove();
  const list = $('warning-summary').querySelector('ul');
  list.replaceChildren();
  for (const warning of warnings) {
    // A warning about a whole list item (a sample partner practice) is said at the item's top and
    // named by the item; the link takes the person to its heading. Otherwise at its field.
    const item = warning.of ? byName(warning.of) : null;
    const whole = item?.tagName === 'DETAILS' ? item : null;
    const control = whole?.querySelector('summary') ?? (warning.name ? byName(warning.name) : null);
    const label = whole?.dataset.label ?? control?.dataset.label;
    const note = element('div', { className: warning.confirmed ? 'field-warning confirmed' : 'field-warning' });
    const box = element('input', { type: 'checkbox', checked: warning.confirmed });
    box.addEventListener('change', () => act((page) => editor.confirm(page, warning.path, warning.message, box.checked)));
    // Once confirmed, the note says so first, rather than still asking for a change beside a value
    // that is right; the downloaded book keeps the confirmation.
    const said = warning.confirmed
      ? ['Confirmed as right: the downloaded price book keeps this, and it is not asked again while it stays as it is.', element('span', { className: 'detail', textContent: warning.message })]
      : [warning.message];
    note.append(element('p', {}, ...said), element('label', {}, box, ' Yes, this is right'));
    if (whole) whole.querySelector('.item-body').prepend(note);
    else (control?.closest('.field, .checks') ?? $('warning-summary')).append(note);
    if (!warning.confirmed) reveal(control);
    const listed = `${label ? `${label}: ` : ''}${warning.message}${warning.confirmed ? ' (confirmed)' : ''}`;
    const link = control ? element('a', { href: `#${(whole ?? control).id}`, textContent: listed }) : element('span', { textContent: listed });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      reveal(control);
      control.focus();
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
      use.addEventListener('click', () => edit((page) => editor.rename(page, name, suggestion)));
      actions.append(use);
    }
    const drop = element('button', { type: 'button', textContent: 'Remove it' });
    drop.addEventListener('click', () => edit((page) => editor.removeStray(page, name)));
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

// The widget preview: the visitor's own markup and script, mounted with a handle on the editor's
// (`editor.preview` renders it from the book the last check validated). Each action's call renders
// it too, from its answers as they are; it is mounted anew only when it comes back after a problem
// (or another book is opened), and then renders itself once, with a call of its own.
let widget; // what `mount` returned, and the widget's `answers()`, while the preview is shown
const widgetMarkup = fetch('widget.html')
  .then((response) => response.text())
  .then((html) => new DOMParser().parseFromString(html, 'text/html').getElementById('amnion-estimator'));

function showPreview(preview) {
  const status = $('preview-status');
  if (!preview) {
    widget = undefined;
    $('widget-preview').replaceChildren();
    status.textContent = 'The preview waits until the problems are fixed: no price is shown from a book with a problem.';
    return;
  }
  status.textContent = '';
  if (!widget) {
    const host = element('div', { className: 'widget-host' });
    const root = host.attachShadow({ mode: 'open' });
    const style = element('link', { rel: 'stylesheet', href: 'style.css' });
    const pane = element('link', { rel: 'stylesheet', href: 'editor-preview.css' });
    root.append(style, pane, document.importNode(markup.content, true));
    const handle = { choices: () => preview.choices, financingChoices: () => preview.financing, update: (answers, regions) => editor.preview(answers, regions) };
    const answers = () => readForm(root.getElementById('answers'));
    widget = { ...mount(root, handle, {}, { share: { shareFragment, readShareFragment }, address: false }), answers };
    // The phone's total bar would float over the editor: the preview has none.
    root.getElementById('peek').style.display = 'none';
    host.style.paddingBottom = '0';
    $('widget-preview').replaceChildren(host);
    return;
  }
  // An answer whose option the book no longer has is replaced: the widget renders that itself.
  const before = JSON.stringify(widget.answers());
  widget.fill(preview.choices, preview.financing);
  widget.update({}, JSON.stringify(widget.answers()) === before ? preview.shown : undefined);
}

// ---------------------------------------------------------------------------------------------
// Opening

/** Opens the book of `made` (a new BookEditor), however wrong it is. */
function open(made, description) {
  editor?.free();
  editor = made;
  fresh.clear();
  touched.clear();
  const opened = editor.form();
  schema = opened.schema;
  widget = undefined;
  render(opened.values);
  $('unreadable').hidden = true;
  $('editing').hidden = false;
  $('publish').hidden = true;
  $('opened').textContent = description;
  update();
  downloaded = true;
  if (last.problems.length > 0) $('book-problems').focus();
}

/**
 * Opens a file's text; text that is not JSON stays on screen, with where reading stopped in the
 * module's plain words. The book being edited stays until the text opens.
 */
function openText(text, name) {
  let made;
  try {
    made = BookEditor.fromText(text);
  } catch (error) {
    $('unreadable-reason').textContent = `${name} could not be opened: ${error.message}.`;
    const box = $('unreadable-text');
    box.value = text;
    $('unreadable').hidden = false;
    $('opened').textContent = '';
    // Another kind of file has nothing to correct here: no text box, and what to open instead.
    $('unreadable-fix').hidden = error.fixable === false;
    $('unreadable-other').hidden = error.fixable !== false;
    if (error.fixable === false) {
      $('unreadable-reason').tabIndex = -1;
      $('unreadable-reason').focus();
      return;
    }
    box.focus();
    // The cursor where reading stopped, so the text box shows that place.
    if (error.at !== undefined) {
      box.setSelectionRange(error.at, error.at);
      box.blur();
      box.focus();
    } else {
      box.setSelectionRange(0, 0);
      box.scrollTop = 0;
    }
    return;
  }
  open(made, `Opened ${name}.`);
}

/**
 * Runs `replace` (opening another book) at once when nothing would be lost; otherwise after the
 * person says to, in a dialog that names what would go.
 */
function whenSaved(replace) {
  if (downloaded) {
    replace();
    return;
  }
  const dialog = $('replace-dialog');
  dialog.onclose = () => {
    if (dialog.returnValue === 'replace') replace();
  };
  dialog.showModal();
}

async function openFile(file) {
  if (!file) return;
  const text = await file.text();
  whenSaved(() => openText(text, file.name));
}

/** Runs an action that changes the form (a list or stray-entry edit), then puts the cursor where it belongs. */
function edit(call) {
  act(call);
  const { focus } = last;
  const target = focus ? byName(focus) ?? form.querySelector(`[name="${CSS.escape(focus)}"]`) : null;
  reveal(target);
  if (target?.tagName === 'DETAILS') {
    // An item: opened, the cursor on its heading (a `details` itself takes no focus).
    target.open = true;
    target.querySelector('summary').focus();
    return;
  }
  target?.focus();
}

// The items removed by Removes in a row, the last last (`{ item, label, noun }`), as the module
// keeps them for Undo: each Undo puts back the last, and the notice moves to the one before.
const removals = [];

/**
 * Removes the list item `item` (`conditions.2`), a `noun`, and says so where it was, with Undo
 * there and the cursor on it: the next item, which slides into its place, is not removed by a
 * second click, and the person hears what happened.
 */
function remove(item, noun) {
  const label = labelOf(valueAt(readForm(form), item));
  edit((page) => editor.remove(page, item));
  if (removals.length < (last.undo ?? 0)) removals.push({ item, label, noun });
  sayRemoved(true);
}

/** Undo: puts back the last item removed; the one removed before it, if any, keeps its notice. */
function undo() {
  edit((page) => editor.undo(page));
  sayRemoved(false);
}

/** Keeps the removals the module can still put back, after the action `last` answers. */
function keepRemovals() {
  if (last.values) removals.length = Math.min(removals.length, last.undo ?? 0);
}

/**
 * "Removed “Heel spur”. Undo" where the last removed item was (the form is rebuilt by each
 * action, so only that notice shows), the cursor on Undo when `focus`.
 */
function sayRemoved(focus) {
  const removal = removals.at(-1);
  if (!removal) return;
  const { item, label, noun } = removal;
  const [list, index] = [item.slice(0, item.lastIndexOf('.')), item.slice(item.lastIndexOf('.') + 1)];
  const holder = form.querySelector(`button[data-list="${CSS.escape(list)}"]`)?.previousElementSibling;
  if (!holder) return;
  const button = element('button', { type: 'button', className: 'undo', textContent: 'Undo' });
  button.setAttribute('aria-label', `Undo: put back ${label ? `“${label}”` : `the new ${noun}`}`);
  button.addEventListener('click', undo);
  const said = label ? ['Removed “', element('bdi', { textContent: label }), '”.'] : [`Removed the new ${noun}.`];
  const note = element('li', { className: 'removed' }, element('p', { role: 'status' }, element('span', {}, ...said), ' ', button));
  // The item that slid into its place shows closed, as a heading, not as the one removed was.
  const next = byName(item);
  if (next && focus) next.open = false;
  holder.insertBefore(note, holder.children[Number(index)] ?? null);
  if (focus) button.focus();
}

function download(name, type, text) {
  const link = element('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  link.click();
  URL.revokeObjectURL(link.href);
}

// ---------------------------------------------------------------------------------------------
// Wiring

// The module, and the widget's markup for the preview (fetched at once, not on the first preview).
const [markup] = await Promise.all([widgetMarkup, init()]);

$('start-sample').addEventListener('click', () => whenSaved(() => open(new BookEditor(), 'Opened the sample prices. Change them to the clinic\'s own, then download.')));
$('open-file').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  event.target.value = '';
  await openFile(file);
});
$('open-text').addEventListener('click', () => whenSaved(() => openText($('unreadable-text').value, 'the corrected text')));
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

form.addEventListener('input', (event) => {
  // A box with no name is no part of the book: a warning's confirmation, which has its own call.
  if (!event.target.name) return;
  touched.add(event.target.name);
  update();
});
form.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const { action, item, list } = button.dataset;
  switch (action) {
    case 'add':
      edit((page) => {
        const added = editor.add(page, list);
        if (added.item) fresh.add(added.item);
        return added;
      });
      break;
    case 'remove': remove(item, button.closest('details').querySelector('summary').dataset.noun); break;
    case 'up': case 'down': edit((page) => editor.moveItem(page, item, action === 'up')); break;
  }
});

$('download').addEventListener('click', () => {
  // Every problem shows now, a new item's too.
  fresh.clear();
  act((page) => editor.download(page));
  if (!last.ready) {
    // Nothing to download yet: take the person to what stops it, and say it by the button too.
    $('download-reason').textContent = `Not downloaded. ${downloadReason}`;
    if (last.problems.length === 0 && last.save.length > 0) {
      $('f-version').focus();
      return;
    }
    const summary = last.problems.length > 0 ? $('book-problems') : $('warning-summary');
    summary.tabIndex = -1;
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
    return;
  }
  download(last.file_name, 'application/json', `${JSON.stringify(last.file, null, 2)}\n`);
  downloaded = true;
  showPublish(last.file, last.file_name);
});
// The prices as a spreadsheet: out as CSV; back in as a preview of each change and each row not
// used, applied only when confirmed.
$('export-csv').addEventListener('click', () => {
  // A price that is not an amount would be left out of the spreadsheet: refused, as Download is.
  if (last.problems.length > 0) {
    $('csv-status').textContent = 'Not downloaded: fix the problems listed at the top of the form first, so that every price is in the spreadsheet.';
    return;
  }
  $('csv-status').textContent = '';
  download(last.file_name.replace(/\.json$/, '.csv'), 'text/csv', editor.exportCsv(readForm(form)));
});
$('import-csv').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  event.target.value = '';
  if (!file) return;
  const { changes, rejected } = editor.previewCsv(readForm(form), await file.text());
  $('csv-none').hidden = changes.length > 0;
  $('csv-changes').hidden = changes.length === 0;
  // A likely mistake is said in a row of its own under its change, across the table, before
  // Apply, in the words its field will say.
  $('csv-changes').tBodies[0].replaceChildren(...changes.flatMap((change) => [element('tr', {},
    element('td', { textContent: `${change.description} (${change.code})` }),
    element('td', { textContent: change.price === 'allowed' ? 'Allowed amount' : 'Cash price' }),
    element('td', { textContent: change.old_dollars }), element('td', { textContent: change.new_dollars })),
  ...present(change.warning && element('tr', { className: 'csv-note' }, element('td', { colSpan: 4 }, element('p', {
    className: 'csv-warning', textContent: `${change.warning.charAt(0).toUpperCase()}${change.warning.slice(1)}`,
  }))))]));
  const unusual = changes.filter((change) => change.warning).length;
  $('csv-unusual').hidden = unusual === 0;
  $('csv-unusual').textContent = unusual === 1
    ? '1 new price looks like a mistake: see the note under it. Correct it in the spreadsheet and bring it back, or apply and confirm it under its field.'
    : `${unusual} new prices look like mistakes: see the note under each. Correct them in the spreadsheet and bring it back, or apply and confirm each under its field.`;
  $('csv-rejected-heading').hidden = rejected.length === 0;
  $('csv-rejected').replaceChildren(...rejected.map(({ line, code, item, reason }) => element('li', {
    textContent: `Line ${line}${code || item ? ` (${[code, item].filter(Boolean).join(', ')})` : ''}: ${reason}`,
  })));
  $('csv-apply').hidden = changes.length === 0;
  $('csv-preview').hidden = false;
  $('csv-preview').scrollIntoView({ block: 'nearest' });
});
$('csv-apply').addEventListener('click', () => {
  edit((page) => editor.applyCsv(page));
  $('csv-preview').hidden = true;
  $('csv-status').textContent = last.done;
});
$('csv-cancel').addEventListener('click', () => {
  $('csv-preview').hidden = true;
});
// On a phone the preview is below the whole form: "Back to the form" returns to the field the
// person was in, not to the top.
let lastField; // the form's control last focused
form.addEventListener('focusin', (event) => { if (event.target.name) lastField = event.target; });
$('back-to-form').addEventListener('click', (event) => {
  if (!lastField?.isConnected) return; // the link's own target: the form's heading
  event.preventDefault();
  reveal(lastField);
  lastField.scrollIntoView({ block: 'center' });
  lastField.focus({ preventScroll: true });
});
window.addEventListener('beforeunload', (event) => {
  if (!downloaded) event.preventDefault();
});

// `?sample` opens the sample at once (as the setup guide's links do).
if (new URLSearchParams(location.search).has('sample')) $('start-sample').click();
