//! The fee schedule as CSV (`price_book::fee_schedule`): the book's prices out to a spreadsheet,
//! and back in as a preview of changes, matched by code, with every refused row and its reason.
//!
//! Every expected row, amount and line is worked out by hand from `src/price_book/default.json`:
//! a price in cents is dollars with the last two digits as cents (120000 -> 1200.00), and the
//! sample's 17 priced items are on lines 2 to 18 of its export, in this order:
//!
//! | line | item | code | cash | allowed |
//! | --- | --- | --- | --- | --- |
//! | 2, 3 | `amnion_1ml`, `amnion_2ml` | Q4139 (both) | 1200.00, 1900.00 | |
//! | 4, 5, 6 | `administration.20550`, `.20551`, `.20606` | 20550, 20551, 20606 | 150.00, 160.00, 260.00 | |
//! | 7 | `ultrasound_guidance` | 76942 | 125.00 | |
//! | 8 | `consultation` | 99204 | 250.00 | |
//! | 9 | `walking_boot` | L4361 | 165.00 | |
//! | 10, 11, 12 | `follow_up`, `imaging_review`, `foot_xray` | 99213, 76140, 73630 | 120.00, 75.00, 95.00 | |
//! | 13, 14 | `physical_therapy.evaluation`, `.session` | 97162, 97110 | 160.00, 95.00 | 110.00, 85.00 |
//! | 15, 16 | `lakeshore_pt.evaluation`, `.session` | 97162, 97110 | 150.00, 90.00 | 105.00, 80.00 |
//! | 17, 18 | `eastside_rehab.evaluation`, `.session` | 97161, 97110 | 140.00, 85.00 | 100.00, 78.00 |
//!
//! Codes shared in the sample: Q4139 (2 items), 97162 (2), 97110 (3).

#![cfg(not(target_arch = "wasm32"))]

use amnion_estimator::money::Cents;
use amnion_estimator::price_book::fee_schedule::{
    apply, export_csv, import_csv, FeeScheduleImport, PriceChange, PriceKind, RejectedRow, MAX_ROWS,
};
use amnion_estimator::price_book::schema::{self, Field, Kind, Role};
use amnion_estimator::price_book::{PriceBook, DEFAULT_PRICE_BOOK_JSON};
use amnion_estimator::read::Value;

fn sample() -> Value {
    Value::from_json(DEFAULT_PRICE_BOOK_JSON).expect("the sample is JSON")
}

/// The sample's export, written out by hand from default.json (see the table above).
const SAMPLE_CSV: &str = "item,code,description,cash price,allowed amount\r\n\
amnion_1ml,Q4139,\"Amniotic allograft, 1 mL vial\",1200.00,\r\n\
amnion_2ml,Q4139,\"Amniotic allograft, 2 mL vial\",1900.00,\r\n\
administration.20550,20550,\"Injection, tendon sheath, ligament or plantar fascia\",150.00,\r\n\
administration.20551,20551,\"Injection, tendon origin or insertion\",160.00,\r\n\
administration.20606,20606,\"Injection, ankle joint, with ultrasound guidance\",260.00,\r\n\
ultrasound_guidance,76942,Ultrasound guidance for needle placement,125.00,\r\n\
consultation,99204,New-patient consultation,250.00,\r\n\
walking_boot,L4361,\"Walking boot (pneumatic, prefabricated)\",165.00,\r\n\
follow_up,99213,Follow-up visit,120.00,\r\n\
imaging_review,76140,Review of outside imaging,75.00,\r\n\
foot_xray,73630,\"X-ray of the foot, 3 views\",95.00,\r\n\
physical_therapy.evaluation,97162,Physical therapy evaluation,160.00,110.00\r\n\
physical_therapy.session,97110,Physical therapy session,95.00,85.00\r\n\
lakeshore_pt.evaluation,97162,Physical therapy evaluation (Lakeshore Physical Therapy),150.00,105.00\r\n\
lakeshore_pt.session,97110,Physical therapy session (Lakeshore Physical Therapy),90.00,80.00\r\n\
eastside_rehab.evaluation,97161,\"Physical therapy evaluation, low complexity (Eastside Sports Rehab)\",140.00,100.00\r\n\
eastside_rehab.session,97110,Physical therapy session (Eastside Sports Rehab),85.00,78.00\r\n";

