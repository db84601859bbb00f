// The staff page's price book when the site gives it none (no `<meta name="amnion-price-book">`,
// as when the clinic puts its prices inside the widget's code): a file opened from this computer,
// kept in this browser (IndexedDB) until another is opened, so a reload quotes from it too. The
// page says which version it quotes from, and where that book came from.
import { openPriceBook, parsePriceBook } from './price-book.js';
import { say } from './language.js';

const $ = (id) => document.getElementById(id);

/** Runs `request(store)` on the kept book's store in `mode`; resolves to the request's result. */
function kept(mode, request) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('amnion-estimator', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('price-book');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const database = opening.result;
      const asked = request(database.transaction('price-book', mode).objectStore('price-book'));
      asked.onsuccess = () => resolve(asked.result);
      asked.onerror = () => reject(asked.error);
      asked.transaction.oncomplete = () => database.close();
    };
  });
}

/**
 * The book kept from a file opened here before, `{ name, book }` (the file's name and the book as
 * a plain object), or undefined: none kept, or a browser that keeps nothing (a private window).
 */
export async function keptBook() {
  const file = await kept('readonly', (store) => store.get('book')).catch(() => undefined);
  return file && { name: file.name, book: await parsePriceBook(file.name, file.text) };
}

/**
 * Offers "Open a price book file…" on a page whose site names no book. A file chosen is read and
 * checked as the page will use it (`open(book)` makes the page's handle, and throws with every
 * problem by path); a good one is kept in place of the one before and the page reloads with it,
 * a bad one is refused beside the button, and the page keeps the book it has.
 */
export function offerBookFile(open, words) {
  $('book-file').hidden = false;
  // A reopened file fills the form too: the page's own changes (a choice it fills in) are not events.
  for (const type of ['input', 'change']) {
    $('quote-form').addEventListener(type, () => { $('quote-form').dataset.answered = 'true'; });
  }
  $('open-book').addEventListener('change', async (event) => {
    const [file] = event.target.files;
    event.target.value = ''; // so that choosing the same file again opens it again
    if (!file) return;
    const text = await file.text();
    try {
      openPriceBook(file.name, await parsePriceBook(file.name, text), open).free();
      await kept('readwrite', (store) => store.put({ name: file.name, text }, 'book'));
    } catch (error) {
      $('book-file-error').textContent = `${error.message}\n\n${say(words, 'the_page_keeps_its_price_book', 'The page keeps the price book it had.')}`;
      $('book-file-error').hidden = false;
      return;
    }
    // The page starts again with the new book: what is typed in the quote goes, so it asks first.
    if (!typedIn($('quote-form'))) {
      location.reload();
      return;
    }
    const dialog = $('book-dialog');
    dialog.onclose = () => {
      if (dialog.returnValue === 'open') location.reload();
    };
    dialog.returnValue = '';
    dialog.showModal();
  });
}

/** Whether the person has typed, ticked or chosen anything in `form` since the page opened. */
const typedIn = (form) => form.dataset.answered === 'true';

/**
 * Says which price book the page quotes from: its `version`, and `from` (the site, a file opened
 * on this computer, named, or the sample).
 */
export function showBookVersion(words, version, from) {
  $('book-version').textContent = from.kind === 'site'
    ? say(words, 'price_book_from_the_site', 'Prices from price book {version}, on the clinic\'s site.', { version })
    : from.kind === 'file'
      ? say(words, 'price_book_from_a_file', 'Prices from price book {version}, opened from {name} on this computer and kept in this browser until another is opened.', { version, name: from.name })
      : say(words, 'price_book_sample', 'Prices from the sample price book ({version}): open the clinic\'s price book file.', { version });
}
