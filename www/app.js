// The visitor widget: reads the form, asks the Rust module for an estimate, shows what comes back.
// It holds no price, limit or pricing rule and does no arithmetic: amounts arrive formatted.
import init, { choices, showEstimate } from './pkg/amnion_estimator.js';

const $ = (id) => document.getElementById(id);
const form = $('answers');

/** Replaces a select's options with `[{ value, label }]`, keeping the current value if still offered. */
function fillSelect(select, options, preferred) {
  const keep = select.value || preferred;
  select.replaceChildren(...options.map(({ value, label }) => new Option(label, value)));
  if (options.some((option) => option.value === keep)) select.value = keep;
}

/** The form as a request object: each control's name is its path in the request. */
function readRequest() {
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

/** Shows or hides the parts of the form that depend on the physical therapy choice. */
function showTherapyFields() {
  const coverage = form.elements['physical_therapy.coverage'].value;
  $('sessions-field').hidden = coverage === 'none';
  $('insurance-fields').hidden = coverage !== 'insurance';
}

function markInvalid(fields) {
  const bad = new Set(fields.map((field) => field.path));
  for (const control of form.elements) {
    if (!control.name) continue;
    if (bad.has(control.name)) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}

/** One line per bad field, named by its label on this page: "Your coinsurance (%): must be ...". */
function describe(error) {
  if (!error.fields?.length) return error.message;
  return error.fields
    .map(({ path, reason }) => {
      const label = form.elements[path]?.labels?.[0]?.textContent ?? path;
      return `${label}: ${reason}`;
    })
    .join('\n');
}

function update() {
  showTherapyFields();
  try {
    const estimate = showEstimate($('breakdown'), readRequest());
    $('total').textContent = estimate.patient_total.formatted;
    $('peek-total').textContent = estimate.patient_total.formatted;
    $('summary').textContent = `${estimate.condition}: ${estimate.summary}`;
    $('error').hidden = true;
    $('breakdown').classList.remove('stale');
    markInvalid([]);
  } catch (error) {
    // Keep every answer and the last good breakdown; say what to fix, by the field's own label.
    $('error').textContent = describe(error);
    $('error').hidden = false;
    $('total').textContent = 'Check your answers';
    $('peek-total').textContent = 'Check your answers';
    $('breakdown').classList.add('stale');
    markInvalid(error.fields ?? []);
  }
}

await init();
const options = choices();
fillSelect($('condition'), options.conditions);
fillSelect($('injections'), options.injections, 'not_sure');
fillSelect($('product'), options.products);
fillSelect($('sessions'), options.pt_sessions, 'typical');
$('sample-notice').hidden = !options.sample_prices;
$('clinic-contact').textContent = `Questions? Call ${options.clinic_name} at ${options.clinic_phone}.`;
form.addEventListener('input', update);
form.addEventListener('change', update);
update();