/// The rejected rows as (line, reason).
fn reasons(import: &FeeScheduleImport) -> Vec<(u64, &str)> {
    import
        .rejected
        .iter()
        .map(|row| (row.line, row.reason.as_str()))
        .collect()
}

/// The changes as (line, item, which price, old cents, new cents, path).
fn changes(import: &FeeScheduleImport) -> Vec<(u64, &str, PriceKind, i64, i64, &str)> {
    import
        .changes
        .iter()
        .map(|c| {
            (
                c.line,
                c.item.as_str(),
                c.price,
                c.old.get(),
                c.new.get(),
                c.path.as_str(),
            )
        })
        .collect()
}

#[test]
fn the_sample_exports_one_row_per_price_in_dollars() {
    let csv = export_csv(&sample());
    assert_eq!(csv, SAMPLE_CSV);
    // Read back with the csv reader, the vial's description is one cell with its comma, and its
    // 120000 cents are 1200.00; Lakeshore's session is 9000 cents cash (90.00) and 8000 allowed
    // (80.00).
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 17);
    assert_eq!(
        rows[0].iter().collect::<Vec<_>>(),
        [
            "amnion_1ml",
            "Q4139",
            "Amniotic allograft, 1 mL vial",
            "1200.00",
            ""
        ]
    );
    assert_eq!(
        rows[14].iter().collect::<Vec<_>>(),
        [
            "lakeshore_pt.session",
            "97110",
            "Physical therapy session (Lakeshore Physical Therapy)",
            "90.00",
            "80.00"
        ]
    );
}

#[test]
fn the_round_trip_previews_two_changes_and_a_refused_row_then_applies_them() {
    let mut book = sample();
    // Two prices changed as a person would type them in a spreadsheet, and one bad row added.
    let edited = export_csv(&book)
        .replacen(
            "vial\",1200.00,",
            "vial\",\"1,250.00\",", // the 1 mL vial, line 2: $1,200.00 -> $1,250.00
            1,
        )
        .replacen(
            "Therapy),90.00,80.00",
            "Therapy),90.00,82.50", // Lakeshore's session allowed, line 16: $80.00 -> $82.50
            1,
        )
        + "office_visit,99215,\"Office visit, established patient\",180.00,\r\n"; // line 19
    let import = import_csv(&book, &edited);

    // 1,250.00 dollars = 125000 cents; 82.50 dollars = 8250 cents.
    assert_eq!(
        import.changes,
        [
            PriceChange {
                line: 2,
                item: "amnion_1ml".into(),
                code: "Q4139".into(),
                description: "Amniotic allograft, 1 mL vial".into(),
                price: PriceKind::Cash,
                old: Cents::new(120_000),
                new: Cents::new(125_000),
                old_dollars: "$1,200.00".into(),
                new_dollars: "$1,250.00".into(),
                path: "products[0].price_cents".into(),
                warning: None,
            },
            PriceChange {
                line: 16,
                item: "lakeshore_pt.session".into(),
                code: "97110".into(),
                description: "Physical therapy session (Lakeshore Physical Therapy)".into(),
                price: PriceKind::Allowed,
                old: Cents::new(8_000),
                new: Cents::new(8_250),
                old_dollars: "$80.00".into(),
                new_dollars: "$82.50".into(),
                path: "therapy_partners[0].physical_therapy.session.allowed_cents".into(),
                warning: None,
            },
        ]
    );
    assert_eq!(
        import.rejected,
        [RejectedRow {
            line: 19,
            item: "office_visit".into(),
            code: "99215".into(),
            reason: "unknown code: no item in the price book has the code \"99215\", and the \
                     price book has no item \"office_visit\", and the spreadsheet cannot add \
                     items: add it in the form (check the spelling if it is meant to be one there)"
                .into(),
        }]
    );

    // Nothing changed until confirmed.
    assert_eq!(book, sample());
    apply(&mut book, &import.changes);
    let applied = PriceBook::from_value(&book).expect("still valid");
    let mut expected = PriceBook::embedded_default()
        .expect("valid")
        .document()
        .clone();
    expected.products[0].price_cents = Cents::new(125_000);
    expected.therapy_partners[0]
        .physical_therapy
        .session
        .allowed_cents = Cents::new(8_250);
    assert_eq!(applied.document(), &expected);
    // Lakeshore's session cash price is still 9000 cents, the 2 mL vial still 190000.
    let lakeshore = applied.therapy_partner("lakeshore_pt").expect("listed");
    assert_eq!(
        lakeshore.physical_therapy.session.cash_price_cents,
        Cents::new(9_000)
    );
    assert_eq!(
        applied.product("amnion_2ml").expect("listed").price_cents,
        Cents::new(190_000)
    );
    // And the applied book exports with the two new prices: imported again, no change.
    let again = import_csv(&book, &edited);
    assert!(again.changes.is_empty(), "{:?}", again.changes);
}

