// The visitor widget's behaviour: reads the form, hands it to the page's `Estimator` (the Rust
// module's handle, built once with the price book), and acts on what comes back. The handle renders
// every result region itself; this file holds no price, limit or pricing rule and does no
// arithmetic. `mount` runs once per <amnion-estimator>, inside its shadow root (see estimator.js).
import { shareFragment, readShareFragment } from './pkg/amnion_estimator.js';
import { fillSelect, readForm, showDetail, showErrors, writeForm } from './form.js';
import { say } from './language.js';

/**
 * Brings the widget markup in `root` to life with `estimator` (an `Estimator` handle, or what has
 * its `choices`, `financingChoices` and `update`) and the page's `words` for its language. The
 * price-book editor's preview passes `share`, the share-link functions of the module its handle
 * comes from, and `address: false`: the preview neither reads nor writes the page's address.
 * Returns what the editor renders the preview with from its own calls: the widget's `regions`,
 * `fill(choices, plans)` to offer another book's answers, and `update`.
 */
export function mount(root, estimator, words = {}, { share = { shareFragment, readShareFragment }, address = true } = {}) {
  const $ = (id) => root.getElementById(id);
  const form = $('answers');
  // Where the handle renders each result; the total shows in the result box and the phone bar.
  const regions = {
    breakdown: $('breakdown'),
    total: [$('total'), $('peek-total')],
    summary: $('summary'),
    totalCondition: $('total-condition'),
    gfeNotice: $('gfe-notice'),
    paymentOptions: $('payment-options'),
    hsaEffectiveCost: $('hsa-effective'),
    hsaSummary: $('hsa-summary'),
    hsaCaveat: $('hsa-caveat'),
    comparison: $('comparison'),
  };

  /** Shows or hides the parts of the form that depend on the physical therapy choice. */
  function showTherapyFields() {
    const coverage = form.elements['physical_therapy.coverage'].value;
    $('sessions-field').hidden = coverage === 'none';
    $('insurance-fields').hidden = coverage !== 'insurance';
    // Whether the copay comes before the deductible matters only once there is a copay.
    $('copay-timing').hidden = !$('copay').value.trim();
  }

  // A reload restores the treatment answers from this tab's session storage, written as a share
  // link's fragment (never insurance figures: the handle writes it from an allow-list). Not from the
  // page's address: the host page's analytics records its address, and nothing a visitor enters may
  // leave the page (DESIGN.md). Kept per page and per widget on it; a browser that refuses storage
  // restores nothing.
  const widgets = [...document.querySelectorAll('amnion-estimator')];
  const kept = `amnion-estimator:${location.pathname}:${widgets.indexOf(root.host)}`;
  const keep = (fragment) => {
    try {
      sessionStorage.setItem(kept, fragment);
    } catch { /* storage refused or full: a reload starts afresh */ }
  };
  const remembered = () => {
    try {
      return sessionStorage.getItem(kept) ?? undefined;
    } catch {
      return undefined;
    }
  };

  /**
   * One call into Rust per change: estimate, payment options, comparison, all rendered. After a
   * visitor's change the treatment answers are kept for a reload. The editor passes `shown`, what
   * its own call returned for the widget's answers as they are, and so keeps none.
   */
  function update({ byVisitor = true } = {}, shown) {
    showTherapyFields();
    const { refused, fragment } = shown ?? estimator.update(readForm(form), regions);
    // Say what to fix under each field and in the summary at the top of the form. The form keeps
    // every answer; no region shows a figure from a refused one (the handle says what to fix).
    showErrors(form, $('error-summary'), refused);
    showDetail($('product'), options.products, $('product-detail'));
    if (address && byVisitor && fragment !== undefined) keep(fragment);
  }

  let options; // the answers on offer, as the handle's `choices` gave them

  /** Offers the answers of `choices` and the plans of `plans`. */
  function fill(choices, plans) {
    options = choices;
    fillSelect($('condition'), options.conditions);
    fillSelect($('injections'), options.injections, 'not_sure');
    fillSelect($('product'), options.products);
    fillSelect($('sessions'), options.pt_sessions, 'typical');
    fillSelect($('plan'), plans);
    $('plan-field').hidden = plans.length < 2; // only "no financing": nothing to choose
    $('sample-notice').hidden = !options.sample_prices;
    $('clinic-contact').textContent = say(words, 'questions_call', 'Questions? Call {name} at {phone}.', {
      name: options.clinic_name, phone: options.clinic_phone,
    });
  }

  fill(estimator.choices(), estimator.financingChoices());
  // A typed amount or count is judged when the visitor leaves its box or pauses in typing, never
  // on the keystroke that leaves "1,"; meanwhile the total keeps the last estimate, marked as
  // updating. A choice (select, radio, check box) is judged at once.
  let pause;
  const updating = (on) => {
    $('updating').hidden = !on;
    form.parentElement.setAttribute('aria-busy', on); // the form and the result, and so the total
  };
  const judge = () => {
    clearTimeout(pause);
    pause = undefined;
    updating(false);
    update();
  };
  // One listener per control: `input` fires for every kind (a select fires `change` as well, which
  // would compute twice). The payment inputs belong to the form (form="answers") but sit in their
  // own section, so their events do not bubble through the form.
  for (const target of [form, $('payment')]) {
    target.addEventListener('input', ({ target }) => {
      if (target.type !== 'text') return judge();
      clearTimeout(pause);
      pause = setTimeout(judge, 1000);
      updating(true);
    });
    target.addEventListener('focusout', () => pause && judge());
  }
  $('share').addEventListener('click', async () => {
    // Treatment answers only, never insurance figures: the fragment is written from an allow-list.
    const link = new URL(`#${share.shareFragment(readForm(form))}`, location.href).href;
    $('share-link').value = link;
    $('share-field').hidden = false;
    try {
      await navigator.clipboard.writeText(link);
      $('share-status').textContent = say(words, 'link_copied', 'Link copied.');
    } catch {
      $('share-status').textContent = say(words, 'copy_link_below', 'Copy the link below.');
    }
  });
  // A share link, or a reload, opens with its answers (only fragments this widget writes start
  // with "condition="), and says what neither keeps, in words for someone who opened a link and saw
  // no earlier total. A link's answers then leave the address (kept for a reload instead), so the
  // host page's later page views do not carry them.
  const linked = location.hash.startsWith('#condition=') ? location.hash : undefined;
  const restored = address ? linked ?? remembered() : undefined;
  if (restored) {
    writeForm(form, share.readShareFragment(restored));
    $('restored').hidden = false;
    $('restored').textContent = say(words, 'not_in_a_link', 'These answers came from a link or a reload, which never keeps insurance figures, tax rates or the plan for monthly payments: those start as on a new page.');
  }
  if (address && linked) {
    keep(linked.slice(1));
    history.replaceState(history.state, '', location.pathname + location.search);
  }
  // On a wide screen the result sits beside the form, with room for every line.
  if (matchMedia('(min-width: 48rem)').matches) $('lines-section').open = true;
  // The phone bar repeats the total while the widget is on screen: it hides while any of the total
  // is, so it never covers it, and while the widget is not, so it never covers the host page's own
  // text (an article above a widget that rendered off screen).
  const onScreen = new Map();
  const seen = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting } of entries) onScreen.set(target, isIntersecting);
    $('peek').hidden = onScreen.get($('total')) || !onScreen.get(root.host);
  });
  for (const target of [$('total'), root.host]) seen.observe(target);
  // The phone bar scrolls to the result inside the widget (a plain #link would leave the shadow root).
  $('peek').addEventListener('click', (event) => {
    event.preventDefault();
    $('total-heading').scrollIntoView({ behavior: 'smooth' });
  });
  update({ byVisitor: false });
  return { regions, fill, update };
}
