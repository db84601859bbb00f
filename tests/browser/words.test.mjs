// Every text the pages' markup names (`data-text`, `data-placeholder`) has its Spanish in
// www/es.json, and es.json holds nothing the pages no longer use but for the sentences the scripts
// write with `say(words, key, ...)`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const www = new URL('../../www/', import.meta.url);
const read = (file) => readFileSync(new URL(file, www), 'utf8');
const spanish = JSON.parse(read('es.json'));

test('every key the markup and the scripts use has its Spanish, and es.json has no stale keys', () => {
  const files = readdirSync(www).filter((file) => /\.(html|js)$/.test(file));
  const used = new Set();
  for (const file of files) {
    const text = read(file);
    for (const [, key] of text.matchAll(/data-(?:text|placeholder)="([a-z0-9_]+)"/g)) used.add(key);
    for (const [, key] of text.matchAll(/say\(words, '([a-z0-9_]+)'/g)) used.add(key);
  }
  assert.ok(used.size > 50, `found the keys (${used.size})`);
  assert.deepEqual([...used].filter((key) => !spanish[key]).sort(), [], 'keys without Spanish');
  assert.deepEqual(Object.keys(spanish).filter((key) => !used.has(key)).sort(), [], 'Spanish no page uses');
});

test("the widget's markup as it ships: the English as written, the Spanish with es.json's words at every mark and the script's sentences", () => {
  // The widget's scripts: estimator.js and what it imports, as esbuild bundles them.
  const scripts = new Set();
  const walk = (file) => {
    if (scripts.has(file)) return;
    scripts.add(file);
    for (const [, imported] of read(file).matchAll(/from '\.\/([a-z-]+\.js)'/g)) walk(imported);
  };
  walk('estimator.js');
  const source = read('widget.html');
  const [english, markup] = [read('dist/widget.html'), read('dist/widget-es.html')];
  // The marks only translate() reads are gone, and each line's indentation; nothing else of the
  // English changes.
  const unmarked = source.replace(/ data-(?:text|placeholder)="[a-z0-9_]+"/g, '');
  assert.ok(unmarked.length < source.length - 1000, 'the marks were there');
  assert.ok(/\n {4}</.test(unmarked), 'the source is indented');
  assert.equal(english, unmarked.replace(/\n[ \t]+/g, '\n'));
  // The Spanish is the same markup, element for element: only texts, placeholders, the language
  // and the sentences' script element differ.
  const sentencesElement = /\n<script type="application\/json" id="amnion-words">(.*)<\/script>/;
  const shape = (html) => html.replace(sentencesElement, '').replace(/>[^<]*</g, '><').replace(/placeholder="[^"]*"/g, 'placeholder').replace('<html lang="es">', '<html lang="en">');
  assert.equal(shape(markup), shape(english));
  assert.match(markup, /^<!doctype html>\n<html lang="es">/);
  // Every marked element's text and placeholder is es.json's, as translate() would put it.
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const texts = [...source.matchAll(/data-text="([a-z0-9_]+)"/g)].map(([, key]) => key);
  assert.ok(texts.length > 40, `found the texts (${texts.length})`);
  assert.deepEqual(texts.filter((key) => !markup.includes(`>${escape(spanish[key])}</`)), [], 'texts not es.json\'s');
  const placeholders = [...source.matchAll(/data-placeholder="([a-z0-9_]+)"/g)].map(([, key]) => key);
  assert.ok(placeholders.length >= 3, 'the placeholders');
  assert.deepEqual(placeholders.filter((key) => !markup.includes(`placeholder="${escape(spanish[key])}"`)), [], 'placeholders not es.json\'s');
  // The sentences the widget's scripts write, in the JSON script element estimator.js reads.
  const sentences = JSON.parse(markup.match(sentencesElement)[1]);
  const said = new Set();
  for (const file of scripts) for (const [, key] of read(file).matchAll(/say\(words, '([a-z0-9_]+)'/g)) said.add(key);
  assert.ok(said.size >= 5, `found the sentences (${said.size})`);
  assert.deepEqual([...said].filter((key) => sentences[key] !== spanish[key]).sort(), [], 'sentences missing or changed');
  // Only the staff page and the editor use these.
  for (const key of ['export_csv', 'bill_amount', 'date_of_birth']) assert.equal(markup.includes(spanish[key]), false, key);
});
