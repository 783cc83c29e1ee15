mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, FixedOffset};
use common::*;
use lernweg_offers::classify;
use lernweg_offers::export::cohort::service_from_plan;
use lernweg_offers::export::csv::{offers_csv, timetable_csv};
use lernweg_offers::export::openqcat::{CatalogExport, Supplier, write_catalog};
use lernweg_offers::export::xlsx::{offers_xlsx, timetable_xlsx};

fn label(id: &str) -> String {
    id.to_owned()
}

fn catalog() -> String {
    let o = offer();
    let p = plan_of(&o, date(2027, 1, 11), None);
    let c = classify(&o, Some(&p));
    let mut service = service_from_plan(&o, &p, &c, "K-2027-01", "A-17");
    service.title = "Fachsprache Pflege <berufsbegleitend> & mehr".into();
    let export = CatalogExport {
        supplier: Supplier {
            id: "123456".into(),
            name: "Bildungsträger Süd gGmbH".into(),
            street: "Hauptstraße 1".into(),
            zip: "80331".into(),
            city: "München".into(),
            phone: "+49 89 123456".into(),
            email: "info@traeger.example".into(),
            url: "https://traeger.example".into(),
        },
        catalog_id: "lernweg-123456-2026-11-24".into(),
        generation_date: DateTime::<FixedOffset>::parse_from_rfc3339("2026-11-24T10:15:00+01:00")
            .unwrap(),
        services: vec![service],
    };
    write_catalog(&export).unwrap()
}

fn children<'a>(n: roxmltree::Node<'a, 'a>) -> Vec<&'a str> {
    n.children()
        .filter(|c| c.is_element())
        .map(|c| c.tag_name().name())
        .collect()
}

fn child<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> roxmltree::Node<'a, 'a> {
    n.children()
        .find(|c| c.tag_name().name() == name)
        .unwrap_or_else(|| panic!("{} has no {name}", n.tag_name().name()))
}

fn text<'a>(n: roxmltree::Node<'a, 'a>, path: &str) -> &'a str {
    let mut cur = n;
    for p in path.split('/') {
        cur = child(cur, p);
    }
    cur.text().unwrap_or("")
}

#[test]
fn openqcat_structure_order_and_values() {
    let xml = catalog();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "OPENQCAT");
    assert_eq!(root.attribute("version"), Some("1.1"));
    assert_eq!(children(root), ["HEADER", "NEW_CATALOG"]);

    let header = child(root, "HEADER");
    assert_eq!(
        children(header),
        ["GENERATOR_INFO", "CATALOG", "RECIPIENT", "SUPPLIER"]
    );
    assert_eq!(text(header, "CATALOG/LANGUAGE"), "deu");
    assert_eq!(text(header, "CATALOG/CATALOG_VERSION"), "Vers_KURSNET");
    assert_eq!(
        text(header, "CATALOG/GENERATION_DATE"),
        "2026-11-24T10:15:00+01:00"
    );
    assert_eq!(text(header, "RECIPIENT/RECIPIENT_ID"), "BA");
    assert_eq!(text(header, "SUPPLIER/SUPPLIER_ID"), "123456");
    assert_eq!(
        child(child(header, "SUPPLIER"), "SUPPLIER_ID").attribute("type"),
        Some("supplier_specific")
    );
    assert_eq!(text(header, "SUPPLIER/ADDRESS/CITY"), "München");
    assert_eq!(
        text(header, "SUPPLIER/ADDRESS/EMAILS/EMAIL"),
        "info@traeger.example"
    );

    let services: Vec<_> = child(root, "NEW_CATALOG")
        .children()
        .filter(|c| c.is_element())
        .collect();
    assert_eq!(services.len(), 1);
    let s = services[0];
    assert_eq!(
        children(s),
        ["PRODUCT_ID", "SUPPLIER_ID_REF", "SERVICE_DETAILS"]
    );
    assert_eq!(text(s, "PRODUCT_ID"), "K-2027-01");
    assert_eq!(text(s, "SUPPLIER_ID_REF"), "123456");
    let d = child(s, "SERVICE_DETAILS");
    assert_eq!(
        children(d),
        [
            "TITLE",
            "DESCRIPTION_LONG",
            "CONTACT",
            "SERVICE_DATE",
            "KEYWORD",
            "KEYWORD",
            "KEYWORD",
            "TARGET_GROUP",
            "SERVICE_MODULE"
        ]
    );
    assert_eq!(
        text(d, "TITLE"),
        "Fachsprache Pflege <berufsbegleitend> & mehr",
        "escaped and read back"
    );
    assert!(xml.contains("&lt;berufsbegleitend&gt; &amp; mehr"));
    assert_eq!(text(d, "CONTACT/FIRST_NAME"), "Aylin");
    assert_eq!(text(d, "CONTACT/LAST_NAME"), "Demir");
    assert_eq!(
        text(d, "SERVICE_DATE/START_DATE"),
        "2027-01-12T00:00:00+01:00"
    );
    assert!(text(d, "SERVICE_DATE/END_DATE").starts_with("2027-"));
    assert_eq!(
        text(d, "TARGET_GROUP/TARGET_GROUP_TEXT"),
        "Pflegefachkräfte mit teilweiser Anerkennung"
    );

    let edu = child(child(d, "SERVICE_MODULE"), "EDUCATION");
    assert_eq!(edu.attribute("type"), Some("true"));
    assert_eq!(
        children(edu),
        [
            "COURSE_ID",
            "DEGREE",
            "EXTENDED_INFO",
            "MODULE_COURSE",
            "MODULE_COURSE"
        ]
    );
    assert_eq!(
        text(edu, "DEGREE/DEGREE_TITLE"),
        "Zertifikat Fachsprache Pflege"
    );
    let ext = child(edu, "EXTENDED_INFO");
    assert_eq!(
        children(ext),
        ["INSTRUCTION_FORM", "INSTRUCTION_TIME", "EXTRA_OCCUPATIONAL"]
    );
    assert_eq!(text(ext, "INSTRUCTION_FORM"), "Blended Learning");
    assert_eq!(child(ext, "INSTRUCTION_TIME").attribute("type"), Some("2"));
    assert_eq!(text(ext, "INSTRUCTION_TIME"), "Teilzeit");
    assert_eq!(text(ext, "EXTRA_OCCUPATIONAL"), "true");

    let m: Vec<_> = edu
        .children()
        .filter(|c| c.tag_name().name() == "MODULE_COURSE")
        .collect();
    assert_eq!(
        children(m[0]),
        [
            "START_DATE",
            "END_DATE",
            "LOCATION",
            "DURATION",
            "INSTRUCTION_REMARKS",
            "FLEXIBLE_START",
            "MAX_PARTICIPANTS"
        ]
    );
    assert_eq!(text(m[0], "DURATION"), "30");
    assert_eq!(text(m[1], "DURATION"), "24");
    assert_eq!(text(m[0], "INSTRUCTION_REMARKS"), "Fachsprache");
    assert_eq!(text(m[0], "LOCATION/ZIP"), "80331");
    assert_eq!(text(m[0], "LOCATION/BARRIER_FREE_LOCATION"), "true");
    assert_eq!(text(m[0], "MAX_PARTICIPANTS"), "16");
    assert!(text(m[0], "END_DATE") <= text(m[1], "START_DATE"));
}

