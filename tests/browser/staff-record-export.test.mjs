// "Export for the record system" (issue 24; DESIGN.md, "The Good Faith Estimate for the record
// system"): the staff page downloads the Good Faith Estimate on screen as the Da Vinci PCT GFE
// Packet, checked here with the HL7 FHIRPath engine (the `fhirpath` package): the IG's own
// invariants (their expressions as the IG writes them), every reference resolving inside the
// bundle that holds it, each provider's summary claim first, the elements the profiles require;
// and the items' net amounts adding to the printed totals, in cents. A revision names the number it
// replaces; a self-pay price quote is refused in words; while the form is refused nothing downloads.
//
// Figures by hand from the sample price book (prices in tests/cases/mod.rs), as in
// tests/saved_quotes.rs and tests/fhir_packet.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { session, watch } from './browser.mjs';

const require = createRequire(new URL('../../.ci/package.json', import.meta.url));
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');

const shared = session();
const { shots } = shared;
const fixtures = new URL('../fixtures/saved-quotes/', import.meta.url).pathname;
const PCT = 'http://hl7.org/fhir/us/davinci-pct';

async function openStaffPage(width = 1300, path = 'staff.html') {
  const page = await shared.browser.newPage({ acceptDownloads: true });
  await page.clock.setFixedTime(new Date(2026, 11, 7, 10, 0));
  await page.setViewportSize({ width, height: 900 });
  const seen = await watch(page);
  await page.goto(`${shared.server.url}${path}`);
  await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
  return { page, errors: seen.errors };
}

async function reopen(page, name) {
  await page.setInputFiles('#open', `${fixtures}${name}`);
  await page.waitForFunction(() => !document.getElementById('reopened').hidden);
}

/** Clicks "Export for the record system": the file's name and text. */
async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#record-export')]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** `expression` evaluated on `resource` (itself `%resource`) with the R4 model. */
const fp = (resource, expression) => fhirpath.evaluate(resource, expression, { resource, rootResource: resource }, r4);
/** Whether `expression` is true of `resource`. */
const holds = (resource, expression) => {
  const result = fp(resource, expression);
  return result.length === 1 && result[0] === true;
};

// The PCT invariants, as the IG's input/fsh writes them (commit 423d3a5).
const INVARIANTS = {
  packet: {
    'pct-gfe-packet-1': 'Bundle.entry.resource.ofType(Practitioner).exists() or Bundle.entry.resource.ofType(Organization).exists()',
    'pct-gfe-packet-2': "Bundle.entry.resource.descendants().reference.where($this.startsWith('#').not()).all((%resource.entry.fullUrl.join('|')&'|').contains(($this&'|')))",
  },
  gfeBundle: {
    'pct-gfe-bundle-1': 'Bundle.entry.resource.ofType(Practitioner).exists() or Bundle.entry.resource.ofType(Organization).exists()',
    'pct-gfe-bundle-2': "Bundle.entry.resource.descendants().reference.where($this.startsWith('#').not()).all((%resource.entry.fullUrl.join('|')&'|').contains(($this&'|')))",
    'pct-gfe-bundle-3': "Bundle.entry[0].resource.ofType(Claim).type.coding.where(code='estimate-summary' and system='http://hl7.org/fhir/us/davinci-pct/CodeSystem/PCTEstimateTypeSummaryCSTemporaryTrialUse').exists()",
  },
  composition: {
    'pct-gfe-packet-composition-1': "extension.where(url='http://hl7.org/fhir/us/davinci-pct/StructureDefinition/requestOriginationType' and value.ofType(CodeableConcept).coding.where(code='scheduled-request').exists()).exists() implies extension.where(url='http://hl7.org/fhir/us/davinci-pct/StructureDefinition/gfeServiceLinkingInfo' and extension.where(url = 'plannedPeriodOfService').exists()).exists()",
    // The IG's expression is on the element (`* date obeys pct-datetime-to-seconds`): evaluated
    // here with each `date` as $this.
    'pct-datetime-to-seconds (date)': 'date.all($this is dateTime implies $this.toString().length() >= 19)',
  },
  coverage: {
    'pct-coverage-1': "extension.where(url='http://hl7.org/fhir/5.0/StructureDefinition/extension-Coverage.kind'and value = 'insurance').exists() implies class.exists()",
    'pct-coverage-2': "extension.where(url='http://hl7.org/fhir/5.0/StructureDefinition/extension-Coverage.kind'and value = 'insurance').exists() implies period.exists()",
  },
  professional: {
    'pct-cpt-display': "item.productOrService.coding.all(system = 'http://www.ama-assn.org/go/cpt' implies display.exists())",
  },
};

