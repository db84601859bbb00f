// <amnion-estimator>: the visitor widget as one element any page can embed.
//
//   <script type="module" src="https://clinic.example/estimator/estimator.js"></script>
//   <amnion-estimator price-book="/prices/2026.json" lang="es"></amnion-estimator>
//
// The widget's markup is widget.html's template (it ships as written, so it carries no comment):
// this module clones it into each element's shadow root and app.js fills it in; every control's
// name is its path in the estimate request. The widget lives in a shadow root, so its styles and
// the host page's never meet. `make build`
// bundles this module with the scripts it imports into www/dist/estimator.js; the files it fetches
// (the markup, style.css, a module, sample-price-book.json) are found next to it there. Each
// language has its markup, and a module with its words (DESIGN.md, "Why a visitor's module per
// language?"): widget.html, and widget-es.html written from it and es.json at build time, with the
// sentences this script writes in a JSON script element (`amnion-words`).
// With the book inside it (`<amnion-estimator><script type="application/json">{ …the book… }
// </script></amnion-estimator>`) it downloads none; with a `price-book` attribute it loads the
// clinic's own price book, and without either the sample beside it (the visitor's module embeds
// none); either download starts with the module's, not after it. An invalid or missing book, or a
// module that cannot start (a failed or damaged download, a policy that forbids WebAssembly, a
// browser without it), is reported in full to the console for the site's admin, while the visitor
// sees a short fallback message: call the clinic, with its phone whenever the book says it.
// Free for the host page: by default nothing is downloaded until the element nears the viewport
// or the host page has loaded, whichever comes first, and then at low priority, so the host's own
// image and styles keep the link; `loading="eager"` starts at once, at the browser's priority, for
// a widget at the top of a page (the README's preload lines are for that one).
import init, { Estimator } from './pkg/amnion_estimator.js';
import { mount } from './app.js';
import { bookOf, contactIn, fetchFile, openPriceBook } from './price-book.js';
import { languageOf, say } from './language.js';

const here = new URL('.', import.meta.url);
// What every widget on the page shares, asked for once, by the first to start: `moduleFailure`
// resolves when the module is ready, to nothing or to why it could not start (its download asked
// for as its preload line asks, fetchFile, so it happens once), and `markups` holds each
// language's markup, asked for by the first widget in that language.
let shared;
// A widget's language: its own `lang`, else the browser's.
const languageIn = (widget) => languageOf(widget.getAttribute('lang') || navigator.language);
// The module with the words of the page's widgets' languages: English, Spanish, or both for a page
// with widgets in both (one glue holds one module). Each is some 3 KB smaller than both.
const moduleFile = () => {
  const languages = new Set([...document.querySelectorAll('amnion-estimator')].map(languageIn));
  return languages.size > 1 ? 'amnion_estimator_en_es_bg.wasm' : languages.has('es') ? 'amnion_estimator_es_bg.wasm' : 'amnion_estimator_bg.wasm';
};
const start = (priority) => shared ??= {
  moduleFailure: init({ module_or_path: fetchFile(new URL(moduleFile(), here), priority) }).then(
    () => undefined,
    (error) => new Error(`the estimate's module could not start: ${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`),
  ),
  markups: {},
};
// The markup in `language`, asked for once a page: its template, and the words the script writes.
const markupIn = (language, priority) => shared.markups[language] ??= fetch(new URL(language === 'es' ? 'widget-es.html' : 'widget.html', here), { priority })
  .then((response) => response.text())
  .then((html) => {
    const markup = new DOMParser().parseFromString(html, 'text/html');
    return { template: markup.getElementById('amnion-estimator'), words: JSON.parse(markup.getElementById('amnion-words')?.textContent ?? '{}') };
  });
// Resolves when `element` is within a screen's height of the viewport, or once the page has loaded.
const nearOrLoaded = (element) => new Promise((resolve) => {
  if (document.readyState === 'complete') return resolve();
  const go = () => {
    observer.disconnect();
    removeEventListener('load', go);
    resolve();
  };
  const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && go(), { rootMargin: '100% 0px' });
  observer.observe(element);
  addEventListener('load', go);
});

class AmnionEstimator extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    // A script loaded `async` can define the element before what is inside it is parsed: wait for it.
    if (document.readyState === 'loading') await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    // Eager: now, at the browser's priority; else near the viewport or after the page's load, low.
    const priority = this.getAttribute('loading') === 'eager' ? undefined : 'low';
    if (priority) await nearOrLoaded(this);
    const language = languageIn(this);
    const { moduleFailure } = start(priority);
    const markup = markupIn(language, priority);
    // The book inside the element, or its download started now, beside the module's, markup's and stylesheet's.
    const [url, book] = bookOf(this, here, priority);
    book.catch(() => {}); // its failure is shown below, once the widget's markup is in place
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    if (priority) style.fetchPriority = priority;
    style.href = new URL('style.css', here).href;
    const styled = new Promise((resolve) => { style.onload = style.onerror = resolve; });
    root.append(style);
    const [{ template, words }, failure] = await Promise.all([markup, moduleFailure, styled]);
    root.append(document.importNode(template.content, true));
    for (const part of root.querySelectorAll('.estimator')) part.lang = language;

    let estimator;
    try {
      if (failure) throw failure;
      estimator = openPriceBook(url, await book, (book) => new Estimator(book, language));
    } catch (error) {
      console.error(`<amnion-estimator>: ${error.message}`);
      // Without the module, the book is read for whom to call only.
      const clinic = failure ? contactIn(await book.catch(() => undefined)) : error.clinic;
      for (const part of root.querySelectorAll('.estimator')) part.hidden = part.id !== 'fallback';
      if (clinic) {
        root.getElementById('fallback-text').textContent = say(words, 'not_available_call', 'The online estimate is not available right now. Please call {name} at {phone} for a price.', clinic);
      }
      return;
    }
    mount(root, estimator, words);
  }
}

customElements.define('amnion-estimator', AmnionEstimator);
