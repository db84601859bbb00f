// Loads a clinic's own price book for the visitor widget and the staff page, and checks it by
// building the page's handle from it (the visitor's `Estimator` or the staff page's `Quoter`),
// which runs the same validation the estimates use: a bad book is refused whole, with every error
// named by its path.

/**
 * The handle `open(book)` makes from the price book at `url`; throws an Error whose message lists
 * every problem by path.
 */
export async function loadPriceBook(url, open) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  let book;
  try {
    book = await response.json();
  } catch (error) {
    throw new Error(`${url} is not JSON: ${error.message}`);
  }
  try {
    return open(book); // reads and validates the whole book once; throws with every error and its JSON path
  } catch (error) {
    // `clinic` ({ name, phone }) is set when the book's clinic section still says whom to call.
    throw Object.assign(new Error(`${url} is not a valid price book:\n${error.message}`), { clinic: error.clinic });
  }
}
