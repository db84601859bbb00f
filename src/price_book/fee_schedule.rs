//! The fee schedule as CSV: the book's prices out to a spreadsheet, and back in as a preview of
//! changes that the person confirms.
//!
//! It works on the book as a [`Value`] tree, not on a validated [`PriceBook`](super::PriceBook):
//! the price-book editor's book may be invalid while it is being edited, and its readable prices
//! still export, and still take changes.
//!
//! - [`export_csv`] writes one row per priced item, under the header
//!   `item,code,description,cash price,allowed amount`. Prices are in dollars with two decimals
//!   and no thousands separator (`1200.00`), which a spreadsheet (in US English) reopens as a
//!   number.
//! - [`import_csv`] reads such a file back and says what would change ([`PriceChange`]) and which
//!   rows it refused and why ([`RejectedRow`]). It changes nothing.
//! - [`apply`] writes the changes into the book when the person confirms them.
//!
//! Rows are matched **by code**; where several items share a code (both sample vials are Q4139,
//! every practice's session is 97110), by code and the `item` column together. The `item` column
//! holds a key that tells apart every item: see [`export_csv`]. The rules and the reasons are in
//! docs/price-book.md, "The fee schedule as CSV"; why it is built so, in DESIGN.md.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::schema::{self, Field, Kind, Role};
use super::MAX_PRICE;
use crate::error::excerpt;
use crate::money::{Cents, NotMoney};
use crate::read::Value;

/// The header row: the columns in the order [`export_csv`] writes them.
pub const HEADER: [&str; 5] = [
    "item",
    "code",
    "description",
    "cash price",
    "allowed amount",
];

/// The most rows [`import_csv`] reads after the header, far more than a price book has prices (a
/// book at every list limit has about 350). The rest of a longer file is refused unread.
pub const MAX_ROWS: usize = 2_000;

/// Which of an item's prices a change is to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceKind {
    /// The `cash price` column: `price_cents`, or a therapy service's `cash_price_cents`.
    Cash,
    /// The `allowed amount` column: a therapy service's `allowed_cents`.
    Allowed,
}

/// One price that an imported CSV changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceChange {
    /// The CSV line it came from, 1-based, counting the header.
    pub line: u64,
    /// The item's key, as in the `item` column (`amnion_1ml`, `lakeshore_pt.session`).
    pub item: String,
    /// The item's code in the book.
    pub code: String,
    /// The item's description, as exported (its English label).
    pub description: String,
    /// Which price: `"cash"` or `"allowed"`.
    pub price: PriceKind,
    /// The book's price now.
    pub old: Cents,
    /// The CSV's price.
    pub new: Cents,
    /// `old` as a person reads it: `$1,200.00`.
    pub old_dollars: String,
    /// `new` as a person reads it.
    pub new_dollars: String,
    /// The JSON path of the field it changes: `products[0].price_cents`,
    /// `therapy_partners[1].physical_therapy.session.allowed_cents`.
    pub path: String,
    /// The likely mistake the new price would be warned about once applied, in the book's words
    /// (`is $1,000,000.00, high for a walking boot (over $2,000.00): check for extra zeros`), so
    /// the preview says it before "Apply"; `None` when the price is usual there.
    pub warning: Option<String>,
}

/// A CSV row that changes nothing because it was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RejectedRow {
    /// The row's line in the CSV, 1-based, counting the header. A refused header, or a CSV that
    /// could not be read at all, is reported at its line (1 for an empty file).
    pub line: u64,
    /// The row's `item` cell, trimmed (empty when it has none).
    pub item: String,
    /// The row's `code` cell, trimmed (empty when it has none).
    pub code: String,
    /// Why, in plain words: `unknown code: no item in the price book has the code "12345"`.
    pub reason: String,
}

/// What importing a CSV would do: every change, and every row refused with its reason. Nothing in
/// the book has changed yet: [`apply`] does that once the person confirms.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FeeScheduleImport {
    /// The prices that differ from the book's, in the CSV's order (a row's cash price first).
    pub changes: Vec<PriceChange>,
    /// The rows refused, in the CSV's order.
    pub rejected: Vec<RejectedRow>,
}

/// One priced item of the book.
struct Item {
    /// The `item` column's key, unique in the book.
    key: String,
    /// The JSON path of the item's object: `products[0]`.
    path: String,
    /// The code; empty when the book has none that reads as text.
    code: String,
    description: String,
    /// The cash price (or the only price).
    cash: Price,
    /// The allowed amount, for a therapy service.
    allowed: Option<Price>,
}

