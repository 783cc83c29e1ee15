//! One rule, every way in (issue 9): the rules of the participants area that pages and API
//! once decided differently now have one home in the application layer. Each test goes in
//! through the page AND through the API (and the CSV import through both) and expects the
//! same answer:
//!
//! 1. a readiness check may only use a cohort of one of the participant's open enrolments;
//! 2. a participant is created only with a recorded data-processing consent, given no later
//!    than today;
//! 3. so is every row of a CSV import (column `Einwilligung Datenverarbeitung` or
//!    `consent_data_processing`).

mod common;

use common::{TestApp, api_call};
use lernweg_domain::Role;
use lernweg_participants::ConsentScope;
use lernweg_store::{Actor, NewCohort, NewSession, ParticipantRecord};
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

async fn post_form(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String, String) {
    let res = client.post(app.url(path)).form(form).send().await.unwrap();
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    (status, location, res.text().await.unwrap())
}

/// The `(field, code)` pairs of a problem document.
fn codes(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors in {problem}"))
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A second cohort of provider 1 (same offer, autumn), in which nobody is enrolled.
async fn other_cohort(app: &TestApp) -> lernweg_store::Cohort {
    let start = chrono::NaiveDate::from_ymd_opt(2027, 9, 7).unwrap();
    let plan = lernweg_planner::plan(
        &app.offer.offer.to_spec(start, app.cohort.state),
        &Default::default(),
    )
    .unwrap();
    let sessions: Vec<NewSession> = plan.sessions.iter().map(NewSession::from_planned).collect();
    app.state
        .store
        .create_cohort(
            &Actor::system(),
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
        .unwrap()
}

async fn checks(app: &TestApp) -> Vec<lernweg_store::ReadinessRecord> {
    app.state
        .store
        .readiness_checks(app.participant)
        .await
        .unwrap()
}

#[tokio::test]
async fn the_readiness_check_takes_only_a_cohort_of_an_open_enrolment() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let pid = app.participant;
    let page = format!("/verwaltung/teilnehmende/{pid}/eignungscheck");
    let api = format!("/api/v1/participants/{pid}/readiness-checks");
    let other = other_cohort(&app).await.id.to_string();
    let own = app.cohort.id.to_string();
    // 10 free hours against 8 offer hours of `cohort`, through the page and through the API.
    let both = |cohort: String| {
        let (client, csrf, page, api, app) = (&client, &csrf, &page, &api, &app);
        async move {
            let form = [
                ("csrf", csrf.as_str()),
                ("free_hours", "10"),
                ("offer_hours", "8"),
                ("cohort_id", cohort.as_str()),
            ];
            let (status, _, html) = post_form(client, app, page, &form).await;
            let body = json!({"answers": {"free_hours_per_week": 10}, "offer_hours": 8, "cohort_id": cohort});
            let api = api_call(app, Role::Counsellor, "POST", api, Some(body)).await;
            ((status, html), api)
        }
    };
    let refused = [("cohort_id".to_owned(), "not_enrolled".to_owned())];

    // A cohort of the provider in which the participant is not enrolled: refused on both ways.
    let ((status, html), (api_status, problem)) = both(other.clone()).await;
    assert_eq!((status, api_status), (422, 422), "{html}\n{problem}");
    assert!(
        html.contains("Der Durchgang gehört zu keiner offenen Einschreibung dieser Person."),
        "{html}"
    );
    assert!(
        html.contains("name=\"cohort_id\" value=\"\""),
        "sent again, the hours are kept without the cohort"
    );
    assert_eq!(codes(&problem), refused);
    // Also when the API is to take the hours from that cohort.
    let (status, problem) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &api,
        Some(json!({"answers": {"free_hours_per_week": 10}, "cohort_id": other})),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(codes(&problem), refused);
    assert!(checks(&app).await.is_empty(), "nothing kept on either way");

    // The cohort of the open enrolment: kept with the check on both ways.
    let ((status, html), (api_status, check)) = both(own.clone()).await;
    assert_eq!((status, api_status), (303, 201), "{html}\n{check}");
    assert_eq!(check["cohort_id"], own.as_str());
    let kept = checks(&app).await;
    assert_eq!(kept.len(), 2);
    assert!(kept.iter().all(|c| c.cohort_id == Some(app.cohort.id)));

    // Once the enrolment is dropped, its cohort is no open one: refused on both ways.
    let (status, e) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/enrolments/{}/events", app.enrolment),
        Some(json!({"on": "2026-09-04", "event": {"event": "drop", "reason": "workload"}})),
    )
    .await;
    assert_eq!(status, 200, "{e}");
    let ((status, html), (api_status, problem)) = both(own).await;
    assert_eq!((status, api_status), (422, 422), "{html}\n{problem}");
    assert_eq!(codes(&problem), refused);
    assert_eq!(checks(&app).await.len(), 2);
}

