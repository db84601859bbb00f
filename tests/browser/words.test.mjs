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

test("the widget's Spanish words (www/dist/es.json) are every key its markup and scripts use, and none of the staff pages'", () => {
  // The widget's scripts: estimator.js and what it imports, as esbuild bundles them.
  const scripts = new Set();
  const walk = (file) => {
    if (scripts.has(file)) return;
    scripts.add(file);
    for (const [, imported] of read(file).matchAll(/from '\.\/([a-z-]+\.js)'/g)) walk(imported);
  };
  walk('estimator.js');
  const used = new Set();
  for (const [, key] of read('widget.html').matchAll(/data-(?:text|placeholder)="([a-z0-9_]+)"/g)) used.add(key);
  for (const file of scripts) for (const [, key] of read(file).matchAll(/say\(words, '([a-z0-9_]+)'/g)) used.add(key);
  const widget = JSON.parse(read('dist/es.json'));
  assert.ok(used.size > 40, `found the keys (${used.size})`);
  assert.deepEqual([...used].filter((key) => widget[key] !== spanish[key]).sort(), [], 'keys the widget uses, missing or changed');
  // Only the staff page and the editor use these: a widget's file that held them would be the whole es.json again.
  for (const key of ['export_csv', 'bill_amount', 'date_of_birth']) assert.equal(widget[key], undefined, key);
});
