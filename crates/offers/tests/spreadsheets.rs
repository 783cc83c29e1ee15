//! Spreadsheet exports as a spreadsheet program reads them: no text becomes a formula (CSV
//! cells get a leading apostrophe, XLSX cells are quote-prefixed strings), and times in XLSX
//! are Excel times. Read back with the `csv` and `calamine` crates and pinned with insta.

mod common;

use std::fmt::Write as _;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::*;
use lernweg_offers::export::csv::{offers_csv, timetable_csv};
use lernweg_offers::export::xlsx::{offers_xlsx, timetable_xlsx};
use lernweg_offers::{Offer, classify};
use serde_json::json;

fn label(id: &str) -> String {
    id.to_owned()
}

/// An offer whose texts a malicious or careless author filled with formula starters.
fn hostile_offer() -> Offer {
    offer_with(json!({
        "title": "=HYPERLINK(\"https://evil.example\";\"Klick\")",
        "target_group": "+49 fragt nach: -Pflegekräfte",
        "contact_name": "@Hilfe Team",
        "contact_email": "pflege@traeger.example",
    }))
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("BOM");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// A sheet as calamine reads it: one line per row, each cell with its type.
fn sheet_dump(bytes: Vec<u8>, sheet: &str) -> String {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert!(
        wb.worksheet_formula(sheet).unwrap().used_cells().count() == 0,
        "no formulas at all"
    );
    let range = wb.worksheet_range(sheet).unwrap();
    let mut out = String::new();
    for row in range.rows() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Data::String(s) => format!("s:{s:?}"),
                Data::Float(x) => format!("n:{x}"),
                Data::DateTime(d) => format!("t:{}", d.as_f64()),
                Data::Empty => "-".to_owned(),
                other => format!("?:{other:?}"),
            })
            .collect();
        writeln!(out, "{}", cells.join(" | ")).unwrap();
    }
    out
}

#[test]
fn csv_cells_never_start_a_formula() {
    let o = hostile_offer();
    let c = classify(&o, None);
    let text = offers_csv(&[(&o, Some(&c))], &label).unwrap();
    let rows = csv_rows(&text);
    let col = |name: &str| {
        let i = rows[0]
            .iter()
            .position(|h| h == &format!("offers-col-{name}"))
            .unwrap();
        rows[1][i].clone()
    };
    assert_eq!(
        col("title"),
        "'=HYPERLINK(\"https://evil.example\";\"Klick\")"
    );
    assert_eq!(col("target_group"), "'+49 fragt nach: -Pflegekräfte");
    assert_eq!(col("contact"), "'@Hilfe Team");
    assert_eq!(
        col("email"),
        "pflege@traeger.example",
        "an @ inside is harmless"
    );
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
    insta::assert_snapshot!("offers_csv_neutralised", text.replace("\r\n", "⏎\n"));
}

/// The XML part `name` of an XLSX package.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
    xml
}

#[test]
fn xlsx_text_that_looks_like_a_formula_is_quote_prefixed() {
    let o = hostile_offer();
    let bytes = offers_xlsx(&[(&o, None)], "Angebote", &label).unwrap();
    let styles = part(&bytes, "xl/styles.xml");
    let styles = roxmltree::Document::parse(&styles).unwrap();
    let quoted: Vec<bool> = styles
        .descendants()
        .find(|n| n.has_tag_name("cellXfs"))
        .unwrap()
        .children()
        .filter(|n| n.has_tag_name("xf"))
        .map(|xf| xf.attribute("quotePrefix") == Some("1"))
        .collect();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let sheet = roxmltree::Document::parse(&sheet).unwrap();
    let cell = |r: &str| {
        sheet
            .descendants()
            .find(|n| n.has_tag_name("c") && n.attribute("r") == Some(r))
            .unwrap()
    };
    let is_quoted = |r: &str| {
        let c = cell(r);
        assert!(
            !c.children().any(|n| n.has_tag_name("f")),
            "{r}: no formula"
        );
        assert_eq!(c.attribute("t"), Some("s"), "{r}: a string");
        let style: usize = c.attribute("s").unwrap_or("0").parse().unwrap();
        quoted[style]
    };
    // Title (A), target group (E) and contact (P) start like formulas; the slug (B) does not.
    assert!(is_quoted("A2") && is_quoted("E2") && is_quoted("P2"));
    assert!(!is_quoted("B2") && !is_quoted("Q2"));
}

#[test]
fn xlsx_stores_text_as_text_and_times_as_excel_times() {
    let o = hostile_offer();
    let dump = sheet_dump(
        offers_xlsx(&[(&o, None)], "Angebote", &label).unwrap(),
        "Angebote",
    );
    assert!(dump.contains("s:\"=HYPERLINK(\\\"https://evil.example\\\";\\\"Klick\\\")\""));
    insta::assert_snapshot!("offers_xlsx_cells", dump);

    let p = plan_of(&o, date(2027, 1, 11), None);
    let bytes = timetable_xlsx(&p, "Termine", &label).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    let range = wb.worksheet_range("Termine").unwrap();
    let first = &p.sessions[0];
    let start = first.start.expect("the kick-off has a clock time");
    match range.get_value((1, 2)) {
        Some(Data::DateTime(t)) => {
            assert!(t.is_datetime(), "a date/time number format");
            assert_eq!(t.as_f64(), f64::from(start.minutes()) / (24.0 * 60.0));
        }
        other => panic!("expected an Excel time, got {other:?}"),
    }
    let dump = sheet_dump(bytes, "Termine");
    let head: String = dump.lines().take(4).map(|l| format!("{l}\n")).collect();
    insta::assert_snapshot!("timetable_xlsx_first_rows", head);

    // The CSV of the same timetable shows the times as HH:MM.
    let rows = csv_rows(&timetable_csv(&p, &label).unwrap());
    assert_eq!(rows[1][2], start.to_string());
}
