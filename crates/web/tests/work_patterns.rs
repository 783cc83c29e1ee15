//! Working times over real HTTP: the API (rows as JSON, an `.ics` body, delete, the fit of an
//! enrolment's timetable) and the staff pages (form with row errors, import, the check on the
//! participant page), with refusals for other roles and providers.

mod common;

use chrono::NaiveDate;
use common::{TestApp, api_call as call};
use lernweg_domain::Role;
use serde_json::{Value, json};

async fn post_ics(app: &TestApp, query: &str, body: &str) -> (u16, Value) {
    let res = reqwest::Client::new()
        .post(app.url(&format!(
            "/api/v1/participants/{}/work-pattern/ics{query}",
            app.participant
        )))
        .bearer_auth(app.token(Role::Counsellor))
        .header("content-type", "text/calendar")
        .body(body.to_owned())
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

fn fields(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors in {problem}"))
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Early shifts in week 1, late shifts in week 2, Monday to Friday, from Monday 2027-03-01
/// (the test cohort's evening course runs on Tuesdays 18:00–21:00 from 2027-03-02).
fn early_late() -> Value {
    let mut shifts = Vec::new();
    for (week, from, to) in [(1, "06:00", "14:00"), (2, "14:00", "22:00")] {
        for day in ["mon", "tue", "wed", "thu", "fri"] {
            shifts.push(json!({"week": week, "weekday": day, "start": from, "end": to}));
        }
    }
    json!({"weeks": 2, "anchor": "2027-03-03", "travel_minutes": 30, "shifts": shifts})
}

#[tokio::test]
async fn work_pattern_api_stores_rows_checks_the_timetable_and_imports_ics() {
    let app = TestApp::spawn().await;
    let pid = app.participant;
    let path = format!("/api/v1/participants/{pid}/work-pattern");
    let fit_path = format!("/api/v1/enrolments/{}/fit", app.enrolment);

    let (status, _) = call(&app, Role::Counsellor, "GET", &path, None).await;
    assert_eq!(status, 404);
    let (status, problem) = call(&app, Role::Counsellor, "GET", &fit_path, None).await;
    assert_eq!(status, 409, "{problem}");
    assert!(problem["detail"].as_str().unwrap().contains("work-pattern"));

    // Every wrong row is named; nothing is stored.
    let bad = json!({"weeks": 2, "shifts": [
        {"week": 3, "weekday": "mon", "start": "08:00", "end": "16:00"},
        {"weekday": "tue", "start": "08:00", "end": "08:00"},
        {"weekday": "wed", "start": "08:00", "end": "16:00"},
        {"weekday": "wed", "start": "12:00", "end": "18:00"}
    ]});
    let (status, problem) = call(&app, Role::Counsellor, "PUT", &path, Some(bad)).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        fields(&problem),
        [
            ("anchor".to_owned(), "required".to_owned()),
            ("shifts.0.week".to_owned(), "out_of_range".to_owned()),
            ("shifts.1.end".to_owned(), "same_as_start".to_owned()),
            ("shifts.3.start".to_owned(), "overlap".to_owned()),
        ]
    );
    assert!(
        problem["errors"][1]["message"]
            .as_str()
            .unwrap()
            .starts_with("Row 1:"),
        "{problem}"
    );
    let (status, _) = call(&app, Role::Counsellor, "GET", &path, None).await;
    assert_eq!(status, 404);

    let (status, wp) = call(&app, Role::Counsellor, "PUT", &path, Some(early_late())).await;
    assert_eq!(status, 200, "{wp}");
    assert_eq!(wp["kind"], "rotating");
    assert_eq!(wp["anchor"], "2027-03-01");
    assert_eq!(wp["weeks"].as_array().unwrap().len(), 2);
    assert_eq!(
        wp["weeks"][1][1],
        json!({"weekday": "tue", "start": "14:00", "end": "22:00"})
    );
    assert_eq!(wp["average_weekly_hours"], 40.0);
    assert_eq!(wp["travel_minutes"], 30);
    assert_eq!(wp["source"], "api");
    // The export of everything stored about the person carries it.
    let (status, export) = call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/participants/{pid}/export"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(export["work_pattern"]["kind"], "rotating");
    assert_eq!(export["work_pattern"]["travel_minutes"], 30);

    // The evening course collides only with the late weeks (the second of each pair).
    let (status, fit) = call(&app, Role::Counsellor, "GET", &fit_path, None).await;
    assert_eq!(status, 200, "{fit}");
    let anchor = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
    let collisions = fit["collisions"].as_array().unwrap();
    assert!(!collisions.is_empty(), "{fit}");
    let mut release = 0.0;
    for c in collisions {
        let date: NaiveDate = c["date"].as_str().unwrap().parse().unwrap();
        assert_eq!((date - anchor).num_days() / 7 % 2, 1, "{c}");
        assert_eq!(c["shift_start"], "14:00");
        release += c["overlap_hours"].as_f64().unwrap();
    }
    assert!((fit["release_hours"].as_f64().unwrap() - release).abs() < 0.01);
    // Week 1 of the course: 40 h work + 3 h session + 1 h travel (lessons also online: the
    // kick-off in presence that day brings the travel).
    let first = &fit["weeks"][0];
    assert_eq!(first["week"], "2027-W09");
    assert_eq!(first["work_hours"], 40.0);
    assert!(first["total_hours"].as_f64().unwrap() >= 43.0, "{first}");
    assert_eq!(fit["limit_hours"], 48.0);

    // Other roles and providers.
    let (status, _) = call(&app, Role::Trainer, "GET", &path, None).await;
    assert_eq!(status, 403);
    let (status, _) = call(&app, Role::Trainer, "GET", &fit_path, None).await;
    assert_eq!(status, 403);
    let other = app
        .state
        .store
        .create_token(&lernweg_store::Actor::system(), &app.other_coordinator, "t")
        .await
        .unwrap()
        .secret;
    let res = reqwest::Client::new()
        .get(app.url(&path))
        .bearer_auth(other)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);

    // An .ics file: a refused one changes nothing; a good one replaces the rows.
    let (status, problem) = post_ics(
        &app,
        "",
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270301T220000\r\nDTEND:20270302T060000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(
        fields(&problem),
        [("ics".to_owned(), "missing_rrule".to_owned())]
    );
    let (_, still) = call(&app, Role::Counsellor, "GET", &path, None).await;
    assert_eq!(still["source"], "api");
    let night = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:n1\r\nDTSTART;TZID=Europe/Berlin:20270301T220000\r\nDTEND;TZID=Europe/Berlin:20270302T060000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;UNTIL=20271231T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let (status, imported) = post_ics(&app, "?anchor=2027-03-01&travel_minutes=20", night).await;
    assert_eq!(status, 200, "{imported}");
    assert_eq!(imported["work_pattern"]["kind"], "fixed");
    assert_eq!(imported["work_pattern"]["source"], "ics");
    assert_eq!(
        imported["work_pattern"]["weeks"][0]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(imported["notes"][0]["code"], "end_ignored");
    // Night shifts Monday to Thursday do not touch Tuesday evenings.
    let (_, fit) = call(&app, Role::Counsellor, "GET", &fit_path, None).await;
    assert!(
        fit["collisions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["date"] != "2027-03-02"),
        "{fit}"
    );

    let (status, _) = call(&app, Role::Counsellor, "DELETE", &path, None).await;
    assert_eq!(status, 204);
    let (status, _) = call(&app, Role::Counsellor, "DELETE", &path, None).await;
    assert_eq!(status, 404);

    // Reads are audited without names or times.
    let audit = app
        .state
        .store
        .audit_entries(Some(app.p1.id), 200)
        .await
        .unwrap();
    assert!(audit.iter().any(|e| e.detail == "api: work pattern fit"));
    assert!(
        audit
            .iter()
            .filter(|e| e.entity == "work_pattern")
            .all(|e| !e.detail.contains("22:00") && !e.detail.contains("Amina"))
    );
}

#[tokio::test]
async fn staff_enter_working_times_in_the_form_and_see_the_check_on_the_participant_page() {
    let app = TestApp::spawn().await;
    let (client, _) = app
        .login(&app.user(Role::Counsellor).email.to_string())
        .await;
    let page = format!("/verwaltung/teilnehmende/{}/arbeitszeit", app.participant);
    let res = client.get(app.url(&page)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("Es ist noch keine Arbeitszeit eingetragen."));
    // Monday to Sunday are offered, ready to fill in.
    assert!(
        html.contains(r#"<option value="sun" selected>Sonntag</option>"#),
        "{html}"
    );
    let csrf = common::extract_csrf(&html).unwrap();

    // A shift that starts when it ends: 422, the message at its row, nothing stored.
    let form = |start: &str, end: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("rows", "2".into()),
            ("weeks", "1".into()),
            ("anchor", "".into()),
            ("travel_minutes", "15".into()),
            ("week_0", "1".into()),
            ("day_0", "tue".into()),
            ("start_0", start.into()),
            ("end_0", end.into()),
            ("week_1", "1".into()),
            ("day_1", "".into()),
            ("start_1", "".into()),
            ("end_1", "".into()),
            ("action", "save".into()),
        ]
    };
    let res = client
        .post(app.url(&page))
        .form(&form("17:00", "17:00"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Zeile 1: Beginn und Ende sind gleich."),
        "{html}"
    );
    assert!(
        html.contains(r#"id="end_0" name="end_0" type="time" value="17:00" aria-invalid="true""#),
        "{html}"
    );
    assert!(
        app.state
            .store
            .work_pattern(app.participant)
            .await
            .unwrap()
            .is_none()
    );

    // Tuesday 17:00–20:00 collides with the Tuesday evening course.
    let res = client
        .post(app.url(&page))
        .form(&form("17:00", "20:00"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let stored = app
        .state
        .store
        .work_pattern(app.participant)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.travel_minutes, 15);
    assert_eq!(stored.pattern.average_weekly_hours(), 3.0);
    let html = client
        .get(app.url(&format!("/verwaltung/teilnehmende/{}", app.participant)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Termine in der Arbeitszeit"), "{html}");
    assert!(html.contains("Freistellung oder Urlaub"), "{html}");
    assert!(html.contains("Frühjahr 2027"));
    // The Auskunft lists the working times too.
    let html = client
        .get(app.url(&format!(
            "/verwaltung/teilnehmende/{}/auskunft",
            app.participant
        )))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("jede Woche gleich"), "{html}");
    assert!(
        html.contains(
            r#"<td data-label="Tag">Dienstag</td><td data-label="von">17:00</td><td data-label="bis">20:00</td>"#
        ),
        "{html}"
    );

    // "Weitere Zeilen" adds rows without saving.
    let mut more = form("17:00", "20:00");
    more.retain(|(k, _)| *k != "action");
    more.push(("action", "more".into()));
    let html = client
        .post(app.url(&page))
        .form(&more)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"name="start_8""#), "{html}");

    // A calendar file upload: a wrong file is refused with its reason; a good one replaces.
    let upload = |body: &'static str| {
        reqwest::multipart::Form::new()
            .text("csrf", csrf.clone())
            .text("anchor", "2027-03-01")
            .text("travel_minutes", "10")
            .part(
                "file",
                reqwest::multipart::Part::bytes(body.as_bytes().to_vec())
                    .file_name("schichten.ics"),
            )
    };
    let import = format!("{page}/import");
    // A date that does not exist is named at the import form's own field.
    let bad_anchor = reqwest::multipart::Form::new()
        .text("csrf", csrf.clone())
        .text("anchor", "31.02.2027")
        .text("travel_minutes", "10")
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"BEGIN:VCALENDAR".to_vec()).file_name("x.ics"),
        );
    let res = client
        .post(app.url(&import))
        .multipart(bad_anchor)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains(r#"aria-invalid="true" aria-describedby="ics_anchor-error""#),
        "{html}"
    );
    assert!(html.contains("Bitte ein gültiges Datum angeben"), "{html}");
    let res = client
        .post(app.url(&import))
        .multipart(upload("kein Kalender"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Die Datei ist keine Kalender-Datei (.ics).")
    );
    let res = client
        .post(app.url(&import))
        .multipart(upload(
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270301T060000\r\nDTEND:20270301T140000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Der Schichtplan ist aus der Kalenderdatei übernommen."),
        "{html}"
    );
    assert!(html.contains("aus einer Kalenderdatei"));
    let stored = app
        .state
        .store
        .work_pattern(app.participant)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.pattern.average_weekly_hours(), 24.0);
    assert_eq!(stored.travel_minutes, 10);

    // Removal.
    let res = client
        .post(app.url(&format!("{page}/loeschen")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(
        app.state
            .store
            .work_pattern(app.participant)
            .await
            .unwrap()
            .is_none()
    );

    // Trainers do not see working times.
    let (trainer, _) = app.login(&app.user(Role::Trainer).email.to_string()).await;
    let res = trainer.get(app.url(&page)).send().await.unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn participants_see_which_of_their_dates_fall_into_their_working_time() {
    let app = TestApp::spawn().await;
    let url = app.url("/mein-weg");
    let portal = |client: reqwest::Client| {
        let url = url.clone();
        async move {
            let res = client.get(url).send().await.unwrap();
            assert_eq!(res.status(), 200);
            res.text().await.unwrap()
        }
    };
    let email = app.user(Role::Participant).email.to_string();
    let (client, _) = app.login(&email).await;
    let html = portal(client.clone()).await;
    assert!(!html.contains("portal-warn"), "no working times yet");

    // Late shifts on Tuesdays: the Tuesday evening course needs release.
    let (status, _) = call(
        &app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/participants/{}/work-pattern", app.participant),
        Some(json!({"shifts": [{"weekday": "tue", "start": "14:00", "end": "22:00"}]})),
    )
    .await;
    assert_eq!(status, 200);
    let html = portal(client).await;
    // The portal speaks the participant's language (Arabic for the test participant).
    // One summary listing the dates, a short note at each of them.
    assert_eq!(html.matches("portal-warn").count(), 1, "{html}");
    assert!(html.contains("في وقت عملك: <bdi>"), "{html}");
    assert!(
        html.matches("portal-date-note").count() >= 3,
        "every Tuesday shown"
    );
}
