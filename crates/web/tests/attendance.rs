//! Attendance: the trainer's overview and roll call (pages), the API with its refusals, the
//! tenancy of trainers (only cohorts they teach; others 404), and the progress on the
//! participant page that follows from attendance and staff entries.

#[path = "attendance/api.rs"]
mod api_tests;
mod common;

use chrono::{Duration, Local, NaiveDate};
use common::{TestApp, add_user};
use lernweg_domain::{CohortStatus, EnrolmentId, Role, State};
use lernweg_participants::{AttendanceStatus, EnrolmentEvent};
use lernweg_planner::SessionKind;
use lernweg_store::{Actor, NewCohort, NewSession, SessionRecord};
use lernweg_web::i18n::Lang;
use serde_json::{Value, json};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

struct Running {
    /// The test participant's enrolment, active since the start.
    enrolment: EnrolmentId,
    sessions: Vec<SessionRecord>,
}

impl Running {
    /// Lessons of `module` that are not cancelled.
    fn lessons(&self, module: i64) -> Vec<&SessionRecord> {
        self.sessions
            .iter()
            .filter(|s| s.module == Some(module) && s.kind == SessionKind::Lesson)
            .collect()
    }

    fn past(&self) -> Vec<&SessionRecord> {
        self.sessions.iter().filter(|s| s.date < today()).collect()
    }

    fn future(&self) -> &SessionRecord {
        self.sessions.iter().find(|s| s.date > today()).unwrap()
    }
}

/// A running cohort of the test offer (Tuesday evenings, module 1 with 30 hours and a
/// milestone, module 2 with 24 hours and an exam) that started `days_ago`, taught by the test
/// trainer, with the test participant active in it.
async fn running(app: &TestApp, days_ago: i64) -> Running {
    let store = &app.state.store;
    let actor = Actor::system();
    let start = today() - Duration::days(days_ago);
    let plan = lernweg_planner::plan(
        &app.offer.offer.to_spec(start, State::NW),
        &Default::default(),
    )
    .unwrap();
    let sessions: Vec<NewSession> = plan.sessions.iter().map(NewSession::from_planned).collect();
    let cohort = store
        .create_cohort(
            &actor,
            NewCohort {
                planning: Default::default(),
                offer_id: app.offer.id,
                name: "Laufender Durchgang".into(),
                state: State::NW,
                start_date: start,
                room: String::new(),
                online_link: String::new(),
                trainers: vec![app.user(Role::Trainer).id],
            },
            &sessions,
        )
        .await
        .unwrap();
    for to in [CohortStatus::Published, CohortStatus::Running] {
        store
            .set_cohort_status(&actor, cohort.id, to)
            .await
            .unwrap();
    }
    let enrolment = store
        .enrol(&actor, app.participant, cohort.id)
        .await
        .unwrap()
        .id;
    for (on, ev) in [
        (start - Duration::days(20), EnrolmentEvent::Counsel),
        (start - Duration::days(10), EnrolmentEvent::Enrol),
        (start, EnrolmentEvent::Activate),
    ] {
        store
            .apply_enrolment_event(&actor, enrolment, on, ev)
            .await
            .unwrap();
    }
    // A peer-exchange meeting next week, so that every cohort has a session ahead.
    let next_week = today() + Duration::days(7);
    let clock = |s: &str| lernweg_planner::ClockTime::parse(s).ok();
    store
        .add_session(
            &actor,
            cohort.id,
            NewSession {
                uid: format!("extra-{}@test", cohort.id),
                date: next_week,
                start: clock("18:00"),
                end: clock("19:30"),
                hours: 1.5,
                module: None,
                kind: SessionKind::Exchange,
                title: "Austauschtreffen".into(),
            },
            "zusätzlicher Termin",
        )
        .await
        .unwrap();
    Running {
        enrolment,
        sessions: store.timetable(cohort.id).await.unwrap(),
    }
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(String, String)],
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

