//! The participants API over real HTTP: record CRUD with GDPR erasure, field errors, access
//! and tenancy, audit of reads, enrolment lifecycle, readiness checks, contact log, consents
//! and the export.

mod common;

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
                "contact_person_id": counsellor.id.to_string()
            }),
        )
        .await;
    assert_eq!(status, 201, "{p}");
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
    assert_eq!(list.as_array().unwrap().len(), 2);

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

    // A contact person who is not staff of the provider.
    let (status, problem) = api
        .post(
            "/api/v1/participants",
            json!({"given_name": "A", "family_name": "B",
                   "contact_person_id": app.other_coordinator.id.to_string()}),
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
    assert_eq!(list, json!([]));
    // Still there for its own provider.
    assert_eq!(Api::of(&app, Role::Counsellor).get(&path).await.0, 200);

    // Admins see all and filter by provider.
    let admin = Api::of(&app, Role::Admin);
    let (_, all) = admin.get("/api/v1/participants").await;
    assert_eq!(all.as_array().unwrap().len(), 1);
    let (status, none) = admin
        .get(&format!("/api/v1/participants?provider_id={}", app.p2.id))
        .await;
    assert_eq!(status, 200);
    assert_eq!(none, json!([]));
    // Admins create for a named provider.
    let (status, p) = admin
        .post(
            "/api/v1/participants",
            json!({"given_name": "Y", "family_name": "Z", "provider_id": app.p2.id.to_string()}),
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
async fn enrolment_lifecycle_through_the_api() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Counsellor);
    let pid = app.participant;
    let (status, list) = api
        .get(&format!("/api/v1/participants/{pid}/enrolments"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], app.enrolment.to_string());
    assert_eq!(list[0]["status"], "interested");

    let events = format!("/api/v1/enrolments/{}/events", app.enrolment);
    // Enrolment before counselling is refused with the rule's code.
    let (status, problem) = api
        .post(
            &events,
            json!({"on": "2026-09-01", "event": {"event": "enrol"}}),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        codes(&problem),
        [("event".to_owned(), "counselling_required".to_owned())]
    );
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("Counselling comes before enrolment"),
        "{problem}"
    );
    for (on, event, status_after) in [
        ("2026-09-01", json!({"event": "counsel"}), "counselled"),
        ("2026-09-10", json!({"event": "enrol"}), "enrolled"),
        ("2027-03-02", json!("activate"), "active"),
        (
            "2027-04-01",
            json!({"event": "pause", "reason": "health", "expected_return": "2027-05-01"}),
            "paused",
        ),
        ("2027-05-01", json!({"event": "resume"}), "active"),
    ] {
        let (status, e) = api.post(&events, json!({"on": on, "event": event})).await;
        assert_eq!(status, 200, "{e}");
        assert_eq!(e["status"], status_after);
    }
    // Resume while active: refused.
    let (status, problem) = api
        .post(
            &events,
            json!({"on": "2027-05-02", "event": {"event": "resume"}}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(codes(&problem)[0].1, "not_paused");
    // Malformed event and date.
    let (status, problem) = api
        .post(&events, json!({"on": "gestern", "event": {"event": "fly"}}))
        .await;
    assert_eq!(status, 422);
    let fields: Vec<String> = codes(&problem).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["on", "event"]);

    let (status, e) = api
        .get(&format!("/api/v1/enrolments/{}", app.enrolment))
        .await;
    assert_eq!(status, 200);
    let history = e["history"].as_array().unwrap();
    assert_eq!(history.len(), 5);
    assert_eq!(history[3]["event"]["event"], "pause");
    assert_eq!(history[3]["event"]["reason"], "health");
    assert_eq!(history[3]["from"], "active");
    assert_eq!(history[3]["to"], "paused");
    assert_eq!(e["participant_id"], pid.to_string());

    // Enrolling twice in the same cohort: conflict; in another provider's cohort: 422.
    let enrolments = format!("/api/v1/participants/{pid}/enrolments");
    let (status, _) = api
        .post(&enrolments, json!({"cohort_id": app.cohort.id.to_string()}))
        .await;
    assert_eq!(status, 409);
    let store = &app.state.store;
    let actor = Actor::system();
    let offer2 = store
        .create_offer(&actor, app.p2.id, common::sample_offer())
        .await
        .unwrap();
    let cohort2 = store
        .create_cohort(
            &actor,
            lernweg_store::NewCohort {
                offer_id: offer2.id,
                name: "Zwei".into(),
                state: lernweg_domain::State::SN,
                start_date: chrono::NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(),
                room: String::new(),
                online_link: String::new(),
                trainers: vec![],
            },
            &[],
        )
        .await
        .unwrap();
    let (status, problem) = api
        .post(&enrolments, json!({"cohort_id": cohort2.id.to_string()}))
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        codes(&problem),
        [("cohort_id".to_owned(), "other_provider".to_owned())]
    );
    let (status, _) = api
        .post(&enrolments, json!({"cohort_id": "kein-durchgang"}))
        .await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn readiness_checks_need_consent_for_health_and_show_changes() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Counsellor);
    let pid = app.participant;
    let checks = format!("/api/v1/participants/{pid}/readiness-checks");
    let answers = json!({
        "free_hours_per_week": 4, "commute_minutes": 30, "childcare": "no",
        "quiet_place": false, "internet": "yes", "device": "none", "digital_skills": "basic",
        "income_if_reduced": "tight", "job_relates": "partly", "health": "limited"
    });
    let (status, problem) = api
        .post(
            &checks,
            json!({"checked_on": "2026-09-01", "answers": answers}),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(codes(&problem)[0].1, "health_without_consent");

    let (status, consent) = api
        .post(
            &format!("/api/v1/participants/{pid}/consents"),
            json!({"scope": "health_data", "given_on": "2026-08-01"}),
        )
        .await;
    assert_eq!(status, 201, "{consent}");
    let (status, first) = api
        .post(
            &checks,
            json!({"checked_on": "2026-09-01", "answers": answers}),
        )
        .await;
    assert_eq!(status, 201, "{first}");
    assert!(first.get("changes").is_none());
    assert!(first["result"]["overall"].is_string(), "{first}");

    let mut better = answers.clone();
    better["device"] = json!("own");
    better["childcare"] = json!("yes");
    better["quiet_place"] = json!(true);
    let (status, second) = api
        .post(
            &checks,
            json!({"checked_on": "2026-10-01", "answers": better}),
        )
        .await;
    assert_eq!(status, 201, "{second}");
    let changes = second["changes"].as_array().unwrap();
    let dims: Vec<&str> = changes
        .iter()
        .map(|c| c["dimension"].as_str().unwrap())
        .collect();
    assert!(dims.contains(&"device"), "{second}");
    assert!(dims.contains(&"childcare"), "{second}");

    let (status, list) = api.get(&checks).await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[1]["changes"], second["changes"]);

    // Out-of-range hours and bad dates.
    let (status, problem) = api
        .post(&checks, json!({"answers": {"free_hours_per_week": 500}}))
        .await;
    assert_eq!(status, 422);
    assert_eq!(codes(&problem)[0].1, "free_hours_out_of_range");
    let (status, _) = api
        .post(&checks, json!({"checked_on": "01.09.2026", "answers": {}}))
        .await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn contact_log_with_notes_and_audited_reads() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Counsellor);
    let pid = app.participant.to_string();
    let log = format!("/api/v1/participants/{pid}/contacts");
    let (status, entry) = api
        .post(
            &log,
            json!({"date": "2026-09-03", "channel": "telefon", "topic": "Kinderbetreuung",
                   "note": "Kita-Platz ab Oktober zugesagt."}),
        )
        .await;
    assert_eq!(status, 201, "{entry}");
    assert_eq!(
        keys(&entry),
        ["channel", "date", "id", "note", "staff_id", "topic"]
    );
    assert_eq!(entry["channel"], "phone");
    let (status, problem) = api
        .post(
            &log,
            json!({"date": "x", "channel": "brieftaube", "topic": ""}),
        )
        .await;
    assert_eq!(status, 422);
    let fields: Vec<String> = codes(&problem).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["date", "channel"]);
    let (status, problem) = api
        .post(&log, json!({"channel": "email", "topic": ""}))
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        codes(&problem),
        [("topic".to_owned(), "required".to_owned())]
    );

    let before = views(&app, &pid).await.len();
    let (status, list) = Api::of(&app, Role::Coordinator).get(&log).await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["note"], "Kita-Platz ab Oktober zugesagt.");
    let after = views(&app, &pid).await;
    assert_eq!(after.len(), before + 1);
    assert!(after[0].detail.contains("contact log"));
    assert!(!after[0].detail.contains("Kita"));
}

