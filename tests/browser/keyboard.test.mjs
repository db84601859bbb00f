// Keyboard only: from page load, an estimate is completed on the visitor page with Tab, the arrow
// keys and Space, never the mouse, and every control shows a focus ring (an outline) when it has
// focus. Controls are found by id and name; locators and the focus helper reach into the widget's
// shadow root.
//
// Expected totals, by hand from the sample price book (src/price_book/default.json): Achilles
// tendinopathy is 20551 (160.00) with ultrasound guidance 76942 (125.00) billed on top, so one
// injection is 1,200.00 + 160.00 + 125.00 = 1,485.00, and its 15 % multi-injection discount
// 222.75. Prompt pay is 5 % of the self-pay lines, rounded half up to the cent.
// - Achilles, "not sure" (1 to 2 injections), consultation 250.00:
//   low 250 + 1,485 = 1,735.00 - 86.75 = 1,648.25;
//   high 250 + 2 × 1,485 - 222.75 = 2,997.25 - 149.8625 -> 149.86 = 2,847.39.
// - 2 injections: 2,997.25 - 149.86 = 2,847.39.
// - plus the walking boot 165.00: 3,162.25 - 158.1125 -> 158.11 = 3,004.14.
// - plus PT in cash, typical 8 to 16 sessions, evaluation 160.00 and 95.00 a session:
//   low 3,162.25 + 160 + 8 × 95 = 4,082.25 - 204.1125 -> 204.11 = 3,878.14;
//   high 3,162.25 + 160 + 16 × 95 = 4,842.25 - 242.1125 -> 242.11 = 4,600.14.
// - 10 sessions: 3,162.25 + 160 + 10 × 95 = 4,272.25 - 213.6125 -> 213.61 = 4,058.64.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, watch } from './browser.mjs';

const shared = session();

/** The focused element, looking inside shadow roots, and whether it shows a focus outline. */
function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
      && style.outlineColor !== 'rgba(0, 0, 0, 0)';
    return {
      id: element.id,
      name: element.getAttribute('name'),
      value: element.value,
      checked: element.checked ?? null,
      ring: element.matches(':focus-visible') && outline,
    };
  });
}

/** Presses Tab until `wanted(focused)` holds, at most `most` times; returns what has focus. */
async function tabTo(page, wanted, most = 6) {
  const path = [];
  for (let presses = 0; presses < most; presses += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    path.push(now.id || now.name || '(no id)');
    if (wanted(now)) {
      assert.ok(now.ring, `${path.at(-1)} shows a focus outline`);
      return now;
    }
  }
  assert.fail(`not reached with ${most} Tabs: ${path.join(' -> ')}`);
}

/** Presses `key` `times` times, then checks the focused control still shows its outline. */
async function press(page, key, times = 1) {
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
  const now = await focused(page);
  assert.ok(now.ring, `${now.id || now.name} still shows a focus outline after ${key}`);
  return now;
}

/** Waits briefly for the total a person reads to become `expected`, then checks it. */
async function totalIs(page, expected, step) {
  const total = page.locator('#total');
  await total.filter({ hasText: expected }).waitFor({ timeout: 2_000 }).catch(() => {});
  assert.equal(await total.textContent(), expected, step);
}

test('keyboard only: an estimate from page load to total with Tab, arrows and Space, focus always visible', async () => {
  const page = await shared.browser.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  const seen = await watch(page);
  await page.goto(shared.server.url);
  await page.locator('#total', { hasText: /^\$/ }).waitFor();

  await tabTo(page, (f) => f.id === 'condition');
  const condition = await press(page, 'ArrowDown'); // plantar fasciitis -> Achilles tendinopathy
  assert.equal(condition.value, 'achilles_tendinopathy');
  await totalIs(page, '$1,648.25 – $2,847.39', 'Achilles, not sure how many injections');

  await tabTo(page, (f) => f.id === 'injections', 1);
  const injections = await press(page, 'ArrowUp', 2); // "Not sure yet" -> 3 -> 2 injections
  assert.equal(injections.value, '2');
  await totalIs(page, '$2,847.39', '2 injections');

  await tabTo(page, (f) => f.id === 'walking_boot', 3); // past the product and the consultation
  const boot = await press(page, 'Space');
  assert.equal(boot.checked, true, 'Space checks the walking boot');
  await totalIs(page, '$3,004.14', 'with the walking boot');

  const therapy = await tabTo(page, (f) => f.name === 'physical_therapy.coverage', 1);
  assert.equal(therapy.value, 'none', 'Tab lands on the chosen radio of the group');
  const cash = await press(page, 'ArrowRight'); // None -> Pay cash
  assert.deepEqual([cash.value, cash.checked], ['cash', true]);
  await totalIs(page, '$3,878.14 – $4,600.14', 'PT in cash, typical sessions');

  await tabTo(page, (f) => f.id === 'sessions', 1); // shown once therapy is chosen, next in order
  const sessions = await press(page, 'ArrowDown', 11); // "Typical" -> 0 -> ... -> 10 sessions
  assert.equal(sessions.value, '10');
  await totalIs(page, '$4,058.64', '10 sessions in cash');

  assert.deepEqual(seen.errors, []);
  await page.close();
});
