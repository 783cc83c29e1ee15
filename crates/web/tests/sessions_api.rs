//! Changing sessions (issue 13, point 7): `PATCH /api/v1/sessions/{id}` moves or cancels a
//! published session with a reason (it keeps its UID, its SEQUENCE rises, the history keeps the
//! reason); on the session page, staff see before saving which public holiday and which
//! participants' shifts the new time hits.

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

#[tokio::test]
async fn the_session_page_shows_the_shifts_and_holiday_a_move_hits_before_saving() {
    let app = TestApp::spawn().await;
    // Amina Haddad (interested in the cohort) works Monday to Friday, 08:00–16:00.
    let shifts: Vec<Value> = ["mon", "tue", "wed", "thu", "fri"]
        .iter()
        .map(|d| json!({"weekday": d, "start": "08:00", "end": "16:00"}))
        .collect();
    let pattern =
        json!({"weeks": 1, "anchor": "2027-03-01", "travel_minutes": 0, "shifts": shifts});
    let path = format!("/api/v1/participants/{}/work-pattern", app.participant);
    let (status, body) = api_call(&app, Role::Counsellor, "PUT", &path, Some(pattern)).await;
    assert_eq!(status, 200, "{body}");

    let (client, csrf) = app.login("coordinator@test.example").await;
    let session = app.state.store.timetable(app.cohort.id).await.unwrap()[0].clone();
    let url = app.url(&format!("/verwaltung/termine/{}/verschieben", session.id));
    let post = |fields: Vec<(&'static str, &'static str)>| {
        let mut form = fields;
        form.push(("csrf", csrf.as_str()));
        client.post(url.clone()).form(&form).send()
    };

    // Into her shift on a Monday: shown, not saved.
    let res = post(vec![
        ("date", "2027-03-08"),
        ("start", "10:00"),
        ("end", "12:00"),
        ("reason", ""),
    ])
    .await
    .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Vor dem Speichern: Diese Verschiebung trifft"),
        "{html}"
    );
    assert!(
        html.contains("Amina Haddad arbeitet zu dieser Zeit"),
        "{html}"
    );
    assert!(html.contains("08:00–16:00"), "{html}");
    assert!(html.contains(r#"name="confirm" value="1""#));
    assert!(html.contains("Trotzdem verschieben"));
    let unchanged = app.state.store.timetable_session(session.id).await.unwrap();
    assert_eq!(
        (unchanged.date, unchanged.start, unchanged.sequence),
        (session.date, session.start, session.sequence)
    );

    // On a public holiday (a Sunday, outside her shifts): the holiday is named.
    let res = post(vec![
        ("date", "2027-10-03"),
        ("start", "10:00"),
        ("end", "12:00"),
        ("reason", ""),
    ])
    .await
    .unwrap();
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Der 03.10.2027 ist ein Feiertag: Tag der Deutschen Einheit."),
        "{html}"
    );
    assert!(!html.contains("arbeitet zu dieser Zeit"));

    // After her shift: nothing to show, saved at once.
    let res = post(vec![
        ("date", "2027-03-08"),
        ("start", "17:00"),
        ("end", "19:00"),
        ("reason", ""),
    ])
    .await
    .unwrap();
    assert_eq!(res.status(), 303);

    // Into her shift, confirmed: saved.
    let res = post(vec![
        ("date", "2027-03-09"),
        ("start", "10:00"),
        ("end", "12:00"),
        ("reason", "Nur dieser Raum ist frei."),
        ("confirm", "1"),
    ])
    .await
    .unwrap();
    assert_eq!(res.status(), 303);
    let moved = app.state.store.timetable_session(session.id).await.unwrap();
    assert_eq!(moved.date.to_string(), "2027-03-09");
    assert_eq!(moved.start.map(|t| t.to_string()).as_deref(), Some("10:00"));
}