/// Where an item's price is, and what it is when it reads as whole cents.
struct Price {
    path: String,
    cents: Option<Cents>,
}

impl Price {
    fn at(object: &Value, object_path: &str, key: &str) -> Price {
        let cents = match field(object, key) {
            Some(Value::Integer(cents)) => Some(Cents::new(*cents)),
            _ => None,
        };
        Price {
            path: format!("{object_path}.{key}"),
            cents,
        }
    }
}

/// The book's prices as CSV: a header row ([`HEADER`]), then one row per priced item, lines ending
/// in CRLF, cells quoted where they hold a comma, quote or line break.
///
/// The rows, in order, and each one's `item` key:
///
/// | items | `item` | `code` |
/// | --- | --- | --- |
/// | each product | its `id` (`amnion_1ml`) | `hcpcs` |
/// | each administration fee | `administration.` and its code (`administration.20550`) | `code` |
/// | ultrasound guidance | `ultrasound_guidance` | `code` |
/// | the consultation | `consultation` | `code` |
/// | the walking boot | `walking_boot` | `code` |
/// | each extra | its `id` (`follow_up`) | `code` |
/// | the clinic's therapy | `physical_therapy.evaluation`, `physical_therapy.session` | `code` |
/// | each partner's therapy | its `id` and the service (`lakeshore_pt.session`) | `code` |
/// | each package price | the product, `.package_` and the count (`amnion_1ml.package_2`) | the product's `hcpcs` |
///
/// An item whose id (or fee code, or package product and count) does not read as text, or whose
/// key would be another item's too, takes its JSON path as its key instead (`extras[1]`,
/// `therapy_partners[0].physical_therapy.session`), which no other item has.
///
/// `description` is the English label (a partner's service adds the partner's name in
/// parentheses, a package its count). `cash price` is `price_cents` (a therapy service's
/// `cash_price_cents`), `allowed amount` a therapy service's `allowed_cents` and empty for every
/// other item. Prices are dollars with two decimals and no thousands separator, `1200.00`, which a
/// spreadsheet reopens as a number. A price that does not read as whole cents leaves its cell
/// empty, and an item with no readable price is left out. Text that starts with `=`, `+`, `-` or
/// `@` is written after a `'`, so a spreadsheet never runs it as a formula ([`import_csv`] takes
/// the `'` off again).
///
/// ```
/// use amnion_estimator::price_book::fee_schedule::export_csv;
/// use amnion_estimator::read::Value;
/// let book = Value::from_json(r#"{ "walking_boot": { "code": "L4361",
///     "label": { "en": "Walking boot, pneumatic", "es": "Bota" }, "price_cents": 16500 } }"#).unwrap();
/// assert_eq!(
///     export_csv(&book),
///     "item,code,description,cash price,allowed amount\r\n\
///      walking_boot,L4361,\"Walking boot, pneumatic\",165.00,\r\n"
/// );
/// ```
pub fn export_csv(book: &Value) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let rows =
        std::iter::once(HEADER.map(str::to_owned)).chain(rows(book).into_iter().map(|row| {
            let cell = |cents: Option<Cents>| cents.map(dollars).unwrap_or_default();
            [
                defused(&row.item),
                defused(&row.code),
                defused(&row.description),
                cell(row.cash),
                cell(row.allowed),
            ]
        }));
    for row in rows {
        // Writing to memory cannot fail; `into_inner` below would report it if it did.
        let _ = writer.write_record(&row);
    }
    // Every cell is a `&str`, so the bytes are UTF-8; neither fallback is ever taken.
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// One row of the fee schedule: a priced item of the book, as [`export_csv`] writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PricedRow {
    /// The `item` column: the key that tells it apart (`amnion_1ml`, `lakeshore_pt.session`).
    pub item: String,
    /// Its billing code; empty when the book has none that reads as text.
    pub code: String,
    /// Its English description (a partner's service with the partner's name in parentheses).
    pub description: String,
    /// Its cash price, when that reads as whole cents.
    pub cash: Option<Cents>,
    /// The amount a plan is expected to allow, for an item that has one.
    pub allowed: Option<Cents>,
}

/// The rows of the book's fee schedule, in [`export_csv`]'s order: each priced item with a price
/// that reads as whole cents. `check-price-book` prints them as its table of prices.
pub fn rows(book: &Value) -> Vec<PricedRow> {
    items(book)
        .into_iter()
        .filter(|item| item.cash.cents.is_some() || item.allowed_cents().is_some())
        .map(|item| PricedRow {
            cash: item.cash.cents,
            allowed: item.allowed_cents(),
            item: item.key,
            code: item.code,
            description: item.description,
        })
        .collect()
}

