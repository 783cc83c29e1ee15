//! The offers API: create, read, patch, success factors with their exact keys; problem
//! details for invalid drafts; the OpenAPI document.

use lernweg_domain::Role;
use serde_json::{Value, json};

use super::common::TestApp;
use super::offer_count;

fn api_draft() -> Value {
    json!({
        "title": "Teilqualifizierung Lager am Wochenende",
        "goal": "partial_qualification",
        "kldb": "51312",
        "target_group": "Beschäftigte in der Logistik",
        "description": "Sie lernen am Abend und am Wochenende. Am Ende gibt es ein Zertifikat.",
        "delivery_modes": ["blended"],
        "kickoff_in_presence": true,
        "closing_in_presence": true,
        "time_model": {"kind": "block_seminar"},
        "modules": [
            {"title": "Lagerprozesse", "hours": 40, "milestone": "TQ 1"},
            {"title": "Warenannahme", "hours": "32,5"}
        ],
        "exams": [{"after_module": 2, "title": "Kompetenzfeststellung", "hours": 4}],
        "support": ["mentoring"],
        "location": {"name": "Lernzentrum", "street": "Hafenstraße 2", "zip": "04109", "city": "Leipzig", "step_free": true},
        "capacity": 12,
        "contact_name": "Jonas Weber",
        "contact_email": "j.weber@traeger.example"
    })
}

const OFFER_KEYS: [&str; 34] = [
    "id",
    "provider_id",
    "published",
    "published_at",
    "slug",
    "classification",
    "created_at",
    "updated_at",
    "title",
    "goal",
    "company_measure_only",
    "kldb",
    "target_group",
    "description",
    "delivery_modes",
    "kickoff_in_presence",
    "closing_in_presence",
    "time_model",
    "modules",
    "exams",
    "exchange",
    "language_level",
    "language_justification",
    "support",
    "location",
    "funding",
    "costs_eur",
    "capacity",
    "contact_name",
    "contact_email",
    "contact_phone",
    "degree",
    "keywords",
    "load_limit_hours",
];