#[test]
fn an_unchanged_export_imports_as_no_change() {
    let book = sample();
    let import = import_csv(&book, &export_csv(&book));
    assert_eq!(import, FeeScheduleImport::default());
}

#[test]
fn each_reason_a_row_is_refused() {
    let csv = "item,code,description,cash price,allowed amount\n\
        ,99215,Office visit,180.00,\n\
        walking_boot,L4361,Boot,$12.3x,\n\
        consultation,99204,Consultation,250.005,\n\
        ultrasound_guidance,76942,Guidance,-5.00,\n\
        follow_up,99213,Follow-up,\"2,000,000.00\",\n\
        foot_xray,73630,X-ray,100.00,\n\
        foot_xray,73630,X-ray again,110.00,\n\
        ,Q4139,A vial,1300.00,\n\
        amnion_3ml,Q4139,A bigger vial,2500.00,\n\
        walking_boot,20550,Boot or injection,200.00,\n\
        imaging_review,76140,Imaging,80.00,70.00\n\
        administration.20551,20551,Injection, tendon origin,170.00,\n\
        amnion_2ml,,A vial with no code,1950.00,\n\
        physical_therapy.session,97110,PT session,96.00\n\
        walking_bot,L4361,Boot,170.00,\n\
        amnion_1ml,Q4139,Vial,1,250.00,\n\
        amnion_2ml,Q4139,A vial,,\n\
        walking_shoe,L9999,Shoe,50.00,\n";
    let import = import_csv(&sample(), csv);
    assert_eq!(
        reasons(&import),
        [
            (
                2,
                "unknown code: no item in the price book has the code \"99215\""
            ),
            (
                3,
                "the cash price \"$12.3x\" is not an amount in dollars: write it like 1200.00 or \
                 1,200.00"
            ),
            (
                4,
                "the cash price \"250.005\" has a fraction of a cent: write at most two decimals"
            ),
            (
                5,
                "the cash price \"-5.00\" is negative: a price cannot be below zero"
            ),
            // The most a price can be is 100000000 cents, $1,000,000.00.
            (
                6,
                "the cash price \"2,000,000.00\" is more than any price can be ($1,000,000.00)"
            ),
            // Line 7 is foot_xray's first row, and is taken: $95.00 -> $100.00.
            (8, "a duplicate row: line 7 has foot_xray already"),
            (
                9,
                "the code \"Q4139\" is shared by amnion_1ml and amnion_2ml: say which in the \
                 item column"
            ),
            (
                10,
                "the code \"Q4139\" is shared by amnion_1ml and amnion_2ml, and the item \
                 \"amnion_3ml\" is none of them"
            ),
            (
                11,
                "the code \"20550\" is administration.20550's, but the item is walking_boot: \
                 check which is meant"
            ),
            (
                12,
                "this item has no allowed amount (only physical therapy has one): leave that \
                 cell empty"
            ),
            (
                13,
                "the row has 6 cells but the header has 5: a description or a price with a \
                 comma in it must be in quotes"
            ),
            (14, "no code: each row needs its item's code"),
            (
                15,
                "the row has 4 cells but the header has 5: a description or a price with a \
                 comma in it must be in quotes"
            ),
            // A typo in a new row's item, with the boot's code (line 3 has the boot): not a
            // duplicate of the boot, but an item the spreadsheet cannot add.
            (
                16,
                "the price book has no item \"walking_bot\", and the spreadsheet cannot add \
                 items: add it in the form (check the spelling if it is meant to be one there)"
            ),
            // "1,250.00" without quotes: the cells "1" and "250.00".
            (
                17,
                "the price 1,250.00 has a comma and no quotes around it, so it reads as two \
                 cells: write it as 1250.00 or in quotes"
            ),
            (
                18,
                "no price: the row's price cells are empty, so it changes nothing (to take a \
                 price off the estimate, do it in the form)"
            ),
            (
                19,
                "unknown code: no item in the price book has the code \"L9999\", and the price \
                 book has no item \"walking_shoe\", and the spreadsheet cannot add items: add it \
                 in the form (check the spelling if it is meant to be one there)"
            ),
        ]
    );
    // The row's code and item as given.
    assert_eq!(
        (
            import.rejected[1].item.as_str(),
            import.rejected[1].code.as_str()
        ),
        ("walking_boot", "L4361")
    );
    // Only line 7 changes anything: 100.00 dollars = 10000 cents, over 9500.
    assert_eq!(
        changes(&import),
        [(
            7,
            "foot_xray",
            PriceKind::Cash,
            9_500,
            10_000,
            "extras[2].price_cents"
        )]
    );
}

