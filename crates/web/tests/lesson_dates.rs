//! Confirmed dates of individual lessons (issue 14, points 3, 5 and 6) through the real
//! server: the proposal is confirmed, a date moves and is cancelled with a reason (UID kept,
//! SEQUENCE rising), attendance counts as done hours of the covered difference, and the
//! participant's and the trainer's feeds carry the dates (read back by the `ical` crate).

mod common;

use std::io::BufReader;

use common::{Options, TestApp, api_call};
use lernweg_domain::Role;
use lernweg_store::Actor;
use serde_json::{Value, json};

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn codes(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|e| {
            format!(
                "{}/{}",
                e["field"].as_str().unwrap(),
                e["code"].as_str().unwrap()
            )
        })
        .collect()
}

async fn feed_events(app: &TestApp, secret: &str) -> Vec<ical::parser::ical::component::IcalEvent> {
    let body = reqwest::get(app.url(&format!("/feeds/{secret}.ics")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    ical::IcalParser::new(BufReader::new(body.as_bytes()))
        .next()
        .expect("a calendar")
        .expect("parses")
        .events
}

fn prop(e: &ical::parser::ical::component::IcalEvent, name: &str) -> String {
    e.properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.clone())
        .unwrap_or_default()
}

/// A case with one difference ("recht", 6 hours), early shifts on Tuesdays, and a lessons
/// item of 6 hours (2 a date, Tuesdays and Thursdays 15–20) with the trainer; its id.
async fn lessons_item(app: &TestApp) -> String {
    let pid = app.participant.to_string();
    let trainer = app.user(Role::Trainer).id.to_string();
    let (status, c) = api_call(
        app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/participants/{pid}/recognition"),
        Some(json!({
            "reference_occupation": "Pflegefachfrau", "kldb": "81302", "regulated": true,
            "authority": "Bezirksregierung Düsseldorf", "applied_on": "2026-03-02",
            "decided_on": "2026-07-15", "outcome": "substantial_differences",
            "deadline": "2028-06-30",
            "differences": [{"id": "recht", "title": "Rechtliche Grundlagen", "required_hours": 6}]
        })),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    let (status, w) = api_call(
        app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/participants/{pid}/work-pattern"),
        Some(json!({"travel_minutes": 30, "shifts": [
            {"weekday": "tue", "start": "06:00", "end": "14:00"}
        ]})),
    )
    .await;
    assert_eq!(status, 200, "{w}");
    let (status, item) = api_call(
        app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/participants/{pid}/plan/items"),
        Some(json!({
            "kind": "lessons", "title": "Berufsrecht mit Tutorin", "covers": ["recht"],
            "hours": 6, "session_hours": 2, "earliest": "2027-03-01", "weekdays": ["tue", "thu"],
            "window_start": "15:00", "window_end": "20:00", "trainer_id": trainer,
            "closures": [{"from": "2027-03-02", "to": "2027-03-04", "name": "Schließzeit"}]
        })),
    )
    .await;
    assert_eq!(status, 201, "{item}");
    item["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn confirmed_lesson_dates_behave_like_sessions_and_count_when_attended() {
    let app = TestApp::spawn_with(Options {
        today: Some(day("2027-03-01")),
        ..Options::default()
    })
    .await;
    let pid = app.participant.to_string();
    let trainer = app.user(Role::Trainer).id.to_string();
    let item_id = lessons_item(&app).await;
    let sessions_url = format!("/api/v1/plan-items/{item_id}/sessions");

    // The proposal, confirmed as it stands.
    let (status, proposal) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/plan-items/{item_id}/schedule"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{proposal}");
    let dates: Vec<Value> = proposal["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| json!({"date": s["date"], "start": s["start"], "end": s["end"]}))
        .collect();
    assert_eq!(dates.len(), 3);
    assert!(
        dates
            .iter()
            .all(|d| d["date"].as_str().unwrap() > "2027-03-04"),
        "none in the closing period: {dates:?}"
    );
    // Trainers do not confirm; a date in the past, overlaps and too many hours are refused.
    let (status, _) = api_call(
        &app,
        Role::Trainer,
        "POST",
        &sessions_url,
        Some(json!({ "sessions": dates })),
    )
    .await;
    assert_eq!(status, 403);
    let (status, e) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &sessions_url,
        Some(json!({"sessions": [
            {"date": "2027-02-26", "start": "17:00", "end": "18:00"},
            {"date": "2027-03-04", "start": "17:00", "end": "16:00"},
            {"date": "2027-03-05", "start": "17:00", "end": "19:00"},
            {"date": "2027-03-05", "start": "18:00", "end": "19:00"}
        ]})),
    )
    .await;
    assert_eq!(status, 422, "{e}");
    assert_eq!(
        codes(&e),
        ["date/in_past", "end/before_start", "date/overlap"]
    );
    let (status, list) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &sessions_url,
        Some(json!({ "sessions": dates })),
    )
    .await;
    assert_eq!(status, 201, "{list}");
    let confirmed = list["sessions"].as_array().unwrap().clone();
    assert_eq!(confirmed.len(), 3);
    assert!(confirmed.iter().all(|s| s["sequence"] == 0
        && s["status"] == "confirmed"
        && s["trainer_id"] == trainer.as_str()));
    let (status, e) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &sessions_url,
        Some(json!({"sessions": [{"date": "2027-06-01", "start": "17:00", "end": "18:00"}]})),
    )
    .await;
    assert_eq!(
        (status, codes(&e)),
        (422, vec!["sessions/over_hours".to_owned()])
    );
    // All hours have dates: nothing more to propose.
    let (status, e) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/plan-items/{item_id}/schedule"),
        None,
    )
    .await;
    assert_eq!(
        (status, codes(&e)),
        (422, vec!["hours/all_confirmed".to_owned()])
    );

    // Moving needs a reason; with one, the UID stays and SEQUENCE rises.
    let first = confirmed[0].clone();
    let one = format!("/api/v1/plan-sessions/{}", first["id"].as_str().unwrap());
    let (status, e) = api_call(
        &app,
        Role::Counsellor,
        "PATCH",
        &one,
        Some(json!({"start": "18:00", "end": "20:00"})),
    )
    .await;
    assert_eq!(
        (status, codes(&e)),
        (422, vec!["reason/required".to_owned()])
    );
    let (status, moved) = api_call(
        &app,
        Role::Counsellor,
        "PATCH",
        &one,
        Some(json!({"start": "18:00", "end": "20:00", "reason": "Tutorin später frei"})),
    )
    .await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["uid"], first["uid"]);
    assert_eq!(moved["sequence"], 1);
    assert_eq!(moved["start"], "18:00");
    assert_eq!(moved["changes"][0]["reason"], "Tutorin später frei");
    // The last one is cancelled.
    let last = format!(
        "/api/v1/plan-sessions/{}",
        confirmed[2]["id"].as_str().unwrap()
    );
    let (status, cancelled) = api_call(
        &app,
        Role::Counsellor,
        "PATCH",
        &last,
        Some(json!({"status": "cancelled", "reason": "Tutorin krank"})),
    )
    .await;
    assert_eq!(status, 200, "{cancelled}");
    assert_eq!(
        (&cancelled["status"], &cancelled["sequence"]),
        (&json!("cancelled"), &json!(1))
    );

    // The participant's next dates on /mein-weg (Arabic portal): the lessons, the
    // cancelled one marked.
    let (client, _) = app.login("participant@test.example").await;
    let html = client
        .get(app.url("/mein-weg"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // Three dates and the plan's item.
    assert_eq!(html.matches("Berufsrecht mit Tutorin").count(), 4, "{html}");
    assert!(
        html.contains("درس فردي"),
        "the kind in the portal's language"
    );
    assert!(html.contains("18:00–20:00"), "the moved time");

    // The feeds: the participant's (their language) and the trainer's (with the name).
    let store = &app.state.store;
    let secret = store
        .renew_participant_feed(&Actor::system(), app.participant, app.p1.id)
        .await
        .unwrap()
        .secret;
    let events = feed_events(&app, &secret).await;
    let uid = |s: &Value| s["uid"].as_str().unwrap().to_owned();
    let mine: Vec<_> = events
        .iter()
        .filter(|e| confirmed.iter().any(|s| uid(s) == prop(e, "UID")))
        .collect();
    assert_eq!(mine.len(), 3, "all dates, the cancelled one too");
    let ev = |s: &Value| *mine.iter().find(|e| prop(e, "UID") == uid(s)).unwrap();
    assert_eq!(prop(ev(&first), "SEQUENCE"), "1");
    assert!(
        prop(ev(&first), "DTSTART").ends_with("T180000"),
        "{:?}",
        ev(&first)
    );
    assert_eq!(prop(ev(&confirmed[2]), "STATUS"), "CANCELLED");
    assert!(prop(ev(&confirmed[2]), "DESCRIPTION").contains("Tutorin krank"));
    assert!(prop(ev(&confirmed[1]), "SUMMARY").contains("Berufsrecht mit Tutorin"));
    let trainer_secret = store
        .create_feed(
            &Actor::system(),
            lernweg_store::FeedKind::Trainer,
            &trainer,
            app.p1.id,
        )
        .await
        .unwrap()
        .secret;
    let theirs = feed_events(&app, &trainer_secret).await;
    let e = theirs
        .iter()
        .find(|e| prop(e, "UID") == uid(&confirmed[1]))
        .expect("the trainer's feed has the date");
    assert!(
        prop(e, "SUMMARY").contains("Berufsrecht mit Tutorin – "),
        "{e:?}"
    );

    // Attendance: before the date only excused; after it, present counts as done hours.
    let second = format!(
        "/api/v1/plan-sessions/{}/attendance",
        confirmed[1]["id"].as_str().unwrap()
    );
    let (status, e) = api_call(
        &app,
        Role::Trainer,
        "PUT",
        &second,
        Some(json!({"status": "present"})),
    )
    .await;
    assert_eq!(
        (status, codes(&e)),
        (422, vec!["status/in_future".to_owned()])
    );
    app.state
        .app
        .clock
        .set_day(day(confirmed[1]["date"].as_str().unwrap()) + chrono::Duration::days(1));
    let (status, a) = api_call(
        &app,
        Role::Trainer,
        "PUT",
        &second,
        Some(json!({"status": "present", "note": "gut mitgearbeitet"})),
    )
    .await;
    assert_eq!(status, 200, "{a}");
    assert_eq!(a["attendance"], "present");
    let (status, e) = api_call(
        &app,
        Role::Trainer,
        "PUT",
        &format!("{last}/attendance"),
        Some(json!({"status": "absent"})),
    )
    .await;
    assert_eq!(
        (status, codes(&e)),
        (422, vec!["status/cancelled".to_owned()])
    );
    let (_, plan) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/participants/{pid}/plan"),
        None,
    )
    .await;
    let recht = &plan["coverage"][0];
    assert_eq!(recht["done_hours"], 2.0, "{plan}");
    assert_eq!(recht["status"], "in_progress");
    // The trainer of the date records attendance, but does not list or move dates.
    let (status, _) = api_call(&app, Role::Trainer, "GET", &sessions_url, None).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn the_plan_page_confirms_the_proposal_records_attendance_and_cancels_with_a_reason() {
    let app = TestApp::spawn_with(Options {
        today: Some(day("2027-03-01")),
        ..Options::default()
    })
    .await;
    let item_id = lessons_item(&app).await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let page = format!(
        "/verwaltung/teilnehmende/{}/qualifizierungsplan",
        app.participant
    );
    let get = |path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    assert!(
        get(page.clone())
            .await
            .contains("Noch keine bestätigten Termine")
    );
    let html = client
        .post(app.url(&format!("/verwaltung/plan-bausteine/{item_id}/termine")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Diese Termine bestätigen"), "{html}");
    // The confirm form carries the proposal as hidden fields: post them as they are.
    let form = &html[html.find("/termine/bestaetigen").unwrap()..];
    let form = &form[..form.find("</form>").unwrap()];
    let fields: Vec<(String, String)> = form
        .split("<input type=\"hidden\" ")
        .skip(1)
        .map(|i| {
            let attr = |a: &str| {
                let rest = &i[i.find(&format!("{a}=\"")).unwrap() + a.len() + 2..];
                rest[..rest.find('"').unwrap()].to_owned()
            };
            (attr("name"), attr("value"))
        })
        .collect();
    assert_eq!(fields.iter().filter(|(n, _)| n == "date").count(), 3);
    let res = client
        .post(app.url(&format!(
            "/verwaltung/plan-bausteine/{item_id}/termine/bestaetigen"
        )))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, list) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/plan-items/{item_id}/sessions"),
        None,
    )
    .await;
    let dates = list["sessions"].as_array().unwrap().clone();
    assert_eq!(dates.len(), 3);
    assert!(
        dates
            .iter()
            .all(|d| d["date"].as_str().unwrap() > "2027-03-04"),
        "none in the closing period: {dates:?}"
    );
    let html = get(page.clone()).await;
    assert!(html.contains("Termine der Einzelstunden"));
    assert_eq!(html.matches(">bestätigt<").count(), 3, "{html}");

    // Confirming again would double the hours: refused, shown above the dates.
    let res = client
        .post(app.url(&format!(
            "/verwaltung/plan-bausteine/{item_id}/termine/bestaetigen"
        )))
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("überschneidet sich"));

    // Cancelling needs a reason.
    let change = format!(
        "/verwaltung/plan-termine/{}/aendern",
        dates[0]["id"].as_str().unwrap()
    );
    let res = client
        .post(app.url(&change))
        .form(&[("csrf", csrf.as_str()), ("cancel", "1"), ("reason", " ")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Bitte nennen Sie einen Grund")
    );
    let res = client
        .post(app.url(&change))
        .form(&[
            ("csrf", csrf.as_str()),
            ("cancel", "1"),
            ("reason", "Tutorin auf Fortbildung"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(
        get(page.clone())
            .await
            .contains("abgesagt – Grund: Tutorin auf Fortbildung")
    );

    // Attendance after the second date: present, and the hours count.
    app.state
        .app
        .clock
        .set_day(day(dates[1]["date"].as_str().unwrap()));
    // Days later: a new login.
    let (client, csrf) = app.login("counsellor@test.example").await;
    let res = client
        .post(app.url(&format!(
            "/verwaltung/plan-termine/{}/anwesenheit",
            dates[1]["id"].as_str().unwrap()
        )))
        .form(&[("csrf", csrf.as_str()), ("status", "present")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, plan) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/participants/{}/plan", app.participant),
        None,
    )
    .await;
    assert_eq!(plan["coverage"][0]["done_hours"], 2.0, "{plan}");

    // The trainer has the dates on the attendance overview, with the person's name, and
    // records there; the next date is still ahead: only "excused" is taken.
    let (trainer, csrf) = app.login("trainer@test.example").await;
    let html = trainer
        .get(app.url("/verwaltung/anwesenheit"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Einzelstunden"), "{html}");
    assert!(html.contains("Berufsrecht mit Tutorin – "), "{html}");
    let post = |id: &Value, status: &'static str| {
        trainer
            .post(app.url(&format!(
                "/verwaltung/plan-termine/{}/anwesenheit",
                id.as_str().unwrap()
            )))
            .form(&[("csrf", csrf.as_str()), ("status", status)])
            .send()
    };
    let res = post(&dates[2]["id"], "present").await.unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Vor dem Termin kann nur")
    );
    let res = post(&dates[1]["id"], "absent").await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"],
        "/verwaltung/anwesenheit#einzelstunden"
    );
}
