//! The spreadsheet exports as served: a hostile offer title never becomes a formula (CSV:
//! leading apostrophe, XLSX: a string cell), and the timetable's times are Excel times.
//! Read back with the `csv` and `calamine` crates.

mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::{TestApp, sample_offer};
use lernweg_domain::Role;
use lernweg_store::Actor;

const HOSTILE: &str = "=HYPERLINK(\"https://evil.example\";\"Klick\")";

async fn get(app: &TestApp, path: &str) -> bytes::Bytes {
    let res = TestApp::client()
        .get(app.url(path))
        .bearer_auth(app.token(Role::Coordinator))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.bytes().await.unwrap()
}

#[tokio::test]
async fn served_spreadsheets_hold_no_formulas_and_real_times() {
    let app = TestApp::spawn().await;
    let mut offer = sample_offer();
    offer.title = HOSTILE.to_owned();
    app.state
        .store
        .create_offer(&Actor::system(), app.p1.id, offer)
        .await
        .unwrap();

    let csv_bytes = get(&app, "/api/v1/exports/offers.csv").await;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&csv_bytes[3..]);
    let titles: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
    assert!(titles.contains(&format!("'{HOSTILE}")), "{titles:?}");
    assert!(titles.iter().all(|t| !t.starts_with('=')));

    let xlsx = get(&app, "/api/v1/exports/offers.xlsx").await;
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(xlsx.to_vec())).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    assert_eq!(
        wb.worksheet_formula(&sheet).unwrap().used_cells().count(),
        0
    );
    let range = wb.worksheet_range(&sheet).unwrap();
    assert!(
        range
            .rows()
            .any(|row| row[0] == Data::String(HOSTILE.to_owned())),
        "the title is a string cell, as typed"
    );

    let path = format!("/api/v1/cohorts/{}/timetable.xlsx", app.cohort.id);
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(get(&app, &path).await.to_vec())).unwrap();
    let sheet = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&sheet).unwrap();
    let sessions = app.state.store.timetable(app.cohort.id).await.unwrap();
    let start = sessions[0].start.expect("a clock time");
    match range.get_value((1, 2)) {
        Some(Data::DateTime(t)) => assert_eq!(
            t.as_f64(),
            f64::from(start.minutes()) / (24.0 * 60.0),
            "the start as a fraction of the day"
        ),
        other => panic!("expected an Excel time, got {other:?}"),
    }
}
