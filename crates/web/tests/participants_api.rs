//! The participants API over real HTTP: record CRUD with GDPR erasure, field errors, access
//! and tenancy, audit of reads, enrolment lifecycle, readiness checks, contact log, consents
//! and the export.

#[path = "participants_api/care.rs"]
mod care;
mod common;
#[path = "participants_api/lists.rs"]
mod lists;
#[path = "participants_api/readiness.rs"]
mod readiness;

use common::TestApp;
use lernweg_domain::Role;
use lernweg_store::Actor;
use serde_json::{Value, json};

struct Api<'a> {
    app: &'a TestApp,
    token: String,
    client: reqwest::Client,
}

impl<'a> Api<'a> {
    fn new(app: &'a TestApp, token: &str) -> Self {
        Api {
            app,
            token: token.to_owned(),
            client: reqwest::Client::new(),
        }
    }

    fn of(app: &'a TestApp, role: Role) -> Self {
        Self::new(app, app.token(role))
    }

    async fn send(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let url = self.app.url(path);
        let mut req = match method {
            "GET" => self.client.get(url),
            "POST" => self.client.post(url),
            "PATCH" => self.client.patch(url),
            "DELETE" => self.client.delete(url),
            m => panic!("method {m}"),
        }
        .bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        let text = res.text().await.unwrap();
        let v = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (status, v)
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        self.send("GET", path, None).await
    }

    async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.send("POST", path, Some(body)).await
    }
}

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

