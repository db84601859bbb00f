// The widget's markup as it ships, in English and in Spanish, written at build time into the
// widget's folder: a Spanish visitor downloads one markup file in place of the English one and
// every page's Spanish words (www/es.json) beside it.
// - widget-es.html: every element www/widget.html marks (`data-text="key"`: its text;
//   `data-placeholder="key"`: its placeholder) gets es.json's words for that key, as `translate`
//   in www/language.js would put them in; the sentences the widget's script writes (`say(words,
//   'key', …)`, found in the bundled script as strings, which minifying leaves as they are) go in
//   a JSON script element, `amnion-words`.
// - widget.html: the English as it is.
// Both without the marks, which only `translate` reads (the staff page's and the editor's copy of
// widget.html keep them), and without each line's indentation (about 100 B a visitor downloads,
// brotli): the markup has no <pre>, <textarea> or attribute over two lines, where it would show.
// Usage: node .ci/widget-markup.mjs www/widget.html www/es.json www/dist/estimator.js www/dist
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [markupFile, wordsFile, scriptFile, folder] = process.argv.slice(2);
const markup = readFileSync(markupFile, 'utf8');
const words = JSON.parse(readFileSync(wordsFile, 'utf8'));
const script = readFileSync(scriptFile, 'utf8');
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const shipped = (html) => html.replace(/ data-(?:text|placeholder)="[a-z0-9_]+"/g, '').replace(/\n[ \t]+/g, '\n');
if (/<pre|<textarea|="[^"]*\n/.test(markup)) {
  console.error('widget-markup: the markup has a <pre>, a <textarea> or an attribute over two lines, whose indentation would show');
  process.exit(1);
}

const marked = [...markup.matchAll(/data-(?:text|placeholder)="([a-z0-9_]+)"/g)].map(([, key]) => key);
const missing = marked.filter((key) => !words[key]);
let spanish = markup
  .replace('<html lang="en">', '<html lang="es">')
  // An element's text, up to its own end tag (the markup nests nothing inside a marked element).
  .replace(/(<([a-z0-9]+)\b[^>]*\bdata-text="([a-z0-9_]+)"[^>]*>)([^<]*)(<\/\2>)/g,
    (whole, start, tag, key, text, end) => (words[key] ? `${start}${escape(words[key])}${end}` : whole))
  .replace(/<input\b[^>]*\bdata-placeholder="([a-z0-9_]+)"[^>]*>/g,
    (input, key) => (words[key] ? input.replace(/\bplaceholder="[^"]*"/, `placeholder="${escape(words[key])}"`) : input));
const unreplaced = marked.filter((key) => words[key] && !spanish.includes(escape(words[key])));
if (missing.length || unreplaced.length) {
  console.error(`widget-markup: no Spanish for ${[...missing, ...unreplaced].join(', ')} (www/es.json, or markup this script cannot read)`);
  process.exit(1);
}
const sentences = Object.fromEntries(Object.entries(words)
  .filter(([key]) => !marked.includes(key) && [`"${key}"`, `'${key}'`, `\`${key}\``].some((literal) => script.includes(literal))));
// `<` written as \u003c, so no sentence can end the script element.
const json = JSON.stringify(sentences).replace(/</g, '\\u003c');
spanish = spanish.replace('</template>', `</template>\n<script type="application/json" id="amnion-words">${json}</script>`);
writeFileSync(join(folder, 'widget.html'), shipped(markup));
writeFileSync(join(folder, 'widget-es.html'), shipped(spanish));
