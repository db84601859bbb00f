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

/** The form as a request object. */
export function readForm(form) {
  const request = {};
  for (const control of form.elements) {
    if (!control.name || (control.type === 'radio' && !control.checked)) continue;
    const path = control.name.split('.');
    const last = path.pop();
    let node = request;
    for (const key of path) node = node[key] ??= {};
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

/** Marks the controls named by `fields` (`[{ path }]`) as invalid, and clears the others. */
export function markInvalid(form, fields) {
  const bad = new Set(fields.map((field) => field.path));
  for (const control of form.elements) {
    if (!control.name) continue;
    if (bad.has(control.name)) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}

/**
 * One line per refused field (`[{ path, reason }]`), named by its label on the page: "Your
 * coinsurance (%): must be ...". A refusal with no path (a result that could not be worked out) is
 * its reason alone.
 */
export function describe(form, fields) {
  return fields
    .map(({ path, reason }) => {
      if (!path) return reason;
      const control = form.elements[path];
      const label = control?.labels?.[0]?.textContent ?? control?.[0]?.closest('fieldset')?.querySelector('legend')?.textContent ?? path;
      return `${label}: ${reason}`;
    })
    .join('\n');
}

/** Shows in `box` what `refused` (`[{ region, path, reason }]`) says about `region`; hides it if nothing. */
export function showRefused(form, box, refused, region) {
  const mine = refused.filter((field) => field.region === region);
  box.textContent = describe(form, mine);
  box.hidden = mine.length === 0;
  return mine.length > 0;
}
