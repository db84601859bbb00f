// The widget's Spanish words: of www/es.json (every page's), only the keys the widget uses, so that
// a Spanish visitor downloads none of the staff page's or the editor's. A key is the widget's when
// its markup names it (`data-text="key"`, `data-placeholder="key"`) or its bundled script holds it as
// a string (`say(words, 'key', …)`, which minifying leaves as it is).
// Usage: node .ci/widget-words.mjs www/es.json www/widget.html www/dist/estimator.js > www/dist/es.json
import { readFileSync } from 'node:fs';

const [wordsFile, markupFile, scriptFile] = process.argv.slice(2);
const words = JSON.parse(readFileSync(wordsFile, 'utf8'));
const markup = readFileSync(markupFile, 'utf8');
const script = readFileSync(scriptFile, 'utf8');
const used = (key) => markup.includes(`data-text="${key}"`) || markup.includes(`data-placeholder="${key}"`)
  || [`"${key}"`, `'${key}'`, `\`${key}\``].some((literal) => script.includes(literal));
process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(words).filter(([key]) => used(key)))));
