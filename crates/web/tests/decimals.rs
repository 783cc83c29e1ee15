//! One decimal parser on every way in: the participant form and `POST /api/v1/participants`
//! read "1.234,5", "38,5" and "38.5" alike (`lernweg_domain::decimal::parse`) and refuse "1e3".

mod common;

use common::{TestApp, api_call};
use lernweg_domain::Role;
use serde_json::json;

/// What became of the weekly hours: accepted, or refused with this error code.
#[derive(Debug, PartialEq)]
enum Hours {
    Accepted,
    Refused(&'static str),
}

async fn through_the_api(app: &TestApp, raw: &str) -> Hours {
    // No given name: the request is refused either way, so nothing is stored.
    let (status, body) = api_call(
        app,
        Role::Coordinator,
        "POST",
        "/api/v1/participants",
        Some(json!({"given_name": "", "family_name": "Kovalenko", "weekly_hours": raw})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let errors = body["errors"].as_array().expect("field errors");
    match errors.iter().find(|e| e["field"] == "weekly_hours") {
        None => Hours::Accepted,
        Some(e) => match e["code"].as_str() {
            Some("out_of_range") => Hours::Refused("out_of_range"),
            Some("not_a_number") => Hours::Refused("not_a_number"),
            other => panic!("unexpected code {other:?}"),
        },
    }
}

async fn through_the_form(app: &TestApp, raw: &str) -> Hours {
    let (client, csrf) = app.login("counsellor@test.example").await;
    let counsellor = app.user(Role::Counsellor).id.to_string();
    let res = client
        .post(app.url("/verwaltung/teilnehmende"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("given_name", ""),
            ("family_name", "Kovalenko"),
            ("weekly_hours", raw),
            ("contact_person", &counsellor),
            ("consent_date", "2026-01-05"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    if html.contains("Die Wochenstunden müssen zwischen") {
        Hours::Refused("out_of_range")
    } else if html.contains("ist keine Zahl") {
        Hours::Refused("not_a_number")
    } else {
        Hours::Accepted
    }
}

#[tokio::test]
async fn the_form_and_the_api_read_numbers_the_same_way() {
    let app = TestApp::spawn().await;
    for (raw, expected) in [
        ("38,5", Hours::Accepted),
        ("38.5", Hours::Accepted),
        ("1.234,5", Hours::Refused("out_of_range")),
        ("1e3", Hours::Refused("not_a_number")),
        ("NaN", Hours::Refused("not_a_number")),
    ] {
        assert_eq!(through_the_api(&app, raw).await, expected, "API: {raw}");
        assert_eq!(through_the_form(&app, raw).await, expected, "form: {raw}");
    }
}