#[tokio::test]
async fn consents_are_given_listed_and_withdrawn() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Coordinator);
    let pid = app.participant;
    let consents = format!("/api/v1/participants/{pid}/consents");
    let (status, c) = api
        .post(
            &consents,
            json!({"scope": "fotos", "given_on": "2026-01-10"}),
        )
        .await;
    assert_eq!(status, 201, "{c}");
    assert_eq!(c["scope"], "photos");
    assert_eq!(c["active"], true);
    assert_eq!(c["withdrawn_on"], Value::Null);
    let cid = c["id"].as_str().unwrap();
    let (status, problem) = api.post(&consents, json!({"scope": "alles"})).await;
    assert_eq!(status, 422);
    assert_eq!(codes(&problem)[0].0, "scope");

    let withdraw = format!("{consents}/{cid}/withdraw");
    let (status, problem) = api.post(&withdraw, json!({"on": "2025-12-01"})).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(codes(&problem)[0].1, "withdrawn_before_given");
    let (status, w) = api.post(&withdraw, json!({"on": "2026-02-01"})).await;
    assert_eq!(status, 200, "{w}");
    assert_eq!(w["withdrawn_on"], "2026-02-01");
    assert_eq!(w["active"], false);
    assert_eq!(
        api.post(&withdraw, json!({"on": "2026-03-01"})).await.0,
        409
    );
    assert_eq!(
        api.post(&format!("{consents}/unbekannt/withdraw"), json!({}))
            .await
            .0,
        404
    );
    let (status, list) = api.get(&consents).await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["withdrawn_on"], "2026-02-01");
}