async fn participants(app: &TestApp) -> Vec<ParticipantRecord> {
    app.state.store.participants(Some(app.p1.id)).await.unwrap()
}

/// The data-processing consents of the participant with this family name.
async fn consents_of(app: &TestApp, family_name: &str) -> Vec<(ConsentScope, String)> {
    let p = participants(app)
        .await
        .into_iter()
        .find(|p| p.data.family_name == family_name)
        .unwrap_or_else(|| panic!("{family_name} not created"));
    app.state
        .store
        .consents(p.id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.scope, c.given_on.to_string()))
        .collect()
}

#[tokio::test]
async fn a_participant_is_created_only_with_the_data_processing_consent() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let today = app.state.app.today();
    let tomorrow = today.succ_opt().unwrap().to_string();
    let before = participants(&app).await.len();
    let page = |family: &'static str, consent: &'static str, on: String| {
        let client = client.clone();
        let csrf = csrf.clone();
        let app = &app;
        async move {
            let mut form = vec![
                ("csrf", csrf),
                ("given_name", "Olena".to_owned()),
                ("family_name", family.to_owned()),
                ("consent_date", on),
            ];
            if !consent.is_empty() {
                form.push(("consent", consent.to_owned()));
            }
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_form(&client, app, "/verwaltung/teilnehmende", &form).await
        }
    };
    let api = |family: &str, consents: Value| {
        let mut body = json!({"given_name": "Olena", "family_name": family});
        if !consents.is_null() {
            body["consents"] = consents;
        }
        api_call(
            &app,
            Role::Counsellor,
            "POST",
            "/api/v1/participants",
            Some(body),
        )
    };

    // Without the consent: refused on both ways.
    let (status, _, html) = page("Ohne", "", today.to_string()).await;
    assert_eq!(status, 422);
    assert!(
        html.contains(
            "Ohne Einwilligung in die Datenverarbeitung dürfen wir die Person nicht eintragen."
        ),
        "{html}"
    );
    let (status, problem) = api("Ohne", Value::Null).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        codes(&problem),
        [("consents".into(), "data_processing_required".into())]
    );
    // Only another consent is not enough either.
    let (status, problem) = api(
        "Ohne",
        json!([{"scope": "photos", "given_on": today.to_string()}]),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        codes(&problem),
        [("consents".into(), "data_processing_required".into())]
    );

    // Given tomorrow: refused on both ways.
    let (status, _, html) = page("Morgen", "1", tomorrow.clone()).await;
    assert_eq!(status, 422);
    assert!(
        html.contains("Bitte ein gültiges Datum eintragen, das nicht in der Zukunft liegt."),
        "{html}"
    );
    let (status, problem) = api(
        "Morgen",
        json!([{"scope": "data_processing", "given_on": tomorrow}]),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(codes(&problem), [("consents".into(), "in_future".into())]);
    assert_eq!(participants(&app).await.len(), before, "nothing created");

    // Given today: created on both ways, with the consent recorded.
    let (status, location, _) = page("Formular", "1", today.to_string()).await;
    assert_eq!(status, 303);
    assert!(location.starts_with("/verwaltung/teilnehmende/"));
    let (status, p) = api(
        "Schnittstelle",
        json!([{"scope": "data_processing", "given_on": today.to_string()},
               {"scope": "health_data", "given_on": today.to_string()}]),
    )
    .await;
    assert_eq!(status, 201, "{p}");
    let expected = (ConsentScope::DataProcessing, today.to_string());
    assert_eq!(
        consents_of(&app, "Formular").await,
        std::slice::from_ref(&expected)
    );
    assert_eq!(
        consents_of(&app, "Schnittstelle").await,
        [expected, (ConsentScope::HealthData, today.to_string())]
    );
    assert_eq!(participants(&app).await.len(), before + 2);
}

