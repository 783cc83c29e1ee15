//! `GET /api/v1/participants` (issue 12): `limit` and an opaque `cursor` over the
//! participants by id, the search and the filters, 422 naming the wrong field; and the
//! participant's contact log a stretch at a time.

use lernweg_domain::Role;
use lernweg_participants::ParticipantDraft;
use lernweg_store::Actor;
use serde_json::Value;

use super::common::TestApp;
use super::{Api, codes};

fn ids(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items in {v}"))
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_list_walks_by_cursor_and_filters() {
    let app = TestApp::spawn().await;
    let mut created = vec![app.participant.to_string()];
    for n in 0..4 {
        let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
            "given_name": format!("Lea{n}"), "family_name": "Zimmer", "email": format!("lea{n}@example.org"),
        }))
        .unwrap();
        let p = app
            .state
            .store
            .create_participant(
                &Actor::system(),
                app.p1.id,
                None,
                draft.validate(2026).unwrap(),
            )
            .await
            .unwrap();
        created.push(p.id.to_string());
    }
    let api = Api::of(&app, Role::Coordinator);
    let mut seen = Vec::new();
    let mut path = "/api/v1/participants?limit=2".to_owned();
    loop {
        let (status, page) = api.get(&path).await;
        assert_eq!(status, 200, "{page}");
        assert!(ids(&page).len() <= 2);
        seen.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/participants?limit=2&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, created, "every participant once, by id");
    // The contact person comes with each item (read for the whole stretch at once).
    let (_, page) = api.get("/api/v1/participants?limit=1").await;
    assert_eq!(
        page["items"][0]["contact_person"]["id"],
        app.user(Role::Counsellor).id.to_string()
    );

    let (_, found) = api.get("/api/v1/participants?q=LEA3%40").await;
    assert_eq!(ids(&found), [created[4].clone()]);
    let cohort = app.cohort.id;
    let (_, found) = api
        .get(&format!(
            "/api/v1/participants?cohort_id={cohort}&status=interested"
        ))
        .await;
    assert_eq!(ids(&found), [created[0].clone()]);
    let counsellor = app.user(Role::Counsellor).id;
    let (_, found) = api
        .get(&format!(
            "/api/v1/participants?contact_person_id={counsellor}"
        ))
        .await;
    assert_eq!(ids(&found), [created[0].clone()]);

    // Wrong input: 422 naming each field.
    let (status, problem) = api
        .get("/api/v1/participants?limit=501&cursor=nope&status=asleep&cohort_id=x")
        .await;
    assert_eq!(status, 422, "{problem}");
    let fields: Vec<String> = codes(&problem).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["status", "cohort_id", "limit"]);
    let (status, problem) = api.get("/api/v1/participants?cursor=nope").await;
    assert_eq!(status, 422);
    assert_eq!(codes(&problem)[0].0, "cursor");
    // The read is audited with how many records it gave.
    let entries = app.state.store.audit_entries(None, 50).await.unwrap();
    assert!(
        entries.iter().any(|e| e.detail == "api: list of 1"),
        "{entries:?}"
    );
}

#[tokio::test]
async fn the_contact_log_comes_a_stretch_at_a_time() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Counsellor);
    let log = format!("/api/v1/participants/{}/contacts", app.participant);
    for day in ["2026-09-01", "2026-09-02", "2026-09-02"] {
        let body = serde_json::json!({"date": day, "channel": "phone", "topic": day});
        assert_eq!(api.post(&log, body).await.0, 201);
    }
    let (status, first) = api.get(&format!("{log}?limit=2")).await;
    assert_eq!(status, 200);
    let topics: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["topic"].as_str().unwrap())
        .collect();
    assert_eq!(topics, ["2026-09-02", "2026-09-02"], "newest first");
    let cursor = first["next_cursor"].as_str().expect("more");
    let (_, rest) = api.get(&format!("{log}?limit=2&cursor={cursor}")).await;
    assert_eq!(rest["items"].as_array().unwrap().len(), 1);
    assert_eq!(rest["items"][0]["topic"], "2026-09-01");
    assert_eq!(rest["next_cursor"], Value::Null);
    let (status, problem) = api.get(&format!("{log}?limit=0")).await;
    assert_eq!(status, 422);
    assert_eq!(codes(&problem)[0].0, "limit");
}
