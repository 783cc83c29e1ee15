//! Counselling services and referrals over real HTTP: the directory and referral pages, the
//! API with status moves (including a refused one), tenancy (404) and the trainer's 403.

mod common;

use common::TestApp;
use lernweg_domain::Role;
use lernweg_store::{Actor, ServiceInput};
use serde_json::{Value, json};

async fn api(
    app: &TestApp,
    token: &str,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let client = reqwest::Client::new();
    let url = app.url(path);
    let mut req = match method {
        "GET" => client.get(url),
        _ => client.post(url),
    }
    .bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

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

fn input(kind: &str, name: &str) -> ServiceInput {
    ServiceInput {
        kind: kind.into(),
        name: name.into(),
        active: true,
        ..ServiceInput::default()
    }
}

#[tokio::test]
async fn api_services_referrals_and_status_moves() {
    let app = TestApp::spawn().await;
    let tok = app.token(Role::Counsellor).to_owned();

    let (s, created) = api(
        &app,
        &tok,
        "POST",
        "/api/v1/counselling-services",
        Some(json!({
            "kind": "debt", "name": "Schuldnerberatung der Caritas Essen", "phone": "0201 810280",
            "languages": "Deutsch, Türkisch", "opening_hours": "Mo–Do 9–16 Uhr"
        })),
    )
    .await;
    assert_eq!(s, 201, "{created}");
    assert_eq!(created["provider_id"], app.p1.id.to_string());
    assert_eq!(created["active"], true);
    let service = created["id"].as_str().unwrap().to_owned();

    let (s, bad) = api(
        &app,
        &tok,
        "POST",
        "/api/v1/counselling-services",
        Some(json!({"kind": "tarot", "name": "X"})),
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(
        codes(&bad),
        vec![("kind".to_owned(), "unknown_kind".to_owned())]
    );

    let (s, list) = api(&app, &tok, "GET", "/api/v1/counselling-services", None).await;
    assert_eq!(s, 200);
    assert_eq!(list.as_array().unwrap().len(), 1);

    // A service of provider 2 is neither listed nor usable.
    let other = app
        .db
        .store
        .create_counselling_service(
            &Actor::system(),
            app.p2.id,
            input("health", "Gesundheitsamt Dortmund"),
        )
        .await
        .unwrap();
    let (_, list) = api(&app, &tok, "GET", "/api/v1/counselling-services", None).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let (s, bad) = api(
        &app,
        &tok,
        "POST",
        "/api/v1/referrals",
        Some(json!({
            "participant_id": app.participant.to_string(), "service_id": other.id
        })),
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(
        codes(&bad),
        vec![("service_id".to_owned(), "unknown_service".to_owned())]
    );

    let long = "x".repeat(501);
    let (s, bad) = api(
        &app,
        &tok,
        "POST",
        "/api/v1/referrals",
        Some(json!({
            "participant_id": app.participant.to_string(), "service_id": service, "reason": long
        })),
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(
        codes(&bad),
        vec![("reason".to_owned(), "too_long".to_owned())]
    );

    let (s, r) = api(
        &app,
        &tok,
        "POST",
        "/api/v1/referrals",
        Some(json!({
            "participant_id": app.participant.to_string(), "service_id": service,
            "referred_on": "2026-11-02", "reason": "Mietschulden"
        })),
    )
    .await;
    assert_eq!(s, 201, "{r}");
    assert_eq!(r["status"], "suggested");
    let id = r["id"].as_str().unwrap().to_owned();
    let status_path = format!("/api/v1/referrals/{id}/status");

    // Refused move: suggested → done.
    let (s, bad) = api(
        &app,
        &tok,
        "POST",
        &status_path,
        Some(json!({"status": "done"})),
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(
        codes(&bad),
        vec![("status".to_owned(), "not_allowed".to_owned())]
    );

    for step in ["referred", "appointment_made"] {
        let (s, r) = api(
            &app,
            &tok,
            "POST",
            &status_path,
            Some(json!({"status": step, "on": "2026-11-05"})),
        )
        .await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["status"], step);
    }
    let (_, open) = api(&app, &tok, "GET", "/api/v1/referrals", None).await;
    assert_eq!(open.as_array().unwrap().len(), 1);
    assert_eq!(open[0]["history"].as_array().unwrap().len(), 2);
    let (s, r) = api(
        &app,
        &tok,
        "POST",
        &status_path,
        Some(json!({"status": "done", "note": "Ratenplan vereinbart"})),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(r["outcome_note"], "Ratenplan vereinbart");
    let (_, open) = api(&app, &tok, "GET", "/api/v1/referrals", None).await;
    assert!(open.as_array().unwrap().is_empty());

    // Tenancy: a referral of provider 2 answers 404.
    let p2_participant = app
        .db
        .store
        .create_participant(
            &Actor::system(),
            app.p2.id,
            None,
            common::sample_participant(),
        )
        .await
        .unwrap();
    let theirs = app
        .db
        .store
        .create_referral(
            &Actor::system(),
            p2_participant.id,
            &other.id,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            "",
        )
        .await
        .unwrap();
    let (s, _) = api(
        &app,
        &tok,
        "POST",
        &format!("/api/v1/referrals/{}/status", theirs.id),
        Some(json!({"status": "referred"})),
    )
    .await;
    assert_eq!(s, 404);
    let (s, bad) = api(
        &app,
        &tok,
        "POST",
        "/api/v1/referrals",
        Some(json!({
            "participant_id": p2_participant.id.to_string(), "service_id": service
        })),
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(
        codes(&bad),
        vec![(
            "participant_id".to_owned(),
            "unknown_participant".to_owned()
        )]
    );

    // Trainers are not allowed.
    let (s, _) = api(
        &app,
        app.token(Role::Trainer),
        "GET",
        "/api/v1/referrals",
        None,
    )
    .await;
    assert_eq!(s, 403);
    let (s, _) = api(
        &app,
        app.token(Role::Trainer),
        "GET",
        "/api/v1/counselling-services",
        None,
    )
    .await;
    assert_eq!(s, 403);
}

async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let res = client.post(app.url(path)).form(form).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

#[tokio::test]
async fn pages_directory_referrals_and_tenancy() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;

    let (s, html) = get(&client, &app, "/verwaltung/beratungsstellen").await;
    assert_eq!(s, 200);
    assert!(html.contains("Beratungsstellen"));

    let (s, html) = post(
        &client,
        &app,
        "/verwaltung/beratungsstellen",
        &[("csrf", &csrf), ("kind", "debt"), ("name", " ")],
    )
    .await;
    assert_eq!(s, 422);
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("role=\"alert\""));

    let (s, _) = post(
        &client,
        &app,
        "/verwaltung/beratungsstellen",
        &[
            ("csrf", &csrf),
            ("kind", "debt"),
            ("name", "Schuldnerberatung der Caritas Essen"),
            ("languages", "Deutsch, Arabisch"),
        ],
    )
    .await;
    assert_eq!(s, 303);
    let (_, html) = get(&client, &app, "/verwaltung/beratungsstellen").await;
    assert!(html.contains("Schuldnerberatung der Caritas Essen"));
    assert!(html.contains("<h2 id=\"kind-1\">Schuldnerberatung</h2>"));

    let service = app
        .db
        .store
        .counselling_services(Some(app.p1.id))
        .await
        .unwrap()
        .remove(0);
    let edit = format!("/verwaltung/beratungsstellen/{}", service.id);
    let (s, html) = get(&client, &app, &edit).await;
    assert_eq!(s, 200);
    assert!(html.contains("Deutsch, Arabisch"));
    let (s, _) = post(
        &client,
        &app,
        &edit,
        &[
            ("csrf", &csrf),
            ("kind", "debt"),
            ("name", "Schuldner- und Insolvenzberatung Essen"),
            ("active", "on"),
        ],
    )
    .await;
    assert_eq!(s, 303);
    assert_eq!(
        app.db
            .store
            .counselling_service(&service.id)
            .await
            .unwrap()
            .name,
        "Schuldner- und Insolvenzberatung Essen"
    );

    // Refer the fixture participant, then move the status; a refused move says why.
    let participant = app.participant.to_string();
    let (s, _) = post(
        &client,
        &app,
        "/verwaltung/verweise",
        &[
            ("csrf", &csrf),
            ("participant_id", &participant),
            ("service_id", &service.id),
            ("referred_on", "2026-11-02"),
            ("reason", "Mietschulden"),
        ],
    )
    .await;
    assert_eq!(s, 303);
    let (s, html) = get(&client, &app, "/verwaltung/verweise").await;
    assert_eq!(s, 200);
    assert!(html.contains("Mietschulden"));
    assert!(html.contains("vorgeschlagen"));
    let r = app
        .db
        .store
        .referrals(Some(app.p1.id), true)
        .await
        .unwrap()
        .remove(0);
    let status = format!("/verwaltung/verweise/{}/status", r.id);
    let (s, html) = post(
        &client,
        &app,
        &status,
        &[("csrf", &csrf), ("status", "done")],
    )
    .await;
    assert_eq!(s, 422);
    assert!(html.contains("Dieser Statuswechsel ist nicht möglich"));
    assert!(html.contains(&format!("href=\"#status-{}\"", r.id)));
    assert!(html.contains(&format!("aria-describedby=\"status-{}-error\"", r.id)));
    let (s, _) = post(
        &client,
        &app,
        &status,
        &[
            ("csrf", &csrf),
            ("status", "declined"),
            ("note", "kein Bedarf"),
        ],
    )
    .await;
    assert_eq!(s, 303);
    assert_eq!(
        app.db.store.referral(&r.id).await.unwrap().status,
        "declined"
    );

    // Another provider's coordinator: 404 on the record, nothing listed.
    let (other, other_csrf) = app.login("koordination@zwei.example").await;
    let (s, _) = get(&other, &app, &edit).await;
    assert_eq!(s, 404);
    let (s, _) = post(
        &other,
        &app,
        &status,
        &[("csrf", &other_csrf), ("status", "referred")],
    )
    .await;
    assert_eq!(s, 404);
    let (_, html) = get(&other, &app, "/verwaltung/beratungsstellen").await;
    assert!(!html.contains("Insolvenzberatung"));
    let (s, html) = post(
        &other,
        &app,
        "/verwaltung/verweise",
        &[
            ("csrf", &other_csrf),
            ("participant_id", &participant),
            ("service_id", &service.id),
        ],
    )
    .await;
    assert_eq!(s, 422);
    assert!(html.contains("aria-invalid=\"true\""));

    // Trainers get 403.
    let (trainer, _) = app.login("trainer@test.example").await;
    let (s, _) = get(&trainer, &app, "/verwaltung/verweise").await;
    assert_eq!(s, 403);
}