// The claims' principal diagnosis: `diagnosis[principal].type = DiagnosisTypeCodes#principal` and
// `sequence = 1`, DiagnosisTypeCodes being THO's code system (its system checked, not only its code).
const PRINCIPAL_DIAGNOSIS = "diagnosis.count() = 1 and diagnosis.where(type.coding.where(system = 'http://terminology.hl7.org/CodeSystem/diagnosistype' and code = 'principal').exists()).sequence = 1";

// What the profiles require (1..1 or 1..*) of the elements the export writes, as FHIRPath.
const REQUIRED = {
  packet: [
    `meta.profile = '${PCT}/StructureDefinition/davinci-pct-gfe-packet'`,
    "type = 'document'", 'identifier.system.exists() and identifier.value.exists()', 'timestamp.exists()',
    'entry.all(fullUrl.exists())', 'entry.first().resource is Composition',
    'entry.resource.ofType(Patient).count() = 1', 'entry.resource.ofType(Coverage).count() = 1',
    'entry.resource.ofType(Organization).count() <= 2',
  ],
  composition: [
    `meta.profile = '${PCT}/StructureDefinition/davinci-pct-gfe-composition'`,
    // Not vacuous: the date is there, to the second.
    'date.exists() and date.toString().length() >= 19',
    "status = 'final'", "type.coding.where(system = 'http://loinc.org' and code = '111480-0').exists()",
    `category.coding.where(system = '${PCT}/CodeSystem/PCTDocumentTypeTemporaryTrialUse' and code = 'estimate').exists()`,
    'identifier.system.exists() and identifier.value.exists()', 'subject.reference.exists()', 'author.count() >= 1',
    `extension.where(url = '${PCT}/StructureDefinition/requestInitiationTime').value.exists()`,
    `extension.where(url = '${PCT}/StructureDefinition/requestOriginationType').value.exists()`,
    `section.where(code.coding.code = 'coverage-section').entry.count() = 1`,
    `section.where(code.coding.code = 'gfe-section').all(author.count() = 1 and entry.count() = 1)`,
  ],
  gfeBundle: [
    `meta.profile = '${PCT}/StructureDefinition/davinci-pct-gfe-bundle'`,
    "type = 'collection'", 'identifier.exists()', 'timestamp.exists()', 'entry.all(fullUrl.exists())',
    'entry.resource.ofType(Claim).count() >= 2', 'entry.resource.ofType(Patient).count() = 1',
  ],
  summary: [
    "status = 'active'", "use = 'predetermination'", 'patient.reference.exists()', 'created.exists()',
    'provider.reference.empty()',
    "provider.extension.where(url = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason' and value = 'not-applicable').exists()",
    "priority.coding.code = 'normal'", 'insurance.all(coverage.reference.exists())', 'item.empty()', 'total.value.exists()',
    PRINCIPAL_DIAGNOSIS,
  ],
  professional: [
    "status = 'active'", "use = 'predetermination'", "type.coding.code = 'professional'",
    "identifier.where(type.coding.code = 'PLAC').value.exists()", 'patient.reference.exists()', 'created.exists()',
    'provider.reference.exists()', `provider.extension.where(url = '${PCT}/StructureDefinition/providerTaxonomy').exists()`,
    'insurance.coverage.reference.exists()', PRINCIPAL_DIAGNOSIS,
    'item.count() >= 1 and item.count() <= 50',
    `item.all(extension.where(url = '${PCT}/StructureDefinition/serviceDescription').value.exists() and productOrService.exists() and serviced.exists() and location.ofType(CodeableConcept).exists() and quantity.exists() and unitPrice.exists() and net.exists())`,
    'total.value.exists()',
  ],
  coverage: [
    "extension.where(url = 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Coverage.kind').value = 'self-pay'",
    "status = 'active'", 'beneficiary.reference.exists()', 'payor.exists()',
  ],
  patient: ['identifier.all(system.exists() and value.exists())', 'name.exists()', 'gender.exists()', 'birthDate.exists()'],
  organization: [
    "identifier.where(system = 'http://hl7.org/fhir/sid/us-npi').value.exists()",
    "identifier.where(type.coding.code = 'TAX').value.exists()", 'name.exists()', 'type.exists()',
  ],
};