impl Item {
    fn allowed_cents(&self) -> Option<Cents> {
        self.allowed.as_ref().and_then(|price| price.cents)
    }
}

/// What an imported CSV would change in `book`, and the rows it refuses. Nothing in `book`
/// changes: pass the changes to [`apply`] once the person confirms them.
///
/// - **The header** is required, as the first row that is not blank. It is recognized by its
///   words ([`HEADER`]), in any order, in any case, with `_` for a space (`Cash_Price`); `code`
///   and at least one of `cash price` and `allowed amount` must be there, and the others may be
///   left out. A column it does not know, or one named twice, refuses the whole file (a misspelt
///   `allowed amont` would otherwise drop every allowed amount unseen).
/// - **Matching**: a row is matched by its `code` when one item has that code, and by its code and
///   `item` together when several share it. When the code is one item's, the `item` cell may be
///   empty or any text but another item's key (which would leave it unclear which was meant).
/// - **Prices** are dollars as people type them (`1200`, `1,200.00`, `$1200.5`). An empty cell
///   leaves that price as it is; a price equal to the book's is no change. The `description`
///   column is for reading and is not imported.
/// - **Refused rows**, each with its line and reason, change nothing, even their good cells: an
///   unknown code, a code shared by several items with no item or an unknown one, an item named
///   again (the second row is refused, naming the first's line), a price that is not money,
///   negative, or over [`MAX_PRICE`], an allowed amount for an item without one, a row with fewer
///   or more cells than the header (said as a price split at its thousands comma when it reads
///   so), a row whose price cells are all empty, and a price the book holds but that does not read
///   as cents. An item the book does not have is said to be one the spreadsheet cannot add.
///   Rows past [`MAX_ROWS`] are refused unread.
/// - Blank lines, and rows whose cells are all blank, are skipped. A UTF-8 byte order mark (as
///   spreadsheets write) is ignored.
///
/// ```
/// use amnion_estimator::money::Cents;
/// use amnion_estimator::price_book::fee_schedule::{apply, import_csv};
/// use amnion_estimator::read::Value;
/// let mut book = Value::from_json(r#"{ "walking_boot": { "code": "L4361",
///     "label": "Walking boot", "price_cents": 16500 } }"#).unwrap();
/// let typo = import_csv(&book, "code,cash price\r\nL4361,\"1,75.00\"\r\n");
/// assert_eq!(typo.rejected[0].line, 2);
/// assert!(typo.rejected[0].reason.contains("not an amount in dollars"));
/// let import = import_csv(&book, "code,cash price\r\nL4361,175\r\n");
/// assert_eq!(import.changes[0].path, "walking_boot.price_cents");
/// assert_eq!((import.changes[0].old, import.changes[0].new), (Cents::new(16_500), Cents::new(17_500)));
/// apply(&mut book, &import.changes);
/// assert!(import_csv(&book, "code,cash price\nL4361,175\n").changes.is_empty());
/// ```
pub fn import_csv(book: &Value, csv: &str) -> FeeScheduleImport {
    let items = items(book);
    let text = csv.strip_prefix('\u{feff}').unwrap_or(csv);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut import = FeeScheduleImport::default();
    let mut columns: Option<Columns> = None;
    // Each matched item's first line, to name it when the item comes again.
    let mut first_lines: BTreeMap<usize, u64> = BTreeMap::new();
    let mut rows = 0;
    let mut lines = LineCounter::default();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = lines.line_at(text, error.position());
                import.rejected.push(refused_file(
                    line,
                    format!("the CSV could not be read from here on: {error}"),
                ));
                break;
            }
        };
        let line = lines.line_at(text, record.position());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let Some(columns) = &columns else {
            match Columns::of(&record) {
                Ok(found) => columns = Some(found),
                Err(reason) => {
                    import.rejected.push(refused_file(line, reason));
                    return import;
                }
            }
            continue;
        };
        rows += 1;
        if rows > MAX_ROWS {
            import.rejected.push(refused_file(
                line,
                format!(
                    "the CSV has more than {MAX_ROWS} rows, far more than a price book has \
                     prices: the rows from here on were not read"
                ),
            ));
            break;
        }
        let row = Row::of(&record, columns);
        match row.changes(&items, columns, line, &mut first_lines) {
            Ok(changes) => import.changes.extend(changes),
            Err(reason) => import.rejected.push(RejectedRow {
                line,
                item: row.item.to_owned(),
                code: row.code.to_owned(),
                reason,
            }),
        }
    }
    if columns.is_none() && import.rejected.is_empty() {
        import.rejected.push(refused_file(
            1,
            format!(
                "the CSV is empty: it needs a header row ({}) and a row for each price",
                HEADER.join(", ")
            ),
        ));
    }
    warn(book, &mut import.changes);
    import
}