#[test]
fn a_refused_row_changes_none_of_its_prices() {
    // The cash price is good (96.00 over 95.00), the allowed amount is not: neither is taken.
    let import = import_csv(
        &sample(),
        "item,code,cash price,allowed amount\nphysical_therapy.session,97110,96.00,8x\n",
    );
    assert!(import.changes.is_empty());
    assert_eq!(
        reasons(&import),
        [(
            2,
            "the allowed amount \"8x\" is not an amount in dollars: write it like 1200.00 or \
             1,200.00"
        )]
    );
}

#[test]
fn an_unreadable_csv_or_header_is_refused_whole() {
    let book = sample();
    let whole = |csv: &str| {
        let import = import_csv(&book, csv);
        assert!(import.changes.is_empty(), "{csv:?}");
        reasons(&import)
            .into_iter()
            .map(|(line, reason)| (line, reason.to_owned()))
            .collect::<Vec<_>>()
    };
    let empty = "the CSV is empty: it needs a header row (item, code, description, cash price, \
                 allowed amount) and a row for each price";
    assert_eq!(whole(""), [(1, empty.to_owned())]);
    assert_eq!(whole("\r\n\r\n"), [(1, empty.to_owned())]);
    // No header: the first row is data, and nothing after it is read (the vial's row would change
    // its price).
    assert_eq!(
        whole("amnion_1ml,Q4139,A vial,1300.00,\n"),
        [(
            1,
            "the first row must be the header, with the columns item, code, description, cash \
             price, allowed amount: \"amnion_1ml\" is not one of them"
                .to_owned()
        )]
    );
    // A misspelt column, on line 3 after two blank lines.
    assert_eq!(
        whole("\n\ncode,cash price,allowed amont\n97110,95.00,90.00\n"),
        [(
            3,
            "the first row must be the header, with the columns item, code, description, cash \
             price, allowed amount: \"allowed amont\" is not one of them"
                .to_owned()
        )]
    );
    assert_eq!(
        whole("item,cash price\nwalking_boot,170.00\n"),
        [(
            1,
            "the header has no \"code\" column: rows are matched by code".to_owned()
        )]
    );
    assert_eq!(
        whole("item,code,description\nwalking_boot,L4361,Boot\n"),
        [(
            1,
            "the header has neither a \"cash price\" nor an \"allowed amount\" column".to_owned()
        )]
    );
    assert_eq!(
        whole("code,cash price,Cash_Price\nL4361,170.00,175.00\n"),
        [(
            1,
            "the header names the column \"cash price\" twice".to_owned()
        )]
    );
}

