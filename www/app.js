// The visitor widget: reads the form, asks the Rust module for an estimate, shows what comes back.
// It holds no price, limit or pricing rule and does no arithmetic: amounts arrive formatted.
import init, {
  choices, showEstimate, financingChoices, showPaymentOptions, showComparison,
} from './pkg/amnion_estimator.js';

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

/** Runs `show`; on an error, says what to fix in `errorBox`. The fields at fault, or null if none. */
function attempt(show, errorBox) {
  try {
    show();
    errorBox.hidden = true;
    return null;
  } catch (error) {
    errorBox.textContent = describe(error);
    errorBox.hidden = false;
    return error.fields ?? [];
  }
}

function update() {
  showTherapyFields();
  const { payment = {}, ...request } = readRequest();
  const badAnswers = attempt(() => {
    const estimate = showEstimate($('breakdown'), request);
    $('total').textContent = estimate.patient_total.formatted;
    $('peek-total').textContent = estimate.patient_total.formatted;
    $('summary').textContent = `${estimate.condition}: ${estimate.summary}`;
  }, $('error'));
  // Keep every answer and the last good results, dimmed; say what to fix, by the field's own label.
  for (const id of ['breakdown', 'payment']) $(id).classList.toggle('stale', badAnswers !== null);
  if (badAnswers) {
    $('total').textContent = 'Check your answers';
    $('peek-total').textContent = 'Check your answers';
    markInvalid(badAnswers);
    return;
  }
  const badPayment = attempt(() => {
    const options = showPaymentOptions($('payment-options'), request, payment);
    $('hsa-effective').textContent = options.hsa.effective_cost.formatted;
    $('hsa-summary').textContent = options.hsa.summary;
    $('hsa-caveat').textContent = options.hsa.caveat;
  }, $('payment-error'));
  const badPlan = attempt(() => showComparison($('comparison'), request, payment), $('compare-error'));
  markInvalid([...(badPayment ?? []), ...(badPlan ?? [])]);
}

await init();
const options = choices();
fillSelect($('condition'), options.conditions);
fillSelect($('injections'), options.injections, 'not_sure');
fillSelect($('product'), options.products);
fillSelect($('sessions'), options.pt_sessions, 'typical');
const plans = financingChoices();
fillSelect($('plan'), plans);
$('plan-field').hidden = plans.length < 2; // only "no financing": nothing to choose
$('sample-notice').hidden = !options.sample_prices;
$('clinic-contact').textContent = `Questions? Call ${options.clinic_name} at ${options.clinic_phone}.`;
// The payment inputs belong to the form (form="answers") but sit in their own section.
for (const target of [form, $('payment')]) {
  target.addEventListener('input', update);
  target.addEventListener('change', update);
}
update();
