// Loads a clinic's own price book for the visitor widget and the staff page, and checks it by
// building the page's handle from it (the visitor's `Estimator` or the staff page's `Quoter`),
// which runs the same validation the estimates use: a bad book is refused whole, with every error
// named by its path. The widget takes the book inside its element, or starts the download with the
// module's (`bookOf`), and opens the book once the module is ready (`openPriceBook`).

/**
 * The response for `url`, asked for as the README's preload lines ask (`<link rel="preload"
 * as="fetch">`, no `crossorigin`), so that every engine takes the preloaded response instead of
 * downloading the file again: WebKit reuses a preload only in no-cors mode, Chromium only when mode
 * and credentials both match. A same-origin file reads the same in no-cors mode; one on another
 * origin is asked for in cors mode, or it could not be read. `priority` is fetch's (`low` for a
 * widget that waits its turn; none for an eager one, as its preload line asks). Throws an Error
 * saying why the file could not be had.
 */
export async function fetchFile(url, priority) {
  const preloaded = new URL(url, document.baseURI).origin === location.origin;
  let response;
  try {
    response = await fetch(url, preloaded ? { mode: 'no-cors', credentials: 'include', priority } : { priority });
  } catch (error) {
    throw new Error(`could not load ${url}: ${error.message}`);
  }
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  return response;
}

/** The price book at `url` as a plain object; throws an Error saying why it could not be had. */
async function fetchPriceBook(url, priority) {
  const response = await fetchFile(url, priority);
  return parsed(url, () => response.json());
}

/** The book in `text` (from `source`) as a plain object; throws an Error naming `source` if it is not JSON. */
export const parsePriceBook = (source, text) => parsed(source, () => JSON.parse(text));

/** What `read` parses from the book `source`; throws an Error naming `source` if it is not JSON. */
async function parsed(source, read) {
  try {
    return await read();
  } catch (error) {
    throw new Error(`${source} is not JSON: ${error.message}`);
  }
}

/**
 * The widget `element`'s price book, `[source, book]`: where it comes from (for messages) and the
 * promise of it as a plain object. The book inside the element (`<script
 * type="application/json">`, as the editor's "Copy the code for your website" writes it), read
 * with no download, even when a `price-book` attribute names a file too; else the file its
 * `price-book` attribute names, else the sample beside the widget (`here`), each download started
 * now, at fetch's `priority`. Either way the module reads and checks it as any book.
 */
export function bookOf(element, here, priority) {
  const inside = element.querySelector('script[type="application/json"]');
  if (inside) {
    const source = 'the price book inside <amnion-estimator>';
    // Both ways at once: the book inside wins (it is what was last pasted into this page), and the
    // file is not fetched; said to the site's web person, who can remove the attribute.
    if (element.hasAttribute('price-book')) {
      console.warn(`amnion-estimator: this element holds its price book inside it, so the file its price-book attribute names (${element.getAttribute('price-book')}) is not read; remove the attribute, or the book inside, so the page says one.`);
    }
    return [source, parsePriceBook(source, inside.text)];
  }
  const named = element.getAttribute('price-book');
  const url = named ? new URL(named, document.baseURI) : new URL('sample-price-book.json', here);
  return [url, fetchPriceBook(url, priority)];
}

/**
 * The handle `open(book)` makes from `book`, the price book from `url`; throws an Error whose
 * message lists every problem by path.
 */
export function openPriceBook(url, book, open) {
  try {
    return open(book); // reads and validates the whole book once; throws with every error and its JSON path
  } catch (error) {
    // `clinic` ({ name, phone }) is set when the book's clinic section still says whom to call.
    throw Object.assign(new Error(`${url} is not a valid price book:\n${error.message}`), { clinic: error.clinic });
  }
}

/** Both in turn: the handle made from the price book at `url`. */
export async function loadPriceBook(url, open) {
  return openPriceBook(url, await fetchPriceBook(url), open);
}

/**
 * Whom a visitor can call, `{ name, phone }`, from a price book the module never read because it
 * could not start: by the module's own rule for a refused book (`contact_in_refused`), the clinic's
 * name and phone when both are short, printable text; otherwise undefined.
 */
export function contactIn(book) {
  const text = (value) => typeof value === 'string' && value.trim() !== '' && [...value].length <= 200 && !/\p{Cc}/u.test(value);
  const { name, phone } = book?.clinic ?? {};
  return text(name) && text(phone) ? { name, phone } : undefined;
}
