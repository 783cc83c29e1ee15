//! Counselling records over the API: enrolment lifecycle, readiness checks, contact log,
//! consents and the export.

use lernweg_domain::Role;
use lernweg_store::Actor;
use serde_json::{Value, json};

use super::common::{self, TestApp};
use super::{Api, codes, keys, views};

#[tokio::test]
async fn enrolment_lifecycle_through_the_api() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Counsellor);
    let pid = app.participant;
    let (status, list) = api
        .get(&format!("/api/v1/participants/{pid}/enrolments"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["id"], app.enrolment.to_string());
    assert_eq!(list["items"][0]["status"], "interested");
    assert_eq!(list["next_cursor"], Value::Null);

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
                planning: Default::default(),
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
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["note"], "Kita-Platz ab Oktober zugesagt.");
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
    let (s, device) = api
        .post(
            "/api/v1/devices",
            json!({"kind": "laptop", "label": "Laptop 7", "serial": "L7"}),
        )
        .await;
    assert_eq!(s, 201, "{device}");
    let (s, loan) = api
        .post(
            "/api/v1/loans",
            json!({"device_id": device["id"], "participant_id": pid,
                "lent_on": "2026-02-03", "due_on": "2026-06-30"}),
        )
        .await;
    assert_eq!(s, 201, "{loan}");
    let (s, service) = api
        .post(
            "/api/v1/counselling-services",
            json!({"kind": "childcare", "name": "Kita-Servicestelle Essen"}),
        )
        .await;
    assert_eq!(s, 201, "{service}");
    let (s, referral) = api
        .post(
            "/api/v1/referrals",
            json!({"participant_id": pid, "service_id": service["id"], "reason": "Betreuung dienstags"}),
        )
        .await;
    assert_eq!(s, 201, "{referral}");
    let before = views(&app, &pid).await.len();
    let (status, doc) = api.get(&format!("{base}/export")).await;
    assert_eq!(status, 200, "{doc}");
    // The export and, as on the pages, the contact notes it includes.
    let after = views(&app, &pid).await;
    let mut details: Vec<_> = after[..after.len() - before]
        .iter()
        .map(|e| e.detail.as_str())
        .collect();
    details.sort_unstable();
    assert_eq!(details, ["api: export", "contact notes"]);
    assert_eq!(
        keys(&doc),
        [
            "attendance",
            "consents",
            "contacts",
            "employments",
            "enrolments",
            "exported_at",
            "loans",
            "participant",
            "plan_items",
            "readiness_checks",
            "recognition",
            "referrals",
            "release_agreements",
            "work_pattern"
        ]
    );
    assert_eq!(doc["participant"]["id"], pid);
    assert_eq!(doc["participant"]["given_name"], "Amina");
    assert_eq!(
        doc["participant"]["contact_person"]["id"],
        app.user(Role::Counsellor).id.to_string()
    );
    assert_eq!(doc["consents"][0]["scope"], "health_data");
    assert_eq!(doc["loans"][0]["device_id"], device["id"]);
    assert_eq!(doc["loans"][0]["due_on"], "2026-06-30");
    assert_eq!(doc["referrals"][0]["reason"], "Betreuung dienstags");
    assert_eq!(doc["referrals"][0]["status"], "suggested");
    assert_eq!(
        doc["attendance"][0]["enrolment_id"],
        app.enrolment.to_string()
    );
    assert!(doc["attendance"][0]["attendance"].is_array());
    assert!(doc["attendance"][0]["progress_entries"].is_array());
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
