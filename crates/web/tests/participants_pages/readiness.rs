//! The readiness check pages: the health fieldset only with consent, lights and actions,
//! the changes since the check before.

use lernweg_participants::ConsentScope;

use super::common::TestApp;
use super::{assert_no_raw_keys, detail, get, post};

pub(crate) async fn check(
    client: &reqwest::Client,
    app: &TestApp,
    csrf: &str,
    form: &[(&str, &str)],
) -> String {
    let mut all = vec![("csrf", csrf)];
    all.extend_from_slice(form);
    let (status, location, body) =
        post(client, app, &format!("{}/eignungscheck", detail(app)), &all).await;
    assert_eq!(status, 303, "{body}");
    let (status, html) = get(client, app, &location).await;
    assert_eq!(status, 200);
    html
}

#[tokio::test]
async fn readiness_check_hides_health_without_consent_and_shows_changes() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let path = format!("{}/eignungscheck", detail(&app));
    let (status, html) = get(&client, &app, &path).await;
    assert_eq!(status, 200);
    assert!(
        !html.contains("name=\"health\""),
        "health hidden without consent"
    );
    assert!(html.contains("Fragen zur Gesundheit sind ausgeblendet"));
    assert!(html.contains("Wie viele Stunden pro Woche sind frei zum Lernen?"));
    // Health answers without consent are refused.
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &[("csrf", &csrf), ("health", "strained")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Angaben zur Gesundheit sind nur mit Einwilligung erlaubt."));
    // First check: no device, little time, childcare missing.
    let first = check(
        &client,
        &app,
        &csrf,
        &[
            ("free_hours", "3"),
            ("commute", "30"),
            ("childcare", "no"),
            ("device", "none"),
            ("internet", "yes"),
            ("quiet_place", "no"),
            ("job_relates", "yes"),
            ("income", "tight"),
            ("debts", "yes"),
        ],
    )
    .await;
    assert!(first.contains("Rot: braucht eine Lösung"), "light as text");
    assert!(first.contains("Grün: passt"));
    assert!(
        first.contains("Besser jetzt noch nicht starten."),
        "three reds → pause"
    );
    assert!(first.contains("Ein Gerät ausleihen."));
    assert!(first.contains("An eine Schuldnerberatung verweisen."));
    assert!(first.contains("Nur 3 Stunden pro Woche sind frei."));
    assert!(!first.contains("Änderungen seit"));
    // Consent for health data: the health fieldset appears.
    let today = chrono::Local::now().date_naive().to_string();
    let (status, _, _) = post(
        &client,
        &app,
        &format!("{}/einwilligungen", detail(&app)),
        &[
            ("csrf", &csrf),
            ("scope", "health_data"),
            ("given_on", &today),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = get(&client, &app, &path).await;
    assert!(html.contains("name=\"health\""));
    assert!(!html.contains("Fragen zur Gesundheit sind ausgeblendet"));
    assert_no_raw_keys(&html);
    // Second check: device lent, childcare settled.
    let second = check(
        &client,
        &app,
        &csrf,
        &[
            ("free_hours", "10"),
            ("commute", "30"),
            ("childcare", "yes"),
            ("device", "own"),
            ("internet", "yes"),
            ("quiet_place", "yes"),
            ("job_relates", "yes"),
            ("income", "ok"),
            ("health", "good"),
        ],
    )
    .await;
    assert!(second.contains("Änderungen seit dem Check vom"));
    assert!(second.contains("Besser"));
    assert!(second.contains("Neu beantwortet"), "health answered now");
    assert!(second.contains("Die Teilnahme passt gut."));
    assert_no_raw_keys(&first);
    assert_no_raw_keys(&second);
    // With the offer's weekly hours, the time is measured against the offer.
    let third = check(
        &client,
        &app,
        &csrf,
        &[
            ("free_hours", "9"),
            ("offer_hours", "10"),
            ("health", "good"),
        ],
    )
    .await;
    assert!(third.contains("9 Stunden pro Woche sind frei. Das Angebot braucht 10 Stunden."));
    assert!(third.contains("Besser ein längeres Zeitmodell wählen."));
    assert!(third.contains("Schlechter"), "time got worse");
    let (_, html) = get(&client, &app, &detail(&app)).await;
    assert!(html.contains("Eignungs- und Belastungschecks"));
    assert_eq!(
        html.matches("/eignungscheck/").count(),
        3,
        "three earlier checks listed"
    );
    // Withdrawing the consent hides the health questions again.
    let consent = app
        .state
        .store
        .consents(app.participant)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.scope == ConsentScope::HealthData)
        .unwrap();
    let (status, _, _) = post(
        &client,
        &app,
        &format!("{}/einwilligungen/{}/widerrufen", detail(&app), consent.id),
        &[("csrf", &csrf)],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = get(&client, &app, &path).await;
    assert!(!html.contains("name=\"health\""));
}
