//! The attendance API: roll calls recorded per session, refusals per line (422) with nothing
//! written, and the progress of an enrolment that follows from attendance and staff entries.

use lernweg_domain::Role;
use lernweg_store::Actor;
use serde_json::{Value, json};

use super::common::TestApp;
use super::{api, running};

#[tokio::test]
async fn the_api_records_roll_calls_refuses_clearly_and_progress_follows() {
    let app = TestApp::spawn().await;
    let run = running(&app, 250).await;
    let trainer = app.token(Role::Trainer);
    let e = run.enrolment.to_string();
    let put = reqwest::Method::PUT;

    // Present at every lesson of module 1 but two: 8 of 10 lessons = 80 %.
    let lessons = run.lessons(1);
    assert_eq!(lessons.len(), 10);
    for (i, s) in lessons.iter().enumerate() {
        let status = if i < 2 { "excused" } else { "present" };
        let (code, body) = api(
            &app,
            trainer,
            put.clone(),
            &format!("/api/v1/sessions/{}/attendance", s.id),
            Some(json!([{"enrolment_id": e, "status": status}])),
        )
        .await;
        assert_eq!(code, 200, "{body}");
        assert_eq!(body["rows"][0]["status"], status);
        assert_eq!(body["rows"][0]["participant_name"], "Amina Haddad");
    }
    let progress_path = format!("/api/v1/enrolments/{}/progress", run.enrolment);
    let counsellor = app.token(Role::Counsellor);
    let (code, p) = api(&app, counsellor, reqwest::Method::GET, &progress_path, None).await;
    assert_eq!(code, 200, "{p}");
    assert_eq!(p["modules"][0]["number"], 1);
    assert_eq!(p["modules"][0]["title"], "Fachsprache");
    assert_eq!(p["modules"][0]["hours"]["held"], 30.0);
    assert_eq!(p["modules"][0]["hours"]["present"], 24.0);
    assert_eq!(p["modules"][0]["hours"]["excused"], 6.0);
    assert_eq!(p["modules"][0]["attendance_rate"], 0.8);
    assert_eq!(p["modules"][0]["completed"], true);
    assert_eq!(p["modules"][0]["completion"], "by_attendance");
    assert_eq!(p["milestones"][0]["title"], "Modulzertifikat Fachsprache");
    assert_eq!(p["milestones"][0]["reached"], true);
    // Module 2 was held but nothing recorded: not completed; its milestone needs the exam.
    assert_eq!(p["modules"][1]["completed"], false);
    assert_eq!(p["milestones"][1]["with_exam"], true);
    assert_eq!(p["modules_completed"], 1);
    assert_eq!(p["milestones_reached"], 1);

    // One more absence in module 1 drops it below 80 %.
    let (code, _) = api(
        &app,
        trainer,
        put.clone(),
        &format!("/api/v1/sessions/{}/attendance", lessons[2].id),
        Some(json!([{"enrolment_id": e, "status": "absent", "note": "ohne Abmeldung"}])),
    )
    .await;
    assert_eq!(code, 200);
    let (_, p) = api(&app, counsellor, reqwest::Method::GET, &progress_path, None).await;
    assert_eq!(p["modules"][0]["completed"], false);
    assert_eq!(p["milestones"][0]["reached"], false);
    let (code, list) = api(
        &app,
        counsellor,
        reqwest::Method::GET,
        &format!("/api/v1/enrolments/{}/attendance", run.enrolment),
        None,
    )
    .await;
    assert_eq!(code, 200);
    assert_eq!(list.as_array().unwrap().len(), 10);
    assert_eq!(list[2]["status"], "absent");
    assert_eq!(list[2]["note"], "ohne Abmeldung");
    assert_eq!(list[2]["kind"], "lesson");

    // A staff entry completes it anyway; "not completed" would override the attendance.
    let entries = format!("/api/v1/enrolments/{}/progress-entries", run.enrolment);
    let (code, p) = api(
        &app,
        counsellor,
        reqwest::Method::POST,
        &entries,
        Some(
            json!({"module": 1, "decision": "module_completed", "note": "Nachholaufgabe erledigt"}),
        ),
    )
    .await;
    assert_eq!(code, 201, "{p}");
    assert_eq!(p["modules"][0]["completion"], "by_staff");
    assert_eq!(p["entries"][0]["decision"], "module_completed");
    assert_eq!(p["entries"][0]["note"], "Nachholaufgabe erledigt");
    let (code, problem) = api(
        &app,
        counsellor,
        reqwest::Method::POST,
        &entries,
        Some(json!({"module": 1, "decision": "exam_passed"})),
    )
    .await;
    assert_eq!(code, 422);
    assert_eq!(problem["errors"][0]["code"], "no_exam");
    let (code, problem) = api(
        &app,
        counsellor,
        reqwest::Method::POST,
        &entries,
        Some(json!({"decision": "graduated", "on": "gestern"})),
    )
    .await;
    assert_eq!(code, 422);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["decision", "module", "on"]);

    // Refusals of a roll call: precise, per line, nothing written.
    let future = run.future();
    let (code, problem) = api(
        &app,
        trainer,
        put.clone(),
        &format!("/api/v1/sessions/{}/attendance", future.id),
        Some(json!([
            {"enrolment_id": e, "status": "present"},
            {"enrolment_id": app.enrolment.to_string(), "status": "excused"},
            {"enrolment_id": "kein-id", "status": "late"}
        ])),
    )
    .await;
    assert_eq!(code, 422, "{problem}");
    let errors: Vec<(String, String)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        vec![
            ("[2].enrolment_id".to_owned(), "invalid_id".to_owned()),
            ("[2].status".to_owned(), "unknown_status".to_owned()),
            ("[0].status".to_owned(), "future_session".to_owned()),
            ("[1].enrolment_id".to_owned(), "not_in_cohort".to_owned()),
        ]
    );
    let message = problem["errors"][2]["message"].as_str().unwrap();
    assert!(
        message.contains(&future.date.to_string()) && message.contains("excused"),
        "{message}"
    );
    let (_, body) = api(
        &app,
        trainer,
        reqwest::Method::GET,
        &format!("/api/v1/sessions/{}/attendance", future.id),
        None,
    )
    .await;
    assert_eq!(body["in_future"], true);
    assert_eq!(body["rows"][0]["status"], Value::Null, "nothing written");
    // Malformed JSON is a 400.
    let res = reqwest::Client::new()
        .put(app.url(&format!("/api/v1/sessions/{}/attendance", future.id)))
        .bearer_auth(trainer)
        .header("content-type", "application/json")
        .body("{\"enrolment_id\":")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    // A cancelled session refuses attendance with 422.
    let cancelled = app
        .state
        .store
        .cancel_session(&Actor::system(), run.lessons(2)[0].id, "Ausfall")
        .await
        .unwrap();
    let (code, problem) = api(
        &app,
        trainer,
        put,
        &format!("/api/v1/sessions/{}/attendance", cancelled.id),
        Some(json!([{"enrolment_id": e, "status": "excused"}])),
    )
    .await;
    assert_eq!(code, 422);
    assert_eq!(problem["errors"][0]["field"], "session");
    assert_eq!(problem["errors"][0]["code"], "session_cancelled");
}