/** Every invariant and required element of `kind` holds of `resource`. */
function check(kind, resource, label) {
  for (const [name, expression] of Object.entries(INVARIANTS[kind] ?? {})) {
    assert.ok(holds(resource, expression), `${label}: ${name}`);
  }
  for (const expression of REQUIRED[kind] ?? []) assert.ok(holds(resource, expression), `${label}: ${expression}`);
}

/** A decimal from the packet as whole cents: 2829.81 → 282981n. */
const cents = (value) => BigInt(value.toFixed(2).replace('.', ''));

test('a self-pay Good Faith Estimate with a co-provider exports as a PCT GFE Packet that keeps the IG invariants and adds to the printed totals', async () => {
  const { page, errors } = await openStaffPage();
  // format-2-self-pay-with-co-provider.json: plantar fasciitis, 2 injections of the 1 mL vial,
  // consultation, 8 therapy sessions with Riverside Physical Therapy; 3,749.81 (tests/saved_quotes.rs).
  await reopen(page, 'format-2-self-pay-with-co-provider.json');
  assert.equal(await page.locator('#status').textContent(), 'Good Faith Estimate GFE-3DQE-P2KM-1P1Y-G: $3,749.81');
  const { name, text } = await exported(page);
  assert.equal(name, 'GFE-3DQE-P2KM-1P1Y-G.fhir.json');
  const packet = JSON.parse(text);

  check('packet', packet, 'packet');
  // Issued 2026-12-02: the packet's times are that day at noon UTC, whatever the computer's clock
  // says (2026-12-07 here), so every export of the quote is the same document.
  assert.equal(packet.timestamp, '2026-12-02T12:00:00Z');
  // Stricter than pct-gfe-packet-2 (a substring test): each reference is exactly a fullUrl.
  assert.ok(holds(packet, 'Bundle.entry.resource.descendants().reference.all($this in %resource.entry.fullUrl)'), 'every reference is a fullUrl of the packet');
  const [composition] = fp(packet, 'Bundle.entry.resource.ofType(Composition)');
  check('composition', composition, 'composition');
  assert.deepEqual(fp(composition, 'identifier.value'), ['GFE-3DQE-P2KM-1P1Y-G']);
  assert.deepEqual(fp(composition, 'relatesTo'), [], 'not a revision');
  // Scheduled for 2026-12-09: a scheduled request, with its planned period of service.
  assert.deepEqual(fp(composition, `extension.where(url = '${PCT}/StructureDefinition/requestOriginationType').value.coding.code`), ['scheduled-request']);
  assert.deepEqual(fp(composition, "extension.extension.where(url = 'plannedPeriodOfService').value.start"), ['2026-12-09']);
  // 2 injections planned, the second's date field left blank (the page sends it as ""): not
  // scheduled yet, so the period has no end, and no date anywhere is blank.
  assert.deepEqual(fp(composition, "extension.extension.where(url = 'plannedPeriodOfService').value.end"), []);
  assert.doesNotMatch(text, /"(start|end|date|created|birthDate|timestamp|valueInstant)": "\s*"/);
  // A section per provider, authored by that provider, naming its GFE Bundle.
  assert.deepEqual(fp(packet, "Bundle.entry.resource.ofType(Organization).name"), ['Sample Foot & Ankle Clinic', 'Riverside Physical Therapy']);
  assert.deepEqual(fp(composition, "section.where(code.coding.code = 'gfe-section').title"), ['Sample Foot & Ankle Clinic', 'Riverside Physical Therapy']);
  check('coverage', fp(packet, 'Bundle.entry.resource.ofType(Coverage)')[0], 'coverage');
  check('patient', fp(packet, 'Bundle.entry.resource.ofType(Patient)')[0], 'patient');
  assert.deepEqual(fp(packet, 'Bundle.entry.resource.ofType(Patient).name.text'), ['Ana Ruiz']);
  for (const organization of fp(packet, 'Bundle.entry.resource.ofType(Organization)')) check('organization', organization, organization.name);
  assert.deepEqual(fp(packet, "Bundle.entry.resource.ofType(Organization).identifier.where(type.coding.code = 'TAX').value"), ['123456789', '987654321']);

  // Per provider: the GFE Bundle, its summary first, its professional claim's nets adding to the
  // provider's printed total. Clinic: 237.50 + 2,109.00 + 263.62 + 219.69 = 2,829.81 (the
  // discounts spread as tests/fhir_packet.rs works out); Riverside: 160.00 + 760.00 = 920.00.
  const printed = await page.locator('#document').textContent();
  const bundles = fp(packet, 'Bundle.entry.resource.ofType(Bundle)');
  assert.equal(bundles.length, 2);
  const expected = [
    { total: 282981n, nets: [23750n, 210900n, 26362n, 21969n], shown: '$2,829.81' },
    { total: 92000n, nets: [16000n, 76000n], shown: '$920.00' },
  ];
  let everything = 0n;
  for (const [n, bundle] of bundles.entries()) {
    check('gfeBundle', bundle, `bundle ${n}`);
    assert.ok(holds(bundle, 'Bundle.entry.resource.descendants().reference.all($this in %resource.entry.fullUrl)'), `bundle ${n}: every reference is one of its fullUrls`);
    const [summary, professional] = fp(bundle, 'Bundle.entry.resource.ofType(Claim)');
    assert.deepEqual(fp(bundle, 'Bundle.entry.first().resource.type.coding.code'), ['estimate-summary'], `bundle ${n}: the summary first`);
    check('summary', summary, `bundle ${n} summary`);
    check('professional', professional, `bundle ${n} professional`);
    const nets = fp(professional, 'item.net.value').map(cents);
    assert.deepEqual(nets, expected[n].nets);
    const sum = nets.reduce((a, b) => a + b, 0n);
    assert.equal(sum, expected[n].total, `bundle ${n}: the items add to the total`);
    assert.equal(cents(fp(professional, 'total.value')[0]), sum);
    assert.equal(cents(fp(summary, 'total.value')[0]), sum);
    assert.ok(printed.includes(expected[n].shown), `the document prints ${expected[n].shown}`);
    everything += sum;
  }
  assert.equal(everything, 374981n, 'the printed total, $3,749.81');
  // Exact decimals in the file, as written from cents.
  assert.match(text, /"value": 237\.50,/);
  assert.match(text, /"value": 2829\.81,/);
  // Exported, the estimate is in the register, once, by its number.
  await page.waitForFunction(() => document.querySelectorAll('#register-list li.register-entry').length === 1);
  assert.match(await page.locator('#register-list h3').first().textContent(), /GFE-3DQE-P2KM-1P1Y-G/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a revision exports with relatesTo naming the number it replaces', async () => {
  const { page } = await openStaffPage();
  // revision-chain-1-original.json, GFE-AAJ8-1STR-C4FQ-G issued 2026-12-01; the boot taken off
  // makes a revision issued today (as tests/revisions.rs).
  await reopen(page, 'revision-chain-1-original.json');
  await page.uncheck('#walking_boot');
  await page.waitForFunction(() => !document.getElementById('status').textContent.includes('GFE-AAJ8'));
  const packet = JSON.parse((await exported(page)).text);
  const [composition] = fp(packet, 'Bundle.entry.resource.ofType(Composition)');
  assert.deepEqual(fp(composition, "relatesTo.where(code = 'replaces').targetIdentifier.value"), ['GFE-AAJ8-1STR-C4FQ-G']);
  assert.deepEqual(fp(composition, 'relatesTo.targetIdentifier.system'), fp(composition, 'identifier.system'));
  check('packet', packet, 'revision packet');
  await page.close();
});

test('a self-pay price quote is refused in words, and nothing is exported while the form is refused', async () => {
  const { page, errors } = await openStaffPage(360);
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await reopen(page, 'format-2-medicare.json');
  await page.click('#record-export');
  assert.match(await page.locator('#status').textContent(), /self-pay price quote, not a Good Faith Estimate/);
  // The button sits in the toolbar, inside the phone's width.
  const button = await page.locator('#record-export').boundingBox();
  assert.ok(button.x >= 0 && button.x + button.width <= 360, `inside 360 px: ${JSON.stringify(button)}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scroll');
  await page.locator('#document-pane .toolbar').screenshot({ path: `${shots}record-export-toolbar-360.png` });
  // A refused form: the export is off, and a click shows the problems instead.
  await reopen(page, 'format-2-self-pay-with-co-provider.json');
  await page.fill('#patient-name', '');
  assert.equal(await page.getAttribute('#record-export', 'aria-disabled'), 'true');
  assert.equal(await page.locator('#output-reason-text').textContent(), 'Print, Save quote and the exports are off until the problems in the form are fixed.');
  await page.click('#record-export', { force: true });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
  await page.waitForTimeout(300); // a download would have started by now
  assert.equal(downloads, 0, 'nothing was exported');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the toolbar with the export at 1280 px', async () => {
  const { page } = await openStaffPage(1280);
  await reopen(page, 'format-2-self-pay-with-co-provider.json');
  const toolbar = await page.locator('#document-pane .toolbar').boundingBox();
  const button = await page.locator('#record-export').boundingBox();
  assert.ok(button.y + button.height <= toolbar.y + toolbar.height + 1 && button.x + button.width <= toolbar.x + toolbar.width + 1, 'inside the toolbar');
  await page.screenshot({ path: `${shots}record-export-1280.png` });
  await page.close();
});

test('in Spanish the button says so, fits a phone, and a Medicaid quote is refused in Spanish', async () => {
  const { page, errors } = await openStaffPage(360, 'staff.html?lang=es');
  assert.equal(await page.locator('#record-export').textContent(), 'Exportar para el sistema de historias clínicas');
  const button = await page.locator('#record-export').boundingBox();
  assert.ok(button.x >= 0 && button.x + button.width <= 360, `inside 360 px: ${JSON.stringify(button)}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'no horizontal scroll');
  // A Spanish Medicaid quote of release 729d275: a self-pay price quote, refused in its words.
  await reopen(page, 'release-729d275-spanish-medicaid.json');
  await page.click('#record-export');
  assert.match(await page.locator('#status').textContent(), /no un estimado de buena fe/);
  await page.locator('#document-pane .toolbar').screenshot({ path: `${shots}record-export-toolbar-360-es.png` });
  assert.deepEqual(errors, []);
  await page.close();
});
