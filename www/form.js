// Form plumbing shared by the visitor and staff pages. Each control's `name` is its path in the
// request object the Rust module reads (`physical_therapy.insurance.copay`), so reading the form,
// restoring it and pointing at a bad field all work from that one convention.
// Nothing here knows a price, a limit or a rule, and nothing here does arithmetic.

/** Replaces a select's options with `[{ value, label }]`, keeping the current value if still offered. */
export function fillSelect(select, options, preferred) {
  const keep = select.value || preferred;
  select.replaceChildren(...options.map(({ value, label }) => new Option(label, value)));
  if (options.some((option) => option.value === keep)) select.value = keep;
}

/** Puts the `detail` of `select`'s chosen option (of `choices`, `[{ value, label, detail }]`) in `box`. */
export function showDetail(select, choices, box) {
  box.textContent = choices.find((choice) => choice.value === select.value)?.detail ?? '';
}

/**
 * The form as a request object. A numeric part of a name makes a list (`later_injections_on.0`);
 * a disabled control is not an answer.
 */
export function readForm(form) {
  const request = {};
  for (const control of form.elements) {
    if (!control.name || control.disabled || (control.type === 'radio' && !control.checked)) continue;
    const path = control.name.split('.');
    const last = path.pop();
    let node = request;
    path.forEach((key, index) => { node = node[key] ??= /^\d+$/.test(path[index + 1] ?? last) ? [] : {}; });
    node[last] = control.type === 'checkbox' ? control.checked : control.value;
  }
  return request;
}

/**
 * Puts a request object's values back into the form (the reverse of `readForm`). Controls the
 * object says nothing about keep their values, and a select keeps its value rather than take one
 * it does not offer.
 */
export function writeForm(form, request) {
  for (const control of form.elements) {
    if (!control.name) continue;
    const value = control.name.split('.').reduce((node, key) => node?.[key], request);
    if (value === undefined) continue; // not in the object: keep the control's value; null clears it
    if (control.tagName === 'SELECT' && ![...control.options].some((option) => option.value === String(value ?? ''))) continue;
    if (control.type === 'checkbox') control.checked = Boolean(value);
    else if (control.type === 'radio') control.checked = control.value === value;
    else control.value = value ?? '';
  }
}

/** The control a refusal's `path` names: an element, or the first of a radio group; none if not on the form. */
function controlAt(form, path) {
  const named = path ? form.elements.namedItem(path) : null;
  return named instanceof RadioNodeList ? named[0] : named;
}

/**
 * A control's name as the person reads it: its `data-label` (where its own label is not enough on
 * its own, as in the price-book editor's "Walking boot › Price"), its label, or for a radio button
 * its group's label (a radiogroup's `aria-labelledby`, else its fieldset's legend), or its path.
 */
function labelOf(form, path) {
  const control = controlAt(form, path);
  if (!control) return path;
  if (control.dataset.label) return control.dataset.label;
  const group = control.closest('[role="radiogroup"][aria-labelledby]');
  if (control.type === 'radio' && group) return control.getRootNode().getElementById(group.getAttribute('aria-labelledby'))?.textContent ?? path;
  if (control.type === 'radio') return control.closest('fieldset')?.querySelector('legend')?.textContent ?? path;
  return control.labels?.[0]?.textContent ?? path;
}

/**
 * One line per refused field (`[{ path, reason }]`), named by its label on the page: "Your
 * coinsurance (%): must be ...". A refusal with no path (a result that could not be worked out) is
 * its reason alone.
 */
export function describe(form, fields) {
  return fields.map(({ path, reason }) => (path ? `${labelOf(form, path)}: ${reason}` : reason)).join('\n');
}

/**
 * Shows every refusal (`[{ path, reason }]`) where the eye is, in the GOV.UK error-summary pattern
 * shared by both pages:
 * - under its field, in a message the field names with `aria-describedby`, and the field marked
 *   `aria-invalid`; a radio group's message sits under the group;
 * - in `summary` (a box at the top of the form holding a heading and a list), one link per problem
 *   that moves focus to its field. A refusal no field on the form owns is listed as text.
 * Fields no longer refused lose their message and mark. `atField` refusals are shown under their
 * fields only, not in the summary (the price-book editor's Save step, just above its button).
 * Returns how many problems there are.
 */