#[test]
fn not_part_time_is_full_time_in_openqcat() {
    let o = offer_with(
        serde_json::json!({"goal": "compensation_measure", "company_measure_only": true}),
    );
    let p = plan_of(&o, date(2027, 1, 11), None);
    let c = classify(&o, Some(&p));
    let s = service_from_plan(&o, &p, &c, "1", "1");
    assert!(!s.part_time && !s.extra_occupational);
}

#[test]
fn csv_for_german_excel() {
    let o = offer();
    let c = classify(&o, None);
    let csv = offers_csv(&[(&o, Some(&c))], &label).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    let body = &csv['\u{feff}'.len_utf8()..];
    let lines: Vec<&str> = body.split("\r\n").collect();
    assert_eq!(lines.len(), 3, "header, one row, empty after the last CRLF");
    assert!(lines[0].starts_with("offers-col-title;offers-col-slug;offers-col-goal;"));
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.as_bytes());
    let headers = r.headers().unwrap().clone();
    let row = r.records().next().unwrap().unwrap();
    let col = |name: &str| {
        let i = headers
            .iter()
            .position(|h| h == format!("offers-col-{name}"))
            .unwrap();
        row.get(i).unwrap().to_owned()
    };
    assert_eq!(col("title"), "Fachsprache Pflege berufsbegleitend");
    assert_eq!(col("goal"), "offers-goal-adaptation_qualification");
    assert_eq!(col("hours"), "54");
    assert_eq!(col("costs_eur"), "0");
    assert_eq!(col("classification"), "offers-class-asynchronous");

    let p = plan_of(&o, date(2027, 1, 11), None);
    let t = timetable_csv(&p, &label).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&t.as_bytes()['\u{feff}'.len_utf8()..]);
    let rows: Vec<_> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), p.sessions.len());
    assert_eq!(&rows[0][0], "12.01.2027");
    assert_eq!(&rows[0][1], "offers-weekday-tue");
    assert_eq!(&rows[0][5], "offers-session-kickoff");
    assert!(rows.iter().any(|r| r[4].contains(',')) || rows.iter().all(|r| !r[4].contains('.')));
}

#[test]
fn xlsx_read_back() {
    let o = offer();
    let bytes = offers_xlsx(&[(&o, None)], "Angebote", &label).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range("Angebote").unwrap();
    assert_eq!(
        range.get_value((0, 0)),
        Some(&Data::String("offers-col-title".into()))
    );
    assert_eq!(
        range.get_value((1, 0)),
        Some(&Data::String("Fachsprache Pflege berufsbegleitend".into()))
    );
    assert_eq!(range.get_value((1, 8)), Some(&Data::Float(54.0)));
    assert_eq!(range.get_value((1, 14)), Some(&Data::Float(16.0)));

    let p = plan_of(&o, date(2027, 1, 11), None);
    let bytes = timetable_xlsx(&p, "Termine", &label).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range("Termine").unwrap();
    assert_eq!(range.height(), p.sessions.len() + 1);
    match range.get_value((1, 0)) {
        Some(Data::DateTime(dt)) => {
            // Excel serial days since 1899-12-30.
            let serial = (date(2027, 1, 12) - date(1899, 12, 30)).num_days() as f64;
            assert_eq!(dt.as_f64(), serial);
        }
        other => panic!("expected a date, got {other:?}"),
    }
}