fn codes(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors in {problem}"))
        .iter()
        .map(|e| {
            assert!(
                !e["message"].as_str().unwrap().is_empty(),
                "message missing in {e}"
            );
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn views(app: &TestApp, id: &str) -> Vec<lernweg_store::AuditEntry> {
    app.state
        .store
        .audit_entries(Some(app.p1.id), 1000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "view" && e.entity_id.as_deref() == Some(id))
        .collect()
}

#[tokio::test]
async fn create_read_patch_and_erase() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Coordinator);
    let counsellor = app.user(Role::Counsellor);
    let (status, p) = api
        .post(
            "/api/v1/participants",
            json!({
                "given_name": "Olena", "family_name": "Kovalenko", "email": "olena@example.org",
                "phone": "0171 2345678", "mother_tongue": "Ukrainisch", "other_languages": "ru, en",
                "german_level": "b1", "preferred_channel": "messenger",
                "reachable_times": "Mo–Fr ab 17 Uhr", "foreign_qualification": "Pflegefachkraft",
                "kldb": "81302", "recognition_status": "in_progress", "employer": "Klinikum",
                "weekly_hours": "19,5", "birth_year": "12.03.1985",
                "contact_person_id": counsellor.id.to_string(),
                "consents": [{"scope": "data_processing", "given_on": "2026-09-01"}]
            }),
        )
        .await;
    assert_eq!(status, 201, "{p}");
    // The consent sent is recorded with the participant.
    let (status, consents) = api
        .get(&format!(
            "/api/v1/participants/{}/consents",
            p["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(status, 200);
    assert_eq!(consents.as_array().unwrap().len(), 1, "{consents}");
    assert_eq!(consents[0]["scope"], "data_processing");
    assert_eq!(consents[0]["given_on"], "2026-09-01");
    assert_eq!(
        keys(&p),
        [
            "birth_year",
            "contact_person",
            "created_at",
            "email",
            "employer",
            "family_name",
            "foreign_qualification",
            "german_level",
            "given_name",
            "id",
            "kldb",
            "mother_tongue",
            "other_languages",
            "phone",
            "preferred_channel",
            "provider_id",
            "reachable_times",
            "recognition_status",
            "updated_at",
            "weekly_hours",
        ]
    );
    assert_eq!(p["mother_tongue"], "uk");
    assert_eq!(p["other_languages"], json!(["ru", "en"]));
    assert_eq!(p["german_level"], "B1");
    assert_eq!(p["preferred_channel"], "messenger");
    assert_eq!(p["weekly_hours"], 19.5);
    assert_eq!(p["birth_year"], 1985);
    assert_eq!(p["provider_id"], app.p1.id.to_string());
    assert_eq!(keys(&p["contact_person"]), ["display_name", "email", "id"]);
    assert_eq!(p["contact_person"]["id"], counsellor.id.to_string());
    let id = p["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/participants/{id}");

    // Reading is audited, without names.
    let before = views(&app, &id).await.len();
    let (status, got) = api.get(&path).await;
    assert_eq!(status, 200);
    assert_eq!(got, p);
    let after = views(&app, &id).await;
    assert_eq!(after.len(), before + 1);
    assert!(after.iter().all(|e| e.entity == "participant"
        && !e.detail.contains("Olena")
        && !e.detail.contains("Kovalenko")));

    // The list shows the new participant and the fixture one.
    let (status, list) = api.get("/api/v1/participants").await;
    assert_eq!(status, 200);
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert_eq!(list["next_cursor"], Value::Null);

    // PATCH overlays the given keys; the rest stays.
    let (status, patched) = api
        .send(
            "PATCH",
            &path,
            Some(json!({"phone": "+49 30 123456", "weekly_hours": 25, "contact_person_id": null})),
        )
        .await;
    assert_eq!(status, 200, "{patched}");
    assert_eq!(patched["phone"], "+49 30 123456");
    assert_eq!(patched["weekly_hours"], 25.0);
    assert_eq!(patched["contact_person"], Value::Null);
    assert_eq!(patched["given_name"], "Olena");
    assert_eq!(patched["other_languages"], json!(["ru", "en"]));
    assert_eq!(patched["birth_year"], 1985);
    assert_eq!(patched["created_at"], p["created_at"]);

    // Removing a key by sending an empty value.
    let (status, patched) = api
        .send("PATCH", &path, Some(json!({"employer": ""})))
        .await;
    assert_eq!(status, 200);
    assert_eq!(patched["employer"], Value::Null);

    // GDPR erasure: 204, then 404; anonymous statistics remain.
    let (status, _) = api.send("DELETE", &path, None).await;
    assert_eq!(status, 204);
    assert_eq!(api.get(&path).await.0, 404);
    assert_eq!(api.send("DELETE", &path, None).await.0, 404);
    assert_eq!(
        app.state
            .store
            .erased_participant_count(app.p1.id)
            .await
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn invalid_fields_answer_422_with_field_errors() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Counsellor);
    let (status, problem) = api
        .post(
            "/api/v1/participants",
            json!({"given_name": " ", "family_name": "Haddad", "email": "kein-at",
                   "preferred_channel": "fax", "weekly_hours": "99", "birth_year": "1800",
                   "mother_tongue": "klingonisch"}),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    let got = codes(&problem);
    let fields: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
    for f in [
        "given_name",
        "email",
        "preferred_channel",
        "weekly_hours",
        "birth_year",
        "mother_tongue",
    ] {
        assert!(fields.contains(&f), "{f} missing in {got:?}");
    }
    assert!(got.contains(&("given_name".into(), "required".into())));
    assert!(got.contains(&("weekly_hours".into(), "out_of_range".into())));
    assert!(
        got.contains(&("consents".into(), "data_processing_required".into())),
        "the missing consent is named with the other fields: {got:?}"
    );

    // A contact person who is not staff of the provider.
    let (status, problem) = api
        .post(
            "/api/v1/participants",
            json!({"given_name": "A", "family_name": "B",
                   "contact_person_id": app.other_coordinator.id.to_string(),
                   "consents": [{"scope": "data_processing", "given_on": "2026-09-01"}]}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(codes(&problem)[0].0, "contact_person_id");

    // PATCH validates the merged record again.
    let path = format!("/api/v1/participants/{}", app.participant);
    let (status, problem) = api
        .send(
            "PATCH",
            &path,
            Some(json!({"family_name": "", "phone": "12"})),
        )
        .await;
    assert_eq!(status, 422);
    let got = codes(&problem);
    assert!(got.contains(&("family_name".into(), "required".into())));
    assert!(got.contains(&("phone".into(), "too_few_digits".into())));

    // Not an object: 400.
    assert_eq!(api.post("/api/v1/participants", json!([1])).await.0, 400);
}

#[tokio::test]
async fn trainers_are_refused_and_other_providers_see_nothing() {
    let app = TestApp::spawn().await;
    let id = app.participant;
    let trainer = Api::of(&app, Role::Trainer);
    for path in [
        "/api/v1/participants".to_owned(),
        format!("/api/v1/participants/{id}"),
        format!("/api/v1/participants/{id}/export"),
        format!("/api/v1/participants/{id}/contacts"),
        format!("/api/v1/enrolments/{}", app.enrolment),
    ] {
        assert_eq!(trainer.get(&path).await.0, 403, "{path}");
    }
    assert_eq!(
        trainer
            .send("DELETE", &format!("/api/v1/participants/{id}"), None)
            .await
            .0,
        403
    );

    let secret = app
        .state
        .store
        .create_token(&Actor::system(), &app.other_coordinator, "Test")
        .await
        .unwrap()
        .secret;
    let other = Api::new(&app, &secret);
    for path in [
        format!("/api/v1/participants/{id}"),
        format!("/api/v1/participants/{id}/export"),
        format!("/api/v1/participants/{id}/contacts"),
        format!("/api/v1/participants/{id}/consents"),
        format!("/api/v1/participants/{id}/readiness-checks"),
        format!("/api/v1/participants/{id}/enrolments"),
        format!("/api/v1/enrolments/{}", app.enrolment),
    ] {
        assert_eq!(other.get(&path).await.0, 404, "{path}");
    }
    let path = format!("/api/v1/participants/{id}");
    assert_eq!(
        other
            .send("PATCH", &path, Some(json!({"phone": "0170 999999"})))
            .await
            .0,
        404
    );
    assert_eq!(other.send("DELETE", &path, None).await.0, 404);
    assert_eq!(
        other
            .post(
                &format!("/api/v1/enrolments/{}/events", app.enrolment),
                json!({"on": "2026-09-01", "event": {"event": "counsel"}})
            )
            .await
            .0,
        404
    );
    let (status, list) = other.get("/api/v1/participants").await;
    assert_eq!(status, 200);
    assert_eq!(list, json!({"items": [], "next_cursor": null}));
    // Still there for its own provider.
    assert_eq!(Api::of(&app, Role::Counsellor).get(&path).await.0, 200);

    // Admins see all and filter by provider.
    let admin = Api::of(&app, Role::Admin);
    let (_, all) = admin.get("/api/v1/participants").await;
    assert_eq!(all["items"].as_array().unwrap().len(), 1);
    let (status, none) = admin
        .get(&format!("/api/v1/participants?provider_id={}", app.p2.id))
        .await;
    assert_eq!(status, 200);
    assert_eq!(none, json!({"items": [], "next_cursor": null}));
    // Admins create for a named provider.
    let (status, p) = admin
        .post(
            "/api/v1/participants",
            json!({"given_name": "Y", "family_name": "Z", "provider_id": app.p2.id.to_string(),
                   "consents": [{"scope": "data_processing", "given_on": "2026-09-01"}]}),
        )
        .await;
    assert_eq!(status, 201, "{p}");
    assert_eq!(p["provider_id"], app.p2.id.to_string());
    let (status, problem) = admin
        .post(
            "/api/v1/participants",
            json!({"given_name": "Y", "family_name": "Z"}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(codes(&problem)[0].0, "provider_id");
}

#[tokio::test]
async fn every_route_is_in_the_openapi_document() {
    let app = TestApp::spawn().await;
    let doc: Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for path in [
        "/api/v1/participants",
        "/api/v1/participants/{id}",
        "/api/v1/participants/{id}/export",
        "/api/v1/participants/{id}/enrolments",
        "/api/v1/enrolments/{id}",
        "/api/v1/enrolments/{id}/events",
        "/api/v1/participants/{id}/readiness-checks",
        "/api/v1/participants/{id}/contacts",
        "/api/v1/participants/{id}/consents",
        "/api/v1/participants/{id}/consents/{consent_id}/withdraw",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} undocumented");
    }
    assert!(doc["components"]["schemas"]["ParticipantDto"].is_object());
}
