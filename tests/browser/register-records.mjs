// Register records for the browser tests and the register's benchmark: real saved quotes, each
// priced natively by `cargo run --example save_quote` for its own patient (a record's number comes
// from its content, so a copied record with another number would be refused), and the page's
// IndexedDB filled with them as the page keeps them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The day the records are issued and the pages' clocks are set to: the request's, 2026-12-02. */
export const TODAY = new Date(2026, 11, 2, 10, 0);
const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'register-records-'));

/** `count` records, each a quote priced natively for its own patient, recorded on its issue day. */
export function records(count) {
  execFileSync('cargo', ['build', '--quiet', '--example', 'save_quote'], { cwd: root, stdio: 'inherit' });
  const { request } = JSON.parse(readFileSync(join(root, 'tests/fixtures/saved-quotes/format-2-injection-dates.json'), 'utf8'));
  request.prompt_pay = 'included';
  const made = [];
  for (let index = 0; index < count; index += 1) {
    request.patient.name = `Patient ${String(index).padStart(5, '0')}`;
    const [requestPath, out] = [join(work, `request-${count}-${index}.json`), join(work, `saved-${count}-${index}.json`)];
    writeFileSync(requestPath, JSON.stringify(request));
    execFileSync(join(root, 'target/debug/examples/save_quote'), [requestPath, out]);
    const saved = JSON.parse(readFileSync(out, 'utf8'));
    made.push({ quote_number: saved.quote_number, recorded_on: request.issued_on, saved, given: [] });
  }
  return made;
}

/** Puts `all` in the page's register database, as the page keeps them, in one transaction. */
export function seed(page, all) {
  return page.evaluate((all) => new Promise((resolve, reject) => {
    const opening = indexedDB.open('amnion-estimator-register', 1);
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const tx = opening.result.transaction(['records'], 'readwrite');
      for (const record of all) tx.objectStore('records').put(record);
      tx.oncomplete = () => { opening.result.close(); resolve(); };
      tx.onabort = () => reject(tx.error);
    };
  }), all);
}