#[tokio::test]
async fn api_creates_reads_patches_and_checks_an_offer() {
    let app = TestApp::spawn().await;
    let c = reqwest::Client::new();
    let token = app.token(Role::Coordinator);
    let res = c
        .post(app.url("/api/v1/offers"))
        .bearer_auth(token)
        .json(&api_draft())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    let obj = created.as_object().unwrap();
    for key in OFFER_KEYS {
        assert!(obj.contains_key(key), "missing {key}");
    }
    assert_eq!(obj.len(), 34, "{:?}", obj.keys().collect::<Vec<_>>());
    assert_eq!(created["provider_id"], app.p1.id.to_string());
    assert_eq!(created["published"], false);
    assert_eq!(created["slug"], "teilqualifizierung-lager-am-wochenende");
    assert_eq!(created["modules"][1]["hours"], 32.5);
    assert_eq!(created["time_model"]["kind"], "block_seminar");
    assert!(
        created["time_model"]["evening"]["weekday"].is_string(),
        "defaults filled in"
    );
    let class = created["classification"]["class"].as_str().unwrap();
    assert!(["synchronous", "asynchronous", "mixed", "not_part_time"].contains(&class));
    let reasons = created["classification"]["reasons"].as_array().unwrap();
    assert!(
        reasons.iter().any(|r| r == "Time model: block seminar."),
        "{reasons:?}"
    );
    let id = created["id"].as_str().unwrap().to_owned();

    // Read it back: the same document.
    let url = app.url(&format!("/api/v1/offers/{id}"));
    let got: Value = c
        .get(&url)
        .bearer_auth(app.token(Role::Trainer))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(got, created);
    // The list has it too.
    let list: Value = c
        .get(app.url("/api/v1/offers"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["next_cursor"], Value::Null);
    let list = list["items"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert!(
        list.iter()
            .all(|o| o["classification"]["class"].is_string())
    );

    // PATCH: partial change, the rest is kept; publish in the same call.
    let res = c
        .patch(&url)
        .bearer_auth(token)
        .json(&json!({"title": "TQ Lager am Wochenende", "capacity": "14", "published": true, "id": "ignored"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let patched: Value = res.json().await.unwrap();
    assert_eq!(patched["title"], "TQ Lager am Wochenende");
    assert_eq!(patched["capacity"], 14);
    assert_eq!(patched["published"], true);
    assert!(patched["published_at"].is_string());
    assert_eq!(patched["modules"], created["modules"]);
    assert_eq!(patched["id"], created["id"]);
    // A client can send back what it read.
    let res = c
        .patch(&url)
        .bearer_auth(token)
        .json(&patched)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // Only unpublish.
    let unpublished: Value = c
        .patch(&url)
        .bearer_auth(token)
        .json(&json!({"published": false}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(unpublished["published"], false);
    assert_eq!(unpublished["title"], "TQ Lager am Wochenende");
    // null clears a value.
    let cleared: Value = c
        .patch(&url)
        .bearer_auth(token)
        .json(&json!({"exams": null}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(cleared["exams"], json!([]));

    // Success factors.
    let res = c
        .get(app.url(&format!("/api/v1/offers/{id}/success-factors")))
        .bearer_auth(app.token(Role::Counsellor))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let factors: Vec<Value> = res.json().await.unwrap();
    assert!(factors.len() >= 15);
    for f in &factors {
        let o = f.as_object().unwrap();
        let mut keys: Vec<&String> = o.keys().collect();
        keys.sort();
        assert_eq!(keys, ["explanation", "factor", "section", "status"]);
        assert!(["met", "partly", "not_met"].contains(&f["status"].as_str().unwrap()));
        assert!(["1", "2.1", "2.2", "2.3"].contains(&f["section"].as_str().unwrap()));
        let text = f["explanation"].as_str().unwrap();
        assert!(
            text.ends_with('.') && !text.starts_with("offers-"),
            "{text}"
        );
    }
    assert!(
        factors
            .iter()
            .any(|f| f["factor"] == "kickoff_closing_presence" && f["status"] == "met")
    );
    assert!(
        factors
            .iter()
            .any(|f| f["factor"] == "mentoring" && f["status"] == "met")
    );
}

#[tokio::test]
async fn api_rejects_invalid_drafts_with_problem_details() {
    let app = TestApp::spawn().await;
    let c = reqwest::Client::new();
    let before = offer_count(&app).await;
    let mut bad = api_draft();
    bad["title"] = json!("X");
    bad["modules"][1]["hours"] = json!("viele");
    bad["language_level"] = json!("C1");
    let res = c
        .post(app.url("/api/v1/offers"))
        .bearer_auth(app.token(Role::Coordinator))
        .json(&bad)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["status"], 422);
    let errors = p["errors"].as_array().unwrap();
    let find = |field: &str| {
        errors
            .iter()
            .find(|e| e["field"] == field)
            .unwrap_or_else(|| panic!("no error for {field}: {errors:?}"))
    };
    assert_eq!(find("title")["code"], "too_short");
    assert_eq!(
        find("title")["message"],
        "The title needs at least 3 characters."
    );
    assert_eq!(find("modules.1.hours")["code"], "invalid_number");
    assert_eq!(find("language_justification")["code"], "required_above_b1");
    assert_eq!(offer_count(&app).await, before, "nothing saved");

    // Admins must name an existing provider.
    let res = c
        .post(app.url("/api/v1/offers"))
        .bearer_auth(app.token(Role::Admin))
        .json(&api_draft())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["errors"][0]["field"], "provider_id");
    assert_eq!(p["errors"][0]["code"], "required");
    let mut body = api_draft();
    body["provider_id"] = json!(app.p2.id.to_string());
    let res = c
        .post(app.url("/api/v1/offers"))
        .bearer_auth(app.token(Role::Admin))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let created: Value = res.json().await.unwrap();
    assert_eq!(created["provider_id"], app.p2.id.to_string());
    // A coordinator cannot create for another provider.
    let res = c
        .post(app.url("/api/v1/offers"))
        .bearer_auth(app.token(Role::Coordinator))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);

    // Malformed JSON and wrong types are 400 problems.
    let res = c
        .post(app.url("/api/v1/offers"))
        .bearer_auth(app.token(Role::Coordinator))
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let res = c
        .post(app.url("/api/v1/offers"))
        .bearer_auth(app.token(Role::Coordinator))
        .json(&json!({"title": 5}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);

    // An invalid PATCH changes nothing.
    let url = app.url(&format!("/api/v1/offers/{}", app.offer.id));
    let res = c
        .patch(&url)
        .bearer_auth(app.token(Role::Coordinator))
        .json(&json!({"capacity": 0, "published": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["errors"][0]["field"], "capacity");
    let stored = app.state.store.offer(app.offer.id).await.unwrap();
    assert!(stored.published && stored.offer.capacity == 16);
    let res = c
        .patch(&url)
        .bearer_auth(app.token(Role::Coordinator))
        .json(&json!({"published": "ja"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
}

#[tokio::test]
async fn the_api_is_documented() {
    let app = TestApp::spawn().await;
    let doc: Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for (path, method) in [
        ("/api/v1/offers", "get"),
        ("/api/v1/offers", "post"),
        ("/api/v1/offers/{id}", "get"),
        ("/api/v1/offers/{id}", "patch"),
        ("/api/v1/offers/{id}/success-factors", "get"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path}");
    }
    assert!(doc["components"]["schemas"]["OfferDto"].is_object());
    assert!(doc["components"]["schemas"]["SuccessFactorDto"].is_object());
}