#[test]
fn descriptions_with_commas_and_columns_in_any_order() {
    // A spreadsheet's own export: byte order mark, its own column order and capitals, prices with
    // thousands separators in quotes, a description with commas in quotes, blank lines between.
    let csv = "\u{feff}Code,Description,Cash Price,Item\r\n\
        20550,\"Injection, tendon sheath, ligament or plantar fascia\",\"1,150.00\",administration.20550\r\n\
        \r\n\
        L4361,\"Walking boot, \"\"pneumatic\"\"\",$170,\r\n";
    let import = import_csv(&sample(), csv);
    assert!(import.rejected.is_empty(), "{:?}", import.rejected);
    // 1,150.00 dollars = 115000 cents (was 15000: a price typed ten times too high passes here,
    // as in the editor, which warns about it); $170 = 17000 cents (was 16500), on line 4 after the
    // blank line 3.
    assert_eq!(
        changes(&import),
        [
            (
                2,
                "administration.20550",
                PriceKind::Cash,
                15_000,
                115_000,
                "administration_fees[0].price_cents"
            ),
            (
                4,
                "walking_boot",
                PriceKind::Cash,
                16_500,
                17_000,
                "walking_boot.price_cents"
            ),
        ]
    );
}

#[test]
fn a_shared_code_is_told_apart_by_item() {
    // 97110 is the clinic's session and both partners'; each row goes to its own item's prices.
    let csv = "item,code,cash price,allowed amount\n\
        eastside_rehab.session,97110,86.00,79.00\n\
        physical_therapy.session,97110,,86.00\n\
        lakeshore_pt.session,97110,91.00,\n\
        amnion_2ml,Q4139,\"1,950.00\",\n";
    let import = import_csv(&sample(), csv);
    assert!(import.rejected.is_empty(), "{:?}", import.rejected);
    // Empty cells leave prices as they are. 86.00 = 8600 (was 8500), 79.00 = 7900 (was 7800),
    // 86.00 = 8600 (was 8500 allowed), 91.00 = 9100 (was 9000), 1,950.00 = 195000 (was 190000).
    assert_eq!(
        changes(&import),
        [
            (
                2,
                "eastside_rehab.session",
                PriceKind::Cash,
                8_500,
                8_600,
                "therapy_partners[1].physical_therapy.session.cash_price_cents"
            ),
            (
                2,
                "eastside_rehab.session",
                PriceKind::Allowed,
                7_800,
                7_900,
                "therapy_partners[1].physical_therapy.session.allowed_cents"
            ),
            (
                3,
                "physical_therapy.session",
                PriceKind::Allowed,
                8_500,
                8_600,
                "physical_therapy.session.allowed_cents"
            ),
            (
                4,
                "lakeshore_pt.session",
                PriceKind::Cash,
                9_000,
                9_100,
                "therapy_partners[0].physical_therapy.session.cash_price_cents"
            ),
            (
                5,
                "amnion_2ml",
                PriceKind::Cash,
                190_000,
                195_000,
                "products[1].price_cents"
            ),
        ]
    );
    // A code only one item has needs no item: 97161 is only Eastside's evaluation.
    let import = import_csv(&sample(), "code,cash price\n97161,145.00\n");
    assert_eq!(
        changes(&import),
        [(
            2,
            "eastside_rehab.evaluation",
            PriceKind::Cash,
            14_000,
            14_500,
            "therapy_partners[1].physical_therapy.evaluation.cash_price_cents"
        )]
    );
    // Without an item column, a shared code cannot be placed.
    let import = import_csv(&sample(), "code,cash price\n97162,165.00\n");
    assert_eq!(
        reasons(&import),
        [(
            2,
            "the code \"97162\" is shared by physical_therapy.evaluation and \
             lakeshore_pt.evaluation: add an item column to say which"
        )]
    );
}