/// Each change's likely-mistake warning ([`PriceChange::warning`]): the book's warnings with every
/// change applied, as the editor will show them after "Apply", each at the price it is about.
fn warn(book: &Value, changes: &mut [PriceChange]) {
    let mut changed = book.clone();
    apply(&mut changed, changes);
    let warnings = super::warnings::warnings_in(&changed);
    for change in changes {
        change.warning = warnings
            .iter()
            .find(|warning| warning.path == change.path)
            .map(|warning| warning.message.clone());
    }
}

/// Writes each change's new price into `book`, at its `path`: what happens when the person
/// confirms the preview of [`import_csv`]. A path that leads to no field of `book` (the book was
/// edited after the import) is passed over: import again to see the changes as they are now.
pub fn apply(book: &mut Value, changes: &[PriceChange]) {
    for change in changes {
        if let Some(slot) = field_at_mut(book, &change.path) {
            *slot = Value::Integer(change.new.get());
        }
    }
}

/// Counts the lines of a CSV up to each record, as an editor numbers them.
///
/// The csv reader's own line number is where it began looking for the record, before the blank
/// lines it skips, so a row after a blank line would be reported a line early. This counts from the
/// record's byte offset instead, past those blank lines: `\n`, `\r\n` and a lone `\r` each end a
/// line, as they do for the reader. It counts on from where it last stopped, once over the text.
#[derive(Default)]
struct LineCounter {
    /// Where it stopped, in bytes.
    offset: usize,
    /// The line breaks before `offset`.
    breaks: u64,
}

impl LineCounter {
    /// The 1-based line of the record at `position` in `text`.
    fn line_at(&mut self, text: &str, position: Option<&csv::Position>) -> u64 {
        let bytes = text.as_bytes();
        let from = position
            .and_then(|position| usize::try_from(position.byte()).ok())
            .unwrap_or(self.offset)
            .clamp(self.offset, bytes.len());
        let blank = bytes[from..]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let start = from + blank;
        for at in self.offset..start {
            let ends_line = match bytes[at] {
                b'\n' => true,
                b'\r' => bytes.get(at + 1) != Some(&b'\n'),
                _ => false,
            };
            self.breaks += u64::from(ends_line);
        }
        self.offset = start;
        self.breaks + 1
    }
}

/// A refusal of the whole file (its header, or the CSV itself), at `line`.
fn refused_file(line: u64, reason: String) -> RejectedRow {
    RejectedRow {
        line,
        item: String::new(),
        code: String::new(),
        reason,
    }
}

/// Where each column is, from the header row.
struct Columns {
    item: Option<usize>,
    code: usize,
    cash: Option<usize>,
    allowed: Option<usize>,
    count: usize,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Result<Columns, String> {
        let mut at: [Option<usize>; HEADER.len()] = [None; HEADER.len()];
        for (index, cell) in header.iter().enumerate() {
            let words = cell
                .trim()
                .to_lowercase()
                .replace('_', " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let Some(column) = HEADER.iter().position(|name| *name == words) else {
                return Err(format!(
                    "the first row must be the header, with the columns {}: \"{}\" is not one \
                     of them",
                    HEADER.join(", "),
                    excerpt(cell.trim())
                ));
            };
            if at[column].replace(index).is_some() {
                return Err(format!(
                    "the header names the column \"{}\" twice",
                    HEADER[column]
                ));
            }
        }
        let [item, code, _description, cash, allowed] = at;
        let Some(code) = code else {
            return Err("the header has no \"code\" column: rows are matched by code".to_owned());
        };
        if cash.is_none() && allowed.is_none() {
            return Err(
                "the header has neither a \"cash price\" nor an \"allowed amount\" column"
                    .to_owned(),
            );
        }
        Ok(Columns {
            item,
            code,
            cash,
            allowed,
            count: header.len(),
        })
    }
}

