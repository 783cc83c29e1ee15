//! Early warnings for the contact person (issue 17, point 3) over HTTP, on a fixed day: two
//! absences in a row warn on the start page and in the API; marking the warning as handled
//! with a note removes it and lists it as handled; a new cause warns again; a missing note is
//! refused (422), another provider's person is not found (404); and the daily digest queues
//! one e-mail per contact person, none on a second run of the same day.

mod common;

use chrono::NaiveDate;
use common::{Options, TestApp, api_call, sample_participant};
use lernweg_app::daily::{self, DailyJob};
use lernweg_domain::{Limit, Role};
use lernweg_participants::{AttendanceStatus, EnrolmentEvent, RollCallEntry};
use lernweg_store::{Actor, OutboxFilter, SessionRecord};
use serde_json::{Value, json};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A Thursday six weeks into the fixture cohort (Tuesday evenings from 2027-03-02).
const TODAY: &str = "2027-04-15";

async fn spawn() -> TestApp {
    let app = TestApp::spawn_with(Options {
        today: Some(day(TODAY)),
        ..Options::default()
    })
    .await;
    let store = &app.state.store;
    let actor = Actor::system();
    for (on, ev) in [
        ("2027-02-01", EnrolmentEvent::Counsel),
        ("2027-02-15", EnrolmentEvent::Enrol),
        ("2027-03-02", EnrolmentEvent::Activate),
    ] {
        store
            .apply_enrolment_event(&actor, app.enrolment, day(on), ev)
            .await
            .unwrap();
    }
    app
}

/// The fixture cohort's last `n` sessions before today, by date.
async fn past_sessions(app: &TestApp, n: usize) -> Vec<SessionRecord> {
    let mut past: Vec<SessionRecord> = app
        .state
        .store
        .timetable(app.cohort.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.date < day(TODAY))
        .collect();
    past.sort_by_key(|s| (s.date, s.start));
    past.split_off(past.len() - n)
}

async fn record(app: &TestApp, session: &SessionRecord, status: AttendanceStatus) {
    let entry = RollCallEntry {
        enrolment: app.enrolment,
        status,
        note: String::new(),
    };
    app.state
        .store
        .record_roll_call(&Actor::system(), session.id, &[entry], day(TODAY))
        .await
        .unwrap();
}

async fn open_warnings(app: &TestApp, role: Role) -> Vec<Value> {
    let (status, body) = api_call(app, role, "GET", "/api/v1/warnings", None).await;
    assert_eq!(status, 200, "{body}");
    body["items"].as_array().unwrap().clone()
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    form: &[(&str, &str)],
) -> (u16, String, String) {
    let res = client
        .post(app.url("/verwaltung/fruehwarnungen/erledigt"))
        .form(form)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    (status, location, res.text().await.unwrap())
}

#[tokio::test]
async fn two_absences_warn_until_handled_and_a_new_cause_warns_again() {
    let app = spawn().await;
    let five = past_sessions(&app, 5).await;
    let pid = app.participant.to_string();
    assert!(open_warnings(&app, Role::Counsellor).await.is_empty());

    record(&app, &five[0], AttendanceStatus::Absent).await;
    record(&app, &five[1], AttendanceStatus::Absent).await;
    let open = open_warnings(&app, Role::Counsellor).await;
    assert_eq!(open.len(), 1, "{open:?}");
    let w = &open[0];
    assert_eq!(w["participant_id"], pid);
    assert_eq!(w["name"], "Amina Haddad");
    assert_eq!(w["kind"], "absences_in_row");
    let subject = five[1].date.to_string();
    assert_eq!(w["subject"], subject);
    assert_eq!(w["since"], subject);
    assert_eq!(w["details"]["first"], five[0].date.to_string());
    assert_eq!(w["details"]["count"], 2);
    // The coordinator sees the provider's warnings too.
    assert_eq!(open_warnings(&app, Role::Coordinator).await.len(), 1);

    // The start page lists it with a link to the person and a form.
    let (client, csrf) = app.login("counsellor@test.example").await;
    let (status, html) = get(&client, &app, "/start").await;
    assert_eq!(status, 200);
    assert!(html.contains("Frühwarnungen (1)"), "{html}");
    assert!(html.contains("Zweimal in Folge gefehlt"), "{html}");
    assert!(html.contains(&format!("href=\"/verwaltung/teilnehmende/{pid}\"")));
    assert!(html.contains("Als erledigt markieren"));
    assert!(html.contains(&format!("name=\"subject\" value=\"{subject}\"")));

    // Without a note: the start page again with the reason.
    let mark = |note: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("participant_id", pid.clone()),
            ("kind", "absences_in_row".to_owned()),
            ("subject", subject.clone()),
            ("note", note.to_owned()),
        ]
    };
    let form = mark("  ");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, html) = post(&client, &app, &form).await;
    assert_eq!(status, 422);
    assert!(
        html.contains("Bitte schreiben Sie eine kurze Notiz"),
        "{html}"
    );
    assert_eq!(open_warnings(&app, Role::Counsellor).await.len(), 1);

    let form = mark("Angerufen: Kind krank, kommt nächste Woche wieder.");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, location, _) = post(&client, &app, &form).await;
    assert_eq!((status, location.as_str()), (303, "/start"));
    assert!(open_warnings(&app, Role::Counsellor).await.is_empty());
    let (_, html) = get(&client, &app, "/start").await;
    assert!(html.contains("Keine offenen Frühwarnungen."), "{html}");
    let (status, html) = get(&client, &app, "/verwaltung/fruehwarnungen").await;
    assert_eq!(status, 200);
    assert!(html.contains("Erledigt in den letzten 30 Tagen"));
    assert!(html.contains("Angerufen: Kind krank, kommt nächste Woche wieder."));
    assert!(html.contains(&subject));
    // The same form sent twice changes nothing.
    let (status, _, _) = post(&client, &app, &form).await;
    assert_eq!(status, 303);

    // A new run of absences (and with it attendance of 1 in 4) warns again.
    record(&app, &five[2], AttendanceStatus::Present).await;
    record(&app, &five[3], AttendanceStatus::Absent).await;
    record(&app, &five[4], AttendanceStatus::Absent).await;
    let open = open_warnings(&app, Role::Counsellor).await;
    let kinds: Vec<(&str, &str)> = open
        .iter()
        .map(|w| (w["kind"].as_str().unwrap(), w["subject"].as_str().unwrap()))
        .collect();
    let second = five[4].date.to_string();
    assert_eq!(
        kinds,
        [
            ("absences_in_row", second.as_str()),
            ("low_attendance", "2027-W15")
        ]
    );
    assert_eq!(open[1]["details"]["percent"], 25);

    // Marked through the API.
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        "/api/v1/warnings/handled",
        Some(json!({"participant_id": pid, "kind": "low_attendance", "subject": "2027-W15", "note": "Gespräch vereinbart"})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["note"], "Gespräch vereinbart");
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        "/api/v1/warnings/handled",
        Some(json!({"participant_id": pid, "kind": "low_attendance", "subject": "2027-W15", "note": "noch einmal"})),
    )
    .await;
    assert_eq!(status, 409);
    let open = open_warnings(&app, Role::Counsellor).await;
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["kind"], "absences_in_row");
}

