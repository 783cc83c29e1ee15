//! Choosing the time model while a cohort is planned (issue 13, point 3, the comparison that
//! was only in the CLI): the API and the draft cohort page compare every time model from the
//! cohort's start, with the recommendation and its reasons.

mod common;

use common::{TestApp, api_call};
use lernweg_domain::Role;
use serde_json::json;

#[tokio::test]
async fn a_draft_compares_every_time_model_with_a_recommendation() {
    let app = TestApp::spawn().await;
    let path = format!("/api/v1/cohorts/{}/time-models", app.cohort.id);
    let (status, c) = api_call(&app, Role::Trainer, "GET", &path, None).await;
    assert_eq!(status, 200, "{c}");
    let options = c["options"].as_array().unwrap();
    assert!(options.len() >= 3, "{c}");
    let models: Vec<&str> = options
        .iter()
        .map(|o| o["time_model"].as_str().unwrap())
        .collect();
    assert!(models.contains(&"evening_course"), "{models:?}");
    assert!(models.contains(&c["recommended"].as_str().unwrap()));
    assert!(!c["reasons"].as_array().unwrap().is_empty());
    for o in options {
        assert!(o["end_date"].as_str().unwrap() >= "2027-03-02", "{o}");
        assert!(o["avg_weekly_hours"].as_f64().unwrap() > 0.0);
    }
    // The offer's own time model is planned with the offer's parameters.
    let evening = options
        .iter()
        .find(|o| o["time_model"] == "evening_course")
        .unwrap();
    assert_eq!(evening["from_offer"], true);

    let (client, _) = app.login("coordinator@test.example").await;
    let page = format!("/verwaltung/durchgaenge/{}", app.cohort.id);
    let html = client
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Zeitmodelle im Vergleich"), "{html}");
    assert!(html.contains("Empfehlung: "));
    assert!(html.contains("Abendkurs"));

    // Once published the time model is settled: the comparison leaves the page.
    let (status, _) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{}/status", app.cohort.id),
        Some(json!({"status": "published"})),
    )
    .await;
    assert_eq!(status, 200);
    let html = client
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains("Zeitmodelle im Vergleich"));
    let (status, _) = api_call(&app, Role::Participant, "GET", &path, None).await;
    assert_eq!(status, 403);
}