/// A data row's cells, trimmed.
struct Row<'r> {
    item: &'r str,
    code: &'r str,
    cash: &'r str,
    allowed: &'r str,
    /// Why the row's cells do not line up with the header's, if they do not.
    misshapen: Option<String>,
}

impl<'r> Row<'r> {
    fn of(record: &'r csv::StringRecord, columns: &Columns) -> Row<'r> {
        let cell = |index: Option<usize>| {
            index
                .and_then(|index| record.get(index))
                .map_or("", |cell| undefused(cell.trim()))
        };
        // Exactly as many as the header, even when the extra ones are empty: a description's
        // unquoted comma shifts the cells after it, and "Vial, 2" would put a 2 under the price.
        let misshapen = (record.len() != columns.count).then(|| misshapen(record, columns));
        Row {
            item: cell(columns.item),
            code: cell(Some(columns.code)),
            cash: cell(columns.cash),
            allowed: cell(columns.allowed),
            misshapen,
        }
    }

    /// The changes this row makes, or why it is refused.
    ///
    /// A row whose price cells are all empty is refused too, rather than passed over: it changes
    /// nothing, and the person who emptied a cell meant something by it.
    fn changes(
        &self,
        items: &[Item],
        columns: &Columns,
        line: u64,
        first_lines: &mut BTreeMap<usize, u64>,
    ) -> Result<Vec<PriceChange>, String> {
        if let Some(reason) = &self.misshapen {
            return Err(reason.clone());
        }
        let index = self.matched(items, columns)?;
        let unknown_item =
            !self.item.is_empty() && !items.iter().any(|known| known.key == self.item);
        if let Some(first) = first_lines.get(&index) {
            // A new row for an item the book does not have, with a code it has: not a duplicate
            // of the code's item, but an item the spreadsheet cannot add.
            return Err(if unknown_item {
                cannot_add(self.item)
            } else {
                format!(
                    "a duplicate row: line {first} has {} already",
                    items[index].key
                )
            });
        }
        if self.cash.is_empty() && self.allowed.is_empty() {
            return Err(
                "no price: the row's price cells are empty, so it changes nothing (to take a \
                 price off the estimate, do it in the form)"
                    .to_owned(),
            );
        }
        first_lines.insert(index, line);
        let item = &items[index];
        let mut changes = Vec::new();
        for (kind, text, price) in [
            (PriceKind::Cash, self.cash, Some(&item.cash)),
            (PriceKind::Allowed, self.allowed, item.allowed.as_ref()),
        ] {
            if text.is_empty() {
                continue;
            }
            let Some(price) = price else {
                return Err(
                    "this item has no allowed amount (only physical therapy has one): leave \
                     that cell empty"
                        .to_owned(),
                );
            };
            let new = typed_price(kind, text)?;
            let Some(old) = price.cents else {
                return Err(format!(
                    "the price book's {} for this item could not be read: fix it in the editor \
                     first",
                    kind.words()
                ));
            };
            if old != new {
                changes.push(PriceChange {
                    line,
                    item: item.key.clone(),
                    code: item.code.clone(),
                    description: item.description.clone(),
                    price: kind,
                    old,
                    new,
                    old_dollars: old.to_string(),
                    new_dollars: new.to_string(),
                    path: price.path.clone(),
                    warning: None,
                });
            }
        }
        Ok(changes)
    }

    /// The index of the item this row is for, or why there is none.
    fn matched(&self, items: &[Item], columns: &Columns) -> Result<usize, String> {
        let code = self.code;
        let with_code: Vec<usize> = (0..items.len())
            .filter(|&i| items[i].code.eq_ignore_ascii_case(code))
            .collect();
        let named = match self.item {
            "" => None,
            item => items.iter().position(|known| known.key == item),
        };
        match with_code[..] {
            [] if code.is_empty() => Err("no code: each row needs its item's code".to_owned()),
            [] => Err(match named {
                Some(i) => format!(
                    "unknown code: no item in the price book has the code \"{}\" ({} has the \
                     code \"{}\"; codes are changed in the editor)",
                    excerpt(code),
                    items[i].key,
                    items[i].code
                ),
                None if !self.item.is_empty() => format!(
                    "unknown code: no item in the price book has the code \"{}\", and {}",
                    excerpt(code),
                    cannot_add(self.item)
                ),
                None => format!(
                    "unknown code: no item in the price book has the code \"{}\"",
                    excerpt(code)
                ),
            }),
            [only] => match named {
                Some(other) if other != only => Err(format!(
                    "the code \"{}\" is {}'s, but the item is {}: check which is meant",
                    excerpt(code),
                    items[only].key,
                    items[other].key
                )),
                _ => Ok(only),
            },
            ref shared => {
                if let Some(i) = named.filter(|i| shared.contains(i)) {
                    return Ok(i);
                }
                let keys: Vec<&str> = shared.iter().map(|&i| items[i].key.as_str()).collect();
                let keys = match keys.split_last() {
                    Some((last, [first])) => format!("{first} and {last}"),
                    Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                    None => String::new(),
                };
                Err(match (columns.item, self.item) {
                    (None, _) => format!(
                        "the code \"{}\" is shared by {keys}: add an item column to say which",
                        excerpt(code)
                    ),
                    (Some(_), "") => format!(
                        "the code \"{}\" is shared by {keys}: say which in the item column",
                        excerpt(code)
                    ),
                    (Some(_), item) => format!(
                        "the code \"{}\" is shared by {keys}, and the item \"{}\" is none of them",
                        excerpt(code),
                        excerpt(item)
                    ),
                })
            }
        }
    }
}

/// Why a row for the item `item`, which the book does not have, changes nothing.
fn cannot_add(item: &str) -> String {
    format!(
        "the price book has no item \"{}\", and the spreadsheet cannot add items: add it in the \
         form (check the spelling if it is meant to be one there)",
        excerpt(item)
    )
}

/// Why a row's cells do not line up with the header's. A price with a thousands comma and no
/// quotes around it (`1,250.00`) reads as two cells, `1` and `250.00`: said as such when the
/// price column and the cell after it read so; otherwise a description's comma is the likely
/// cause.
fn misshapen(record: &csv::StringRecord, columns: &Columns) -> String {
    let split_price = [columns.cash, columns.allowed]
        .into_iter()
        .flatten()
        .find_map(|at| {
            let (whole, rest) = (record.get(at)?.trim(), record.get(at + 1)?.trim());
            let thousands = rest.len() >= 3
                && rest.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                && (rest.len() == 3 || rest.as_bytes()[3] == b'.');
            let joined = format!("{whole},{rest}");
            (thousands
                && record.len() > columns.count
                && !whole.is_empty()
                && Cents::parse_dollars(&joined).is_ok())
            .then_some(joined)
        });
    match split_price {
        Some(price) => format!(
            "the price {price} has a comma and no quotes around it, so it reads as two cells: \
             write it as {} or in quotes",
            price.replace(',', "")
        ),
        None => format!(
            "the row has {} cells but the header has {}: a description or a price with a \
             comma in it must be in quotes",
            record.len(),
            columns.count
        ),
    }
}

impl PriceKind {
    fn words(self) -> &'static str {
        match self {
            PriceKind::Cash => "cash price",
            PriceKind::Allowed => "allowed amount",
        }
    }
}