#[tokio::test]
async fn marks_are_checked_and_other_providers_people_are_not_found() {
    let app = spawn().await;
    let pid = app.participant.to_string();
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        "/api/v1/warnings/handled",
        Some(json!({"participant_id": pid, "kind": "weather", "subject": "", "note": ""})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["kind", "subject", "note"]);
    let long = "x".repeat(501);
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        "/api/v1/warnings/handled",
        Some(json!({"participant_id": pid, "kind": "no_contact", "subject": "2027-01-01", "note": long})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["field"], "note");
    assert_eq!(body["errors"][0]["code"], "too_long");

    let other = app
        .state
        .store
        .create_participant(&Actor::system(), app.p2.id, None, sample_participant())
        .await
        .unwrap();
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        "/api/v1/warnings/handled",
        Some(json!({"participant_id": other.id.to_string(), "kind": "no_contact", "subject": "2027-01-01", "note": "x"})),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = api_call(&app, Role::Trainer, "GET", "/api/v1/warnings", None).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn the_digest_queues_one_mail_per_contact_person_once_a_day() {
    let app = spawn().await;
    let five = past_sessions(&app, 2).await;
    record(&app, &five[0], AttendanceStatus::Absent).await;
    record(&app, &five[1], AttendanceStatus::Absent).await;
    // Six weeks after the person came nobody has been in contact: two warnings, one mail.
    let later = day("2027-05-27");
    app.state.app.clock.set_day(later);
    let base = "https://lernweg.example";
    let outcome = daily::run_once(&app.state.app, DailyJob::Warnings, later, base)
        .await
        .unwrap();
    assert_eq!(outcome.as_deref(), Some("1 warning digests queued"));
    let again = lernweg_app::warnings::queue_digests(&app.state.app, later, base)
        .await
        .unwrap();
    assert_eq!(again, 0);
    assert_eq!(
        daily::run_once(&app.state.app, DailyJob::Warnings, later, base)
            .await
            .unwrap(),
        None
    );

    let mails = app
        .state
        .store
        .outbox_after(&OutboxFilter::default(), None, Limit::MAX)
        .await
        .unwrap()
        .items;
    assert_eq!(mails.len(), 1);
    let m = &mails[0];
    assert_eq!(m.to_address, "counsellor@test.example");
    let (subject, body) = lernweg_web::outbox::render(m);
    assert_eq!(subject, "Frühwarnungen: 2 offen");
    let link = format!("{base}/verwaltung/teilnehmende/{}", app.participant);
    assert!(
        body.contains("Amina Haddad: Zweimal in Folge gefehlt"),
        "{body}"
    );
    assert!(body.contains("Amina Haddad: Lange kein Kontakt"), "{body}");
    assert!(body.contains(&link), "{body}");
    assert!(body.contains(&format!("{base}/verwaltung/fruehwarnungen")));

    // The next day: a new digest.
    let next = day("2027-05-28");
    app.state.app.clock.set_day(next);
    let outcome = daily::run_once(&app.state.app, DailyJob::Warnings, next, base)
        .await
        .unwrap();
    assert_eq!(outcome.as_deref(), Some("1 warning digests queued"));
}