#[test]
fn an_invalid_book_exports_what_it_can_read() {
    // A book being edited: the boot's price is negative, the 2 mL vial's is a fraction of a cent,
    // the guidance is misspelt, the first extra has no id and the second is not an object.
    let book = Value::from_json(
        r#"{
        "products": [
            { "id": "amnion_1ml", "label": { "en": "1 mL vial" }, "hcpcs": "Q4139", "price_cents": 120000 },
            { "id": "amnion_2ml", "label": "2 mL vial", "hcpcs": "Q4139", "price_cents": 1900.5 }
        ],
        "ultrasound_guidence": { "code": "76942", "label": "Guidance", "price_cents": 12500 },
        "walking_boot": { "code": "L4361", "label": "=Boot", "price_cents": -16500 },
        "extras": [ { "code": "99213", "label": "Follow-up", "price_cents": 12000 }, "x" ],
        "physical_therapy": { "session": { "code": "97110", "label": "Session", "allowed_cents": 8500 } }
    }"#,
    )
    .expect("JSON");
    // The 2 mL vial has no readable price: no row. -16500 cents is -165.00. The label "=Boot"
    // would run as a formula: it is written after a '. The extra is keyed by its path.
    assert_eq!(
        export_csv(&book),
        "item,code,description,cash price,allowed amount\r\n\
         amnion_1ml,Q4139,1 mL vial,1200.00,\r\n\
         walking_boot,L4361,'=Boot,-165.00,\r\n\
         extras[0],99213,Follow-up,120.00,\r\n\
         physical_therapy.session,97110,Session,,85.00\r\n"
    );
    // The vial's price cannot be changed from the spreadsheet while it does not read as cents;
    // the session's allowed amount can (86.00 = 8600 cents, was 8500), and the extra by its path.
    let import = import_csv(
        &book,
        "item,code,cash price,allowed amount\n\
         amnion_2ml,Q4139,1950.00,\n\
         physical_therapy.session,97110,,86.00\n\
         extras[0],99213,125.00,\n\
         ultrasound_guidance,76942,130.00,\n",
    );
    assert_eq!(
        reasons(&import),
        [
            (
                2,
                "the price book's cash price for this item could not be read: fix it in the \
                 editor first"
            ),
            (
                5,
                "unknown code: no item in the price book has the code \"76942\", and the price \
                 book has no item \"ultrasound_guidance\", and the spreadsheet cannot add items: \
                 add it in the form (check the spelling if it is meant to be one there)"
            ),
        ]
    );
    assert_eq!(
        changes(&import),
        [
            (
                3,
                "physical_therapy.session",
                PriceKind::Allowed,
                8_500,
                8_600,
                "physical_therapy.session.allowed_cents"
            ),
            (
                4,
                "extras[0]",
                PriceKind::Cash,
                12_000,
                12_500,
                "extras[0].price_cents"
            ),
        ]
    );
}

#[test]
fn package_prices_export_under_their_product() {
    let mut book = Value::from_json(
        r#"{
        "products": [ { "id": "amnion_1ml", "label": "Amniotic allograft, 1 mL vial", "hcpcs": "Q4139", "price_cents": 120000 } ],
        "discounts": { "multi_injection": { "kind": "package_prices", "label": "Package price",
            "packages": [ { "product": "amnion_1ml", "injections": 2, "price_cents": 220000 } ] } }
    }"#,
    )
    .expect("JSON");
    assert_eq!(
        export_csv(&book),
        "item,code,description,cash price,allowed amount\r\n\
         amnion_1ml,Q4139,\"Amniotic allograft, 1 mL vial\",1200.00,\r\n\
         amnion_1ml.package_2,Q4139,\"Amniotic allograft, 1 mL vial, package of 2\",2200.00,\r\n"
    );
    // The package shares the vial's code, so it is told apart by item: 2,150.00 = 215000 cents.
    let import = import_csv(
        &book,
        "item,code,cash price\namnion_1ml.package_2,Q4139,\"2,150.00\"\n",
    );
    assert_eq!(
        changes(&import),
        [(
            2,
            "amnion_1ml.package_2",
            PriceKind::Cash,
            220_000,
            215_000,
            "discounts.multi_injection.packages[0].price_cents"
        )]
    );
    apply(&mut book, &import.changes);
    assert!(export_csv(&book).contains(",2150.00,"));
}

#[test]
fn keys_two_items_would_share_become_their_paths() {
    // A product and an extra both called "follow_up", and both with code 99213: each is keyed by
    // its path, so the rows still say which.
    let book = Value::from_json(
        r#"{
        "products": [ { "id": "follow_up", "label": "A product", "hcpcs": "99213", "price_cents": 100 } ],
        "extras": [ { "id": "follow_up", "code": "99213", "label": "Follow-up visit", "price_cents": 12000 } ]
    }"#,
    )
    .expect("JSON");
    let csv = export_csv(&book);
    assert!(
        csv.contains("\r\nproducts[0],99213,A product,1.00,\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\nextras[0],99213,Follow-up visit,120.00,\r\n"),
        "{csv}"
    );
    let import = import_csv(&book, &csv.replace(",120.00,", ",125.00,"));
    assert_eq!(
        changes(&import),
        [(
            3,
            "extras[0]",
            PriceKind::Cash,
            12_000,
            12_500,
            "extras[0].price_cents"
        )]
    );
}