/// The price typed in the `kind` column, or why it is not one.
fn typed_price(kind: PriceKind, text: &str) -> Result<Cents, String> {
    let column = kind.words();
    let too_large = || {
        format!(
            "the {column} \"{}\" is more than any price can be ({MAX_PRICE})",
            excerpt(text)
        )
    };
    match Cents::parse_dollars(text) {
        Ok(cents) if cents > MAX_PRICE => Err(too_large()),
        Ok(cents) => Ok(cents),
        Err(NotMoney::Negative(_)) => Err(format!(
            "the {column} \"{}\" is negative: a price cannot be below zero",
            excerpt(text)
        )),
        Err(NotMoney::FractionOfACent(_)) => Err(format!(
            "the {column} \"{}\" has a fraction of a cent: write at most two decimals",
            excerpt(text)
        )),
        Err(NotMoney::TooLarge(_)) => Err(too_large()),
        Err(_) => Err(format!(
            "the {column} \"{}\" is not an amount in dollars: write it like 1200.00 or 1,200.00",
            excerpt(text)
        )),
    }
}

/// `cents` as dollars with two decimals and no thousands separator: `1200.00`, `-165.00`.
fn dollars(cents: Cents) -> String {
    let sign = if cents.get() < 0 { "-" } else { "" };
    let magnitude = cents.get().unsigned_abs();
    format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
}