#[tokio::test]
async fn export_holds_everything_and_is_audited() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Counsellor);
    let pid = app.participant.to_string();
    let base = format!("/api/v1/participants/{pid}");
    assert_eq!(
        api.post(
            &format!("{base}/consents"),
            json!({"scope": "health_data", "given_on": "2026-01-01"})
        )
        .await
        .0,
        201
    );
    assert_eq!(
        api.post(
            &format!("{base}/contacts"),
            json!({"date": "2026-02-01", "channel": "video", "topic": "Erstgespräch", "note": "Notiz X"})
        )
        .await
        .0,
        201
    );
    assert_eq!(
        api.post(
            &format!("{base}/readiness-checks"),
            json!({"checked_on": "2026-02-01", "answers": {"health": "good", "device": "own"}})
        )
        .await
        .0,
        201
    );
    assert_eq!(
        api.post(
            &format!("/api/v1/enrolments/{}/events", app.enrolment),
            json!({"on": "2026-02-02", "event": {"event": "counsel"}})
        )
        .await
        .0,
        200
    );
    let before = views(&app, &pid).await.len();
    let (status, doc) = api.get(&format!("{base}/export")).await;
    assert_eq!(status, 200, "{doc}");
    assert_eq!(views(&app, &pid).await.len(), before + 1);
    assert_eq!(
        keys(&doc),
        [
            "consents",
            "contacts",
            "enrolments",
            "exported_at",
            "participant",
            "readiness_checks"
        ]
    );
    assert_eq!(doc["participant"]["id"], pid);
    assert_eq!(doc["participant"]["given_name"], "Amina");
    assert_eq!(
        doc["participant"]["contact_person"]["id"],
        app.user(Role::Counsellor).id.to_string()
    );
    assert_eq!(doc["consents"][0]["scope"], "health_data");
    assert_eq!(doc["contacts"][0]["note"], "Notiz X");
    assert_eq!(doc["readiness_checks"][0]["answers"]["health"], "good");
    assert_eq!(doc["enrolments"][0]["status"], "counselled");
    assert_eq!(
        doc["enrolments"][0]["history"][0]["event"]["event"],
        "counsel"
    );

    // After erasure nothing is left to export.
    assert_eq!(api.send("DELETE", &base, None).await.0, 204);
    assert_eq!(api.get(&format!("{base}/export")).await.0, 404);
    assert_eq!(
        api.get(&format!("/api/v1/enrolments/{}", app.enrolment))
            .await
            .0,
        404
    );
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
