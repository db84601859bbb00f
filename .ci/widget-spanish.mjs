// The widget's markup in Spanish, written at build time, so that a Spanish visitor downloads one
// markup file in place of the English one and every page's Spanish words (www/es.json) beside it.
// Every element the markup marks (`data-text="key"`: its text; `data-placeholder="key"`: its
// placeholder) gets es.json's words for that key, as `translate` in www/language.js would put them
// in; the sentences the widget's script writes (`say(words, 'key', …)`, found in the bundled script
// as strings, which minifying leaves as they are) go in a JSON script element, `amnion-words`.
// Usage: node .ci/widget-spanish.mjs www/widget.html www/es.json www/dist/estimator.js > www/dist/widget-es.html
import { readFileSync } from 'node:fs';

const [markupFile, wordsFile, scriptFile] = process.argv.slice(2);
const markup = readFileSync(markupFile, 'utf8');
const words = JSON.parse(readFileSync(wordsFile, 'utf8'));
const script = readFileSync(scriptFile, 'utf8');
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const missing = [];
const word = (key) => words[key] ?? (missing.push(key), undefined);

let spanish = markup
  .replace('<html lang="en">', '<html lang="es">')
  // An element's text, up to its own end tag (the markup nests nothing inside a marked element).
  .replace(/(<([a-z0-9]+)\b[^>]*\bdata-text="([a-z0-9_]+)"[^>]*>)([^<]*)(<\/\2>)/g,
    (whole, start, tag, key, text, end) => (word(key) === undefined ? whole : `${start}${escape(words[key])}${end}`))
  .replace(/<input\b[^>]*\bdata-placeholder="([a-z0-9_]+)"[^>]*>/g,
    (input, key) => (word(key) === undefined ? input : input.replace(/\bplaceholder="[^"]*"/, `placeholder="${escape(words[key])}"`)));
const marked = [...markup.matchAll(/data-(?:text|placeholder)="([a-z0-9_]+)"/g)].map(([, key]) => key);
const unreplaced = marked.filter((key) => !spanish.includes(escape(words[key] ?? '\u0000')));
if (missing.length || unreplaced.length) {
  console.error(`widget-spanish: no Spanish for ${[...missing, ...unreplaced].join(', ')} (www/es.json, or markup this script cannot read)`);
  process.exit(1);
}
const sentences = Object.fromEntries(Object.entries(words)
  .filter(([key]) => !marked.includes(key) && [`"${key}"`, `'${key}'`, `\`${key}\``].some((literal) => script.includes(literal))));
// `<` written as \u003c, so no sentence can end the script element.
const json = JSON.stringify(sentences).replace(/</g, '\\u003c');
spanish = spanish.replace('</template>', `</template>\n<script type="application/json" id="amnion-words">${json}</script>`);
process.stdout.write(spanish);