#[test]
fn rows_past_the_limit_are_not_read() {
    // MAX_ROWS rows that each name an unknown code, then one more: that row is where reading stops,
    // on line MAX_ROWS + 2 (the header is line 1).
    let mut csv = String::from("code,cash price\n");
    for _ in 0..=MAX_ROWS {
        csv.push_str("00000,1.00\n");
    }
    let import = import_csv(&sample(), &csv);
    assert_eq!(import.rejected.len(), MAX_ROWS + 1);
    let last = import.rejected.last().expect("the limit");
    assert_eq!(last.line, MAX_ROWS as u64 + 2);
    assert_eq!(
        last.reason,
        "the CSV has more than 2000 rows, far more than a price book has prices: the rows from \
         here on were not read"
    );
}

#[test]
fn apply_passes_over_a_path_the_book_no_longer_has() {
    let mut book = sample();
    let import = import_csv(&book, "code,cash price\nL4361,170.00\n");
    // The boot is taken out of the book between the preview and the confirmation.
    if let Value::Object(entries) = &mut book {
        entries.retain(|(key, _)| key != "walking_boot");
    }
    let before = book.clone();
    apply(&mut book, &import.changes);
    assert_eq!(book, before);
}

#[test]
fn the_preview_serializes_with_these_names() {
    let import = import_csv(
        &sample(),
        "item,code,cash price\nwalking_boot,L4361,170.00\n,99215,1.00\n",
    );
    let json = serde_json::to_value(&import).expect("serializes");
    // 170.00 dollars = 17000 cents, over 16500.
    assert_eq!(
        json,
        serde_json::json!({
            "changes": [{
                "line": 2, "item": "walking_boot", "code": "L4361",
                "description": "Walking boot (pneumatic, prefabricated)", "price": "cash",
                "old": 16500, "new": 17000, "old_dollars": "$165.00", "new_dollars": "$170.00",
                "path": "walking_boot.price_cents", "warning": null
            }],
            "rejected": [{
                "line": 3, "item": "", "code": "99215",
                "reason": "unknown code: no item in the price book has the code \"99215\""
            }]
        })
    );
}