/// Text a spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`), after a `'`.
fn defused(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

/// [`defused`] undone: a `'` before `=`, `+`, `-` or `@` taken off.
fn undefused(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

/// Every priced item of `book`, in the export's order, with keys made unique.
///
/// The items are found by the book's declarations (`schema.rs`), not listed here: every group
/// whose fields include a cash price ([`Role::Cash`]) is an item, wherever it is in the book, so
/// a priced field added to the document is in the spreadsheet with nothing to add here.
fn items(book: &Value) -> Vec<Item> {
    let mut items = Vec::new();
    let top = Place {
        key: Some(Vec::new()),
        owner: None,
    };
    walk(schema::BOOK, book, "", &top, book, &mut items);
    // A key two items would share, or that is another item's path, goes back to the item's own
    // path: paths are unique, and a key left is neither shared nor any path.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for item in &items {
        *counts.entry(item.key.clone()).or_default() += 1;
    }
    let paths: BTreeSet<String> = items.iter().map(|item| item.path.clone()).collect();
    for item in &mut items {
        if counts[&item.key] > 1 || (item.key != item.path && paths.contains(&item.key)) {
            item.key = item.path.clone();
        }
    }
    items
}

/// Where a group is, for the key and description of an item in it.
#[derive(Clone)]
struct Place<'v> {
    /// The key parts so far (the `item` names of the fields on the way, each list item's `id`), or
    /// `None` once a list item on the way had no `id` (the item then goes by its path).
    key: Option<Vec<String>>,
    /// The `name` of the list item it is in (a therapy partner), which its items' descriptions
    /// add in parentheses.
    owner: Option<&'v str>,
}

/// Finds the priced items in `object`, at `path`, of the group `fields`.
fn walk<'v>(
    fields: &'static [Field],
    object: &'v Value,
    path: &str,
    place: &Place<'v>,
    book: &'v Value,
    items: &mut Vec<Item>,
) {
    if !matches!(object, Value::Object(_)) {
        return;
    }
    if fields.iter().any(|field| field.role == Role::Cash) {
        items.push(item(fields, object, path, place, book));
        return;
    }
    for declared in fields {
        let Some(value) = field(object, declared.key) else {
            continue;
        };
        let path = match path {
            "" => declared.key.to_owned(),
            _ => format!("{path}.{}", declared.key),
        };
        let mut place = place.clone();
        if !declared.item.is_empty() {
            if let Some(key) = &mut place.key {
                key.push(declared.item.to_owned());
            }
        }
        match &declared.kind {
            Kind::Group { fields } => walk(fields, value, &path, &place, book, items),
            Kind::List { fields, .. } => {
                for (i, element) in list(Some(value)).iter().enumerate() {
                    let priced = fields.iter().any(|field| field.role == Role::Cash);
                    let mut place = place.clone();
                    // An item of a list is known by its id; a priced one with none, by its code
                    // (added in `item`); any other with none leaves its items their paths.
                    match text(field(element, "id")) {
                        Some(id) => {
                            if let Some(key) = &mut place.key {
                                key.push(id.to_owned());
                            }
                        }
                        None if priced => {}
                        None => place.key = None,
                    }
                    place.owner = text(field(element, "name")).or(place.owner);
                    walk(
                        fields,
                        element,
                        &format!("{path}[{i}]"),
                        &place,
                        book,
                        items,
                    );
                }
            }
            _ => {}
        }
    }
}

