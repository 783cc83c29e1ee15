//! `PATCH /api/v1/sessions/{id}` (issue 13, point 7): a published session is moved or
//! cancelled with a reason; it keeps its UID, its SEQUENCE rises, the history keeps the reason.

mod common;

use common::{TestApp, api_call};
use lernweg_domain::Role;
use serde_json::{Value, json};

async fn patch(app: &TestApp, role: Role, id: &str, body: Value) -> (u16, Value) {
    api_call(
        app,
        role,
        "PATCH",
        &format!("/api/v1/sessions/{id}"),
        Some(body),
    )
    .await
}

async fn sessions(app: &TestApp) -> Vec<Value> {
    let path = format!("/api/v1/cohorts/{}/sessions", app.cohort.id);
    let (status, list) = api_call(app, Role::Coordinator, "GET", &path, None).await;
    assert_eq!(status, 200);
    list.as_array().unwrap().clone()
}

#[tokio::test]
async fn a_published_session_moves_and_is_cancelled_with_a_reason_keeping_its_uid() {
    let app = TestApp::spawn().await;
    let coordinator = Role::Coordinator;
    let path = format!("/api/v1/cohorts/{}/status", app.cohort.id);
    let (status, _) = api_call(
        &app,
        coordinator,
        "POST",
        &path,
        Some(json!({"status": "published"})),
    )
    .await;
    assert_eq!(status, 200);
    let before = sessions(&app).await;
    let target = &before[3];
    let id = target["id"].as_str().unwrap();

    // Without a reason nothing changes.
    let (status, body) = patch(
        &app,
        coordinator,
        id,
        json!({"start": "18:00", "end": "21:15"}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "reason");
    assert_eq!(sessions(&app).await[3], *target);

    // A move: the same UID, the next SEQUENCE, the new times, the date kept.
    let (status, moved) = patch(
        &app,
        coordinator,
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
        coordinator,
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
    let (status, body) = patch(
        &app,
        coordinator,
        other,
        json!({"date": "bald", "reason": "x"}),
    )
    .await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("date"))
    );
    let (status, _) = patch(
        &app,
        coordinator,
        "0190a1b2-0000-7000-8000-00000000dead",
        json!({"status": "cancelled", "reason": "x"}),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = patch(
        &app,
        Role::Trainer,
        other,
        json!({"status": "cancelled", "reason": "x"}),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(sessions(&app).await[4], before[4]);
}
