// The register of estimates given, kept in this browser's IndexedDB (issue 21; DESIGN.md, "The
// register of estimates given"). This file only stores and reads records: what a record is, what
// it shows, search, sorting, what is due, the backup and its import are the Rust module's rules.
// Its own database, apart from the kept price book's (staff-book.js), so neither one's version
// change can block the other. Nothing here is ever deleted; nothing is logged.
//
// Every write is one transaction, so a reload or a closed tab in the middle of one leaves the
// register as it was before it, never half-written; IndexedDB runs the transactions of two tabs
// on the same records one after the other, so two tabs saving at once both land. A failure
// rejects with the browser's error (a full disk is a `QuotaExceededError`) for the page to say.

const DATABASE = 'amnion-estimator-register';
const RECORDS = 'records'; // one per quote number, keyed by `quote_number`
const SETTINGS = 'settings'; // `last_backup`: the day of the last backup made here

let opened = null;

/** The register's database, opened once per page (and again after another tab upgrades it). */
function database() {
  opened ??= new Promise((resolve, reject) => {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore(RECORDS, { keyPath: 'quote_number' });
      opening.result.createObjectStore(SETTINGS);
    };
    opening.onblocked = () => reject(new Error('another tab of this page holds an older register open: close it and reload'));
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      db.onversionchange = () => { db.close(); opened = null; };
      db.onclose = () => { opened = null; };
      resolve(db);
    };
  });
  return opened.catch((error) => { opened = null; throw error; });
}

/**
 * Runs `work(stores)` in one transaction over `names` in `mode`; resolves to what `work` left in
 * `result.value` once the transaction has committed, rejects with its error if it aborts.
 */
async function transaction(names, mode, work) {
  const db = await database();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(names, mode, { durability: 'strict' });
    const result = {};
    tx.oncomplete = () => resolve(result.value);
    tx.onabort = () => reject(result.error ?? tx.error ?? new DOMException('the register was not written', 'AbortError'));
    tx.onerror = () => {}; // onabort says why
    try {
      work(Object.fromEntries(names.map((name) => [name, tx.objectStore(name)])), result);
    } catch (error) {
      tx.abort();
      reject(error);
    }
  });
}

/**
 * A request's success handler running `handle(event.target.result)`: what it throws aborts the
 * transaction, which then rejects with that error (not the browser's bare "AbortError").
 */
function step(result, handle) {
  return (event) => {
    try {
      handle(event.target.result);
    } catch (error) {
      result.error = error;
      event.target.transaction.abort();
    }
  };
}

/** Every record, in key order. */
export function allRecords() {
  return transaction([RECORDS], 'readonly', (stores, result) => {
    stores[RECORDS].getAll().onsuccess = step(result, (records) => { result.value = records; });
  });
}

/** The records of `numbers` that the register holds, in one transaction. */
export function recordsOf(numbers) {
  return transaction([RECORDS], 'readonly', (stores, result) => {
    result.value = [];
    for (const number of numbers) {
      stores[RECORDS].get(number).onsuccess = step(result, (record) => { if (record) result.value.push(record); });
    }
  });
}

/** Adds `record` unless the register has its number already; resolves to whether it was added. */
export function addOnce(record) {
  return transaction([RECORDS], 'readwrite', (stores, result) => {
    const store = stores[RECORDS];
    store.getKey(record.quote_number).onsuccess = step(result, (key) => {
      result.value = key === undefined;
      if (result.value) store.add(record);
    });
  });
}

/**
 * Changes the record of `number` in one transaction: `change(record)` (synchronous: the Rust
 * module's call) gives the record to write. Rejects if the register has no such record.
 */
export function changeRecord(number, change) {
  return transaction([RECORDS], 'readwrite', (stores, result) => {
    const store = stores[RECORDS];
    store.get(number).onsuccess = step(result, (record) => {
      if (!record) throw new Error(`the register has no ${number}`);
      result.value = change(record);
      store.put(result.value);
    });
  });
}

/**
 * Imports a backup in one transaction: `merge(existing)` (synchronous: the Rust module's check
 * and merge of the whole file against every record held now) gives `{ write, says }`; every
 * record of `write` is put, or, if anything fails, none is. Resolves to what `merge` gave.
 */
export function importRecords(merge) {
  return transaction([RECORDS], 'readwrite', (stores, result) => {
    const store = stores[RECORDS];
    store.getAll().onsuccess = step(result, (records) => {
      result.value = merge(records);
      for (const record of result.value.write) store.put(record);
    });
  });
}

/** A setting kept beside the register (no patient data). */
export function setting(key) {
  return transaction([SETTINGS], 'readonly', (stores, result) => {
    stores[SETTINGS].get(key).onsuccess = step(result, (value) => { result.value = value; });
  });
}

export function setSetting(key, value) {
  return transaction([SETTINGS], 'readwrite', (stores) => { stores[SETTINGS].put(value, key); });
}

/**
 * Asks the browser to keep the register's storage (not clear it when space runs low); resolves
 * to whether it will: `true`, `false`, or `undefined` where the browser cannot say.
 */
export async function askToPersist() {
  if (!navigator.storage?.persist) return undefined;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

/**
 * Tells this page's other tabs that the register changed: the numbers of the records written (no
 * patient data: they read those records from the register), none when only a setting changed.
 */
const channel = 'BroadcastChannel' in globalThis ? new BroadcastChannel('amnion-estimator-register') : null;
export function announceChange(numbers = []) {
  channel?.postMessage({ numbers });
}
/** Calls `listener(numbers)` when another tab changed the register (`null`: read it all again). */
export function onChange(listener) {
  channel?.addEventListener('message', ({ data }) => listener(Array.isArray(data?.numbers) ? data.numbers : null));
}