/// The priced item `object`, at `path`, of the group `fields`.
fn item(
    fields: &'static [Field],
    object: &Value,
    path: &str,
    place: &Place<'_>,
    book: &Value,
) -> Item {
    let with_role = |role: Role| fields.iter().find(|field| field.role == role);
    let price = |role: Role| with_role(role).map(|declared| Price::at(object, path, declared.key));
    let code_field = with_role(Role::Code);
    let own_code = code_field.and_then(|declared| text(field(object, declared.key)));
    let listed = path.ends_with(']');
    let has_id = text(field(object, "id")).is_some();
    let mut key = place.key.clone().filter(|key| !key.is_empty());
    let (code, description) = match code_field.map(|declared| &declared.kind) {
        // A package's code is its product's, picked by id: rows for it are told apart by item.
        Some(Kind::Pick { list: of, value }) => {
            let picked_id = own_code;
            let picked = list(field(book, of))
                .iter()
                .find(|picked| picked_id.is_some() && text(field(picked, value)) == picked_id);
            let count = fields
                .iter()
                .filter(|declared| matches!(declared.kind, Kind::Count))
                .find_map(|declared| match field(object, declared.key) {
                    Some(Value::Integer(count)) => Some(*count),
                    _ => None,
                });
            let name = match (picked, picked_id) {
                (Some(picked), _) => english(field(picked, "label")),
                (None, Some(id)) => id.to_owned(),
                (None, None) => "Package".to_owned(),
            };
            key = picked_id
                .zip(count)
                .map(|(id, count)| vec![format!("{id}.package_{count}")]);
            let code = picked.and_then(|picked| {
                let code = find_role(picked_fields(of), Role::Code)?;
                text(field(picked, code.key))
            });
            let description = match count {
                Some(count) => format!("{name}, package of {count}"),
                None => format!("{name}, package"),
            };
            (code.unwrap_or_default().to_owned(), description)
        }
        _ => {
            // A listed item is known by its id (added on the way); one of a list whose items
            // have none (the injection fees), by its code.
            let has_ids = fields.iter().any(|declared| declared.key == "id");
            if listed {
                key = match (key, has_ids, has_id, own_code) {
                    (key, true, true, _) => key,
                    (Some(mut key), false, _, Some(code)) => {
                        key.push(code.to_owned());
                        Some(key)
                    }
                    _ => None,
                };
            }
            let label = english(field(object, "label"));
            let description = match place.owner {
                Some(name) => format!("{label} ({name})"),
                None => label,
            };
            (own_code.unwrap_or_default().to_owned(), description)
        }
    };
    Item {
        key: key.map_or_else(|| path.to_owned(), |key| key.join(".")),
        path: path.to_owned(),
        code,
        description,
        cash: price(Role::Cash).unwrap_or_else(|| Price::at(object, path, "")),
        allowed: price(Role::Allowed),
    }
}

/// The field with `role` among `fields`.
fn find_role(fields: &'static [Field], role: Role) -> Option<&'static Field> {
    fields.iter().find(|field| field.role == role)
}

/// The fields of each item of the top-level list `key`.
fn picked_fields(key: &str) -> &'static [Field] {
    match schema::find(schema::BOOK, key).map(|field| &field.kind) {
        Some(Kind::List { fields, .. }) => fields,
        _ => &[],
    }
}

/// The entry `key` of an object.
fn field<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    match value {
        Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

/// A list's items; none for anything else.
fn list(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

/// A string's text.
fn text(value: Option<&Value>) -> Option<&str> {
    match value {
        Some(Value::String(text)) => Some(text),
        _ => None,
    }
}

/// A label's English: the string itself, or its `en`.
fn english(label: Option<&Value>) -> String {
    match label {
        Some(Value::String(text)) => text.clone(),
        Some(object) => text(field(object, "en")).unwrap_or_default().to_owned(),
        None => String::new(),
    }
}

/// The value at a path like `therapy_partners[1].physical_therapy.session.allowed_cents`, if the
/// book has it.
fn field_at_mut<'v>(book: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    let mut here = book;
    for part in path.split('.') {
        let (key, indexes) = part.split_once('[').unwrap_or((part, ""));
        here = match here {
            Value::Object(entries) => entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)?,
            _ => return None,
        };
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            let index: usize = index.strip_suffix(']')?.parse().ok()?;
            here = match here {
                Value::Array(items) => items.get_mut(index)?,
                _ => return None,
            };
        }
    }
    Some(here)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_have_two_decimals_and_no_separator() {
        assert_eq!(dollars(Cents::new(120_000)), "1200.00");
        assert_eq!(dollars(Cents::new(5)), "0.05");
        assert_eq!(dollars(Cents::new(-16_500)), "-165.00");
        assert_eq!(dollars(Cents::new(123_456_789)), "1234567.89");
    }

    #[test]
    fn formulas_are_defused_and_undone() {
        for text in ["=1+1", "+1", "-x", "@sum"] {
            assert_eq!(defused(text), format!("'{text}"));
            assert_eq!(undefused(&defused(text)), text);
        }
        assert_eq!(defused("Q4139"), "Q4139");
        assert_eq!(undefused("'quoted"), "'quoted");
    }

    #[test]
    fn paths_lead_into_objects_and_lists() {
        let mut book = Value::Object(vec![(
            "a".to_owned(),
            Value::Array(vec![
                Value::Null,
                Value::Object(vec![("b".to_owned(), Value::Integer(1))]),
            ]),
        )]);
        assert_eq!(
            field_at_mut(&mut book, "a[1].b"),
            Some(&mut Value::Integer(1))
        );
        for nowhere in ["a[2].b", "a[1].c", "a.b", "a[x].b", "b", "a[1]b"] {
            assert_eq!(field_at_mut(&mut book, nowhere), None, "{nowhere}");
        }
    }
}
