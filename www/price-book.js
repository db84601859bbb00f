// Loads a clinic's own price book for the visitor widget and the staff page, and checks it with the
// same validation the estimates use, so a bad book is refused whole, with every error named. Each
// page passes the `choices` of its own module (the visitor's www/pkg or the staff page's www/pkg-staff).

/**
 * The price book at `url`, checked by `choices` (the module's export); throws an Error whose
 * message lists every problem by path.
 */
export async function loadPriceBook(url, choices) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status}`);
  let book;
  try {
    book = await response.json();
  } catch (error) {
    throw new Error(`${url} is not JSON: ${error.message}`);
  }
  try {
    choices(book); // validates the whole book; throws with every error and its JSON path
  } catch (error) {
    throw new Error(`${url} is not a valid price book:\n${error.message}`);
  }
  return book;
}