/// Every amount field of the book (`Kind::Money`, by its type) at its path in `value`, with the
/// field's declaration: found from the schema, not from the roles the fee schedule uses.
fn amounts(
    fields: &'static [Field],
    value: &Value,
    path: &str,
    found: &mut Vec<(String, &'static Field)>,
) {
    let Value::Object(entries) = value else {
        return;
    };
    for declared in fields {
        let Some((_, value)) = entries.iter().find(|(key, _)| key == declared.key) else {
            continue;
        };
        let path = match path {
            "" => declared.key.to_owned(),
            _ => format!("{path}.{}", declared.key),
        };
        match &declared.kind {
            Kind::Money => found.push((path, declared)),
            Kind::Group { fields } => amounts(fields, value, &path, found),
            Kind::List { fields, .. } => {
                if let Value::Array(items) = value {
                    for (i, item) in items.iter().enumerate() {
                        amounts(fields, item, &format!("{path}[{i}]"), found);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Every amount the book declares: a price in the fee schedule (`cash_price()`, `allowed()`) or a
/// term of something (`term()`), so a price added to the document without saying which fails here
/// rather than silently dropping out of the spreadsheet.
#[test]
fn every_amount_is_declared_a_price_or_a_term() {
    fn undeclared(fields: &'static [Field], path: &str, found: &mut Vec<String>) {
        for declared in fields {
            let path = format!("{path}.{}", declared.key);
            match &declared.kind {
                Kind::Money if declared.role == Role::None => found.push(path),
                Kind::Group { fields } | Kind::List { fields, .. } => {
                    undeclared(fields, &path, found)
                }
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    undeclared(schema::BOOK, "", &mut found);
    assert_eq!(found, Vec::<String>::new());
}

/// Every amount of a book with every priced part (the sample, which has partners, with package
/// prices in place of its percent-off discount) that is not a term is a row of its fee schedule:
/// each, raised by a cent in a copy's export, comes back as a change at its own path.
#[test]
fn every_price_of_a_full_book_is_in_the_fee_schedule() {
    let mut book = sample();
    let packages = Value::from_json(
        r#"{ "kind": "package_prices", "label": "Package price",
             "packages": [{ "product": "amnion_1ml", "injections": 3, "price_cents": 330000 }] }"#,
    )
    .unwrap();
    if let Value::Object(entries) = &mut book {
        let discounts = entries
            .iter_mut()
            .find(|(key, _)| key == "discounts")
            .unwrap();
        if let Value::Object(discounts) = &mut discounts.1 {
            discounts
                .iter_mut()
                .find(|(key, _)| key == "multi_injection")
                .unwrap()
                .1 = packages;
        }
    }
    PriceBook::from_value(&book).expect("still a valid book");
    let mut found = Vec::new();
    amounts(schema::BOOK, &book, "", &mut found);
    let prices: Vec<String> = found
        .iter()
        .filter(|(_, declared)| declared.role != Role::Term)
        .map(|(path, _)| path.clone())
        .collect();
    // 17 items of the sample (the table at the top), 6 of them therapy with an allowed amount too,
    // and the package: 17 + 6 + 1 = 24 prices.
    assert_eq!(prices.len(), 24, "{prices:#?}");
    assert!(prices.contains(&"discounts.multi_injection.packages[0].price_cents".to_owned()));

    let mut raised = book.clone();
    let changes: Vec<PriceChange> = prices
        .iter()
        .map(|path| PriceChange {
            line: 0,
            item: String::new(),
            code: String::new(),
            description: String::new(),
            price: PriceKind::Cash,
            old: Cents::ZERO,
            new: Cents::new(price_at(&book, path) + 1),
            old_dollars: String::new(),
            new_dollars: String::new(),
            path: path.clone(),
            warning: None,
        })
        .collect();
    apply(&mut raised, &changes);
    let import = import_csv(&book, &export_csv(&raised));
    assert_eq!(reasons(&import), []);
    let mut changed: Vec<String> = import.changes.iter().map(|c| c.path.clone()).collect();
    let mut expected = prices.clone();
    changed.sort();
    expected.sort();
    assert_eq!(changed, expected);
}

/// The whole cents at `path` (`products[0].price_cents`) in `book`.
fn price_at(book: &Value, path: &str) -> i64 {
    let mut here = book;
    for part in path.split('.') {
        let (key, index) = part.split_once('[').unwrap_or((part, ""));
        let Value::Object(entries) = here else {
            panic!("{path}")
        };
        here = &entries.iter().find(|(k, _)| k == key).unwrap().1;
        if let Some(index) = index.strip_suffix(']') {
            let Value::Array(items) = here else {
                panic!("{path}")
            };
            here = &items[index.parse::<usize>().unwrap()];
        }
    }
    match here {
        Value::Integer(cents) => *cents,
        _ => panic!("{path} is not whole cents"),
    }
}

#[test]
fn a_likely_mistake_in_the_spreadsheet_is_said_in_the_preview_before_apply() {
    // The office manager's walk-through: a boot at 1000000 and a PT session at 11, which the
    // preview listed as ordinary changes.
    let import = import_csv(
        &sample(),
        "item,code,cash price\n\
         walking_boot,L4361,1000000\n\
         physical_therapy.session,97110,11\n\
         follow_up,99213,125.00\n",
    );
    let said: Vec<(&str, Option<&str>)> = import
        .changes
        .iter()
        .map(|change| (change.path.as_str(), change.warning.as_deref()))
        .collect();
    // 1000000 dollars is over a walking boot's $2,000.00; 11 dollars under therapy's $20.00;
    // $125.00 for a follow-up visit is inside an extra's $5.00 to $10,000.00.
    assert_eq!(
        said,
        [
            (
                "walking_boot.price_cents",
                Some("is $1,000,000.00, high for a walking boot (over $2,000.00): check for extra zeros")
            ),
            (
                "physical_therapy.session.cash_price_cents",
                Some("is $11.00, low for physical therapy (under $20.00): check for a missing digit")
            ),
            ("extras[0].price_cents", None),
        ]
    );
}
