mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::*;
use lernweg_offers::classify;
use lernweg_offers::export::csv::{offers_csv, timetable_csv};
use lernweg_offers::export::xlsx::{offers_xlsx, timetable_xlsx};

fn label(id: &str) -> String {
    id.to_owned()
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