/// Row 2 valid, row 3 without consent, row 4 with an unreadable date, row 5 given in the
/// future, row 6 valid (ISO date).
fn import_file(today: chrono::NaiveDate) -> String {
    let future = today + chrono::Days::new(30);
    format!(
        "Vorname;Nachname;E-Mail;Einwilligung Datenverarbeitung\r\n\
         Amal;Haddad;amal@example.org;{}\r\n\
         Rahim;Ahmadi;rahim@example.org;\r\n\
         Lina;Berg;lina@example.org;gestern\r\n\
         Ivana;Horvat;ivana@example.org;{}\r\n\
         Sören;Weiß;soeren@example.org;{}\r\n",
        today.format("%d.%m.%Y"),
        future.format("%d.%m.%Y"),
        today,
    )
}

#[tokio::test]
async fn every_imported_row_needs_the_data_processing_consent() {
    let app = TestApp::spawn().await;
    let counsellor = app.user(Role::Counsellor).clone();
    let (client, csrf) = app.login(&counsellor.email.to_string()).await;
    let today = app.state.app.today();
    let csv = import_file(today);

    // Through the page: the preview lists the rows without a valid consent.
    let form = Form::new()
        .text("csrf", csrf.clone())
        .text("contact_person_id", counsellor.id.to_string())
        .part(
            "file",
            Part::bytes(csv.clone().into_bytes())
                .file_name("liste.csv")
                .mime_str("text/csv")
                .unwrap(),
        );
    let res = client
        .post(app.url("/verwaltung/teilnehmende/import"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let preview = client
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let page_rows: Vec<u64> = (2..=6)
        .filter(|row| {
            preview.contains(&format!(
                r#"<tr><td data-label="Zeile">{row}</td><td data-label="Spalte">Einwilligung Datenverarbeitung</td>"#
            ))
        })
        .collect();
    assert_eq!(page_rows, [3, 4, 5], "{preview}");
    assert!(preview.contains("Es fehlt das Datum der Einwilligung in die Datenverarbeitung."));
    assert!(preview.contains("„gestern“ ist kein Datum."));
    assert!(preview.contains("liegt in der Zukunft"));

    // Through the API: the same rows with the same field.
    let res = reqwest::Client::new()
        .post(app.url(&format!(
            "/api/v1/participants/imports?contact_person_id={}",
            counsellor.id
        )))
        .bearer_auth(app.token(Role::Counsellor))
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let job: Value = res.json().await.unwrap();
    let api_rows: Vec<(u64, String, String)> = job["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["row"].as_u64().unwrap(),
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let field = "consent_data_processing".to_owned();
    assert_eq!(
        api_rows,
        [
            (3, field.clone(), "consent_missing".to_owned()),
            (4, field.clone(), "consent_invalid_date".to_owned()),
            (5, field, "consent_in_future".to_owned()),
        ]
    );
    assert_eq!(
        (job["valid_rows"].as_u64(), job["error_rows"].as_u64()),
        (Some(2), Some(3))
    );

    // Confirmed: the valid rows are imported with their consent.
    let path = format!(
        "/api/v1/participants/imports/{}",
        job["id"].as_str().unwrap()
    );
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("{path}/confirm"),
        None,
    )
    .await;
    assert_eq!(status, 202);
    for _ in 0..100 {
        let (_, job) = api_call(&app, Role::Counsellor, "GET", &path, None).await;
        if job["status"] != "running" {
            assert_eq!(job["status"], "done", "{job}");
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let given = (ConsentScope::DataProcessing, today.to_string());
    assert_eq!(
        consents_of(&app, "Haddad").await,
        std::slice::from_ref(&given)
    );
    assert_eq!(consents_of(&app, "Weiß").await, [given]);
    assert!(
        !participants(&app)
            .await
            .iter()
            .any(|p| ["Ahmadi", "Berg", "Horvat"].contains(&p.data.family_name.as_str()))
    );
}
