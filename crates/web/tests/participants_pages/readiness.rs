//! The readiness check pages: the health fieldset only with consent, lights and actions,
//! the changes since the check before.

use lernweg_participants::ConsentScope;

use super::common::{self, TestApp};
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

/// German number as the form shows it: at most one decimal, with a comma.
fn de_hours(h: f64) -> String {
    let s = if h.fract() == 0.0 {
        format!("{}", h as i64)
    } else {
        format!("{h:.1}")
    };
    s.replace('.', ",")
}

#[tokio::test]
async fn the_form_takes_the_offer_hours_from_the_current_cohort() {
    use lernweg_store::{Actor, NewCohort, NewSession};

    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let path = format!("{}/eignungscheck", detail(&app));
    let spring =
        common::planned_weekly_hours(&app.offer.offer, app.cohort.start_date, app.cohort.state);
    let spring_text = de_hours(spring);

    // The participant is interested in the fixture cohort: its hours are prefilled and the
    // hint names the cohort.
    let (status, html) = get(&client, &app, &path).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!(
            "name=\"offer_hours\" inputmode=\"decimal\" value=\"{spring_text}\""
        )),
        "{html}"
    );
    assert!(html.contains(&format!(
        "Aus dem Stundenplan des Durchgangs „Frühjahr 2027“ (Interessiert): im Schnitt {spring_text} Stunden pro Woche"
    )));
    let cohort = app.cohort.id.to_string();
    assert!(html.contains(&format!("name=\"cohort_id\" value=\"{cohort}\"")));
    assert_no_raw_keys(&html);

    // Saved as prefilled: the result is measured against the cohort's hours, and they are kept.
    let result = check(
        &client,
        &app,
        &csrf,
        &[
            ("free_hours", "1"),
            ("offer_hours", &spring_text),
            ("cohort_id", &cohort),
        ],
    )
    .await;
    assert!(result.contains(&format!(
        "Gemessen an {spring_text} Stunden pro Woche für den Durchgang „Frühjahr 2027“."
    )));
    assert!(
        result.contains(&format!(
            "1 Stunden pro Woche sind frei. Das Angebot braucht {spring_text} Stunden."
        )),
        "{result}"
    );
    let kept = app
        .state
        .store
        .readiness_checks(app.participant)
        .await
        .unwrap();
    assert_eq!(kept[0].offer_hours, Some(spring));
    assert_eq!(kept[0].cohort_id, Some(app.cohort.id));

    // A more advanced enrolment in a second cohort becomes the current one; the first is
    // offered as a link that opens the form with its hours.
    let actor = Actor::system();
    let start = chrono::NaiveDate::from_ymd_opt(2027, 9, 7).unwrap();
    let plan = lernweg_planner::plan(
        &app.offer.offer.to_spec(start, app.cohort.state),
        &Default::default(),
    )
    .unwrap();
    let sessions: Vec<NewSession> = plan.sessions.iter().map(NewSession::from_planned).collect();
    let autumn = app
        .state
        .store
        .create_cohort(
            &actor,
            NewCohort {
                planning: Default::default(),
                offer_id: app.offer.id,
                name: "Herbst 2027".into(),
                state: app.cohort.state,
                start_date: start,
                room: String::new(),
                online_link: String::new(),
                trainers: vec![],
            },
            &sessions,
        )
        .await
        .unwrap();
    let e = app
        .state
        .store
        .enrol(&actor, app.participant, autumn.id)
        .await
        .unwrap();
    app.state
        .store
        .apply_enrolment_event(
            &actor,
            e.id,
            chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
            lernweg_participants::EnrolmentEvent::Counsel,
        )
        .await
        .unwrap();
    let autumn_text = de_hours(common::planned_weekly_hours(
        &app.offer.offer,
        start,
        app.cohort.state,
    ));
    let (_, html) = get(&client, &app, &path).await;
    assert!(html.contains(&format!(
        "name=\"offer_hours\" inputmode=\"decimal\" value=\"{autumn_text}\""
    )));
    assert!(
        html.contains("Durchgangs „Herbst 2027“ (Beraten)"),
        "{html}"
    );
    assert!(html.contains(&format!("name=\"cohort_id\" value=\"{}\"", autumn.id)));
    let link = format!("{path}?durchgang={cohort}");
    assert!(html.contains(&format!("href=\"{link}\"")), "{html}");
    assert!(html.contains(&format!(
        "Frühjahr 2027 (Interessiert): {spring_text} Stunden pro Woche"
    )));
    let (_, html) = get(&client, &app, &link).await;
    assert!(html.contains(&format!(
        "name=\"offer_hours\" inputmode=\"decimal\" value=\"{spring_text}\""
    )));
    assert!(html.contains(&format!("name=\"cohort_id\" value=\"{cohort}\"")));
    assert_no_raw_keys(&html);

    // Cleared by the counsellor: measured without offer hours, and no cohort is kept.
    let result = check(
        &client,
        &app,
        &csrf,
        &[
            ("free_hours", "1"),
            ("offer_hours", ""),
            ("cohort_id", &cohort),
        ],
    )
    .await;
    assert!(result.contains("Ohne die Stunden eines Angebots gemessen."));
    let kept = app
        .state
        .store
        .readiness_checks(app.participant)
        .await
        .unwrap();
    assert_eq!((kept[1].offer_hours, kept[1].cohort_id), (None, None));
}
