// The visitor widget: reads the form, asks the Rust module for an estimate, shows what comes back.
// It holds no price, limit or pricing rule and does no arithmetic: amounts arrive formatted.
import init, {
  choices, showEstimate, financingChoices, showPaymentOptions, showComparison, shareFragment, readShareFragment,
} from './pkg/amnion_estimator.js';
import { describe, fillSelect, markInvalid, readForm, writeForm } from './form.js';

const $ = (id) => document.getElementById(id);
const form = $('answers');

/** Shows or hides the parts of the form that depend on the physical therapy choice. */
function showTherapyFields() {
  const coverage = form.elements['physical_therapy.coverage'].value;
  $('sessions-field').hidden = coverage === 'none';
  $('insurance-fields').hidden = coverage !== 'insurance';
}

/** Runs `show`; on an error, says what to fix in `errorBox`. The fields at fault, or null if none. */
function attempt(show, errorBox) {
  try {
    show();
    errorBox.hidden = true;
    return null;
  } catch (error) {
    errorBox.textContent = describe(form, error);
    errorBox.hidden = false;
    return error.fields ?? [];
  }
}

function update() {
  showTherapyFields();
  const { payment = {}, ...request } = readForm(form);
  const badAnswers = attempt(() => {
    const estimate = showEstimate($('breakdown'), request);
    $('total').textContent = estimate.patient_total.formatted;
    $('peek-total').textContent = estimate.patient_total.formatted;
    $('summary').textContent = `${estimate.condition}: ${estimate.summary}`;
    // The address is always a link to these answers: treatment only, never insurance figures.
    history.replaceState(null, '', `#${shareFragment(request)}`);
  }, $('error'));
  // Keep every answer and the last good results, dimmed; say what to fix, by the field's own label.
  for (const id of ['breakdown', 'payment']) $(id).classList.toggle('stale', badAnswers !== null);
  if (badAnswers) {
    $('total').textContent = 'Check your answers';
    $('peek-total').textContent = 'Check your answers';
    markInvalid(form, badAnswers);
    return;
  }
  const badPayment = attempt(() => {
    const options = showPaymentOptions($('payment-options'), request, payment);
    $('hsa-effective').textContent = options.hsa.effective_cost.formatted;
    $('hsa-summary').textContent = options.hsa.summary;
    $('hsa-caveat').textContent = options.hsa.caveat;
  }, $('payment-error'));
  const badPlan = attempt(() => showComparison($('comparison'), request, payment), $('compare-error'));
  markInvalid(form, [...(badPayment ?? []), ...(badPlan ?? [])]);
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
$('share').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    $('share-status').textContent = 'Link copied.';
  } catch {
    $('share-status').textContent = `Copy this link: ${location.href}`;
  }
});
if (location.hash.length > 1) writeForm(form, readShareFragment(location.hash));
update();
