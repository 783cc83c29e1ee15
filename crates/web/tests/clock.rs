//! The one clock: a test sets the day, and the page and the API read "today" from the same
//! injected clock (Europe/Berlin), so both show the same loan as overdue — and both stop
//! doing so when the clock is moved back.

mod common;

use chrono::NaiveDate;
use common::{Options, TestApp};
use lernweg_domain::Role;
use lernweg_store::{Actor, NewDevice, NewLoan};
use serde_json::Value;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

async fn api_overdue(app: &TestApp) -> bool {
    let list: Value = TestApp::client()
        .get(app.url("/api/v1/loans"))
        .bearer_auth(app.token(Role::Coordinator))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let loans = list["items"].as_array().expect("a list of loans");
    assert_eq!(loans.len(), 1, "{list}");
    loans[0]["overdue"].as_bool().unwrap()
}

async fn page_overdue(app: &TestApp, client: &reqwest::Client) -> bool {
    let res = client
        .get(app.url("/verwaltung/leihgeraete"))
        .send()
        .await
        .unwrap();
    // The loans page itself, not the login form after a lost session.
    assert_eq!(res.status(), 200);
    assert!(res.url().path().ends_with("/leihgeraete"), "{}", res.url());
    let html = res.text().await.unwrap();
    !html.contains("Keine Ausleihe ist überfällig.")
}

#[tokio::test]
async fn page_and_api_read_today_from_the_same_injected_clock() {
    let app = TestApp::spawn_with(Options {
        today: Some(day("2027-03-10")),
        ..Options::default()
    })
    .await;
    assert_eq!(app.state.app.today(), day("2027-03-10"));
    let store = &app.state.store;
    let device = store
        .create_device(
            &Actor::system(),
            app.p1.id,
            NewDevice {
                kind: "laptop".into(),
                label: "Laptop 7".into(),
                serial: "L7".into(),
                note: String::new(),
            },
        )
        .await
        .unwrap();
    store
        .lend_device(
            &Actor::system(),
            NewLoan {
                device_id: device.id.clone(),
                participant_id: app.participant,
                lent_on: day("2027-02-20"),
                due_on: day("2027-03-09"),
                note: String::new(),
            },
        )
        .await
        .unwrap();
    let (client, _) = app.login("coordinator@test.example").await;

    // Due yesterday by the app's clock: overdue on both ways in.
    assert!(api_overdue(&app).await);
    assert!(page_overdue(&app, &client).await);

    // The test moves the day back: due tomorrow, overdue on neither.
    app.state.app.clock.set_day(day("2027-03-08"));
    assert!(!api_overdue(&app).await);
    assert!(!page_overdue(&app, &client).await);
}
