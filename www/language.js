// The page's own words in the reader's language. Elements carry `data-text` (and inputs
// `data-placeholder`) keys; es.json holds the Spanish. The English is in the HTML itself, so an
// English page loads nothing more. Texts the Rust module writes (lines, notes, the Good Faith
// Estimate) come back in the language the request names.
const here = new URL('.', import.meta.url);

/** `es` for any Spanish tag (`es`, `es-MX`), `en` otherwise. */
export function languageOf(tag) {
  return /^es(-|$)/i.test(tag ?? '') ? 'es' : 'en';
}

/** The page's words for `language`: `{}` for English (the HTML's own), es.json for Spanish (at fetch's `priority`). */
export async function wordsFor(language, priority) {
  if (language !== 'es') return {};
  const response = await fetch(new URL('es.json', here), { priority });
  return response.ok ? response.json() : {};
}

/** Puts `words` into every element of `root` that names a key. */
export function translate(root, words) {
  for (const element of root.querySelectorAll('[data-text]')) {
    if (words[element.dataset.text]) element.textContent = words[element.dataset.text];
  }
  for (const element of root.querySelectorAll('[data-placeholder]')) {
    if (words[element.dataset.placeholder]) element.placeholder = words[element.dataset.placeholder];
  }
}

/** A sentence the script writes: `words[key]`, or `english`, with `{name}` slots filled from `values`. */
export function say(words, key, english, values = {}) {
  return (words[key] ?? english).replace(/\{(\w+)\}/g, (slot, name) => values[name] ?? slot);
}
