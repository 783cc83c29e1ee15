//! `PATCH /api/v1/sessions/{id}` (issue 13, point 7): a published session is moved or
//! cancelled with a reason; it keeps its UID, its SEQUENCE rises, the history keeps the reason.

mod common;

use common::TestApp;
use lernweg_domain::Role;
use serde_json::{Value, json};

async fn patch(app: &TestApp, token: &str, id: &str, body: Value) -> (u16, Value) {
    let res = reqwest::Client::new()
        .patch(app.url(&format!("/api/v1/sessions/{id}")))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn sessions(app: &TestApp, token: &str) -> Vec<Value> {
    reqwest::Client::new()
        .get(app.url(&format!("/api/v1/cohorts/{}/sessions", app.cohort.id)))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_published_session_moves_and_is_cancelled_with_a_reason_keeping_its_uid() {
    let app = TestApp::spawn().await;
    let token = app.token(Role::Coordinator);
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/cohorts/{}/status", app.cohort.id)))
        .bearer_auth(token)
        .json(&json!({"status": "published"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let before = sessions(&app, token).await;
    let target = &before[3];
    let id = target["id"].as_str().unwrap();

    // Without a reason nothing changes.
    let (status, body) = patch(&app, token, id, json!({"start": "18:00", "end": "21:15"})).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "reason");
    assert_eq!(sessions(&app, token).await[3], *target);

    // A move: the same UID, the next SEQUENCE, the new times, the date kept.
    let (status, moved) = patch(
        &app,
        token,
        id,
        json!({"start": "18:00", "end": "21:15", "reason": "Der Raum ist belegt."}),
    )
    .await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["uid"], target["uid"]);
    assert_eq!(
        moved["sequence"].as_i64().unwrap(),
        target["sequence"].as_i64().unwrap() + 1
    );
    assert_eq!(
        (moved["start"].as_str(), moved["end"].as_str()),
        (Some("18:00"), Some("21:15"))
    );
    assert_eq!(moved["date"], target["date"]);
    assert_eq!(moved["status"], "confirmed");

    // A cancellation.
    let (status, cancelled) = patch(
        &app,
        token,
        id,
        json!({"status": "cancelled", "reason": "Die Trainerin ist krank."}),
    )
    .await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["uid"], target["uid"]);
    assert_eq!(
        cancelled["sequence"].as_i64().unwrap(),
        target["sequence"].as_i64().unwrap() + 2
    );
    let history = app
        .state
        .store
        .session_changes(id.parse().unwrap())
        .await
        .unwrap();
    let reasons: Vec<&str> = history.iter().map(|c| c.reason.as_str()).collect();
    assert_eq!(
        reasons,
        ["Der Raum ist belegt.", "Die Trainerin ist krank."]
    );

    // Wrong keys are named; an unknown session is 404; a trainer may not change sessions.
    let other = before[4]["id"].as_str().unwrap();
    let (status, body) = patch(&app, token, other, json!({"date": "bald", "reason": "x"})).await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("date"))
    );
    let (status, _) = patch(
        &app,
        token,
        "0190a1b2-0000-7000-8000-00000000dead",
        json!({"status": "cancelled", "reason": "x"}),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = patch(
        &app,
        app.token(Role::Trainer),
        other,
        json!({"status": "cancelled", "reason": "x"}),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(sessions(&app, token).await[4], before[4]);
}
