//! Device loans: the page (add a device, lend, the overdue list, return), the API with the
//! `overdue` flag, the rules (one open loan per device, dates), tenancy (404) and roles (403).

mod common;

use chrono::{Duration, Local};
use common::TestApp;
use lernweg_domain::Role;
use lernweg_store::{Actor, NewDevice, NewLoan};
use serde_json::{Value, json};

async fn post(
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

async fn page(client: &reqwest::Client, app: &TestApp) -> (u16, String) {
    let res = client
        .get(app.url("/verwaltung/leihgeraete"))
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

fn assert_no_raw_keys(html: &str) {
    assert!(!html.contains(">loans-"), "raw message id in: {html}");
    assert!(!html.contains(": loans-"), "raw message id in: {html}");
}

fn email(app: &TestApp, role: Role) -> String {
    app.user(role).email.to_string()
}

#[tokio::test]
async fn page_adds_a_device_lends_it_shows_overdue_and_records_the_return() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let (client, csrf) = app.login(&email(&app, Role::Counsellor)).await;
    let (status, html) = page(&client, &app).await;
    assert_eq!(status, 200);
    assert!(html.contains("Leihgeräte"));
    assert_no_raw_keys(&html);

    // A device without label is refused with a message, then added.
    let (status, _, html) = post(
        &client,
        &app,
        "/verwaltung/leihgeraete",
        &[("csrf", &csrf), ("kind", "laptop"), ("label", " ")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Bitte eine Bezeichnung angeben."));
    assert!(html.contains("aria-invalid=\"true\""));
    let (status, location, _) = post(
        &client,
        &app,
        "/verwaltung/leihgeraete",
        &[
            ("csrf", &csrf),
            ("kind", "laptop"),
            ("label", "Laptop Nr. 7"),
            ("serial", "SN-777"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(location, "/verwaltung/leihgeraete");
    let devices = store.devices(Some(app.p1.id)).await.unwrap();
    assert_eq!(devices.len(), 1);
    let device = devices[0].clone();
    let (_, html) = page(&client, &app).await;
    assert!(html.contains("Laptop Nr. 7") && html.contains("verfügbar"));
    // The inventory: searched in label and serial, filtered by kind and loan.
    for (query, shown) in [
        ("?q=sn-777&art=laptop", true),
        ("?q=NR.%207", true),
        ("?art=tablet", false),
        ("?ausleihe=verliehen", false),
        ("?ausleihe=frei&page=x", true),
    ] {
        let html = client
            .get(app.url(&format!("/verwaltung/leihgeraete{query}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(
            html.contains("<td data-label=\"Gerät\">Laptop Nr. 7</td>"),
            shown,
            "{query}"
        );
        assert_eq!(
            html.contains("Keine Einträge passen zu Ihrer Suche."),
            !shown,
            "{query}"
        );
    }

    // Lending: due date before the lending date is refused.
    let participant = app.participant.to_string();
    let today = Local::now().date_naive();
    let past = (today - Duration::days(20)).to_string();
    let yesterday = (today - Duration::days(1)).to_string();
    let (status, _, html) = post(
        &client,
        &app,
        "/verwaltung/leihgeraete/ausleihen",
        &[
            ("csrf", &csrf),
            ("device_id", &device.id),
            ("participant_id", &participant),
            ("lent_on", &yesterday),
            ("due_on", &past),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Das Fälligkeitsdatum darf nicht vor dem Ausleihdatum liegen."));
    // Lent 20 days ago, due yesterday: overdue.
    let (status, _, _) = post(
        &client,
        &app,
        "/verwaltung/leihgeraete/ausleihen",
        &[
            ("csrf", &csrf),
            ("device_id", &device.id),
            ("participant_id", &participant),
            ("lent_on", &past),
            ("due_on", &yesterday),
        ],
    )
    .await;
    assert_eq!(status, 303);
    // A second open loan of the same device is refused with a clear message.
    let (status, _, html) = post(
        &client,
        &app,
        "/verwaltung/leihgeraete/ausleihen",
        &[
            ("csrf", &csrf),
            ("device_id", &device.id),
            ("participant_id", &participant),
            ("lent_on", &past),
            ("due_on", &yesterday),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Dieses Gerät ist bereits ausgeliehen."));

    let (_, html) = page(&client, &app).await;
    assert!(html.contains("Überfällige Ausleihen"));
    assert!(
        html.contains("loans-overdue-caption"),
        "overdue table shown"
    );
    assert!(html.contains("Amina Haddad"));
    assert!(html.contains("ausgeliehen"));
    assert_no_raw_keys(&html);

    // Return: not before the lending date, then recorded.
    let loan = store.open_loan_of(&device.id).await.unwrap().unwrap();
    let path = format!("/verwaltung/leihen/{}/rueckgabe", loan.id);
    let too_early = (today - Duration::days(30)).to_string();
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &[("csrf", &csrf), ("returned_on", &too_early)],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Das Rückgabedatum darf nicht vor dem Ausleihdatum liegen."));
    let (status, _, _) = post(
        &client,
        &app,
        &path,
        &[("csrf", &csrf), ("returned_on", &today.to_string())],
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(store.loan(&loan.id).await.unwrap().returned_on, Some(today));
    let (_, html) = page(&client, &app).await;
    assert!(html.contains("Keine Ausleihe ist überfällig."));
    assert!(!html.contains("loans-overdue-caption"));
}

#[tokio::test]
async fn other_providers_devices_and_loans_answer_404_and_trainers_403() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let device = store
        .create_device(
            &Actor::system(),
            app.p1.id,
            NewDevice {
                kind: "tablet".into(),
                label: "Tablet A".into(),
                serial: String::new(),
                note: String::new(),
            },
        )
        .await
        .unwrap();
    let today = Local::now().date_naive();
    let loan = store
        .lend_device(
            &Actor::system(),
            NewLoan {
                device_id: device.id.clone(),
                participant_id: app.participant,
                lent_on: today,
                due_on: today,
                note: String::new(),
            },
        )
        .await
        .unwrap();

    // Coordinator of provider 2: pages.
    let (client, csrf) = app.login(&app.other_coordinator.email.to_string()).await;
    let (status, html) = page(&client, &app).await;
    assert_eq!(status, 200);
    assert!(!html.contains("Tablet A"));
    let path = format!("/verwaltung/leihen/{}/rueckgabe", loan.id);
    let (status, _, _) = post(
        &client,
        &app,
        &path,
        &[("csrf", &csrf), ("returned_on", "")],
    )
    .await;
    assert_eq!(status, 404);
    let (status, _, _) = post(
        &client,
        &app,
        "/verwaltung/leihgeraete/ausleihen",
        &[
            ("csrf", &csrf),
            ("device_id", &device.id),
            ("participant_id", &app.participant.to_string()),
            ("due_on", &today.to_string()),
        ],
    )
    .await;
    assert_eq!(status, 404);
    assert!(store.loan(&loan.id).await.unwrap().is_open());

    // Trainer: 403 on the page and the API.
    let (client, _) = app.login(&email(&app, Role::Trainer)).await;
    let (status, _) = page(&client, &app).await;
    assert_eq!(status, 403);
    let res = TestApp::client()
        .get(app.url("/api/v1/loans"))
        .bearer_auth(app.token(Role::Trainer))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn api_creates_devices_and_loans_flags_overdue_and_returns() {
    let app = TestApp::spawn().await;
    let http = TestApp::client();
    let token = app.token(Role::Coordinator).to_owned();
    let call = |method: reqwest::Method, path: &str, token: &str| {
        http.request(method, app.url(path))
            .bearer_auth(token.to_owned())
    };

    let res = call(reqwest::Method::POST, "/api/v1/devices", &token)
        .json(&json!({"kind": "beamer", "label": "X"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let res = call(reqwest::Method::POST, "/api/v1/devices", &token)
        .json(&json!({"kind": "router", "label": "LTE-Router 1", "serial": "R1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let device: Value = res.json().await.unwrap();
    assert_eq!(device["status"], "available");
    let device_id = device["id"].as_str().unwrap().to_owned();

    let today = Local::now().date_naive();
    let lent_on = (today - Duration::days(10)).to_string();
    let due_on = (today - Duration::days(2)).to_string();
    let body = json!({"device_id": device_id, "participant_id": app.participant.to_string(),
        "lent_on": lent_on, "due_on": due_on});
    let res = call(reqwest::Method::POST, "/api/v1/loans", &token)
        .json(
            &json!({"device_id": device_id, "participant_id": app.participant.to_string(),
            "lent_on": due_on, "due_on": lent_on}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let res = call(reqwest::Method::POST, "/api/v1/loans", &token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let loan: Value = res.json().await.unwrap();
    assert_eq!(loan["overdue"], true);
    let loan_id = loan["id"].as_str().unwrap().to_owned();
    let res = call(reqwest::Method::POST, "/api/v1/loans", &token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.unwrap();
    assert!(problem.to_string().contains("already_lent"), "{problem}");

    let list: Value = call(reqwest::Method::GET, "/api/v1/loans", &token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["overdue"], true);
    assert!(list["next_cursor"].is_null());
    let devices: Value = call(reqwest::Method::GET, "/api/v1/devices", &token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(devices["items"][0]["status"], "lent");
    assert_eq!(devices["items"][0]["open_loan_id"], loan_id.as_str());
    // Filters, search and the cursor.
    let get = |path: &'static str| {
        let req = call(reqwest::Method::GET, path, &token);
        async move {
            let res = req.send().await.unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap())
        }
    };
    let count = |v: &Value| v["items"].as_array().unwrap().len();
    assert_eq!(
        count(&get("/api/v1/loans?status=open&kind=router").await.1),
        1
    );
    assert_eq!(count(&get("/api/v1/loans?status=returned").await.1), 0);
    assert_eq!(count(&get("/api/v1/loans?kind=laptop").await.1), 0);
    assert_eq!(count(&get("/api/v1/loans?q=lte-router").await.1), 1);
    assert_eq!(count(&get("/api/v1/devices?q=r1").await.1), 1);
    assert_eq!(count(&get("/api/v1/devices?kind=tablet").await.1), 0);
    let (status, problem) = get("/api/v1/loans?status=lost").await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("status"))
    );
    let (status, problem) = get("/api/v1/devices?kind=beamer").await;
    assert_eq!(
        (status, problem["errors"][0]["field"].as_str()),
        (422, Some("kind"))
    );
    let (status, _) = get("/api/v1/devices?limit=0").await;
    assert_eq!(status, 422);

    // Another provider: the device and the loan do not exist for them.
    let issued = app
        .state
        .store
        .create_token(&Actor::system(), &app.other_coordinator, "andere")
        .await
        .unwrap();
    let stranger = issued.secret.clone();
    let path = format!("/api/v1/loans/{loan_id}/return");
    let res = call(reqwest::Method::POST, &path, &stranger)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = call(reqwest::Method::POST, "/api/v1/loans", &stranger)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let list: Value = call(reqwest::Method::GET, "/api/v1/loans", &stranger)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(list["items"].as_array().unwrap().is_empty());

    let path = format!("/api/v1/loans/{loan_id}/return");
    let res = call(reqwest::Method::POST, &path, &token)
        .json(&json!({"returned_on": today.to_string()}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let back: Value = res.json().await.unwrap();
    assert_eq!(back["overdue"], false);
    assert_eq!(back["returned_on"], today.to_string());

    // The documentation lists the routes.
    let doc: Value = http
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for path in [
        "/api/v1/loans",
        "/api/v1/loans/{id}/return",
        "/api/v1/devices",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} undocumented");
    }
}
