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
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert!(list["next_cursor"].is_null());

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
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    // Narrowed by kind and text; a kind that does not exist is a 422 naming it.
    let (_, list) = api(
        &app,
        &tok,
        "GET",
        "/api/v1/counselling-services?kind=health",
        None,
    )
    .await;
    assert!(list["items"].as_array().unwrap().is_empty());
    let (s, bad) = api(
        &app,
        &tok,
        "GET",
        "/api/v1/counselling-services?kind=zoo",
        None,
    )
    .await;
    assert_eq!(s, 422);
    assert_eq!(bad["errors"][0]["field"], "kind");
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
    assert_eq!(open["items"].as_array().unwrap().len(), 1);
    assert_eq!(open["items"][0]["history"].as_array().unwrap().len(), 2);
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
    assert!(open["items"].as_array().unwrap().is_empty());
    // Done ones are listed with `status=all` or `status=done`, with their whole history.
    for q in ["?status=all", "?status=done"] {
        let (s, all) = api(&app, &tok, "GET", &format!("/api/v1/referrals{q}"), None).await;
        assert_eq!(s, 200, "{q}");
        assert_eq!(all["items"].as_array().unwrap().len(), 1, "{q}");
        assert_eq!(all["items"][0]["history"].as_array().unwrap().len(), 3);
    }
    let (s, bad) = api(&app, &tok, "GET", "/api/v1/referrals?status=maybe", None).await;
    assert_eq!(s, 422);
    assert_eq!(bad["errors"][0]["field"], "status");

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

/// Five participants (family names Adler … Ernst) of provider 1, each referred on their own day
/// (Adler first) to one service; returns the service's id.
async fn five_referrals(app: &TestApp) -> String {
    let store = &app.db.store;
    let service = store
        .create_counselling_service(
            &Actor::system(),
            app.p1.id,
            input("debt", "Schuldnerberatung Mitte"),
        )
        .await
        .unwrap();
    for (day, family) in ["Adler", "Brandt", "Cakir", "Dogan", "Ernst"]
        .iter()
        .enumerate()
    {
        let mut data = common::sample_participant();
        data.family_name = (*family).to_owned();
        data.email = None;
        let p = store
            .create_participant(&Actor::system(), app.p1.id, None, data)
            .await
            .unwrap();
        store
            .create_referral(
                &Actor::system(),
                p.id,
                &service.id,
                chrono::NaiveDate::from_ymd_opt(2026, 10, 1 + day as u32).unwrap(),
                "Schulden",
            )
            .await
            .unwrap();
    }
    service.id
}

#[tokio::test]
async fn referral_lists_page_by_cursor_and_search_by_name() {
    let app = TestApp::spawn().await;
    let service = five_referrals(&app).await;
    let tok = app.token(Role::Coordinator).to_owned();
    // Walk by two: newest first, every referral once, then no cursor.
    let mut seen = Vec::new();
    let mut path = "/api/v1/referrals?limit=2".to_owned();
    loop {
        let (s, page) = api(&app, &tok, "GET", &path, None).await;
        assert_eq!(s, 200, "{page}");
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        seen.extend(
            items
                .iter()
                .map(|r| r["referred_on"].as_str().unwrap().to_owned()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/referrals?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(
        seen,
        [
            "2026-10-05",
            "2026-10-04",
            "2026-10-03",
            "2026-10-02",
            "2026-10-01"
        ]
    );
    // The search finds the person by name, any case; the service filter keeps all five.
    let (_, found) = api(&app, &tok, "GET", "/api/v1/referrals?q=CAKIR", None).await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    assert_eq!(found["items"][0]["referred_on"], "2026-10-03");
    let (_, found) = api(
        &app,
        &tok,
        "GET",
        &format!("/api/v1/referrals?service_id={service}&limit=500"),
        None,
    )
    .await;
    assert_eq!(found["items"].as_array().unwrap().len(), 5);
    for bad in [
        "?limit=0",
        "?limit=501",
        "?cursor=zz",
        "?participant_id=nope",
    ] {
        let (s, _) = api(&app, &tok, "GET", &format!("/api/v1/referrals{bad}"), None).await;
        assert_eq!(s, 422, "{bad}");
    }
    // The admin, who belongs to no provider, sees them too.
    let (_, all) = api(
        &app,
        app.token(Role::Admin),
        "GET",
        "/api/v1/referrals?q=cakir",
        None,
    )
    .await;
    assert_eq!(all["items"].as_array().unwrap().len(), 1);

    // The page: searched by name, the form's participants narrowed by `?person=`.
    let (client, _) = app.login("counsellor@test.example").await;
    let (s, html) = get(&client, &app, "/verwaltung/verweise?q=dogan").await;
    assert_eq!(s, 200);
    assert!(html.contains("Amina Dogan"));
    assert!(!html.contains("Amina Ernst"));
    let (_, html) = get(&client, &app, "/verwaltung/verweise?person=brandt").await;
    assert!(html.contains("Brandt, Amina"));
    assert!(!html.contains("Adler, Amina"));
    let (_, html) = get(&client, &app, "/verwaltung/verweise?status=done").await;
    assert!(!html.contains("Amina Adler"));
}
