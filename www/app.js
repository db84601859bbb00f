// The visitor widget's behaviour: reads the form, asks the Rust module for an estimate, shows what
// comes back. It holds no price, limit or pricing rule and does no arithmetic: amounts arrive
// formatted. `mount` runs once per <amnion-estimator>, inside its shadow root (see estimator.js).
import {
  choices, showEstimate, financingChoices, showPaymentOptions, showComparison, shareFragment, readShareFragment,
} from './pkg/amnion_estimator.js';
import { describe, fillSelect, markInvalid, readForm, writeForm } from './form.js';
import { say } from './language.js';

/**
 * Brings the widget markup in `root` to life with `book` (a price book object, or undefined for
 * the embedded sample), in `language` (`en` or `es`) with the page's `words` for it.
 */
export function mount(root, book, language = 'en', words = {}) {
  const $ = (id) => root.getElementById(id);
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
    const { payment = {}, ...answers } = readForm(form);
    const request = { ...answers, language };
    const badAnswers = attempt(() => {
      const { total, summary } = showEstimate($('breakdown'), request, book);
      $('total').textContent = total;
      $('peek-total').textContent = total;
      $('summary').textContent = summary;
    }, $('error'));
    // Keep every answer and the last good results, dimmed; say what to fix, by the field's own label.
    for (const id of ['breakdown', 'payment']) $(id).classList.toggle('stale', badAnswers !== null);
    if (badAnswers) {
      $('total').textContent = say(words, 'check_answers', 'Check your answers');
      $('peek-total').textContent = say(words, 'check_answers', 'Check your answers');
      markInvalid(form, badAnswers);
      return;
    }
    const badPayment = attempt(() => {
      const hsa = showPaymentOptions($('payment-options'), request, payment, book);
      $('hsa-effective').textContent = hsa.hsa_effective_cost;
      $('hsa-summary').textContent = hsa.hsa_summary;
      $('hsa-caveat').textContent = hsa.hsa_caveat;
    }, $('payment-error'));
    const badPlan = attempt(() => showComparison($('comparison'), request, payment, book), $('compare-error'));
    markInvalid(form, [...(badPayment ?? []), ...(badPlan ?? [])]);
  }

  const options = choices(book, language);
  fillSelect($('condition'), options.conditions);
  fillSelect($('injections'), options.injections, 'not_sure');
  fillSelect($('product'), options.products);
  fillSelect($('sessions'), options.pt_sessions, 'typical');
  const plans = financingChoices(book, language);
  fillSelect($('plan'), plans);
  $('plan-field').hidden = plans.length < 2; // only "no financing": nothing to choose
  $('sample-notice').hidden = !options.sample_prices;
  $('clinic-contact').textContent = say(words, 'questions_call', 'Questions? Call {name} at {phone}.', {
    name: options.clinic_name, phone: options.clinic_phone,
  });
  // The payment inputs belong to the form (form="answers") but sit in their own section.
  for (const target of [form, $('payment')]) {
    target.addEventListener('input', update);
    target.addEventListener('change', update);
  }
  $('share').addEventListener('click', async () => {
    // Treatment answers only, never insurance figures: the fragment is written from an allow-list.
    const { payment, ...request } = readForm(form);
    const link = new URL(`#${shareFragment(request)}`, location.href).href;
    $('share-link').value = link;
    $('share-field').hidden = false;
    try {
      await navigator.clipboard.writeText(link);
      $('share-status').textContent = say(words, 'link_copied', 'Link copied.');
    } catch {
      $('share-status').textContent = say(words, 'copy_link_below', 'Copy the link below.');
    }
  });
  // A share link opens with its answers (only fragments this widget writes start with "condition=").
  if (location.hash.startsWith('#condition=')) writeForm(form, readShareFragment(location.hash));
  // The phone bar scrolls to the result inside the widget (a plain #link would leave the shadow root).
  $('peek').addEventListener('click', (event) => {
    event.preventDefault();
    $('total-heading').scrollIntoView({ behavior: 'smooth' });
  });
  update();
}