export function showErrors(form, summary, refused, atField = []) {
  const problems = new Map(); // control -> reasons, in the order refused
  const details = new Map(); // control -> a refusal's `detail`: a smaller note under its field only
  const loose = [];
  const unlisted = new Set();
  for (const { path, reason, detail } of atField) {
    const control = controlAt(form, path);
    if (!control) continue;
    problems.set(control, [reason]);
    if (detail) details.set(control, detail);
    unlisted.add(control);
  }
  for (const { path, reason, detail } of refused) {
    const control = controlAt(form, path);
    if (control) unlisted.delete(control);
    if (control && detail && !details.has(control)) details.set(control, detail);
    const list = control ? problems.get(control) ?? [] : loose;
    if (control) problems.set(control, list);
    if (!list.includes(reason)) list.push(reason); // a reason can stop several regions
  }
  for (const control of form.elements) {
    const reasons = problems.get(control);
    const group = control.type === 'radio' ? form.elements.namedItem(control.name) : [control];
    if (reasons) for (const member of group) member.setAttribute('aria-invalid', 'true');
    else if (control.type !== 'radio' || control === group[0]) for (const member of group) member.removeAttribute('aria-invalid');
    if (control.type === 'radio' && control !== group[0]) continue;
    fieldMessage(control, group, reasons, details.get(control));
  }

  const list = summary.querySelector('ul');
  list.replaceChildren(...[...problems].filter(([control]) => !unlisted.has(control)).map(([control, reasons]) => {
    const link = document.createElement('a');
    link.href = `#${control.id}`;
    link.dataset.target = control.id;
    link.textContent = `${labelOf(form, control.name)}: ${reasons.join(' ')}`;
    const item = document.createElement('li');
    item.append(link);
    return item;
  }), ...loose.map((reason) => Object.assign(document.createElement('li'), { textContent: reason })));
  summary.hidden = refused.length === 0;
  if (!summary.dataset.wired) {
    summary.dataset.wired = 'true';
    // A plain #link would not reach inside the widget's shadow root, and would hide the label.
    summary.addEventListener('click', (event) => {
      const target = event.target.closest('a[data-target]');
      if (!target) return;
      event.preventDefault();
      const control = summary.getRootNode().getElementById(target.dataset.target);
      // A field in a closed section: open it (and any section around it) first.
      for (let section = control?.closest('details'); section; section = section.parentElement.closest('details')) section.open = true;
      control?.focus({ preventScroll: true });
      (control?.closest('.field, fieldset') ?? control)?.scrollIntoView({ block: 'center' });
    });
  }
  return refused.length;
}

/**
 * Puts `reasons` under `control` (its whole `group` for radios), with `detail` after them in
 * smaller type if given, or takes its message away.
 */
function fieldMessage(control, group, reasons, detail) {
  const id = `${control.id || control.name.replaceAll('.', '-')}-error`;
  let message = control.getRootNode().getElementById?.(id);
  if (!reasons) {
    if (!message) return;
    message.remove();
    for (const member of group) {
      const rest = (member.getAttribute('aria-describedby') ?? '').split(' ').filter((token) => token && token !== id);
      if (rest.length) member.setAttribute('aria-describedby', rest.join(' '));
      else member.removeAttribute('aria-describedby');
    }
    return;
  }
  if (!message) {
    message = document.createElement('p');
    message.id = id;
    message.className = 'field-error';
    // Under the input in its .field; under the whole group for radios and check boxes.
    const place = control.type === 'radio' ? control.closest('.segmented, .stack, fieldset')
      : control.type === 'checkbox' ? control.closest('label')
        : control.closest('.affix') ?? control; // an amount's box with its `$` or `%` beside it
    place.after(message);
    for (const member of group) {
      const tokens = (member.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      member.setAttribute('aria-describedby', [...tokens, id].join(' '));
    }
  }
  message.textContent = reasons.join(' ');
  if (detail) message.append(' ', Object.assign(document.createElement('span'), { className: 'detail', textContent: detail }));
}