fn pairs(list: &[(&str, String)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

fn assert_no_raw_keys(html: &str) {
    assert!(!html.contains("attendance-"), "raw message id in: {html}");
}

fn email(app: &TestApp, role: Role) -> String {
    app.user(role).email.to_string()
}

async fn api(
    app: &TestApp,
    token: &str,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(token);
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn the_trainer_takes_the_roll_call_on_the_pages() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let run = running(&app, 100).await;
    let (client, csrf) = app.login(&email(&app, Role::Trainer)).await;

    // The overview lists recent sessions without a roll call and the next ones.
    let (status, html) = get(&client, &app, "/verwaltung/anwesenheit").await;
    assert_eq!(status, 200);
    assert!(html.contains("Noch nicht vollständig erfasst"));
    assert!(html.contains("Laufender Durchgang"));
    assert!(html.contains("0 von 1 erfasst"));
    let recent = run
        .past()
        .into_iter()
        .rev()
        .find(|s| s.date >= today() - Duration::days(42))
        .unwrap();
    assert!(html.contains(&format!("/verwaltung/termine/{}/anwesenheit", recent.id)));
    assert!(html.contains(">Anwesenheit</a>"), "nav entry");
    assert_no_raw_keys(&html);

    // The roll call of a past lesson starts with nothing marked, in line with "0 von 1 erfasst".
    let lesson = run.lessons(1)[0];
    let path = format!("/verwaltung/termine/{}/anwesenheit", lesson.id);
    let (status, html) = get(&client, &app, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Amina Haddad"));
    let e = run.enrolment.to_string();
    assert!(html.contains(&format!(
        "id=\"s-{e}-present\" name=\"status-{e}\" value=\"present\">"
    )));
    assert!(!html.contains(" checked"), "nothing preselected");
    assert!(html.contains("0 von 1 erfasst"));
    assert!(html.contains("Entschuldigt") && html.contains("Abwesend"));
    assert!(
        !html.contains("disabled"),
        "a past session takes every status"
    );
    assert_no_raw_keys(&html);

    // Saving with nobody marked: a German error, nothing written.
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &pairs(&[
            ("csrf", csrf.clone()),
            (&format!("note-{e}"), String::new()),
        ]),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Es ist noch niemand markiert."));
    assert!(
        html.contains("href=\"#row-session\""),
        "the error links to the form"
    );
    assert!(
        store
            .session_attendance(lesson.id)
            .await
            .unwrap()
            .is_empty()
    );

    // Saved as absent with a note; the page says so and shows it.
    let (status, location, _) = post(
        &client,
        &app,
        &path,
        &pairs(&[
            ("csrf", csrf.clone()),
            (&format!("status-{e}"), "absent".into()),
            (&format!("note-{e}"), "Frühschicht".into()),
        ]),
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(location, format!("{path}?gespeichert=1"));
    let records = store.session_attendance(lesson.id).await.unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].status, AttendanceStatus::Absent);
    assert_eq!(records[0].note, "Frühschicht");
    assert_eq!(
        records[0].recorded_by,
        Some(app.user(Role::Trainer).id.to_string())
    );
    let (_, html) = get(&client, &app, &location).await;
    assert!(html.contains("Die Anwesenheit ist gespeichert."));
    assert!(html.contains("value=\"absent\" checked"));
    assert!(html.contains("1 von 1 erfasst"));

    // A session in the future: present and absent are offered disabled and refused when sent.
    let future = run.future();
    let path = format!("/verwaltung/termine/{}/anwesenheit", future.id);
    let (status, html) = get(&client, &app, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Vorab kann nur „Entschuldigt“ eingetragen werden."));
    assert!(html.contains("value=\"present\" disabled"));
    assert!(
        !html.contains("value=\"present\" checked"),
        "no default ahead"
    );
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &pairs(&[
            ("csrf", csrf.clone()),
            (&format!("status-{e}"), "present".into()),
        ]),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("hat noch nicht stattgefunden. Vorab geht nur „Entschuldigt“."));
    assert!(html.contains(&format!("id=\"row-{e}-error\"")));
    assert!(
        store
            .session_attendance(future.id)
            .await
            .unwrap()
            .is_empty()
    );
    let (status, _, _) = post(
        &client,
        &app,
        &path,
        &pairs(&[
            ("csrf", csrf.clone()),
            (&format!("status-{e}"), "excused".into()),
        ]),
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(
        store.session_attendance(future.id).await.unwrap()[0].status,
        AttendanceStatus::Excused
    );

    // The session page of the cohort links to the roll call.
    let (_, html) = get(&client, &app, &format!("/verwaltung/termine/{}", lesson.id)).await;
    assert!(html.contains(&format!(
        "href=\"/verwaltung/termine/{}/anwesenheit\"",
        lesson.id
    )));

    // A cancelled session takes no roll call.
    let cancelled = store
        .cancel_session(&Actor::system(), run.lessons(1)[1].id, "Ausfall")
        .await
        .unwrap();
    let path = format!("/verwaltung/termine/{}/anwesenheit", cancelled.id);
    let (status, html) = get(&client, &app, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Dieser Termin ist abgesagt."));
    assert!(!html.contains("name=\"status-"));
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &pairs(&[
            ("csrf", csrf.clone()),
            (&format!("status-{e}"), "excused".into()),
        ]),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Der Termin ist abgesagt."));
}

#[tokio::test]
async fn a_trainer_of_another_cohort_gets_404_and_sees_nothing_of_it() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let run = running(&app, 100).await;
    let stranger = add_user(
        store,
        "andere.lehrkraft@test.example",
        Role::Trainer,
        Some(app.p1.id),
    )
    .await;
    let token = store
        .create_token(&Actor::system(), &stranger, "Test")
        .await
        .unwrap()
        .secret;
    let lesson = run.lessons(1)[0];
    let path = format!("/verwaltung/termine/{}/anwesenheit", lesson.id);
    let e = run.enrolment.to_string();

    let (client, csrf) = app.login("andere.lehrkraft@test.example").await;
    let (status, html) = get(&client, &app, &path).await;
    assert_eq!(status, 404);
    assert!(!html.contains("Amina"));
    let (status, _, _) = post(
        &client,
        &app,
        &path,
        &pairs(&[("csrf", csrf), (&format!("status-{e}"), "present".into())]),
    )
    .await;
    assert_eq!(status, 404);
    let (_, html) = get(&client, &app, "/verwaltung/anwesenheit").await;
    assert!(!html.contains("Laufender Durchgang"));
    // The cohort's session page offers them no roll call either.
    let (status, html) = get(&client, &app, &format!("/verwaltung/termine/{}", lesson.id)).await;
    assert_eq!(status, 200);
    assert!(!html.contains(&format!("/verwaltung/termine/{}/anwesenheit", lesson.id)));

    let api_path = format!("/api/v1/sessions/{}/attendance", lesson.id);
    let (status, _) = api(&app, &token, reqwest::Method::GET, &api_path, None).await;
    assert_eq!(status, 404);
    let body = json!([{"enrolment_id": e, "status": "present"}]);
    let (status, _) = api(
        &app,
        &token,
        reqwest::Method::PUT,
        &api_path,
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, 404);
    assert!(
        store
            .session_attendance(lesson.id)
            .await
            .unwrap()
            .is_empty()
    );

    // A coordinator of another provider: 404 as well; the own coordinator: allowed.
    let (client, _) = app.login("koordination@zwei.example").await;
    assert_eq!(get(&client, &app, &path).await.0, 404);
    let (status, _) = api(
        &app,
        app.token(Role::Coordinator),
        reqwest::Method::PUT,
        &api_path,
        Some(body),
    )
    .await;
    assert_eq!(status, 200);
    // Trainers do not reach an enrolment's progress (a counselling route).
    let (status, _) = api(
        &app,
        app.token(Role::Trainer),
        reqwest::Method::GET,
        &format!("/api/v1/enrolments/{}/progress", run.enrolment),
        None,
    )
    .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn staff_see_progress_on_the_participant_page_and_record_entries() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let run = running(&app, 250).await;
    for s in run.lessons(1) {
        store
            .record_roll_call(
                &Actor::system(),
                s.id,
                &[lernweg_participants::RollCallEntry {
                    enrolment: run.enrolment,
                    status: AttendanceStatus::Present,
                    note: String::new(),
                }],
                today(),
            )
            .await
            .unwrap();
    }
    let (client, csrf) = app.login(&email(&app, Role::Counsellor)).await;
    let detail = format!("/verwaltung/teilnehmende/{}", app.participant);
    let (status, html) = get(&client, &app, &detail).await;
    assert_eq!(status, 200);
    assert!(html.contains("Lernfortschritt und Anwesenheit"));
    assert!(html.contains(&format!("id=\"fortschritt-{}\"", run.enrolment)));
    assert!(html.contains("Modul 1: Fachsprache"));
    assert!(html.contains("abgeschlossen (Anwesenheit)"));
    assert!(html.contains("Modulzertifikat Fachsprache"));
    assert!(
        html.contains("Prüfung zu Modul 2 bestanden"),
        "exam choice offered"
    );
    assert!(
        !html.contains("Prüfung zu Modul 1 bestanden"),
        "module 1 has no exam"
    );
    assert_no_raw_keys(&html);
    // The enrolment in the draft cohort (only interested) has no progress box.
    assert!(!html.contains(&format!("id=\"fortschritt-{}\"", app.enrolment)));

    let path = format!("/verwaltung/einschreibungen/{}/fortschritt", run.enrolment);
    let (status, location, _) = post(
        &client,
        &app,
        &path,
        &pairs(&[
            ("csrf", csrf.clone()),
            ("entry", "module_not_completed:1".into()),
            ("on", today().to_string()),
            ("note", "Prüfungsleistung fehlt".into()),
        ]),
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(location, format!("{detail}#fortschritt-{}", run.enrolment));
    let (_, html) = get(&client, &app, &detail).await;
    assert!(html.contains("nicht abgeschlossen (eingetragen)"));
    assert!(html.contains("Modul 1 nicht abgeschlossen"));
    assert!(html.contains("Prüfungsleistung fehlt"));
    // The Auskunft lists every attendance record and the staff entries.
    let (status, html) = get(&client, &app, &format!("{detail}/auskunft")).await;
    assert_eq!(status, 200);
    assert_no_raw_keys(&html);
    let att = html.split("id=\"ak-presence\"").nth(1).unwrap();
    let att = att.split("</section>").next().unwrap();
    assert_eq!(
        att.matches("<td data-label=\"Stand\">Anwesend</td>")
            .count(),
        run.lessons(1).len(),
        "one row per recorded session"
    );
    assert!(html.contains("Modul 1 nicht abgeschlossen"));

    // Refusals: an exam on a module without one, a date in the future.
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &pairs(&[("csrf", csrf.clone()), ("entry", "exam_passed:1".into())]),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Zu diesem Modul gibt es keine Prüfung."));
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &pairs(&[
            ("csrf", csrf.clone()),
            ("entry", "milestone_confirmed:1".into()),
            ("on", (today() + Duration::days(3)).to_string()),
        ]),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Das Datum darf nicht in der Zukunft liegen."));
    assert!(html.contains("value=\"milestone_confirmed:1\" selected"));
    assert_eq!(
        store.progress_entries(run.enrolment).await.unwrap().len(),
        1
    );

    // Another provider's coordinator cannot add entries (404).
    let (client, csrf) = app.login("koordination@zwei.example").await;
    let (status, _, _) = post(
        &client,
        &app,
        &path,
        &pairs(&[("csrf", csrf), ("entry", "module_completed:1".into())]),
    )
    .await;
    assert_eq!(status, 404);
}

#[test]
fn every_status_decision_completion_and_refusal_has_a_text() {
    use lernweg_participants::attendance::ROLL_CALL_CODES;
    use lernweg_participants::{Completion, Decision};
    for lang in Lang::ALL {
        let has = |key: String| assert_ne!(lang.t(&key), key, "{key} in {lang:?}");
        for s in AttendanceStatus::ALL {
            has(format!("attendance-status-{}", s.code()));
        }
        for d in Decision::ALL {
            has(format!("attendance-decision-{}", d.code()));
        }
        for c in [
            Completion::Open,
            Completion::ByAttendance,
            Completion::ByStaff,
            Completion::RefusedByStaff,
        ] {
            has(format!("attendance-completion-{}", c.code()));
        }
        for code in ROLL_CALL_CODES.iter().chain(&["unknown_status"]) {
            has(format!("attendance-error-{code}"));
        }
        for code in [
            "unknown_module",
            "no_exam",
            "in_future",
            "too_long",
            "choose",
            "date",
        ] {
            has(format!("attendance-entry-error-{code}"));
        }
    }
}
