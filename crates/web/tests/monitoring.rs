//! Monitoring (issue 17, points 1 and 2): a cohort designed part-time whose Tuesday evenings
//! fall into its participants' late shifts is flagged "not run part-time"; the API, the page
//! with its charts, CSV and XLSX (read back by `csv` and `calamine`), the network view with
//! small groups suppressed, and who may see what.

mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use common::{Options, TestApp, api_call, sample_participant};
use lernweg_domain::{CohortStatus, EnrolmentId, Role};
use lernweg_participants::{AttendanceStatus, DropoutReason, EnrolmentEvent, RollCallEntry};
use lernweg_store::{Actor, SessionMove};
use serde_json::{Value, json};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const PERIOD: &str = "from=2027-03-01&to=2027-05-31";

/// The cohort published and running, with `n` more active participants working late shifts
/// on Tuesdays (14–22): every Tuesday evening session is inside their working time.
async fn running_with_shift_workers(app: &TestApp, n: usize) -> Vec<EnrolmentId> {
    let actor = Actor::system();
    let store = &app.state.store;
    if store.cohort(app.cohort.id).await.unwrap().status == CohortStatus::Draft {
        for to in [CohortStatus::Published, CohortStatus::Running] {
            store
                .set_cohort_status(&actor, app.cohort.id, to)
                .await
                .unwrap();
        }
    }
    let mut out = Vec::new();
    for i in 0..n {
        let mut data = sample_participant();
        data.given_name = format!("Person{i}");
        let p = store
            .create_participant(&actor, app.p1.id, Some(app.user(Role::Counsellor).id), data)
            .await
            .unwrap();
        let (status, body) = api_call(
            app,
            Role::Counsellor,
            "PUT",
            &format!("/api/v1/participants/{}/work-pattern", p.id),
            Some(json!({"weeks": 1, "travel_minutes": 20, "shifts": [
                {"weekday": "tue", "start": "14:00", "end": "22:00"}]})),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let e = store.enrol(&actor, p.id, app.cohort.id).await.unwrap().id;
        for ev in [
            EnrolmentEvent::Counsel,
            EnrolmentEvent::Enrol,
            EnrolmentEvent::Activate,
        ] {
            store
                .apply_enrolment_event(&actor, e, d("2027-02-15"), ev)
                .await
                .unwrap();
        }
        out.push(e);
    }
    out
}

async fn get(app: &TestApp, role: Role, path: &str) -> (u16, Value) {
    api_call(app, role, "GET", path, None).await
}

#[tokio::test]
async fn a_cohort_run_in_working_time_is_flagged_with_its_causes() {
    let app = TestApp::spawn_with(Options {
        today: Some(d("2027-05-31")),
        ..Options::default()
    })
    .await;
    let people = running_with_shift_workers(&app, 2).await;
    let store = &app.state.store;
    let actor = Actor::system();
    let sessions = store.timetable(app.cohort.id).await.unwrap();
    // Roll calls of the first four sessions: 6 present, 2 absent.
    for (i, s) in sessions.iter().take(4).enumerate() {
        let entries: Vec<RollCallEntry> = people
            .iter()
            .enumerate()
            .map(|(j, e)| RollCallEntry {
                enrolment: *e,
                status: if i == 3 && j == 0 || i == 2 && j == 1 {
                    AttendanceStatus::Absent
                } else {
                    AttendanceStatus::Present
                },
                note: String::new(),
            })
            .collect();
        store
            .record_roll_call(&actor, s.id, &entries, d("2027-05-31"))
            .await
            .unwrap();
    }
    // One session moved, one cancelled, with reasons; one person drops out.
    let moved = &sessions[5];
    store
        .move_session(
            &actor,
            moved.id,
            SessionMove {
                date: moved.date + chrono::Duration::days(1),
                start: moved.start,
                end: moved.end,
            },
            "Raum belegt",
        )
        .await
        .unwrap();
    store
        .cancel_session(&actor, sessions[6].id, "Dozentin krank")
        .await
        .unwrap();
    store
        .apply_enrolment_event(
            &actor,
            people[1],
            d("2027-05-20"),
            EnrolmentEvent::Drop {
                reason: DropoutReason::Workload,
                text: None,
                stayed_employed: Some(true),
            },
        )
        .await
        .unwrap();

    let (status, body) = get(
        &app,
        Role::Coordinator,
        &format!("/api/v1/monitoring?{PERIOD}"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    insta::with_settings!({filters => vec![
        (r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "[uuid]"),
    ]}, {
        insta::assert_snapshot!("monitoring_json", serde_json::to_string_pretty(&body).unwrap());
    });
    let list = body.as_array().expect("one object per cohort");
    assert_eq!(list.len(), 1, "{body}");
    let c = &list[0];
    assert_eq!(c["cohort_id"], app.cohort.id.to_string());
    assert_eq!(c["designed"], "asynchronous");
    assert_eq!(c["run_part_time"], false);
    assert_eq!(c["not_run_part_time"], true);
    // Every Tuesday evening is in the late shift; the session moved to a Wednesday is not.
    let share = c["working_time_share"].as_f64().unwrap();
    let held = c["held_sessions"].as_f64().unwrap();
    assert!(
        (share - (held - 1.0) / held).abs() < 0.01,
        "{share} of {held}"
    );
    assert_eq!(c["attendance_rate"], 0.75);
    assert_eq!(c["dropouts"], 1);
    assert_eq!(c["dropout_reasons"]["workload"], 1);
    assert_eq!(c["dropouts_stayed_employed"], 1);
    assert_eq!(c["moved_sessions"], 1);
    assert_eq!(c["cancelled_sessions"], 1);
    assert_eq!(c["change_reasons"][0]["reason"], "Dozentin krank");
    assert_eq!(
        c["people"], 2,
        "the two shift workers; the interested test participant is not counted"
    );
    assert!(c["peak_weekly_load"].as_f64().unwrap() > 0.0);
    // The held sessions up to today: Tuesdays from 2 March, one cancelled.
    assert!((10.0..=13.0).contains(&held), "{held}");
    // A generous share: still not run part-time at 100 % in working time; at 1 it is.
    let (_, lenient) = get(
        &app,
        Role::Coordinator,
        &format!("/api/v1/monitoring?{PERIOD}&max_working_time_share=1"),
    )
    .await;
    assert_eq!(lenient[0]["run_part_time"], true);
    // Filters and bad input.
    let (_, other_offer) = get(
        &app,
        Role::Coordinator,
        &format!("/api/v1/monitoring?{PERIOD}&offer_id={}", uuid_like()),
    )
    .await;
    assert_eq!(other_offer, json!([]));
    let (status, body) = get(
        &app,
        Role::Coordinator,
        "/api/v1/monitoring?from=2027-05-31&to=2027-03-01&cohort_id=x",
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["cohort_id"], "{body}");
    let (status, body) = get(
        &app,
        Role::Coordinator,
        "/api/v1/monitoring?from=2027-05-31&to=2027-03-01",
    )
    .await;
    assert_eq!(
        (status, body["errors"][0]["field"].as_str()),
        (422, Some("to"))
    );
    let (status, body) = get(&app, Role::Coordinator, "/api/v1/monitoring").await;
    assert_eq!(status, 422, "from and to are required");
    assert_eq!(body["errors"][0]["field"], "from");
    // Counsellors do not see monitoring; another provider sees none of these cohorts.
    assert_eq!(
        get(
            &app,
            Role::Counsellor,
            &format!("/api/v1/monitoring?{PERIOD}")
        )
        .await
        .0,
        403
    );
    let (status, all) = get(&app, Role::Admin, &format!("/api/v1/monitoring?{PERIOD}")).await;
    assert_eq!((status, all.as_array().unwrap().len()), (200, 1));
    let (status, none) = get(
        &app,
        Role::Admin,
        &format!("/api/v1/monitoring?{PERIOD}&provider_id={}", app.p2.id),
    )
    .await;
    assert_eq!((status, none), (200, json!([])));

    // The page: the flag with its causes, two charts with their tables.
    let (me, _) = app.login("coordinator@test.example").await;
    let html = me
        .get(app.url(&format!("/verwaltung/monitoring?{PERIOD}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Nicht berufsbegleitend gelaufen"), "{html}");
    assert!(
        html.contains(
            "92 % der Stunden lagen ohne Freistellung in der Arbeitszeit (erlaubt: 20 %)"
        ),
        "{html}"
    );
    assert!(html.contains("Raum belegt: 1 verlegt, 0 abgesagt"));
    assert!(html.contains("Zu viel Belastung: 1"));
    assert_eq!(html.matches("<svg").count(), 2, "two charts");
    assert!(
        html.contains(">75 %</td>"),
        "attendance in the chart's table"
    );
    // The set share on the form: at 1 the cohort counts as run part-time.
    let lenient = me
        .get(app.url(&format!(
            "/verwaltung/monitoring?{PERIOD}&max_working_time_share=1"
        )))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!lenient.contains("flagged-heading"));
    assert!(lenient.contains("name=\"max_working_time_share\" type=\"number\" min=\"0\" max=\"1\" step=\"0.05\" value=\"1\""));
    let bad = me
        .get(app.url("/verwaltung/monitoring?from=2027-13-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("gültiges Anfangsdatum"));

    // CSV (German Excel: BOM, semicolons) and XLSX, read back by independent parsers.
    let csv = me
        .get(app.url(&format!("/verwaltung/monitoring.csv?{PERIOD}")))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let bytes = csv.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "a BOM for Excel");
    insta::assert_snapshot!("monitoring_csv", String::from_utf8_lossy(&bytes[3..]));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Durchgang");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2, "the cohort and the total");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][0], "Frühjahr 2027");
    assert_eq!(&rows[0][col("Gelaufen")], "Nein");
    assert_eq!(&rows[0][col("In Arbeitszeit")], "91,7");
    assert_eq!(&rows[0][col("Anwesenheit")], "75");
    assert_eq!(&rows[1][0], "Gesamt");
    let xlsx = me
        .get(app.url(&format!("/verwaltung/monitoring.xlsx?{PERIOD}")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(xlsx.to_vec())).unwrap();
    let range = wb.worksheet_range("Monitoring").unwrap();
    let first: Vec<&Data> = range.rows().nth(1).unwrap().iter().collect();
    assert_eq!(*first[0], Data::String("Frühjahr 2027".into()));
    assert_eq!(*first[col("Anwesenheit")], Data::Float(75.0));
    assert!(
        matches!(first[col("Beginn")], Data::DateTime(_)),
        "{:?}",
        first[col("Beginn")]
    );
}

fn uuid_like() -> String {
    "0190c3a2-7b7e-7000-8000-000000000000".into()
}

#[tokio::test]
async fn the_network_view_suppresses_groups_under_five_people() {
    let app = TestApp::spawn_with(Options {
        today: Some(d("2027-05-31")),
        ..Options::default()
    })
    .await;
    running_with_shift_workers(&app, 3).await;
    let path = format!("/api/v1/monitoring/network?{PERIOD}");
    let (status, body) = get(&app, Role::Admin, &path).await;
    assert_eq!(status, 200, "{body}");
    let p = &body["providers"][0];
    assert_eq!(p["provider_name"], "Träger Eins");
    assert_eq!(
        (p["suppressed"].as_bool(), p["figures"].is_null()),
        (Some(true), true)
    );
    assert_eq!(body["total"]["suppressed"], true, "four people in all");
    // Five people: shown, with figures but no cohort and no person.
    running_with_shift_workers(&app, 2).await;
    let (_, body) = get(&app, Role::Admin, &path).await;
    let p = &body["providers"][0];
    assert_eq!(p["suppressed"], false);
    assert_eq!(p["figures"]["people"], 5);
    assert_eq!(p["not_run_part_time"], 1);
    let text = body.to_string();
    assert!(!text.contains("Person0") && !text.contains(&app.cohort.id.to_string()));
    // Only the admin.
    assert_eq!(get(&app, Role::Coordinator, &path).await.0, 403);
    let (admin, _) = app.login("admin@test.example").await;
    let html = admin
        .get(app.url(&format!("/admin/netzwerk?{PERIOD}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Träger Eins") && html.contains("<svg"),
        "{html}"
    );
}
